import { fold } from '../../../extractors/clean-text.ts';
import { memoByString } from '../../../extractors/memo.ts';
import { formatVi } from '../../../extractors/vn-number.ts';
import type { AreaPopulation } from '../../../schema/catalog.ts';
import type { DocumentMetadata } from '../../../schema/document.ts';
import type { Fact, Kind } from '../../../schema/fact.ts';
import type { MismatchType } from '../../../schema/mismatch.ts';
import type { NormalizedFact } from '../normalize.ts';
import type { Extracted } from '../reading.ts';
import { tidy } from './tolerance.ts';

/**
 * What every check family reads: the facts of one document, each with what the extract stage read
 * around it (sentence, parentheses, ratio pairs, the wording the checks test), and what it returns:
 * findings that validate turns into mismatches. Checks are pure functions of this context.
 */
export interface Item {
  fact: Fact;
  reading: Extracted;
  /** position in reading order (paragraphs first, then footnote bodies) */
  index: number;
  /** parenthesis depth at the number */
  depth: number;
}

export interface CheckContext {
  /** the document's metadata (the segment stage's), for the area its figures are about */
  metadata: DocumentMetadata | undefined;
  /** reference data: areas with a known population, longest folded name first */
  populations: readonly AreaPopulation[];
  items: readonly Item[];
  byId: ReadonlyMap<string, Item>;
  byBlock: ReadonlyMap<number, readonly Item[]>;
}

export interface Finding {
  type: MismatchType;
  /** the fact the finding is mainly about first: a reviewer's correction goes to it by default */
  facts: readonly Item[];
  message: string;
  expected: number | null;
  found: number | null;
  difference: number | null;
  tolerance: number | null;
  /** distinguishes two findings of one type on the same facts (part of the mismatch id) */
  key: string;
}

export const RESULT_KINDS = new Set<Kind>(['actual', 'estimate', 'cumulative']);

/** Units whose values add up to a total (not yields, rates, per-unit averages). */
export function isAdditive(f: Fact): boolean {
  if (f.unit === null) return false;
  if (['percent', 'permille', 'quintal_per_ha'].includes(f.unit)) return false;
  if (f.unit.startsWith('count:') && f.unit.includes('/')) return false;
  if (f.unitText && /\//.test(f.unitText)) return false;
  return f.kind !== 'average';
}

export function isRatioWhole(i: Item): boolean {
  return i.reading.ratio?.position === 1;
}

export function buildContext(
  metadata: DocumentMetadata | undefined,
  facts: readonly NormalizedFact[],
  populations: readonly AreaPopulation[] = [],
): CheckContext {
  const items = facts.map(({ fact, reading }, index): Item => ({ fact, reading, index, depth: reading.depth }));
  const byBlock = new Map<number, Item[]>();
  for (const i of items) {
    const list = byBlock.get(i.fact.source.block) ?? [];
    list.push(i);
    byBlock.set(i.fact.source.block, list);
  }
  for (const list of byBlock.values()) list.sort((a, b) => a.fact.source.start - b.fact.source.start);
  return { metadata, populations, items, byId: new Map(items.map((i) => [i.fact.id, i])), byBlock };
}

/** The value in another fact's written scale (`1.017,02 triệu` next to `908,94 triệu`, or `tỷ` next to `triệu`). */
export function inScaleOf(i: Item, scale: Item): number {
  return i.fact.baseValue / 10 ** scale.fact.multiplier;
}

/** Folded words of a label without the generic measure words, for "same indicator" comparisons. */
const LABEL_NOISE = new Set([
  'tong',
  'so',
  'cac',
  'cua',
  'va',
  'trong',
  'nam',
  'dat',
  'duoc',
  'la',
  'co',
  'uoc',
  'thuc',
  'hien',
  'ke',
  'hoach',
  'kh',
  'nhung',
  'nhu',
  'den',
  'voi',
  'tai',
  'cho',
  'nay',
  'da',
  'toan',
  'huyen',
  'tren',
  'dia',
  'ban',
  'muc',
]);
/** Labels repeat across a document's facts and across the checks: fold each once (bounded, a worker lives long). */
export const labelWords: (label: string) => ReadonlySet<string> = memoByString(
  (label) =>
    new Set(
      fold(label.replace(/\([^)]*\)/g, ' '))
        .split(/[^a-z0-9]+/)
        .filter((w) => w && !LABEL_NOISE.has(w)),
    ),
  20_000,
);

export const foldOnce: (s: string) => string = memoByString(fold, 20_000);

/** Two labels name the same indicator when the words of one are all in the other (at least two of them). */
export function sameIndicatorLabel(a: string, b: string): boolean {
  const wa = labelWords(a);
  const wb = labelWords(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size < 2) return false;
  for (const w of small) if (!large.has(w)) return false;
  return true;
}

/** A number the way a Vietnamese report writes it: `8.396,5`. */
export function vn(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return formatVi(tidy(n));
}

/** The unit words a reader expects after a number (`ha`, `triệu đồng`, `%`). */
export function unitWords(i: Item): string {
  const f = i.fact;
  if (f.unit === 'percent') return '%';
  if (f.unit === 'permille') return '‰';
  return f.unitText ?? f.unit?.replace(/^count:/, '') ?? '';
}

export function withUnit(n: number | null, i: Item): string {
  const u = unitWords(i);
  return u === '%' || u === '‰' ? `${vn(n)}${u}` : `${vn(n)} ${u}`.trim();
}

/** `"Tổng giá trị thiệt hại" (1.017,02 triệu đồng)`: how a message names a fact. */
export function named(i: Item): string {
  return `"${i.fact.indicator}" (${i.fact.raw.trim()})`;
}

/** Items of the same sentence as `i`, in reading order. */
export function sentenceOf(ctx: CheckContext, i: Item): Item[] {
  const s = i.reading.sentence;
  return (ctx.byBlock.get(i.fact.source.block) ?? []).filter((o) => o.reading.sentence.start === s.start);
}
