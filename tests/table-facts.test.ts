import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../pipeline/file.ts';
import { extract } from '../pipeline/stages/extract.ts';
import { readUnit, type TableValue, tableValues } from '../pipeline/table-values.ts';
import type { Block, DocumentMetadata, DocumentModel } from '../schema/document.ts';

/**
 * Tables as text documents (Word) and spreadsheets write them, with invented labels and numbers: the
 * header band, the title and unit lines, columns of entities or of periods, rows with their parents.
 */

const META: DocumentMetadata = {
  number: null,
  issuer: 'UBND tỉnh Mây',
  place: 'Mây',
  date: '2024-03',
  month: 3,
  type: 'BÁO CÁO',
  title: null,
  reportYear: 2023,
  planYear: null,
  area: 'tỉnh Mây',
  province: 'Mây',
};

/** A text document: paragraphs, and table rows as the Word reader gives them (cells, no sheet). */
function wordDoc(parts: (string | string[])[]): DocumentModel {
  const blocks: Block[] = parts.map((p, index) =>
    typeof p === 'string' ? { index, kind: 'paragraph', text: p } : { index, kind: 'table-row', text: p.join(' | '), cells: p.map((text) => ({ text })) },
  );
  return { file: 't.docx', sha256: 'd'.repeat(64), format: 'docx', blocks, footnotesLinked: true, messages: [], metadata: META };
}

/** A sheet: rows of `[ref, text or number]`. */
function sheetDoc(rows: [string, string | number][][]): DocumentModel {
  const blocks: Block[] = rows.map((cells, index) => ({
    index,
    kind: 'table-row',
    sheet: 'Biểu',
    text: cells.map(([, v]) => String(v)).join(' | '),
    cells: cells.map(([ref, v]) => (typeof v === 'number' ? { ref, text: String(v).replace('.', ','), value: v } : { ref, text: v, value: null })),
  }));
  return {
    file: 't.xlsx',
    sha256: 'e'.repeat(64),
    format: 'xlsx',
    blocks,
    footnotesLinked: true,
    messages: [],
    metadata: { ...META, reportYear: null, area: null, province: null },
  };
}

const brief = (v: TableValue) => ({
  cell: v.cell,
  label: v.label,
  path: v.labelPath.join(' > '),
  subject: v.columnSubject.join(' '),
  unit: v.unit,
  multiplier: v.multiplier,
  kind: v.kind,
  year: v.year,
  period: v.period,
  whole: v.whole,
  value: v.value,
});

describe('a table of a text document: units as rows, measures as columns', () => {
  const doc = wordDoc([
    'Phụ lục',
    'KẾT QUẢ ĐÁNH GIÁ CÁC ĐƠN VỊ NĂM 2022',
    '(Kèm theo Quyết định số 12/QĐ-UBND ngày 03 tháng 02 năm 2024)',
    ['Thứ hạng', 'Đơn vị', 'Điểm chuẩn tối đa', 'Điểm đạt được', 'Chỉ số chung', 'Xếp loại'],
    ['1', 'Ban Gió', '90,00', '81,50', '90,56%', 'TỐT'],
    ['2', 'Ban Mưa', '88,50', '70,10', '79,21%', 'KHÁ'],
    ['Chỉ số trung bình', 'Chỉ số trung bình', 'Chỉ số trung bình', 'Chỉ số trung bình', '84,89%', ''],
  ]);
  const file = new DocumentFile(doc.file);
  const values = tableValues(doc, file);

  it('reads each number with its row, its column measure and the year of the title, not of the attached date', () => {
    expect(values.slice(0, 4).map(brief)).toEqual([
      {
        cell: 'A2',
        label: 'Ban Gió',
        path: '',
        subject: 'Thứ hạng',
        unit: 'rank',
        multiplier: 0,
        kind: 'actual',
        year: 2022,
        period: null,
        whole: false,
        value: 1,
      },
      {
        cell: 'C2',
        label: 'Ban Gió',
        path: '',
        subject: 'Điểm chuẩn tối đa',
        unit: 'count:điểm',
        multiplier: 0,
        kind: 'actual',
        year: 2022,
        period: null,
        whole: false,
        value: 90,
      },
      {
        cell: 'D2',
        label: 'Ban Gió',
        path: '',
        subject: 'Điểm đạt được',
        unit: 'count:điểm',
        multiplier: 0,
        kind: 'actual',
        year: 2022,
        period: null,
        whole: false,
        value: 81.5,
      },
      {
        cell: 'E2',
        label: 'Ban Gió',
        path: '',
        subject: 'Chỉ số chung',
        unit: 'percent',
        multiplier: 0,
        kind: 'actual',
        year: 2022,
        period: null,
        whole: false,
        value: 90.56,
      },
    ]);
    // the grade column is words: not read, and not warned about
    expect(values.filter((v) => v.cell.startsWith('F'))).toEqual([]);
    expect(file.messages).toEqual([]);
  });

  it('a label written across the label columns is a summary row; `trung bình` makes it an average', () => {
    const summary = values.filter((v) => v.label === 'Chỉ số trung bình');
    expect(summary.map((v) => [v.cell, v.value, v.average])).toEqual([['E4', 84.89, true]]);
    const candidates = extract(doc, new DocumentFile(doc.file)).candidates;
    expect(candidates.find((c) => c.cell === 'E4')?.kind).toBe('average');
    expect(candidates.find((c) => c.cell === 'E2')).toMatchObject({ kind: 'actual', year: 2022, period: '2022', label: 'Ban Gió Chỉ số chung' });
  });

  it('a `Đơn vị` column holding units of measure stays the unit column', () => {
    const units = wordDoc([
      ['STT', 'Chỉ tiêu', 'Đơn vị', 'Năm 2022'],
      ['1', 'Diện tích lúa', 'ha', '1.250'],
      ['2', 'Sản lượng', 'Tấn', '7.300'],
    ]);
    expect(tableValues(units, new DocumentFile('u')).map((v) => [v.label, v.unit, v.value])).toEqual([
      ['Diện tích lúa', 'ha', 1250],
      ['Sản lượng', 'tonne', 7300],
    ]);
  });
});

