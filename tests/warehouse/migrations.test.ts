import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import { Fact } from '../../schema/fact.ts';
import * as initial from '../../schema/migrations/2026-11-26-001-initial.ts';
import * as sentences from '../../schema/migrations/2026-11-26-008-sentences.ts';
import * as messagePlace from '../../schema/migrations/2026-12-03-009-message-place.ts';
import * as periodMigration from '../../schema/migrations/2026-12-03-010-period.ts';
import { MIGRATIONS } from '../../schema/migrations/index.ts';
import { openWarehouse, SEEDS_DIR } from '../../store/warehouse.ts';
import { sha256, tempDir } from './helpers.ts';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('migrations', () => {
  it('lists migrations in date order', () => {
    const names = Object.keys(MIGRATIONS);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{4}-\d{2}-\d{2}-\d{3}-[a-z-]+$/);
  });

  it('upgrades a warehouse made by the previous schema version in place', async () => {
    const file = join(dir(), 'old.sqlite');
    const old = await openWarehouse(file, { migrations: { '2026-11-26-001-initial': initial }, seeds: false });
    const docId = sha256('old-doc');
    await old.db
      .insertInto('documents')
      .values({
        id: docId,
        file: 'old.txt',
        format: 'text',
        type: null,
        number: null,
        issuer: null,
        doc_key: null,
        title: null,
        place: null,
        area: 'Phong Thổ',
        area_code: '109',
        province: 'Lai Châu',
        province_code: '12',
        date: null,
        month: null,
        report_year: 2023,
        plan_year: null,
        pages: null,
        loaded_at: '2024-01-01T00:00:00Z',
        run_id: null,
        superseded_by: null,
      })
      .execute();
    await old.db
      .insertInto('facts')
      .values({
        document_id: docId,
        id: 'f1',
        indicator: 'tỷ lệ che phủ rừng',
        indicator_folded: 'ty le che phu rung',
        indicator_id: null,
        value: 44.3,
        unit: 'percent',
        unit_text: '%',
        multiplier: 0,
        base_value: 44.3,
        year: 2023,
        kind: 'actual',
        qualifier: null,
        relates_to: null,
        footnotes: '[]',
        in_footnote: null,
        source: '{"file":"old.txt","block":0,"start":0,"end":1,"text":"x"}',
        status: 'ok',
        raw: '44,3',
        heading_path: '[]',
        decimals: 1,
        area: 'Phong Thổ',
        run_id: null,
        original_value: 44.3,
        original_unit: 'percent',
        original_base_value: 44.3,
        original_status: 'ok',
        corrected_value: null,
      })
      .execute();
    const tablesBefore = old.sqlite.prepare(`select name from sqlite_master where name = 'v_facts'`).all();
    expect(tablesBefore).toEqual([]);
    await old.close();

    const told: string[][] = [];
    const upgraded = await openWarehouse(file, { onUpgrade: (pending) => told.push([...pending]) });
    cleanups.push(() => upgraded.close());
    expect(told).toEqual([Object.keys(MIGRATIONS).slice(1)]);
    const applied = upgraded.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    const rows = await upgraded.db.selectFrom('v_facts').select(['indicator', 'year', 'base_value', 'area_code']).execute();
    expect(rows).toEqual([{ indicator: 'tỷ lệ che phủ rừng', year: 2023, base_value: 44.3, area_code: '109' }]);
    const area = await upgraded.db.selectFrom('areas').select('name').where('code', '=', '109').executeTakeFirst();
    expect(area?.name).toBe('Phong Thổ');
    // 008 moved the sentence out of the fact row; the view and the facts query still give it
    expect(await upgraded.db.selectFrom('sentences').select(['document_id', 'text']).execute()).toEqual([{ document_id: docId, text: 'x' }]);
    expect(await upgraded.db.selectFrom('facts').select('source').executeTakeFirst()).toEqual({ source: '{"file":"old.txt","block":0,"start":0,"end":1}' });
    expect(await upgraded.db.selectFrom('v_facts').select('sentence').execute()).toEqual([{ sentence: 'x' }]);
    expect((await queryFacts(upgraded, {}))[0]?.source).toEqual({ file: 'old.txt', block: 0, start: 0, end: 1, text: 'x' });
  });

  it('upgrades a warehouse of schema 008 in place: its messages keep their text and get empty places (009)', async () => {
    const file = join(dir(), 'v008.sqlite');
    const upTo008 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '2026-12-03-009'));
    const old = await openWarehouse(file, { migrations: upTo008, seeds: false });
    const docId = sha256('v008-doc');
    old.sqlite.prepare(`insert into documents (id, file, format, loaded_at) values (?, 'm.txt', 'text', '2024-01-01T00:00:00Z')`).run(docId);
    old.sqlite.prepare(`insert into document_messages (document_id, seq, type, message, stage) values (?, 0, 'warning', 'cũ', 'read')`).run(docId);
    await old.close();

    const told: string[][] = [];
    const upTo009 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '2026-12-03-010'));
    const upgraded = await openWarehouse(file, { migrations: upTo009, seeds: false, onUpgrade: (pending) => told.push([...pending]) });
    cleanups.push(() => upgraded.close());
    expect(told).toEqual([['2026-12-03-009-message-place']]);
    expect(await upgraded.db.selectFrom('document_messages').selectAll().execute()).toEqual([
      {
        document_id: docId,
        seq: 0,
        type: 'warning',
        message: 'cũ',
        stage: 'read',
        rule_id: null,
        page: null,
        sheet: null,
        cell: null,
        block: null,
        start: null,
        end: null,
      },
    ]);
    await messagePlace.down(upgraded.db);
    const columns = (upgraded.sqlite.prepare('pragma table_info(document_messages)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['document_id', 'seq', 'type', 'message', 'stage']);
  });

  it('upgrades a warehouse of schema 009 in place: its facts get their year as their period, and the views carry it (010)', async () => {
    const file = join(dir(), 'v009.sqlite');
    const upTo009 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '2026-12-03-010'));
    const old = await openWarehouse(file, { migrations: upTo009, seeds: false });
    const docId = sha256('v009-doc');
    old.sqlite.prepare(`insert into documents (id, file, format, loaded_at) values (?, 'p.txt', 'text', '2024-01-01T00:00:00Z')`).run(docId);
    const insert = old.sqlite.prepare(
      `insert into facts (document_id, id, indicator, indicator_folded, value, multiplier, base_value, year, kind, source, status,
         original_value, original_base_value, original_status)
       values (?, ?, 'a', 'a', 1, 0, 1, ?, 'actual', '{"file":"p.txt","block":0,"start":0,"end":1}', 'ok', 1, 1, 'ok')`,
    );
    insert.run(docId, 'f1', 2023);
    insert.run(docId, 'f2', null);
    await old.close();

    const told: string[][] = [];
    const upgraded = await openWarehouse(file, { seeds: false, onUpgrade: (pending) => told.push([...pending]) });
    cleanups.push(() => upgraded.close());
    expect(told[0]?.[0]).toBe('2026-12-03-010-period');
    expect(told).toHaveLength(1);
    expect(upgraded.sqlite.prepare('select id, year, period from facts order by id').all()).toEqual([
      { id: 'f1', year: 2023, period: '2023' },
      { id: 'f2', year: null, period: null },
    ]);
    expect(upgraded.sqlite.prepare('select fact_id, period from v_facts where year is not null').all()).toEqual([{ fact_id: 'f1', period: '2023' }]);
    expect(upgraded.sqlite.prepare('select year, actual from v_plan_actual').all()).toEqual([{ year: 2023, actual: 1 }]);
    await periodMigration.down(upgraded.db, upgraded.dialect);
    const columns = (upgraded.sqlite.prepare('pragma table_info(facts)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('period');
    expect(upgraded.sqlite.prepare('select year, actual from v_plan_actual').all()).toEqual([{ year: 2023, actual: 1 }]);
  });

  it('moves sentences back onto the facts when 008 is rolled back', async () => {
    const file = join(dir(), 'down.sqlite');
    const wh = await openWarehouse(file, { seeds: false });
    cleanups.push(() => wh.close());
    const docId = sha256('down-doc');
    wh.sqlite.prepare(`insert into documents (id, file, format, loaded_at) values (?, 'd.txt', 'text', '2024-01-01T00:00:00Z')`).run(docId);
    const sentence = Number(wh.sqlite.prepare(`insert into sentences (document_id, text) values (?, 'câu')`).run(docId).lastInsertRowid);
    wh.sqlite
      .prepare(
        `insert into facts (document_id, id, indicator, indicator_folded, value, multiplier, base_value, kind, source, sentence_id, status,
           original_value, original_base_value, original_status)
         values (?, 'f1', 'a', 'a', 1, 0, 1, 'actual', '{"file":"d.txt","block":0,"start":0,"end":1}', ?, 'ok', 1, 1, 'ok')`,
      )
      .run(docId, sentence);
    await sentences.down(wh.db, wh.dialect);
    expect(wh.sqlite.prepare(`select name from sqlite_master where name = 'sentences'`).all()).toEqual([]);
    const row = wh.sqlite.prepare(`select source, (select sentence from v_facts_all) as sentence from facts`).get() as { source: string; sentence: string };
    expect(JSON.parse(row.source)).toEqual({ file: 'd.txt', block: 0, start: 0, end: 1, text: 'câu' });
    expect(row.sentence).toBe('câu');
  });

  it('opens in WAL mode with foreign keys and a busy timeout', async () => {
    const told: unknown[] = [];
    const wh = await openWarehouse(join(dir(), 'p.sqlite'), { onUpgrade: (p) => told.push(p) });
    // a new warehouse is created, not upgraded: nothing to tell
    expect(told).toEqual([]);
    cleanups.push(() => wh.close());
    expect(wh.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(wh.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(wh.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('has a facts column for every field of the Fact schema', async () => {
    const wh = await openWarehouse(join(dir(), 'c.sqlite'), { seeds: false });
    cleanups.push(() => wh.close());
    const columns = (wh.sqlite.prepare('pragma table_info(facts)').all() as { name: string }[]).map((c) => c.name);
    const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const expected = Object.keys(Fact.shape).map((k) => (k === 'documentId' ? 'document_id' : snake(k)));
    expect(columns).toEqual(expect.arrayContaining(expected));
  });

  it('seeds the indicator catalog when seeds/indicators.json exists, and tolerates its absence', async () => {
    const seeds = dir();
    const file = join(dir(), 's.sqlite');
    const bare = await openWarehouse(file, { seeds });
    expect(await bare.db.selectFrom('indicators').selectAll().execute()).toEqual([]);
    await bare.close();
    writeFileSync(
      join(seeds, 'indicators.json'),
      JSON.stringify([{ id: 'env.forest.cover', name: 'Tỷ lệ che phủ rừng', aliases: ['độ che phủ rừng'], unit: 'percent' }]),
    );
    const seeded = await openWarehouse(file, { seeds });
    cleanups.push(() => seeded.close());
    const rows = await seeded.db.selectFrom('indicators').select(['id', 'name_folded', 'aliases_folded']).execute();
    expect(rows).toEqual([{ id: 'env.forest.cover', name_folded: 'ty le che phu rung', aliases_folded: '|do che phu rung|' }]);
  });

  it('ships an areas catalog with GSO codes', async () => {
    const wh = await openWarehouse(join(dir(), 'a.sqlite'), { seeds: SEEDS_DIR });
    cleanups.push(() => wh.close());
    const rows = await wh.db
      .selectFrom('areas')
      .select(['code', 'name', 'parent_code'])
      .where('code', 'in', ['12', '109', '68', '681'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: '109', name: 'Phong Thổ', parent_code: '12' },
      { code: '12', name: 'Lai Châu', parent_code: null },
      { code: '68', name: 'Lâm Đồng', parent_code: null },
      { code: '681', name: 'Đạ Huoai', parent_code: '68' },
    ]);
  });
});

describe('runs left running', () => {
  it('are marked interrupted by the next run when their process is gone; a live one is left alone (011)', async () => {
    const { interruptStaleRuns, startRun } = await import('../../store/runs.ts');
    const wh = await openWarehouse(':memory:', { seeds: false });
    try {
      const now = new Date().toISOString();
      const host = (await import('node:os')).hostname();
      // a pid past any real one on Linux (pid_max is at most 2^22)
      const dead = 9_999_999;
      const insert = (pid: number | null, h: string | null) =>
        wh.db.insertInto('runs').values({ command: 'ingest', started_at: now, finished_at: null, pid, host: h }).returning('id').executeTakeFirstOrThrow();
      const killed = (await insert(dead, host)).id;
      const before = (await insert(null, null)).id;
      const live = (await insert(process.ppid, host)).id;
      const elsewhere = (await insert(dead, `${host}-other`)).id;
      const id = await startRun(wh, 'ingest', []);
      const status = async (run: number) => await wh.db.selectFrom('runs').select(['status', 'finished_at']).where('id', '=', run).executeTakeFirstOrThrow();
      expect((await status(killed)).status).toBe('interrupted');
      expect((await status(killed)).finished_at).not.toBeNull();
      expect((await status(before)).status).toBe('interrupted');
      expect((await status(live)).status).toBe('running');
      expect((await status(elsewhere)).status).toBe('running');
      expect((await status(id)).status).toBe('running');
      expect(await interruptStaleRuns(wh)).toEqual([]);
    } finally {
      await wh.close();
    }
  });
});
