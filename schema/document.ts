import { z } from 'zod';
import { Diagnostic } from './diagnostic.ts';

export const Format = z.enum(['text', 'docx', 'pdf', 'xlsx', 'xls', 'doc']);
export type Format = z.infer<typeof Format>;

/** How a PDF's pages with no text layer are read: OCR them (auto), OCR every page (always), or not (never). */
export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

export const BlockKind = z.enum(['heading', 'paragraph', 'table-row', 'footnote']);

export const Block = z.object({
  index: z.number().int().nonnegative(),
  kind: BlockKind,
  /**
   * NFC text. Footnote reference marks are written into it as Unicode superscript digits (`4.623,3ha¹`)
   * whatever the format they came from, so every later stage reads marks one way.
   */
  text: z.string(),
  page: z.number().int().positive().optional(),
  /** for table rows: the cells, and where they came from */
  cells: z.array(z.object({ text: z.string(), value: z.number().nullable().optional(), ref: z.string().optional() })).optional(),
  sheet: z.string().optional(),
  /** character ranges the source set in italic or bold: topic labels */
  emphasis: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
  /** the footnote this block is the body of (kind `footnote`) */
  footnote: z.number().int().positive().optional(),
  /** set by the segment stage */
  headingPath: z.array(z.string()).optional(),
  /**
   * for blocks read by OCR: each word's place in `text`, Tesseract's confidence (0–100) and its box on
   * the page (PDF points from the top-left corner), so a number keeps how sure the reading was and where
   */
  ocr: z
    .object({
      spans: z.array(
        z.object({
          /** the word as read, so a later stage that rewrites the block's text can find it again */
          text: z.string(),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
          conf: z.number(),
          box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
          /** a repair OCR's reading got, or a shape left as read: said to the reviewer */
          doubt: z.string().optional(),
        }),
      ),
    })
    .optional(),
  /** offset of this block in the original file's text, where the format has one */
  sourceOffset: z.number().int().nonnegative().optional(),
});
export type Block = z.infer<typeof Block>;

/**
 * A reader's message about the file: the diagnostic shape every stage reports in (where it is said
 * goes in `place`), returned inside the document model as mammoth returns its value and messages.
 */
export const ReadMessage = Diagnostic;
export type ReadMessage = z.infer<typeof ReadMessage>;

export const DocumentMetadata = z.object({
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  month: z.number().int().nullable(),
  type: z.string().nullable(),
  title: z.string().nullable(),
  reportYear: z.number().int().nullable(),
  planYear: z.number().int().nullable(),
  area: z.string().nullable(),
  province: z.string().nullable(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

/**
 * What every reader returns, whatever the format: ordered blocks with provenance, footnote bodies
 * (blocks of kind `footnote`) kept apart from the flow, and the reader's warnings.
 */
export const DocumentModel = z.object({
  file: z.string(),
  sha256: z.string().length(64),
  format: Format,
  pages: z.number().int().nonnegative().optional(),
  blocks: z.array(Block),
  /** true once footnote bodies are separated and marks recorded (readers of DOCX/PDF do it, the footnotes stage does it for text) */
  footnotesLinked: z.boolean(),
  metadata: DocumentMetadata.optional(),
  messages: z.array(ReadMessage),
});
export type DocumentModel = z.infer<typeof DocumentModel>;