describe('a statistics form of a text document: one column of figures, units in words', () => {
  it('reads the `Số liệu` column as the figures of the period, in the units the unit column writes', () => {
    const doc = wordDoc([
      'Biểu thống kê năm 2022',
      ['STT', 'Chỉ tiêu thống kê', 'Kết quả thống kê', 'Kết quả thống kê', 'Ghi chú'],
      ['STT', 'Chỉ tiêu thống kê', 'Đơn vị tính', 'Số liệu', 'Ghi chú'],
      ['1.', 'Số sáng kiến đã công nhận', 'Sáng kiến', '14', ''],
      ['2.', 'Tỷ lệ hồ sơ đúng hạn', '%', '97,5', ''],
      ['*2.1.*', '*Số hồ sơ đã giải quyết*', '*Hồ sơ*', '*1.250*', ''],
      ['3.', 'Có tổ chức đối thoại', 'Có = 1; Không = 0', '1', ''],
    ]);
    const file = new DocumentFile(doc.file);
    expect(tableValues(doc, file).map((v) => [v.label, v.labelPath.join(' > '), v.unit, v.kind, v.year, v.value])).toEqual([
      ['Số sáng kiến đã công nhận', '', 'count:sáng kiến', 'actual', 2022, 14],
      ['Tỷ lệ hồ sơ đúng hạn', '', 'percent', 'actual', 2022, 97.5],
      ['Số hồ sơ đã giải quyết', 'Tỷ lệ hồ sơ đúng hạn', 'count:hồ sơ', 'actual', 2022, 1250],
    ]);
    expect(file.messages).toEqual([]);
  });
});

describe('bullet marks nest in the order the table first uses them', () => {
  it.each([
    ['+', '-'],
    ['-', '+'],
  ])('%s over %s', (outer, inner) => {
    const doc = sheetDoc([
      [
        ['A1', 'Chỉ tiêu'],
        ['B1', 'TH 2021'],
        ['C1', 'KH 2022'],
      ],
      [
        ['A2', '1. Tổng thử'],
        ['B2', 10],
        ['C2', 11],
      ],
      [
        ['A3', `${outer} Nhóm một`],
        ['B3', 6],
        ['C3', 7],
      ],
      [
        ['A4', `${inner} Phần a`],
        ['B4', 4],
        ['C4', 4],
      ],
      [
        ['A5', `${outer} Nhóm hai`],
        ['B5', 4],
        ['C5', 4],
      ],
    ]);
    const paths = tableValues(doc, new DocumentFile(doc.file)).filter((v) => v.cell.startsWith('B'));
    expect(paths.map((v) => [v.label, v.labelPath.join(' > ')])).toEqual([
      ['Tổng thử', ''],
      ['Nhóm một', 'Tổng thử'],
      ['Phần a', 'Tổng thử > Nhóm một'],
      ['Nhóm hai', 'Tổng thử'],
    ]);
  });
});

