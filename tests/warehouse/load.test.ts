import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import type { Fact } from '../../schema/fact.ts';
import { sql } from '../../schema/migrations/kysely.ts';
import { CommitGroup } from '../../store/commit-group.ts';
import { DocumentWriter, documentWriter, type Loader, loadDocument } from '../../store/documents.ts';
import { recordReview } from '../../store/reviews.ts';
import { finishRun, recordRunFile, runFileFromOutcome, startRun } from '../../store/runs.ts';
import type { AnyWarehouse, Warehouse } from '../../store/warehouse.ts';
import { ENGINES } from '../pg/engines.ts';
import { count, makeInput, PHONG_THO, tempWarehouse } from './helpers.ts';

const forest = (value: number, year: number, kind: Fact['kind'] = 'actual') => ({
  indicator: 'tỷ lệ che phủ rừng',
  value,
  year,
  kind,
});

describe('CommitGroup', () => {
  let wh: Warehouse;
  let writer: DocumentWriter;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ wh, cleanup } = await tempWarehouse());
    writer = new DocumentWriter(wh);
  });
  afterEach(async () => {
    await cleanup();
  });

  it('commits several documents at once, each still whole or not at all', async () => {
    const group = new CommitGroup(writer, { documents: 3, ms: 60_000 });
    const inputs = ['a', 'b', 'c'].map((c, i) => makeInput({ content: `group-${c}`, facts: [forest(40 + i, 2023)] }));
    const outcomes = [];
    for (const [i, input] of inputs.entries()) {
      group.enter();
      outcomes.push(
        await loadDocument(writer, input, {
          beforeCommit: () => {
            if (i === 1) throw new Error('power cut');
          },
        }),
      );
      // nothing is committed before the group is full: the open transaction holds the documents so far
      expect(wh.sqlite.inTransaction).toBe(true);
      group.done();
      expect(wh.sqlite.inTransaction).toBe(i < 2);
    }
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'failed', 'loaded']);
    expect(wh.sqlite.inTransaction).toBe(false);
    const ids = (await wh.db.selectFrom('documents').select('id').execute()).map((r) => r.id).sort();
    expect(ids).toEqual([inputs[0]!.document.id, inputs[2]!.document.id].sort());
    expect(await count(wh, 'facts')).toBe(2);
  });

  it('says so when SQLite has rolled the group back on its own, instead of claiming a commit', async () => {
    const group = new CommitGroup(writer, { documents: 10, ms: 60_000 });
    group.enter();
    expect((await loadDocument(writer, makeInput({ content: 'lost', facts: [forest(41, 2023)] }))).status).toBe('loaded');
    group.done();
    wh.sqlite.exec('ROLLBACK');
    expect(() => group.commit()).toThrow(/rolled back the last 1 documents/);
    expect(await count(wh, 'documents')).toBe(0);
  });
});

