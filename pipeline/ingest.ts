import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { deserialize } from 'node:v8';
import { DEFAULT_LIMITS, type ReadLimits } from '../extractors/reader.ts';
import type { LoadInput, WrittenDocument } from '../schema/load-input.ts';
import { CommitGroup } from '../store/commit-group.ts';
import { DocumentWriter, isLoaded, loadDocument } from '../store/documents.ts';
import { finishRun, RunFileWriter, runFileFromOutcome, startRun } from '../store/runs.ts';
import type { Warehouse } from '../store/warehouse.ts';
import type { IngestJob, IngestJobResult, IngestWorkerData } from './ingest-worker.ts';
import { walkFiles } from './walk.ts';
import { type PoolOutcome, WorkerPool } from './worker-pool.ts';

/** What happened to every file of an ingest run. */
export interface IngestSummary {
  runId: number;
  files: number;
  loaded: number;
  skipped: number;
  superseded: number;
  failed: { file: string; stage: string; reason: string }[];
  /** files found in the folders that are not reports (a README, a markdown note), each with why; not counted in `skipped` */
  notReports: { file: string; reason: string }[];
  facts: number;
  mismatches: number;
  seconds: number;
  /** pages of the loaded documents (PDFs; other formats have none) */
  pages: number;
  /** of those pages, the ones read by OCR (scans: pages with no text layer, or every page with `--ocr always`) */
  ocrPages: number;
  workers: number;
  /**
   * warnings and errors said about the loaded documents, by rule (`table:…`, `read:invalid-utf8`), with
   * how many and in how many documents; `baocao documents show ID` lists them with their place
   */
  warnings: { rule: string; count: number; documents: number; example: string }[];
  /** stopped by Ctrl-C (or the signal) before every file was seen: run again to load the rest */
  interrupted: boolean;
}

export interface IngestEvent {
  file: string;
  status: 'loaded' | 'skipped' | 'failed';
  reason?: string;
  facts: number;
  mismatches: number;
  pages: number;
  /** of its pages, those OCR read */
  ocrPages: number;
  stage?: string;
  documentId?: string;
  /** the document this one replaced as current (same number and issuer) */
  supersedes?: string;
}

export interface IngestOptions {
  limits?: Partial<ReadLimits>;
  onFile?: (event: IngestEvent, done: number) => void;
  /** polled between documents: Ctrl-C lets the document being written finish, then stops */
  shouldStop?: () => boolean;
  /** the same as shouldStop, but also wakes a writer waiting on a slow file */
  signal?: AbortSignal;
  args?: readonly string[];
  /** globs of files and folders not to walk (`--exclude`, see `globMatcher` in walk.ts) */
  exclude?: readonly string[];
  /** reader threads; default: the number of cores */
  workers?: number;
  /** read again the files whose content failed in an earlier run (default: report the old reason, unread) */
  retryFailed?: boolean;
  /** told of each page OCR reads, for the progress line (OCR takes seconds a page) */
  onOcrPage?: (file: string, done: number, total: number) => void;
  /**
   * HOOK for cross-document checks: runs after a document is loaded, with what the load wrote, and returns
   * how many extra mismatches it recorded (they are added to the summary). A throw fails nothing already
   * loaded; it is reported as a warning line in the file's reason. Wired by the caller, e.g.
   * `checkAcrossDocuments(wh, id, written)`.
   */
  afterLoad?: (documentId: string, written: WrittenDocument) => Promise<number>;
  /**
   * Heap limit of each reader thread, in MB. A file that needs more fails ("ran out of memory"), its
   * worker is replaced and the run goes on.
   */
  workerMemoryMb?: number;
}

/**
 * Left to its defaults V8 lets each worker's heap grow lazily to what the largest documents once needed,
 * and a run's memory crept up with the archive; with a limit it collects sooner, for a little more CPU.
 * 256 MB holds the largest real reports in the corpus with room to spare.
 */
export const DEFAULT_WORKER_MEMORY_MB = 256;

/**
 * The young generation is bounded: each worker's nursery is resident memory, times the workers. A small
 * nursery makes the worker spend much of its time in GC; a large one is faster again but, times two
 * workers, took a large run past the memory target (README, bench/results.json). 16 MB is the compromise.
 */
function workerHeapLimits(mb: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: Math.max(4, Math.min(16, Math.floor(mb / 16))) };
}

