import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ocrListeners } from '../extractors/ocr-spans.ts';
import { DEFAULT_LIMITS, oneLine, ReadError, type ReadLimits } from '../extractors/reader.ts';
import { sniffFormat } from '../extractors/sniff.ts';
import { processFile } from './runner.ts';
import { loadCatalog } from './stages/catalog.ts';

/** What every worker is started with. */
export interface IngestWorkerData {
  /** the warehouse file or `postgres://` connection string, for read-only lookups; null for an in-memory warehouse */
  warehouse: string | null;
}

/** One file to read and extract. */
export interface IngestJob {
  file: string;
  limits: Partial<ReadLimits>;
  /** read again a file whose content failed in an earlier run (without it, the old reason is given) */
  retryFailed?: boolean;
}

/**
 * What a worker sends back: the extracted document, or why there is none. The document goes as its
 * `v8.serialize` bytes: while it waits for its turn to be written it is one buffer, not thousands of
 * objects on the writer's heap (which grew large between collections), and the writer turns it
 * into objects just before loading it.
 */
export type IngestJobResult =
  | { status: 'extracted'; bytes: Uint8Array }
  | { status: 'known'; documentId: string }
  | { status: 'failed'; stage: 'read' | 'extract'; reason: string; documentId: string | null };

if (!parentPort) throw new Error('ingest-worker must run in a worker thread');
const port = parentPort;

// Parsed once per worker: building the catalog index costs more than extracting a small report.
const catalog = loadCatalog();

let pendingAnswer: ((known: boolean) => void) | null = null;

// The lookup's two questions; defined before it is opened, which prepares them as the module loads.
const KNOWN_SQL = 'SELECT 1 FROM documents WHERE id = ?';
const FAILED_SQL =
  "SELECT CASE WHEN status = 'failed' THEN reason END AS reason FROM run_files WHERE document_id = ? AND status IN ('failed', 'loaded') ORDER BY id DESC LIMIT 1";

/**
 * The worker's own read-only connection to the warehouse, for the "already loaded?" question. Asking the
 * writer instead made every file wait until the writer's current load and checks were done: a worker
 * with one core of its own sat idle a quarter of the time. The writer's uncommitted documents are not
 * seen here; such a duplicate is parsed for nothing and then skipped by the loader, which has the last word.
 */
const lookup = openLookup((workerData as IngestWorkerData | null)?.warehouse ?? null);

interface Lookup {
  known(hash: string): boolean | Promise<boolean>;
  /** why the same content failed in the last run that read it, if it did */
  failedBefore(hash: string): string | null | Promise<string | null>;
}

function openLookup(file: string | null): Lookup | null {
  if (!file) return null;
  if (/^postgres(?:ql)?:\/\//i.test(file)) return postgresLookup(file);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const stmt = db.prepare(KNOWN_SQL).pluck();
    const failed = db.prepare(FAILED_SQL).pluck();
    return {
      known: (hash) => stmt.get(hash) !== undefined,
      failedBefore: (hash) => (failed.get(hash) as string | null | undefined) ?? null,
    };
  } catch {
    return null;
  }
}

/**
 * On PostgreSQL the worker's own connection (one, made on the first question): the same two questions,
 * asked of the server. `pg` is loaded only for such a warehouse.
 */
function postgresLookup(url: string): Lookup {
  let client: Promise<import('pg').Pool> | null = null;
  const pool = () =>
    (client ??= import('pg').then(({ default: pg }) => {
      const p = new pg.Pool({ connectionString: url, max: 1, application_name: 'baocao ingest worker' });
      p.on('error', () => {});
      return p;
    }));
  const numbered = (text: string) => text.replace('?', '$1');
  return {
    known: async (hash) => ((await (await pool()).query(numbered(KNOWN_SQL), [hash])).rowCount ?? 0) > 0,
    failedBefore: async (hash) => ((await (await pool()).query(numbered(FAILED_SQL), [hash])).rows[0]?.reason as string | null | undefined) ?? null,
  };
}

/** Whether a hash is already loaded: from the warehouse, else by asking the writer (which owns it). */
async function isKnown(id: number, hash: string): Promise<boolean> {
  if (lookup) {
    try {
      return await lookup.known(hash);
    } catch {
      // a locked or vanished file, a server gone: the writer can still answer
    }
  }
  return new Promise((resolve) => {
    pendingAnswer = resolve;
    port.postMessage({ id, ask: hash });
  });
}

async function failedBefore(hash: string): Promise<string | null> {
  try {
    const reason = (await lookup?.failedBefore(hash)) ?? null;
    // a reason that is itself "not read again" keeps the first reason, once
    return reason?.replace(/^failed in an earlier run, not read again \(--retry-failed to retry\): /, '') ?? null;
  } catch {
    return null;
  }
}

/** The job is given back before its OCR: the pool runs it when fewer jobs are OCRing (see worker-pool.ts). */
const DEFERRED = Symbol('deferred');
const NEEDS_OCR = Symbol('needs OCR');

let pendingLong: ((ok: boolean) => void) | null = null;

/** Asks the pool whether this job may go on to OCR now, which takes its worker for seconds a page. */
function mayRunLong(id: number): Promise<boolean> {
  return new Promise((resolve) => {
    pendingLong = resolve;
    port.postMessage({ id, longAsk: true });
  });
}

