import { isSuperscriptCode } from '../../extractors/clean-text.ts';
import { BREAKDOWN } from './phrases.ts';
import type { Breakdown } from './reading.ts';

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
  return { text, lower: lower.length === text.length ? lower : text, sentenceStarts, clauseStarts, depth };
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

export function lastAtOrBefore(starts: readonly number[], pos: number): number {
  let best = 0;
  for (const s of starts) {
    if (s <= pos) best = s;
    else break;
  }
  return best;
}

export function nextAfter(starts: readonly number[], pos: number, end: number): number {
  for (const s of starts) if (s > pos) return s;
  return end;
}

/**
 * Every `trong đó` of a text with its scope: the total is stated earlier in its sentence (or in the
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
    const nextMarker = text.slice(at + m[0].length, end).search(/trong đó/iu);
    if (nextMarker >= 0) end = at + m[0].length + nextMarker;
    out.push({ at, depth, totalFrom, totalTo, end });
  }
  return out;
}
