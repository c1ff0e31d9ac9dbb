import { isSuperscriptDigit } from '../../extractors/clean-text.ts';

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

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && next !== ' ' && next !== '\n' && !isSuperscriptDigit(next) && next !== '*' && next !== ')') return false;
  // `TT.` and one-letter abbreviations do not end a sentence.
  return !/(?:^|\s)(?:TT|[A-ZĐ]|tr|Tp|TP)$/u.test(text.slice(Math.max(0, i - 3), i));
}

export function structure(text: string): TextStructure {
  const sentenceStarts = [0];
  const clauseStarts = [0];
  const depth = new Int16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') d++;
    depth[i] = d;
    if (ch === ')') d = Math.max(0, d - 1);
    if (isSentenceEnd(text, i)) {
      sentenceStarts.push(i + 1);
      clauseStarts.push(i + 1);
    } else if (ch === ';') {
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
