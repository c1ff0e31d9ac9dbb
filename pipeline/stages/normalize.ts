import { anchoredSpans, type OcrSpan, ocrOf } from '../../extractors/ocr-spans.ts';
import type { Block, DocumentModel } from '../../schema/document.ts';
import { type Fact, RELATION_KINDS } from '../../schema/fact.ts';
import type { DocumentFile } from '../file.ts';
import { shortHash } from '../short-hash.ts';
import { type CatalogIndex, matchIndicator } from './catalog.ts';
import type { Candidate, Extraction } from './extract.ts';
import type { Extracted } from './reading.ts';

/**
 * The normalize stage: candidates become Facts of the contract: stable ids, values in the canonical
 * unit with their power of ten, catalog ids, and provenance with the sentence.
 */

/** A fact with what the extract stage read around it: the two travel together, so they cannot be misaligned. */
export interface NormalizedFact {
  fact: Fact;
  reading: Extracted;
}

/** The normalize stage's output: the document and its facts in reading order. */
export interface Normalization {
  doc: DocumentModel;
  facts: NormalizedFact[];
}

/** Same document and same place give the same id on every load. */
export function factId(documentId: string, key: string): string {
  return shortHash(`${documentId}:${key}`);
}

/** Normalize has nothing to report today; it takes the document's context like every stage. */
export function normalize({ doc, candidates }: Extraction, _file: DocumentFile, catalog: CatalogIndex): Normalization {
  const ids = new Map(candidates.map((c) => [c.key, factId(doc.sha256, c.key)]));
  const indicatorOf = new Map<string, string | null>();
  for (const c of candidates) {
    if (RELATION_KINDS.has(c.kind)) continue;
    indicatorOf.set(c.key, matchIndicator(catalog, c.catalogLabel, c.unit));
  }
  let last: { block: Candidate['block'] | null; start: number; end: number; text: string; lead: number } = { block: null, start: 0, end: 0, text: '', lead: 0 };
  const facts = candidates.map((c): NormalizedFact => {
    const q = c.quantity;
    const related = c.relatesTo ? (indicatorOf.get(c.relatesTo) ?? null) : null;
    const indicatorId = RELATION_KINDS.has(c.kind) ? (related ?? matchIndicator(catalog, c.catalogLabel, null)) : (indicatorOf.get(c.key) ?? null);
    // the numbers of one sentence come one after another: cut and trim each sentence once
    const { sentence: at } = c.reading;
    if (c.block !== last.block || at.start !== last.start || at.end !== last.end) {
      const raw = c.block.text.slice(at.start, at.end);
      last = { block: c.block, start: at.start, end: at.end, text: raw.trim(), lead: raw.search(/\S/) };
    }
    const sentence = last.text;
    const sentenceStart = at.start + Math.max(0, last.lead);
    const fact = {
      id: ids.get(c.key)!,
      documentId: doc.sha256,
      indicator: c.label,
      indicatorId,
      value: c.value,
      unit: c.unit,
      unitText: c.unitText,
      multiplier: q.multiplier,
      baseValue: Math.sign(c.value || 1) * q.baseValue,
      year: c.year,
      period: c.period,
      kind: c.kind,
      qualifier: q.qualifier,
      relatesTo: c.relatesTo ? (ids.get(c.relatesTo) ?? null) : null,
      footnotes: [...c.footnotes].sort((a, b) => a - b),
      inFootnote: c.inFootnote,
      source: {
        file: doc.file,
        ...(c.block.page !== undefined ? { page: c.block.page } : {}),
        ...(c.block.sheet !== undefined ? { sheet: c.block.sheet } : {}),
        ...(c.cell !== undefined ? { cell: c.cell } : {}),
        block: c.block.index,
        start: q.start,
        end: q.end,
        text: sentence,
        textStart: q.start - sentenceStart,
        textEnd: q.end - sentenceStart,
        ...ocrSourceOf(c.block, q.start, q.end),
      },
      status: q.anomalies.length > 0 ? 'flagged' : 'ok',
      raw: q.raw,
      headingPath: c.block.headingPath ?? [],
      decimals: q.decimals,
    } satisfies Fact;
    return { fact, reading: c.reading };
  });
  return { doc, facts };
}

const spansOf = new WeakMap<Block, OcrSpan[]>();

/** For a number read by OCR: how sure Tesseract was of its words, and where they are on the page. */
function ocrSourceOf(block: Block, start: number, end: number): { ocr?: NonNullable<Fact['source']['ocr']> } {
  if (!block.ocr) return {};
  let spans = spansOf.get(block);
  if (!spans) spansOf.set(block, (spans = anchoredSpans(block)));
  const ocr = ocrOf(spans, start, end);
  return ocr ? { ocr } : {};
}
