import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, exportFacts } from '../../output/export.ts';
import { queryFacts } from '../../output/facts-query.ts';
import { Fact } from '../../schema/fact.ts';
import { fixtureWarehouse } from './fixture.ts';

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse();
});
afterAll(async () => {
  await fx.cleanup();
});

describe('export', () => {
  it('writes CSV in UTF-8 with a BOM that parses back to the same facts', async () => {
    const out = join(fx.dir, 'facts.csv');
    const result = await exportFacts(fx.wh, { indicator: 'che phu rung' }, 'csv', out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const book = new ExcelJS.Workbook();
    const sheet = await book.csv.readFile(out);
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0]!.slice(1).map((h) => String(h).replace(/^\uFEFF/, ''));
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const facts = await queryFacts(fx.wh, { indicator: 'che phu rung' });
    expect(result.rows).toBe(facts.length);
    expect(rows).toHaveLength(facts.length + 1);
    const first = rows[1]!.slice(1);
    const at = (name: string) => first[header.indexOf(name)];
    expect(at('indicator')).toBe('tỷ lệ che phủ rừng');
    expect(Number(at('value'))).toBe(44.3);
    expect(at('text')).toBe('tỷ lệ che phủ rừng 44,3% đạt 99,56% so với kế hoạch');
  });

  it('writes XLSX with a header row, typed number cells and the unit in its own column', async () => {
    const out = join(fx.dir, 'facts.xlsx');
    await exportFacts(fx.wh, { indicator: 'san luong luong thuc', year: 2024 }, 'xlsx', out, { headers: 'fields' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('facts')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(3);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(col('value')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('value')).value).toBe(36100);
    expect(row.getCell(col('baseValue')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('year')).value).toBe(2024);
    expect(row.getCell(col('unit')).value).toBe('tonne');
    expect(row.getCell(col('unitText')).value).toBe('tấn');
  });

  it("writes XLSX for analysts: Vietnamese headers, a filter, numbers in full, the document's area, number and date", async () => {
    const out = join(fx.dir, 'facts-vi.xlsx');
    await exportFacts(fx.wh, { indicator: 'san luong luong thuc', year: 2024 }, 'xlsx', out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('facts')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.vi));
    expect(header.slice(0, 8)).toEqual(['Mã số liệu', 'Mã văn bản', 'Số văn bản', 'Ngày văn bản', 'Địa bàn', 'Tỉnh', 'Chỉ tiêu', 'Mã chỉ tiêu']);
    expect(sheet.autoFilter).toBe(`A1:${sheet.getRow(1).getCell(EXPORT_COLUMNS.length).address}`);
    const row = sheet.getRow(2);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(row.getCell(col('Giá trị')).numFmt).toBe('#,##0');
    expect(row.getCell(col('Giá trị quy đổi')).numFmt).toBe('#,##0');
    expect(row.getCell(col('Địa bàn')).value).toBeTruthy();
    expect(String(row.getCell(col('Số văn bản')).value)).toMatch(/\/BC-UBND$/);
  });

  it('writes CSV for a Vietnamese-locale Excel: ";" between fields, "," in numbers, never a formula', async () => {
    const out = join(fx.dir, 'facts-vi.csv');
    await exportFacts(fx.wh, { indicator: 'san luong luong thuc', year: 2024 }, 'csv', out, { delimiter: ';', decimal: ',' });
    const [head, first] = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const names = head!.split(';');
    expect(names).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const fields = first!.split(';');
    expect(fields[names.indexOf('value')]).toBe('36100');
    expect(fields[names.indexOf('baseValue')]).toMatch(/^\d+(,\d+)?$/);
  });

  it('writes JSON as an array of Fact objects', async () => {
    const out = join(fx.dir, 'facts.json');
    const result = await exportFacts(fx.wh, {}, 'json', out);
    const facts = Fact.array().parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(facts).toEqual(await queryFacts(fx.wh, {}));
    expect(result.rows).toBe(facts.length);
  });

  it('writes an empty but valid file when nothing matches', async () => {
    const out = join(fx.dir, 'none.json');
    await exportFacts(fx.wh, { indicator: 'khong co' }, 'json', out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([]);
  });
});
