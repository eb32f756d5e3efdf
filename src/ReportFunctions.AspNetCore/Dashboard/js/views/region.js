// Region: pick a region by English or Chinese name; each indicator over the years (actuals as a line, targets as
// markers coloured by met / missed / beaten), its data as a table below, and the evidence of a clicked point.
import { enc, getAllPages, getJson } from '../api.js';
import { chartScale, el, formatGap, formatQualified } from '../format.js';
import { block, chart, palette, table } from '../ui.js';

const outcomeColour = { met: palette.met, missed: palette.missed, beaten: palette.beaten };

/** The region a typed name means: English name, Chinese name with or without 市/省, or "Name (中文)" from the list. */
export function findRegion(regions, text) {
  const t = (text || '').trim().toLowerCase();
  if (!t) return null;
  const bare = s => (s || '').replace(/(市|省|自治区|特别行政区)$/, '');
  return regions.find(r => r.name.toLowerCase() === t || `${r.name} (${r.name_zh})`.toLowerCase() === t
    || r.name_zh === text.trim() || (r.name_zh && bare(r.name_zh) === bare(text.trim()))) ?? null;
}

/** Periods in time order: by last year, a single year before a span ending the same year. */
const periodOrder = (a, b) => a.slice(-4).localeCompare(b.slice(-4)) || a.length - b.length || a.localeCompare(b);

export async function regionView(params, context) {
  const data = params.name ? Promise.all([
    getAllPages(`regions/${enc(params.name)}/facts`, {}, 'facts'),
    getJson(`regions/${enc(params.name)}/attainment`),
  ]) : null;
  data?.catch(() => {}); // awaited below; if the context fails first, its error is the one shown
  const ctx = await context;
  const search = el('input', { id: 'region-search', type: 'search', list: 'region-names', value: params.name ?? '', autocomplete: 'off', placeholder: 'Jiaxing or 嘉兴' });
  const go = () => {
    const region = findRegion(ctx.regions, search.value);
    if (region) ctx.navigate('region', { name: region.name });
    else ctx.setStatus(`No region with reports is called “${search.value}”.`, true);
  };
  search.addEventListener('change', go);
  search.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); go(); } });
  const filters = el('form', { class: 'filters', role: 'search', onsubmit: e => { e.preventDefault(); go(); } },
    el('label', { for: 'region-search' }, 'Region (English or Chinese name)', search),
    el('datalist', { id: 'region-names' }, ctx.regions.map(r => el('option', { value: r.name_zh ? `${r.name} (${r.name_zh})` : r.name }))),
    el('button', { type: 'submit' }, 'Show'));
  const page = el('div', {}, el('h2', {}, 'Region'), filters);
  if (!params.name) {
    page.append(el('p', { class: 'muted' }, `${ctx.regions.length} regions have reports. Type a name to see its indicators over the years.`));
    return page;
  }

  const [facts, attainment] = await data;
  const regionInfo = ctx.regions.find(r => r.name === params.name);
  page.append(el('p', {}, el('strong', {}, params.name), regionInfo?.name_zh ? ` ${regionInfo.name_zh}` : '',
    regionInfo ? ` · ${regionInfo.level}${regionInfo.province ? ', ' + regionInfo.province : ''} · ${facts.length} facts` : ''));
  const evidence = el('div', { id: 'evidence', class: 'evidence', role: 'region', 'aria-label': 'Evidence', 'aria-live': 'polite', tabindex: '-1', hidden: true });
  page.append(evidence);

  const outcomes = new Map(attainment.attainment.map(a => [`${a.indicator}|${a.period}`, a]));
  const byIndicator = Map.groupBy(facts, f => f.indicator);
  const order = ctx.indicators.map(i => i.code).filter(c => byIndicator.has(c));
  for (const code of order) page.append(indicatorBlock(code, byIndicator.get(code), ctx.indicator[code], outcomes, evidence));
  if (order.length === 0) page.append(el('p', {}, 'No facts for this region.'));
  return page;
}

