import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../extractors/read.ts';
import { readColumn, readHeaderCell } from '../extractors/table-header.ts';
import { DocumentFile } from '../pipeline/file.ts';
import { parseCellNumber, tableValues } from '../pipeline/table-values.ts';

const APPENDIX = fileURLToPath(new URL('./fixtures/xlsx/appendix.xlsx', import.meta.url));
const CORPUS = '/work/shared/corpus/real';

describe('header patterns', () => {
  it.each([
    ['Thực hiện 2022', 'actual', 2022],
    ['TH 2022', 'actual', 2022],
    ['TH2022', 'actual', 2022],
    ['TH năm 2017', 'actual', 2017],
    ['Kế hoạch 2023', 'plan', 2023],
    ['KH 2024', 'plan', 2024],
    ['KH NQ\n2016-2020', 'plan', null],
    ['Ước TH 2023', 'estimate', 2023],
    ['ƯTH 2019', 'estimate', 2019],
    ['Uoc năm 2019', 'estimate', 2019],
    ['Ước tính năm 2023', 'estimate', 2023],
    ['TH 2023/KH 2023 (%)', 'share_of_plan', 2023],
    ['So với KH (%)', 'share_of_plan', undefined],
    ['Năm 2023 so với năm 2022 (%)', 'growth', 2023],
    ['So với cùng kỳ (%)', 'growth', undefined],
    ['BQGĐ 2016-2020 (%)', 'growth', null],
    ['So sánh (%)', null, undefined],
    ['Năm 2015', undefined, 2015],
    ['2021', undefined, 2021],
    ['Cộng dồn cả năm 2022', 'cumulative', 2022],
    ['Lũy kế 9 tháng', 'cumulative', undefined],
    ['Cơ cấu (%)', 'share', undefined],
    ['Sơ bộ quý II năm 2021', 'actual', 2021],
    ['Thứ hạng', undefined, undefined],
  ] as const)('%j → %s, %s', (text, kind, year) => {
    const m = readHeaderCell(text);
    expect(m.kind).toBe(kind);
    expect(m.year).toBe(year);
  });

  it.each([
    ['STT', 'stt'],
    ['Chỉ tiêu', 'label'],
    ['ĐVT', 'unit'],
    ['Đơn vị tính', 'unit'],
    // a group's header and the unit's under it, read as one band by a PDF layout
    ['Kết quả thống kê Đơn vị tính', 'unit'],
    ['GIÁ SS 2010', 'other'],
  ] as const)('%j is a %s column', (text, role) => {
    expect(readHeaderCell(text).role).toBe(role);
  });

  it.each([
    ['Thứ hạng', 'rank'],
    ['Xếp hạng', 'rank'],
    ['Điểm số', 'score'],
    ['Điểm chuẩn tối đa', 'score'],
    ['Chỉ số chung', 'percent'],
    ['Tỷ lệ', 'percent'],
    ['Xếp loại', undefined],
    ['Chỉ số giá tiêu dùng', undefined],
  ] as const)('%j measures %s', (text, measure) => {
    expect(readHeaderCell(text).measure).toBe(measure);
  });

  it.each([
    [['Sơ bộ', 'quý II', 'năm', '2021'], 'actual', 2021, 'Q2'],
    [['Ước tính', 'quý IV', 'năm', '2021'], 'estimate', 2021, 'Q4'],
    [['Cộng dồn', 'cả năm', '2021'], 'cumulative', 2021, null],
    [['Ước TH 6 tháng đầu năm 2022'], 'estimate', 2022, 'S1'],
    [['TH 9 tháng 2022'], 'actual', 2022, '01-09'],
    [['Thực hiện tháng 5/2022'], 'actual', 2022, 'M05'],
    [['Năm 2022 so với', 'năm 2021 (%)'], 'growth', 2022, null],
    [['Năm 2022', 'so với', 'năm trước', '(%)'], 'growth', 2022, null],
  ] as const)('%j is of kind %s, year %s, part %s', (texts, kind, year, part) => {
    expect(readColumn([...texts])).toMatchObject({ role: 'value', kind, year, part });
  });

  it('a year alone is that year actual; a span of years without a kind word is left unknown', () => {
    expect(readColumn(['Năm 2019'])).toMatchObject({ role: 'value', kind: 'actual', year: 2019 });
    expect(readColumn(['Chênh lệch 2019-2016'])).toMatchObject({ kind: null, year: null });
    expect(readColumn(['So sánh (%)'])).toMatchObject({ kind: null });
  });

  it('a column of entities keeps the entity and the measure as its subject, not its period words', () => {
    expect(readColumn(['Tỉnh Mây', 'Điểm số'])).toMatchObject({ role: 'value', kind: 'actual', measure: 'score', subject: ['Tỉnh Mây', 'Điểm số'] });
    expect(readColumn(['Cơ cấu (%)', 'Quý I', 'năm', '2021'])).toMatchObject({ kind: 'share', part: 'Q1', subject: ['Cơ cấu'], unitText: '%' });
    expect(readColumn(['Năm 2021']).subject).toEqual([]);
  });

  it('sub-headers refine the header above them', () => {
    expect(readColumn(['Thực hiện 2023', 'KH'])).toMatchObject({ role: 'value', kind: 'plan', year: 2023 });
    expect(readColumn(['Thực hiện 2023', 'Ước TH'])).toMatchObject({ kind: 'estimate', year: 2023 });
    expect(readColumn(['KH', '2021'])).toMatchObject({ kind: 'plan', year: 2021 });
    expect(readColumn(['So sánh (%)', 'TH 2023/KH 2023'])).toMatchObject({ kind: 'share_of_plan', year: 2023 });
    expect(readColumn(['Năm 2018', 'ƯTH 6 tháng đầu năm'])).toMatchObject({ kind: 'estimate', year: 2018, subYear: true, part: 'S1' });
    expect(readColumn(['Chỉ tiêu', 'Chỉ tiêu']).role).toBe('label');
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['8.207,4', 8207.4],
    ['1.234', 1234],
    ['7.367.800', 7367800],
    ['99,8', 99.8],
    ['95,88%', 95.88],
    ['-5,2', -5.2],
    ['1 234,5', 1234.5],
    ['04', 4],
  ])('%j → %d', (text, value) => expect(parseCellNumber(text)).toBe(value));

  it.each(['12.5', '8,207.4', 'Tăng 11-12%', '#DIV/0!', '1.00.000', 'abc'])('%j is not read (never guessed)', (text) => {
    expect(parseCellNumber(text)).toBeNull();
  });
});

