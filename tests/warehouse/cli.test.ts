import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fact } from '../../schema/fact.ts';
import { fixtureWarehouse } from './fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACE = fileURLToPath(new URL('./support/trace-register.mjs', import.meta.url));

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse();
  // the commands open the file themselves
  await fx.wh.close();
});
afterAll(async () => {
  await fx.cleanup().catch(() => undefined);
});

function baocao(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'bin/baocao.js'), ...args], {
    cwd: fx.dir,
    encoding: 'utf8',
    env: { ...process.env, BAOCAO_DB: fx.file, BAOCAO_SEEDS: join(fx.dir, 'seeds'), ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('baocao facts', () => {
  it('--json prints an array of Fact objects in the contract shape', () => {
    const r = baocao(['facts', '--indicator', 'che phu rung', '--year', '2024', '--json']);
    expect(r.code).toBe(0);
    const facts = Fact.array().parse(JSON.parse(r.stdout));
    expect(facts.map((f) => f.id).sort()).toEqual(['a-forest-plan24', 'b-forest-24', 'c-forest-plan24']);
  });

  it('prints a readable table by default, honouring --db over BAOCAO_DB', () => {
    const r = baocao(['facts', '--db', fx.file, '--kind', 'plan', '--area', 'phong tho'], { BAOCAO_DB: '/nonexistent.sqlite' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Văn bản +Mã số liệu/);
    expect(r.stdout).toContain('44,36');
  });

  it.each([
    [['facts', '--year', 'abc'], /four-digit year/],
    [['facts', '--kind', 'guess'], /Allowed choices/],
    [['facts', '--db', '/nonexistent/w.sqlite'], /no warehouse at/],
    [['compare', '--json', '--csv'], /one of --json, --csv, --html/],
    [['compare', '--from', '2024', '--to', '2023'], /after --to/],
    [['export', '--out', 'x.csv'], /--format/],
  ])('%j is bad usage (exit 2)', (args, message) => {
    const r = baocao(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('baocao compare', () => {
  it('prints the comparison table with its sources', () => {
    const r = baocao(['compare', 'che phu rung', '--area', 'Phong Thổ']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tỷ lệ che phủ rừng +Phong Thổ/);
    expect(r.stdout).toMatch(/ƯTH 44,3 \[\d\] → TH 44,35 \[\d\]/);
    expect(r.stdout).toContain(fx.inputs.b.document.id.slice(0, 8));
  });

  it('--json, --csv and --html write the same comparison in other forms', () => {
    const json = JSON.parse(baocao(['compare', 'che phu rung', '--json']).stdout);
    expect(json.rows.map((r: { area: string }) => r.area)).toEqual(['Đạ Huoai', 'Phong Thổ']);
    const csv = baocao(['compare', 'che phu rung', '--csv']).stdout;
    expect(csv.startsWith('\uFEFFindicator,indicator_id,area')).toBe(true);
    const html = join(fx.dir, 'cmp.html');
    expect(baocao(['compare', '--from', '2023', '--to', '2024', '--html', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<svg class="chart"');
  });
});

describe('baocao export', () => {
  it('writes the filtered facts to a file', () => {
    const out = join(fx.dir, 'out.csv');
    const r = baocao(['export', '--format', 'csv', '--out', out, '--year', '2023']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\d+ facts written/);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFid,documentId')).toBe(true);
    expect(existsSync(`${out}.part-${process.pid}`)).toBe(false);
  });
});

describe('start-up', () => {
  it('query commands load no PDF, DOCX or spreadsheet reader', () => {
    const trace = join(fx.dir, 'modules.txt');
    for (const args of [
      ['facts', '--indicator', 'che phu rung'],
      ['compare', 'che phu rung'],
    ]) {
      const r = baocao(args, { TRACE_FILE: trace }, ['--import', TRACE]);
      expect(r.code).toBe(0);
    }
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain('output/compare.ts');
    expect(loaded).not.toMatch(/pdfjs-dist|pdf-parse|mammoth|\/xlsx\/|exceljs|word-extractor/);
    // of extractors/, only the two text helpers the outputs share with extraction (no imports of their own)
    const extractors = [...new Set(loaded.match(/\/extractors\/[\w.-]+/g) ?? [])].sort();
    expect(extractors.filter((m) => !['/extractors/clean-text.ts', '/extractors/vn-number.ts'].includes(m))).toEqual([]);
    // kysely's ESM build costs a quarter of a second under tsx; query commands use its CommonJS build.
    expect(loaded).not.toMatch(/kysely\/dist\/esm/);
  });
});
