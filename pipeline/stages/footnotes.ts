import { isSuperscriptDigit, superscriptToNumber } from '../../extractors/clean-text.ts';
import type { Block, DocumentModel } from '../../schema/document.ts';
import type { PlaceInFile } from '../../schema/place.ts';
import { type DocumentFile, placeOfBlock } from '../file.ts';
import { superscriptRuns } from './text-structure.ts';

/**
 * The footnotes stage, for text converted from Word or PDF, where footnote bodies sit where a page
 * ended and cut the paragraph that ran over the page break. It lifts the bodies out of the flow,
 * rejoins the cut paragraphs and checks that every mark has a body.
 */

const BODY_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\.?\s*/u;
const LIST_ITEM = /^(\d{1,2})\.\s/;
const MULTI_LEVEL = /^\d+\.\d+/;

/** A paragraph that does not end a sentence runs on: `;` and `,` end clauses, not paragraphs. */
function endsOpen(text: string): boolean {
  return !/[.!?…]["”*)]*\s*$/u.test(text) && !/:\s*$/u.test(text);
}

function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(text.replace(/^[("“*\s]+/u, ''));
  return m !== null && m[0] === m[0].toLowerCase() && m[0] !== m[0].toUpperCase();
}

interface Note {
  block: Block;
  lastListItem: number | null;
}

function bodyOf(block: Block): { number: number; text: string } | null {
  const m = BODY_START.exec(block.text);
  if (!m?.[1]) return null;
  const text = block.text.slice(m[0].length).trim();
  return { number: superscriptToNumber(m[1]), text };
}

function join(a: Block, b: Block): void {
  a.text = `${a.text.replace(/\s+$/, '')} ${b.text.replace(/^\s+/, '')}`;
  keepOcrWords(a, b);
}

function append(a: Block, b: Block): void {
  a.text = `${a.text}\n${b.text}`;
  keepOcrWords(a, b);
}

/** A joined block keeps the OCR words of both parts (found again in the new text where they are needed). */
function keepOcrWords(a: Block, b: Block): void {
  if (a.ocr || b.ocr) a.ocr = { spans: [...(a.ocr?.spans ?? []), ...(b.ocr?.spans ?? [])] };
}

export function liftFootnotes(doc: DocumentModel, file: DocumentFile): DocumentModel {
  if (doc.footnotesLinked) return doc;
  const { flow, notes } = separate(doc.blocks, file);
  checkMarks(flow, notes, file);
  const noteBlocks = [...notes.values()].map((n) => n.block).sort((a, b) => (a.footnote ?? 0) - (b.footnote ?? 0));
  return { ...doc, blocks: [...flow, ...noteBlocks], footnotesLinked: true };
}

/**
 * The flow and the footnote bodies apart: a body is lifted with the numbered items and bullets that
 * continue it, and a paragraph cut by a page's footnote area is joined again.
 */
function separate(source: readonly Block[], file: DocumentFile): { flow: Block[]; notes: Map<number, Note> } {
  const flow: Block[] = [];
  const notes = new Map<number, Note>();
  let lastNote: Note | null = null;
  let prevWasNote = false;
  const blocks = source.map((b) => ({ ...b }));

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const body = bodyOf(b);
    if (body) {
      const note: Note = { block: { ...b, kind: 'footnote', footnote: body.number, text: body.text }, lastListItem: null };
      const li = LIST_ITEM.exec(body.text);
      if (li?.[1]) note.lastListItem = Number(li[1]);
      if (notes.has(body.number)) {
        file.message(`footnote ${body.number} has two bodies; the second is kept apart`, {
          stage: 'footnotes',
          ruleId: 'footnotes:two-bodies',
          place: placeOfBlock(b),
          fatal: false,
        });
      } else {
        notes.set(body.number, note);
      }
      lastNote = note;
      prevWasNote = true;
      continue;
    }
    const openPara = flow.length > 0 && flow.at(-1)!.kind !== 'heading' && endsOpen(flow.at(-1)!.text) ? flow.at(-1)! : null;
    const li = LIST_ITEM.exec(b.text);
    if (prevWasNote && lastNote && li?.[1] && !MULTI_LEVEL.test(b.text) && lastNote.lastListItem !== null) {
      // A numbered list inside a footnote body (a footnote that itemizes damages, say).
      const n = Number(li[1]);
      if (n === lastNote.lastListItem || n === lastNote.lastListItem + 1) {
        append(lastNote.block, b);
        lastNote.lastListItem = n;
        continue;
      }
    }
    if (prevWasNote && lastNote && openPara && /^[-+•]\s/u.test(b.text)) {
      // Bullets between a footnote body and the rest of a cut paragraph belong to the footnote.
      append(lastNote.block, b);
      continue;
    }
    if (startsLower(b.text)) {
      const nextIsNote = blocks[i + 1] !== undefined && bodyOf(blocks[i + 1]!) !== null;
      const noteOpen = lastNote !== null && endsOpen(lastNote.block.text);
      if (prevWasNote) {
        // Right after a footnote area: the page turned, and the cut paragraph goes on.
        if (openPara) {
          join(openPara, b);
          prevWasNote = false;
          continue;
        }
        if (lastNote && noteOpen) {
          join(lastNote.block, b);
          continue;
        }
      } else if (openPara) {
        // A footnote that ran over a page starts the next page's footnote area.
        if (nextIsNote && lastNote && noteOpen) {
          join(lastNote.block, b);
          prevWasNote = true;
          continue;
        }
        join(openPara, b);
        continue;
      }
    }
    prevWasNote = false;
    flow.push(b);
  }
  return { flow, notes };
}

/** Every mark needs a body and every body a mark; `m²` and `m³` are unit exponents, not marks. */
function checkMarks(flow: readonly Block[], notes: ReadonlyMap<number, Note>, file: DocumentFile): void {
  /** each mark with where it is first written */
  const marks = new Map<number, PlaceInFile>();
  for (const b of flow) {
    for (const m of superscriptRuns(b.text)) {
      const prev = b.text[m.index - 1];
      // `m²`, `m³` are unit exponents, not marks.
      if ((m.text === '²' || m.text === '³') && prev === 'm') continue;
      if (!isSuperscriptDigit(m.text[0])) continue;
      const n = superscriptToNumber(m.text);
      if (!marks.has(n)) marks.set(n, { ...placeOfBlock(b), start: m.index, end: m.index + m.text.length });
    }
  }
  for (const [n, place] of marks) {
    if (!notes.has(n)) file.message(`footnote mark ${n} has no body`, { stage: 'footnotes', ruleId: 'footnotes:no-body', place, fatal: false });
  }
  for (const [n, note] of notes) {
    if (!marks.has(n)) {
      file.message(`footnote ${n} has no mark in the text`, { stage: 'footnotes', ruleId: 'footnotes:no-mark', place: placeOfBlock(note.block), fatal: false });
    }
  }
}