describe('appendix.xlsx', () => {
  it('yields every value with label, path, unit, year, kind and header', async () => {
    const doc = await readDocument(APPENDIX);
    const file = new DocumentFile(doc.file);
    const values = tableValues(doc, file);
    const brief = values.map((v) => [v.cell, v.label, v.labelPath.join(' > '), v.unitText, v.year, v.kind, v.value]);
    expect(brief).toEqual([
      ['D6', 'Tổng sản lượng lương thực có hạt', 'Kinh tế', 'Tấn', 2023, 'plan', 8300],
      ['E6', 'Tổng sản lượng lương thực có hạt', 'Kinh tế', 'Tấn', 2023, 'estimate', 8396.5],
      ['F6', 'Tổng sản lượng lương thực có hạt', 'Kinh tế', 'Tấn', 2024, 'plan', 8450],
      ['G6', 'Tổng sản lượng lương thực có hạt', 'Kinh tế', '%', 2023, 'share_of_plan', 101.16],
      ['D7', 'Thóc', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2023, 'plan', 6100],
      ['E7', 'Thóc', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2023, 'estimate', 6207.4],
      ['F7', 'Thóc', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2024, 'plan', 6200],
      ['D8', 'Ngô', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2023, 'plan', 2200],
      ['E8', 'Ngô', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2023, 'estimate', 2189.1],
      ['F8', 'Ngô', 'Kinh tế > Tổng sản lượng lương thực có hạt', 'Tấn', 2024, 'plan', 2250],
      ['D9', 'Diện tích trồng rừng mới', 'Kinh tế', 'ha', 2023, 'plan', 500],
      ['E9', 'Diện tích trồng rừng mới', 'Kinh tế', 'ha', 2023, 'estimate', 512],
      ['D11', 'Tỷ lệ hộ nghèo', 'Xã hội', '%', 2023, 'plan', 12.5],
      ['E11', 'Tỷ lệ hộ nghèo', 'Xã hội', '%', 2023, 'estimate', 11.8],
      ['F11', 'Tỷ lệ hộ nghèo', 'Xã hội', '%', 2024, 'plan', 10.2],
    ]);
    expect(values[0]).toMatchObject({ sheet: 'Biểu 01', columnHeader: 'Thực hiện 2023 / KH', blockIndex: 4 });
    expect(values[3]?.columnHeader).toBe('So sánh (%) / ƯTH 2023/KH 2023');
    expect(file.messages).toEqual([
      {
        type: 'warning',
        message: expect.stringMatching(/cell G11 \(Tỷ lệ hộ nghèo .*\): "n\/a\?" is not a number; skipped/),
        stage: 'table-values',
        ruleId: 'table-values:not-a-number',
        place: { sheet: 'Biểu 01', block: expect.any(Number), cell: 'G11' },
      },
    ]);
  });

  it('leaves the document it reads as it was: its warnings go to the context it is given', async () => {
    const doc = await readDocument(APPENDIX);
    const before = structuredClone(doc);
    tableValues(doc, new DocumentFile(doc.file));
    expect(doc).toEqual(before);
  });
});

