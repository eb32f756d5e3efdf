// Ranking: one indicator, period, kind, level (and province) as a bar chart in rank order, ties shown, with the same
// rows as a table and a CSV file of exactly those rows.
import { enc, getJsonOrNull } from '../api.js';
import { chartScale, el, formatQualified, percent } from '../format.js';
import { barCharts, block, csvLink, palette, select, table } from '../ui.js';
import { filters, indicatorSelect, notFound, periodSelect, provinceSelect } from './common.js';

export async function rankingView(params, context) {
  const p = { indicator: params.indicator || 'gdp_growth', period: params.period || '', kind: params.kind || 'actual', level: params.level || 'city', province: params.province || '' };
  if (p.level !== 'city') p.province = '';
  const ranking = await getJsonOrNull(`rankings/${enc(p.indicator)}`, { period: p.period, kind: p.kind, level: p.level, province: p.province });
  const ctx = await context;
  const go = changes => ctx.navigate('ranking', { ...p, ...changes });
  const page = el('div', {}, el('h2', {}, 'Ranking'), filters(
    indicatorSelect(ctx, p.indicator, v => go({ indicator: v, period: '' })),
    periodSelect(ranking?.available_periods ?? [], ranking?.period ?? p.period, v => go({ period: v })),
    select('Kind', 'f-kind', [['actual', 'actual (achieved)'], ['target', 'target (planned)']], p.kind, v => go({ kind: v, period: '' })),
    select('Level', 'f-level', [['city', 'cities'], ['province', 'provinces']], p.level, v => go({ level: v, period: '', province: '' })),
    provinceSelect(ctx, p.province, v => go({ province: v, period: '' }), p.level !== 'city')));
  if (!ranking) {
    page.append(notFound(`No ${p.kind} ranking of ${p.indicator} for ${p.level === 'city' ? 'cities' : 'provinces'}${p.province ? ' in ' + p.province : ''}${p.period ? ' in ' + p.period : ''} yet (at least two regions must report it).`));
    return page;
  }
  const { factor, label } = chartScale(ranking.unit);
  const sharing = Map.groupBy(ranking.entries, e => e.rank);
  const tie = e => sharing.get(e.rank).length > 1;
  const rankText = e => tie(e) ? `${e.rank}=` : String(e.rank);
  const entries = ranking.entries;
  const box = barCharts(entries, (slice, first) => ({
    type: 'bar',
    data: {
      labels: slice.map(e => `${rankText(e)} ${e.region}`),
      datasets: [{ label: `${ranking.indicator} ${ranking.period} (${ranking.kind})`, data: slice.map(e => e.value * factor), backgroundColor: palette.actual }],
    },
    options: {
      scales: { x: { title: { display: true, text: label } } },
      plugins: { tooltip: { callbacks: { label: c => { const e = entries[first + c.dataIndex]; return `${formatQualified(e.value, e.unit, e.qualifier)}, percentile ${percent(e.percentile)}`; } } } },
    },
  }), { label: `Ranking of ${entries.length} regions by ${ranking.indicator}, ${ranking.period}`, tableId: 'ranking-table', horizontal: true });
  const columns = [
    { label: 'Rank', text: rankText, num: true, data: e => e.rank },
    { label: 'Region', text: e => e.region, data: e => e.region },
    { label: 'Province', text: e => e.province ?? '' },
    { label: 'Value', text: e => formatQualified(e.value, e.unit, e.qualifier), num: true, data: e => e.value },
    { label: 'Percentile', text: e => percent(e.percentile), num: true, data: e => e.percentile },
    { label: 'Report year', text: e => e.report_year ?? '', num: true },
  ];
  const csv = csvLink(`ranking-${ranking.indicator}-${ranking.period}-${ranking.kind}-${ranking.level}${ranking.province ? '-' + ranking.province : ''}.csv`,
    ['rank', 'region', 'province', 'value', 'unit', 'qualifier', 'percentile', 'report_year'],
    entries.map(e => [rankText(e), e.region, e.province ?? '', e.value, e.unit, e.qualifier, e.percentile, e.report_year ?? '']));
  page.append(block(`${ranking.indicator} ${ranking.period}, ${ranking.kind}: ${ranking.ranked} ${ranking.level === 'city' ? 'cities' : 'provinces'}${ranking.province ? ' in ' + ranking.province : ''} (${ranking.direction.replaceAll('_', ' ')})`,
    box,
    table(columns, entries, { id: 'ranking-table', caption: `Ranking, ${ranking.period}; ties share a rank (marked =). Percentile: ${ranking.percentile_definition}.`,
      rowAttrs: e => ({ dataset: { region: e.region, rank: String(e.rank), value: String(e.value), percentile: String(e.percentile) } }) }),
    el('p', {}, csv, el('span', { class: 'muted' }, ` · computed ${new Date(ranking.computed_at).toLocaleString('en-GB')}`))));
  return page;
}
