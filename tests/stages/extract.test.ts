import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { extract } from '../../pipeline/stages/extract.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import type { DocumentModel } from '../../schema/document.ts';

/** A one-paragraph report of 2023 results, so each case reads a sentence as section A would. */
function read(sentence: string) {
  const d: DocumentModel = {
    file: 't.txt',
    sha256: 'c'.repeat(64),
    format: 'text',
    blocks: [
      { index: 0, kind: 'paragraph', text: 'Phong Thổ, ngày 08 tháng 12 năm 2023' },
      { index: 1, kind: 'paragraph', text: 'BÁO CÁO' },
      { index: 2, kind: 'paragraph', text: 'Tình hình thực hiện năm 2023 và Kế hoạch năm 2024' },
      { index: 3, kind: 'paragraph', text: 'A. KẾT QUẢ THỰC HIỆN NĂM 2023' },
      { index: 4, kind: 'paragraph', text: sentence },
    ],
    footnotesLinked: true,
    messages: [],
  };
  const file = new DocumentFile(d.file);
  return extract(segment(d, file), file).candidates.map((c) => ({
    value: c.value,
    unit: c.unit,
    kind: c.kind,
    year: c.year,
    label: c.label,
    related: c.relatesTo !== null,
    qualifier: c.quantity.qualifier,
  }));
}

describe('extract stage: what a number is', () => {
  it.each([
    [
      'Số lao động được đào tạo nghề trong năm 1.260/1.200 người, đạt 105% kế hoạch.',
      [
        { value: 1260, kind: 'actual', unit: 'count:người' },
        { value: 1200, kind: 'plan', unit: 'count:người' },
        { value: 105, kind: 'share_of_plan', related: true },
      ],
    ],
    [
      'Giá trị nhập khẩu đạt 25 triệu USD, giảm 28,57% so với cùng kỳ.',
      [
        { value: 25, unit: 'USD', kind: 'actual' },
        { value: -28.57, unit: 'percent', kind: 'growth', related: true },
      ],
    ],
    [
      'Diện tích khoai sọ 492,1ha (tăng 258ha so với cùng kỳ năm trước).',
      [
        { value: 492.1, kind: 'actual' },
        { value: 258, unit: 'ha', kind: 'change', related: true },
      ],
    ],
    [
      'Tổng lượt khách du lịch tăng 14,2% (vượt 6,2%KH).',
      [
        { value: 14.2, kind: 'growth' },
        { value: 6.2, kind: 'over_plan' },
      ],
    ],
    [
      'Số người tham gia bảo hiểm y tế 81.012 người (cùng kỳ 79.000 người).',
      [
        { value: 81012, kind: 'actual', year: 2023 },
        { value: 79000, kind: 'previous', year: 2022 },
      ],
    ],
    ['Lũy kế tổng diện tích trồng cây dược liệu 18,469ha.', [{ value: 18.469, kind: 'cumulative' }]],
    [
      'Sản lượng ước đạt 30.800 tấn, đạt 100% kế hoạch giao.',
      [
        { value: 30800, kind: 'estimate' },
        { value: 100, kind: 'share_of_plan' },
      ],
    ],
    ['Tỷ lệ hộ sử dụng điện lưới quốc gia 99,8 (đạt KH).', [{ value: 99.8, unit: 'percent', kind: 'actual' }]],
    [
      'Sản lượng ước đạt 870,2 tấn đạt 101,1 Kế hoạch giao.',
      [
        { value: 870.2, kind: 'estimate' },
        { value: 101.1, unit: 'percent', kind: 'share_of_plan' },
      ],
    ],
    ['Thu ngân sách chiếm 45% tổng thu.', [{ value: 45, unit: 'percent', kind: 'share' }]],
    ['Kế hoạch vốn giao trong năm 2023 là 360.086 triệu đồng.', [{ value: 360086, unit: 'VND', kind: 'plan', year: 2023 }]],
    ['Ước giá trị thiệt hại khoảng 908,94 triệu đồng.', [{ value: 908.94, kind: 'estimate', qualifier: 'about' }]],
  ])('%s', (sentence, expected) => {
    const got = read(sentence);
    expect(got).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(got[i], `#${i}`).toMatchObject(e);
  });

  it('takes the subject from the topic before a colon and keeps it across clauses', () => {
    const got = read('Cây lúa: Diện tích gieo trồng 4.623,3ha đạt 100,8% so với kế hoạch; năng suất 47,85tạ/ha; sản lượng 22.123,83 tấn.');
    expect(got.map((g) => g.label)).toEqual(['Cây lúa – Diện tích gieo trồng', 'Cây lúa – Diện tích gieo trồng', 'Cây lúa – năng suất', 'Cây lúa – sản lượng']);
  });

  it('names a counted thing by the words after the number', () => {
    const got = read('Triển khai trồng mới 337,3ha cây Dong riêng, 113ha cây Mía; 20.000 chậu địa lan.');
    expect(got[0]!.label).toMatch(/^cây Dong riêng – Triển khai trồng mới/);
    expect(got.slice(1).map((g) => g.label)).toEqual(['cây Mía (diện tích)', 'chậu địa lan']);
  });
});
