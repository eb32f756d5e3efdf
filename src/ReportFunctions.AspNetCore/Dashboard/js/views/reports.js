// Reports: every report with its status, region, year, fact count and failure reason; upload by drag and drop or
// the file picker, each upload followed until it is ingested. #report?id= shows one report with its facts.
import { enc, getAllPages, getJson, request } from '../api.js';
import { el, formatQualified } from '../format.js';
import { block, table } from '../ui.js';

const pollMs = 500, pollLimitMs = 180_000;

export async function reportsView(params, context) {
  const reports = await getAllPages('reports', {}, 'reports');
  const ctx = await context;
  const uploads = el('ul', { id: 'uploads', class: 'uploads', 'aria-live': 'polite' });
  const picker = el('input', { id: 'upload-input', type: 'file', multiple: true, accept: '.txt,.pdf,.html,.htm,.docx,text/plain,application/pdf,text/html' });
  const zone = el('div', { id: 'drop-zone', class: 'drop' },
    el('p', {}, 'Drop report files here (text, PDF, web page or Word .docx), or '),
    el('label', { for: 'upload-input' }, 'choose files: '), picker);
  const upload = files => { for (const f of files) uploadOne(f, uploads, ctx); };
  picker.addEventListener('change', () => { upload(picker.files); picker.value = ''; });
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => { e.preventDefault(); zone.classList.remove('over'); upload(e.dataTransfer.files); });

  const counts = Object.entries(Object.groupBy(reports, r => r.status)).map(([s, l]) => `${l.length} ${s}`).join(', ');
  return el('div', {}, el('h2', {}, 'Reports'), zone, uploads,
    block(`${reports.length} reports${counts ? ' (' + counts + ')' : ''}`, table([
      { label: 'Report', text: r => el('a', { href: `#report?id=${enc(r.id)}` }, r.name), data: r => r.id },
      { label: 'Status', text: r => r.status, data: r => r.status, cls: r => r.status === 'Failed' ? 'missed' : '' },
      { label: 'Region', text: r => r.region ?? '', data: r => r.region },
      { label: 'Year', text: r => r.year ?? '', num: true, data: r => r.year },
      { label: 'Facts', text: r => r.fact_count, num: true, data: r => r.fact_count },
      { label: 'Failure reason', text: r => r.error ?? '' },
    ], reports, { id: 'reports-table', caption: 'Every report received, as the API lists them',
      rowAttrs: r => ({ dataset: { id: r.id, status: r.status, facts: String(r.fact_count) } }) })));
}

async function uploadOne(file, list, ctx) {
  const item = el('li', { dataset: { name: file.name } }, `${file.name}: uploading…`);
  list.append(item);
  try {
    const { body } = await request('reports', { method: 'POST', query: { name: file.name }, body: file, contentType: file.type || 'application/octet-stream' });
    item.textContent = `${file.name}: received, being ingested…`;
    const started = Date.now();
    let report;
    do {
      await new Promise(r => setTimeout(r, pollMs));
      report = await getJson(`reports/${enc(body.id)}`);
    } while (report.status === 'Processing' && Date.now() - started < pollLimitMs);
    item.dataset.status = report.status;
    item.replaceChildren(`${file.name}: ${report.status}`,
      report.status === 'Succeeded' ? `, ${report.fact_count} facts (${report.region ?? 'unknown region'}, ${report.year ?? 'unknown year'}) ` : '',
      report.status === 'Failed' ? `: ${report.error} ` : '',
      report.status === 'Processing' ? ' (still being ingested; reload later) ' : '',
      el('a', { href: `#report?id=${enc(report.id)}`, class: 'uploaded-report' }, 'view'));
  } catch (e) {
    item.dataset.status = 'error';
    item.textContent = `${file.name}: ${e.message}`;
    item.classList.add('missed');
  }
}

export async function reportView(params) {
  if (!params.id) return el('p', {}, 'No report given.');
  const report = await getJson(`reports/${enc(params.id)}`);
  const facts = report.facts ?? [];
  return el('div', {}, el('h2', {}, `Report ${report.name}`),
    el('p', { id: 'report-summary' }, `${report.status} · ${report.region ?? 'unknown region'}${report.province ? ', ' + report.province : ''} · ${report.year ?? 'unknown year'} · ${report.fact_count} facts`,
      report.error ? ` · ${report.error}` : ''),
    el('p', {}, el('a', { href: '#reports' }, 'All reports')),
    block('Facts', table([
      { label: 'Indicator', text: f => f.indicator, data: f => f.indicator },
      { label: 'Period', text: f => f.period, data: f => f.period },
      { label: 'Kind', text: f => f.kind, data: f => f.kind },
      { label: 'Value', text: f => formatQualified(f.value, f.unit, f.qualifier), num: true, data: f => f.value },
      { label: 'Evidence (verbatim)', text: f => el('q', {}, f.evidence_display) },
    ], facts, { id: 'report-facts', caption: `Facts read from ${report.name}`,
      rowAttrs: f => ({ dataset: { indicator: f.indicator, period: f.period, kind: f.kind, value: String(f.value) } }) })));
}
