import { type ResourceLimits, Worker } from 'node:worker_threads';
import { oneLine } from '../extractors/reader.ts';

/**
 * A small pool of worker threads, each running one job at a time, with a hard time limit per job. Each
 * worker is also sent its next job ahead (it queues it): the pool's thread is the warehouse writer, busy
 * for milliseconds at a time, and a worker that waited for it to hand out the next job lost that time.
 *
 * Hand-written rather than piscina: piscina kills a worker on timeout only through an AbortSignal per
 * task and reports it as a generic abort, and it has no channel for the mid-job question the ingest
 * workers ask ("is this hash already loaded?") before they parse. What is needed here is ~150 lines.
 *
 * Protocol (structured-clone messages):
 *   worker → pool  { ready: true }                         once its modules are loaded
 *   pool → worker  { id, job }       a worker may hold its next job too, and runs them in order
 *   worker → pool  { id, ask }      pool → worker { id, answer }   (answered synchronously by `answer`)
 *   worker → pool  { id, progress }  the job goes on (an OCR page read): its time limit runs again from now
 *   worker → pool  { id, returned: true }  a job sent ahead, not started, given back (its worker is on a
 *                                          long job: one that reports progress); the pool hands it out again
 *   worker → pool  { id, longAsk: true }   pool → worker { id, longOk }   may the job go on as a long one
 *                                          (OCR)? If not, the worker defers it:
 *   worker → pool  { id, deferred: true }  the job is given back before its long part; it runs later
 *   worker → pool  { id, result }  or  { id, error }
 *
 * A job sent ahead waits for the one before it. For a scan that OCR reads for a minute that would hold a
 * short job while another worker idles: a worker whose job reports progress gives back what it was sent
 * ahead, and is sent nothing ahead until that job is done. And at most `maxLong` jobs run long at once
 * while other jobs wait, so that OCR never takes every worker from the files that are quick to read; a
 * long job deferred runs when a long one ends, or when nothing else is waiting.
 */
export interface PoolOptions<Ask, Answer> {
  script: URL;
  size: number;
  /** a job running longer than this has its worker terminated and replaced; the job fails */
  timeoutMs: number;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  answer?: (ask: Ask) => Answer;
  /** told of a job's progress; the job's time limit then runs again from now */
  onProgress?: (job: unknown, progress: unknown) => void;
  /** jobs that may run long (they ask: OCR) at once while other jobs wait; default: every worker */
  maxLong?: number;
  /**
   * Whether the pool's user will soon hand it more jobs (it has results to take first): while it will,
   * an empty queue does not let more than `maxLong` jobs run long. Default: no.
   */
  moreJobsComing?: () => boolean;
}

export type PoolOutcome<R> = { ok: true; result: R; ms: number } | { ok: false; reason: string; cause: 'error' | 'timeout' | 'crash' | 'closed'; ms: number };

interface Task<J, R> {
  id: number;
  job: J;
  resolve: (outcome: PoolOutcome<R>) => void;
  started: number;
  timer?: NodeJS.Timeout;
}

interface Slot<J, R> {
  worker: Worker;
  ready: boolean;
  /** the job the worker is running first, then the one sent ahead; at most AHEAD + 1 */
  tasks: Task<J, R>[];
  /** set when the pool itself terminates the worker, so its exit is not taken for a crash */
  retired: boolean;
  /** its current job has reported progress: a long one, so nothing is sent to it ahead */
  long: boolean;
  /** its current job may run long (asked and allowed, or a deferred job handed out when it could) */
  permit: boolean;
}

/** Jobs sent to a worker beyond the one it runs. */
const AHEAD = 1;

/** Consecutive workers that die before becoming ready: past this the pool gives up instead of looping. */
const MAX_STARTUP_FAILURES = 3;

export class WorkerPool<J, R, Ask = unknown, Answer = unknown> {
  private readonly slots = new Set<Slot<J, R>>();
  private readonly queue: Task<J, R>[] = [];
  /** long jobs given back before their long part, waiting for a permit (see `maxLong`) */
  private readonly deferred: Task<J, R>[] = [];
  private nextId = 1;
  private closed = false;
  private startupFailures = 0;
  private brokenReason: string | null = null;
  /** workers replaced after a timeout or a crash, for the run summary */
  replaced = 0;