/**
 * Reads and extracts the file without OCR. Most files need none, and this is then their result; a PDF with
 * pages that have no text layer (the reader says so, or fails for it) needs OCR, and is read again with it.
 */
async function withoutOcr(file: string, limits: ReadLimits): Promise<IngestJobResult | typeof NEEDS_OCR> {
  try {
    const input = await processFile(file, catalog, { ...limits, ocr: 'never' });
    if (input.messages.some((m) => m.ruleId === 'read:no-text-layer')) return NEEDS_OCR;
    return { status: 'extracted', bytes: serialize(input) };
  } catch (err) {
    if (err instanceof ReadError && /no text layer/.test(err.reason)) return NEEDS_OCR;
    throw err;
  }
}

/** A PDF by its content, as the readers pick it (its header may sit after some junk: the first 4 kB are enough). */
async function isPdf(file: string): Promise<boolean> {
  const fh = await open(file, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return sniffFormat(head.subarray(0, bytesRead)) === 'pdf';
  } finally {
    await fh.close();
  }
}

async function run(id: number, job: IngestJob): Promise<IngestJobResult | typeof DEFERRED> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...job.limits };
  let documentId: string | null = null;
  try {
    const info = await stat(job.file).catch(() => null);
    // Files the reader refuses on size alone are not read in full just to be hashed.
    if (info?.isFile() && info.size > 0 && info.size <= limits.maxBytes) {
      documentId = createHash('sha256')
        .update(await readFile(job.file))
        .digest('hex');
      // Skipped before parsing: a re-run over a loaded archive costs one read and one hash per file.
      if (await isKnown(id, documentId)) return { status: 'known', documentId };
      // A file that failed (a scan OCR could not read, a damaged file) fails the same way again: say why
      // without reading it, unless asked to retry.
      const before = job.retryFailed ? null : await failedBefore(documentId);
      if (before !== null) {
        return { status: 'failed', stage: 'read', reason: `failed in an earlier run, not read again (--retry-failed to retry): ${before}`, documentId };
      }
    }
    if (limits.ocr === 'auto') {
      const plain = await withoutOcr(job.file, limits);
      if (plain !== NEEDS_OCR) return plain;
    }
    // with --ocr always only a PDF is OCRed: other files need no leave to run long
    if (limits.ocr === 'auto' || (limits.ocr === 'always' && (await isPdf(job.file)))) {
      if (!(await mayRunLong(id))) return DEFERRED;
      onLong();
    }
    // each OCR page read is told to the pool: it restarts the job's clock, and the progress line shows it
    const onPage = (p: { file: string; done: number; total: number }) => {
      if (p.file !== job.file) return;
      onLong();
      port.postMessage({ id, progress: { ocrPages: p.done, ocrTotal: p.total } });
    };
    ocrListeners.add(onPage);
    try {
      return { status: 'extracted', bytes: serialize(await processFile(job.file, catalog, limits)) };
    } finally {
      ocrListeners.delete(onPage);
    }
  } catch (err) {
    if (err instanceof ReadError) return { status: 'failed', stage: 'read', reason: err.reason, documentId };
    return { status: 'failed', stage: 'extract', reason: `extract: ${oneLine(err)}`, documentId };
  }
}

/** Jobs sent ahead, waiting for the one running (the pool sends one ahead: jobs run one after another). */
const waiting: { id: number; job: IngestJob }[] = [];
let running = false;
/** the running job has reported progress (an OCR page): it is long, and what waits behind it goes back */
let long = false;

function giveBack(id: number): void {
  port.postMessage({ id, returned: true });
}

/** The running job is long: the jobs waiting behind it go back to the pool, for a worker that is free. */
function onLong(): void {
  if (long) return;
  long = true;
  for (const w of waiting.splice(0)) giveBack(w.id);
}

/**
 * A job still running after this long is long too: a scan is seen as one before its first page is read
 * (pdftoppm and Tesseract run in child processes, so this thread's timers fire meanwhile). Text files
 * take a tenth of it.
 */
const LONG_MS = 1000;

function next(): void {
  if (running) return;
  const w = waiting.shift();
  if (!w) return;
  running = true;
  long = false;
  const timer = setTimeout(onLong, LONG_MS);
  void run(w.id, w.job)
    .then((result) => {
      if (result === DEFERRED) {
        port.postMessage({ id: w.id, deferred: true });
        return;
      }
      try {
        port.postMessage({ id: w.id, result });
      } catch (err) {
        port.postMessage({ id: w.id, error: `extract: result cannot be sent: ${err instanceof Error ? err.message : String(err)}` });
      }
    })
    .finally(() => {
      clearTimeout(timer);
      running = false;
      long = false;
      next();
    });
}

port.on('message', (msg: { id: number; job?: IngestJob; answer?: boolean; longOk?: boolean }) => {
  if ('longOk' in msg) {
    const resolve = pendingLong;
    pendingLong = null;
    resolve?.(msg.longOk === true);
    return;
  }
  if ('answer' in msg) {
    const resolve = pendingAnswer;
    pendingAnswer = null;
    resolve?.(msg.answer === true);
    return;
  }
  if (!msg.job) return;
  // sent ahead before the pool heard that the running job is long
  if (running && long) return giveBack(msg.id);
  waiting.push({ id: msg.id, job: msg.job });
  next();
});
port.postMessage({ ready: true });
