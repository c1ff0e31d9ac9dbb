import { isMainThread, resourceLimits as ownLimits, Worker } from 'node:worker_threads';
import { oneLine, ReadError, type ReadLimits } from './reader.ts';

/**
 * Runs a parser of untrusted bytes (SheetJS for .xls, exceljs for .xlsx, word-extractor for .doc) in a
 * worker thread: prototypes locked inside it, a heap cap, a time limit that terminates it, and only
 * plain data (structured clone) coming back, checked here before use.
 */

/** One cell as the worker sends it: row and column (1-based), kind, raw number, raw text. */
export type PlainCell = [row: number, col: number, kind: 'n' | 's' | 'b' | 'e' | 'd' | 'f', value: number | null, text: string];
export interface PlainSheet {
  name: string;
  cells: PlainCell[];
  /** merged ranges, 1-based and inclusive: top, left, bottom, right */
  merges: [number, number, number, number][];
  /** columns hidden in the sheet, 1-based (read from .xlsx only) */
  hidden?: number[];
}
export interface PlainWorkbook {
  sheets: PlainSheet[];
  /** what the parser could not read, one line each */
  warnings: string[];
}
export interface PlainWordDocument {
  body: string;
  footnotes: string;
  endnotes: string;
}

interface Jobs {
  xls: PlainWorkbook;
  xlsx: PlainWorkbook;
  doc: PlainWordDocument;
}

export interface IsolateOptions {
  /** heap cap of the worker; by default three times the inflated-size limit, between 256 MB and 2 GB */
  heapMb?: number;
  /** more cells than this in a workbook is refused */
  maxCells?: number;
}

const DEFAULT_MAX_CELLS = 2_000_000;
const WORKER = new URL('./parse-worker.mjs', import.meta.url);

export function defaultHeapMb(limits: Pick<ReadLimits, 'maxInflatedBytes'>): number {
  return Math.min(2048, Math.max(256, Math.ceil((3 * limits.maxInflatedBytes) / 2 ** 20)));
}

/**
 * A reader running in a worker thread (ingest's, with `--worker-memory`) gives its parser no more heap
 * than it has itself: the parser's own thread is where a hostile file spends memory, and a limit that
 * stopped at the reader's thread would not hold.
 */
function inheritedHeapMb(): number {
  const own = isMainThread ? undefined : ownLimits.maxOldGenerationSizeMb;
  return own !== undefined && own > 0 ? own : Number.POSITIVE_INFINITY;
}

/** The parser thread's heap: what was asked, or the default, never more than the calling thread has. */
export function parserHeapMb(limits: Pick<ReadLimits, 'maxInflatedBytes'>, options: Pick<IsolateOptions, 'heapMb'> = {}): number {
  return Math.min(options.heapMb ?? defaultHeapMb(limits), inheritedHeapMb());
}

export async function runIsolated<J extends keyof Jobs>(
  job: J,
  file: string,
  bytes: Uint8Array,
  limits: Pick<ReadLimits, 'timeoutMs' | 'maxInflatedBytes'>,
  options: IsolateOptions = {},
): Promise<Jobs[J]> {
  // A copy, transferred: the worker owns its bytes and the caller's stay intact.
  const copy = new Uint8Array(bytes);
  const heapMb = parserHeapMb(limits, options);
  const worker = new Worker(WORKER, {
    workerData: { job, bytes: copy, maxCells: options.maxCells ?? DEFAULT_MAX_CELLS },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(64, Math.floor(heapMb / 4))), stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  // Libraries may print; that must not reach the CLI's stdout, nor fill a pipe.
  worker.stdout.resume();
  worker.stderr.resume();
  const raw = await new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new ReadError(file, `parsing took longer than ${limits.timeoutMs} ms: stopped`))), limits.timeoutMs);
    worker.on('message', (m: unknown) => finish(() => resolve(m)));
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          new ReadError(
            file,
            err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `parsing needed more than ${heapMb} MB of memory: stopped` : `parser failed: ${oneLine(err.message)}`,
          ),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new ReadError(file, `parser stopped unexpectedly (exit code ${code})`))));
  });
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') throw new ReadError(file, 'parser sent back no result');
  if (!raw.ok) throw new ReadError(file, `cannot parse ${job.toUpperCase()}: ${oneLine(String(raw.error))}`);
  const checked = job === 'doc' ? checkWordDocument(raw.result) : checkWorkbook(raw.result);
  if (!checked) throw new ReadError(file, 'parser sent back malformed data');
  return checked as Jobs[J];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KINDS = new Set(['n', 's', 'b', 'e', 'd', 'f']);
const posInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** The worker parsed hostile bytes: what it sends is data to check, not to trust. */
function checkWorkbook(v: unknown): PlainWorkbook | null {
  if (!isRecord(v) || !Array.isArray(v.sheets)) return null;
  const sheets: PlainSheet[] = [];
  for (const s of v.sheets) {
    if (!isRecord(s) || typeof s.name !== 'string' || !Array.isArray(s.cells) || !Array.isArray(s.merges)) return null;
    const cells: PlainCell[] = [];
    for (const c of s.cells) {
      if (!Array.isArray(c) || c.length !== 5) return null;
      const [row, col, kind, value, text] = c as unknown[];
      if (!posInt(row) || !posInt(col) || typeof kind !== 'string' || !KINDS.has(kind) || typeof text !== 'string') return null;
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) return null;
      cells.push([row, col, kind as PlainCell[2], value, text]);
    }
    const merges: PlainSheet['merges'] = [];
    for (const m of s.merges) {
      if (!Array.isArray(m) || m.length !== 4 || !m.every(posInt)) continue;
      const [t, l, b, r] = m as number[];
      if (b! >= t! && r! >= l!) merges.push([t!, l!, b!, r!]);
    }
    const hidden = Array.isArray(s.hidden) ? s.hidden.filter(posInt) : [];
    sheets.push({ name: s.name, cells, merges, ...(hidden.length > 0 ? { hidden } : {}) });
  }
  const warnings = Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string').map((w) => w.slice(0, 300)) : [];
  return { sheets, warnings };
}

function checkWordDocument(v: unknown): PlainWordDocument | null {
  if (!isRecord(v)) return null;
  const { body, footnotes, endnotes } = v;
  if (typeof body !== 'string' || typeof footnotes !== 'string' || typeof endnotes !== 'string') return null;
  return { body, footnotes, endnotes };
}
