import { readDocument } from '../extractors/read.ts';
import type { ReadLimits } from '../extractors/reader.ts';
import type { DocumentModel } from '../schema/document.ts';
import type { LoadInput } from '../schema/load-input.ts';
import { DocumentFile } from './file.ts';
import type { CatalogIndex } from './stages/catalog.ts';
import { extract } from './stages/extract.ts';
import { liftFootnotes } from './stages/footnotes.ts';
import { normalize } from './stages/normalize.ts';
import { segment } from './stages/segment.ts';
import { validate } from './stages/validate.ts';

/**
 * The runner chains the stages: read → footnotes → segment → extract → normalize → validate, and
 * hands the result to the loader. Every stage after `read` is a function `(input, file) → output`
 * (reference data, the catalog, comes third) that is pure but for the messages it gives `file`, the
 * document's context. The context starts with the reader's messages, so the loader gets every message,
 * with its place and rule, in the order it was said.
 */
export function processDocument(read: DocumentModel, catalog: CatalogIndex): LoadInput {
  const file = new DocumentFile(read.file, read.messages);
  const doc = segment(liftFootnotes(read, file), file);
  const normalized = normalize(extract(doc, file), file, catalog);
  const { facts, mismatches } = validate(normalized, file, catalog.populations);
  const meta = doc.metadata!;
  return {
    document: { id: doc.sha256, file: doc.file, format: doc.format, pages: doc.pages ?? null, metadata: meta },
    facts,
    mismatches,
    footnotes: doc.blocks
      .filter((b) => b.kind === 'footnote' && b.footnote !== undefined)
      .map((b) => ({ number: b.footnote!, text: b.text, page: b.page ?? null })),
    messages: file.messages,
  };
}

/** Reads and processes one file; throws ReadError with a one-line reason when it cannot be read. */
export async function processFile(file: string, catalog: CatalogIndex, limits: Partial<ReadLimits> = {}): Promise<LoadInput> {
  return processDocument(await readDocument(file, limits), catalog);
}
