import type { DocumentModel } from '../schema/document.ts';
import type { LoadInput } from '../schema/load-input.ts';
import { readDocument } from '../extractors/read.ts';
import type { ReadLimits } from '../extractors/reader.ts';
import type { CatalogIndex } from './stages/catalog.ts';
import { extract } from './stages/extract.ts';
import { liftFootnotes } from './stages/footnotes.ts';
import { normalize } from './stages/normalize.ts';
import { segment } from './stages/segment.ts';
import { validate } from './stages/validate.ts';

/**
 * The runner chains the stages: read → footnotes → segment → extract → normalize → validate, and
 * hands the result to the loader. Everything after `read` is pure.
 */
export function processDocument(read: DocumentModel, catalog: CatalogIndex): LoadInput {
  const doc = segment(liftFootnotes(read));
  const candidates = extract(doc);
  const facts = normalize(doc, candidates, catalog);
  const { facts: valid, mismatches, messages } = validate(doc, facts, candidates, catalog.populations);
  const meta = doc.metadata!;
  return {
    document: { id: doc.sha256, file: doc.file, format: doc.format, pages: doc.pages ?? null, metadata: meta },
    facts: valid,
    mismatches,
    footnotes: doc.blocks
      .filter((b) => b.kind === 'footnote' && b.footnote !== undefined)
      .map((b) => ({ number: b.footnote!, text: b.text, page: b.page ?? null })),
    messages: [...doc.messages, ...messages].map((m) => ({ type: m.type, message: m.message, ...(m.stage ? { stage: m.stage } : {}) })),
  };
}

/** Reads and processes one file; throws ReadError with a one-line reason when it cannot be read. */
export async function processFile(file: string, catalog: CatalogIndex, limits: Partial<ReadLimits> = {}): Promise<LoadInput> {
  return processDocument(await readDocument(file, limits), catalog);
}
