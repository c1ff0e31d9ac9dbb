import { isSuperscriptCode } from '../../extractors/clean-text.ts';
import type { Quantity } from '../../schema/quantity.ts';
import { BREAKDOWN, LIST_MARKER, NOT_PARTS, PART_JOINER } from './phrases.ts';
import type { Breakdown, PartGroup } from './reading.ts';

/**
 * Positions in a block's text that the extract stage reasons about: sentences, clauses (split by
 * `;`), parenthesis depth, and a lower-cased copy of the same length, so patterns can run on it and
 * slice the original.
 */
export interface TextStructure {
  text: string;
  /** lower-cased text, same length as `text`, for accent-sensitive matching */
  lower: string;
  sentenceStarts: number[];
  clauseStarts: number[];
  /** `clauseStarts` and where each numbered or lettered item of a list opens (`(1) …`, `a) …`) */
  listClauseStarts: number[];
  depth: Int16Array;
}

const ABBREVIATION_BEFORE = /(?:^|\s)(?:TT|[A-ZĐ]|tr|Tp|TP)$/u;

const ANY_SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/;

/**
 * The runs of superscript digits in a text (`/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu`), found by code unit: most blocks have
 * none, and matchAll allocated per block more than the marks it found.
 */
export function superscriptRuns(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  // the engine's scan finds the first mark (or that there is none) faster than a loop
  const first = text.search(ANY_SUPERSCRIPT);
  if (first < 0) return out;
  for (let i = first; i < text.length; i++) {
    if (!isSuperscriptCode(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSuperscriptCode(text.charCodeAt(j))) j++;
    out.push({ index: i, text: text.slice(i, j) });
    i = j;
  }
  return out;
}

/** Reads code units, not characters: most of a Vietnamese text is outside Latin-1, where `text[i]` allocates. */
function isSentenceEnd(text: string, i: number, ch: number): boolean {
  if (ch === 10) return true;
  if (ch !== 46 && ch !== 33 && ch !== 63) return false;
  if (i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next !== 32 && next !== 10 && !isSuperscriptCode(next) && next !== 42 && next !== 41) return false;
  }
  // `TT.` and one-letter abbreviations do not end a sentence.
  return !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, i - 3), i));
}

export function structure(text: string): TextStructure {
  const sentenceStarts = [0];
  const clauseStarts = [0];
  const depth = new Int16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) d++;
    depth[i] = d;
    if (ch === 41) d = Math.max(0, d - 1);
    if (isSentenceEnd(text, i, ch)) {
      sentenceStarts.push(i + 1);
      clauseStarts.push(i + 1);
    } else if (ch === 59) {
      clauseStarts.push(i + 1);
    }
  }
  depth[text.length] = d;
  const lower = text.toLowerCase();
  return {
    text,
    lower: lower.length === text.length ? lower : text,
    sentenceStarts,
    clauseStarts,
    listClauseStarts: listClauses(text, clauseStarts, depth),
    depth,
  };
}

/**
 * The clause starts with the list items' starts merged in (the same array when the text has no `)`). A
 * `2)` that closes an open parenthesis (`(đợt 2)`) is no item.
 */
function listClauses(text: string, clauseStarts: readonly number[], depth: Int16Array): number[] {
  if (!text.includes(')')) return clauseStarts as number[];
  const markers: number[] = [];
  for (const m of text.matchAll(LIST_MARKER)) {
    if (m[0].startsWith('(') || (depth[m.index + m[0].length - 1] ?? 0) === 0) markers.push(m.index);
  }
  if (markers.length === 0) return clauseStarts as number[];
  return [...new Set([...clauseStarts, ...markers])].sort((a, b) => a - b);
}

/**
 * The extract stage and the checks both read each block's structure: build it once per block. Keyed by
 * the block object and checked against its text, so a block whose text changed is read afresh.
 */
const byBlock = new WeakMap<object, TextStructure>();

export function structureOf(block: { readonly text: string }): TextStructure {
  const known = byBlock.get(block);
  if (known && known.text === block.text) return known;
  const st = structure(block.text);
  byBlock.set(block, st);
  return st;
}

/**
 * The last of the sorted `starts` at or before `pos`, or 0. Binary search: it is asked once a number, and
 * a block with thousands of clauses and numbers made a scan from the start quadratic.
 */
