import type { Block } from '../schema/document.ts';

/**
 * Below this Tesseract word confidence a number's reading is doubtful and goes to a reviewer. Tesseract's
 * confidences are not calibrated probabilities: on clean 300 dpi scans most words score above 90, and
 * misread digits mostly fall below 80.
 */
export const LOW_CONFIDENCE = 80;

/** Where a word of an OCR block sits in the block's text, with its confidence and box (PDF points, top-left origin). */
export interface OcrSpan {
  text: string;
  /** a repair made to the word, or a shape left as read (extractors/ocr-reader.ts repairWords) */
  doubt?: string | undefined;
  start: number;
  end: number;
  conf: number;
  box: [number, number, number, number];
}

/**
 * The OCR words of a block where they are in its text now: a stage may have rewritten the text (a
 * footnote body loses its mark, lines are joined), so each word is found again, in order, from its text.
 */
export function anchoredSpans(block: Pick<Block, 'text' | 'ocr'>): OcrSpan[] {
  const spans = block.ocr?.spans;
  if (!spans) return [];
  if (spans.every((s) => block.text.slice(s.start, s.end) === s.text)) return spans;
  const out: OcrSpan[] = [];
  let from = 0;
  for (const s of spans) {
    const at = block.text.indexOf(s.text, from);
    if (at < 0) continue;
    out.push({ ...s, start: at, end: at + s.text.length });
    from = at + s.text.length;
  }
  return out;
}

/** How sure OCR was of the characters `start`–`end` of a block: the lowest confidence of the words there, and their box. */
export function ocrOf(
  spans: readonly OcrSpan[],
  start: number,
  end: number,
): { confidence: number; box: [number, number, number, number]; doubt?: string } | null {
  let confidence = Number.POSITIVE_INFINITY;
  const box: [number, number, number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, 0];
  const doubts = new Set<string>();
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    confidence = Math.min(confidence, s.conf);
    box[0] = Math.min(box[0], s.box[0]);
    box[1] = Math.min(box[1], s.box[1]);
    box[2] = Math.max(box[2], s.box[2]);
    box[3] = Math.max(box[3], s.box[3]);
    if (s.doubt) doubts.add(s.doubt);
  }
  if (confidence === Number.POSITIVE_INFINITY) return null;
  const c = Math.max(0, Math.min(100, Math.round(confidence * 10) / 10));
  return doubts.size > 0 ? { confidence: c, box, doubt: [...doubts].join('; ') } : { confidence: c, box };
}

/** A page done: OCR takes seconds a page, so whoever waits on a read hears of each one. */
export interface OcrProgress {
  file: string;
  page: number;
  done: number;
  total: number;
}
export const ocrListeners = new Set<(p: OcrProgress) => void>();
