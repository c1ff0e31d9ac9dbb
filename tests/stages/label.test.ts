import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { extract } from '../../pipeline/stages/extract.ts';
import {
  baseAfter,
  clauseSubject,
  contentWords,
  headingLabel,
  headWords,
  isFragment,
  phraseBefore,
  saysSomething,
  tidyLabel,
} from '../../pipeline/stages/label.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import type { DocumentModel } from '../../schema/document.ts';

/** Invented wording in the style of the reports: no sentence of a real document. */
describe('label rules', () => {
  it.each([
    ['Trong tháng, số giống cây phát ra', 'số giống cây phát ra'],
    ['Từ ngày 02/4/2030 đến nay, Trạm kiểm dịch tiếp nhận', 'Trạm kiểm dịch tiếp nhận'],
    ['Tính đến ngày 12/9/2030, toàn tỉnh đã cấp giấy phép', 'đã cấp giấy phép'],
    ['Theo đó, giấy phép bay', 'giấy phép bay'],
    ['quý, cấp mới', 'cấp mới'],
    ['Tổng chi đầu tư đến ngày 14/6/2030', 'Tổng chi đầu tư'],
    ['mô hình đã thực hiện', 'mô hình đã thực hiện'],
    ['cấp lại chứng chỉ', 'cấp lại chứng chỉ'],
    ['số hộ dùng nước sạch tính đến nay', 'số hộ dùng nước sạch'],
    ['chứng nhận lưu hành và', 'chứng nhận lưu hành'],
    ['và bản đồ số của', 'bản đồ số'],
    ['ngân sách cấp trên', 'ngân sách cấp trên'],
    ['đang xây dựng trạm bơm', 'đang xây dựng trạm bơm'],
    ['hồ chứa – cùng kỳ', 'hồ chứa – cùng kỳ'],
    ['hộ nuôi ong và – tổ ong', 'hộ nuôi ong – tổ ong'],
  ])('tidyLabel(%j) = %j', (label, expected) => {
    expect(tidyLabel(label)).toBe(expected);
  });

  it.each([
    ['trên tổng số giờ bay', true],
    ['so với cùng kỳ', true],
    ['năm 2030', true],
    ['và', true],
    ['trạm quan trắc', false],
    ['số giờ bay', false],
  ])('isFragment(%j) = %s', (label, expected) => {
    expect(isFragment(label)).toBe(expected);
  });

  it.each([
    ['(3) Trong quý, kiểm định thiết bị nâng tại các xưởng cơ khí đạt ', 'kiểm định thiết bị nâng tại các xưởng cơ khí'],
    ['- Tỷ lệ giếng khoan được trám lấp là ', 'Tỷ lệ giếng khoan được trám lấp'],
    ['b) Đối với hệ thống đê bao: chiều dài kè mới đạt ', 'chiều dài kè mới'],
    ['Hiện nay, đã ', ''],
    ['tăng ', ''],
  ])('clauseSubject(%j) = %j', (clause, expected) => {
    expect(clauseSubject(clause)).toBe(expected);
  });

  it.each([
    ['Bảo đảm không vượt quá định mức phương tiện chuyên dùng ', 'định mức phương tiện chuyên dùng'],
    ['Số xe đạt 45% trên tổng số xe kiểm định ', ''],
    ['bến thủy nội địa ', 'bến thủy nội địa'],
  ])('phraseBefore(%j) = %j', (text, expected) => {
    expect(phraseBefore(text)).toBe(expected);
  });

  it.each([
    ['một hai ba', 3, 'một hai ba'],
    ['trạm bơm của các xã và', 3, 'trạm bơm'],
    ['trạm bơm tưới tiêu nội đồng', 4, 'trạm bơm tưới tiêu'],
  ])('headWords(%j, %i) = %j', (label, n, expected) => {
    expect(headWords(label, n)).toBe(expected);
  });

  it.each([
    ['trên tổng chi phí và – lượt', ['chi', 'phi', 'luot']],
    ['năm 2030 – 45/63', []],
    ['Số hộ nuôi ong', ['ho', 'nuoi', 'ong']],
  ])('contentWords(%j)', (label, expected) => {
    expect(contentWords(label)).toEqual(expected);
  });

  it.each([
    [' dự toán cấp trên, bằng 90%', 'dự toán cấp trên'],
    ['* so với chỉ tiêu phấn đấu tăng 12%', 'chỉ tiêu phấn đấu'],
    [' kế hoạch giao', ''],
    [' so với chỉ tiêu đề ra.', ''],
    [' so với cùng kỳ', ''],
  ])('baseAfter(%j) = %j', (after, expected) => {
    expect(baseAfter(after)).toBe(expected);
  });

  it.each([
    ['2. Kết quả kiểm định phương tiện thủy (phần thứ hai):', 'Kết quả kiểm định phương tiện thủy'],
    ['II. Phát triển thủy lợi; nước sạch nông thôn', 'Phát triển thủy lợi'],
    ['a) Đánh giá qua khảo sát ý kiến hộ dân, tổ chức tại các bến thủy nội địa trên tuyến sông', 'Đánh giá qua khảo sát ý kiến hộ dân'],
  ])('headingLabel(%j) = %j', (heading, expected) => {
    expect(headingLabel(heading)).toBe(expected);
  });

  it.each([
    ['trạm bơm', true],
    ['– tấn', false],
    ['10,00 8,16', false],
    ['Theo đó – lần', false],
  ])('saysSomething(%j) = %s', (label, expected) => {
    expect(saysSomething(label)).toBe(expected);
  });
});

