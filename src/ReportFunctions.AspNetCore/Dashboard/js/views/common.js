// Filters the cross-region views share.
import { el } from '../format.js';
import { select } from '../ui.js';

export function indicatorSelect(ctx, value, onchange) {
  return select('Indicator', 'f-indicator', ctx.indicators.map(i => [i.code, `${i.code} — ${i.description}`]), value, onchange);
}

export function periodSelect(periods, value, onchange) {
  return select('Period', 'f-period', periods.length ? periods : [['', 'none yet']], value, onchange);
}

/** Provinces: those with reports and those of cities with reports. */
export function provinces(ctx) {
  return [...new Set(ctx.regions.flatMap(r => r.level === 'province' ? [r.name] : r.province ? [r.province] : []))].sort();
}

export function provinceSelect(ctx, value, onchange, disabled = false) {
  const s = select('Province', 'f-province', [['', 'all'], ...provinces(ctx)], value ?? '', onchange);
  if (disabled) s.querySelector('select').disabled = true;
  return s;
}

export function filters(...controls) {
  return el('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: e => e.preventDefault() }, ...controls);
}

export function notFound(message) {
  return el('p', { id: 'no-data', class: 'muted' }, message);
}
