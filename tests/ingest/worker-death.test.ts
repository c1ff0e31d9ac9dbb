import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.ts';

/**
 * A file that kills its reader thread (out of memory here) never tells the run its hash: the run hashes
 * it itself, so the failure is remembered by content and the next run does not read it again, unless asked.
 */
describe('a file that killed its worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-death-'));
  const db = join(dir, 'w.sqlite');
  const big = join(dir, 'big.txt');
  // the seed forty times over needs more than 64 MB of reader heap
  writeFileSync(big, readFileSync(join(ROOT, 'seeds/000_35c0ecef09102edc.txt'), 'utf8').repeat(40));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is failed by its content, and the next run gives the reason without reading it', async () => {
    const first = await runCli(['ingest', big, '--db', db, '--worker-memory', '64']);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/FAILED .*big\.txt \[worker\]: ran out of memory/);
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite.prepare('select document_id, status from run_files').get() as { document_id: string | null; status: string };
    sqlite.close();
    expect(row).toMatchObject({ status: 'failed' });
    expect(row.document_id).toMatch(/^[0-9a-f]{64}$/);

    const again = await runCli(['ingest', big, '--db', db, '--worker-memory', '64']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/FAILED .*big\.txt \[read\]: failed in an earlier run, not read again \(--retry-failed to retry\): ran out of memory/);

    const retried = await runCli(['ingest', big, '--db', db, '--worker-memory', '64', '--retry-failed']);
    expect(retried.stderr).toMatch(/FAILED .*big\.txt \[worker\]: ran out of memory/);
  }, 120_000);
});
