// Numbers as analysts read them: money in 亿 (100 million) and billions of yuan, percentages with their qualifier,
// gaps of percentages in percentage points.
const qualifierWords = { about: 'about', above: 'above', at_least: 'at least', below: 'below', at_most: 'at most', exact: '' };

const grouped = (v, digits = 2) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A value with its unit: 6739.5亿元 (673.95 billion yuan), 5.5%, 52,000 yuan, 1,200 persons. */
export function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'CNY':
      if (Math.abs(value) >= 1e8) return `${grouped(value / 1e8)}亿元 (${grouped(value / 1e9)} billion yuan)`;
      if (Math.abs(value) >= 1e4) return `${grouped(value / 1e4)}万元 (${grouped(value)} yuan)`;
      return `${grouped(value)} yuan`;
    case 'USD':
      if (Math.abs(value) >= 1e8) return `${grouped(value / 1e9)} billion US dollars`;
      return `${grouped(value)} US dollars`;
    case '%': return `${grouped(value)}%`;
    case 'persons': return `${grouped(value, 0)} persons`;
    case 'years': return `${grouped(value)} years`;
    case 'TEU': return `${grouped(value, 0)} TEU`;
    default: return grouped(value);
  }
}

/** A value with its qualifier in words: "about 6%", "at least 5.5%", "673.95 billion yuan". */
export function formatQualified(value, unit, qualifier) {
  const word = qualifierWords[qualifier] ?? qualifier ?? '';
  return (word ? word + ' ' : '') + formatValue(value, unit);
}

/** A difference: +0.5 pp for percentages, else a signed value in the unit; unsigned: 0.5 pp ("missed by 0.5 pp"). */
export function formatGap(gap, unit, signed = true) {
  if (gap === null || gap === undefined) return '–';
  const sign = !signed ? '' : gap > 0 ? '+' : gap < 0 ? '−' : '±';
  if (unit === '%') return `${sign}${grouped(Math.abs(gap))} pp`;
  return sign + formatValue(Math.abs(gap), unit);
}

/** A number for a chart axis in the unit analysts use: 亿元 for money, the value otherwise. */
export function chartScale(unit) {
  if (unit === 'CNY') return { factor: 1e-8, label: '亿元 (100 million yuan)' };
  if (unit === 'USD') return { factor: 1e-9, label: 'billion US dollars' };
  return { factor: 1, label: unit };
}

export const percent = v => `${grouped(v, 1)}%`;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}