// Loading, superseding, reviews and runs behave alike on SQLite and PostgreSQL.
describe.each(ENGINES)('on $title', (engine) => {
  let wh: AnyWarehouse;
  let writer: Loader;
  let cleanup: (() => Promise<void>) | null = null;
  beforeEach(async ({ skip }) => {
    if (engine.skip) skip(engine.skip);
    ({ wh, cleanup } = await engine.open());
    writer = documentWriter(wh);
  });
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  describe('loadDocument', () => {
    it('stores a document with its facts, mismatches and area', async () => {
      const input = makeInput({
        content: 'report-2023',
        metadata: { ...PHONG_THO, reportYear: 2023, date: '2023-12-08' },
        facts: [forest(44.3, 2023), forest(44.36, 2024, 'plan')],
        mismatches: [{ id: 'm1', type: 'share_of_plan', message: '44,3 / 44,5 ≠ 99,56 %', factIds: ['f0'] }],
      });
      const outcome = await loadDocument(writer, input);
      expect(outcome).toEqual({
        status: 'loaded',
        documentId: input.document.id,
        facts: 2,
        mismatches: 1,
        supersedes: null,
        // what was written, for the cross-document checks
        written: { documentId: input.document.id, area: 'Phong Thổ', facts: input.facts },
      });
      const doc = await wh.db.selectFrom('documents').selectAll().executeTakeFirstOrThrow();
      expect(doc).toMatchObject({
        area: 'Phong Thổ',
        area_code: '109',
        province: 'Lai Châu',
        province_code: '12',
        doc_key: '712 bc ubnd|ubnd huyen phong tho',
      });
      const facts = await wh.db.selectFrom('facts').select(['id', 'indicator_folded', 'area', 'base_value']).orderBy('id').execute();
      expect(facts).toEqual([
        { id: 'f0', indicator_folded: 'ty le che phu rung', area: 'Phong Thổ', base_value: 44.3 },
        { id: 'f1', indicator_folded: 'ty le che phu rung', area: 'Phong Thổ', base_value: 44.36 },
      ]);
      const mismatch = await wh.db.selectFrom('mismatches').selectAll().executeTakeFirstOrThrow();
      expect(JSON.parse(mismatch.fact_ids)).toEqual(['f0']);
    });

    it('stores each sentence once per document, and the facts query gives every fact its sentence back', async () => {
      const shared = { file: 'shared.txt', block: 0, start: 0, end: 40, text: 'Tỷ lệ che phủ rừng đạt 44,3%, kế hoạch 44,36%' };
      const input = makeInput({
        content: 'shared-sentence',
        file: 'shared.txt',
        facts: [
          { ...forest(44.3, 2023), source: { ...shared, textStart: 23, textEnd: 28 } },
          { ...forest(44.36, 2024, 'plan'), source: { ...shared, textStart: 39, textEnd: 45 } },
          { ...forest(45, 2025, 'plan'), source: { file: 'shared.txt', block: 1, start: 0, end: 9, text: 'Năm 2025: 45%' } },
        ],
      });
      // another document with the same sentence keeps its own copy: sentences belong to their document
      const other = makeInput({ content: 'shared-sentence-2', facts: [{ ...forest(44.3, 2023), source: shared }] });
      expect((await loadDocument(writer, input)).status).toBe('loaded');
      expect((await loadDocument(writer, other)).status).toBe('loaded');
      const sentences = await wh.db.selectFrom('sentences').select(['document_id', 'text']).orderBy('id').execute();
      expect(sentences).toEqual([
        { document_id: input.document.id, text: shared.text },
        { document_id: input.document.id, text: 'Năm 2025: 45%' },
        { document_id: other.document.id, text: shared.text },
      ]);
      const stored = await wh.db.selectFrom('facts').select(['source']).where('document_id', '=', input.document.id).execute();
      for (const r of stored) expect(r.source).not.toContain('che phủ');
      const facts = await queryFacts(wh, { doc: input.document.id });
      expect(facts.map((f) => f.source)).toEqual(input.facts.map((f) => f.source));
      const view = (await sql`select year, sentence from v_facts_all where document_id = ${input.document.id} order by year`.execute(wh.db)).rows;
      expect(view).toEqual([
        { year: 2023, sentence: shared.text },
        { year: 2024, sentence: shared.text },
        { year: 2025, sentence: 'Năm 2025: 45%' },
      ]);
    });

    it('is idempotent by content hash: the same input twice loads once', async () => {
      const input = makeInput({ content: 'same-bytes', facts: [forest(44.3, 2023)] });
      expect((await loadDocument(writer, input)).status).toBe('loaded');
      const before = [await count(wh, 'documents'), await count(wh, 'facts')];
      const again = await loadDocument(writer, input);
      expect(again).toMatchObject({ status: 'skipped', documentId: input.document.id });
      expect([await count(wh, 'documents'), await count(wh, 'facts')]).toEqual(before);
    });

    it('rolls the whole document back when a hook throws mid-load', async () => {
      const input = makeInput({
        content: 'crash',
        facts: [forest(44.3, 2023), forest(44.36, 2024, 'plan')],
        mismatches: [{ id: 'm', type: 'sum', message: 'x' }],
      });
      const outcome = await loadDocument(writer, input, {
        beforeCommit: () => {
          throw new Error('power cut');
        },
      });
      expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('power cut') });
      for (const t of ['documents', 'facts', 'sentences', 'mismatches', 'labels'] as const) expect(await count(wh, t)).toBe(0);
      // and the file can be loaded once the cause is gone
      expect((await loadDocument(writer, input)).status).toBe('loaded');
    });

    it('leaves nothing of a document whose fact violates a constraint', async () => {
      const input = makeInput({
        content: 'dup-ids',
        facts: [
          { ...forest(44.3, 2023), id: 'same' },
          { ...forest(44.36, 2024, 'plan'), id: 'same' },
        ],
      });
      const outcome = await loadDocument(writer, input);
      // each engine's words for it
      expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(/UNIQUE constraint failed: facts|unique constraint "facts_pk"/) });
      expect(await count(wh, 'documents')).toBe(0);
      expect(await count(wh, 'facts')).toBe(0);
    });

    it('refuses input that breaks the LoadInput schema, naming the field', async () => {
      const input = makeInput({ content: 'bad', facts: [forest(44.3, 2023)] });
      (input.facts[0] as { kind: string }).kind = 'guess';
      const outcome = await loadDocument(writer, input);
      expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('facts.0.kind') });
      expect(await count(wh, 'documents')).toBe(0);
    });
  });

  describe('superseding by number and issuer', () => {
    it('a corrected file replaces the original, which stays as history', async () => {
      const original = makeInput({ content: 'v1', metadata: { ...PHONG_THO, date: '2023-12-08' }, facts: [forest(44.3, 2023)] });
      const corrected = makeInput({ content: 'v2', metadata: { ...PHONG_THO, date: '2023-12-08' }, facts: [forest(44.5, 2023)] });
      await loadDocument(writer, original);
      const outcome = await loadDocument(writer, corrected);
      expect(outcome).toMatchObject({ status: 'loaded', supersedes: original.document.id });
      const docs = await wh.db.selectFrom('documents').select(['id', 'superseded_by']).orderBy('loaded_at').execute();
      expect(docs).toEqual(
        expect.arrayContaining([
          { id: original.document.id, superseded_by: corrected.document.id },
          { id: corrected.document.id, superseded_by: null },
        ]),
      );
      // both versions of fact f0 are kept; only the new one is current
      expect(await count(wh, 'facts')).toBe(2);
      const current = await wh.db.selectFrom('v_facts').select(['base_value', 'document_id']).execute();
      expect(current).toEqual([{ base_value: 44.5, document_id: corrected.document.id }]);
    });

    it('an older version loaded later is stored already superseded', async () => {
      const newer = makeInput({ content: 'new', metadata: { ...PHONG_THO, date: '2023-12-20' }, facts: [forest(44.5, 2023)] });
      const older = makeInput({ content: 'old', metadata: { ...PHONG_THO, date: '08/12/2023' }, facts: [forest(44.3, 2023)] });
      await loadDocument(writer, newer);
      expect(await loadDocument(writer, older)).toMatchObject({ status: 'loaded', supersedes: null });
      const old = await wh.db.selectFrom('documents').select('superseded_by').where('id', '=', older.document.id).executeTakeFirstOrThrow();
      expect(old.superseded_by).toBe(newer.document.id);
      expect((await wh.db.selectFrom('v_facts').select('base_value').execute()).map((r) => r.base_value)).toEqual([44.5]);
    });

    it('documents without a number or issuer never supersede each other', async () => {
      await loadDocument(writer, makeInput({ content: 'a', metadata: { issuer: PHONG_THO.issuer }, facts: [forest(1, 2023)] }));
      await loadDocument(writer, makeInput({ content: 'b', metadata: { issuer: PHONG_THO.issuer }, facts: [forest(2, 2023)] }));
      const superseded = await wh.db.selectFrom('documents').select('id').where('superseded_by', 'is not', null).execute();
      expect(superseded).toEqual([]);
    });
  });

  describe('reviews', () => {
    it('a correction applies to the fact and survives a superseding re-load with the same fact id', async () => {
      const v1 = makeInput({ content: 'r1', metadata: PHONG_THO, facts: [{ ...forest(4.43, 2023), id: 'forest-2023' }] });
      await loadDocument(writer, v1);
      await recordReview(wh, { factId: 'forest-2023', reviewer: 'lan', action: 'correct', value: 44.3, note: 'dấu phẩy đặt sai' });
      const v2 = makeInput({ content: 'r2', metadata: PHONG_THO, facts: [{ ...forest(4.43, 2023), id: 'forest-2023' }] });
      await loadDocument(writer, v2);
      const rows = await wh.db
        .selectFrom('facts')
        .select(['document_id', 'status', 'value', 'base_value', 'original_value', 'corrected_value'])
        .where('id', '=', 'forest-2023')
        .execute();
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r).toMatchObject({ status: 'corrected', value: 44.3, base_value: 44.3, original_value: 4.43, corrected_value: 44.3 });
    });

    it('a rejected fact leaves the analyst view; a later accept brings the extracted value back', async () => {
      await loadDocument(writer, makeInput({ content: 'rej', facts: [{ ...forest(44.3, 2023), id: 'x' }] }));
      await recordReview(wh, { factId: 'x', reviewer: 'lan', action: 'reject', decidedAt: '2024-01-01T00:00:00Z' });
      expect(await wh.db.selectFrom('v_facts').selectAll().execute()).toEqual([]);
      await recordReview(wh, { factId: 'x', reviewer: 'minh', action: 'accept', decidedAt: '2024-01-02T00:00:00Z' });
      expect(await wh.db.selectFrom('v_facts').select(['status', 'value']).execute()).toEqual([{ status: 'accepted', value: 44.3 }]);
    });
  });

  describe('runs', () => {
    it('counts what each file of a run did', async () => {
      const runId = await startRun(wh, 'ingest', ['seeds']);
      const a = makeInput({ content: 'run-a', facts: [forest(1, 2023), forest(2, 2024, 'plan')] });
      const outcome = await loadDocument(writer, a, { runId });
      await recordRunFile(wh, runId, runFileFromOutcome('a.txt', outcome, 12));
      await recordRunFile(wh, runId, runFileFromOutcome('a-copy.txt', await loadDocument(writer, a, { runId })));
      await recordRunFile(wh, runId, { file: 'broken.pdf', status: 'failed', stage: 'read', reason: 'encrypted PDF' });
      const run = await finishRun(wh, runId);
      expect(run).toMatchObject({ id: runId, status: 'done', files: 3, loaded: 1, skipped: 1, failed: 1, facts: 2, mismatches: 0 });
      const doc = await wh.db.selectFrom('documents').select('run_id').executeTakeFirstOrThrow();
      expect(doc.run_id).toBe(runId);
      const failed = await wh.db.selectFrom('run_files').select(['file', 'stage', 'reason']).where('status', '=', 'failed').execute();
      expect(failed).toEqual([{ file: 'broken.pdf', stage: 'read', reason: 'encrypted PDF' }]);
    });
  });
});