describe('bullet marks in capitals head the same bullet in ordinary case', () => {
  it('nests `- NHÓM` > `+ PHẦN` > `- Mục`', () => {
    const doc = sheetDoc([
      [
        ['A1', 'STT'],
        ['B1', 'Chỉ tiêu'],
        ['C1', 'ĐVT'],
        ['D1', 'TH 2021'],
      ],
      [
        ['A2', '1'],
        ['B2', 'Tổng thử'],
        ['C2', 'Tỷ đồng'],
        ['D2', 10],
      ],
      [
        ['B3', '- NHÓM MỘT'],
        ['C3', 'Tỷ đồng'],
        ['D3', 6],
      ],
      [
        ['B4', '+ PHẦN A'],
        ['C4', 'Tỷ đồng'],
        ['D4', 4],
      ],
      [
        ['B5', '- Mục thử'],
        ['D5', 1],
      ],
      [
        ['B6', '+ PHẦN B'],
        ['C6', 'Tỷ đồng'],
        ['D6', 2],
      ],
    ]);
    const values = tableValues(doc, new DocumentFile(doc.file));
    expect(values.map((v) => [v.label, v.labelPath.join(' > '), v.unit])).toEqual([
      ['Tổng thử', '', 'VND'],
      ['NHÓM MỘT', 'Tổng thử', 'VND'],
      ['PHẦN A', 'Tổng thử > NHÓM MỘT', 'VND'],
      ['Mục thử', 'Tổng thử > NHÓM MỘT > PHẦN A', 'VND'],
      ['PHẦN B', 'Tổng thử > NHÓM MỘT', 'VND'],
    ]);
  });
});

describe('a unit column left blank in the parts of a row', () => {
  it("gives the parts their parent's unit, but not a rate's", () => {
    const doc = sheetDoc([
      [
        ['A1', 'STT'],
        ['B1', 'Chỉ tiêu'],
        ['C1', 'ĐVT'],
        ['D1', 'TH 2021'],
        ['E1', 'KH 2022'],
      ],
      [
        ['A2', '1'],
        ['B2', 'Giá trị thử'],
        ['C2', 'Triệu đồng'],
        ['D2', 500],
        ['E2', 550],
      ],
      [
        ['B3', '- Phần một'],
        ['D3', 200],
        ['E3', 220],
      ],
      [
        ['A4', '2'],
        ['B4', 'Tỷ lệ thử'],
        ['C4', '%'],
        ['D4', 40],
        ['E4', 45],
      ],
      [
        ['B5', '- Số hộ thử'],
        ['D5', 12],
        ['E5', 13],
      ],
    ]);
    const values = tableValues(doc, new DocumentFile(doc.file));
    expect(values.map((v) => [v.cell, v.unit, v.multiplier])).toEqual([
      ['D2', 'VND', 6],
      ['E2', 'VND', 6],
      ['D3', 'VND', 6],
      ['E3', 'VND', 6],
      ['D4', 'percent', 0],
      ['E4', 'percent', 0],
      ['D5', null, 0],
      ['E5', null, 0],
    ]);
  });
});

describe('a table of a text document: entities as columns, scores out of a maximum', () => {
  const doc = wordDoc([
    '1. Kết quả năm 2022',
    ['STT', 'Nội dung', 'Mây', 'Mây', 'Mây', 'Sông', 'Sông', 'Sông', 'Sông', 'Núi', 'Núi', 'Núi'],
    ['STT', 'Nội dung', 'Điểm số', 'Chỉ số', 'Thứ hạng', 'Điểm số', 'Chỉ số', 'Thứ hạng', 'Điểm số', 'Điểm số', 'Chỉ số', 'Thứ hạng'],
    ['1', 'Công tác thử nghiệm', '8,1/9', '90,0%', '7/40', '7,2/9', '80,0%', '30/40', '6,3/9', '6,3/9', '70,0%', '38/40'],
  ]);
  const values = tableValues(doc, new DocumentFile(doc.file));

  it('gives each value its entity, a score its maximum, and reads a merged cell once', () => {
    expect(values.map((v) => [v.cell, v.columnSubject.join(' '), v.value, v.whole, v.unit])).toEqual([
      ['C3', 'Mây Điểm số', 8.1, false, 'count:điểm'],
      ['C3', 'Mây Điểm số', 9, true, 'count:điểm'],
      ['D3', 'Mây Chỉ số', 90, false, 'percent'],
      ['E3', 'Mây Thứ hạng', 7, false, 'rank'],
      ['E3', 'Mây Thứ hạng', 40, true, null],
      ['F3', 'Sông Điểm số', 7.2, false, 'count:điểm'],
      ['F3', 'Sông Điểm số', 9, true, 'count:điểm'],
      ['G3', 'Sông Chỉ số', 80, false, 'percent'],
      ['H3', 'Sông Thứ hạng', 30, false, 'rank'],
      ['H3', 'Sông Thứ hạng', 40, true, null],
      ['J3', 'Núi Điểm số', 6.3, false, 'count:điểm'],
      ['J3', 'Núi Điểm số', 9, true, 'count:điểm'],
      ['K3', 'Núi Chỉ số', 70, false, 'percent'],
      ['L3', 'Núi Thứ hạng', 38, false, 'rank'],
      ['L3', 'Núi Thứ hạng', 40, true, null],
    ]);
    expect(new Set(values.map((v) => v.year))).toEqual(new Set([2022]));
  });

  it("a rank's whole counts places of the kind of the document's own area, when it is one of the columns", () => {
    const candidates = extract(doc, new DocumentFile(doc.file)).candidates;
    expect(candidates.filter((c) => c.cell === 'E3').map((c) => [c.value, c.unit, c.label])).toEqual([
      [7, 'rank', 'Công tác thử nghiệm Mây Thứ hạng'],
      [40, 'count:tỉnh', 'Công tác thử nghiệm Mây Thứ hạng'],
    ]);
    expect(candidates.filter((c) => c.cell === 'C3').map((c) => c.label)).toEqual([
      'Công tác thử nghiệm Mây Điểm số',
      'Công tác thử nghiệm Mây Điểm số tối đa',
    ]);
    const elsewhere = { ...doc, metadata: { ...META, area: 'tỉnh Đồi', province: 'Đồi' } };
    expect(
      extract(elsewhere, new DocumentFile(doc.file))
        .candidates.filter((c) => c.cell === 'E3')
        .map((c) => c.unit),
    ).toEqual(['rank']);
  });
});

