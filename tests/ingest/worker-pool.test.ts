import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../pipeline/worker-pool.ts';

const script = new URL('./fixtures/test-worker.mjs', import.meta.url);
const run = promisify(execFile);

describe('WorkerPool', () => {
  let pool: WorkerPool<string, string, string, string> | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('stops a job that runs past the limit, replaces its worker and goes on', async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 300 });
    const spin = await pool.run('spin');
    expect(spin).toMatchObject({ ok: false, cause: 'timeout' });
    expect(spin.ok ? '' : spin.reason).toMatch(/longer than 0.3 s/);
    expect(spin.ms).toBeGreaterThanOrEqual(290);
    // the replacement takes the next jobs
    expect(await pool.run('a')).toMatchObject({ ok: true, result: 'done a' });
    expect(pool.replaced).toBe(1);
    expect(pool.size).toBe(1);
  });

  it('a job sent ahead to a worker that times out runs on its replacement', async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 300 });
    const [spin, next] = await Promise.all([pool.run('spin'), pool.run('a')]);
    expect(spin).toMatchObject({ ok: false, cause: 'timeout' });
    expect(next).toMatchObject({ ok: true, result: 'done a' });
    expect(pool.replaced).toBe(1);
  });

  it('leaves no clock running for a job sent ahead to a worker that crashed: the process ends at once', async () => {
    const started = Date.now();
    const { stdout } = await run(process.execPath, [
      fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url)),
      fileURLToPath(new URL('./fixtures/pool-exit.ts', import.meta.url)),
    ]);
    expect(JSON.parse(stdout)).toEqual(['crash', 'done a']);
    // the job sent ahead had a one-minute limit
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 70_000);

  it("sends each worker its next job ahead, so it goes on while the pool's thread is busy", async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 5000 });
    expect(await pool.run('a')).toMatchObject({ ok: true }); // the worker is up
    const first = pool.run('stamp');
    const second = pool.run('stamp');
    // the pool's thread (the warehouse writer in ingest) is busy and hands out nothing meanwhile
    const busyUntil = Date.now() + 500;
    while (Date.now() < busyUntil);
    const stamps = (await Promise.all([first, second])).map((r) => (r.ok ? Number(r.result.split(' ')[1]) : NaN));
    expect(stamps[1]).toBeLessThan(busyUntil);
  });

  it('keeps every worker busy before sending any a job ahead', async () => {
    pool = new WorkerPool({ script, size: 2, timeoutMs: 5000 });
    while (pool.readyWorkers < 2) await new Promise((r) => setTimeout(r, 20));
    // one long job and one short: were both sent to the same worker, the short one would wait 400 ms
    const started = Date.now();
    const [slow, quick] = [pool.run('sleep'), pool.run('stamp')];
    const q = await quick;
    expect(q.ok ? Number(q.result.split(' ')[1]) - started : NaN).toBeLessThan(300);
    expect(await slow).toMatchObject({ ok: true });
  });

  it('a job sent ahead to a worker on a long job (one that reports progress) goes to a worker that is free', async () => {
    const progress: string[] = [];
    pool = new WorkerPool({ script, size: 2, timeoutMs: 5000, onProgress: (job) => progress.push(job as string) });
    while (pool.readyWorkers < 2) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    // the same tick: `long` and `sleep` take the two workers, `stamp` is sent ahead to the first, `long`'s
    const [long, sleep, stamp] = [pool.run('long'), pool.run('sleep'), pool.run('stamp')];
    const s = await stamp;
    // behind `long` it would have waited 1.5 s; given back, it runs after `sleep` (0.4 s) on the other worker
    expect(s.ok ? Number(s.result.split(' ')[1]) - started : NaN).toBeLessThan(1200);
    expect(await sleep).toMatchObject({ ok: true });
    // and nothing more is sent ahead to the long one
    const after = await pool.run('stamp');
    expect(after.ok ? Number(after.result.split(' ')[1]) - started : NaN).toBeLessThan(1200);
    expect(await long).toMatchObject({ ok: true, result: expect.stringMatching(/^done long/) });
    expect(progress).toEqual(['long']);
  });

  it('runs at most maxLong long jobs at once while other jobs wait; a deferred one runs when nothing else does', async () => {
    pool = new WorkerPool({ script, size: 2, timeoutMs: 5000, maxLong: 1 });
    while (pool.readyWorkers < 2) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const scans = [pool.run('scan'), pool.run('scan')];
    const quick = ['sleep', 'stamp', 'sleep', 'stamp'].map((j) => pool!.run(j));
    const ends = (r: { ok: boolean; result?: string }) => (r.ok ? Number(r.result!.split(' ').at(-1)) - started : NaN);
    // the second scan is deferred: the quick jobs run on the other worker, none waits for a scan (1.5 s)
    const stamps = await Promise.all(quick);
    expect(stamps.every((r) => r.ok)).toBe(true);
    expect(ends(stamps[3]!)).toBeLessThan(1300);
    const [a, b] = await Promise.all(scans);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    // which scan asks first is the workers' race: the one that ends later is the deferred one
    const [early, late] = [ends(a!), ends(b!)].sort((x, y) => x - y) as [number, number];
    // the deferred one ran once the quick jobs were done, beside the first
    expect(late).toBeGreaterThan(ends(stamps[3]!) + 1400);
    expect(late).toBeLessThan(early + 1400);
  });

  it('fails only the job whose worker crashes, exits or runs out of memory', async () => {
    pool = new WorkerPool({ script, size: 2, timeoutMs: 20_000, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const results = await Promise.all(['a', 'throw', 'b', 'exit', 'hog', 'c'].map((j) => pool!.run(j)));
    expect(results.map((r) => (r.ok ? r.result : r.cause))).toEqual(['done a', 'crash', 'done b', 'crash', 'crash', 'done c']);
    const reasons = results.map((r) => (r.ok ? '' : r.reason));
    expect(reasons[1]).toMatch(/boom in the parser/);
    expect(reasons[3]).toMatch(/exited \(code 3\)/);
    expect(reasons[4]).toMatch(/out of memory/);
    expect(pool.size).toBe(2);
  });

  it('answers a worker question in the middle of its job', async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 5000, answer: (q: string) => `${q}?` });
    expect(await pool.run('ask')).toMatchObject({ ok: true, result: 'answered question?' });
  });

  it('resolves queued and running jobs as closed when closed', async () => {
    pool = new WorkerPool({ script, size: 1, timeoutMs: 60_000 });
    const running = pool.run('spin');
    const queued = pool.run('a');
    await new Promise((r) => setTimeout(r, 300));
    await pool.close();
    expect(await running).toMatchObject({ ok: false, cause: 'closed' });
    expect(await queued).toMatchObject({ ok: false, cause: 'closed' });
  });

  it('gives up with a reason when workers cannot start, instead of respawning forever', async () => {
    pool = new WorkerPool({ script: new URL('./fixtures/missing-worker.mjs', import.meta.url), size: 1, timeoutMs: 5000 });
    const r = await pool.run('a');
    expect(r).toMatchObject({ ok: false, cause: 'crash' });
    expect(r.ok ? '' : r.reason).toMatch(/fail to start/);
  });
});
