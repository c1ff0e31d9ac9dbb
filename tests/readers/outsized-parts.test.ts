import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { inflatingDocx } from '../fixtures/hostile/make.ts';

const dir = mkdtempSync(join(tmpdir(), 'baocao-outsized-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readInWorker(file: string, heapMb: number): Promise<{ ok: boolean; blocks?: number; reason?: string }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./read-in-worker.mjs', import.meta.url), { workerData: { file }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/**
 * A DOCX part too large for the reader's heap would end the whole process, not just the reader's thread
 * (V8 gives up inside one large allocation): it is refused first, by its verified size, with the reason.
 */
describe('a DOCX whose XML is larger than the reader can hold', () => {
  it('is refused before parsing, naming the part and the flag that raises the limit', async () => {
    const file = join(dir, 'big.docx');
    writeFileSync(file, inflatingDocx(16 * 2 ** 20));
    const outcome = await readInWorker(file, 64);
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toMatch(
      /word\/document\.xml inflates to 1[67] MB of XML: reading it needs about 1?\d\d MB, more than the 64 MB this reader has \(raise --worker-memory/,
    );
  }, 60_000);

  it('is read where the heap holds it', async () => {
    const file = join(dir, 'small.docx');
    writeFileSync(file, inflatingDocx(2 * 2 ** 20));
    const outcome = await readInWorker(file, 64);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.blocks).toBeGreaterThan(100);
  }, 60_000);
});
