import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestJob, IngestJobResult } from '../../pipeline/ingest-worker.ts';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { WorkerPool } from '../../pipeline/worker-pool.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { recordRunFile, startRun } from '../../store/runs.ts';
import { POSTGRES, type TempWarehouse } from './engines.ts';

/**
 * An ingest worker asks a PostgreSQL warehouse itself whether a file's content is loaded, or failed
 * before, as it asks a SQLite file: through its own connection, before it parses the file.
 */
const LOADED = new URL('../../seeds/001_5b44daab30250fa8.txt', import.meta.url).pathname;
const FAILED = new URL('../../seeds/000_35c0ecef09102edc.txt', import.meta.url).pathname;

let store: TempWarehouse | null = null;
let pool: WorkerPool<IngestJob, IngestJobResult, string, boolean> | null = null;
const asked: string[] = [];

describe.skipIf(POSTGRES.skip)(`the ingest worker's lookup on PostgreSQL${POSTGRES.skip ? ` (skipped: ${POSTGRES.skip})` : ''}`, () => {
  beforeAll(async () => {
    store = await POSTGRES.open();
    const input = await processFile(LOADED, loadCatalog(), { ocr: 'never' });
    expect((await loadDocument(documentWriter(store.wh), input)).status).toBe('loaded');
    const failed = await processFile(FAILED, loadCatalog(), { ocr: 'never' });
    const runId = await startRun(store.wh, 'ingest');
    await recordRunFile(store.wh, runId, { file: FAILED, documentId: failed.document.id, status: 'failed', stage: 'read', reason: 'a test said so' });
    pool = new WorkerPool({
      script: new URL('../../pipeline/ingest-worker.mjs', import.meta.url),
      size: 1,
      timeoutMs: 60_000,
      workerData: { warehouse: store.target },
      // the writer's answer, asked only when the worker's own lookup cannot answer
      answer: (hash: string) => {
        asked.push(hash);
        return false;
      },
    });
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
    await store?.cleanup();
  });
  beforeEach(({ skip }) => {
    if (!store || !pool) skip('the warehouse did not open');
  });

  it('knows a loaded file without parsing it or asking the writer', async () => {
    const outcome = await pool!.run({ file: LOADED, limits: {} });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'known' } });
    expect(asked).toEqual([]);
  });

  it("gives an earlier run's failure without reading the file again", async () => {
    const outcome = await pool!.run({ file: FAILED, limits: {} });
    expect(outcome).toMatchObject({ ok: true, result: { status: 'failed', reason: expect.stringContaining('a test said so') } });
  });
});
