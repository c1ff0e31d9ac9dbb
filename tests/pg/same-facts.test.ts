import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { LoadInput, LoadOutcome } from '../../schema/load-input.ts';
import { sql } from '../../schema/migrations/kysely.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { decide, listMismatchesOf } from '../../store/reviews.ts';
import type { AnyWarehouse } from '../../store/warehouse.ts';
import { generateArchive } from '../archive/generate.ts';
import { tempDir } from '../warehouse/helpers.ts';
import { POSTGRES, SQLITE, type TempWarehouse } from './engines.ts';

/**
 * The same documents loaded into SQLite and into PostgreSQL give the same warehouse: every fact (current
 * and superseded), every document row, every mismatch with its facts and decisions, and the analyst
 * views; and the same decisions leave the same statuses. The documents: the two seed reports, the gold
 * fixtures, the XLSX fixtures and a small generated archive whose copies of a report supersede each other.
 * Each is loaded as ingest's writer loads it; the cross-document checks, which do not run on PostgreSQL
 * yet, are left out on both sides.
 */
const ROOT = new URL('../../', import.meta.url).pathname;

let inputs: LoadInput[] = [];
let sqlite: TempWarehouse | null = null;
let postgres: TempWarehouse | null = null;
let cleanupArchive: (() => void) | null = null;

async function loadAll(wh: AnyWarehouse): Promise<LoadOutcome['status'][]> {
  const writer = documentWriter(wh);
  const statuses: LoadOutcome['status'][] = [];
  for (const [i, input] of inputs.entries()) {
    const outcome = await loadDocument(writer, input, { now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, i)) });
    statuses.push(outcome.status);
  }
  return statuses;
}

/** Rows in an order neither engine's collation or null ordering decides. */
async function viewRows(wh: AnyWarehouse, view: 'v_facts' | 'v_plan_actual'): Promise<unknown[]> {
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(view)}`.execute(wh.db)).rows;
  return rows.map((r) => JSON.stringify(r)).sort();
}

async function documents(wh: AnyWarehouse): Promise<unknown[]> {
  const rows = await wh.db.selectFrom('documents').selectAll().execute();
  return rows.map(({ rowid: _, ...r }: Record<string, unknown>) => JSON.stringify(r)).sort();
}

describe.skipIf(POSTGRES.skip)(`the same documents on SQLite and PostgreSQL${POSTGRES.skip ? ` (skipped: ${POSTGRES.skip})` : ''}`, () => {
  beforeAll(async () => {
    const archive = tempDir();
    cleanupArchive = archive.cleanup;
    generateArchive(archive.dir, { count: 8, seed: 16, formats: { text: 1, docx: 0, pdf: 0 }, longShare: 0.25 });
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = [
      ...['seeds/000_35c0ecef09102edc.txt', 'seeds/001_5b44daab30250fa8.txt'].map((f) => join(ROOT, f)),
      ...readdirSync(join(ROOT, 'tests/fixtures/gold'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(ROOT, 'tests/fixtures/gold', f)),
      ...['appendix.xlsx', 'main-indicators.xlsx'].map((f) => join(ROOT, 'tests/fixtures/xlsx', f)),
      ...walk(archive.dir).sort(),
    ];
    const catalog = loadCatalog();
    inputs = [];
    for (const file of files) inputs.push(await processFile(file, catalog, { ocr: 'never' }));
    sqlite = await SQLITE.open();
    postgres = await POSTGRES.open();
  }, 240_000);
  afterAll(async () => {
    await sqlite?.cleanup();
    await postgres?.cleanup();
    cleanupArchive?.();
  });
  beforeEach(({ skip }) => {
    if (!sqlite || !postgres) skip('the warehouses did not open');
  });

  it('loads every document the same way', async () => {
    const a = await loadAll(sqlite!.wh);
    expect(await loadAll(postgres!.wh)).toEqual(a);
    expect(a.filter((s) => s === 'loaded').length).toBeGreaterThan(10);
    const superseded = await sqlite!.wh.db.selectFrom('documents').select('id').where('superseded_by', 'is not', null).execute();
    expect(superseded.length).toBeGreaterThan(0);
  });

  it('holds the same facts, documents, mismatches and views', async () => {
    const facts = await queryFacts(sqlite!.wh, { history: true });
    expect(facts.length).toBeGreaterThan(500);
    expect(await queryFacts(postgres!.wh, { history: true })).toEqual(facts);
    expect(await documents(postgres!.wh)).toEqual(await documents(sqlite!.wh));
    const mismatches = await listMismatchesOf(sqlite!.wh, { history: true });
    expect(mismatches.length).toBeGreaterThan(0);
    expect(await listMismatchesOf(postgres!.wh, { history: true })).toEqual(mismatches);
    for (const view of ['v_facts', 'v_plan_actual'] as const) expect(await viewRows(postgres!.wh, view)).toEqual(await viewRows(sqlite!.wh, view));
  });

  it('gives the same statuses after the same decisions', async () => {
    const open = (await listMismatchesOf(sqlite!.wh)).filter((m) => m.factIds.length > 0).slice(0, 3);
    expect(open.length).toBe(3);
    const decisions = [
      { mismatchId: open[0]!.id, action: 'accept', reviewer: 'lan' },
      { mismatchId: open[1]!.id, action: 'correct', reviewer: 'minh', value: 12.5, note: 'dấu phẩy' },
      { mismatchId: open[2]!.id, action: 'reject', reviewer: 'lan' },
    ] as const;
    for (const wh of [sqlite!.wh, postgres!.wh]) {
      for (const d of decisions) await decide(wh, { ...d, decidedAt: '2025-02-01T00:00:00Z' });
    }
    const facts = await queryFacts(sqlite!.wh, { history: true });
    expect(facts.filter((f) => f.status !== 'ok' && f.status !== 'flagged').length).toBeGreaterThan(0);
    expect(await queryFacts(postgres!.wh, { history: true })).toEqual(facts);
    expect(await listMismatchesOf(postgres!.wh, { history: true })).toEqual(await listMismatchesOf(sqlite!.wh, { history: true }));
    for (const view of ['v_facts', 'v_plan_actual'] as const) expect(await viewRows(postgres!.wh, view)).toEqual(await viewRows(sqlite!.wh, view));
  });
});
