import type { Quantity } from '../schema/quantity.ts';

/** One line for a person: `8.396,5ha → 8396.5 ha (×10^0 = 8396.5) [¹]`. */
export function formatQuantity(q: Quantity): string {
  const parts = [`${q.raw} → ${q.value}`, q.unit ?? '(no unit)'];
  if (q.multiplier) parts.push(`×10^${q.multiplier} = ${q.baseValue}`);
  if (q.qualifier) parts.push(`qualifier ${q.qualifier}`);
  if (q.footnotes.length) parts.push(`footnote ${q.footnotes.join(',')}`);
  if (q.ratio) parts.push(`ratio ${q.ratio.position === 0 ? 'left' : 'right'}`);
  for (const a of q.anomalies) parts.push(`⚠ ${a.code}: ${a.message}`);
  return parts.join('  ');
}
