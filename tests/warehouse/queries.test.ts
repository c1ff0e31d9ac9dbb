import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldText } from '../../extractors/clean-text.ts';
import { compare } from '../../output/compare.ts';
import { renderCompareCsv, renderCompareText } from '../../output/compare-table.ts';
import { iterateFacts, queryFacts } from '../../output/facts-query.ts';
import { findIndicators } from '../../output/indicator-search.ts';
import { Fact } from '../../schema/fact.ts';
import { ENGINES } from '../pg/engines.ts';
import { FOREST, fixtureStore, GRAIN } from './fixture.ts';

describe('foldText', () => {
  it.each([
    ['Tỷ lệ che phủ rừng (%)', 'ty le che phu rung'],
    ['ĐẠ HUOAI', 'da huoai'],
    ['tỷ lệ che phủ rừng'.normalize('NFD'), 'ty le che phu rung'],
    ['  tiêu chí/xã ', 'tieu chi xa'],
  ])('%s → %s', (text, folded) => expect(foldText(text)).toBe(folded));
});

// The same warehouse on each engine: every query below answers alike on SQLite and PostgreSQL.
describe.each(ENGINES)('on $title', (engine) => {
  let fx: Awaited<ReturnType<typeof fixtureStore>>;
  beforeAll(async () => {
    if (!engine.skip) fx = await fixtureStore(engine);
  });
  afterAll(async () => {
    await fx?.cleanup();
  });
  beforeEach(({ skip }) => {
    if (engine.skip) skip(engine.skip);
  });

  describe('indicator search', () => {
    it('finds catalog indicators and labels by words with or without diacritics', async () => {
      for (const q of ['che phu rung', 'che phủ rừng', 'TỶ LỆ CHE PHỦ']) {
        expect(await findIndicators(fx.wh, q)).toEqual({ ids: [FOREST], labels: ['ty le che phu rung'] });
      }
      expect((await findIndicators(fx.wh, 'ho ngheo')).labels).toEqual(['so ho ngheo']);
      expect(await findIndicators(fx.wh, GRAIN)).toEqual({ ids: [GRAIN], labels: [] });
    });

    it('needs whole words: `rung` does not find `rừng` inside another word', async () => {
      expect(await findIndicators(fx.wh, 'che phu ru')).toEqual({ ids: [], labels: [] });
    });
  });

  describe('facts query', () => {
    it('filters by indicator words, year, kind and area, returning contract-shaped facts', async () => {
      const facts = await queryFacts(fx.wh, { indicator: 'che phu rung', year: 2023, kind: 'actual', area: 'Phong Tho' });
      expect(facts.map((f) => [f.id, f.value])).toEqual([['b-forest-23', 44.35]]);
      expect(Fact.parse(facts[0])).toEqual(facts[0]);
      expect(Object.keys(facts[0]!)).toEqual(Object.keys(Fact.shape));
    });

    it('finds a document by id prefix or file name, and areas by GSO code', async () => {
      const prefix = fx.inputs.c.document.id.slice(0, 8);
      expect((await queryFacts(fx.wh, { doc: prefix })).map((f) => f.id)).toEqual(['c-forest-plan24']);
      expect((await queryFacts(fx.wh, { doc: 'nghi-quyet-hdnd.txt' })).map((f) => f.id)).toEqual(['c-forest-plan24']);
      expect((await queryFacts(fx.wh, { area: '681' })).map((f) => f.id)).toEqual(['d-forest']);
      expect((await queryFacts(fx.wh, { area: 'Lâm Đồng' })).map((f) => f.id)).toEqual(['d-forest']);
    });

    it('pages with limit and offset in load order', async () => {
      const all = await queryFacts(fx.wh, {});
      const page = await queryFacts(fx.wh, { limit: 3, offset: 2 });
      expect(page).toEqual(all.slice(2, 5));
    });

    it('streams the same facts as the query gives, page after page', async () => {
      const streamed: unknown[] = [];
      for await (const f of iterateFacts(fx.wh, { history: true }, 3)) streamed.push(f);
      expect(streamed).toEqual(await queryFacts(fx.wh, { history: true }));
      expect(streamed.length).toBeGreaterThan(6);
    });

    it('returns nothing, not everything, for a filter that names nothing', async () => {
      expect(await queryFacts(fx.wh, { indicator: 'khong co chi tieu nay' })).toEqual([]);
      expect(await queryFacts(fx.wh, { doc: 'ffffffff' })).toEqual([]);
      expect(await queryFacts(fx.wh, { area: 'Hà Giang' })).toEqual([]);
    });
  });

  describe('compare', () => {
    it('shows plan against estimate/actual per year with sources, revisions and disagreements', async () => {
      const cmp = await compare(fx.wh, { query: 'che phu rung', area: 'Phong Thổ' });
      expect(cmp.years).toEqual([2023, 2024]);
      expect(cmp.rows).toHaveLength(1);
      const row = cmp.rows[0]!;
      expect(row).toMatchObject({ key: FOREST, indicator: 'Tỷ lệ che phủ rừng', area: 'Phong Thổ', unit: 'percent', multiplier: 0 });
      const y23 = row.years['2023']!;
      expect(y23.plan?.values.map((v) => v.baseValue)).toEqual([44.5]);
      expect(y23.resultKind).toBe('actual');
      expect(y23.result?.values[0]?.sources[0]?.documentId).toBe(fx.inputs.b.document.id);
      expect(y23.revision).toMatchObject({ estimate: { baseValue: 44.3 }, actual: { baseValue: 44.35 } });
      expect(y23.shareOfPlan).toMatchObject({ computed: false, values: [{ baseValue: 99.56 }] });
      const y24 = row.years['2024']!;
      expect(y24.plan).toMatchObject({ conflict: true });
      expect(y24.plan?.values.map((v) => [v.baseValue, v.sources[0]?.file])).toEqual([
        [44.4, 'nghi-quyet-hdnd.txt'],
        [44.36, 'bao-cao-2023.txt'],
      ]);
      expect(y24.resultKind).toBe('estimate');
      expect(y24.change).toMatchObject({ computed: true, values: [{ baseValue: 0.05 }] });
      expect(y24.changePercent?.values[0]?.baseValue).toBe(0.11);
    });

    it('finds the same row by catalog id, and limits years with --from/--to', async () => {
      const byId = await compare(fx.wh, { query: FOREST, area: '109', from: 2024, to: 2024 });
      expect(byId.years).toEqual([2024]);
      expect(byId.rows.map((r) => r.key)).toEqual([FOREST]);
      // the previous year still feeds the change on 2023
      expect(byId.rows[0]!.years['2024']!.change?.values[0]?.baseValue).toBe(0.05);
    });

    it('without a query lists every catalog indicator that has facts, per area', async () => {
      const cmp = await compare(fx.wh, { from: 2023, to: 2024 });
      expect(cmp.rows.map((r) => [r.key, r.area])).toEqual([
        [GRAIN, 'Phong Thổ'],
        [FOREST, 'Đạ Huoai'],
        [FOREST, 'Phong Thổ'],
      ]);
      const grain = cmp.rows[0]!;
      expect(grain.years['2023']!.revision).toBeNull();
      expect(grain.years['2024']!.shareOfPlan).toMatchObject({ computed: true, values: [{ baseValue: 100.28 }] });
    });

    it('prints a table whose every number names its document', async () => {
      const text = renderCompareText(await compare(fx.wh, { query: 'che phu rung', area: 'Phong Thổ' }));
      const refs = [...text.matchAll(/^\[(\d)\] ([0-9a-f]{8}) {2}(\S+)/gm)].map((m) => [m[1], m[2], m[3]]);
      const byFile = Object.fromEntries(refs.map(([n, , file]) => [file, n]));
      expect(refs.map(([, id]) => id).sort()).toEqual([fx.inputs.a, fx.inputs.b, fx.inputs.c].map((i) => i.document.id.slice(0, 8)).sort());
      expect(text).toContain(`ƯTH 44,3 [${byFile['bao-cao-2023.txt']}] → TH 44,35 [${byFile['bao-cao-2024.txt']}]`);
      expect(text).toContain(`44,4 [${byFile['nghi-quyet-hdnd.txt']}] ≠ 44,36 [${byFile['bao-cao-2023.txt']}] !`);
      expect(text).toContain('99,56%');
    });

    it('writes CSV with a column group per year', async () => {
      const csv = renderCompareCsv(await compare(fx.wh, { query: 'san luong luong thuc', from: 2023, to: 2024 }));
      const [header, row] = csv
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      const cell = (name: string) => row![header!.indexOf(name)];
      expect(cell('indicator_id')).toBe(GRAIN);
      expect(cell('2023_result')).toBe('36595.83');
      expect(cell('2023_result_kind')).toBe('actual');
      expect(cell('2024_plan')).toBe('36100');
      expect(cell('2024_plan_sources')).toBe(fx.inputs.a.document.id.slice(0, 8));
      expect(cell('2024_change')).toBe('-395.83');
    });

    it('answers nothing for an unknown indicator or area', async () => {
      expect((await compare(fx.wh, { query: 'chi tieu khong co' })).rows).toEqual([]);
      expect((await compare(fx.wh, { query: 'che phu rung', area: 'Hà Giang' })).rows).toEqual([]);
    });
  });

  describe('analyst views', () => {
    it('v_facts has one row per indicator, area, year and kind, from the latest report, flagging disagreements', async () => {
      const rows = await fx.wh.db
        .selectFrom('v_facts')
        .select(['kind', 'year', 'base_value', 'file', 'conflict', 'n_facts'])
        .where('indicator_key', '=', FOREST)
        .where('area', '=', 'Phong Thổ')
        .orderBy('year')
        .orderBy('kind')
        .execute();
      expect(rows).toEqual([
        { kind: 'actual', year: 2023, base_value: 44.35, file: 'bao-cao-2024.txt', conflict: 0, n_facts: 1 },
        { kind: 'estimate', year: 2023, base_value: 44.3, file: 'bao-cao-2023.txt', conflict: 0, n_facts: 1 },
        { kind: 'plan', year: 2023, base_value: 44.5, file: 'bao-cao-2023.txt', conflict: 0, n_facts: 1 },
        { kind: 'share_of_plan', year: 2023, base_value: 99.56, file: 'bao-cao-2023.txt', conflict: 0, n_facts: 1 },
        { kind: 'estimate', year: 2024, base_value: 44.4, file: 'bao-cao-2024.txt', conflict: 0, n_facts: 1 },
        { kind: 'plan', year: 2024, base_value: 44.4, file: 'nghi-quyet-hdnd.txt', conflict: 1, n_facts: 2 },
      ]);
    });

    it('v_plan_actual puts plan, estimate and actual side by side with share of plan and change', async () => {
      const rows = await fx.wh.db
        .selectFrom('v_plan_actual')
        .selectAll()
        .where('indicator_key', '=', FOREST)
        .where('area', '=', 'Phong Thổ')
        .orderBy('year')
        .execute();
      expect(rows).toEqual([
        expect.objectContaining({
          year: 2023,
          unit: 'percent',
          plan: 44.5,
          estimate: 44.3,
          actual: 44.35,
          result: 44.35,
          share_of_plan: 99.56,
          share_of_plan_computed: 99.66,
          change_on_previous_year: null,
        }),
        expect.objectContaining({
          year: 2024,
          plan: 44.4,
          estimate: 44.4,
          actual: null,
          result: 44.4,
          share_of_plan: null,
          share_of_plan_computed: 100,
          conflict: 1,
        }),
      ]);
      expect(rows[1]!.change_on_previous_year).toBeCloseTo(0.05, 9);
      expect(rows[1]!.growth_percent).toBe(0.11);
    });
  });
});
