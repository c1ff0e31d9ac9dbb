import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../ingest/helpers.ts';

/** `compare` as an analyst uses it: the whole catalog in a terminal, one indicator as a page. */
describe('baocao compare in daily use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-compare-'));
  const db = join(dir, 'w.sqlite');
  beforeAll(async () => {
    const seed = readFileSync(join(ROOT, 'seeds/000_35c0ecef09102edc.txt'), 'utf8');
    // another report (its own number) stating the same year's forest cover differently
    const other = seed.replace('712/BC-UBND', '799/BC-UBND').replace('tỷ lệ che phủ rừng 44,3% đạt', 'tỷ lệ che phủ rừng 45,1% đạt');
    expect(other).not.toBe(seed);
    writeFileSync(join(dir, 'khac.txt'), other);
    const r = await runCli([
      'ingest',
      join(ROOT, 'seeds/000_35c0ecef09102edc.txt'),
      join(ROOT, 'seeds/001_5b44daab30250fa8.txt'),
      join(dir, 'khac.txt'),
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without a query fits the terminal width, the periods wrapped under the labels', async () => {
    const wide = await runCli(['compare', '--db', db], { COLUMNS: '1000' });
    const narrow = await runCli(['compare', '--db', db], { COLUMNS: '120' });
    const longest = (t: string) => Math.max(...t.split('\n').map((l) => [...l].length));
    expect(longest(wide.stdout)).toBeGreaterThan(200);
    // a table of one period may still be wider than the terminal; each table holds as few as fit
    const tables = narrow.stdout.split('\n').filter((l) => l.startsWith('Chỉ tiêu'));
    expect(tables.length).toBeGreaterThan(1);
    for (const header of tables) expect(header).toMatch(/^Chỉ tiêu\s+Địa bàn\s+ĐVT\s+\d{4} /);
    // the same numbers either way
    const numbers = (t: string) => (t.match(/\d[\d.,]*%? \[\d+\]/g) ?? []).sort();
    expect(numbers(narrow.stdout)).toEqual(numbers(wide.stdout));
  });

  it("writes an indicator's page under its name, and plots both values where two documents disagree", async () => {
    const page = join(dir, 'che-phu.html');
    const r = await runCli(['compare', 'che phu rung', '--db', db, '--html', page]);
    expect(r.code).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/<title>Tỷ lệ che phủ rừng<\/title>/);
    expect(html).toMatch(/<rect class="result conflict-point"[^>]*><title>2023 · Thực hiện, văn bản khác ghi: 4[45],[13] %<\/title>/);
  });
});