describe.skipIf(!existsSync(CORPUS))('Đạ Huoai tables (columns KH, TH 2015…, ƯTH 2019)', () => {
  it.each(['dahuoai_tong_hop_gtsx_ktxh_2015-2025.xlsx', 'dahuoai_so_lieu_2015-2025_cuc_thong_ke.xls'])('%s yields values by year and kind', async (name) => {
    const doc = await readDocument(join(CORPUS, name));
    const values = tableValues(doc, new DocumentFile(doc.file));
    const total = values.filter((v) => /^t(ổ|Ổ)ng giá trị sx \(giá 2010\)$/i.test(v.label));
    const by = (kind: string | null, year: number | null) => total.find((v) => v.kind === kind && v.year === year)?.value;
    expect(by('actual', 2016)).toBeGreaterThan(1800);
    expect(by('actual', 2018)).toBeGreaterThan(2200);
    expect(by('estimate', 2019)).toBeGreaterThan(2400);
    expect(by('plan', 2025)).toBeGreaterThan(4400);
    const kinds = new Set(values.map((v) => v.kind));
    for (const k of ['actual', 'estimate', 'plan', 'growth']) expect(kinds).toContain(k);
    // Values carry their unit and the hierarchy of labels above them.
    expect(values.some((v) => v.unitText === 'Tỷ đồng' && v.labelPath.length > 0)).toBe(true);
    for (const v of values) expect(Number.isFinite(v.value)).toBe(true);
  });

  it('the XLSX total production value, in order: 2015 … 2025', async () => {
    const doc = await readDocument(join(CORPUS, 'dahuoai_tong_hop_gtsx_ktxh_2015-2025.xlsx'));
    const row = tableValues(doc, new DocumentFile(doc.file)).filter(
      (v) => v.cell.endsWith('5') && v.cell.length === 2 && v.label === 'TỔNG GIÁ TRỊ SX (GIÁ 2010)',
    );
    expect(row.map((v) => [v.year, v.kind])).toEqual([
      // a column headed by its year alone holds that year's figures
      [2015, 'actual'],
      [2016, 'actual'],
      [2017, 'actual'],
      [2018, 'actual'],
      [2019, 'estimate'],
      [2020, 'estimate'],
      [2021, 'plan'],
      [2022, 'plan'],
      [2023, 'plan'],
      [2024, 'plan'],
      [2025, 'plan'],
      [null, 'growth'],
      [null, 'plan'],
      [null, null],
    ]);
  });

  it.each(['gso_bieu_so_lieu_2024-12.xlsx', 'gso_so_lieu_2018.xls'])('%s: table values without a crash', async (name) => {
    const doc = await readDocument(join(CORPUS, name));
    const values = tableValues(doc, new DocumentFile(doc.file));
    expect(values.length).toBeGreaterThan(100);
    expect(values.every((v) => v.label.length > 0 && Number.isFinite(v.value))).toBe(true);
  });
});
