import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDocument } from '../../extractors/read.ts';
import { numberText } from '../../extractors/xlsx-reader.ts';
import { DocumentModel } from '../../schema/document.ts';
import { noCachedValue } from './context.ts';
import { encodeTcvn3 } from './legacy-encoders.ts';

const APPENDIX = fileURLToPath(new URL('../fixtures/xlsx/appendix.xlsx', import.meta.url));
const CORPUS = '/work/shared/corpus/real';
const corpus = (name: string): string => join(CORPUS, name);

const rowOf = (doc: DocumentModel, ref: string) => doc.blocks.find((b) => b.cells?.some((c) => c.ref === ref));
const cellAt = (doc: DocumentModel, ref: string) => rowOf(doc, ref)?.cells?.find((c) => c.ref === ref);

/** appendix.xlsx's one message: G8 is a formula saved without its value. */
const APPENDIX_MESSAGES = [noCachedValue(APPENDIX, 'Biểu 01', 'G8')];

describe('appendix.xlsx (exceljs)', () => {
  it('gives one table-row block per non-empty row, valid against the schema', async () => {
    const doc = await readDocument(APPENDIX);
    expect(DocumentModel.parse(doc)).toBeTruthy();
    expect(doc.format).toBe('xlsx');
    expect(doc.messages).toEqual(APPENDIX_MESSAGES);
    expect(doc.blocks.every((b) => b.kind === 'table-row' && b.sheet === 'Biểu 01')).toBe(true);
    expect(doc.blocks).toHaveLength(11);
    const row6 = rowOf(doc, 'B6')!;
    expect(row6.text).toBe('1 | Tổng sản lượng lương thực có hạt | Tấn | 8300 | 8396,5 | 8450 | 101,16');
  });

  it('fills merged headers across their span, so each column knows its year and kind', async () => {
    const doc = await readDocument(APPENDIX);
    expect(doc.messages).toEqual(APPENDIX_MESSAGES);
    expect(cellAt(doc, 'D3')?.text).toBe('Thực hiện 2023');
    expect(cellAt(doc, 'E3')?.text).toBe('Thực hiện 2023');
    expect(cellAt(doc, 'A4')?.text).toBe('STT');
    expect(cellAt(doc, 'F4')?.text).toBe('Kế hoạch 2024');
    expect(cellAt(doc, 'D4')?.text).toBe('KH');
    expect(cellAt(doc, 'E4')?.text).toBe('Ước TH');
  });

  it('keeps merged data (titles, notes) in the top-left cell only', async () => {
    const doc = await readDocument(APPENDIX);
    expect(doc.messages).toEqual(APPENDIX_MESSAGES);
    expect(rowOf(doc, 'A1')?.cells).toHaveLength(1);
    expect(rowOf(doc, 'D12')?.cells?.map((c) => c.ref)).toEqual(['D12']);
  });

  it('reads raw numbers, keeps Vietnamese-formatted text as text with value null', async () => {
    const doc = await readDocument(APPENDIX);
    expect(doc.messages).toEqual(APPENDIX_MESSAGES);
    expect(cellAt(doc, 'E6')).toEqual({ text: '8396,5', value: 8396.5, ref: 'E6' });
    expect(cellAt(doc, 'E7')).toEqual({ text: '6.207,4', value: null, ref: 'E7' });
    expect(cellAt(doc, 'C8')?.text).toBe('"');
  });

  it('reads formulas from their cached value and warns, never 0, when there is none', async () => {
    const doc = await readDocument(APPENDIX);
    expect(cellAt(doc, 'G6')).toEqual({ text: '101,16', value: 101.16, ref: 'G6' });
    expect(cellAt(doc, 'G8')).toBeUndefined();
    expect(doc.messages).toEqual([noCachedValue(APPENDIX, 'Biểu 01', 'G8')]);
  });
});

describe('numbers as text', () => {
  it('write a decimal comma, no grouping, no exponent', () => {
    expect(numberText(8207.4)).toBe('8207,4');
    expect(numberText(2015)).toBe('2015');
    expect(numberText(-0.5)).toBe('-0,5');
    expect(numberText(1e-7)).toBe('0,0000001');
    expect(numberText(2894998.475836286)).toBe('2894998,475836286');
  });
});

describe('hidden columns', () => {
  it('are left out of the rows, with one message a sheet naming them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['Chỉ tiêu', 'Năm 2022', 'tạm', 'Năm 2023']);
    ws.addRow(['Diện tích thử', 120, 3, 125]);
    ws.getColumn(3).hidden = true;
    const dir = await mkdtemp(join(tmpdir(), 'baocao-xlsx-'));
    const file = join(dir, 'hidden.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const doc = await readDocument(file);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Chỉ tiêu | Năm 2022 | Năm 2023', 'Diện tích thử | 120 | 125']);
    expect(doc.messages).toEqual([
      {
        type: 'info',
        message: `${file}: sheet "Biểu": 2 cells of hidden columns C left out`,
        stage: 'read',
        ruleId: 'read:hidden-columns',
        place: { sheet: 'Biểu' },
      },
    ]);
  });
});