export function lastAtOrBefore(starts: readonly number[], pos: number): number {
  const i = firstAfter(starts, pos);
  return i > 0 ? starts[i - 1]! : 0;
}

/** The first of the sorted `starts` after `pos`, or `end`. */
export function nextAfter(starts: readonly number[], pos: number, end: number): number {
  const i = firstAfter(starts, pos);
  return i < starts.length ? starts[i]! : end;
}

/** Index of the first of the sorted `starts` greater than `pos` (`starts.length` if none). */
function firstAfter(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NEXT_BREAKDOWN = new RegExp(BREAKDOWN.source, 'iu');

/**
 * Every `trong đó` (`gồm`, `bao gồm`) of a text with its scope: the total is stated earlier in its sentence (or in the
 * sentence before, when `Trong đó` opens one), the parts after it up to the end of the sentence, of the
 * parenthesis it is in, or the next `trong đó`.
 */
export function breakdownsOf(st: TextStructure): Breakdown[] {
  const out: Breakdown[] = [];
  const text = st.text;
  for (const m of text.matchAll(BREAKDOWN)) {
    const at = m.index;
    const depth = st.depth[at] ?? 0;
    const sentenceStart = lastAtOrBefore(st.sentenceStarts, at);
    const startsSentence = /^[\s*_\-+•]*$/u.test(text.slice(sentenceStart, at));
    const totalFrom = startsSentence ? lastAtOrBefore(st.sentenceStarts, Math.max(0, sentenceStart - 1)) : sentenceStart;
    const totalTo = startsSentence ? sentenceStart : at;
    let end = nextAfter(st.sentenceStarts, at, text.length);
    if (depth > 0) {
      let k = at;
      while (k < text.length && (st.depth[k] ?? 0) >= depth) k++;
      end = Math.min(end, k);
    }
    const nextMarker = text.slice(at + m[0].length, end).search(NEXT_BREAKDOWN);
    if (nextMarker >= 0) end = at + m[0].length + nextMarker;
    out.push({ marker: m[0].toLowerCase(), at, depth, totalFrom, totalTo, end });
  }
  return out;
}

/** Where the parenthesis opened at `open` closes (the text's end when it never does). */
function closeOf(st: TextStructure, open: number): number {
  const inner = st.depth[open] ?? 0;
  let k = open + 1;
  while (k < st.text.length && ((st.depth[k] ?? 0) > inner || st.text.charCodeAt(k) !== 41)) k++;
  return k;
}

/** Between a total and the parenthesis of its parts: words only, no number, punctuation or parenthesis. */
const TOTAL_TO_PARTS = /^[^\d,;:.()]{0,80}$/u;
/** Before the first part: nothing but spaces and emphasis marks. */
const OPENS_WITH_NUMBER = /^[\s*_]*$/u;

/**
 * Every parenthesis that lists the parts of the number right before it (see `PartGroup`), among all the
 * block's quantities, bare ones too, in the order of the text.
 */
export function partGroupsOf(st: TextStructure, qs: readonly Quantity[]): PartGroup[] {
  const text = st.text;
  const out: PartGroup[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const first = qs.findIndex((q) => q.start > open);
    if (first <= 0) continue;
    const total = qs[first - 1]!;
    const head = qs[first]!;
    if (total.end > open || !OPENS_WITH_NUMBER.test(text.slice(open + 1, head.start))) continue;
    const clauseStart = lastAtOrBefore(st.listClauseStarts, open);
    if (total.start < clauseStart || !TOTAL_TO_PARTS.test(text.slice(total.end, open))) continue;
    const close = closeOf(st, open);
    const depth = st.depth[open] ?? 0;
    if (NOT_PARTS.test(st.lower.slice(open, close))) continue;
    const parts: Quantity[] = [];
    let from = open + 1;
    for (let k = first; k < qs.length && qs[k]!.start < close; k++) {
      const q = qs[k]!;
      if ((st.depth[q.start] ?? 0) !== depth) continue;
      if (q === head || PART_JOINER.test(text.slice(from, q.start))) parts.push(q);
      from = q.end;
    }
    if (parts.length >= 2) out.push({ total, parts, open, close, depth });
  }
  return out;
}
