import type { DocumentModel } from '../../../schema/document.ts';
import type { Fact, Kind } from '../../../schema/fact.ts';
import type { MismatchType } from '../../../schema/mismatch.ts';
import { fold } from '../../../extractors/clean-text.ts';
import { formatVi } from '../../../extractors/vn-number.ts';
import type { Candidate } from '../extract.ts';
import { memoByString } from '../../memo.ts';
import { structureOf } from '../text-structure.ts';
import { tidy } from './tolerance.ts';

/**
 * What every check family reads: the facts of one document next to the candidates they came from
 * (block, offsets, ratio pairs, sentence), and what it returns: findings that validate turns into
 * mismatches. Checks are pure functions of this context.
 */
export interface Item {
  fact: Fact;
  cand: Candidate;
  /** position in reading order (paragraphs first, then footnote bodies) */
  index: number;
  /** parenthesis depth at the number */
  depth: number;
}

/** An area whose population is known (seeds/areas.json), for the people-count plausibility check. */
export interface AreaPopulation {
  name: string;
  folded: string;
  population: number;
}

export interface CheckContext {
  doc: DocumentModel;
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
  return i.cand.quantity.ratio?.position === 1;
}

export function buildContext(doc: DocumentModel, facts: readonly Fact[], candidates: readonly Candidate[], populations: readonly AreaPopulation[] = []): CheckContext {
  const items: Item[] = [];
  facts.forEach((fact, index) => {
    const cand = candidates[index];
    if (!cand) return;
    // the parenthesis depths extract already worked out for the block
    items.push({ fact, cand, index, depth: structureOf(cand.block).depth[cand.quantity.start] ?? 0 });
  });
  const byBlock = new Map<number, Item[]>();
  for (const i of items) {
    const list = byBlock.get(i.cand.block.index) ?? [];
    list.push(i);
    byBlock.set(i.cand.block.index, list);
  }
  for (const list of byBlock.values()) list.sort((a, b) => a.cand.quantity.start - b.cand.quantity.start);
  return { doc, populations, items, byId: new Map(items.map((i) => [i.fact.id, i])), byBlock };
}

/** The value in another fact's written scale (`1.017,02 triệu` next to `908,94 triệu`, or `tỷ` next to `triệu`). */
export function inScaleOf(i: Item, scale: Item): number {
  return i.fact.baseValue / 10 ** scale.fact.multiplier;
}

/** Folded words of a label without the generic measure words, for "same indicator" comparisons. */
const LABEL_NOISE = new Set([
  'tong', 'so', 'cac', 'cua', 'va', 'trong', 'nam', 'dat', 'duoc', 'la', 'co', 'uoc', 'thuc', 'hien', 'ke', 'hoach',
  'kh', 'nhung', 'nhu', 'den', 'voi', 'tai', 'cho', 'nay', 'da', 'toan', 'huyen', 'tren', 'dia', 'ban', 'muc',
]);
/** Labels repeat across a document's facts and across the checks: fold each once (bounded, a worker lives long). */
export const labelWords: (label: string) => ReadonlySet<string> = memoByString(
  (label) => new Set(fold(label.replace(/\([^)]*\)/g, ' ')).split(/[^a-z0-9]+/).filter((w) => w && !LABEL_NOISE.has(w))),
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
  const s = i.cand.sentence;
  return (ctx.byBlock.get(i.cand.block.index) ?? []).filter((o) => o.cand.sentence.start === s.start);
}