describe('legacy-encoded workbook', () => {
  it('converts TCVN3 cell text to Unicode and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baocao-xlsx-'));
    const ws = XLSX.utils.aoa_to_sheet([
      [encodeTcvn3('Chỉ tiêu'), encodeTcvn3('Đơn vị tính'), encodeTcvn3('Thực hiện 2023')],
      [encodeTcvn3('Tổng sản lượng lương thực'), encodeTcvn3('tấn'), 8396.5],
      [encodeTcvn3('Diện tích lúa cả năm'), 'ha', 1200],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Bieu');
    const file = join(dir, 'tcvn3.xls');
    await writeFile(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
    const doc = await readDocument(file);
    expect(doc.format).toBe('xls');
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Chỉ tiêu | Đơn vị tính | Thực hiện 2023',
      'Tổng sản lượng lương thực | tấn | 8396,5',
      'Diện tích lúa cả năm | ha | 1200',
    ]);
    expect(doc.messages).toEqual([{ type: 'info', message: 'legacy TCVN3 text converted to Unicode', stage: 'read', ruleId: 'read:legacy-encoding' }]);
  });
});

describe.skipIf(!existsSync(CORPUS))('corpus spreadsheets', () => {
  it('dahuoai XLSX: stray 16 000-column dimension does not matter; header row and values read', async () => {
    const file = corpus('dahuoai_tong_hop_gtsx_ktxh_2015-2025.xlsx');
    const doc = await readDocument(file);
    expect(doc.format).toBe('xlsx');
    // column D is hidden in the sheet: its cells (D60's formula among them) are left out, and said so
    expect(doc.messages).toEqual([
      ...['C60', 'R204'].map((cell) => noCachedValue(file, 'TONG HOP', cell)),
      {
        type: 'info',
        message: `${file}: sheet "TONG HOP": 10 cells of hidden columns D left out`,
        stage: 'read',
        ruleId: 'read:hidden-columns',
        place: { sheet: 'TONG HOP' },
      },
    ]);
    expect(doc.blocks.length).toBeGreaterThan(200);
    const header = doc.blocks.find((b) => b.text.startsWith('STT | Chỉ tiêu | ĐVT'))!;
    expect(header.text).toContain('ƯTH 2019');
    expect(cellAt(doc, 'E5')?.value).toBeCloseTo(1642.0866595915, 9);
    expect(cellAt(doc, 'D5')).toBeUndefined();
  });

  it('dahuoai XLS (BIFF8, SheetJS in the worker): sheets with leading spaces, #DIV/0! kept as text', async () => {
    const doc = await readDocument(corpus('dahuoai_so_lieu_2015-2025_cuc_thong_ke.xls'));
    expect(doc.format).toBe('xls');
    // The same office's workbook saved as BIFF8 keeps every formula's value.
    expect(doc.messages).toEqual([]);
    const sheets = new Set(doc.blocks.map((b) => b.sheet));
    expect(sheets).toContain(' CAY TRONG');
    expect(sheets).toContain('12 THU NS');
    expect(doc.blocks.some((b) => b.cells?.some((c) => c.text === '#DIV/0!' && c.value === null))).toBe(true);
    expect(doc.blocks.every((b) => !b.text.includes('\n'))).toBe(true);
  });

  it.each([
    // the formulas without a value sit in the hidden helper column E of `4. Cay trong chu yeu`, left out
    ['gso_bieu_so_lieu_2024-12.xlsx', ['6NN', '4. Cay trong chu yeu', '5.Cay CN hang nam', '6.Cay CN lau nam', '17. Chi tieu DN', '18. DN DK thanh lap']],
    ['gso_so_lieu_2018.xls', []],
  ])('%s reads without a crash', async (name, hiddenIn) => {
    const doc = await readDocument(corpus(name));
    expect(doc.messages.filter((m) => m.ruleId !== 'read:hidden-columns')).toEqual([]);
    expect(doc.messages.filter((m) => m.ruleId === 'read:hidden-columns').map((m) => m.place?.sheet)).toEqual(hiddenIn);
    expect(doc.blocks.length).toBeGreaterThan(1000);
    // Raw floats, never SheetJS's US-formatted `.w`.
    expect(doc.blocks.some((b) => b.cells?.some((c) => /^\d{1,3}(,\d{3})+\.\d+$/.test(c.text)))).toBe(false);
  });
});
