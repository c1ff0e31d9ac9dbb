import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import { sql } from '../../schema/migrations/kysely.ts';
import { copyWarehouse } from '../../store/copy.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { decide, listMismatchesOf, recordReview } from '../../store/reviews.ts';
import { finishRun, recordRunFile, runFileFromOutcome, startRun } from '../../store/runs.ts';
import type { AnyWarehouse, PostgresWarehouse, Warehouse } from '../../store/warehouse.ts';
import { fixtureStore } from '../warehouse/fixture.ts';
import { makeInput, PHONG_THO } from '../warehouse/helpers.ts';
import { POSTGRES, SQLITE, type TempWarehouse } from './engines.ts';

/** A SQLite warehouse copied into PostgreSQL reads the same there, history, decisions and runs included. */
let source: Awaited<ReturnType<typeof fixtureStore>> | null = null;
let target: TempWarehouse | null = null;

const withMismatch = (content: string, date: string): LoadInput =>
  makeInput({
    content,
    metadata: { ...PHONG_THO, number: '7/BC-UBND', date },
    facts: [{ indicator: 'tỷ lệ che phủ rừng', value: 4.43, year: 2022, kind: 'actual', id: 'm-fact' }],
    mismatches: [{ id: 'abcdef0123456789', type: 'plausibility', message: 'far from the other years', factIds: ['m-fact'] }],
  });

async function table(wh: AnyWarehouse, name: string, orderBy: string): Promise<unknown[]> {
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by ${sql.raw(orderBy)}`.execute(wh.db)).rows;
  return rows.map(({ rowid: _, ...r }) => r);
}

describe.skipIf(POSTGRES.skip)(`copying a SQLite warehouse into PostgreSQL${POSTGRES.skip ? ` (skipped: ${POSTGRES.skip})` : ''}`, () => {
  beforeAll(async () => {
    source = await fixtureStore(SQLITE);
    const wh = source.wh;
    const runId = await startRun(wh, 'ingest', ['archive']);
    const writer = documentWriter(wh);
    for (const input of [withMismatch('v1', '2023-01-01'), withMismatch('v2', '2023-02-01')]) {
      await recordRunFile(wh, runId, runFileFromOutcome(input.document.file, await loadDocument(writer, input, { runId }), 5));
    }
    await finishRun(wh, runId);
    await decide(wh, { mismatchId: 'abcdef01', action: 'correct', value: 44.3, reviewer: 'lan', decidedAt: '2025-01-02T00:00:00Z' });
    await recordReview(wh, { factId: 'a-poor', reviewer: 'minh', action: 'reject', decidedAt: '2025-01-03T00:00:00Z' });
    target = await POSTGRES.open({ seeds: false });
  });
  afterAll(async () => {
    await source?.cleanup();
    await target?.cleanup();
  });
  beforeEach(({ skip }) => {
    if (!source || !target) skip('the warehouses did not open');
  });

  it('copies every row, and the copy answers as the original', async () => {
    const from = source!.wh as Warehouse;
    const to = target!.wh as PostgresWarehouse;
    const counts = await copyWarehouse(from, to);
    expect(counts).toMatchObject({ documents: 6, reviews: 2, runs: 1, run_files: 2 });
    expect(counts.facts).toBeGreaterThan(10);
    expect(await queryFacts(to, { history: true })).toEqual(await queryFacts(from, { history: true }));
    expect(await listMismatchesOf(to, { history: true })).toEqual(await listMismatchesOf(from, { history: true }));
    for (const [name, order] of [
      ['documents', 'id'],
      ['reviews', 'id'],
      ['runs', 'id'],
      ['run_files', 'id'],
      ['labels', 'folded'],
      ['indicators', 'id'],
      ['meta', 'key'],
      ['v_facts', 'fact_id, document_id'],
      ['v_plan_actual', 'indicator_key, area, year'],
    ] as const) {
      expect(await table(to, name, order), name).toEqual(await table(from, name, order));
    }
  });

  it('refuses a target that holds documents, and keeps numbering after the copied ids', async () => {
    const from = source!.wh as Warehouse;
    const to = target!.wh as PostgresWarehouse;
    await expect(copyWarehouse(from, to)).rejects.toThrow(/holds 6 documents already/);
    const runId = await startRun(to, 'ingest');
    expect(runId).toBe(2);
    expect((await loadDocument(documentWriter(to), withMismatch('v3', '2023-03-01'))).status).toBe('loaded');
    await recordReview(to, { factId: 'm-fact', reviewer: 'lan', action: 'accept' });
    const ids = await to.db.selectFrom('reviews').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
