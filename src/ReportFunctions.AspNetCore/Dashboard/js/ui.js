// Charts and tables the views share. Every chart is drawn by Chart.js (window.Chart, from the npm package) with its
// data as a table right below it: the table is what screen readers and the keyboard use.
import { el } from './format.js';

const charts = new Set();
const pending = new WeakMap();
let offscreen = null;

/** Chart.js, run once this module is: beside the first view's requests, not before them. */
const chartJs = new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = new URL('../vendor/chart.umd.min.js', import.meta.url).href;
  script.onload = resolve;
  script.onerror = () => reject(new Error('The chart library could not be loaded.'));
  document.head.append(script);
});

/** Destroys the charts of the previous view. */
export function clearCharts() {
  offscreen?.disconnect();
  offscreen = null;
  for (const c of charts) c.destroy();
  charts.clear();
}

/**
 * Draws the charts of a view once it is in the document (Chart.js measures its box): those in or near the viewport at
 * once, the others when scrolled near it (a region has a chart per indicator, up to 31; drawing them all took a second).
 * Every chart's table is in the page from the start.
 */
export async function drawCharts(root) {
  await chartJs;
  if (!root.isConnected) return;
  const boxes = [...root.querySelectorAll('.chart')].filter(box => pending.has(box));
  const margin = 200;
  // All positions first, then the drawing: a chart drawn between two reads would make each read lay the page out again.
  const visible = boxes.map(box => { const r = box.getBoundingClientRect(); return r.top < window.innerHeight + margin && r.bottom > -margin; });
  offscreen = new IntersectionObserver(entries => {
    for (const e of entries) if (e.isIntersecting) { offscreen?.unobserve(e.target); draw(e.target); }
  }, { rootMargin: `${margin}px 0px` });
  boxes.forEach((box, i) => visible[i] ? draw(box) : offscreen.observe(box));
}

function draw(box) {
  const config = pending.get(box);
  if (!config) return;
  pending.delete(box);
  charts.add(new window.Chart(box.querySelector('canvas'), config));
}

/** A chart in a fixed-height box; the canvas is labelled for assistive technology and points at its table. */
export function chart(config, { label, tableId, tall = false }) {
  const canvas = el('canvas', { role: 'img', 'aria-label': label, 'aria-describedby': tableId });
  const box = el('div', { class: tall ? 'chart tall' : 'chart' }, canvas);
  const merged = {
    ...config,
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      ...config.options,
      plugins: { legend: { position: 'bottom' }, ...(config.options?.plugins ?? {}) },
    },
  };
  pending.set(box, merged);
  return box;
}

/**
 * A bar chart of many categories (a ranking of 300 cities) as consecutive charts of at most `per` bars each, on one value
 * scale: each stays readable, and only those scrolled near the viewport are drawn (one chart of 300 bars took half a
 * second to draw). make(rows, first) gives the Chart.js config of a slice of the rows (first: the slice's offset).
 */
export function barCharts(rows, make, { per = 50, label, tableId, horizontal = false }) {
  const configs = [];
  for (let first = 0; first < rows.length || first === 0; first += per) configs.push(make(rows.slice(first, first + per), first));
  const values = configs.flatMap(c => c.data.datasets.flatMap(d => d.data)).filter(v => typeof v === 'number' && Number.isFinite(v));
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const axis = horizontal ? 'x' : 'y';
  return el('div', { class: 'bar-charts' }, configs.map((config, k) => {
    const n = config.data.labels.length;
    const scales = { ...config.options?.scales, [axis]: { ...config.options?.scales?.[axis], suggestedMin: lo, suggestedMax: hi } };
    const part = configs.length > 1 ? ` (${k * per + 1}–${k * per + n} of ${rows.length})` : '';
    const options = { ...config.options, ...(horizontal ? { indexAxis: 'y' } : {}), scales };
    const box = chart({ ...config, options }, { label: label + part, tableId, tall: horizontal && n > 8 });
    if (horizontal && n > 16) box.style.height = `${n * 22 + 60}px`;
    return box;
  }));
}

/**
 * A table of rows. columns: { label, text(row), num?, cls?(row), data?(row) } — data(row) is the raw value (the API's),
 * kept in data-value so that a test can compare what is shown with the API's answer.
 */
export function table(columns, rows, { caption, id, rowAttrs } = {}) {
  const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.num ? 'num' : undefined }, c.label)));
  const body = rows.map(r => el('tr', rowAttrs ? rowAttrs(r) : {}, columns.map(c => {
    const content = c.text(r);
    const td = el('td', { class: [c.num ? 'num' : '', c.cls ? c.cls(r) : ''].join(' ').trim() || undefined, dataset: c.key ? { key: c.key } : undefined },
      content instanceof Node ? content : String(content ?? ''));
    if (c.data) { const v = c.data(r); if (v !== undefined && v !== null) td.dataset.value = String(v); }
    return td;
  })));
  return el('table', { id }, caption ? el('caption', {}, caption) : null, el('thead', {}, head), el('tbody', {}, body));
}

export function select(label, id, options, value, onchange) {
  const s = el('select', { id, onchange: e => onchange(e.target.value) },
    options.map(o => { const [v, t] = Array.isArray(o) ? o : [o, o]; return el('option', { value: v, selected: v === value }, t); }));
  return el('label', { for: id }, label, s);
}

export function block(title, ...children) {
  return el('section', { class: 'chart-block' }, el('h3', {}, title), ...children);
}

/** A CSV file of exactly the rows shown, offered for download (made in the page: no request). */
export function csvLink(filename, header, rows, text = 'Download CSV') {
  const quote = v => { const s = String(v ?? ''); return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
  const csv = '\ufeff' + [header, ...rows].map(r => r.map(quote).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  return el('a', { href: url, download: filename, id: 'csv-download' }, text);
}

export const palette = { actual: '#1f5fbf', target: '#e07b00', met: '#1b7f3b', missed: '#b42318', beaten: '#7a4cc2', national: '#6b7280', province: '#e07b00', city: '#1f5fbf' };
