import type { DocumentModel, Format, OcrMode } from '../schema/document.ts';

/** Limits that keep one hostile or huge file from hanging or exhausting a bulk run. */
export interface ReadLimits {
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
  /** total uncompressed bytes allowed across a ZIP container's entries */
  maxInflatedBytes: number;
  /** uncompressed ÷ compressed, per entry */
  maxCompressionRatio: number;
  /** pages without a text layer: OCR them (auto), OCR every page (always), or leave them unread (never) */
  ocr: OcrMode;
}

export { OCR_MODES, type OcrMode } from '../schema/document.ts';

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 2000,
  timeoutMs: 120_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  ocr: 'auto',
};

/** What a reader is given: the bytes (already read, size-checked), their hash and the limits. */
export interface ReadContext {
  file: string;
  bytes: Uint8Array;
  sha256: string;
  limits: ReadLimits;
  /** the format the content was sniffed as */
  format: Format;
}

/** A reader turns bytes of one format into the document model, with its warnings in `messages`. */
export type Reader = (ctx: ReadContext) => Promise<DocumentModel>;

/** An error as one line of at most `max` characters, fit for a run summary or a warning. */
export function oneLine(err: unknown, max = 300): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] ?? '').slice(0, max);
}

/** A file that cannot be read: `reason` is one line, fit for a run summary. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}
