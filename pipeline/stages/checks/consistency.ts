import type { Fact, Kind } from '../../../schema/fact.ts';
import { periodWords } from '../../../schema/period.ts';
import { type CheckContext, type Finding, type Item, isRatioWhole, named, sameIndicatorLabel, vn } from './context.ts';
import { agrees, tidy, toleranceOf } from './tolerance.ts';

/**
 * Consistency: the same indicator, period and kind stated with different values in two places of one
 * document (its section 1 text against its summary list of main indicators, say). Footnote bodies are
 * left out: they hold breakdowns of the number they hang on, which the catalog often maps to the same id.
 */
export function consistencyChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const pool = ctx.items.filter(
    (i) => i.fact.inFootnote === null && i.fact.year !== null && i.fact.kind !== 'previous' && !isRatioWhole(i) && !i.reading.ratio,
  );
  const seen = new Set<string>();
  // sameCell needs one catalog id: compare within each id's facts only, pairs still in reading order
  const byIndicator = new Map<string, number[]>();
  pool.forEach((i, n) => {
    if (i.fact.indicatorId === null) return;
    const list = byIndicator.get(i.fact.indicatorId);
    if (list) list.push(n);
    else byIndicator.set(i.fact.indicatorId, [n]);
  });
  for (let a = 0; a < pool.length; a++) {
    const x = pool[a]!;
    if (x.fact.indicatorId === null) continue;
    for (const b of byIndicator.get(x.fact.indicatorId)!) {
      if (b <= a) continue;
      const y = pool[b]!;
      if (!sameCell(x.fact, y.fact)) continue;
      // two relations of one number measure it against different references (`124,2%` of the province's
      // estimate, `112%` of the district's): not two statements of one figure
      if (x.fact.relatesTo !== null && x.fact.relatesTo === y.fact.relatesTo) continue;
      const tol = toleranceOf(x.fact) * 10 ** x.fact.multiplier + toleranceOf(y.fact) * 10 ** y.fact.multiplier;
      if (agrees(x.fact.baseValue, y.fact.baseValue, tol)) continue;
      const key = `${[x.fact.value, y.fact.value].sort().join('|')}|${x.fact.indicatorId}|${x.fact.kind}|${periodKey(x.fact)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(consistencyFinding(y, x, tol, 'trong cùng văn bản'));
    }
  }
  return out;
}

export function kindClass(kind: Kind): string {
  return kind === 'actual' || kind === 'estimate' ? 'result' : kind;
}

/** A fact's period, or its year where it has none: a quarter's figure is not the year's. */
const periodKey = (f: Fact): string => f.period ?? String(f.year);

/** Same catalog indicator and compatible wording, same period, kind and unit. */
export function sameCell(a: Fact, b: Fact): boolean {
  return (
    a.indicatorId !== null &&
    a.indicatorId === b.indicatorId &&
    a.year === b.year &&
    periodKey(a) === periodKey(b) &&
    kindClass(a.kind) === kindClass(b.kind) &&
    a.unit === b.unit &&
    sameIndicatorLabel(a.indicator, b.indicator)
  );
}

/** A factor of a thousand or a million between two statements of one figure is a scale word gone wrong. */
export function scaleHint(a: number, b: number): string {
  if (a === 0 || b === 0) return '';
  const r = Math.abs(a / b);
  for (const [k, word] of [
    [3, 'nghìn'],
    [6, 'triệu'],
    [9, 'tỷ'],
  ] as const) {
    if (Math.abs(Math.log10(r) - k) < 0.05 || Math.abs(Math.log10(r) + k) < 0.05) {
      return ` Hai số lệch nhau khoảng 10^${k} lần: có thể viết nhầm hoặc thừa/thiếu chữ "${word}".`;
    }
  }
  return '';
}

export function consistencyFinding(later: Item, earlier: Item, tol: number, where: string): Finding {
  const scale = 10 ** later.fact.multiplier;
  const f = later.fact;
  const year = f.period !== null ? ` ${periodWords(f.period)}` : f.year === null ? '' : ` năm ${f.year}`;
  return {
    type: 'consistency',
    facts: [later, earlier],
    message:
      `Cùng chỉ tiêu "${later.fact.indicator}"${year} nhưng ${where} ghi hai giá trị khác nhau: ` +
      `${named(later)} và ${named(earlier)}.` +
      scaleHint(later.fact.baseValue, earlier.fact.baseValue),
    expected: tidy(earlier.fact.baseValue / scale),
    found: tidy(later.fact.value),
    difference: tidy((later.fact.baseValue - earlier.fact.baseValue) / scale),
    tolerance: tidy(tol / scale),
    key: `consistency:${earlier.fact.id}`,
  };
}

export { vn };