  constructor(private readonly options: PoolOptions<Ask, Answer>) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn();
  }

  get size(): number {
    return this.slots.size;
  }

  /** Workers that have loaded their modules and take jobs. */
  get readyWorkers(): number {
    let n = 0;
    for (const slot of this.slots) if (slot.ready && !slot.retired) n++;
    return n;
  }

  run(job: J): Promise<PoolOutcome<R>> {
    return new Promise((resolve) => {
      const task: Task<J, R> = { id: this.nextId++, job, resolve, started: 0 };
      if (this.closed) return resolve({ ok: false, reason: 'the worker pool was closed', cause: 'closed', ms: 0 });
      if (this.brokenReason) return resolve({ ok: false, reason: this.brokenReason, cause: 'crash', ms: 0 });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Hands out deferred jobs that may now run (the user's `moreJobsComing` changed). */
  recheck(): void {
    this.dispatch();
  }

  /** Terminates every worker; queued and running jobs resolve as `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of [...this.queue.splice(0), ...this.deferred.splice(0)])
      t.resolve({ ok: false, reason: 'the worker pool was closed', cause: 'closed', ms: 0 });
    const exits: Promise<number>[] = [];
    for (const slot of this.slots) {
      slot.retired = true;
      while (slot.tasks.length > 0) this.settle(slot, { ok: false, reason: 'the worker pool was closed', cause: 'closed' });
      exits.push(slot.worker.terminate());
    }
    this.slots.clear();
    await Promise.allSettled(exits);
  }

  private spawn(): void {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
      // a worker's stray console output must not reach stdout, which `--json` keeps for JSON alone
      stdout: true,
      stderr: false,
    });
    worker.stdout.resume();
    const slot: Slot<J, R> = { worker, ready: false, tasks: [], retired: false, long: false, permit: false };
    this.slots.add(slot);
    worker.on('message', (msg: WorkerMessage<R, Ask>) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onGone(slot, describeCrash(err)));
    worker.on('exit', (code) => this.onGone(slot, `the worker exited (code ${code})`));
  }

  private onMessage(slot: Slot<J, R>, msg: WorkerMessage<R, Ask>): void {
    if ('ready' in msg) {
      slot.ready = true;
      this.startupFailures = 0;
      this.dispatch();
      return;
    }
    if ('returned' in msg) {
      const i = slot.tasks.findIndex((t) => t.id === msg.id);
      // the current job is never given back: only one still waiting behind it
      if (i < 1) return;
      const [back] = slot.tasks.splice(i, 1);
      // a worker gives back only while on a long job (it may not have said so by a progress message)
      slot.long = true;
      this.queue.unshift(back!);
      this.dispatch();
      return;
    }
    const task = slot.tasks[0];
    if (!task || msg.id !== task.id) return;
    if ('longAsk' in msg) {
      const ok = slot.permit || this.permits() < this.maxLong || this.nothingElse();
      if (ok) slot.permit = slot.long = true;
      slot.worker.postMessage({ id: task.id, longOk: ok });
      return;
    }
    if ('deferred' in msg) {
      slot.tasks.shift();
      clearTimeout(task.timer);
      task.started = 0;
      slot.long = slot.permit = false;
      this.deferred.push(task);
      const next = slot.tasks[0];
      if (next && !slot.retired && !this.closed) this.startClock(slot, next);
      this.dispatch();
      return;
    }
    if ('ask' in msg) {
      let answer: Answer | undefined;
      try {
        answer = this.options.answer?.(msg.ask);
      } catch {
        answer = undefined;
      }
      slot.worker.postMessage({ id: task.id, answer });
      return;
    }
    if ('progress' in msg) {
      slot.long = true;
      clearTimeout(task.timer);
      task.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      this.options.onProgress?.(task.job, msg.progress);
      return;
    }
    if ('result' in msg) this.settle(slot, { ok: true, result: msg.result });
    else this.settle(slot, { ok: false, reason: msg.error, cause: 'error' });
    this.dispatch();
  }

  /** A worker that died (crash, out of memory, exit) fails its job and is replaced. */
  private onGone(slot: Slot<J, R>, reason: string): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    if (slot.retired || this.closed) return;
    if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
      this.brokenReason = `workers fail to start: ${reason}`;
      while (slot.tasks.length > 0) this.settle(slot, { ok: false, reason: this.brokenReason, cause: 'crash' });
      for (const t of [...this.queue.splice(0), ...this.deferred.splice(0)]) t.resolve({ ok: false, reason: this.brokenReason, cause: 'crash', ms: 0 });
      return;
    }
    slot.retired = true;
    if (slot.tasks.length > 0) {
      this.settle(slot, { ok: false, reason, cause: 'crash' });
      this.replaced++;
    }
    this.requeueAhead(slot);
    this.spawn();
  }

  private onTimeout(slot: Slot<J, R>): void {
    if (slot.tasks.length === 0) return;
    const seconds = this.options.timeoutMs / 1000;
    slot.retired = true;
    this.settle(slot, { ok: false, reason: `took longer than ${seconds} s: stopped (worker replaced)`, cause: 'timeout' });
    this.slots.delete(slot);
    this.requeueAhead(slot);
    void slot.worker.terminate();
    this.replaced++;
    if (!this.closed) this.spawn();
    this.dispatch();
  }

  /** Jobs sent ahead to a worker that is gone never started: they go back to the front of the queue. */
  private requeueAhead(slot: Slot<J, R>): void {
    const waiting = slot.tasks.splice(0);
    for (const t of waiting) {
      // a clock started when the job before was settled would fire later and keep the process alive
      clearTimeout(t.timer);
      t.started = 0;
    }
    this.queue.unshift(...waiting);
  }

  /** Settles the worker's current job; the one sent ahead becomes current, and its clock starts. */
  private settle(slot: Slot<J, R>, outcome: { ok: true; result: R } | { ok: false; reason: string; cause: 'error' | 'timeout' | 'crash' | 'closed' }): void {
    const task = slot.tasks.shift();
    if (!task) return;
    slot.long = slot.permit = false;
    clearTimeout(task.timer);
    task.resolve({ ...outcome, ms: performance.now() - task.started });
    const next = slot.tasks[0];
    if (next && !slot.retired && !this.closed) this.startClock(slot, next);
  }

  /**
   * A job's time limit runs from when its worker takes it up: for a job sent ahead, from when the job
   * before it is settled here, which is a little later than the worker began it (never sooner).
   */
  private startClock(slot: Slot<J, R>, task: Task<J, R>): void {
    task.started = performance.now();
    task.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
  }

  private get maxLong(): number {
    return Math.max(1, this.options.maxLong ?? this.options.size);
  }

  /** No other job waits or is about to: a long job may take any worker. */
  private nothingElse(): boolean {
    return this.queue.length === 0 && this.options.moreJobsComing?.() !== true;
  }

  /** Workers whose job may run long. */
  private permits(): number {
    let n = 0;
    for (const slot of this.slots) if (slot.permit && !slot.retired) n++;
    return n;
  }

  /**
   * Idle workers first, then a job ahead for each: a job sent ahead must not wait while a worker idles.
   * A deferred long job goes first to an idle worker when it may run long, never ahead.
   */
  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.deferred.length === 0) break;
      if (!slot.ready || slot.retired || slot.tasks.length > 0) continue;
      if (this.permits() >= this.maxLong && !this.nothingElse()) break;
      const task = this.deferred.shift()!;
      slot.permit = true;
      slot.tasks.push(task);
      this.startClock(slot, task);
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
    for (let depth = 1; depth <= AHEAD + 1; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.retired || slot.tasks.length >= depth || (depth > 1 && slot.long)) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startClock(slot, task);
        slot.worker.postMessage({ id: task.id, job: task.job });
      }
    }
  }
}

type WorkerMessage<R, Ask> =
  | { ready: true }
  | { id: number; ask: Ask }
  | { id: number; progress: unknown }
  | { id: number; returned: true }
  | { id: number; longAsk: true }
  | { id: number; deferred: true }
  | { id: number; result: R }
  | { id: number; error: string };

function describeCrash(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'ran out of memory: stopped (worker replaced)';
  return `the worker crashed: ${oneLine(err)}`;
}
