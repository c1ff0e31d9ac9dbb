import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fact } from '../../schema/fact.ts';
import { DocumentWriter, loadDocument } from '../../store/documents.ts';
import { openWarehouse } from '../../store/warehouse.ts';
import { CATALOG, FOREST, writeTestSeeds } from './fixture.ts';
import { makeInput, PHONG_THO, tempDir } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const forest = { indicator: 'tỷ lệ che phủ rừng', indicatorId: FOREST } as const;

/**
 * A yearly report (2025 and its plan for 2026) and a quarterly one (Q1 2026, its same quarter a year
 * earlier, and a running total of the year to March): the quarter must never sit in a year's column.
 */
let dir: string;
let file: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const seeds = writeTestSeeds(dir, CATALOG);
  file = join(dir, 'periods.sqlite');
  const wh = await openWarehouse(file, { seeds });
  const yearly = makeInput({
    content: 'yearly-2025',
    file: 'bao-cao-nam-2025.txt',
    metadata: { ...PHONG_THO, reportYear: 2025, planYear: 2026, date: '2025-12-10' },
    facts: [
      { ...forest, id: 'y-2025', value: 45.1, year: 2025, kind: 'actual' },
      { ...forest, id: 'y-plan-2026', value: 45.5, year: 2026, kind: 'plan' },
    ],
  });
  const quarterly = makeInput({
    content: 'quarterly-2026-q1',
    file: 'bao-cao-quy-1-2026.txt',
    metadata: { ...PHONG_THO, number: '77/BC-UBND', reportYear: 2026, date: '2026-03-28', month: 3 },
    facts: [
      { ...forest, id: 'q-2026-q1', value: 44.9, year: 2026, period: '2026-Q1', kind: 'actual' },
      { ...forest, id: 'q-2025-q1', value: 44.7, year: 2025, period: '2025-Q1', kind: 'previous' },
      { ...forest, id: 'q-2025-q1-actual', value: 44.7, year: 2025, period: '2025-Q1', kind: 'actual' },
      { ...forest, id: 'q-ytd', value: 44.95, year: 2026, period: '2026-01/2026-03', kind: 'actual' },
    ],
  });
  const writer = new DocumentWriter(wh);
  for (const input of [yearly, quarterly]) {
    const outcome = await loadDocument(writer, input);
    if (outcome.status !== 'loaded') throw new Error(`did not load: ${JSON.stringify(outcome)}`);
  }
  await wh.close();
});
afterAll(() => cleanup?.());

function baocao(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/baocao.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BAOCAO_DB: file, BAOCAO_SEEDS: join(dir, 'seeds') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('periods through the CLI', () => {
  it('facts --json carries each fact’s period right after its year', () => {
    const r = baocao(['facts', '--indicator', 'che phu rung', '--json']);
    expect(r.code).toBe(0);
    const facts = Fact.array().parse(JSON.parse(r.stdout));
    expect(Object.fromEntries(facts.map((f) => [f.id, f.period]))).toEqual({
      'y-2025': '2025',
      'y-plan-2026': '2026',
      'q-2026-q1': '2026-Q1',
      'q-2025-q1': '2025-Q1',
      'q-2025-q1-actual': '2025-Q1',
      'q-ytd': '2026-01/2026-03',
    });
    const keys = Object.keys(JSON.parse(r.stdout)[0]);
    expect(keys.slice(keys.indexOf('year'), keys.indexOf('year') + 2)).toEqual(['year', 'period']);
  });

  it('facts --period filters on the period as written, and the table shows the period beside the year', () => {
    const r = baocao(['facts', '--period', '2026-Q1', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Fact[]).map((f) => f.id)).toEqual(['q-2026-q1']);
    const table = baocao(['facts', '--indicator', 'che phu rung']);
    expect(table.stdout).toMatch(/Năm +Kỳ/);
    expect(table.stdout).toContain('2026-01/2026-03');
    expect(baocao(['facts', '--period', 'Q1/2026']).stderr).toMatch(/--period needs a period/);
  });

  it('compare puts years beside years only: the quarter and the running total stay out of 2025 and 2026', () => {
    const r = baocao(['compare', 'che phu rung', '--json']);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout);
    expect(cmp.by).toBe('year');
    expect(cmp.periods).toEqual(['2025', '2026']);
    const row = cmp.rows[0];
    expect(row.years['2025'].result.values.map((v: { baseValue: number }) => v.baseValue)).toEqual([45.1]);
    expect(row.years['2026'].result).toBeNull();
    expect(row.years['2026'].plan.values[0].baseValue).toBe(45.5);
    const text = baocao(['compare', 'che phu rung']).stdout;
    expect(text).not.toContain('44,9');
    expect(text).not.toContain('Q1');
  });

  it('compare --by quarter puts quarters beside quarters, the change on the same quarter a year earlier', () => {
    const r = baocao(['compare', 'che phu rung', '--by', 'quarter', '--json']);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout);
    expect(cmp.periods).toEqual(['2025-Q1', '2026-Q1']);
    const col = cmp.rows[0].years['2026-Q1'];
    expect(col.result.values[0].baseValue).toBe(44.9);
    expect(col.change.values[0].baseValue).toBeCloseTo(0.2, 9);
    expect(JSON.stringify(cmp)).not.toContain('45.1');
    // a column no row fills is left out of the text table (here the quarter's plan)
    expect(baocao(['compare', 'che phu rung', '--by', 'quarter']).stdout).toMatch(/2026-Q1 TH\/ƯTH/);
    expect(baocao(['compare', 'che phu rung', '--by', 'months', '--json']).stdout).toContain('"2026-01/2026-03"');
  });

  it('v_plan_actual is a table of years: the quarter is not in it', async () => {
    const wh = await openWarehouse(file, { seeds: join(dir, 'seeds') });
    try {
      const rows = wh.sqlite.prepare('select year, actual, plan from v_plan_actual order by year').all();
      expect(rows).toEqual([
        { year: 2025, actual: 45.1, plan: null },
        { year: 2026, actual: null, plan: 45.5 },
      ]);
      const cells = wh.sqlite.prepare(`select period, kind, base_value from v_facts where year = 2026 order by period, kind`).all();
      expect(cells).toEqual([
        { period: '2026', kind: 'plan', base_value: 45.5 },
        { period: '2026-01/2026-03', kind: 'actual', base_value: 44.95 },
        { period: '2026-Q1', kind: 'actual', base_value: 44.9 },
      ]);
    } finally {
      await wh.close();
    }
  });
});
