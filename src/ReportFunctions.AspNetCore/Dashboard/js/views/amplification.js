// Target amplification: each city's target beside its province's and the nation's, with city minus province and
// province minus nation (GET /api/amplification/{code}).
import { enc, getJsonOrNull } from '../api.js';
import { chartScale, el, formatGap, formatQualified } from '../format.js';
import { barCharts, block, palette, table } from '../ui.js';
import { filters, indicatorSelect, notFound, periodSelect, provinceSelect } from './common.js';

export async function amplificationView(params, context) {
  const p = { indicator: params.indicator || 'gdp_growth', period: params.period || '', province: params.province || '' };
  const set = await getJsonOrNull(`amplification/${enc(p.indicator)}`, { period: p.period, province: p.province });
  const ctx = await context;
  const go = changes => ctx.navigate('amplification', { ...p, ...changes });
  const page = el('div', {}, el('h2', {}, 'Target amplification'), filters(
    indicatorSelect(ctx, p.indicator, v => go({ indicator: v, period: '' })),
    periodSelect(set?.available_periods ?? [], set?.period ?? p.period, v => go({ period: v })),
    provinceSelect(ctx, p.province, v => go({ province: v }))));
  if (!set) {
    page.append(notFound(`No region has a target for ${p.indicator} yet.`));
    return page;
  }
  const q = t => t ? formatQualified(t.value, t.unit, t.qualifier) : '–';
  const { factor, label } = chartScale(set.unit);
  const entries = set.entries;
  page.append(el('p', { class: 'muted' }, set.definition, '. National target: ', set.national ? q(set.national) : 'none stated in the reports loaded', '.'));
  if (entries.length === 0) page.append(notFound(`No city has a target for ${set.indicator} in ${set.period}${set.province ? ' in ' + set.province : ''}.`));
  else {
    const box = barCharts(entries, slice => ({
      type: 'bar',
      data: {
        labels: slice.map(e => e.city),
        datasets: [
          { label: 'city target', data: slice.map(e => e.target.value * factor), backgroundColor: palette.city },
          { label: "province's target", data: slice.map(e => e.province_target ? e.province_target.value * factor : null), backgroundColor: palette.province },
          { label: "nation's target", data: slice.map(e => e.national_target ? e.national_target.value * factor : null), backgroundColor: palette.national },
        ],
      },
      options: { scales: { y: { title: { display: true, text: label } } } },
    }), { label: `Targets of ${entries.length} cities beside their provinces' and the nation's, ${set.indicator} ${set.period}`, tableId: 'amplification-table' });
    page.append(block(`${set.indicator} ${set.period}: city, province and national targets`, box, table([
      { label: 'City', text: e => e.city, data: e => e.city },
      { label: 'Province', text: e => e.province },
      { label: 'City target', text: e => q(e.target), num: true, data: e => e.target.value },
      { label: "Province's target", text: e => q(e.province_target), num: true, data: e => e.province_target?.value },
      { label: "Nation's target", text: e => q(e.national_target), num: true, data: e => e.national_target?.value },
      { label: 'City − province', text: e => formatGap(e.city_minus_province, set.unit), num: true, data: e => e.city_minus_province },
      { label: 'Province − nation', text: e => formatGap(e.province_minus_nation, set.unit), num: true, data: e => e.province_minus_nation },
    ], entries, { id: 'amplification-table', caption: 'Each target as its report states it (the latest report per region); differences only where both targets exist',
      rowAttrs: e => ({ dataset: { city: e.city, target: String(e.target.value), cityMinusProvince: String(e.city_minus_province ?? ''), provinceMinusNation: String(e.province_minus_nation ?? '') } }) })));
  }
  if (set.provinces.length) page.append(block('Provinces against the nation', table([
    { label: 'Province', text: r => r.province, data: r => r.province },
    { label: "Province's target", text: r => q(r.target), num: true, data: r => r.target.value },
    { label: "Nation's target", text: r => q(r.national_target), num: true },
    { label: 'Province − nation', text: r => formatGap(r.province_minus_nation, set.unit), num: true, data: r => r.province_minus_nation },
  ], set.provinces, { id: 'amplification-provinces', caption: 'Province − nation for each province with a target' })));
  return page;
}
