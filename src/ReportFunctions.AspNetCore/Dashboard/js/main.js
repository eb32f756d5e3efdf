// The dashboard: five views over the API, picked by the address's fragment (#ranking?indicator=gdp_growth&period=2024),
// so a view with its filters can be shared as a link (which never carries the function key).
import { adoptKeyFromUrl, functionKey, getJson, whenUnauthorized } from './api.js';
import { clearCharts, drawCharts } from './ui.js';
import { regionView } from './views/region.js';
import { rankingView } from './views/ranking.js';
import { targetsView } from './views/targets.js';
import { amplificationView } from './views/amplification.js';
import { reportsView, reportView } from './views/reports.js';

const views = { region: regionView, ranking: rankingView, targets: targetsView, amplification: amplificationView, reports: reportsView, report: reportView };
const status = document.getElementById('status');
const root = document.getElementById('view');
const keyForm = document.getElementById('key-form');
const keyForget = document.getElementById('key-forget');
/** The indicators and regions every view uses: fetched once, while the first view fetches its own data. */
let context = null;
let firstRender = true;

export function setStatus(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** The fragment as a view name and its parameters. */
function route() {
  const [name, query] = location.hash.replace(/^#/, '').split('?');
  return { name: views[name] ? name : 'ranking', params: Object.fromEntries(new URLSearchParams(query ?? '')) };
}

/** Goes to a view with parameters (empty ones dropped); the hashchange renders it. */
export function navigate(name, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const hash = '#' + name + (query.size ? '?' + query : '');
  if (location.hash !== hash) location.hash = hash;
}

async function loadContext() {
  const [indicators, regions] = await Promise.all([getJson('indicators'), getJson('regions')]);
  return { indicators: indicators.indicators, indicator: Object.fromEntries(indicators.indicators.map(i => [i.code, i])), regions: regions.regions, navigate, setStatus };
}

/** The context as a promise (a view starts its own request, then awaits it); forgotten if it failed, so the next render asks again. */
function contextPromise() {
  if (!context) {
    context = loadContext();
    context.catch(() => { context = null; });
  }
  return context;
}

let generation = 0;
async function render() {
  const { name, params } = route();
  const mine = ++generation;
  document.body.dataset.ready = 'false';
  document.body.dataset.view = name;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === name || (name === 'report' && a.dataset.view === 'reports')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const focusedId = document.activeElement?.id;
  setStatus('Loading…');
  try {
    const content = await views[name](params, contextPromise());
    performance.mark('view-built:' + name);
    if (mine !== generation) return;
    clearCharts();
    root.replaceChildren(content);
    await drawCharts(root);
    if (mine !== generation) return;
    performance.mark('view-drawn:' + name);
    setStatus('');
    if (focusedId && document.getElementById(focusedId)) document.getElementById(focusedId).focus();
  } catch (e) {
    if (mine !== generation) return;
    clearCharts();
    root.replaceChildren();
    setStatus(e.message || String(e), true);
  }
  // Ready once the browser has laid out and painted the view.
  await new Promise(r => requestAnimationFrame(() => r()));
  if (mine !== generation) return;
  document.body.dataset.ready = 'true';
  performance.mark('view-ready:' + name);
  if (firstRender) { firstRender = false; performance.mark('dashboard-ready'); }
}

function showKeyForm() {
  keyForm.hidden = false;
  keyForget.hidden = true;
  document.getElementById('key-input').focus();
}

keyForm.addEventListener('submit', e => {
  e.preventDefault();
  functionKey.set(document.getElementById('key-input').value.trim());
  document.getElementById('key-input').value = '';
  keyForm.hidden = true;
  keyForget.hidden = false;
  context = null;
  render();
});
keyForget.addEventListener('click', () => { functionKey.forget(); keyForget.hidden = true; showKeyForm(); });

adoptKeyFromUrl();
keyForget.hidden = !functionKey.get();
whenUnauthorized(showKeyForm);
window.addEventListener('hashchange', render);
render();
