import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A small pool of worker threads, each running one job at a time, with a hard time limit per job.
 *
 * Hand-written rather than piscina: piscina kills a worker on timeout only through an AbortSignal per
 * task and reports it as a generic abort, and it has no channel for the mid-job question the ingest
 * workers ask ("is this hash already loaded?") before they parse. What is needed here is ~150 lines.
 *
 * Protocol (structured-clone messages):
 *   worker → pool  { ready: true }                         once its modules are loaded
 *   pool → worker  { id, job }
 *   worker → pool  { id, ask }      pool → worker { id, answer }   (answered synchronously by `answer`)
 *   worker → pool  { id, result }  or  { id, error }
 */
export interface PoolOptions<Ask, Answer> {
  script: URL;
  size: number;
  /** a job running longer than this has its worker terminated and replaced; the job fails */
  timeoutMs: number;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  answer?: (ask: Ask) => Answer;
}

export type PoolOutcome<R> =
  | { ok: true; result: R; ms: number }
  | { ok: false; reason: string; cause: 'error' | 'timeout' | 'crash' | 'closed'; ms: number };

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
  task: Task<J, R> | null;
  /** set when the pool itself terminates the worker, so its exit is not taken for a crash */
  retired: boolean;
}

/** Consecutive workers that die before becoming ready: past this the pool gives up instead of looping. */
const MAX_STARTUP_FAILURES = 3;

export class WorkerPool<J, R, Ask = unknown, Answer = unknown> {
  private readonly slots = new Set<Slot<J, R>>();
  private readonly queue: Task<J, R>[] = [];
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

  run(job: J): Promise<PoolOutcome<R>> {
    return new Promise((resolve) => {
      const task: Task<J, R> = { id: this.nextId++, job, resolve, started: 0 };
      if (this.closed) return resolve({ ok: false, reason: 'the worker pool was closed', cause: 'closed', ms: 0 });
      if (this.brokenReason) return resolve({ ok: false, reason: this.brokenReason, cause: 'crash', ms: 0 });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Terminates every worker; queued and running jobs resolve as `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve({ ok: false, reason: 'the worker pool was closed', cause: 'closed', ms: 0 });
    const exits: Promise<number>[] = [];
    for (const slot of this.slots) {
      slot.retired = true;
      if (slot.task) this.settle(slot, { ok: false, reason: 'the worker pool was closed', cause: 'closed' });
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
    const slot: Slot<J, R> = { worker, ready: false, task: null, retired: false };
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
    const task = slot.task;
    if (!task || msg.id !== task.id) return;
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
      if (slot.task) this.settle(slot, { ok: false, reason: this.brokenReason, cause: 'crash' });
      for (const t of this.queue.splice(0)) t.resolve({ ok: false, reason: this.brokenReason, cause: 'crash', ms: 0 });
      return;
    }
    if (slot.task) {
      this.settle(slot, { ok: false, reason, cause: 'crash' });
      this.replaced++;
    }
    this.spawn();
  }

  private onTimeout(slot: Slot<J, R>): void {
    if (!slot.task) return;
    const seconds = this.options.timeoutMs / 1000;
    this.settle(slot, { ok: false, reason: `took longer than ${seconds} s: stopped (worker replaced)`, cause: 'timeout' });
    slot.retired = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    this.replaced++;
    if (!this.closed) this.spawn();
  }

  private settle(slot: Slot<J, R>, outcome: { ok: true; result: R } | { ok: false; reason: string; cause: 'error' | 'timeout' | 'crash' | 'closed' }): void {
    const task = slot.task;
    if (!task) return;
    slot.task = null;
    clearTimeout(task.timer);
    task.resolve({ ...outcome, ms: performance.now() - task.started });
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task || slot.retired) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      task.started = performance.now();
      task.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }
}

type WorkerMessage<R, Ask> =
  | { ready: true }
  | { id: number; ask: Ask }
  | { id: number; result: R }
  | { id: number; error: string };

function describeCrash(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'ran out of memory: stopped (worker replaced)';
  return `the worker crashed: ${(err.message.split('\n')[0] ?? '').slice(0, 300)}`;
}
