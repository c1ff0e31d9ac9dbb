import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, resourceLimits as threadLimits } from 'node:worker_threads';
import type { DocumentModel, Format } from '../schema/document.ts';
import { ocrListeners } from './ocr-spans.ts';
import { DEFAULT_LIMITS, oneLine, type ReadContext, ReadError, type Reader, type ReadLimits } from './reader.ts';
import { EXTENSION_FORMATS, sniffFormat } from './sniff.ts';
import { inspectZip, verifyZipSizes, type ZipInspection, ZipRefused } from './zip-guard.ts';

export { type Sniffed, sniffFormat } from './sniff.ts';

/**
 * Readers by format, loaded on first use so that a query command never loads pdf.js or exceljs. A reader
 * module that is missing (not written yet) gives a clear ReadError, not a crash.
 */
const READERS: Record<Format, () => Promise<Reader>> = {
  text: async () => (await import('./text-reader.ts')).readText,
  pdf: async () => (await import('./pdf-reader.ts')).readPdf,
  docx: async () => (await import('./docx-reader.ts')).readDocx,
  xlsx: async () => (await import('./xlsx-reader.ts')).readXlsx,
  xls: async () => (await import('./xlsx-reader.ts')).readXls,
  doc: async () => (await import('./doc-reader.ts')).readDoc,
};

/**
 * Loaded readers, by format. A repeated `import()` still resolves the specifier through the module
 * loader's hooks (under tsx a round trip to its hooks thread), which costs more than reading a text
 * file. A failed load is not kept, so a later file retries it.
 */
const loaded = new Map<Format, Promise<Reader>>();

async function loadReader(file: string, format: Format): Promise<Reader> {
  let reader = loaded.get(format);
  if (!reader) {
    reader = READERS[format]();
    loaded.set(format, reader);
    reader.catch(() => loaded.delete(format));
  }
  try {
    return await reader;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ReadError(file, `no reader for ${format.toUpperCase()} is installed`);
    }
    throw new ReadError(file, `the ${format.toUpperCase()} reader failed to load: ${oneLine(err)}`);
  }
}

/** Decides the format from the content; the ZIP's entry names tell DOCX from XLSX. */
function formatOf(file: string, bytes: Uint8Array, limits: ReadLimits): Format {
  const sniffed = sniffFormat(bytes);
  switch (sniffed) {
    case 'zip': {
      let kind: string;
      try {
        const inspection = inspectZip(bytes, limits);
        kind = inspection.kind;
        // mammoth's JSZip inflates a whole entry before it compares sizes, so a directory that lies would
        // be believed all the way to a 200 MB buffer; XLSX gets the same check inside its isolated reader
        if (kind === 'docx') {
          // by the declared sizes first, inflating nothing; a size declared smaller than the truth is then caught
          refuseOutsizedParts(inspection, /^word\/[^/]+\.xml$/i, DOCX_HEAP_PER_XML_BYTE);
          verifyZipSizes(bytes, inspection);
        }
      } catch (err) {
        if (err instanceof ZipRefused) throw new ReadError(file, err.message);
        throw err;
      }
      if (kind === 'zip') throw new ReadError(file, 'ZIP archive that is neither DOCX nor XLSX (no word/document.xml or xl/workbook.xml)');
      return kind as Format;
    }
    case 'encrypted-office':
      throw new ReadError(file, 'password-protected Office document: cannot be read without the password');
    case 'ole':
      throw new ReadError(file, 'OLE compound file that is neither Word (.doc) nor Excel (.xls)');
    case 'unknown':
      throw new ReadError(file, 'unrecognised binary content (not PDF, DOCX, XLSX, XLS, DOC or text)');
    default:
      return sniffed;
  }
}

/**
 * Heap bytes mammoth needs per byte of a part's XML (measured: a 20 MB document.xml needs 100 to 160 MB),
 * with room to spare.
 */
const DOCX_HEAP_PER_XML_BYTE = 6;

/**
 * The heap this thread may grow to: an ingest reader thread's own limit (`--worker-memory`), else the
 * process's.
 */
function heapLimitBytes(): number {
  const own = isMainThread ? 0 : (threadLimits.maxOldGenerationSizeMb ?? 0);
  return own > 0 ? own * 2 ** 20 : getHeapStatistics().heap_size_limit;
}

/**
 * A part whose XML the parser cannot hold is refused before parsing, with its reason. Running out of heap
 * inside one large allocation (the parser building a string of the whole part) is not the recoverable
 * "worker out of memory" but a fatal error that takes the whole process with it, every other file and
 * the run's summary included; so the size is judged first, from the ZIP's verified sizes.
 */
function refuseOutsizedParts(inspection: ZipInspection, parts: RegExp, heapPerByte: number): void {
  const heap = heapLimitBytes();
  for (const e of inspection.entries) {
    if (!parts.test(e.name) || e.uncompressedSize * heapPerByte <= heap) continue;
    const mb = (n: number) => Math.ceil(n / 2 ** 20);
    throw new ZipRefused(
      `${e.name} inflates to ${mb(e.uncompressedSize)} MB of XML: reading it needs about ${mb(e.uncompressedSize * heapPerByte)} MB, more than the ${mb(heap)} MB this reader has (raise --worker-memory to read it)`,
    );
  }
}

const LABEL: Record<Format, string> = { text: 'text', pdf: 'PDF', docx: 'DOCX', xlsx: 'XLSX', xls: 'XLS', doc: 'DOC' };

/** Reads one file into the document model, or throws a ReadError with a one-line reason naming the file. */
export async function readDocument(file: string, limits: Partial<ReadLimits> = {}): Promise<DocumentModel> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ReadError(file, 'not a readable file');
  if (info.size === 0) throw new ReadError(file, 'empty file (0 bytes)');
  if (info.size > lim.maxBytes) throw new ReadError(file, `too large: ${info.size} bytes (limit ${lim.maxBytes})`);
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = formatOf(file, bytes, lim);
  const promised = EXTENSION_FORMATS[extname(file).toLowerCase()];
  const ctx: ReadContext = { file, bytes, sha256, limits: lim, format };
  const reader = await loadReader(file, format);
  const doc = await withTimeout(file, lim.timeoutMs, async () => {
    try {
      return await reader(ctx);
    } catch (err) {
      if (err instanceof ReadError) throw err;
      throw new ReadError(file, `cannot read ${LABEL[format]}: ${oneLine(err)}`);
    }
  });
  if (promised && promised !== format) {
    doc.messages.unshift({
      type: 'warning',
      message: `content is ${LABEL[format]}, not ${LABEL[promised]}: read as ${LABEL[format]} (the extension disagrees with the content)`,
      stage: 'read',
      ruleId: 'read:format-mismatch',
    });
  }
  return doc;
}

/**
 * A reader that awaits forever (a stuck promise in a library) must not hold a batch. CPU-bound parsers
 * of hostile formats run in a worker that is terminated on the same limit (see xlsx-isolate.ts).
 */
async function withTimeout<T>(file: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let reject: (err: ReadError) => void = () => undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => reject(new ReadError(file, `reading took longer than ${ms} ms: stopped`)), ms + 1000);
    timer.unref();
  };
  const timeout = new Promise<never>((_, r) => {
    reject = r;
  });
  arm();
  // OCR reads a page in seconds and a scan may have hundreds: the limit runs again from each page read
  const listener = (p: { file: string }) => {
    if (p.file === file) arm();
  };
  ocrListeners.add(listener);
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
    ocrListeners.delete(listener);
  }
}