function labels(sentence: string, ...more: string[]): { value: number; label: string }[] {
  const d: DocumentModel = {
    file: 't.txt',
    sha256: 'd'.repeat(64),
    format: 'text',
    blocks: [
      { index: 0, kind: 'paragraph', text: 'Hòa Bình, ngày 08 tháng 12 năm 2030' },
      { index: 1, kind: 'paragraph', text: 'BÁO CÁO' },
      { index: 2, kind: 'paragraph', text: 'Kết quả thực hiện năm 2030' },
      { index: 3, kind: 'paragraph', text: 'I. KẾT QUẢ THỰC HIỆN' },
      { index: 4, kind: 'paragraph', text: sentence },
      ...more.map((text, i) => ({ index: 5 + i, kind: 'paragraph' as const, text })),
    ],
    footnotesLinked: true,
    messages: [],
  };
  const file = new DocumentFile(d.file);
  return extract(segment(d, file), file).candidates.map((c) => ({ value: c.value, label: c.label }));
}

describe('labels a reader would write, from the sentence', () => {
  it.each([
    // two shares of one figure read apart by the base the report names
    [
      'Tổng chi thường xuyên đến ngày 14/6/2030 đạt 812,4 tỷ đồng, bằng 61,2% dự toán cấp trên, bằng 58,7% dự toán huyện giao.',
      58.7,
      ['tong chi thuong xuyen', 'du toan huyen giao'],
    ],
    // a part that repeats its whole's counted noun takes the words that say which whole
    [
      'Trong quý, tiếp nhận 2.410 hồ sơ đăng ký tàu cá, trong đó: 1.980 hồ sơ đã cấp giấy chứng nhận.',
      1980,
      ['ho so dang ky tau ca', 'da cap giay chung nhan'],
    ],
    // what is counted ends before `trong đó`
    ['Kiểm tra 45 cơ sở sơ chế, trong đó xử lý vi phạm 9 cơ sở.', 45, ['co so so che']],
    // the words before the second item of a list are the first item's
    ['Trong tháng, cấp 1.240 giấy phép lái xe hạng A và 310 giấy phép lái xe hạng C.', 310, ['giay phep lai xe hang c']],
    // a bare measure after a figure of its sentence is that figure's
    ['Số hồ sơ cấp xã đã giải quyết 4.120 hồ sơ, tỷ lệ 96,5%.', 96.5, ['ty le', 'ho so cap xa']],
    // a pair in a parenthesis after a share: the clause's subject, not the base of the share before it
    [
      '(4) Trong tháng, kiểm định xe cơ giới tại các trạm đăng kiểm đạt 61,5% trên tổng số xe và đạt 47% trên tổng lượt kiểm định (3.120/6.640 lượt).',
      3120,
      ['kiem dinh xe co gioi', 'luot'],
    ],
    // a parenthesis that glosses the phrase before it
    ['Bảo đảm không vượt quá định mức lao động hợp đồng (412/450 người).', 412, ['dinh muc lao dong hop dong']],
    // a rate that opens its clause: the share of what follows it doing what follows
    ['Theo đó, 100% giếng khoan trên địa bàn tỉnh được trám lấp đúng quy trình.', 100, ['gieng khoan', 'tram lap']],
    // the words of a phrase run on across emphasis marks
    ['Trong quý, cấp mới 2.140 giấy phép* *lái xe hạng B.', 2140, ['giay phep', 'lai xe']],
    // a long subject keeps its head
    [
      'Kiểm kê diện tích rừng phòng hộ đầu nguồn, rừng đặc dụng, rừng sản xuất của các ban quản lý và các hộ nhận khoán bảo vệ trên hệ thống bản đồ số đạt 87,5%.',
      87.5,
      ['kiem ke dien tich rung phong ho'],
    ],
  ])('%s', (sentence, value, wanted) => {
    const got = labels(sentence).find((c) => c.value === value);
    expect(got, JSON.stringify(labels(sentence))).toBeDefined();
    const have = ` ${contentWordsAll(got!.label)} `;
    for (const w of wanted) expect(have, got!.label).toContain(` ${w} `);
    expect(isFragment(got!.label), got!.label).toBe(false);
    expect(got!.label.split(' ').length).toBeLessThanOrEqual(24);
    expect(got!.label).not.toMatch(/trong đó|hạng A/u);
  });
});

const contentWordsAll = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');

describe('labels inherited from a lead-in sentence by the bullets under it', () => {
  it.each([
    [
      ['Kết quả kiểm định phương tiện thủy nội địa, cụ thể như sau:', '- Đợt đầu: 214 lượt.', '- Đợt sau: 187 lượt.'],
      187,
      ['kiem dinh phuong tien thuy noi dia'],
    ],
    [['Tình hình cấp phép khai thác nước ngầm gồm:', '+ Cấp mới: 12 giấy phép.'], 12, ['cap phep khai thac nuoc ngam']],
  ])('%j', (blocks, value, wanted) => {
    const got = labels(blocks[0]!, ...blocks.slice(1)).find((c) => c.value === value);
    expect(got).toBeDefined();
    const have = ` ${contentWordsAll(got!.label)} `;
    for (const w of wanted) expect(have, got!.label).toContain(` ${w} `);
  });

  it('a paragraph that is no bullet ends the list', () => {
    const got = labels('Kết quả kiểm định phương tiện thủy nội địa như sau:', 'Nhìn chung công tác được duy trì.', '- Đợt đầu: 214 lượt.').find(
      (c) => c.value === 214,
    );
    expect(got?.label).not.toMatch(/kiểm định/u);
  });
});