function indicatorBlock(code, facts, indicator, outcomes, evidencePanel) {
  const unit = indicator?.unit ?? facts[0].unit;
  const periods = [...new Set(facts.map(f => f.period))].sort(periodOrder);
  const { factor, label } = chartScale(unit);
  const inUnit = facts.filter(f => f.unit === unit);
  const actual = periods.map(p => inUnit.find(f => f.period === p && f.kind === 'actual') ?? null);
  const target = periods.map(p => inUnit.find(f => f.period === p && f.kind === 'target') ?? null);
  const targetColour = target.map(f => f ? outcomeColour[outcomes.get(`${code}|${f.period}`)?.outcome] ?? palette.target : palette.target);
  const tableId = `table-${code}`;
  const show = fact => showEvidence(evidencePanel, fact, indicator);
  const box = chart({
    type: 'line',
    data: {
      labels: periods,
      datasets: [
        { label: 'actual', data: actual.map(f => f ? f.value * factor : null), borderColor: palette.actual, backgroundColor: palette.actual, spanGaps: true, pointRadius: 4, facts: actual },
        { label: 'target (colour: met green, missed red, beaten purple)', data: target.map(f => f ? f.value * factor : null), showLine: false, pointStyle: 'triangle', pointRadius: 8,
          borderColor: targetColour, backgroundColor: targetColour, facts: target },
      ],
    },
    options: {
      scales: { y: { title: { display: true, text: label } } },
      plugins: { tooltip: { callbacks: { label: c => { const f = c.dataset.facts[c.dataIndex]; return f ? `${f.kind}: ${formatQualified(f.value, f.unit, f.qualifier)}` : ''; } } } },
      onClick: (_, elements, c) => { const hit = elements[0]; if (hit) { const f = c.data.datasets[hit.datasetIndex].facts[hit.index]; if (f) show(f); } },
    },
  }, { label: `${code}: actual values and targets by period`, tableId });
  box.dataset.indicator = code;

  const rows = [...inUnit, ...facts.filter(f => f.unit !== unit)].sort((a, b) => periodOrder(a.period, b.period) || a.kind.localeCompare(b.kind));
  const tbl = table([
    { label: 'Period', text: f => f.period, key: 'period', data: f => f.period },
    { label: 'Kind', text: f => f.kind, key: 'kind', data: f => f.kind },
    { label: 'Value', text: f => formatQualified(f.value, f.unit, f.qualifier), num: true, key: 'value', data: f => f.value },
    { label: 'Against target', key: 'outcome', text: f => { const a = f.kind === 'target' ? outcomes.get(`${code}|${f.period}`) : null; return a ? `${a.outcome} (${formatGap(a.gap, a.unit)})` : ''; },
      cls: f => (f.kind === 'target' ? outcomes.get(`${code}|${f.period}`)?.outcome : '') ?? '' },
    { label: 'Report', text: f => f.report_year ? `${f.report_year}` : '', key: 'report' },
    { label: 'Evidence', text: f => el('button', { type: 'button', class: 'link', onclick: () => show(f) }, 'Show evidence') },
  ], rows, { caption: `${code} (${indicator?.description ?? ''})`, id: tableId,
    rowAttrs: f => ({ dataset: { indicator: f.indicator, period: f.period, kind: f.kind, value: String(f.value), report: f.report } }) });
  return block(`${code} — ${indicator?.description ?? ''}`, box, tbl);
}

function showEvidence(panel, f, indicator) {
  panel.hidden = false;
  panel.replaceChildren(
    el('h3', {}, `Evidence: ${f.indicator} ${f.period} ${f.kind}, ${formatQualified(f.value, f.unit, f.qualifier)}`),
    el('blockquote', { id: 'evidence-text', lang: /[\u4e00-\u9fff]/.test(f.evidence) ? 'zh' : 'en' }, f.evidence),
    el('p', {}, `From report ${f.report}${f.report_year ? ' (' + f.report_year + ')' : ''}, characters ${f.evidence_start}–${f.evidence_start + f.evidence_length}. `,
      el('a', { id: 'evidence-report', href: `#report?id=${enc(f.report)}` }, 'Open the report')),
    indicator ? el('p', { class: 'muted' }, indicator.description) : null);
  panel.focus();
}