describe('a statistics sheet: title, unit line, periods in a header split over rows, rows under their parents', () => {
  it('reads quarters and running totals with the unit of the line above the header', () => {
    const doc = sheetDoc([
      [['A1', '7. Giá trị sản xuất theo giá hiện hành']],
      [['F3', 'Tỷ đồng']],
      [
        ['C4', 'Sơ bộ'],
        ['D4', 'Ước tính'],
        ['E4', 'Cộng dồn'],
        ['F4', 'Cơ cấu (%)'],
      ],
      [
        ['C5', 'quý II'],
        ['D5', 'quý III'],
        ['E5', 'cả năm'],
        ['F5', 'Cả'],
      ],
      [
        ['C6', 'năm'],
        ['D6', 'năm'],
        ['E6', 2021],
        ['F6', 'năm'],
      ],
      [
        ['C7', 2021],
        ['D7', 2021],
        ['F7', 2021],
      ],
      [
        ['A9', 'TỔNG SỐ'],
        ['C9', 1200.5],
        ['D9', 1300],
        ['E9', 4800.25],
        ['F9', 100],
      ],
      [
        ['B10', 'Ngành thử'],
        ['C10', 300],
        ['D10', 310],
        ['E10', 1200],
        ['F10', 25],
      ],
    ]);
    const values = tableValues(doc, new DocumentFile(doc.file)).map(brief);
    expect(values.slice(0, 4)).toEqual([
      {
        cell: 'C9',
        label: 'TỔNG SỐ',
        path: '',
        subject: '',
        unit: 'VND',
        multiplier: 9,
        kind: 'actual',
        year: 2021,
        period: '2021-Q2',
        whole: false,
        value: 1200.5,
      },
      {
        cell: 'D9',
        label: 'TỔNG SỐ',
        path: '',
        subject: '',
        unit: 'VND',
        multiplier: 9,
        kind: 'estimate',
        year: 2021,
        period: '2021-Q3',
        whole: false,
        value: 1300,
      },
      {
        cell: 'E9',
        label: 'TỔNG SỐ',
        path: '',
        subject: '',
        unit: 'VND',
        multiplier: 9,
        kind: 'cumulative',
        year: 2021,
        period: null,
        whole: false,
        value: 4800.25,
      },
      {
        cell: 'F9',
        label: 'TỔNG SỐ',
        path: '',
        subject: 'Cơ cấu',
        unit: 'percent',
        multiplier: 0,
        kind: 'share',
        year: 2021,
        period: null,
        whole: false,
        value: 100,
      },
    ]);
    expect(values).toHaveLength(8);
  });

  it('takes units from row labels, puts measure rows under the row above them, and carries a unit to its parts', () => {
    const doc = sheetDoc([
      [['A1', '9. Diện tích và sản lượng cây thử']],
      [
        ['B3', 'Năm 2020'],
        ['C3', 'Ước tính năm 2021'],
        ['D3', 'Năm 2021 so với năm 2020 (%)'],
      ],
      [['A4', '1. Cây có hạt']],
      [['A5', 'Cây thử nhất']],
      [
        ['A6', 'Diện tích (Nghìn ha)'],
        ['B6', 12.5],
        ['C6', 13],
        ['D6', 104],
      ],
      [
        ['A7', 'Năng suất (Tạ/ha)'],
        ['B7', 50.1],
        ['C7', 51.2],
        ['D7', 102.2],
      ],
      [
        ['A8', 'Tổng sản lượng cây'],
        ['B8', 'x'],
      ],
      [
        ['A9', 'có hạt (Nghìn tấn)'],
        ['B9', 70],
        ['C9', 72],
        ['D9', 102.86],
      ],
      [
        ['A10', 'Cây thử nhất'],
        ['B10', 60],
        ['C10', 61],
        ['D10', 101.67],
      ],
      [
        ['A11', 'Tỷ số thử (Số nam/100 nữ)'],
        ['B11', 99.1],
        ['C11', 99.3],
        ['D11', 100.2],
      ],
    ]);
    const values = tableValues(doc, new DocumentFile(doc.file));
    const at = (cell: string) => values.find((v) => v.cell === cell);
    expect(at('B6')).toMatchObject({ label: 'Diện tích', labelPath: ['Cây có hạt', 'Cây thử nhất'], unit: 'ha', multiplier: 3, kind: 'actual', year: 2020 });
    expect(at('C7')).toMatchObject({ label: 'Năng suất', labelPath: ['Cây có hạt', 'Cây thử nhất'], unit: 'quintal_per_ha', kind: 'estimate', year: 2021 });
    expect(at('D7')).toMatchObject({ unit: 'percent', kind: 'growth', year: 2021 });
    expect(at('B9')).toMatchObject({ label: 'Tổng sản lượng cây có hạt', unit: 'tonne', multiplier: 3 });
    expect(at('B10')).toMatchObject({ label: 'Cây thử nhất', unit: 'tonne', multiplier: 3 });
    expect(at('B11')).toMatchObject({ label: 'Tỷ số thử', unit: 'count:nam/100 nữ' });
  });
});