/** Extra time past the reader's own limit before the pool kills the worker: the reader's message is clearer. */
const HARD_LIMIT_GRACE_MS = 1500;

type Outcome = PoolOutcome<IngestJobResult> | { walkError: string } | { note: string };

interface Slot {
  file: string;
  outcome: Outcome;
  job?: IngestJob;
}

/**
 * The flags of `baocao ingest` that take a value but do not change which files are walked. A run's
 * arguments without them (its paths and `--exclude` globs) say what it walks: a run with the same ones
 * after a stopped run continues it (see `VersionKey` in store/documents.ts).
 */
const NOT_WALKED_VALUE_FLAGS = new Set(['--db', '--workers', '--max-bytes', '--max-pages', '--timeout', '--ocr', '--worker-memory']);

/** The arguments that decide what a run walks: its paths and `--exclude` globs, in order. */
export function walkedArguments(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = args[0] === 'ingest' ? 1 : 0; i < args.length; i++) {
    const a = args[i]!;
    if (NOT_WALKED_VALUE_FLAGS.has(a)) i++;
    else if (a === '--exclude') {
      out.push(a, args[i + 1] ?? '');
      i++;
    } else if (a.startsWith('--exclude=')) out.push('--exclude', a.slice('--exclude='.length));
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

const sameWalk = (a: readonly string[], b: readonly string[]) => {
  const x = walkedArguments(a);
  const y = walkedArguments(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/**
 * Ingests files and folders: a walker streams paths, a pool of worker threads reads and extracts them,
 * and this thread, the only writer, loads each document whole or not at all (commits grouped: CommitGroup).
 *
 * Results are loaded as they come in, not in walk order: a scan that takes a minute to OCR does not hold
 * back the text files after it. What the warehouse ends up holding does not depend on that order (a
 * document's versions are ordered by what they are, not by when they were loaded: store/documents.ts),
 * so a run that is stopped and run again ends as an uninterrupted run would. Memory stays bounded: at
 * most `workers × 8` files are in flight or waiting to be written, whatever the archive's size.
 */
export async function ingest(wh: Warehouse, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const limits: Partial<ReadLimits> = { ...options.limits };
  const timeoutMs = limits.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  const workerMemoryMb = options.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  const runId = await startRun(wh, 'ingest', options.args ?? paths);
  const summary: IngestSummary = {
    runId,
    files: 0,
    loaded: 0,
    skipped: 0,
    superseded: 0,
    failed: [],
    notReports: [],
    facts: 0,
    mismatches: 0,
    seconds: 0,
    pages: 0,
    ocrPages: 0,
    workers,
    warnings: [],
    interrupted: false,
  };
  const known = isLoaded(wh);
  const runFiles = new RunFileWriter(wh, runId);
  const writer = new DocumentWriter(wh, { sameWalk });
  const group = new CommitGroup(writer);
  // pages OCR has read so far, per job in flight (a worker tells each page as it is read)
  const ocrRead = new Map<IngestJob, number>();
  // files in flight or finished and waiting for the writer: room enough that workers rarely idle on it
  const window = workers * 8;
  let inFlight = 0;
  // finished, in the order they finished: the writer takes them from the front
  const ready: Slot[] = [];
  let walked = false;
  const pool = new WorkerPool<IngestJob, IngestJobResult, string, boolean>({
    script: new URL('./ingest-worker.mjs', import.meta.url),
    size: workers,
    timeoutMs: timeoutMs + HARD_LIMIT_GRACE_MS,
    answer: known,
    resourceLimits: workerHeapLimits(workerMemoryMb),
    workerData: { warehouse: wh.sqlite.memory ? null : wh.sqlite.name } satisfies IngestWorkerData,
    onProgress: (job, progress) => {
      const p = progress as { ocrPages?: number; ocrTotal?: number };
      if (p.ocrPages === undefined) return;
      const j = job as IngestJob;
      ocrRead.set(j, Math.max(p.ocrPages, ocrRead.get(j) ?? 0));
      options.onOcrPage?.(j.file, p.ocrPages, p.ocrTotal ?? p.ocrPages);
    },
    // OCR (a minute a scan) never takes every worker while other files wait: they are quick to read
    maxLong: Math.max(1, workers - 1),
    // results waiting for the writer free room for more files once written: the queue is not done
    moreJobsComing: () => !walked && (ready.length > 0 || inFlight < window),
  });
  const stopping = () => options.shouldStop?.() === true || options.signal?.aborted === true;
  let wake: (() => void) | null = null;
  const arrive = (slot: Slot) => {
    ready.push(slot);
    const w = wake;
    wake = null;
    w?.();
  };
  // a warehouse kept inside the archive it loads is not read as one of its reports
  const db = wh.sqlite.memory ? [] : [resolve(wh.sqlite.name)].flatMap((f) => [f, `${f}-wal`, `${f}-shm`, `${f}-journal`]);
  const walker = walkFiles(paths, { ...(options.exclude ? { exclude: options.exclude } : {}), own: db })[Symbol.asyncIterator]();
  const refill = async () => {
    while (!walked && inFlight < window && !stopping()) {
      const next = await walker.next();
      if (next.done) {
        walked = true;
        break;
      }
      const entry = next.value;
      inFlight++;
      if ('error' in entry) arrive({ file: entry.file, outcome: { walkError: entry.error } });
      else if ('skip' in entry) arrive({ file: entry.file, outcome: { note: entry.skip } });
      else {
        const job: IngestJob = { file: entry.file, limits, ...(options.retryFailed ? { retryFailed: true } : {}) };
        void pool.run(job).then((outcome) => arrive({ file: job.file, outcome, job }));
      }
    }
    pool.recheck();
  };
  /**
   * The next finished file, waiting for one if none is: null when every file is written, or when a stop
   * was asked for. While it waits past the commit group's time, what is loaded is committed rather than
   * holding the write lock.
   */
  const nextReady = async (): Promise<Slot | 'stop' | null> => {
    for (;;) {
      if (ready.length === 0 && inFlight === 0 && walked) return null;
      if (stopping()) return 'stop';
      const slot = ready.shift();
      if (slot) return slot;
      const arrived = new Promise<void>((r) => (wake = r));
      const left = group.msLeft();
      if (left !== null && !(await arrivesWithin(arrived, left))) group.commit();
      if ((await untilAbort(arrived, options.signal)) === 'stop') return 'stop';
    }
  };

  const report = (event: IngestEvent) => options.onFile?.(event, summary.files);
  const fail = (file: string, stage: string, reason: string, ms: number | null, documentId: string | null = null) => {
    summary.failed.push({ file, stage, reason });
    runFiles.add({ file, documentId, status: 'failed', stage, reason, ms });
    report({ file, status: 'failed', stage, reason, facts: 0, mismatches: 0, pages: 0, ocrPages: 0 });
  };

  try {
    for (;;) {
      await refill();
      const slot = await nextReady();
      if (slot === null) break;
      if (slot === 'stop') {
        summary.interrupted = true;
        break;
      }
      inFlight--;
      summary.files++;
      const { file, outcome } = slot;
      const ocrPages = (slot.job && ocrRead.get(slot.job)) ?? 0;
      if (slot.job) ocrRead.delete(slot.job);
      if ('walkError' in outcome) {
        fail(file, 'read', outcome.walkError, null);
        continue;
      }
      if ('note' in outcome) {
        summary.notReports.push({ file, reason: outcome.note });
        runFiles.add({ file, documentId: null, status: 'skipped', reason: outcome.note, ms: null });
        report({ file, status: 'skipped', reason: outcome.note, facts: 0, mismatches: 0, pages: 0, ocrPages: 0 });
        continue;
      }
      if (!outcome.ok) {
        // the pool knows nothing of flags: say which limit was hit and how to raise it
        const reason = /out of memory/.test(outcome.reason) ? `${outcome.reason}; needs more than ${workerMemoryMb} MB (--worker-memory)` : outcome.reason;
        // A worker that died or ran out of time never said the file's hash. Keyed by its content, the
        // failure is remembered, so the next run gives the reason without reading it again (unless
        // --retry-failed); written at once, so it holds even if this process does not live to flush.
        fail(file, outcome.cause === 'timeout' ? 'timeout' : 'worker', reason, outcome.ms, await contentHash(file));
        runFiles.flush();
        continue;
      }
      const result = outcome.result;
      if (result.status === 'failed') {
        fail(file, result.stage, result.reason, outcome.ms, result.documentId);
        continue;
      }
      if (result.status === 'known') {
        summary.skipped++;
        runFiles.add({ file, documentId: result.documentId, status: 'skipped', reason: 'already loaded (same content hash)', ms: outcome.ms });
        report({ file, status: 'skipped', reason: 'already loaded', documentId: result.documentId, facts: 0, mismatches: 0, pages: 0, ocrPages: 0 });
        continue;
      }
      let input: LoadInput;
      try {
        // what the loader gets is checked there; here it must only come back as a value
        input = deserialize(result.bytes) as LoadInput;
      } catch (err) {
        fail(file, 'load', `the worker's result cannot be read: ${err instanceof Error ? err.message : String(err)}`, outcome.ms);
        continue;
      }
      const t0 = performance.now();
      // synchronous inside: the document is written whole or not at all (a savepoint in the commit group)
      group.enter();
      const loaded = await loadDocument(writer, input, { runId });
      const ms = outcome.ms + (performance.now() - t0);
      if (loaded.status === 'loaded') {
        let mismatches = loaded.mismatches;
        let note: string | null = loaded.supersedes ? `supersedes ${loaded.supersedes}` : null;
        if (options.afterLoad) {
          try {
            mismatches += await options.afterLoad(loaded.documentId, loaded.written);
          } catch (err) {
            note = [note, `cross-document checks failed: ${err instanceof Error ? err.message : String(err)}`].filter(Boolean).join('; ');
          }
        }
        const pages = input.document.pages ?? 0;
        summary.loaded++;
        if (loaded.supersedes) summary.superseded++;
        summary.facts += loaded.facts;
        summary.mismatches += mismatches;
        summary.pages += pages;
        summary.ocrPages += ocrPages;
        countWarnings(summary.warnings, input.messages);
        runFiles.add({ ...runFileFromOutcome(file, loaded, ms), mismatches, reason: note });
        report({
          file,
          status: 'loaded',
          documentId: loaded.documentId,
          facts: loaded.facts,
          mismatches,
          pages,
          ocrPages,
          ...(loaded.supersedes ? { supersedes: loaded.supersedes } : {}),
        });
      } else if (loaded.status === 'skipped') {
        summary.skipped++;
        runFiles.add(runFileFromOutcome(file, loaded, ms));
        report({ file, status: 'skipped', reason: loaded.reason, documentId: loaded.documentId, facts: 0, mismatches: 0, pages: 0, ocrPages: 0 });
      } else {
        fail(file, 'load', loaded.reason, ms, loaded.documentId || null);
      }
      group.done();
    }
  } finally {
    await pool.close();
    await walker.return?.(undefined);
    runFiles.flush();
    group.commit();
  }
  await finishRun(wh, runId, summary.interrupted ? 'interrupted' : 'done');
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Adds a document's warnings and errors to the run's counts by rule, most frequent first. */
function countWarnings(into: IngestSummary['warnings'], messages: LoadInput['messages']): void {
  const mine = new Map<string, { count: number; example: string }>();
  for (const m of messages) {
    if (m.type !== 'warning' && m.type !== 'error') continue;
    const rule = m.ruleId ?? m.stage ?? 'other';
    const seen = mine.get(rule);
    if (seen) seen.count++;
    else mine.set(rule, { count: 1, example: m.message });
  }
  for (const [rule, { count, example }] of mine) {
    const entry = into.find((w) => w.rule === rule);
    if (entry) {
      entry.count += count;
      entry.documents++;
    } else into.push({ rule, count, documents: 1, example });
  }
  into.sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
}

/** The sha256 of a file's bytes, streamed (memory stays small whatever its size); null if it cannot be read. */
async function contentHash(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** Whether a promise settles within `ms` (its result stays with the promise). */
function arrivesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}

/**
 * Waits for a result, or for a stop request. Racing every result against one long-lived "aborted"
 * promise kept a reaction (and so the whole result, every fact of the document) per document alive
 * until the run ended: the main thread's memory grew with the archive.
 */
function untilAbort<T>(result: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'stop'> {
  if (!signal) return result;
  if (signal.aborted) return Promise.resolve('stop');
  return new Promise<T | 'stop'>((resolve, reject) => {
    const onAbort = () => resolve('stop');
    signal.addEventListener('abort', onAbort, { once: true });
    result.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
