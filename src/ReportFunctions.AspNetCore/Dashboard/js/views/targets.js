// Targets vs outcomes: for one indicator and period, every region's target against what it achieved (met, missed,
// beaten, by how much), and per period the share of regions that met their target.
import { enc, getJsonOrNull } from '../api.js';
import { chartScale, el, formatGap, formatQualified, percent } from '../format.js';
import { barCharts, block, chart, palette, select, table } from '../ui.js';
import { filters, indicatorSelect, notFound, periodSelect, provinceSelect } from './common.js';

const maxPeriods = 10;

export async function targetsView(params, context) {
  const p = { indicator: params.indicator || 'gdp_growth', period: params.period || '', level: params.level || 'city', province: params.province || '' };
  if (p.level !== 'city') p.province = '';
  const set = await getJsonOrNull(`attainment/${enc(p.indicator)}`, { period: p.period, level: p.level, province: p.province });
  const ctx = await context;
  const go = changes => ctx.navigate('targets', { ...p, ...changes });
  const page = el('div', {}, el('h2', {}, 'Targets vs outcomes'), filters(
    indicatorSelect(ctx, p.indicator, v => go({ indicator: v, period: '' })),
    periodSelect(set?.available_periods ?? [], set?.period ?? p.period, v => go({ period: v })),
    select('Level', 'f-level', [['city', 'cities'], ['province', 'provinces']], p.level, v => go({ level: v, period: '', province: '' })),
    provinceSelect(ctx, p.province, v => go({ province: v }), p.level !== 'city')));
  if (!set) {
    page.append(notFound(`No region has both a target and an outcome for ${p.indicator}${p.period ? ' in ' + p.period : ''} yet.`));
    return page;
  }

  const entries = set.entries;
  const { factor, label } = chartScale(set.unit);
  const outcomeText = e => e.outcome === 'beaten' ? `beaten by ${formatGap(e.gap, e.unit, false)}` : e.outcome === 'met' ? `met (${formatGap(e.gap, e.unit)})` : `missed by ${formatGap(e.gap, e.unit, false)}`;
  const gapChart = barCharts(entries, (slice, first) => ({
    type: 'bar',
    data: {
      labels: slice.map(e => e.region),
      datasets: [
        { label: 'target', data: slice.map(e => e.target * factor), backgroundColor: palette.target },
        { label: 'outcome (colour: met green, missed red, beaten purple)', data: slice.map(e => e.actual * factor), backgroundColor: slice.map(e => palette[e.outcome] ?? palette.actual) },
      ],
    },
    options: {
      scales: { y: { title: { display: true, text: label } } },
      plugins: { tooltip: { callbacks: { label: c => { const e = entries[first + c.dataIndex]; return c.datasetIndex === 0 ? `target ${formatQualified(e.target, e.unit, e.target_qualifier)}` : `outcome ${formatQualified(e.actual, e.unit, e.actual_qualifier)}: ${outcomeText(e)}`; } } } },
    },
  }), { label: `Targets and outcomes of ${entries.length} regions, ${set.indicator} ${set.period}`, tableId: 'targets-table' });
  const tbl = table([
    { label: 'Region', text: e => e.region, data: e => e.region },
    { label: 'Province', text: e => e.province ?? '' },
    { label: 'Target', text: e => formatQualified(e.target, e.unit, e.target_qualifier), num: true, data: e => e.target },
    { label: 'Outcome', text: e => formatQualified(e.actual, e.unit, e.actual_qualifier), num: true, data: e => e.actual },
    { label: 'Gap', text: e => formatGap(e.gap, e.unit), num: true, data: e => e.gap },
    { label: 'Met?', text: outcomeText, cls: e => e.outcome, data: e => e.outcome },
  ], entries, { id: 'targets-table', caption: `${set.indicator} ${set.period}: gap = outcome − target; ${entries.filter(e => e.met).length} of ${entries.length} met`,
    rowAttrs: e => ({ dataset: { region: e.region, target: String(e.target), actual: String(e.actual), gap: String(e.gap), outcome: e.outcome } }) });
  page.append(block(`${set.indicator} ${set.period}: target against outcome`, gapChart, tbl));

  // Share of regions that met their target, per period (the latest few).
  const periods = set.available_periods.slice(0, maxPeriods);
  const sets = await Promise.all(periods.map(period => period === set.period ? set : getJsonOrNull(`attainment/${enc(p.indicator)}`, { period, level: p.level, province: p.province })));
  const shares = periods.map((period, i) => {
    const list = sets[i]?.entries ?? [];
    const met = list.filter(e => e.met).length;
    return { period, regions: list.length, met, share: list.length ? 100 * met / list.length : null };
  }).reverse();
  const shareChart = chart({
    type: 'bar',
    data: { labels: shares.map(s => s.period), datasets: [{ label: 'share of regions that met the target (%)', data: shares.map(s => s.share), backgroundColor: palette.met }] },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
  }, { label: `Share of regions that met their ${set.indicator} target, per period`, tableId: 'share-table' });
  page.append(block('Share of regions that met the target, per period', shareChart, table([
    { label: 'Period', text: s => s.period, data: s => s.period },
    { label: 'Regions', text: s => s.regions, num: true, data: s => s.regions },
    { label: 'Met', text: s => s.met, num: true, data: s => s.met },
    { label: 'Share', text: s => s.share === null ? '–' : percent(s.share), num: true },
  ], shares, { id: 'share-table', caption: 'Met: the outcome satisfies the target with its qualifier (about, at least, below…)',
    rowAttrs: s => ({ dataset: { period: s.period, regions: String(s.regions), met: String(s.met) } }) })));
  return page;
}