describe('a sheet whose header words run over several rows', () => {
  it('joins the rows over the value columns to the header, and a comparison split over rows keeps its kind and year', () => {
    const doc = sheetDoc([
      [['A1', '3. Hàng hóa thử']],
      [['C2', 'Tấn; Nghìn USD']],
      [
        ['C3', 'Sơ bộ năm 2022'],
        ['D3', 'Sơ bộ năm 2022'],
        ['E3', 'Năm 2022'],
      ],
      [
        ['C4', 'Lượng'],
        ['D4', 'Trị giá'],
        ['E4', 'so với'],
      ],
      [
        ['C5', 'hàng'],
        ['D5', 'hàng'],
        ['E5', 'năm trước (%)'],
      ],
      [
        ['A6', 'TỔNG SỐ'],
        ['C6', 410.5],
        ['D6', 2250.75],
        ['E6', 104.2],
      ],
      [
        ['A7', 'Hàng thử'],
        ['C7', 20],
        ['D7', 150],
        ['E7', 98.1],
      ],
    ]);
    const values = tableValues(doc, new DocumentFile(doc.file));
    expect(values.filter((v) => v.label === 'TỔNG SỐ').map((v) => [v.cell, v.unit, v.multiplier, v.kind, v.year, v.columnSubject.join(' ')])).toEqual([
      ['C6', 'tonne', 0, 'actual', 2022, 'Lượng hàng'],
      ['D6', 'USD', 3, 'actual', 2022, 'Trị giá hàng'],
      ['E6', 'percent', 0, 'growth', 2022, ''],
    ]);
  });
});

describe('units as tables write them', () => {
  it.each([
    ['Nghìn ha', 'ha', 3],
    ['Tạ/ha', 'quintal_per_ha', 0],
    ['Nghìn tấn', 'tonne', 3],
    ['Tỷ đồng', 'VND', 9],
    ['Nghìn người', 'count:người', 3],
    ['%', 'percent', 0],
    ['‰', 'permille', 0],
    ['(%)', 'percent', 0],
    ['Số nam/100 nữ', 'count:nam/100 nữ', 0],
    ['Số con/phụ nữ', 'count:con/phụ nữ', 0],
    ['Tuổi', 'year', 0],
    ['Ban Gió', null, 0],
    ['THỰC TẾ', null, 0],
  ] as const)('%j → %s ×10^%d', (text, unit, multiplier) => {
    expect(readUnit(text)).toEqual({ unit, multiplier });
  });
});
