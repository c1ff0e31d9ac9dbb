/**
 * The table of the Vietnamese quantity grammar: texts and what `findQuantities` must find in them.
 *
 * Data only. Every case is run by quantity-grammar.test.ts as written, in NFD and with non-breaking
 * spaces between numbers and units.
 *
 * A field left out of an expectation is one that GLOSSARY.md and the conventions of the grammar leave
 * open, so it is not checked. The test fills in what the conventions do decide when a field is absent:
 * `ratio` null, `qualifier` null, `footnotes` [] (only when the text holds no superscript digit outside
 * m²/m³), `anomalies` [] (only when the unit is known), `unitText` null for a bare number.
 * `unit` given as a list accepts any of its codes: used where the unit table's longer noun
 * (`hộ gia đình`, `suất quà`) and the noun of the brief (`hộ`, `suất`) are both defensible.
 */

export type UnitExpectation = string | null | readonly string[];

export interface ExpectedQuantity {
  value?: number;
  unit?: UnitExpectation;
  multiplier?: number;
  qualifier?: 'about' | 'over' | 'under' | 'nearly' | null;
  footnotes?: readonly number[];
  raw?: string;
  unitText?: string | null;
  decimals?: number;
  /** position in an `a/b` pair; null for a quantity that is not half of a pair */
  ratio?: 0 | 1 | null;
  /** anomaly codes that must be present */
  anomalies?: readonly string[];
}

export interface GrammarCase {
  text: string;
  expected: readonly ExpectedQuantity[];
  /** where the text comes from: `glossary`, `conventions`, `seed000:LINE`, `seed001:LINE` */
  source: string;
  /** conventions whose defaults this case leaves open (see the header) */
  open?: ReadonlyArray<'ratio' | 'qualifier' | 'footnotes' | 'anomalies'>;
  note?: string;
}

const NONE: readonly ExpectedQuantity[] = [];

// ---------------------------------------------------------------------------------------------
// GLOSSARY.md, every example that holds a digit (normalize-cli.test.ts checks this list is complete).
// ---------------------------------------------------------------------------------------------
export const GLOSSARY_CASES: readonly GrammarCase[] = [
  { source: 'glossary', text: '8.396,5', expected: [{ value: 8396.5, unit: null, multiplier: 0, decimals: 1, raw: '8.396,5' }] },
  { source: 'glossary', text: '36.595,83', expected: [{ value: 36595.83, unit: null, multiplier: 0, decimals: 2, raw: '36.595,83' }] },
  { source: 'glossary', text: '1.473,474 tỷ đồng', expected: [{ value: 1473.474, unit: 'VND', multiplier: 9, decimals: 3, unitText: 'tỷ đồng', raw: '1.473,474 tỷ đồng' }] },
  { source: 'glossary', text: '7.367.800 triệu đồng', expected: [{ value: 7367800, unit: 'VND', multiplier: 6, decimals: 0, unitText: 'triệu đồng', raw: '7.367.800 triệu đồng' }] },
  { source: 'glossary', text: '04 xã', expected: [{ value: 4, unit: 'count:xã', multiplier: 0, raw: '04 xã' }] },
  { source: 'glossary', text: '03 vụ', expected: [{ value: 3, unit: 'count:vụ', multiplier: 0, raw: '03 vụ' }] },
  { source: 'glossary', text: '01/38', expected: [{ value: 1, unit: null, multiplier: 0, ratio: 0, raw: '01' }, { value: 38, unit: null, multiplier: 0, ratio: 1, raw: '38' }] },
  { source: 'glossary', text: '99,8', expected: [{ value: 99.8, unit: null, multiplier: 0, unitText: null }] },
  { source: 'glossary', text: '96,5', expected: [{ value: 96.5, unit: null, multiplier: 0, unitText: null }] },
  { source: 'glossary', text: '1601, 61 gam', note: 'a stray space inside the number: read it, and say so', expected: [{ value: 1601.61, unit: 'g', multiplier: 0, raw: '1601, 61 gam', anomalies: ['split_number'] }] },
  { source: 'ocr', text: 'tiếp nhận 45. 318 hồ sơ', note: 'a thousands dot followed by a stray space: read it, and say so', expected: [{ value: 45318, unit: 'count:hồ sơ', multiplier: 0, raw: '45. 318 hồ sơ', anomalies: ['split_number'] }] },
  { source: 'ocr', text: 'khớp 2.417. 530 trường hợp', expected: [{ value: 2417530, unit: 'count:trường hợp', multiplier: 0, anomalies: ['split_number'] }] },
  { source: 'ocr', text: 'năm 2024. 318 hồ sơ', note: 'a year is no head of a group', expected: [{ value: 318, unit: 'count:hồ sơ', multiplier: 0 }] },
  { source: 'ocr', text: 'có 12. 100 ý kiến', note: 'no known unit after the group: two numbers', expected: [{ value: 12, unit: null, multiplier: 0 }, { value: 100, unit: 'count:ý kiến', multiplier: 0 }] },
  { source: 'ocr', text: 'cấp 6 815 tài khoản', note: 'a space alone is no separator', expected: [{ value: 6, unit: null, multiplier: 0 }, { value: 815, unit: 'count:tài khoản', multiplier: 0 }] },
  { source: 'glossary', text: '272.283.000 đồng', expected: [{ value: 272283000, unit: 'VND', multiplier: 0, unitText: 'đồng' }] },
  { source: 'glossary', text: '24/24h', note: 'around the clock', expected: NONE },
  { source: 'glossary', text: '2.500m²', expected: [{ value: 2500, unit: 'm2', multiplier: 0, footnotes: [], raw: '2.500m²' }] },
  { source: 'glossary', text: '250m³', expected: [{ value: 250, unit: 'm3', multiplier: 0, footnotes: [], raw: '250m³' }] },
  { source: 'glossary', text: '1.179ha⁴', expected: [{ value: 1179, unit: 'ha', multiplier: 0, footnotes: [4], raw: '1.179ha' }] },
  { source: 'glossary', text: 'ISO 9001:2015', expected: NONE },
  { source: 'glossary', text: '712/BC-UBND', expected: NONE },
  { source: 'glossary', text: '01/02/2023', expected: NONE },
  { source: 'glossary', text: '180 nghìn lượt', expected: [{ value: 180, unit: 'count:lượt', multiplier: 3, unitText: 'nghìn lượt', raw: '180 nghìn lượt' }] },
  { source: 'glossary', text: '17 triệu viên', expected: [{ value: 17, unit: 'count:viên', multiplier: 6, unitText: 'triệu viên' }] },
  { source: 'glossary', text: '47,85tạ/ha', expected: [{ value: 47.85, unit: 'quintal_per_ha', multiplier: 0, unitText: 'tạ/ha', raw: '47,85tạ/ha' }] },
  { source: 'glossary', text: 'đạt 100,43% so với kế hoạch', expected: [{ value: 100.43, unit: 'percent', multiplier: 0, raw: '100,43%' }] },
  { source: 'glossary', text: 'đạt 100%KH', expected: [{ value: 100, unit: 'percent', multiplier: 0, raw: '100%' }] },
  { source: 'glossary', text: 'vượt 30,82%KH', expected: [{ value: 30.82, unit: 'percent', multiplier: 0, raw: '30,82%' }] },
  { source: 'glossary', text: 'vượt 0,58% KH', expected: [{ value: 0.58, unit: 'percent', multiplier: 0, raw: '0,58%' }] },
  { source: 'glossary', text: '5,88%/5,3%', expected: [{ value: 5.88, unit: 'percent', multiplier: 0, ratio: 0, raw: '5,88%' }, { value: 5.3, unit: 'percent', multiplier: 0, ratio: 1, raw: '5,3%' }] },
  { source: 'glossary', text: 'vượt 0,58%', expected: [{ value: 0.58, unit: 'percent', multiplier: 0 }] },
  { source: 'glossary', text: 'tăng 1,16% so với năm trước', expected: [{ value: 1.16, unit: 'percent', multiplier: 0 }] },
  { source: 'glossary', text: 'giảm 28,57% so với cùng kỳ', note: 'the grammar reads the number as written; signing a fall is the fact layer’s job', expected: [{ value: 28.57, unit: 'percent', multiplier: 0 }] },
  { source: 'glossary', text: 'tăng 16,8ha so với cùng kỳ', expected: [{ value: 16.8, unit: 'ha', multiplier: 0, raw: '16,8ha' }] },
  { source: 'glossary', text: '3.743,50ha/3.750', expected: [{ value: 3743.5, unit: 'ha', multiplier: 0, decimals: 2, ratio: 0, raw: '3.743,50ha' }, { value: 3750, unit: 'ha', multiplier: 0, ratio: 1, raw: '3.750' }] },
  { source: 'glossary', text: '168/170 (thôn, bản)', note: 'the noun sits in parentheses: its unit is left open', expected: [{ value: 168, multiplier: 0, ratio: 0 }, { value: 170, multiplier: 0, ratio: 1 }] },
  { source: 'glossary', text: '25/51 trường', expected: [{ value: 25, unit: 'count:trường', multiplier: 0, ratio: 0 }, { value: 51, unit: 'count:trường', multiplier: 0, ratio: 1 }] },
  { source: 'glossary', text: '864/1506 học sinh đạt 57,3%', expected: [{ value: 864, unit: 'count:học sinh', multiplier: 0, ratio: 0 }, { value: 1506, unit: 'count:học sinh', multiplier: 0, ratio: 1 }, { value: 57.3, unit: 'percent', multiplier: 0 }] },
  { source: 'glossary', text: '27/15 người, đạt 180% kế hoạch', expected: [{ value: 27, unit: 'count:người', multiplier: 0, ratio: 0, raw: '27' }, { value: 15, unit: 'count:người', multiplier: 0, ratio: 1, raw: '15 người' }, { value: 180, unit: 'percent', multiplier: 0 }] },
  { source: 'glossary', text: '(cùng kỳ 30.000 người)', expected: [{ value: 30000, unit: 'count:người', multiplier: 0, raw: '30.000 người' }] },
  { source: 'glossary', text: 'so với năm 2022', expected: NONE },
  { source: 'glossary', text: 'đến hết năm 2023', expected: NONE },
  { source: 'glossary', text: 'giai đoạn 2021-2025', expected: NONE },
  { source: 'glossary', text: 'Số: 712/BC-UBND', expected: NONE },
  { source: 'glossary', text: 'Phong Thổ, ngày 08 tháng 12 năm 2023', expected: NONE },
  { source: 'glossary', text: '1.1.1.', note: 'a heading number', expected: NONE },
  { source: 'glossary', text: '(1).', note: 'a heading number', expected: NONE },
];

// ---------------------------------------------------------------------------------------------
// The conventions of the brief: shapes the seeds hold once or not at all.
// ---------------------------------------------------------------------------------------------
export const CONVENTION_CASES: readonly GrammarCase[] = [
  // not quantities
  { source: 'conventions', text: '20/12/2022', expected: NONE },
  { source: 'conventions', text: 'ngày 08 tháng 12 năm 2023', expected: NONE },
  { source: 'conventions', text: 'ngày  tháng 12 năm 2023', note: 'the day left blank in a draft', expected: NONE },
  { source: 'conventions', text: 'tháng 03', expected: NONE },
  { source: 'conventions', text: 'tháng 6', expected: NONE },
  { source: 'conventions', text: '12/2023', expected: NONE },
  { source: 'conventions', text: 'năm 2023', expected: NONE },
  { source: 'conventions', text: '2021-2025', expected: NONE },
  { source: 'conventions', text: 'Lúa Đông xuân 2022-2023', expected: NONE },
  { source: 'conventions', text: '2023', expected: NONE },
  { source: 'conventions', text: '1950', note: 'the lower end of the bare-year range', expected: NONE },
  { source: 'conventions', text: '2100', note: 'the upper end of the bare-year range', expected: NONE },
  { source: 'conventions', text: '96/NQ-HĐND', expected: NONE },
  { source: 'conventions', text: 'Nghị quyết 08', expected: NONE },
  { source: 'conventions', text: 'Nghị quyết số 07/2021/NQ-HĐND', expected: NONE },
  { source: 'conventions', text: '24/24 giờ', expected: NONE },
  { source: 'conventions', text: '1.1.2. Sản xuất', expected: NONE },
  { source: 'conventions', text: '(1). Tổng', expected: NONE },
  { source: 'conventions', text: '2. Thiệt hại', expected: NONE },
  { source: 'conventions', text: '(1)', expected: NONE },
  { source: 'conventions', text: 'các nội dung (1) và (2) đã hoàn thành', note: 'enumerators inside parentheses', expected: NONE },
  { source: 'conventions', text: 'phòng chống dịch COVID-19 trên địa bàn', expected: NONE },
  { source: 'conventions', text: 'giám sát dịch cúm gia cầm H5N1', expected: NONE },
  // qualifiers: only the word right before the number
  { source: 'conventions', text: 'khoảng 80 triệu đồng', expected: [{ value: 80, unit: 'VND', multiplier: 6, qualifier: 'about', raw: '80 triệu đồng' }] },
  { source: 'conventions', text: 'gần 7.120 nghìn bệnh nhân', expected: [{ value: 7120, unit: 'count:bệnh nhân', multiplier: 3, qualifier: 'nearly', raw: '7.120 nghìn bệnh nhân' }] },
  { source: 'conventions', text: 'đạt trên 98%', expected: [{ value: 98, unit: 'percent', multiplier: 0, qualifier: 'over', raw: '98%' }] },
  { source: 'conventions', text: 'hơn 4,3 triệu từ nguồn', note: 'a scale word with no unit after it', expected: [{ value: 4.3, unit: null, multiplier: 6, qualifier: 'over', decimals: 1 }] },
  { source: 'conventions', text: 'diện tích dưới 10 ha', expected: [{ value: 10, unit: 'ha', multiplier: 0, qualifier: 'under', raw: '10 ha' }] },
  { source: 'conventions', text: 'trẻ em dưới 5 tuổi', note: 'the grammar’s exclusion list: an age qualifies who is counted, it is not a figure', expected: NONE },
  { source: 'seed000:135', text: 'gạch xây các loại 17 triệu viên', note: '`loại 17` followed by a scale word and a unit is a figure, not a grade', expected: [{ value: 17, unit: 'count:viên', multiplier: 6, raw: '17 triệu viên' }] },
  { source: 'conventions', text: 'Thu ngân sách nhà nước trên địa bàn 73,250 tỷ đồng', note: 'trên does not touch the number', expected: [{ value: 73.25, unit: 'VND', multiplier: 9, qualifier: null, decimals: 3 }] },
  // units and scale words
  { source: 'conventions', text: '40 triệu đồng/năm', expected: [{ value: 40, unit: 'VND', multiplier: 6, unitText: 'triệu đồng/năm', raw: '40 triệu đồng/năm' }] },
  { source: 'conventions', text: '6,6 triệu USD', expected: [{ value: 6.6, unit: 'USD', multiplier: 6, unitText: 'triệu USD' }] },
  { source: 'conventions', text: '81.012 nghìn người', expected: [{ value: 81012, unit: 'count:người', multiplier: 3, unitText: 'nghìn người' }] },
  { source: 'conventions', text: '37 ngàn lượt', expected: [{ value: 37, unit: 'count:lượt', multiplier: 3, unitText: 'ngàn lượt' }] },
  { source: 'conventions', text: '508 triệu KW/h', expected: [{ value: 508, unit: 'kWh', multiplier: 6, unitText: 'triệu KW/h', raw: '508 triệu KW/h' }] },
  { source: 'conventions', text: 'sản lượng điện 1.200 kw/h', expected: [{ value: 1200, unit: 'kWh', multiplier: 0 }] },
  { source: 'conventions', text: 'sản xuất điện 448 triệu kw', expected: [{ value: 448, unit: 'kW', multiplier: 6, unitText: 'triệu kw' }] },
  { source: 'conventions', text: 'tổng công suất 56,9MW', expected: [{ value: 56.9, unit: 'MW', multiplier: 0, raw: '56,9MW' }] },
  { source: 'conventions', text: 'mức giảm tỷ suất sinh 0,5‰', expected: [{ value: 0.5, unit: 'permille', multiplier: 0, raw: '0,5‰' }] },
  { source: 'conventions', text: 'kéo dài 3 tháng', expected: [{ value: 3, unit: 'month', multiplier: 0 }] },
  { source: 'conventions', text: 'trong 30 ngày', expected: [{ value: 30, unit: 'day', multiplier: 0 }] },
  { source: 'conventions', text: '11,19 tiêu chí/xã', expected: [{ value: 11.19, unit: 'count:tiêu chí/xã', multiplier: 0, unitText: 'tiêu chí/xã' }] },
  // footnote marks and unit exponents
  { source: 'conventions', text: 'Diện tích 3.773,2ha² đạt 100,08% so với kế hoạch', note: '² after ha is a footnote, not an exponent', expected: [{ value: 3773.2, unit: 'ha', multiplier: 0, footnotes: [2], raw: '3.773,2ha' }, { value: 100.08, unit: 'percent', multiplier: 0, footnotes: [] }] },
  { source: 'conventions', text: 'lũy kế 18,469ha¹⁰.', expected: [{ value: 18.469, unit: 'ha', multiplier: 0, decimals: 3, footnotes: [10], raw: '18,469ha' }] },
  { source: 'conventions', text: 'diện tích 1.221 m²', expected: [{ value: 1221, unit: 'm2', multiplier: 0, footnotes: [], raw: '1.221 m²' }] },
  { source: 'conventions', text: 'đá xây dựng 95.300 m³', expected: [{ value: 95300, unit: 'm3', multiplier: 0, footnotes: [], raw: '95.300 m³' }] },
  // ratios
  { source: 'conventions', text: '289,2ha/286ha', expected: [{ value: 289.2, unit: 'ha', multiplier: 0, ratio: 0, raw: '289,2ha' }, { value: 286, unit: 'ha', multiplier: 0, ratio: 1, raw: '286ha' }] },
  { source: 'conventions', text: '125/100ha', expected: [{ value: 125, unit: 'ha', multiplier: 0, ratio: 0, raw: '125' }, { value: 100, unit: 'ha', multiplier: 0, ratio: 1, raw: '100ha' }] },
  { source: 'conventions', text: '28.462/29.433 trẻ', expected: [{ value: 28462, unit: 'count:trẻ', multiplier: 0, ratio: 0 }, { value: 29433, unit: 'count:trẻ', multiplier: 0, ratio: 1 }] },
  { source: 'conventions', text: '1.260/1.200 người', expected: [{ value: 1260, unit: 'count:người', multiplier: 0, ratio: 0 }, { value: 1200, unit: 'count:người', multiplier: 0, ratio: 1 }] },
  { source: 'conventions', text: '27/27 cơ sở', expected: [{ value: 27, unit: 'count:cơ sở', multiplier: 0, ratio: 0 }, { value: 27, unit: 'count:cơ sở', multiplier: 0, ratio: 1 }] },
  // equalities between counts
  { source: 'conventions', text: '90 vụ = 118 đối tượng', expected: [{ value: 90, unit: 'count:vụ', multiplier: 0, raw: '90 vụ' }, { value: 118, unit: 'count:đối tượng', multiplier: 0, raw: '118 đối tượng' }] },
  { source: 'conventions', text: '08 vụ=09 đối tượng', expected: [{ value: 8, unit: 'count:vụ', multiplier: 0, raw: '08 vụ' }, { value: 9, unit: 'count:đối tượng', multiplier: 0, raw: '09 đối tượng' }] },
  // anomalies
  { source: 'conventions', text: 'tang vật 8,207.400 tấn', note: 'US-style separators: value left open, the flag is not', expected: [{ unit: 'tonne', multiplier: 0, anomalies: ['ambiguous_separator'] }] },
  { source: 'conventions', text: '8,207.400', expected: [{ anomalies: ['ambiguous_separator'] }] },
  { source: 'conventions', text: 'đạt 1.5 tỷ đồng', note: 'a decimal point typed the English way', expected: [{ unit: 'VND', multiplier: 9, anomalies: ['ambiguous_separator'] }] },
  { source: 'conventions', text: '1.5 tỷ', expected: [{ multiplier: 9, anomalies: ['ambiguous_separator'] }] },
  // spaces other than U+0020 between number and unit
  { source: 'conventions', text: '8.396,5\u00a0ha', expected: [{ value: 8396.5, unit: 'ha', multiplier: 0, raw: '8.396,5 ha' }] },
  { source: 'conventions', text: '36.595,83\u2009tấn', expected: [{ value: 36595.83, unit: 'tonne', multiplier: 0, raw: '36.595,83 tấn' }] },
  { source: 'conventions', text: '1.473,474\u202ftỷ\u00a0đồng', expected: [{ value: 1473.474, unit: 'VND', multiplier: 9, raw: '1.473,474 tỷ đồng' }] },
  { source: 'conventions', text: 'xử lý 100\u00a0%', expected: [{ value: 100, unit: 'percent', multiplier: 0, raw: '100 %' }] },
  { source: 'conventions', text: 'khoảng\u00a0180\u2009nghìn lượt bệnh nhân', expected: [{ value: 180, unit: 'count:lượt', multiplier: 3, qualifier: 'about', raw: '180 nghìn lượt' }] },
  // decomposed (NFD) text, as PDF text often arrives
  { source: 'conventions', text: '36.595,83 ta\u0302\u0301n', expected: [{ value: 36595.83, unit: 'tonne', multiplier: 0, raw: '36.595,83 tấn', unitText: 'tấn' }] },
  { source: 'conventions', text: '1.473,474 ty\u0309 \u0111o\u0302\u0300ng', expected: [{ value: 1473.474, unit: 'VND', multiplier: 9, raw: '1.473,474 tỷ đồng', unitText: 'tỷ đồng' }] },
  { source: 'conventions', text: 'khoa\u0309ng 180 nghi\u0300n lu\u031bo\u031b\u0323t ngu\u031bo\u031b\u0300i', expected: [{ value: 180, unit: 'count:lượt người', multiplier: 3, qualifier: 'about', raw: '180 nghìn lượt người' }] },
  { source: 'conventions', text: 'Sa\u0309n lu\u031bo\u031b\u0323ng \u0111a\u0323t 17.738,83 ta\u0302\u0301n, \u0111a\u0323t 101,36% so vo\u031b\u0301i ke\u0302\u0301 hoa\u0323ch', expected: [{ value: 17738.83, unit: 'tonne', multiplier: 0, raw: '17.738,83 tấn' }, { value: 101.36, unit: 'percent', multiplier: 0, raw: '101,36%' }] },
  { source: 'conventions', text: 'ga\u0302\u0300n 7.120 nghi\u0300n be\u0323\u0302nh nha\u0302n', expected: [{ value: 7120, unit: 'count:bệnh nhân', multiplier: 3, qualifier: 'nearly' }] },
  { source: 'conventions', text: '17 trie\u0323\u0302u vie\u0302n', expected: [{ value: 17, unit: 'count:viên', multiplier: 6, raw: '17 triệu viên' }] },
  { source: 'conventions', text: '47,85ta\u0323/ha', expected: [{ value: 47.85, unit: 'quintal_per_ha', multiplier: 0, raw: '47,85tạ/ha' }] },
  // counted nouns the vocabulary does not list, read by their shape (invented sentences)
  { source: 'conventions', text: 'đã đăng ký 6.120 tàu cá, 940 xe khách', note: 'two syllables up to punctuation', expected: [{ value: 6120, unit: 'count:tàu cá', raw: '6.120 tàu cá' }, { value: 940, unit: 'count:xe khách' }] },
  { source: 'conventions', text: 'cấp 3.410 tài khoản cho hộ kinh doanh', note: 'a preposition closes the noun', expected: [{ value: 3410, unit: 'count:tài khoản', raw: '3.410 tài khoản' }] },
  { source: 'conventions', text: 'có 2.118 hội viên hội phụ nữ', note: 'two syllables at most', expected: [{ value: 2118, unit: 'count:hội viên' }] },
  { source: 'conventions', text: '31 nhiệm vụ đã hoàn thành', expected: [{ value: 31, unit: 'count:nhiệm vụ', raw: '31 nhiệm vụ' }] },
  { source: 'conventions', text: '2 triệu tài khoản', note: 'after a scale word', expected: [{ value: 2, unit: 'count:tài khoản', multiplier: 6 }] },
  { source: 'conventions', text: 'giải quyết 812 hồ sơ trực tuyến/905 tổng hồ sơ tiếp nhận', note: 'the noun phrase of the part runs on to the slash', expected: [{ value: 812, unit: 'count:hồ sơ', ratio: 0, raw: '812 hồ sơ' }, { value: 905, unit: 'count:hồ sơ', ratio: 1 }] },
  { source: 'conventions', text: '1.202/1.340 tờ khai', expected: [{ value: 1202, unit: 'count:tờ khai', ratio: 0 }, { value: 1340, unit: 'count:tờ khai', ratio: 1 }] },
  { source: 'conventions', text: 'gồm 7 loại giấy tờ có thể thay thế', note: 'a classifier takes the noun after it', expected: [{ value: 7, unit: 'count:loại giấy tờ', raw: '7 loại giấy tờ' }] },
  { source: 'conventions', text: 'đăng 35 bài viết trên cổng thông tin', expected: [{ value: 35, unit: 'count:bài viết' }] },
  { source: 'conventions', text: 'đăng 12 bài viết tuyên truyền và 3 cuốn sổ tay', note: 'two syllables after a classifier only where the noun phrase ends there', expected: [{ value: 12, unit: 'count:bài viết' }, { value: 3, unit: 'count:cuốn sổ tay' }] },
  { source: 'conventions', text: 'còn 4.400 thửa đất chưa đo đạc', expected: [{ value: 4400, unit: 'count:thửa đất' }] },
  { source: 'conventions', text: 'kết nối 81 điểm cầu cấp huyện', note: '`cấp` closes the noun', expected: [{ value: 81, unit: 'count:điểm cầu' }] },
  { source: 'conventions', text: 'phát 900 phiếu khảo sát, tổ chức 6 cuộc đối thoại với', note: '`phiếu`, `cuộc` are classifiers', expected: [{ value: 900, unit: 'count:phiếu khảo sát' }, { value: 6, unit: 'count:cuộc đối thoại' }] },
  { source: 'conventions', text: 'đã tổ chức 07 cuộc kiểm tra đột xuất', note: 'a classifier of events makes a noun of the verb after it', expected: [{ value: 7, unit: 'count:cuộc kiểm tra' }] },
  { source: 'conventions', text: 'tổ chức 12 lượt kiểm tra', note: '`lượt` counts the visits themselves (GLOSSARY)', expected: [{ value: 12, unit: 'count:lượt', raw: '12 lượt' }] },
  // nouns of administration listed whole: a capital letter, three syllables, a verb inside them (invented sentences)
  { source: 'conventions', text: 'HĐND thông qua 21 Nghị quyết về phí', note: 'listed, so read whatever its case', expected: [{ value: 21, unit: 'count:nghị quyết', raw: '21 Nghị quyết' }] },
  { source: 'conventions', text: 'đã thu nhận 12.500 lượt hồ sơ cấp đổi', expected: [{ value: 12500, unit: 'count:lượt hồ sơ' }] },
  { source: 'conventions', text: 'kết nối 9 hệ thống thông tin chuyên ngành', expected: [{ value: 9, unit: 'count:hệ thống thông tin' }] },
  { source: 'conventions', text: 'cung cấp 14 dịch vụ công trực tuyến', expected: [{ value: 14, unit: 'count:dịch vụ công' }] },
  { source: 'conventions', text: 'có 11/14 cơ quan, đơn vị, tổ chức đạt loại tốt', note: 'a collective joined by commas is one noun', expected: [{ value: 11, unit: 'count:cơ quan, đơn vị, tổ chức', ratio: 0 }, { value: 14, unit: 'count:cơ quan, đơn vị, tổ chức', ratio: 1 }] },
  { source: 'conventions', text: 'kiểm tra 20 doanh nghiệp, 15 hộ kinh doanh', note: 'a number after the comma starts another item', expected: [{ value: 20, unit: 'count:doanh nghiệp' }, { value: 15, unit: 'count:hộ' }] },
  { source: 'conventions', text: 'kiểm tra 30 cơ quan đơn vị, địa phương', note: 'no comma, no collective', expected: [{ value: 30, unit: 'count:cơ quan' }] },
  { source: 'conventions', text: 'còn 9 UBND cấp xã chưa báo cáo', expected: [{ value: 9, unit: 'count:ubnd cấp xã', raw: '9 UBND cấp xã' }] },
  { source: 'conventions', text: 'sử dụng 1.210/1.300 người làm việc được giao', note: 'the public service’s term for its staff', expected: [{ value: 1210, unit: 'count:người làm việc', ratio: 0 }, { value: 1300, unit: 'count:người làm việc', ratio: 1 }] },
  { source: 'conventions', text: 'đạt 8,5 điểm chuẩn', note: 'a score is no count of things: the classifier stays alone', expected: [{ value: 8.5, unit: 'count:điểm', raw: '8,5 điểm' }] },
  { source: 'conventions', text: 'gồm 410 đăng ký mới', note: 'a verb names no counted noun', expected: [{ value: 410, unit: null }] },
  { source: 'conventions', text: 'Ban Chỉ đạo 12 tỉnh tổ chức hội nghị', note: 'a second syllable that opens a known word is not the noun’s', expected: [{ value: 12, unit: 'count:tỉnh', raw: '12 tỉnh' }] },
  { source: 'conventions', text: 'tầm nhìn năm 2035 tỉnh đạt chuẩn', note: 'a bare year takes no noun', expected: NONE },
  { source: 'conventions', text: 'trong 6 tháng cuối năm, giao 9 tháng', note: 'the months a figure covers are its period', expected: [{ value: 9, unit: 'month' }] },
  { source: 'conventions', text: '9 tháng đầu năm 2025 thu 120 tỷ đồng', expected: [{ value: 120, unit: 'VND', multiplier: 9 }] },
  { source: 'conventions', text: 'phong trào “3 sạch” ở nông thôn', note: 'a number in quotes names a campaign', expected: [{ value: 3, unit: null }] },
  { source: 'conventions', text: 'Cục C07 phê duyệt', note: 'a number glued to a letter', expected: NONE },
  { source: 'conventions', text: 'phủ sóng 4G, 5G', note: 'network generations, not grams', expected: [{ value: 4, unit: null }, { value: 5, unit: null }] },
  { source: 'conventions', text: 'thực hiện *1.250* *lượt tra cứu', note: 'emphasis closed on the number, opened on its unit', open: ['anomalies'], expected: [{ value: 1250, unit: 'count:lượt' }] },
];

// ---------------------------------------------------------------------------------------------
// seeds/000_35c0ecef09102edc.txt (the district's 2023 socio-economic report), by line.
// ---------------------------------------------------------------------------------------------
export const SEED000_CASES: readonly GrammarCase[] = [
  // header and introduction: dates, document numbers, periods, headings
  { source: 'seed000:3', text: 'Số: 712/BC-UBND', expected: NONE },
  { source: 'seed000:5', text: 'Phong Thổ, ngày 08 tháng 12 năm 2023', expected: NONE },
  { source: 'seed000:9', text: 'Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2023 và Kế hoạch năm 2024', expected: NONE },
  { source: 'seed000:11', text: 'A. KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI, ĐẢM BẢO QUỐC PHÒNG - AN NINH NĂM 2023', expected: NONE },
  { source: 'seed000:13', text: 'Căn cứ Nghị quyết số 96/NQ-HĐND ngày 20/12/2022 của HĐND huyện Phong Thổ về thông qua kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2023. Ủy ban nhân dân huyện đã tổ chức các Hội nghị triển khai giao kế hoạch năm 2023; kịp thời ban hành kế hoạch, văn bản chỉ đạo thực hiện các Nghị quyết, chỉ đạo điều hành của tỉnh; tổ chức triển khai nhiều chương trình, hoạt động nhằm quảng bá, thu hút đầu tư, phát triển du lịch; tăng cường cải cách hành chính, cải thiện môi trường đầu tư kinh doanh, đồng hành, tháo gỡ khó khăn vướng mắc cho doanh nghiệp và hỗ trợ nhân dân phát triển sản xuất; chất lượng nguồn nhân lực từng bước được cải thiện; tổng vốn đầu tư toàn xã hội tiếp tục tăng lên. Đồng thời, các chính sách, đề án, chương trình trọng điểm trong giai đoạn 2021-2025 đã và đang triển khai tổ chức thực hiện, tạo điều kiện thuận lợi để thúc đẩy sản xuất, thu hút đầu tư vào địa bàn huyện. Tuy nhiên, việc triển khai các nhiệm vụ phát triển kinh tế - xã hội trong năm 2023 vẫn còn nhiều khó khăn, thách thức đó là sự tiềm ẩn nguy cơ về dịch bệnh trên cây trồng, vật nuôi, thời tiết diễn biến thất thường như, khô hạn, nắng nóng, mưa lớn, gió lốc, giá cả nguyên, nhiên vật liệu không ổn định; khối lượng xử lý công việc ngày càng nhiều; quy mô kinh tế của huyện còn nhỏ; giá nguyên vật liệu, hàng hóa, dịch vụ tiêu dùng tăng làm ảnh hưởng đến đời sống và sản xuất của nhân dân,...', expected: NONE },
  { source: 'seed000:17', text: 'I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KT-XH NĂM 2023', expected: NONE },
  { source: 'seed000:19', text: '1. Về phát triển kinh tế', expected: NONE },
  { source: 'seed000:21', text: '1.1. Sản xuất nông – lâm nghiệp – thủy sản; xây dựng nông thôn mới; phòng chống thiên tai – tìm kiếm cứu nạn', expected: NONE },
  { source: 'seed000:23', text: '1.1.1. Sản xuất nông nghiệp', expected: NONE },
  { source: 'seed000:53', text: '1.1.2. Lâm nghiệp', expected: NONE },
  { source: 'seed000:75', text: '1.1.3. Về chăn nuôi – Thủy sản', expected: NONE },

  // 1.1.1 crops
  {
    source: 'seed000:25', open: ['footnotes'],
    text: '- *Cây lương thực có hạt*: Tổng diện tích gieo trồng cây lương thực có hạt 8.396,5ha; sản lượng đạt 36.595,83 tấn, đạt 100,43% so với kế hoạch, trong đó: Cây lúa: Diện tích gieo trồng 4.623,3ha¹ đạt 100,8% so với kế hoạch; năng suất 47,85tạ/ha; sản lượng 22.123,83 tấn, đạt 101,49% so với kế hoạch, tăng 1,16% so với năm trước. Cây ngô: Diện tích 3.773,2ha² đạt 100,08% so với kế hoạch; năng suất đạt 38,35tạ/ha đạt 98,77% so với kế hoạch; sản lượng 14.472 tấn, đạt 98,85% so với kế hoạch³.',
    expected: [
      { value: 8396.5, unit: 'ha', multiplier: 0, raw: '8.396,5ha', footnotes: [] },
      { value: 36595.83, unit: 'tonne', multiplier: 0, raw: '36.595,83 tấn', unitText: 'tấn' },
      { value: 100.43, unit: 'percent', multiplier: 0 },
      { value: 4623.3, unit: 'ha', multiplier: 0, raw: '4.623,3ha', footnotes: [1] },
      { value: 100.8, unit: 'percent', multiplier: 0 },
      { value: 47.85, unit: 'quintal_per_ha', multiplier: 0, raw: '47,85tạ/ha' },
      { value: 22123.83, unit: 'tonne', multiplier: 0 },
      { value: 101.49, unit: 'percent', multiplier: 0 },
      { value: 1.16, unit: 'percent', multiplier: 0 },
      { value: 3773.2, unit: 'ha', multiplier: 0, raw: '3.773,2ha', footnotes: [2] },
      { value: 100.08, unit: 'percent', multiplier: 0 },
      { value: 38.35, unit: 'quintal_per_ha', multiplier: 0 },
      { value: 98.77, unit: 'percent', multiplier: 0 },
      { value: 14472, unit: 'tonne', multiplier: 0 },
      { value: 98.85, unit: 'percent', multiplier: 0, raw: '98,85%' },
    ],
  },
  { source: 'seed000:25', text: 'Diện tích gieo trồng 4.623,3ha¹ đạt 100,8% so với kế hoạch', expected: [{ value: 4623.3, unit: 'ha', multiplier: 0, footnotes: [1], raw: '4.623,3ha', decimals: 1 }, { value: 100.8, unit: 'percent', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:27', text: '- *Cây công nghiệp lâu năm*: Tiếp tục chăm sóc 1.360,1ha cây cao su⁴; chăm sóc 754,2ha chè⁵, trong đó trồng mới 65,41ha đạt 130,82% so với kế hoạch.', note: 'the marks close the clause, they are not glued to the numbers: footnotes left open', expected: [{ value: 1360.1, unit: 'ha', multiplier: 0 }, { value: 754.2, unit: 'ha', multiplier: 0 }, { value: 65.41, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 130.82, unit: 'percent', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:27', text: 'Tổng diện tích Mắc Ca hiện có là 584,27ha (trong đó diện tích trồng mới cây Mắc ca xen chè do ngân sách hỗ trợ là 231,38ha, diện tích Mắc ca trồng thuần do Nhân dân tự đầu tư là 20,38ha).', expected: [{ value: 584.27, unit: 'ha', multiplier: 0 }, { value: 231.38, unit: 'ha', multiplier: 0 }, { value: 20.38, unit: 'ha', multiplier: 0 }] },
  { source: 'seed000:29', text: '- *Cây ăn quả*: Tổng diện tích hiện có 3.928ha (trong đó diện tích chuối 2.500ha, diện tích trồng cây ăn quả khác 1.205,99ha) đạt 100% kế hoạch, tăng 29,9ha so với năm 2022, sản lượng ước đạt 30.800 tấn, đạt 100% kế hoạch giao.', expected: [{ value: 3928, unit: 'ha', multiplier: 0, raw: '3.928ha' }, { value: 2500, unit: 'ha', multiplier: 0 }, { value: 1205.99, unit: 'ha', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 29.9, unit: 'ha', multiplier: 0 }, { value: 30800, unit: 'tonne', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:29', text: 'Trong đó diện tích trồng mới ước đạt 183ha đạt 610% kế hoạch giao.', expected: [{ value: 183, unit: 'ha', multiplier: 0, raw: '183ha' }, { value: 610, unit: 'percent', multiplier: 0, raw: '610%' }] },
  {
    source: 'seed000:31', open: ['footnotes'],
    text: '- *Một số cây trồng khác*: Triển khai trồng mới 337,3ha cây Dong riêng⁶, 113ha cây Mía⁷; 492,1ha cây khoai sọ (tăng 258ha so với cùng kỳ năm trước); 1.378ha cây sắn; 318,80ha cây lạc; 238,6ha cây đậu tương; 20.000 chậu địa lan; chăm sóc 1.038ha cây thảo quả⁸.',
    expected: [
      { value: 337.3, unit: 'ha', multiplier: 0 },
      { value: 113, unit: 'ha', multiplier: 0 },
      { value: 492.1, unit: 'ha', multiplier: 0, footnotes: [] },
      { value: 258, unit: 'ha', multiplier: 0 },
      { value: 1378, unit: 'ha', multiplier: 0 },
      { value: 318.8, unit: 'ha', multiplier: 0, decimals: 2, raw: '318,80ha' },
      { value: 238.6, unit: 'ha', multiplier: 0 },
      { value: 20000, unit: 'count:chậu', multiplier: 0, raw: '20.000 chậu' },
      { value: 1038, unit: 'ha', multiplier: 0 },
    ],
  },
  { source: 'seed000:33', text: '¹ Trong đó: (i) *Lúa Đông xuân 2022-2023*: Diện tích gieo cấy 754,80ha đạt 102,28% kế hoạch, tăng 16,8ha so với cùng kỳ năm trước.', note: 'the season’s years and the footnote body’s own mark are not quantities', expected: [{ value: 754.8, unit: 'ha', multiplier: 0, decimals: 2, footnotes: [] }, { value: 102.28, unit: 'percent', multiplier: 0, footnotes: [] }, { value: 16.8, unit: 'ha', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:33', text: 'Năng suất lúa Đông xuân đạt 56,10 tạ/ha đạt 99,06% KH, giảm 0,31 tạ/ha so với cùng kỳ năm trước (nguyên nhân do nắng nóng khô hạn làm ảnh hưởng đến 71,8ha lúa Đông xuân).', expected: [{ value: 56.1, unit: 'quintal_per_ha', multiplier: 0, decimals: 2, raw: '56,10 tạ/ha', unitText: 'tạ/ha' }, { value: 99.06, unit: 'percent', multiplier: 0 }, { value: 0.31, unit: 'quintal_per_ha', multiplier: 0 }, { value: 71.8, unit: 'ha', multiplier: 0 }] },
  { source: 'seed000:33', text: 'Sản lượng đạt 4.234,80 tấn, đạt 101,31% KH và tăng 71,74 tấn so với cùng kỳ năm trước.', expected: [{ value: 4234.8, unit: 'tonne', multiplier: 0, decimals: 2 }, { value: 101.31, unit: 'percent', multiplier: 0 }, { value: 71.74, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:33', text: '(ii) *Lúa mùa*: Diện tích gieo cấy 3.743,50ha/3.750, đạt 99,83% so với Kế hoạch.', expected: [{ value: 3743.5, unit: 'ha', multiplier: 0, ratio: 0, raw: '3.743,50ha' }, { value: 3750, unit: 'ha', multiplier: 0, ratio: 1, raw: '3.750' }, { value: 99.83, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:33', text: 'Năng suất đạt 47,39 tạ/ha đạt 101,54% so với kế hoạch giao, tăng 0,73 tạ/ha so với cùng kỳ năm trước.', expected: [{ value: 47.39, unit: 'quintal_per_ha', multiplier: 0 }, { value: 101.54, unit: 'percent', multiplier: 0 }, { value: 0.73, unit: 'quintal_per_ha', multiplier: 0 }] },
  { source: 'seed000:33', text: 'Sản lượng đạt 17.738,83 tấn, đạt 101,36% so với kế hoạch, tăng 242,3 tấn so với cùng kỳ năm trước.', expected: [{ value: 17738.83, unit: 'tonne', multiplier: 0 }, { value: 101.36, unit: 'percent', multiplier: 0 }, { value: 242.3, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:33', text: 'Đồng thời triển khai lúa hàng hóa tập trung tại xã Bản Lang (Tè rầu, nếp tan) quy mô 177,25ha, đạt 110,78% so với kế hoạch, sản lượng 832,24 tấn đạt 113,28% kế hoạch.', expected: [{ value: 177.25, unit: 'ha', multiplier: 0 }, { value: 110.78, unit: 'percent', multiplier: 0 }, { value: 832.24, unit: 'tonne', multiplier: 0 }, { value: 113.28, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:33', text: '(iii) *Lúa nương*: Diện tích gieo trồng 125/100ha, đạt 125% kế hoạch, giảm 48,0ha so với cùng kỳ năm trước; năng suất đạt 12,02 tạ/ha đạt 100,09% kế hoạch, sản lượng đạt 150,2 tấn, đạt 125,11% so với kế hoạch.', expected: [{ value: 125, unit: 'ha', multiplier: 0, ratio: 0, raw: '125' }, { value: 100, unit: 'ha', multiplier: 0, ratio: 1, raw: '100ha' }, { value: 125, unit: 'percent', multiplier: 0 }, { value: 48, unit: 'ha', multiplier: 0, decimals: 1, raw: '48,0ha' }, { value: 12.02, unit: 'quintal_per_ha', multiplier: 0 }, { value: 100.09, unit: 'percent', multiplier: 0 }, { value: 150.2, unit: 'tonne', multiplier: 0 }, { value: 125.11, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:35', text: '² Trong (i) *Ngô vụ Xuân hè*: Diện tích gieo trồng 3.484ha, đạt 100% kế hoạch, năng suất ước 39,04tạ/ha, đạt 98,71% so với kế hoạch giao, giảm 0,5 tạ/ha so với cùng kỳ năm trước, sản lượng ước 13.601,78tấn, giảm 172,91 tấn so với cùng kỳ năm trước.', expected: [{ value: 3484, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 39.04, unit: 'quintal_per_ha', multiplier: 0, raw: '39,04tạ/ha' }, { value: 98.71, unit: 'percent', multiplier: 0 }, { value: 0.5, unit: 'quintal_per_ha', multiplier: 0 }, { value: 13601.78, unit: 'tonne', multiplier: 0, raw: '13.601,78tấn' }, { value: 172.91, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:35', text: '(ii) *Ngô vụ Thu đông*: Nhân dân đã gieo trồng được 289,2ha/286ha đạt 101,1% kế hoạch, giảm 220,8ha so với cùng kỳ năm trước.', expected: [{ value: 289.2, unit: 'ha', multiplier: 0, ratio: 0 }, { value: 286, unit: 'ha', multiplier: 0, ratio: 1 }, { value: 101.1, unit: 'percent', multiplier: 0 }, { value: 220.8, unit: 'ha', multiplier: 0 }] },
  { source: 'seed000:35', text: 'Năng suất ước đạt 30,09 tạ/ha, sản lượng ước đạt 870,2 tấn đạt 101,1 Kế hoạch giao.', note: 'the % of 101,1 is left out in the report', expected: [{ value: 30.09, unit: 'quintal_per_ha', multiplier: 0 }, { value: 870.2, unit: 'tonne', multiplier: 0 }, { value: 101.1, unit: null, multiplier: 0, unitText: null, raw: '101,1' }] },
  { source: 'seed000:37', text: '³ Nguyên nhân năng suất, sản lượng cây ngô giảm không đạt so với kế hoạch do ảnh hưởng của nắng nóng, khô hạn kéo dài từ tháng 03 đến tháng 6 làm ảnh hưởng đến 533,5ha ngô xuân hè.', expected: [{ value: 533.5, unit: 'ha', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:39', text: '⁴ Diện tích cây cao su đang khai thác mù 1.179ha, sản lượng ước đạt 1.150 tấn.', expected: [{ value: 1179, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 1150, unit: 'tonne', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:41', text: '⁵ Diện tích chè kinh doanh 189ha đạt 100% kế hoạch, sản lượng ước đạt 500 tấn đạt 100,0% kế hoạch, tăng 114,35 tấn so với cùng kỳ năm trước.', expected: [{ value: 189, unit: 'ha', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 500, unit: 'tonne', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0, decimals: 1, raw: '100,0%' }, { value: 114.35, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:43', text: '⁶ Tăng 231,60ha so với cùng kỳ. Sản lượng ước đạt 11.310 tấn củ tươi (tương đương 1.186 tấn bột khô).', expected: [{ value: 231.6, unit: 'ha', multiplier: 0, decimals: 2 }, { value: 11310, unit: 'tonne', multiplier: 0 }, { value: 1186, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:45', text: '⁷ Trong đó: Diện tích mía trồng theo phương thức liên kết giữa HTX và các hộ dân trên địa bàn là 105ha; diện tích mía Nhân dân trồng tự phát là 8,0ha, sản lượng ước đạt 3.390 tấn.', expected: [{ value: 105, unit: 'ha', multiplier: 0, qualifier: null }, { value: 8, unit: 'ha', multiplier: 0, decimals: 1 }, { value: 3390, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:47', text: '⁸ Diện tích cho thu hoạch 1.038ha, tăng 4,0 ha so với cùng kỳ năm trước, sản lượng ước đạt 168,37 tấn quả khô', expected: [{ value: 1038, unit: 'ha', multiplier: 0 }, { value: 4, unit: 'ha', multiplier: 0, decimals: 1, raw: '4,0 ha' }, { value: 168.37, unit: 'tonne', multiplier: 0 }] },
  { source: 'seed000:49', text: 'liệu quý (*Sâm Lai Châu, bảy lá một hoa*); lũy kế tổng diện tích trồng cây dược liệu trên địa bàn huyện 18,469ha⁹.', note: '18,469 is eighteen hectares: the comma is the decimal mark', expected: [{ value: 18.469, unit: 'ha', multiplier: 0, decimals: 3, footnotes: [9], raw: '18,469ha' }] },
  { source: 'seed000:59', text: '⁹ Trong đó diện tích trồng Sâm Lai Châu 17,939ha, diện tích trồng cây bảy lá một hoa 0,53ha.', expected: [{ value: 17.939, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 0.53, unit: 'ha', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:51', text: 'đồng thời chủ động các biện pháp phòng trừ sâu bệnh hại 520,4ha cây lúa; 267 ha cây Ngô....', expected: [{ value: 520.4, unit: 'ha', multiplier: 0 }, { value: 267, unit: 'ha', multiplier: 0, raw: '267 ha' }] },
  { source: 'seed000:61', text: '¹⁰ Quy mô 1,0ha tại Không Lào, Mường So;', expected: [{ value: 1, unit: 'ha', multiplier: 0, decimals: 1, footnotes: [] }] },
  { source: 'seed000:63', text: '¹¹ Quy mô 0,04ha tại xã Đào San', expected: [{ value: 0.04, unit: 'ha', multiplier: 0, decimals: 2, footnotes: [] }] },
  { source: 'seed000:65', text: '¹² Ban chỉ đạo phòng cháy và chữa cháy rừng; ban chỉ đạo Phát triển lâm nghiệp bền vững giai đoạn 2021-2025.', expected: NONE },

  // 1.1.2 forestry
  { source: 'seed000:55', open: ['ratio', 'qualifier'], note: '`lượt bản/16.353 lượt người` may or may not be a pair', text: 'Tổ chức kiện toàn các ban chỉ đạo¹² tuyên truyền vận động nhân dân chấp hành Luật Lâm nghiệp trên 216 lượt bản/16.353 lượt người tham gia, tổ chức ký cam kết phòng cháy, chữa cháy rừng được 2.855 lượt người.', expected: [{ value: 216, multiplier: 0, qualifier: 'over' }, { value: 16353, unit: 'count:lượt người', multiplier: 0 }, { value: 2855, unit: 'count:lượt người', multiplier: 0, qualifier: null, ratio: null }] },
  { source: 'seed000:55', text: 'Triển khai tổ chức Lễ phát động “Tết trồng cây đời đời nhớ ơn Bác Hồ” và triển khai Chương trình trồng mới 2.500 cây xanh tại xã Bản Lang¹³.', expected: [{ value: 2500, unit: 'count:cây', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:55', text: 'Đồng thời tổ chức chiến dịch trồng cây, trồng rừng năm 2023, đã thu hút trên 600 lượt cán bộ công chức, viên chức, đoàn viên thanh niên và Nhân dân tham gia trồng rừng.', expected: [{ value: 600, unit: 'count:lượt', multiplier: 0, qualifier: 'over', raw: '600 lượt' }] },
  {
    source: 'seed000:55', open: ['footnotes'],
    text: 'Triển khai trồng mới 310,64ha rừng đạt 103,55% kế hoạch (*trong đó trồng mới 292,45/240ha Quế¹⁴ đạt 121,85% so với kế hoạch; 11,81/50ha cây gỗ lớn đạt 23,62%; trồng rừng phòng hộ 6,38ha/10ha đạt 63,8% so với kế hoạch*); tổ chức khoán bảo vệ 44.088,52 ha rừng đạt 98% kế hoạch; tỷ lệ che phủ rừng 44,3% đạt 99,56% so với kế hoạch.',
    expected: [
      { value: 310.64, unit: 'ha', multiplier: 0 },
      { value: 103.55, unit: 'percent', multiplier: 0 },
      { value: 292.45, unit: 'ha', multiplier: 0, ratio: 0, raw: '292,45' },
      { value: 240, unit: 'ha', multiplier: 0, ratio: 1, raw: '240ha' },
      { value: 121.85, unit: 'percent', multiplier: 0 },
      { value: 11.81, unit: 'ha', multiplier: 0, ratio: 0 },
      { value: 50, unit: 'ha', multiplier: 0, ratio: 1 },
      { value: 23.62, unit: 'percent', multiplier: 0 },
      { value: 6.38, unit: 'ha', multiplier: 0, ratio: 0, raw: '6,38ha' },
      { value: 10, unit: 'ha', multiplier: 0, ratio: 1, raw: '10ha' },
      { value: 63.8, unit: 'percent', multiplier: 0 },
      { value: 44088.52, unit: 'ha', multiplier: 0, raw: '44.088,52 ha' },
      { value: 98, unit: 'percent', multiplier: 0 },
      { value: 44.3, unit: 'percent', multiplier: 0 },
      { value: 99.56, unit: 'percent', multiplier: 0 },
    ],
  },
  { source: 'seed000:57', text: 'Tuy nhiên do ảnh hưởng của thời tiết diễn biến cực đoan, khí hậu khô, nóng nắng bất thường nên toàn huyện đã xảy ra 03 vụ cháy rừng với diện tích thiệt hại: 2,667 ha¹⁵ và một số vụ cháy thảm cỏ với diện tích cháy là 19,55ha đất trồng, thảm cỏ (*trạng thái DT1, DT2*) tại một số xã, thị trấn.', note: 'DT1, DT2 are labels', expected: [{ value: 3, unit: 'count:vụ', multiplier: 0, footnotes: [] }, { value: 2.667, unit: 'ha', multiplier: 0, decimals: 3, footnotes: [15], raw: '2,667 ha' }, { value: 19.55, unit: 'ha', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:57', text: 'Phát hiện và xử lý 27 vụ¹⁶ vi phạm quản lý rừng, tăng 16 vụ so với cùng kỳ năm 2022 (*trong đó cấp huyện đã xử lý 13 vụ vi phạm, cấp xã xử lý 14 vụ*).', expected: [{ value: 27, unit: 'count:vụ', multiplier: 0, footnotes: [16], raw: '27 vụ' }, { value: 16, unit: 'count:vụ', multiplier: 0, footnotes: [] }, { value: 13, unit: 'count:vụ', multiplier: 0, footnotes: [] }, { value: 14, unit: 'count:vụ', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:67', text: '¹³ Trong đó trồng mới 1.000 cây ban; 1.500 cây lát.', expected: [{ value: 1000, unit: 'count:cây', multiplier: 0, footnotes: [] }, { value: 1500, unit: 'count:cây', multiplier: 0, footnotes: [] }] },
  { source: 'seed000:69', text: '¹⁴ Trong tổng số 292,45ha Quế thì có 208,6ha Nhà nước hỗ trợ, Nhân dân tự bỏ kinh phí trồng 83,85ha.', expected: [{ value: 292.45, unit: 'ha', multiplier: 0 }, { value: 208.6, unit: 'ha', multiplier: 0 }, { value: 83.85, unit: 'ha', multiplier: 0 }] },
  { source: 'seed000:71', text: '¹⁵ Tại các xã Lán Nhi Thàng, Thị trấn, Hoang Thèn.', expected: NONE },
  {
    source: 'seed000:73',
    text: '¹⁶ (i) Cấp huyện xử lý 13 vụ vi phạm (trong đó xử lý VPHC là 09 vụ, xử lý Hình sự 04 vụ), cụ thể: Xử lý hành chính 09 vụ (*gồm: Hành vi vi phạm quy định về PCCCR: 01 vụ (0,07 ha) xử phạt 10,0 triệu đồng; Hành vi Phá rừng trái pháp luật: 06 vụ (0,43 ha) xử phạt 241,0 triệu đồng; Hành vi Vận chuyển lâm sản trái PL: 02 vụ xử phạt 19,0 triệu đồng; Tiễn bán tang vật vi phạm: 26,625 triệu đồng; Tổng số tiền thu được do xử phạt vi phạm hành chính: 270,0 triệu đồng*).',
    expected: [
      { value: 13, unit: 'count:vụ', multiplier: 0, footnotes: [] },
      { value: 9, unit: 'count:vụ', multiplier: 0, raw: '09 vụ' },
      { value: 4, unit: 'count:vụ', multiplier: 0 },
      { value: 9, unit: 'count:vụ', multiplier: 0 },
      { value: 1, unit: 'count:vụ', multiplier: 0 },
      { value: 0.07, unit: 'ha', multiplier: 0 },
      { value: 10, unit: 'VND', multiplier: 6, decimals: 1, raw: '10,0 triệu đồng' },
      { value: 6, unit: 'count:vụ', multiplier: 0 },
      { value: 0.43, unit: 'ha', multiplier: 0 },
      { value: 241, unit: 'VND', multiplier: 6, decimals: 1 },
      { value: 2, unit: 'count:vụ', multiplier: 0 },
      { value: 19, unit: 'VND', multiplier: 6 },
      { value: 26.625, unit: 'VND', multiplier: 6, decimals: 3 },
      { value: 270, unit: 'VND', multiplier: 6 },
    ],
  },
  { source: 'seed000:73', text: 'Xử lý hình sự: 04 vụ (*Hạt đã chuyển hồ sơ sang Công an huyện để tiếp tục điều tra xử lý*). (ii) Cấp xã xử lý 14 vụ (*Hành vi vi phạm quy định về PCCCR: 02 vụ; Hành vi khai thác lâm sản trái pháp luật: 02 vụ; Hành vi lấn chiếm rừng trái pháp luật: 06 vụ; Hành vi ken*', expected: [{ value: 4, unit: 'count:vụ', multiplier: 0 }, { value: 14, unit: 'count:vụ', multiplier: 0 }, { value: 2, unit: 'count:vụ', multiplier: 0 }, { value: 2, unit: 'count:vụ', multiplier: 0 }, { value: 6, unit: 'count:vụ', multiplier: 0 }] },
  { source: 'seed000:93', text: 'cây trái phép: 04 vụ; Số tiền xử phạt VPHC cấp xã: 30.200.000 đồng). (iii) Công tác phối hợp với công an, quân đội, UBND cấp xã, tổ chuyên trách cấp thôn bản; (iv) Phối hợp kiểm tra, tuần tra rừng: 480 lượt.', expected: [{ value: 4, unit: 'count:vụ', multiplier: 0 }, { value: 30200000, unit: 'VND', multiplier: 0, raw: '30.200.000 đồng' }, { value: 480, unit: 'count:lượt', multiplier: 0 }] },

  // 1.1.3 livestock and fisheries
  { source: 'seed000:77', text: 'Toàn huyện có 16 cơ sở chăn nuôi; trong đó: 03 cơ sở chăn nuôi trâu, bò; 01 cơ sở chăn nuôi ngựa; 06 cơ sở chăn nuôi dê; 06 cơ sở nuôi lợn theo quy mô trang trại.', expected: [{ value: 16, unit: 'count:cơ sở', multiplier: 0 }, { value: 3, unit: 'count:cơ sở', multiplier: 0 }, { value: 1, unit: 'count:cơ sở', multiplier: 0 }, { value: 6, unit: 'count:cơ sở', multiplier: 0 }, { value: 6, unit: 'count:cơ sở', multiplier: 0 }] },
  { source: 'seed000:77', text: 'Tốc độ tăng trưởng đàn gia súc đạt 5%. Tổng số lượng đàn gia súc (*trâu, bò, lợn*) là 46.102 con; gia cầm 201 nghìn con đạt 100% kế hoạch giao. Sản lượng thịt hơi các loại ước đạt 2.188,56 tấn đạt 100% so với kế hoạch giao.', expected: [{ value: 5, unit: 'percent', multiplier: 0 }, { value: 46102, unit: 'count:con', multiplier: 0 }, { value: 201, unit: 'count:con', multiplier: 3, unitText: 'nghìn con' }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 2188.56, unit: 'tonne', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:79', open: ['footnotes'], text: '- Tổng diện tích nuôi trồng thủy sản trên địa bàn huyện 43,46ha đạt 101,07% so với kế hoạch, tăng 0,46ha so với cùng kỳ năm trước¹⁷, tổng sản lượng nuôi trồng và đánh bắt đạt 121,99 tấn, đạt 108,92% so với kế hoạch, tăng 11 tấn so với cùng kỳ năm trước; trong đó sản lượng nuôi cá nước lạnh 48 tấn (*với 32 cơ sở nuôi trồng*).', expected: [{ value: 43.46, unit: 'ha', multiplier: 0 }, { value: 101.07, unit: 'percent', multiplier: 0 }, { value: 0.46, unit: 'ha', multiplier: 0 }, { value: 121.99, unit: 'tonne', multiplier: 0 }, { value: 108.92, unit: 'percent', multiplier: 0 }, { value: 11, unit: 'tonne', multiplier: 0 }, { value: 48, unit: 'tonne', multiplier: 0 }, { value: 32, unit: 'count:cơ sở', multiplier: 0 }] },

  // 1.1.4 new countryside
  { source: 'seed000:83', text: 'Tổ chức kiểm tra, theo dõi, rà soát các tiêu chí, kết quả: Có 04 xã đạt chuẩn nông thôn mới (*Mường So, Khổng Lào, Ma Li Pho, Huổi Luông*) đạt 100% Kế hoạch; Bình quân tiêu chí/xã: 11,19 tiêu chí, đạt 103,52% kế hoạch (*tăng 1,25 tiêu chí/xã so với cùng kỳ*).', expected: [{ value: 4, unit: 'count:xã', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 11.19, unit: 'count:tiêu chí', multiplier: 0 }, { value: 103.52, unit: 'percent', multiplier: 0 }, { value: 1.25, unit: 'count:tiêu chí/xã', multiplier: 0 }] },
  { source: 'seed000:85', open: ['footnotes'], note: '`sao` is not in the unit table: its unit is left open', text: 'Tiếp tục tuyên truyền và triển khai kế hoạch thực hiện chương trình mỗi xã một sản phẩm (OCOP), dự kiến đến hết năm 2023 có 08 sản phẩm của 04 chủ thể tham gia đạt OCOP 3 sao¹⁸.', expected: [{ value: 8, unit: 'count:sản phẩm', multiplier: 0 }, { value: 4, unit: 'count:chủ thể', multiplier: 0 }, { value: 3, multiplier: 0 }] },
  { source: 'seed000:85', text: 'Lũy kế đến hết năm 2023 có 23 sản phẩm OCOP đạt 3 sao trở lên.', expected: [{ value: 23, unit: 'count:sản phẩm', multiplier: 0 }, { value: 3, multiplier: 0 }] },
  { source: 'seed000:97', text: '¹⁸ Trong 8 sản phẩm có 05 sản phẩm đánh giá lại, 03 sản phẩm đánh giá mới.', expected: [{ value: 8, unit: 'count:sản phẩm', multiplier: 0, footnotes: [] }, { value: 5, unit: 'count:sản phẩm', multiplier: 0 }, { value: 3, unit: 'count:sản phẩm', multiplier: 0 }] },

  // 1.1.5 irrigation, water, disasters
  { source: 'seed000:89', text: '- Chỉ đạo, quản lý và vận hành có hiệu quả 180 công trình thủy lợi; Chỉ đạo lồng ghép các nguồn vốn tổ chức thi công, sửa chữa, nâng cấp các công trình thủy lợi để đảm bảo nước cho sản xuất. Chủ động xây dựng phương án giá sản phẩm dịch vụ công ích thủy lợi năm 2023 và triển khai thực hiện.', expected: [{ value: 180, unit: 'count:công trình', multiplier: 0 }] },
  { source: 'seed000:91', text: '- Tổ chức kiểm tra, đánh giá hoạt động 152 công trình cấp nước sinh hoạt; tổ chức sửa chữa, nâng cấp các công trình cấp NSH; do đó tỷ lệ hộ dân sống ở', expected: [{ value: 152, unit: 'count:công trình', multiplier: 0 }] },
  { source: 'seed000:99', text: 'nông thôn được sử dụng nước sinh hoạt hợp vệ sinh là 89%, đạt 100% kế hoạch. Tỷ lệ dân tộc thiểu số được sử dụng nước sinh hoạt hợp vệ sinh 87,8%, đạt 100% kế hoạch.', expected: [{ value: 89, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 87.8, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:101', text: 'chỉ đạo theo dõi trực thường xuyên 24/24h nhất là những ngày xảy ra thiên tai.', expected: NONE },
  { source: 'seed000:101', text: 'Trong năm trên địa bàn huyện xảy ra 24 đợt thiên tai (chủ yếu là hạn hán, mưa lớn, gió lốc, sạt lở..) gây thiệt hại hoa màu, tài sản, ảnh hưởng đến đời sống của người dân trên địa bàn các xã. Tổng giá trị thiệt hại 1.017,02 triệu đồng¹⁹.', expected: [{ value: 24, unit: 'count:đợt', multiplier: 0, qualifier: null, footnotes: [] }, { value: 1017.02, unit: 'VND', multiplier: 6, footnotes: [19], raw: '1.017,02 triệu đồng' }] },
  { source: 'seed000:113', text: 'Thiệt hại về nhà ở: 167 nhà. Ước giá trị thiệt hại khoảng 908,94 triệu đồng.', expected: [{ value: 167, unit: 'count:nhà', multiplier: 0 }, { value: 908.94, unit: 'VND', multiplier: 6, qualifier: 'about' }] },
  { source: 'seed000:115', text: '2. Thiệt hại về nông nghiệp: Tổng diện tích nông lâm nghiệp bị thiệt hại 713,42 ha, ước tổng thiệt hại 4.295,78 triệu đồng.', expected: [{ value: 713.42, unit: 'ha', multiplier: 0 }, { value: 4295.78, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:117', text: '3. Chăn nuôi: Thiệt hại 07 con gia súc, 143 con gia cầm, ước giá trị thiệt hại 93 triệu đồng.', expected: [{ value: 7, unit: 'count:con', multiplier: 0, raw: '07 con' }, { value: 143, unit: 'count:con', multiplier: 0 }, { value: 93, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:119', text: '4. Thiệt hại về thủy sản: Thiệt hại 0,104 ha ao cá, 5.846kg cá nước mặn, ước tổng thiệt hại 954,2 triệu đồng.', expected: [{ value: 0.104, unit: 'ha', multiplier: 0, decimals: 3, raw: '0,104 ha' }, { value: 5846, unit: 'kg', multiplier: 0, raw: '5.846kg' }, { value: 954.2, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:121', note: '`công chào` and `khung` are not in the unit table', text: '4. Về công nghiệp: Thiệt hại 13 cột điện hạ thế bị rạn nứt, gãy đổ và 300m đường dây hạ thế, hư hỏng 07 thiết bị điện: 01 công chào; 01 cột đèn trang trí; 05 khung đèn trang trí. Ước Tổng giá trị thiệt hại 900 triệu đồng.', expected: [{ value: 13, unit: 'count:cột điện', multiplier: 0 }, { value: 300, unit: 'm', multiplier: 0, raw: '300m' }, { value: 7, unit: 'count:thiết bị', multiplier: 0 }, { value: 1, multiplier: 0 }, { value: 1, unit: 'count:cột', multiplier: 0 }, { value: 5, multiplier: 0 }, { value: 900, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:123', text: '5. Thiệt hại thủy lợi: Hư hỏng 11 công trình thủy lợi, ước thiệt hại 3.110 triệu đồng.', expected: [{ value: 11, unit: 'count:công trình', multiplier: 0 }, { value: 3110, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:125', text: '6. Thiệt hại giao thông: Sạt lở tại 174 điểm trên các tuyến giao thông trên địa bàn, ước thiệt hại 6.019,5 triệu đồng.', expected: [{ value: 174, unit: 'count:điểm', multiplier: 0 }, { value: 6019.5, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:127', text: '7. Thiệt hại giáo dục khoảng 80 triệu đồng do mưa to làm đổ tường bao trường Mầm non Hoa Ban, thị trấn Phong Thổ.', expected: [{ value: 80, unit: 'VND', multiplier: 6, qualifier: 'about' }] },
  { source: 'seed000:129', text: '8. Thiệt hại nước sạch: Ảnh hưởng 01 công trình nước sinh hoạt tại xã Không Lào ước khoảng 100 triệu đồng.', expected: [{ value: 1, unit: 'count:công trình', multiplier: 0 }, { value: 100, unit: 'VND', multiplier: 6, qualifier: 'about' }] },
  { source: 'seed000:131', text: '9. Thiệt hại khác ước khoảng 555,6 triệu đồng.', expected: [{ value: 555.6, unit: 'VND', multiplier: 6, qualifier: 'about', raw: '555,6 triệu đồng' }] },

  // 1.1.6 support programmes
  { source: 'seed000:105', text: 'Thực hiện các nội dung hỗ trợ sản xuất nông, lâm nghiệp theo các đề án, nghị quyết (*Nghị quyết số 07/2021/NQ-HĐND, Nghị quyết 08, Nghị quyết 13, Nghị quyết số 132/HĐND, chương trình mục tiêu...*).', expected: NONE },
  { source: 'seed000:105', text: 'Thực hiện hỗ trợ được 177,25ha lúa hàng hóa tập trung, 65,41ha chè, trồng mới 183 ha cây ăn quả (*Xoài, chanh leo, chuối, mít, lê...*), 20.000 chậu địa lan; hỗ trợ 2.500m² chuồng trại và 250m³ hầm biogas; hỗ trợ 8 sản phẩm OCOP;', expected: [{ value: 177.25, unit: 'ha', multiplier: 0 }, { value: 65.41, unit: 'ha', multiplier: 0 }, { value: 183, unit: 'ha', multiplier: 0 }, { value: 20000, unit: 'count:chậu', multiplier: 0 }, { value: 2500, unit: 'm2', multiplier: 0, footnotes: [], raw: '2.500m²' }, { value: 250, unit: 'm3', multiplier: 0, footnotes: [], raw: '250m³' }, { value: 8, unit: 'count:sản phẩm', multiplier: 0 }] },
  { source: 'seed000:105', text: '32,461ha cây phân tán; 251,76ha mắc ca (*xen chè 231,38ha, trồng thuần 20,38ha*); hỗ trợ chăm sóc 60ha cây Lê.', expected: [{ value: 32.461, unit: 'ha', multiplier: 0, decimals: 3 }, { value: 251.76, unit: 'ha', multiplier: 0 }, { value: 231.38, unit: 'ha', multiplier: 0 }, { value: 20.38, unit: 'ha', multiplier: 0 }, { value: 60, unit: 'ha', multiplier: 0 }] },
  { source: 'seed000:133', text: '²⁰ Trong tổng số 292,45ha Quế thì có 208,6ha Nhà nước hỗ trợ, Nhân dân tự bỏ kinh phí trồng 83,85ha.', expected: [{ value: 292.45, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 208.6, unit: 'ha', multiplier: 0, footnotes: [] }, { value: 83.85, unit: 'ha', multiplier: 0, footnotes: [] }] },

  // 1.2 industry
  { source: 'seed000:135', text: 'Tổng giá trị sản xuất công nghiệp, tiêu thủ công nghiệp ước đạt 564,9 tỷ đồng, đạt 100% kế hoạch (KH 564,9 tỷ), tăng 37,86% so với cùng kỳ.', expected: [{ value: 564.9, unit: 'VND', multiplier: 9, unitText: 'tỷ đồng' }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 564.9, unit: null, multiplier: 9, raw: '564,9 tỷ' }, { value: 37.86, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:135', open: ['footnotes'], text: 'Trong đó: Công nghiệp ngoài quốc doanh ước đạt 557,9 tỷ đồng, đạt 100% so với kế hoạch, tăng 38,41% so với cùng kỳ²²; công nghiệp quốc doanh địa phương ước đạt 7 tỷ đồng, đạt 100% so với kế hoạch, tăng 4,63% so với cùng kỳ.', expected: [{ value: 557.9, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 38.41, unit: 'percent', multiplier: 0 }, { value: 7, unit: 'VND', multiplier: 9, raw: '7 tỷ đồng' }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 4.63, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:135', text: 'Một số sản phẩm chủ yếu: đá xây dựng 95.300 m³, gạch xây các loại 17 triệu viên, cát xây dựng 30.000 m³, sản xuất điện 448 triệu kw.', expected: [{ value: 95300, unit: 'm3', multiplier: 0, footnotes: [], raw: '95.300 m³' }, { value: 17, unit: 'count:viên', multiplier: 6, unitText: 'triệu viên' }, { value: 30000, unit: 'm3', multiplier: 0, footnotes: [] }, { value: 448, unit: 'kW', multiplier: 6, raw: '448 triệu kw' }] },
  {
    source: 'seed000:147',
    text: '²¹ Toàn huyện có 32 dự án thủy điện, tổng công suất lắp máy khoảng 384,9MW, trong đó 11 dự án đang khai thác phát điện có công suất 144,3 MW, sản lượng điện trung bình năm đạt 508 triệu KW/h; 04 dự án đang xây dựng có tổng công suất 56,9MW, 06 dự án được cấp chủ trương đầu tư nhưng chưa thi công có tổng công suất 65 MW; 11 dự án đã có quy hoạch nhưng chưa cấp chủ trương đầu tư với tổng công suất 123,72MW.',
    expected: [
      { value: 32, unit: 'count:dự án', multiplier: 0, footnotes: [] },
      { value: 384.9, unit: 'MW', multiplier: 0, qualifier: 'about', raw: '384,9MW' },
      { value: 11, unit: 'count:dự án', multiplier: 0 },
      { value: 144.3, unit: 'MW', multiplier: 0, raw: '144,3 MW' },
      { value: 508, unit: 'kWh', multiplier: 6, unitText: 'triệu KW/h' },
      { value: 4, unit: 'count:dự án', multiplier: 0 },
      { value: 56.9, unit: 'MW', multiplier: 0 },
      { value: 6, unit: 'count:dự án', multiplier: 0 },
      { value: 65, unit: 'MW', multiplier: 0 },
      { value: 11, unit: 'count:dự án', multiplier: 0 },
      { value: 123.72, unit: 'MW', multiplier: 0 },
    ],
  },
  { source: 'seed000:147', text: 'Có 04 mỏ khai thác sản xuất đá xây dựng; 02 cơ sở khai thác cát; 02 nhà máy gạch sản xuất gạch không nung và 09 cơ sở hộ gia đình sản xuất; 01 nhà máy gạch tuynel.', expected: [{ value: 4, unit: 'count:mỏ', multiplier: 0 }, { value: 2, unit: 'count:cơ sở', multiplier: 0 }, { value: 2, unit: 'count:nhà máy', multiplier: 0 }, { value: 9, unit: 'count:cơ sở', multiplier: 0 }, { value: 1, unit: 'count:nhà máy', multiplier: 0 }] },
  { source: 'seed000:149', note: '`cùng kỳ 2022` is a year', text: '²² Công nghiệp chế biến ước: Đạt 91,5 tỷ đồng đạt 100% so với kế hoạch, tăng 0,43% so với cùng kỳ 2022; công nghiệp khai khoáng đạt 23,8 tỷ đồng tăng 55% so với cùng kỳ đạt 100% so với KH; Công nghiệp sản xuất điện ước đạt 442,6 tỷ đồng đạt 100% so với KH, tăng 49,22% so với cùng kỳ.', expected: [{ value: 91.5, unit: 'VND', multiplier: 9, footnotes: [] }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 0.43, unit: 'percent', multiplier: 0 }, { value: 23.8, unit: 'VND', multiplier: 9 }, { value: 55, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 442.6, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 49.22, unit: 'percent', multiplier: 0 }] },

  // 1.2.3 investment
  { source: 'seed000:151', text: 'được thực hiện đảm bảo đúng thủ tục. Kế hoạch vốn giao trong năm 2023 là 360.086 triệu đồng, đã thực hiện phân bổ chi tiết đến từng dự án là 360.074 triệu đồng, thực hiện giải ngân đến thời điểm báo cáo là 190.265 triệu đồng, bằng 52,84% kế hoạch vốn giao.', expected: [{ value: 360086, unit: 'VND', multiplier: 6 }, { value: 360074, unit: 'VND', multiplier: 6 }, { value: 190265, unit: 'VND', multiplier: 6 }, { value: 52.84, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:153', text: '+ Tổng số dự án đang triển khai thực hiện trong năm là 201 dự án, trong đó: Số dự án chuyển tiếp năm 2022 sang năm 2023 là 67 dự án, số dự án khởi công mới năm 2023 là 134 dự án²³.', expected: [{ value: 201, unit: 'count:dự án', multiplier: 0, footnotes: [] }, { value: 67, unit: 'count:dự án', multiplier: 0, footnotes: [] }, { value: 134, unit: 'count:dự án', multiplier: 0, footnotes: [23], raw: '134 dự án' }] },
  { source: 'seed000:167', text: '²³ Dự án do cấp tỉnh quản lý 8 dự án; dự án do cấp huyện quản lý 128 dự án; dự án do cấp xã quản lý 65 dự án.', expected: [{ value: 8, unit: 'count:dự án', multiplier: 0 }, { value: 128, unit: 'count:dự án', multiplier: 0 }, { value: 65, unit: 'count:dự án', multiplier: 0 }] },
  { source: 'seed000:155', note: '`phương án` and `tổ chức` are not counted nouns of the table', text: 'phê duyệt 06 phương án bồi thường hỗ trợ tái định cư với số tiền hơn 15.360,861 triệu đồng để thu hồi 14,99 ha đất của 03 tổ chức và 112 hộ gia đình cá nhân.', expected: [{ value: 6, multiplier: 0 }, { value: 15360.861, unit: 'VND', multiplier: 6, qualifier: 'over', decimals: 3 }, { value: 14.99, unit: 'ha', multiplier: 0 }, { value: 3, multiplier: 0 }, { value: 112, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }] },

  // 1.3 trade
  { source: 'seed000:159', text: 'tổng mức bán lẻ hàng hóa và dịch vụ tiêu dùng ước đạt 462,36 tỷ đồng, đạt 100% kế hoạch, tăng 1,03% so với cùng kỳ.', expected: [{ value: 462.36, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 1.03, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:159', text: 'Thực hiện tốt công tác quản lý nhà nước về giá cả thị trường, trong năm tổ chức kiểm tra 73 cơ sở trong đó xử lý vi phạm hành chính 12 cơ sở tổng số tiền xử phạt 73,25 triệu đồng; trị giá hàng hóa vi phạm ước tính 11,8 triệu đồng.', expected: [{ value: 73, unit: 'count:cơ sở', multiplier: 0 }, { value: 12, unit: 'count:cơ sở', multiplier: 0 }, { value: 73.25, unit: 'VND', multiplier: 6 }, { value: 11.8, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:161', text: '- Xuất, nhập khẩu: Ước thực năm 2023 tổng kim ngạch xuất nhập khẩu đạt 31,6 triệu USD, đạt 91,33% KH, trong đó: Giá trị xuất khẩu hàng địa phương ước đạt 6,6 triệu USD, đạt 100% kế hoạch, tăng 2,64% so với cùng kỳ năm trước, các mặt hàng xuất khẩu chủ yếu là hàng nông sản.', expected: [{ value: 31.6, unit: 'USD', multiplier: 6, unitText: 'triệu USD' }, { value: 91.33, unit: 'percent', multiplier: 0 }, { value: 6.6, unit: 'USD', multiplier: 6 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 2.64, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:161', text: 'Giá trị nhập khẩu đạt 25 triệu USD, đạt 89,29% kế hoạch, giảm 28,57% so với cùng kỳ, với các mặt hàng nhập khẩu chủ yếu là thiết bị thủy điện, hàng tiêu dùng.', expected: [{ value: 25, unit: 'USD', multiplier: 6 }, { value: 89.29, unit: 'percent', multiplier: 0 }, { value: 28.57, unit: 'percent', multiplier: 0 }] },

  // 1.4 finance
  { source: 'seed000:165', text: 'Thu ngân sách nhà nước ước đạt 1.473,474 tỷ đồng, đạt 137% so với dự toán HĐND tỉnh và 100,6% dự toán HĐND huyện giao trong đó: Thu ngân sách nhà nước trên địa bàn 73,250 tỷ đồng, đạt 124,2% so với dự toán HĐND tỉnh và 112% dự toán HĐND huyện giao, thu bổ sung từ ngân sách cấp trên là 1.175,621 tỷ đồng, thu chuyển nguồn năm trước chuyển sang 224,250 tỷ đồng.', expected: [{ value: 1473.474, unit: 'VND', multiplier: 9, raw: '1.473,474 tỷ đồng' }, { value: 137, unit: 'percent', multiplier: 0 }, { value: 100.6, unit: 'percent', multiplier: 0 }, { value: 73.25, unit: 'VND', multiplier: 9, decimals: 3 }, { value: 124.2, unit: 'percent', multiplier: 0 }, { value: 112, unit: 'percent', multiplier: 0 }, { value: 1175.621, unit: 'VND', multiplier: 9 }, { value: 224.25, unit: 'VND', multiplier: 9, decimals: 3 }] },
  { source: 'seed000:169', text: 'nhà nước đạt 1.405,729 tỷ đồng, đạt 96,4% so với kế hoạch HĐND huyện giao trong đó: Chi cân đối ngân sách 771,293 tỷ đồng, chi bổ sung ngân sách cấp dưới 158,896 tỷ đồng, chi thực hiện chương trình có mục tiêu 274,540 tỷ đồng, chi kinh phí chuyển nguồn năm 2022 sang năm 2023 là 201 tỷ đồng.', expected: [{ value: 1405.729, unit: 'VND', multiplier: 9 }, { value: 96.4, unit: 'percent', multiplier: 0 }, { value: 771.293, unit: 'VND', multiplier: 9 }, { value: 158.896, unit: 'VND', multiplier: 9 }, { value: 274.54, unit: 'VND', multiplier: 9, decimals: 3 }, { value: 201, unit: 'VND', multiplier: 9 }] },
  { source: 'seed000:171', text: 'Tính đến thời điểm báo cáo có 16 đơn vị được miễn giảm tiền thuế theo Quyết định số 01/2023/QĐ-TTg ngày 31/01/2023 của Thủ tướng Chính phủ với tổng số tiền 108 triệu đồng, 05 đơn vị gửi hồ sơ gia hạn nộp thuế theo Nghị định 12/2023/NĐ-CP số tiền được gia hạn 157 triệu đồng.', expected: [{ value: 16, unit: 'count:đơn vị', multiplier: 0 }, { value: 108, unit: 'VND', multiplier: 6 }, { value: 5, unit: 'count:đơn vị', multiplier: 0 }, { value: 157, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:171', text: 'Tình hình nợ thuế đến thời điểm báo cáo 5.930 triệu đồng. Trong đó: Nợ có khả năng thu là 5.463 triệu đồng (20 đơn vị), nợ khó thu là 467 triệu đồng (01 đơn vị).', expected: [{ value: 5930, unit: 'VND', multiplier: 6 }, { value: 5463, unit: 'VND', multiplier: 6 }, { value: 20, unit: 'count:đơn vị', multiplier: 0 }, { value: 467, unit: 'VND', multiplier: 6 }, { value: 1, unit: 'count:đơn vị', multiplier: 0, raw: '01 đơn vị' }] },
  { source: 'seed000:173', note: '`15,7 tỷ so với`: a scale word with no unit', text: 'Tổng vốn huy động của các ngân hàng ước đạt 961,5 tỷ đồng, tăng 15,7 tỷ so với cùng kỳ; tổng dư nợ của các ngân hàng là 731,5 tỷ đồng, giảm 38,9 tỷ so với cùng kỳ; các khoản nợ xấu của các ngân hàng 13,33 tỷ đồng chiếm 1,38% tổng dư nợ.', expected: [{ value: 961.5, unit: 'VND', multiplier: 9 }, { value: 15.7, unit: null, multiplier: 9, raw: '15,7 tỷ' }, { value: 731.5, unit: 'VND', multiplier: 9 }, { value: 38.9, unit: null, multiplier: 9 }, { value: 13.33, unit: 'VND', multiplier: 9 }, { value: 1.38, unit: 'percent', multiplier: 0 }] },

  // 1.5 land and environment
  { source: 'seed000:177', text: 'Chi đạo lập kế hoạch sử dụng đất năm 2024, điều chỉnh quy hoạch sử dụng đất đến năm 2030.', expected: NONE },
  { source: 'seed000:177', text: 'cho 66 hộ gia đình và 07 nhóm hộ cộng đồng dân cư với trên 1.314ha', expected: [{ value: 66, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }, { value: 7, unit: 'count:nhóm', multiplier: 0 }, { value: 1314, unit: 'ha', multiplier: 0, qualifier: 'over', raw: '1.314ha' }] },
  { source: 'seed000:177', text: 'chuyển đổi mục đích sử dụng đất từ đất nông nghiệp sang đất ở nông thôn cho 02 hộ gia đình với tổng diện tích 806,8m², số tiền thu nộp ngân sách 371,182 triệu đồng;', expected: [{ value: 2, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }, { value: 806.8, unit: 'm2', multiplier: 0, footnotes: [], raw: '806,8m²' }, { value: 371.182, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:177', text: 'chuyển mục đích sử dụng đất nông nghiệp sang đất thương mại, dịch vụ cho 01 hộ gia đình với diện tích 1.221 m², số tiền sử dụng đất thu được là 272.283.000 đồng.', expected: [{ value: 1, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }, { value: 1221, unit: 'm2', multiplier: 0, footnotes: [] }, { value: 272283000, unit: 'VND', multiplier: 0 }] },
  { source: 'seed000:177', note: '`tổ chức` is not a counted noun of the table', text: 'phát hiện và xử phạt vi phạm hình chính đối với 01 tổ chức và 12 cá nhân với số tiền 280 triệu đồng.', expected: [{ value: 1, multiplier: 0 }, { value: 12, unit: 'count:cá nhân', multiplier: 0 }, { value: 280, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:179', text: '- Các hoạt động quản lý khai thác khoáng sản luôn được quan tâm; việc tuyên truyền, phổ biến các văn bản về thực hiện Luật Khoáng sản, Luật Bảo vệ môi trường được đẩy mạnh; triển khai thực hiện Nghị định số 02/2023/NĐ-CP ngày 01/02/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật', expected: NONE },
  { source: 'seed000:181', text: '²⁴ Điều chỉnh bổ sung quy hoạch, kế hoạch sử dụng đất 58 dự án, đề nghị đưa ra khỏi quy hoạch 01 dự án, bổ sung kế hoạch chuyển mục đích sử dụng đất của hộ gia đình cá nhân 0,521 ha; chuyển mục đích sử dụng đất phát sinh 17 dự án; thu hồi đất phát sinh 24 dự án', expected: [{ value: 58, unit: 'count:dự án', multiplier: 0 }, { value: 1, unit: 'count:dự án', multiplier: 0 }, { value: 0.521, unit: 'ha', multiplier: 0, decimals: 3 }, { value: 17, unit: 'count:dự án', multiplier: 0 }, { value: 24, unit: 'count:dự án', multiplier: 0 }] },
  { source: 'seed000:183', text: 'Ban hành kế hoạch thành lập đoàn kiểm tra việc chấp hành pháp luật trong hoạt động khai thác khoáng sản, sử dụng tài nguyên nước trên địa bàn huyện Phong Thổ năm 2023, phát hiện xử phạt vi phạm hành chính 04 đơn vị khai thác khoáng sản với số tiền 36 triệu đồng.', expected: [{ value: 4, unit: 'count:đơn vị', multiplier: 0 }, { value: 36, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:185', text: 'Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom và xử lý đạt 100%; Tỷ lệ số xã, phường, thị trấn được thu gom, xử lý rác thải sinh hoạt đạt 64,7%, đạt 100%KH (11/17 xã, thị trấn).', expected: [{ value: 100, unit: 'percent', multiplier: 0 }, { value: 64.7, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0, raw: '100%' }, { value: 11, unit: 'count:xã', multiplier: 0, ratio: 0 }, { value: 17, unit: 'count:xã', multiplier: 0, ratio: 1 }] },

  // 1.6 infrastructure, enterprises
  { source: 'seed000:189', text: 'Hạ tầng giao thông được đầu tư nâng cấp, có 168/170 (Thôn, bản) có đường xe máy hoặc ô tô đi lại thuận lợi đạt tỷ lệ 98,83%, đạt 100%KH; 17/17 xã, thị trấn có điện lưới Quốc gia, tỷ lệ hộ được sử dụng điện lưới Quốc gia 99,80% đạt 100%KH; tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung 100%', expected: [{ value: 168, multiplier: 0, ratio: 0 }, { value: 170, multiplier: 0, ratio: 1 }, { value: 98.83, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 17, unit: 'count:xã', multiplier: 0, ratio: 0 }, { value: 17, unit: 'count:xã', multiplier: 0, ratio: 1 }, { value: 99.8, unit: 'percent', multiplier: 0, decimals: 2 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:141', text: 'Toàn huyện có 16/16 xã có đường ô tô đến trung tâm xã được cứng hóa, 98,83% tỷ lệ thôn, bản có đường xe máy hoặc ô tô đi lại thuận lợi đạt 100% kế hoạch giao.', expected: [{ value: 16, unit: 'count:xã', multiplier: 0, ratio: 0 }, { value: 16, unit: 'count:xã', multiplier: 0, ratio: 1 }, { value: 98.83, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:139', text: 'Trong năm thực hiện công tác thẩm định, cấp phép xây dựng nhà ở riêng lẻ cho 12 hộ gia đình tại địa bàn Thị trấn', expected: [{ value: 12, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }] },
  { source: 'seed000:191', note: '`ngày 13/10` is a day and month', text: 'tổ chức gặp mặt doanh nghiệp, HTX, doanh nhân ngày Doanh nhân Việt Nam ngày 13/10 để lắng nghe các ý kiến của cộng đồng, doanh nghiệp HTX nhằm tháo gỡ các khó khăn vướng mắc', expected: NONE },
  { source: 'seed000:191', text: 'từ đầu năm đến nay đã thực hiện cấp mới, cấp đổi giấy phép đăng ký kinh doanh cho 120 hộ, lũy kế trên địa bàn huyện có 950 hộ đăng ký kinh doanh.', expected: [{ value: 120, unit: 'count:hộ', multiplier: 0 }, { value: 950, unit: 'count:hộ', multiplier: 0, qualifier: null }] },
  { source: 'seed000:191', text: 'toàn huyện có 43 Hợp tác xã (trong đó: Thành lập mới 03 HTX; ngừng hoạt động: 02 HTX).', note: 'count nouns are lower-cased', expected: [{ value: 43, unit: 'count:hợp tác xã', multiplier: 0, raw: '43 Hợp tác xã' }, { value: 3, unit: 'count:htx', multiplier: 0 }, { value: 2, unit: 'count:htx', multiplier: 0 }] },

  // 2.1 education
  { source: 'seed000:199', text: 'Tỷ lệ huy động học sinh mẫu giáo đến trường đạt 98,5% đạt 100%KH; tỷ lệ học sinh trong độ tuổi tiểu học đến trường 99,5% đạt 100%KH, tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường 96,5 đạt 100%KH; Số học sinh tốt nghiệp THCS tiếp tục học THPT và các trường nghề, bổ túc, GDTX: 864/1506 học sinh đạt 57,3%, (*tăng 3,1% so với kế hoạch giao*).', expected: [{ value: 98.5, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 99.5, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 96.5, unit: null, multiplier: 0, raw: '96,5' }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 864, unit: 'count:học sinh', multiplier: 0, ratio: 0 }, { value: 1506, unit: 'count:học sinh', multiplier: 0, ratio: 1 }, { value: 57.3, unit: 'percent', multiplier: 0 }, { value: 3.1, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:201', text: 'Tiếp tục triển khai thực hiện xây dựng và duy trì trường chuẩn quốc gia, công nhân mới đối với 03 trường học, nâng tổng số trường đạt chuẩn quốc gia của toàn huyện lên 25/51 trường, tỷ lệ trường đạt chuẩn quốc gia 49%, đạt 100%KH;', expected: [{ value: 3, unit: ['count:trường học', 'count:trường'], multiplier: 0 }, { value: 25, unit: 'count:trường', multiplier: 0, ratio: 0 }, { value: 51, unit: 'count:trường', multiplier: 0, ratio: 1 }, { value: 49, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:201', text: 'Tổ chức sắp xếp đội ngũ giáo viên và tổ chức tuyển dụng được 38 giáo viên cho năm học mới 2023-2024.', expected: [{ value: 38, unit: 'count:giáo viên', multiplier: 0 }] },

  // 2.2 health
  { source: 'seed000:207', text: 'Tổ chức tốt công tác khám chữa bệnh, cấp cứu cho nhân dân trên địa bàn huyện, đảm bảo công tác thường trực cấp cứu 24/24 giờ.', expected: NONE },
  { source: 'seed000:207', text: 'Trong năm đã tổ chức khám, chữa bệnh cho khoảng 180 nghìn lượt bệnh nhân (*trong đó gần 7.120 nghìn bệnh nhân điều trị nội trú; điều trị ngoại trú + kê đơn 60 nghìn người*).', expected: [{ value: 180, unit: 'count:lượt', multiplier: 3, qualifier: 'about', raw: '180 nghìn lượt' }, { value: 7120, unit: 'count:bệnh nhân', multiplier: 3, qualifier: 'nearly' }, { value: 60, unit: 'count:người', multiplier: 3, qualifier: null }] },
  { source: 'seed000:207', text: 'Tổ chức triển khai tiêm chủng vắc xin tới các thôn, bản trên địa bàn huyện, số trẻ được tiêm chủng đầy đủ các loại vắc xin ước thực hiện cả năm là 1.450 trẻ đạt 52,31%.', expected: [{ value: 1450, unit: 'count:trẻ', multiplier: 0 }, { value: 52.31, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:211', note: 'ages are on the grammar’s exclusion list; `ít nhất` is not a qualifier of the grammar', text: 'tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo độ tuổi 1.244/7.518 chiếm 16,55%, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng chiều cao theo độ tuổi 1.645/7.518 chiếm 21,88%, tỷ lệ phụ nữ đẻ được khám thai ít nhất 3 lần trong thai kỳ 48,09%.', expected: [{ value: 1244, unit: null, multiplier: 0, ratio: 0 }, { value: 7518, unit: null, multiplier: 0, ratio: 1 }, { value: 16.55, unit: 'percent', multiplier: 0 }, { value: 1645, unit: null, multiplier: 0, ratio: 0 }, { value: 7518, unit: null, multiplier: 0, ratio: 1 }, { value: 21.88, unit: 'percent', multiplier: 0 }, { value: 3, unit: 'count:lần', multiplier: 0, qualifier: null }, { value: 48.09, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:211', text: 'Tăng cường công tác tuyên truyền kế hoạch hóa gia đình, tình trạng tảo hôn, mức giảm tỷ lệ sinh ước đạt 2,14%', expected: [{ value: 2.14, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:221', text: '²⁵ Tổng số người nhiễm HIV/AIDS đang quản lý 191 người; quản lý bệnh nhân điều trị ARV 74 người; số người điều trị Methadone 452 người.', expected: [{ value: 191, unit: 'count:người', multiplier: 0, footnotes: [] }, { value: 74, unit: 'count:người', multiplier: 0 }, { value: 452, unit: 'count:người', multiplier: 0 }] },
  { source: 'seed000:223', text: '²⁶ Tổng số cơ sở được kiểm tra, giám sát trong năm 588 cơ sở, qua kiểm tra giám sát phát hiện 156 cơ sở vi phạm.', expected: [{ value: 588, unit: 'count:cơ sở', multiplier: 0 }, { value: 156, unit: 'count:cơ sở', multiplier: 0 }] },

  // 2.3 poverty, social security, labour
  { source: 'seed000:217', text: '- Triển khai thực hiện Nghị quyết số 04-NQ/HU ngày 22/12/2022 của Huyện ủy Phong Thổ về đưa huyện Phong Thổ ra khỏi danh sách huyện nghèo vào năm 2025, UBND huyện đã chỉ đạo các xã xây dựng kế hoạch cụ thể ngay từ những ngày đầu năm;', expected: NONE },
  { source: 'seed000:217', text: 'Đến nay tỷ lệ hộ nghèo của huyện là 37,93%; mức giảm tỷ lệ hộ nghèo trong năm là 5,88%/5,3% vượt chỉ tiêu kế hoạch giao 0,58%; số hộ thoát nghèo trong năm 1.175 hộ vượt 31,58%KH.', expected: [{ value: 37.93, unit: 'percent', multiplier: 0 }, { value: 5.88, unit: 'percent', multiplier: 0, ratio: 0 }, { value: 5.3, unit: 'percent', multiplier: 0, ratio: 1 }, { value: 0.58, unit: 'percent', multiplier: 0 }, { value: 1175, unit: 'count:hộ', multiplier: 0, raw: '1.175 hộ' }, { value: 31.58, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:219', text: 'Đã thực hiện chi trả chế độ trợ cấp cho 58 đối tượng người có công và thân nhân người có công với số tiền trên 893,144 triệu đồng; thực hiện chi trả hàng tháng cho trên 29.000 nghìn đối tượng bảo trợ xã hội với tổng số tiền trên 25 tỷ đồng²⁷.', expected: [{ value: 58, unit: 'count:đối tượng', multiplier: 0, footnotes: [] }, { value: 893.144, unit: 'VND', multiplier: 6, qualifier: 'over' }, { value: 29000, unit: 'count:đối tượng', multiplier: 3, qualifier: 'over' }, { value: 25, unit: 'VND', multiplier: 9, qualifier: 'over', footnotes: [27], raw: '25 tỷ đồng' }] },
  { source: 'seed000:225', text: '²⁷ Trao hơn 243 suất quà với tổng kinh phí, 656 triệu đồng trong dịp tết Nguyên đán; cấp phát 98,82 tấn gạo cứu đói giúp hạt cho 1.506 hộ với 6.588 khẩu;', expected: [{ value: 243, unit: ['count:suất quà', 'count:suất'], multiplier: 0, qualifier: 'over' }, { value: 656, unit: 'VND', multiplier: 6 }, { value: 98.82, unit: 'tonne', multiplier: 0 }, { value: 1506, unit: 'count:hộ', multiplier: 0 }, { value: 6588, unit: 'count:khẩu', multiplier: 0 }] },
  { source: 'seed000:225', text: 'với 187 suất quà, trị giá 143 triệu đồng', expected: [{ value: 187, unit: ['count:suất quà', 'count:suất'], multiplier: 0 }, { value: 143, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:227', text: '²⁸ Hỗ trợ cho 29 cháu có hoàn cảnh khó khăn với số tiền hơn 4,3 triệu từ nguồn quỹ bảo trợ trẻ em đi khám tìm bẩm sinh và phẫu thuật khuyết tật.', expected: [{ value: 29, unit: 'count:cháu', multiplier: 0, footnotes: [] }, { value: 4.3, unit: null, multiplier: 6, qualifier: 'over', raw: '4,3 triệu' }] },
  { source: 'seed000:239', text: 'tết thiếu nhi với tổng kinh phí thực hiện 612,148 triệu đồng, trong đó: Nguồn ngân sách nhà nước 13 triệu đồng, xã hội hóa 599,148 triệu đồng', expected: [{ value: 612.148, unit: 'VND', multiplier: 6 }, { value: 13, unit: 'VND', multiplier: 6 }, { value: 599.148, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:229', text: 'đến nay đã chuẩn hóa được 28.462/29.433 trẻ, đạt 96,7%. Số người tham gia bảo hiểm y tế 81.012 nghìn người, nâng tỷ lệ bao phủ bảo hiểm y tế lên 94,94%.', expected: [{ value: 28462, unit: 'count:trẻ', multiplier: 0, ratio: 0 }, { value: 29433, unit: 'count:trẻ', multiplier: 0, ratio: 1, raw: '29.433 trẻ' }, { value: 96.7, unit: 'percent', multiplier: 0 }, { value: 81012, unit: 'count:người', multiplier: 3, raw: '81.012 nghìn người' }, { value: 94.94, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:231', text: '- Số lao động được đào tạo nghề trong năm 1.260/1.200 người, đạt 105% kế hoạch; tuyên truyền tư vấn hướng nghiệp, giới thiệu việc làm trên 5.500 lượt lao động.', note: '`năm 1.260`: a grouped number after `năm` is not a year', expected: [{ value: 1260, unit: 'count:người', multiplier: 0, ratio: 0 }, { value: 1200, unit: 'count:người', multiplier: 0, ratio: 1 }, { value: 105, unit: 'percent', multiplier: 0 }, { value: 5500, unit: ['count:lượt', 'count:lượt lao động'], multiplier: 0, qualifier: 'over' }] },
  { source: 'seed000:231', text: 'Kết quả có 2.032 lao động được giải quyết việc làm trong năm, đạt 189,91% kế hoạch (*trong đó có 100 lao động đi làm việc theo hợp đồng ở nước ngoài, 82 lao động đi học và làm việc tại tập đoàn Than-Khoáng sản Việt Nam, trên 1.118 người đi làm công ty, doanh nghiệp trong nước, số tự tạo việc làm mới tại địa phương trên 732 người*).', expected: [{ value: 2032, unit: 'count:lao động', multiplier: 0 }, { value: 189.91, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'count:lao động', multiplier: 0 }, { value: 82, unit: 'count:lao động', multiplier: 0 }, { value: 1118, unit: 'count:người', multiplier: 0, qualifier: 'over' }, { value: 732, unit: 'count:người', multiplier: 0, qualifier: 'over' }] },
  { source: 'seed000:231', text: 'Giải quyết việc làm thông qua vay vốn tại Ngân hàng Chính sách xã hội huyện cho 511 lao động với số tiền 39 tỷ đồng.', expected: [{ value: 511, unit: 'count:lao động', multiplier: 0 }, { value: 39, unit: 'VND', multiplier: 9 }] },
  { source: 'seed000:231', text: 'Triển khai thực hiện tuyên truyền vận động người nghiện ma túy đi cai nghiện tại Trung tâm điều trị cai nghiện được 27/15 người, đạt 180% kế hoạch giao.', expected: [{ value: 27, unit: 'count:người', multiplier: 0, ratio: 0 }, { value: 15, unit: 'count:người', multiplier: 0, ratio: 1 }, { value: 180, unit: 'percent', multiplier: 0 }] },

  // 2.4 culture, information
  { source: 'seed000:235', text: 'Các hoạt động văn hóa, văn nghệ, thể dục thể thao được tổ chức sôi nổi; tổ chức 13 buổi biểu diễn, giao lưu văn hóa, văn nghệ, đạt 130% kế hoạch; tổ chức 05 giải thi đấu thể thao bóng chuyền hơi, 01 giải cầu lông;', expected: [{ value: 13, unit: 'count:buổi', multiplier: 0 }, { value: 130, unit: 'percent', multiplier: 0 }, { value: 5, unit: 'count:giải', multiplier: 0 }, { value: 1, unit: 'count:giải', multiplier: 0 }] },
  { source: 'seed000:235', text: 'tỷ lệ thôn, bản, khu dân cư có nhà văn hóa đạt 84,7% vượt 7,05%; tỷ lệ hộ gia đình đạt chuẩn văn hóa 81,8% vượt 0,2%KH; tỷ lệ thôn, bản, khu phố đạt tiêu chuẩn văn hóa 88,82% vượt 9,32%KH; tỷ lệ cơ quan, đơn vị, trường học đạt chuẩn văn hóa 98,48% vượt 0,48%.', expected: [{ value: 84.7, unit: 'percent', multiplier: 0 }, { value: 7.05, unit: 'percent', multiplier: 0 }, { value: 81.8, unit: 'percent', multiplier: 0 }, { value: 0.2, unit: 'percent', multiplier: 0 }, { value: 88.82, unit: 'percent', multiplier: 0 }, { value: 9.32, unit: 'percent', multiplier: 0 }, { value: 98.48, unit: 'percent', multiplier: 0 }, { value: 0.48, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:243', text: '³⁰ Tổng số giờ phát thanh 23.500 giờ, số giờ phát thanh tự sản xuất 300 giờ; tổng số giờ phát sóng truyền hình 54 chương trình, đưa thông tin đến cơ sở 75 buổi đạt 100%KH, xây dựng 4.030 tin, số lượng bài 620 bài,', expected: [{ value: 23500, unit: 'hour', multiplier: 0, footnotes: [] }, { value: 300, unit: 'hour', multiplier: 0 }, { value: 54, unit: 'count:chương trình', multiplier: 0 }, { value: 75, unit: 'count:buổi', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 4030, unit: 'count:tin', multiplier: 0 }, { value: 620, unit: 'count:bài', multiplier: 0 }] },
  { source: 'seed000:245', text: 'Trong năm toàn huyện đã thu hút trên 37 nghìn lượt khách du lịch đến tham quan, trải nghiệm các điểm du lịch trên địa bàn huyện, tăng 23,33% so với cùng kỳ (*cùng kỳ 30.000 người*); doanh thu từ hoạt động du lịch ước đạt 18,5 tỷ đồng, đạt 100% so với kế hoạch, tăng 2,78% so với cùng kỳ (*cùng kỳ 18 tỷ*).', expected: [{ value: 37, unit: ['count:lượt khách', 'count:lượt'], multiplier: 3, qualifier: 'over' }, { value: 23.33, unit: 'percent', multiplier: 0 }, { value: 30000, unit: 'count:người', multiplier: 0 }, { value: 18.5, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 2.78, unit: 'percent', multiplier: 0 }, { value: 18, unit: null, multiplier: 9, raw: '18 tỷ' }] },

  // 2.5–2.6 science, ethnic affairs
  { source: 'seed000:249', text: 'Xây dựng Kế hoạch duy trì áp dụng, cải tiến hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015 vào hoạt động của UBND huyện Phong Thổ năm 2023. Quyết định ban hành mục tiêu chất lượng năm 2023.', expected: NONE },
  { source: 'seed000:253', text: 'đồng thời mở 03 lớp tập huấn bồi dưỡng kiến thức về dân tộc', expected: [{ value: 3, unit: 'count:lớp', multiplier: 0 }] },
  { source: 'seed000:253', text: 'Tổ chức thăm hỏi người có uy tín và các hộ đồng bào dân tộc thiểu số nghèo trong dịp tết nguyên đán với số tiền 144 triệu đồng.', expected: [{ value: 144, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:253', text: 'Tăng cường thực hiện việc giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống theo Chỉ thị số 09-CT/TU ngày 06/4/2022 của Ban Thường vụ Tỉnh ủy.', expected: NONE },
  { source: 'seed000:253', text: 'tổ chức tuyên truyền phổ biến pháp luật về tín ngưỡng, tôn giáo tại 11 điểm nhóm trên địa bàn các xã', note: 'a classifier and the noun after it, or the classifier alone', expected: [{ value: 11, unit: ['count:điểm nhóm', 'count:điểm'], multiplier: 0 }] },

  // 3 government, inspection, justice
  { source: 'seed000:259', text: 'Thực hiện tốt công tác quản lý nhà nước về tổ chức bộ máy, biên chế theo đúng quy định (*hiện nay toàn huyện có 12 cơ quan chuyên môn, 06 đơn vị sự*', expected: [{ value: 12, unit: 'count:cơ quan', multiplier: 0 }, { value: 6, unit: 'count:đơn vị', multiplier: 0 }] },
  { source: 'seed000:263', note: '`nhiệm vụ` is not in the unit table', text: 'ban hành và tổ chức triển khai thực hiện kế hoạch công tác CCHC năm 2023 với 34 nhiệm vụ trọng tâm, đến thời điểm hiện tại đã triển khai thực hiện và hoàn thành 29/34 nhiệm vụ (đạt 85,3%), còn 05 nhiệm vụ đang thường xuyên triển khai thực hiện;', expected: [{ value: 34, multiplier: 0 }, { value: 29, multiplier: 0, ratio: 0 }, { value: 34, multiplier: 0, ratio: 1 }, { value: 85.3, unit: 'percent', multiplier: 0 }, { value: 5, multiplier: 0 }] },
  { source: 'seed000:263', text: '100% cơ quan, đơn vị đã triển khai ứng dụng phần mềm hệ thống quản lý văn bản.', expected: [{ value: 100, unit: 'percent', multiplier: 0, raw: '100%' }] },
  { source: 'seed000:267', note: '`kết luận` is not in the unit table', text: '- *Về công tác thanh tra:* Trong năm thanh tra huyện đã tổ chức triển khai thực hiện 04 cuộc thanh tra theo kế hoạch đối với 12 đơn vị trên địa bàn huyện; đã hoàn thành ban hành 04 kết luận thanh tra.', expected: [{ value: 4, unit: ['count:cuộc thanh tra', 'count:cuộc'], multiplier: 0 }, { value: 12, unit: 'count:đơn vị', multiplier: 0 }, { value: 4, multiplier: 0 }] },
  { source: 'seed000:271', text: '³¹ Nâng lương đợt I năm 2023 cho 380 cán bộ, công chức, viên; quyết định xếp lương đối với 20 CBCC cấp xã, xếp phụ cấp đối với 23 người không chuyên trách cấp xã.', note: '`CBCC` is not in the unit table; `cán bộ, công chức` is a collective (the `viên` after it a slip)', expected: [{ value: 380, unit: ['count:cán bộ', 'count:cán bộ, công chức'], multiplier: 0 }, { value: 20, multiplier: 0 }, { value: 23, unit: 'count:người', multiplier: 0 }] },
  { source: 'seed000:271', text: 'Khen thưởng chuyên đề, đợt xuất cho 45 tập thể, 134 cá nhân, 09 hộ gia đình; tặng danh hiệu lao động tiên tiến 1.581 cá nhân và 239 tập thể.', expected: [{ value: 45, unit: 'count:tập thể', multiplier: 0 }, { value: 134, unit: 'count:cá nhân', multiplier: 0 }, { value: 9, unit: ['count:hộ gia đình', 'count:hộ'], multiplier: 0 }, { value: 1581, unit: 'count:cá nhân', multiplier: 0 }, { value: 239, unit: 'count:tập thể', multiplier: 0 }] },
  { source: 'seed000:273', text: '³² Quyết định phê chuẩn miễn nhiệm đối với 03 Chủ tịch UBND xã, quyết định phê chuẩn bầu cử 05 Chủ tịch UBND xã.', expected: [{ value: 3, unit: 'count:chủ tịch', multiplier: 0 }, { value: 5, unit: 'count:chủ tịch', multiplier: 0 }] },
  { source: 'seed000:277', text: '³⁴ Công văn số 46/UBND-TTr ngày 10/01/2023 của UBND huyện về việc tăng cường công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh trên địa bàn. Ban hành kế hoạch số 136/KH-UBND ngày 07/4/2023 về thực hiện Nghị quyết số 623/NQ-UBTVQH15 ngày 07/10/2022 của Ủy ban Thường', expected: NONE },
  { source: 'seed000:279', text: 'Toàn huyện tổng số lượt tiếp công dân là 226 lượt, 227 người = 226 vụ việc (*giảm 202 lượt, 238 người = 200 vụ việc so với năm 2022*);', expected: [{ value: 226, unit: 'count:lượt', multiplier: 0 }, { value: 227, unit: 'count:người', multiplier: 0 }, { value: 226, unit: 'count:vụ việc', multiplier: 0 }, { value: 202, unit: 'count:lượt', multiplier: 0 }, { value: 238, unit: 'count:người', multiplier: 0 }, { value: 200, unit: 'count:vụ việc', multiplier: 0 }] },
  { source: 'seed000:279', text: 'Tiếp nhận và giải quyết 74 đơn kiến nghị, phản ánh của công dân = 71 vụ việc. Trong đó tồn đọng năm 2022 chuyển sang 06 đơn = 06 vụ việc, số đơn phát sinh tiếp nhận mới trong năm 2023 là 68 đơn = 65 vụ việc;', expected: [{ value: 74, unit: 'count:đơn', multiplier: 0 }, { value: 71, unit: 'count:vụ việc', multiplier: 0 }, { value: 6, unit: 'count:đơn', multiplier: 0 }, { value: 6, unit: 'count:vụ việc', multiplier: 0 }, { value: 68, unit: 'count:đơn', multiplier: 0 }, { value: 65, unit: 'count:vụ việc', multiplier: 0 }] },
  { source: 'seed000:289', text: '³⁵ Trong đó; Cấp huyện tiếp 85 lượt, 85 lượt người được tiếp = 85 vụ việc; cấp xã tiếp 141 lượt, 142 lượt người được tiếp = 141 vụ việc.', expected: [{ value: 85, unit: 'count:lượt', multiplier: 0, footnotes: [] }, { value: 85, unit: 'count:lượt người', multiplier: 0 }, { value: 85, unit: 'count:vụ việc', multiplier: 0 }, { value: 141, unit: 'count:lượt', multiplier: 0 }, { value: 142, unit: 'count:lượt người', multiplier: 0 }, { value: 141, unit: 'count:vụ việc', multiplier: 0 }] },
  { source: 'seed000:291', text: '³⁶. Chỉ thị số 04/CT-UBND ngày 31/12/2022 về tăng cường thực hiện các biện pháp bảo đảm đón Tết Nguyên đán Quý Mão 2023 lành mạnh, an toàn, tiết kiệm; Kế hoạch số 41/KH-UBND ngày 18/01/2023 về Công tác phòng, chống tham nhũng, tiêu cực năm 2023; Quyết định số 152/QĐ-UBND ngày 14/02/2023 về Ban hành Chương trình thực hành tiết kiệm, chống lãng phí năm 2023; Kế hoạch số 94/KH-UBND ngày 03/3/2023 về triển khai Phong trào thi đua “Phong Thổ đầy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”; Quyết định số 3500/QĐ-UBND ngày 30/12/2022 về Ban hành Chương trình công tác năm 2023 của UBND huyện; Công văn số 213/UBND-TTTr ngày 16/02/2023 về tăng cường triển khai các nhiệm vụ, giải pháp về công tác phòng, chống tham nhũng, tiêu cực; Kế hoạch số 220/KH-UBND ngày 01/8/2023 về Triển khai thực hiện Chỉ thị số 19-CT/TU ngày 23/5/2023 của BTV Tỉnh ủy về tăng cường sự lãnh đạo của cấp ủy đảng đối với công tác phòng, chống tham nhũng, tiêu cực; Công văn thực hiện kết luận của đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực tại cuộc họp Thường trực Ban Chỉ đạo ngày 10/5/2023.', note: 'a footnote that is nothing but document numbers and dates', expected: NONE },
  { source: 'seed000:295', text: '³⁸ Cử 12 báo cáo viên tham gia tập huấn do Sở Tư pháp tổ chức; phối hợp tổ chức 02 Hội nghị trực tuyến truyền lao động làm việc ở nước ngoài và luật phòng, chống ma túy với hơn 600 lượt người; tổ chức 05 lớp bồi dưỡng nghiệp vụ xây dựng cấp xã đạt chuẩn tiếp cận pháp luật', expected: [{ value: 12, unit: 'count:báo cáo viên', multiplier: 0, footnotes: [] }, { value: 2, unit: 'count:hội nghị', multiplier: 0 }, { value: 600, unit: 'count:lượt người', multiplier: 0, qualifier: 'over' }, { value: 5, unit: 'count:lớp', multiplier: 0 }] },
  { source: 'seed000:313', text: 'cho 853 lượt người; tổ chức 01 Hội nghị trực tuyến phổ biến luật phòng, chống bạo lực gia đình cho 733 đại biểu; tổ chức tuyên truyền PBGDPL tại các xã, thị trấn thông qua các cuộc họp thôn, bản được 1.167 cuộc cho hơn 102.925 lượt người', expected: [{ value: 853, unit: 'count:lượt người', multiplier: 0 }, { value: 1, unit: 'count:hội nghị', multiplier: 0 }, { value: 733, unit: 'count:đại biểu', multiplier: 0 }, { value: 1167, unit: 'count:cuộc', multiplier: 0 }, { value: 102925, unit: 'count:lượt người', multiplier: 0, qualifier: 'over' }] },
  { source: 'seed000:315', note: '`hợp đồng` is not in the unit table', text: '³⁹ Trong năm đã thực hiện đăng ký khai sinh cho 1.587 trường hợp; đăng ký kết hôn cho 455 cặp; đăng ký khai tử 296 trường hợp; cấp giấy xác nhận tình trạng hôn nhân cho 345 trường hợp; thay đổi, cải chính, bổ sung hộ tịch 125 trường hợp; đăng ký nhận cha, mẹ nuôi 05 trường hợp; chứng thực bản sao từ bản chính 23.146 bản; thu lệ phí chứng thực hơn 68,999 triệu đồng; chứng thực hợp đồng giao dịch 385 hợp đồng, lệ phí thu được 17,895 triệu đồng.', expected: [{ value: 1587, unit: 'count:trường hợp', multiplier: 0 }, { value: 455, unit: 'count:cặp', multiplier: 0 }, { value: 296, unit: 'count:trường hợp', multiplier: 0 }, { value: 345, unit: 'count:trường hợp', multiplier: 0 }, { value: 125, unit: 'count:trường hợp', multiplier: 0 }, { value: 5, unit: 'count:trường hợp', multiplier: 0 }, { value: 23146, unit: 'count:bản', multiplier: 0 }, { value: 68.999, unit: 'VND', multiplier: 6, qualifier: 'over' }, { value: 385, multiplier: 0 }, { value: 17.895, unit: 'VND', multiplier: 6 }] },
  { source: 'seed000:299', text: 'Tổ chức sơ kết 03 năm thực hiện các Chương trình MTQG theo chỉ đạo, hướng dẫn của trung ương, tỉnh.', expected: [{ value: 3, unit: 'year', multiplier: 0, raw: '03 năm' }] },
  { source: 'seed000:299', text: 'Tổng kế hoạch vốn đầu tư năm 2023 được giao là 188.685 triệu đồng. đã phân bổ chi tiết là 188.673 triệu đồng. Đến thời điểm báo cáo đã thực hiện giải ngân vốn đầu tư 102.531 triệu đồng, bằng 54% kế hoạch vốn giao.', expected: [{ value: 188685, unit: 'VND', multiplier: 6 }, { value: 188673, unit: 'VND', multiplier: 6 }, { value: 102531, unit: 'VND', multiplier: 6 }, { value: 54, unit: 'percent', multiplier: 0 }] },

  // II defence and security
  { source: 'seed000:305', note: '`quân nhân` is not in the unit table', text: 'Hoàn thành giao nhận 124/124 quân nhân nhập ngũ đạt 100% chỉ tiêu giao.', expected: [{ value: 124, multiplier: 0, ratio: 0 }, { value: 124, multiplier: 0, ratio: 1 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:317', text: '⁴⁰ Tổ chức huấn luyện lực lượng thường trực đạt 100% các nội dung huấn luyện, đạt 80% khá, giỏi; chỉ đạo 27/27 cơ sở dân quân tự vệ huấn luyện với 1727 quân số tham gia, các nội dung huấn luyện đạt 75,6% khá, giỏi; tổ chức huấn luyện chuyên trạng thái SSCĐ với quân số tham gia 29 người đạt kết quả khá;', note: '1727 lies outside the bare-year range', expected: [{ value: 100, unit: 'percent', multiplier: 0, footnotes: [] }, { value: 80, unit: 'percent', multiplier: 0 }, { value: 27, unit: ['count:cơ sở dân quân tự vệ', 'count:cơ sở'], multiplier: 0, ratio: 0 }, { value: 27, unit: ['count:cơ sở dân quân tự vệ', 'count:cơ sở'], multiplier: 0, ratio: 1 }, { value: 1727, unit: 'count:quân số', multiplier: 0 }, { value: 75.6, unit: 'percent', multiplier: 0 }, { value: 29, unit: 'count:người', multiplier: 0 }] },
  { source: 'seed000:321', text: 'Đã cấp được 68.849/68.849 hồ sơ căn cước công dân đạt 100%; tiến hành định danh điện tử 25.026/25.224 trường hợp đạt 99,2%.', expected: [{ value: 68849, unit: 'count:hồ sơ', multiplier: 0, ratio: 0 }, { value: 68849, unit: 'count:hồ sơ', multiplier: 0, ratio: 1 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 25026, unit: 'count:trường hợp', multiplier: 0, ratio: 0 }, { value: 25224, unit: 'count:trường hợp', multiplier: 0, ratio: 1 }, { value: 99.2, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:325', open: ['footnotes'], text: 'Tổ chức ký kết nghĩa nhân dân 03 bản biên giới với 03 bản của huyện Kim Bình⁴².', expected: [{ value: 3, unit: 'count:bản', multiplier: 0, footnotes: [] }, { value: 3, unit: 'count:bản', multiplier: 0 }] },
  { source: 'seed000:331', text: '⁴¹ Trong năm: Công an huyện đã phối hợp với Đoàn biên phòng cửa khẩu Ma Lù Thàng tiếp nhận 58 công dân Việt Nam xuất, nhập khẩu trái phép sang Trung Quốc, bị Công an Trung Quốc tá về, cấp 11.473 sổ thông hành qua biên giới cho Nhân dân.', expected: [{ value: 58, unit: 'count:công dân', multiplier: 0 }, { value: 11473, unit: ['count:sổ thông hành', 'count:sổ'], multiplier: 0 }] },
  { source: 'seed000:333', text: '- Tội phạm về TTXH: Từ đầu năm xảy ra 27 vụ vi phạm pháp luật hình sự, đã điều tra làm rõ 22/27 vụ (*giết người 08 vụ, cướp tài sản 01 vụ, trộm cắp tài sản 15 vụ, cố ý gây thương tích 02, hiếp dâm 01 vụ*).', note: '`02, hiếp` is a bare count, not a split number', expected: [{ value: 27, unit: 'count:vụ', multiplier: 0 }, { value: 22, unit: 'count:vụ', multiplier: 0, ratio: 0 }, { value: 27, unit: 'count:vụ', multiplier: 0, ratio: 1 }, { value: 8, unit: 'count:vụ', multiplier: 0 }, { value: 1, unit: 'count:vụ', multiplier: 0 }, { value: 15, unit: 'count:vụ', multiplier: 0 }, { value: 2, unit: null, multiplier: 0, raw: '02' }, { value: 1, unit: 'count:vụ', multiplier: 0 }] },
  { source: 'seed000:335', text: '- Tội phạm ma túy: Phát hiện và bắt giữ 90 vụ = 118 đối tượng, tang vật thu giữ 1601, 61 gam Heoin. Tiếp nhận từ các Đoàn biên phòng 08 vụ=09 đối tượng, tang vật 23,52 gam Heroin.', expected: [{ value: 90, unit: 'count:vụ', multiplier: 0 }, { value: 118, unit: 'count:đối tượng', multiplier: 0 }, { value: 1601.61, unit: 'g', multiplier: 0, anomalies: ['split_number'] }, { value: 8, unit: 'count:vụ', multiplier: 0 }, { value: 9, unit: 'count:đối tượng', multiplier: 0 }, { value: 23.52, unit: 'g', multiplier: 0, raw: '23,52 gam', unitText: 'gam' }] },
  { source: 'seed000:337', text: '- Tội phạm về kinh tế, môi trường: Trực tiếp phát hiện 25 vụ=20 đối tượng buôn lậu, vận chuyển hàng hóa qua biên giới và khai thác khoáng sản trái phép. Tiếp nhận từ Biên phòng Ma Lù Thàng 02 vụ vận chuyển hàng hóa qua biên giới, từ công an tỉnh 01 vụ vi phạm về bảo vệ động vật quý hiếm', expected: [{ value: 25, unit: 'count:vụ', multiplier: 0 }, { value: 20, unit: 'count:đối tượng', multiplier: 0 }, { value: 2, unit: 'count:vụ', multiplier: 0 }, { value: 1, unit: 'count:vụ', multiplier: 0 }] },

  // III main indicators of 2023
  { source: 'seed000:327', text: 'III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU ĐÃ GIAO TẠI NGHỊ QUYẾT 96/NQ-HĐND CỦA HĐND HUYỆN', expected: NONE },
  { source: 'seed000:329', text: 'Đối với các nhóm chỉ tiêu chủ yếu có 09/10 chỉ tiêu đạt và vượt so với Nghị quyết Hội đồng nhân dân giao; 01/10 chỉ tiêu đạt thấp (*nhóm chỉ tiêu nông*', expected: [{ value: 9, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0 }, { value: 10, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }, { value: 1, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0 }, { value: 10, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }] },
  { source: 'seed000:341', text: 'nghiệp, nông thôn). Đối với các nhóm chỉ tiêu thành phần trong nhóm các chỉ tiêu chủ yếu có 37/38 chỉ tiêu đạt và vượt; 01/38 chỉ tiêu dự ước không đạt kế hoạch đề ra (*chỉ tiêu tỷ lệ che phủ rừng*).', expected: [{ value: 37, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0 }, { value: 38, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }, { value: 1, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0 }, { value: 38, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }] },
  { source: 'seed000:343', text: '(1). Tổng giá trị sản xuất ước đạt 6.698 tỷ đồng (*vượt KH*). Thu nhập bình quân đầu người ước đạt 40 triệu đồng/năm (*đạt KH*).', expected: [{ value: 6698, unit: 'VND', multiplier: 9, raw: '6.698 tỷ đồng' }, { value: 40, unit: 'VND', multiplier: 6, unitText: 'triệu đồng/năm', raw: '40 triệu đồng/năm' }] },
  { source: 'seed000:345', text: '(2). Tổng sản lượng lương thực có hạt ước đạt 36.595,83 tấn (*vượt 0,43%KH*); diện tích cây chè 754,2 ha, trồng mới 65,41ha (*vượt 30,82%KH*); tốc độ tăng đàn gia súc bình quân 5% (*đạt KH*); tỷ lệ che phủ rừng 44,3% (*không đạt KH*); Tiếp tục duy trì và hoàn thiện các tiêu chí tại 04 xã đạt chuẩn nông thôn mới (*đạt KH*); bình quân tiêu chí nông thôn mới 11,19 tiêu chí/xã (*vượt 3,52%KH*).', expected: [{ value: 36595.83, unit: 'tonne', multiplier: 0 }, { value: 0.43, unit: 'percent', multiplier: 0 }, { value: 754.2, unit: 'ha', multiplier: 0 }, { value: 65.41, unit: 'ha', multiplier: 0 }, { value: 30.82, unit: 'percent', multiplier: 0 }, { value: 5, unit: 'percent', multiplier: 0 }, { value: 44.3, unit: 'percent', multiplier: 0 }, { value: 4, unit: 'count:xã', multiplier: 0 }, { value: 11.19, unit: 'count:tiêu chí/xã', multiplier: 0, unitText: 'tiêu chí/xã' }, { value: 3.52, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:347', text: '(3). Thu ngân sách Nhà nước trên địa bàn ước đạt 73,25 tỷ đồng (*vượt 12% KH*).', expected: [{ value: 73.25, unit: 'VND', multiplier: 9, qualifier: null }, { value: 12, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:349', text: '(4). Giá trị xuất khẩu hàng địa phương 6,6 triệu USD (*đạt KH*); tổng lượt khách du lịch tăng 14,2% (*vượt 6,2%KH*).', expected: [{ value: 6.6, unit: 'USD', multiplier: 6 }, { value: 14.2, unit: 'percent', multiplier: 0 }, { value: 6.2, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:351', text: '(5). Tỷ lệ thôn, bản có đường xe máy hoặc ô tô đi lại thuận lợi 98,83% (*đạt KH*); tỷ lệ hộ sử dụng điện lưới quốc gia 99,8 (*đạt KH*); tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống nước sạch tập trung 100% (*đạt KH*); tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh 89% (*đạt KH*); tỷ lệ trường học được xây dựng kiên cố 100% (*đạt KH*).', expected: [{ value: 98.83, unit: 'percent', multiplier: 0 }, { value: 99.8, unit: null, multiplier: 0, unitText: null, raw: '99,8' }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 89, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:353', text: 'tỷ lệ học sinh mẫu giáo đến trường 98,5% (*đạt KH*); tỷ lệ học sinh trong độ tuổi tiểu học đến trường 99,5% (*đạt KH*); tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường 96,5% (*đạt KH*); tỷ lệ học tốt nghiệp THCS tiếp tục đi học THPT và các trường nghề, GDTX 57,3% (*vượt 3,1% KH*); tỷ lệ trường đạt chuẩn quốc gia 49% (*đạt KH*).', expected: [{ value: 98.5, unit: 'percent', multiplier: 0 }, { value: 99.5, unit: 'percent', multiplier: 0 }, { value: 96.5, unit: 'percent', multiplier: 0 }, { value: 57.3, unit: 'percent', multiplier: 0 }, { value: 3.1, unit: 'percent', multiplier: 0 }, { value: 49, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:355', text: '(7). Tỷ lệ xã đạt tiêu chí quốc gia về y tế 82,35% (*đạt KH*); Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử 50% (*đạt KH*); Mức giảm tỷ suất sinh 2,14‰ (*vượt 1,64% KH*); tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân 16,55% (*vượt 0,85% KH*), tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi 21,88% (*vượt 1,22% KH*).', expected: [{ value: 82.35, unit: 'percent', multiplier: 0 }, { value: 50, unit: 'percent', multiplier: 0 }, { value: 2.14, unit: 'permille', multiplier: 0, raw: '2,14‰' }, { value: 1.64, unit: 'percent', multiplier: 0 }, { value: 16.55, unit: 'percent', multiplier: 0 }, { value: 0.85, unit: 'percent', multiplier: 0 }, { value: 21.88, unit: 'percent', multiplier: 0 }, { value: 1.22, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:357', text: '(8). Mức giảm tỷ lệ hộ nghèo 5,88% (*vượt 0,58 KH*); số lao động được giải quyết việc làm trong năm 2.032 người (*vượt 89,91%KH*); số lao động được đào tạo nghề trong năm 1.260 người (*vượt 5%KH*); tỷ lệ lao động qua đào tạo 51,3% (*vượt 0,3% KH*).', note: '`năm 2.032 người` is 2032 people, not the year 2032', expected: [{ value: 5.88, unit: 'percent', multiplier: 0 }, { value: 0.58, unit: null, multiplier: 0 }, { value: 2032, unit: 'count:người', multiplier: 0, raw: '2.032 người' }, { value: 89.91, unit: 'percent', multiplier: 0 }, { value: 1260, unit: 'count:người', multiplier: 0 }, { value: 5, unit: 'percent', multiplier: 0 }, { value: 51.3, unit: 'percent', multiplier: 0 }, { value: 0.3, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:359', text: '(9). Tỷ lệ thôn, bản, khu dân cư có nhà văn hóa 84,7% (*vượt 7,05%KH*); tỷ lệ hộ gia đình đạt tiêu chuẩn văn hóa 81,8% (*vượt 0,2%KH*); tỷ lệ thôn, bản, tổ dân', expected: [{ value: 84.7, unit: 'percent', multiplier: 0 }, { value: 7.05, unit: 'percent', multiplier: 0 }, { value: 81.8, unit: 'percent', multiplier: 0 }, { value: 0.2, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:361', text: 'phổ đạt tiêu chuẩn văn hóa 88,82% (*vượt 9,32%KH*); tỷ lệ cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa 98,48% (*vượt 0,48 KH*); tỷ lệ đồng bào dân tộc thiểu số được xem truyền hình và nghe đài phát thanh 92% (*đạt KH*).', expected: [{ value: 88.82, unit: 'percent', multiplier: 0 }, { value: 9.32, unit: 'percent', multiplier: 0 }, { value: 98.48, unit: 'percent', multiplier: 0 }, { value: 0.48, unit: null, multiplier: 0 }, { value: 92, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:363', text: '(10). Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom và xử lý 100 % (*đạt KH*); tỷ lệ số xã, thị trấn được thu gom, xử lý rác thải sinh hoạt 64,7% (*đạt KH*).', expected: [{ value: 100, unit: 'percent', multiplier: 0, raw: '100 %' }, { value: 64.7, unit: 'percent', multiplier: 0 }] },

  // IV assessment
  { source: 'seed000:365', text: 'IV. ĐÁNH GIÁ CHUNG', expected: NONE },
  { source: 'seed000:367', text: '1. Những kết quả đạt được', expected: NONE },
  { source: 'seed000:405', text: '3.1. Nguyên nhân khách quan', expected: NONE },
  { source: 'seed000:375', text: '- Hoạt động sản xuất công nghiệp duy trì ổn định, giá trị sản xuất công nghiệp ước thực hiện trong năm đạt 564,9 tỷ đồng, đạt 100% KH, tăng 37,86% so với cùng kỳ.', expected: [{ value: 564.9, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 37.86, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:379', text: 'làm thủ tục cho 100 lao động đi xuất khẩu lao động nước ngoài tăng 40 lao động so với KH, tỷ lệ lao động qua đào tạo 51,3% vượt 0,3% KH; đưa người đi cai nghiện được 27/15 chỉ tiêu vượt 80% KH.', expected: [{ value: 100, unit: 'count:lao động', multiplier: 0 }, { value: 40, unit: 'count:lao động', multiplier: 0 }, { value: 51.3, unit: 'percent', multiplier: 0 }, { value: 0.3, unit: 'percent', multiplier: 0 }, { value: 27, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0 }, { value: 15, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }, { value: 80, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:381', text: 'tổng lượt khách du lịch trong năm tăng 14,2% vượt 6,2% so với KH, doanh thu từ hoạt động du lịch ước đạt 18,5 tỷ đồng, đạt 100% KH, tăng 2,78% so với năm 2022.', expected: [{ value: 14.2, unit: 'percent', multiplier: 0 }, { value: 6.2, unit: 'percent', multiplier: 0 }, { value: 18.5, unit: 'VND', multiplier: 9 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 2.78, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:383', text: 'tỷ lệ giải quyết thủ tục hành chính đúng hạn ước đạt trên 98%.', expected: [{ value: 98, unit: 'percent', multiplier: 0, qualifier: 'over' }] },
  { source: 'seed000:391', text: 'Trong 10 nhóm chỉ tiêu chủ yếu còn 01 chỉ tiêu thành phần trong nhóm các chỉ tiêu chủ yếu dự ước khó đạt kế hoạch đề ra đó là. Tỷ lệ che phủ rừng.', expected: [{ value: 10, unit: 'count:nhóm', multiplier: 0 }, { value: 1, unit: 'count:chỉ tiêu', multiplier: 0 }] },

  // B plan for 2024
  { source: 'seed000:421', text: 'B. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI ĐẢM BẢO QUỐC PHÒNG - AN NINH NĂM 2024', expected: NONE },
  { source: 'seed000:423', text: 'Trên cơ sở ước thực hiện năm 2023 và kế hoạch 5 năm giai đoạn 2021-2025, UBND huyện dự kiến kế hoạch phát triển kinh tế - xã hội năm 2024 với các mục tiêu, nhiệm vụ chủ yếu như sau:', note: 'a plan span (`kế hoạch 5 năm giai đoạn …`) is on the grammar’s exclusion list', expected: NONE },
  { source: 'seed000:429', text: 'II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024', expected: NONE },
  { source: 'seed000:431', text: 'Nhóm chỉ tiêu chủ yếu có 10 chỉ tiêu, các nhóm chỉ tiêu thành phần trong nhóm các chỉ tiêu chủ yếu có 38 chỉ tiêu.', expected: [{ value: 10, unit: 'count:chỉ tiêu', multiplier: 0 }, { value: 38, unit: 'count:chỉ tiêu', multiplier: 0 }] },
  { source: 'seed000:433', text: '(1). Giá trị sản xuất đạt 7.367.800 triệu đồng. Thu nhập bình quân đầu người đạt 42 triệu đồng/năm.', expected: [{ value: 7367800, unit: 'VND', multiplier: 6, raw: '7.367.800 triệu đồng' }, { value: 42, unit: 'VND', multiplier: 6, unitText: 'triệu đồng/năm' }] },
  { source: 'seed000:435', text: '(2). Tổng sản lượng lương thực có hạt đạt 36.100 tấn; diện tích cây chè 804,2ha, trồng mới 50 ha; tốc độ tăng đàn gia súc bình quân 5%; tỷ lệ che phủ rừng 44,36%; Tiếp tục duy trì và hoàn thiện các tiêu chí tại 04 xã đạt chuẩn nông thôn mới; bình quân tiêu chí nông thôn mới 13 tiêu chí/xã.', expected: [{ value: 36100, unit: 'tonne', multiplier: 0 }, { value: 804.2, unit: 'ha', multiplier: 0 }, { value: 50, unit: 'ha', multiplier: 0 }, { value: 5, unit: 'percent', multiplier: 0 }, { value: 44.36, unit: 'percent', multiplier: 0 }, { value: 4, unit: 'count:xã', multiplier: 0 }, { value: 13, unit: 'count:tiêu chí/xã', multiplier: 0 }] },
  { source: 'seed000:437', text: '(3). Thu ngân sách nhà nước trên địa bàn đạt 77,208 tỷ đồng.', expected: [{ value: 77.208, unit: 'VND', multiplier: 9, decimals: 3, qualifier: null }] },
  { source: 'seed000:439', text: '(4). Giá trị xuất khẩu hàng địa phương 5 triệu USD; tổng lượt khách du lịch tăng 10%.', expected: [{ value: 5, unit: 'USD', multiplier: 6, unitText: 'triệu USD' }, { value: 10, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:441', text: '(5). Tỷ lệ thôn, bản có đường xe máy hoặc ô tô đi lại thuận lợi 98,83%; tỷ lệ hộ sử dụng điện lưới quốc gia 99,8%; tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống nước sạch tập trung 100%; tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh 90%; tỷ lệ trường học được xây dựng kiên cố 100%.', expected: [{ value: 98.83, unit: 'percent', multiplier: 0 }, { value: 99.8, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 90, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:443', text: 'tỷ lệ học sinh mẫu giáo đến trường 98,5%; tỷ lệ học sinh trong độ tuổi tiểu học đến trường 99,5 %; tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường 96,5%; tỷ lệ học tốt nghiệp THCS tiếp tục đi học THPT và các trường nghề, GDTX 57%; tỷ lệ trường đạt chuẩn quốc gia 52,9%.', expected: [{ value: 98.5, unit: 'percent', multiplier: 0 }, { value: 99.5, unit: 'percent', multiplier: 0, raw: '99,5 %' }, { value: 96.5, unit: 'percent', multiplier: 0 }, { value: 57, unit: 'percent', multiplier: 0 }, { value: 52.9, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:445', text: '(7). Tỷ lệ xã, thị trấn đạt tiêu chí quốc gia về y tế 88,24%; tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử 60%; mức giảm tỷ suất sinh 0,5‰;', expected: [{ value: 88.24, unit: 'percent', multiplier: 0 }, { value: 60, unit: 'percent', multiplier: 0 }, { value: 0.5, unit: 'permille', multiplier: 0 }] },
  { source: 'seed000:447', text: '(8). Mức giảm tỷ lệ hộ nghèo 5,43%; số lao động được giải quyết việc làm trong năm 1.230 người; số lao động được đào tạo nghề trong năm 1.380 người; tỷ lệ lao động qua đào tạo 53,5%.', expected: [{ value: 5.43, unit: 'percent', multiplier: 0 }, { value: 1230, unit: 'count:người', multiplier: 0 }, { value: 1380, unit: 'count:người', multiplier: 0 }, { value: 53.5, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:449', text: '(9). Tỷ lệ thôn, bản, khu dân cư có nhà văn hóa 86,47%; tỷ lệ hộ gia đình đạt tiêu chuẩn văn hóa 81,8%; tỷ lệ thôn, bản, tổ dân phố đạt tiêu chuẩn văn hóa 80%; tỷ lệ cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa 90,48%; tỷ lệ đồng bào dân tộc thiểu số được xem truyền hình và nghe đài phát thanh 95%.', expected: [{ value: 86.47, unit: 'percent', multiplier: 0 }, { value: 81.8, unit: 'percent', multiplier: 0 }, { value: 80, unit: 'percent', multiplier: 0 }, { value: 90.48, unit: 'percent', multiplier: 0 }, { value: 95, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:451', text: '(10). Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom và xử lý 100%; tỷ lệ số xã, thị trấn được thu gom, xử lý rác thải sinh hoạt 70,6%.', expected: [{ value: 100, unit: 'percent', multiplier: 0 }, { value: 70.6, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:469', text: 'Tăng cường công tác quản lý, khắc phục các tồn tại hạn chế, tập trung thực hiện tốt các nhiệm vụ giải pháp trọng tâm tại Thông báo số 861-TB/TU ngày 21/11/2023 của Ban Chấp hành Đảng bộ tỉnh về sơ kết thực hiện Nghị quyết số 03-NQ/TU, ngày 03/02/2021 về phát triển rừng bền vững giai đoạn 2021-2025, định hướng đến năm 2030.', expected: NONE },
  { source: 'seed000:471', text: 'trọng tâm là Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý, bảo vệ phát triển rừng và Chương trình hành động số 15-CTr/TU ngày 18/4/2017 của Tỉnh ủy về thực hiện Chỉ thị; thực hiện tốt các chỉ tiêu nhiệm vụ trong Nghị quyết số 03-NQ/TU của Tỉnh ủy.', expected: NONE },
  { source: 'seed000:473', text: 'Cụ thể hóa thực hiện Đề án phát triển Sâm Lai Châu trên địa bàn huyện giai đoạn 2024-2030, định hướng đến năm 2035.', expected: NONE },
  { source: 'seed000:511', text: 'Tăng cường các điều kiện đảm bảo triển khai chương trình giáo dục phổ thông 2018, có giải pháp khắc phục tình trạng thừa, thiếu giáo viên cục bộ; cơ sở vật chất; thiết bị dạy và học.', expected: NONE },
  { source: 'seed000:525', text: 'Phấn đấu mức giảm tỷ lệ hộ nghèo giảm 5,43%; hạn chế hộ tái nghèo và phát sinh mới trong năm 2024.', expected: [{ value: 5.43, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:543', text: 'Triển khai có hiệu quả công tác cải cách thủ tục hành chính; phân đấu 100% số hồ sơ tiếp nhận xử lý đúng hạn, sớm hạn.', expected: [{ value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed000:553', text: 'Triển khai thực hiện tốt nhiệm vụ quốc phòng - an ninh năm 2024, nắm chắc tình hình, chủ động đấu tranh, ngăn chặn làm thất bại mọi âm mưu, hoạt động chống phá của các thế lực thù địch, phản động.', expected: NONE },
  { source: 'seed000:557', text: 'Trên đây là Báo cáo tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2023, kế hoạch năm 2024 của UBND huyện Phong Thổ./.', expected: NONE },
];

// ---------------------------------------------------------------------------------------------
// seeds/001_5b44daab30250fa8.txt (the district's 2024 emulation call), by line.
// ---------------------------------------------------------------------------------------------
export const SEED001_CASES: readonly GrammarCase[] = [
  { source: 'seed001:3', text: 'Số: /UBND-NV', note: 'a document number left blank in the draft', expected: NONE },
  { source: 'seed001:5', text: 'Phong Thổ, ngày tháng 12 năm 2023', expected: NONE },
  { source: 'seed001:7', text: 'PHÁT ĐỘNG THI ĐUA', expected: NONE },
  { source: 'seed001:9', text: 'Đảng bộ, chính quyền, lực lượng vũ trang và nhân dân các dân tộc quyết tâm phấn đấu hoàn thành, hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội, Quốc phòng-An ninh, lập thành tích xuất sắc chào mừng kỷ niệm 74 năm thành lập Đảng bộ huyện (01/10/1950-01/10/2024); 70 năm giải phóng huyện Phong Thổ (29/10/1954-29/10/2024)', note: 'anniversaries are on the grammar’s exclusion list; the date ranges are not quantities', expected: NONE },
  {
    source: 'seed001:11',
    text: 'Năm 2023 tiếp tục thực hiện Nghị quyết phát triển kinh tế - xã hội 5 năm giai đoạn 2021-2025 của Đảng bộ huyện Khóa XX, nhiệm kỳ 2020-2025, mặc dù còn gặp nhiều khó khăn, thách thức, song với sự nỗ lực của các cấp chính quyền, nhân dân, sự phối hợp chặt chẽ giữa các cơ quan, đơn vị, tình hình kinh tế xã hội của huyện tiếp tục duy trì phát triển và đạt được một số kết quả nổi bật: Giá trị sản xuất công nghiệp ước thực hiện trong năm đạt 564,9 tỷ đồng tăng 37,86% so với cùng kỳ; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 462,36 tỷ đồng, tăng 1,03% so với cùng kỳ; giá trị xuất khẩu hàng địa phương tăng 2,64% so với cùng kỳ; thu ngân sách nhà nước trên địa bàn vượt 12% so với dự toán HĐND huyện giao; mức giảm tỷ lệ hộ nghèo trong năm 5,88%; tỷ lệ lao động qua đào tạo đạt 51,3%; tổng lượt khách du lịch trong năm tăng 14,2% doanh thu từ hoạt động du lịch ước đạt 18,5 tỷ đồng tăng 2,78% so với năm 2022;',
    expected: [
      { value: 564.9, unit: 'VND', multiplier: 9 },
      { value: 37.86, unit: 'percent', multiplier: 0 },
      { value: 462.36, unit: 'VND', multiplier: 9 },
      { value: 1.03, unit: 'percent', multiplier: 0 },
      { value: 2.64, unit: 'percent', multiplier: 0 },
      { value: 12, unit: 'percent', multiplier: 0 },
      { value: 5.88, unit: 'percent', multiplier: 0 },
      { value: 51.3, unit: 'percent', multiplier: 0 },
      { value: 14.2, unit: 'percent', multiplier: 0 },
      { value: 18.5, unit: 'VND', multiplier: 9 },
      { value: 2.78, unit: 'percent', multiplier: 0 },
    ],
  },
  { source: 'seed001:11', text: 'tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt trên 98%;', expected: [{ value: 98, unit: 'percent', multiplier: 0, qualifier: 'over', raw: '98%' }] },
  { source: 'seed001:13', text: 'Bên cạnh những kết quả đạt được, công tác lãnh đạo, chỉ đạo thực hiện các chỉ tiêu phát triển kinh tế - xã hội của huyện có 01/38 chỉ tiêu chủ yếu không đạt kế hoạch (tỷ lệ che phủ rừng 44,3%);', expected: [{ value: 1, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 0, raw: '01' }, { value: 38, unit: 'count:chỉ tiêu', multiplier: 0, ratio: 1 }, { value: 44.3, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:15', text: 'Năm 2024 tiếp tục đặt ra nhiều thách thức đòi hỏi toàn Đảng bộ, chính quyền và nhân dân các dân tộc trong huyện cần tiếp tục phát huy truyền thống huyện anh hùng, đẩy mạnh hơn nữa các phong trào thi đua yêu nước, quyết tâm thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế xã hội, lập thành tích chào mừng kỷ niệm 115 năm ngày thành lập tỉnh Lai Châu (28/6/1909 - 28/6/2024), 75 năm ngày thành lập Đảng bộ tỉnh Lai Châu (10/10/1949 - 10/10/2024), 70 năm ngày Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu (12/12/1953 - 12/12/2023); 20 năm ngày chia tách, thành lập tỉnh Lai Châu mới (01/01/2004 - 01/01/2024); 74 năm thành lập Đảng bộ huyện (01/10/1950-01/10/2024); 70 năm ngày giải phóng huyện Phong Thổ (29/10/1954-29/10/2024),...', note: 'anniversaries are on the grammar’s exclusion list; dates before 1950 are still dates', expected: NONE },
  { source: 'seed001:17', text: '1. Tổ chức có hiệu quả các phong trào thi đua để thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ được giao đến hết năm 2024, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng an ninh, trật tự an toàn xã hội trên địa bàn toàn huyện', expected: NONE },
  { source: 'seed001:19', text: '1.1. Các chỉ tiêu chính về về kinh tế - xã hội:', expected: NONE },
  { source: 'seed001:21', text: '- Giá trị sản xuất đạt 7.367.800 triệu đồng. Thu nhập bình quân đầu người đạt 42 triệu đồng/năm.', expected: [{ value: 7367800, unit: 'VND', multiplier: 6, decimals: 0 }, { value: 42, unit: 'VND', multiplier: 6, unitText: 'triệu đồng/năm', raw: '42 triệu đồng/năm' }] },
  { source: 'seed001:23', text: '- Tổng sản lượng lương thực có hạt đạt 36.100 tấn; diện tích cây chè 804,2ha, trồng mới 50 ha; tốc độ tăng đàn gia súc bình quân 5%; tỷ lệ che phủ rừng 44,36%; Tiếp tục duy trì và hoàn thiện các tiêu chí tại 04 xã đạt chuẩn nông thôn mới; bình quân tiêu chí nông thôn mới 13 tiêu chí/xã.', expected: [{ value: 36100, unit: 'tonne', multiplier: 0 }, { value: 804.2, unit: 'ha', multiplier: 0, raw: '804,2ha' }, { value: 50, unit: 'ha', multiplier: 0, raw: '50 ha' }, { value: 5, unit: 'percent', multiplier: 0 }, { value: 44.36, unit: 'percent', multiplier: 0 }, { value: 4, unit: 'count:xã', multiplier: 0 }, { value: 13, unit: 'count:tiêu chí/xã', multiplier: 0 }] },
  { source: 'seed001:25', text: '- Thu ngân sách nhà nước trên địa bàn đạt 77,208 tỷ đồng.', expected: [{ value: 77.208, unit: 'VND', multiplier: 9, unitText: 'tỷ đồng' }] },
  { source: 'seed001:27', text: '- Giá trị xuất khẩu hàng địa phương 5 triệu USD; tổng lượt khách du lịch tăng 10%.', expected: [{ value: 5, unit: 'USD', multiplier: 6 }, { value: 10, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:29', text: '- Tỷ lệ thôn, bản có đường xe máy hoặc ô tô đi lại thuận lợi 98,83%; tỷ lệ hộ sử dụng điện lưới quốc gia 99,8%; tỷ lệ dân số đô thị được cung cấp nước', expected: [{ value: 98.83, unit: 'percent', multiplier: 0 }, { value: 99.8, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:31', text: 'sạch qua hệ thống nước sạch tập trung 100%; tỷ lệ dân số nông thôn được sử dụng nước hợp vệ sinh 90%; tỷ lệ trường học được xây dựng kiên cố 100%.', expected: [{ value: 100, unit: 'percent', multiplier: 0 }, { value: 90, unit: 'percent', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:33', note: 'an age (`trẻ 5 tuổi`) and a level (`mức độ 2`) are on the grammar’s exclusion list', text: '- Giữ vững và nâng cao chất lượng phổ cập giáo dục mầm non cho trẻ 5 tuổi ở 17 xã; tỷ lệ xã, thị trấn đạt chuẩn phổ cập giáo dục tiểu học mức độ 2 trở lên và đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 1 trở lên đạt 100%; tỷ lệ học sinh mẫu giáo đến trường 98,5%; tỷ lệ học sinh trong độ tuổi tiểu học đến trường 99,5 %; tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường 96,5%; tỷ lệ học tốt nghiệp THCS tiếp tục đi học THPT và các trường nghề, GDTX 57%; tỷ lệ trường đạt chuẩn quốc gia 52,9%.', expected: [{ value: 17, unit: 'count:xã', multiplier: 0 }, { value: 100, unit: 'percent', multiplier: 0 }, { value: 98.5, unit: 'percent', multiplier: 0 }, { value: 99.5, unit: 'percent', multiplier: 0, raw: '99,5 %' }, { value: 96.5, unit: 'percent', multiplier: 0 }, { value: 57, unit: 'percent', multiplier: 0 }, { value: 52.9, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:35', text: '- Tỷ lệ xã, thị trấn đạt tiêu chí quốc gia về y tế 88,24%; tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử 60%; mức giảm tỷ suất sinh 0,5‰; tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân 16%, tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi 21,4%.', expected: [{ value: 88.24, unit: 'percent', multiplier: 0 }, { value: 60, unit: 'percent', multiplier: 0 }, { value: 0.5, unit: 'permille', multiplier: 0, raw: '0,5‰' }, { value: 16, unit: 'percent', multiplier: 0 }, { value: 21.4, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:37', text: '- Mức giảm tỷ lệ hộ nghèo 5,43%; số lao động được giải quyết việc làm trong năm 1.230 người; số lao động được đào tạo nghề trong năm 1.380 người; tỷ lệ lao động qua đào tạo 53,5%.', expected: [{ value: 5.43, unit: 'percent', multiplier: 0 }, { value: 1230, unit: 'count:người', multiplier: 0, raw: '1.230 người' }, { value: 1380, unit: 'count:người', multiplier: 0 }, { value: 53.5, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:39', text: '- Tỷ lệ thôn, bản, khu dân cư có nhà văn hóa 86,47%; tỷ lệ hộ gia đình đạt tiêu chuẩn văn hóa 81,8%; tỷ lệ thôn, bản, tổ dân phố đạt tiêu chuẩn văn hóa 80%; tỷ lệ cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa 96,2%; tỷ lệ đồng bào dân tộc thiểu số được xem truyền hình và nghe đài phát thanh 95%.', expected: [{ value: 86.47, unit: 'percent', multiplier: 0 }, { value: 81.8, unit: 'percent', multiplier: 0 }, { value: 80, unit: 'percent', multiplier: 0 }, { value: 96.2, unit: 'percent', multiplier: 0 }, { value: 95, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:41', text: '- Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom và xử lý 100%; tỷ lệ số xã, thị trấn được thu gom, xử lý rác thải sinh hoạt 70,6%.', expected: [{ value: 100, unit: 'percent', multiplier: 0 }, { value: 70.6, unit: 'percent', multiplier: 0 }] },
  { source: 'seed001:43', text: '1.2. Triển khai thực hiện tốt nhiệm vụ quốc phòng - an ninh năm 2024, nắm chắc tình hình, chủ động đấu tranh, ngăn chặn làm thất bại mọi âm mưu, hoạt động chống phá của các thế lực thù địch, phản động.', expected: NONE },
  { source: 'seed001:47', text: '2. Tích cực thi đua thực hiện công tác cải cách hành chính thuộc lĩnh vực, phạm vi quản lý một cách sáng tạo, hiệu quả, trong đó tập trung vào cải cách thủ tục hành chính;', expected: NONE },
  { source: 'seed001:53', text: 'Đến năm 2024 đạt được nhiều kết quả tốt đẹp hơn nữa, Chủ tịch UBND huyện kêu gọi toàn thể cán bộ, đảng viên, công chức, viên chức, người lao động', expected: NONE },
  { source: 'seed001:53', text: 'phấn đấu xây dựng huyện Phong Thổ đến năm 2025 ra khỏi huyện nghèo vững về chính trị, giàu về kinh tế, đảm bảo về quốc phòng - an ninh, đẹp về văn hóa./.', expected: NONE },
];

export const ALL_CASES: readonly GrammarCase[] = [...GLOSSARY_CASES, ...CONVENTION_CASES, ...SEED000_CASES, ...SEED001_CASES];

// ---------------------------------------------------------------------------------------------
// Bare number tokens for parseVietnameseNumber / formatVietnameseNumber.
// ---------------------------------------------------------------------------------------------
export interface NumberTokenCase {
  token: string;
  /** null: not a number token */
  expected: { value: number; decimals: number } | null;
}

export const NUMBER_TOKENS: readonly NumberTokenCase[] = [
  { token: '8.396,5', expected: { value: 8396.5, decimals: 1 } },
  { token: '36.595,83', expected: { value: 36595.83, decimals: 2 } },
  { token: '1.473,474', expected: { value: 1473.474, decimals: 3 } },
  { token: '7.367.800', expected: { value: 7367800, decimals: 0 } },
  { token: '272.283.000', expected: { value: 272283000, decimals: 0 } },
  { token: '30.200.000', expected: { value: 30200000, decimals: 0 } },
  { token: '18,469', expected: { value: 18.469, decimals: 3 } },
  { token: '3.750', expected: { value: 3750, decimals: 0 } },
  { token: '04', expected: { value: 4, decimals: 0 } },
  { token: '01', expected: { value: 1, decimals: 0 } },
  { token: '0,104', expected: { value: 0.104, decimals: 3 } },
  { token: '318,80', expected: { value: 318.8, decimals: 2 } },
  { token: '100,0', expected: { value: 100, decimals: 1 } },
  { token: '48,0', expected: { value: 48, decimals: 1 } },
  { token: '1506', expected: { value: 1506, decimals: 0 } },
  { token: '0,5', expected: { value: 0.5, decimals: 1 } },
  { token: '44.088,52', expected: { value: 44088.52, decimals: 2 } },
  { token: '15.360,861', expected: { value: 15360.861, decimals: 3 } },
  { token: '', expected: null },
  { token: 'ha', expected: null },
  { token: '12/2023', expected: null },
  { token: '712/BC-UBND', expected: null },
  { token: '2021-2025', expected: null },
];

/** formatVietnameseNumber(value, decimals) → text */
export const FORMATTED: ReadonlyArray<{ value: number; decimals: number; text: string }> = [
  { value: 8396.5, decimals: 1, text: '8.396,5' },
  { value: 36595.83, decimals: 2, text: '36.595,83' },
  { value: 1473.474, decimals: 3, text: '1.473,474' },
  { value: 7367800, decimals: 0, text: '7.367.800' },
  { value: 318.8, decimals: 2, text: '318,80' },
  { value: 0.104, decimals: 3, text: '0,104' },
  { value: 100, decimals: 0, text: '100' },
  { value: 1000, decimals: 0, text: '1.000' },
  { value: 100, decimals: 1, text: '100,0' },
  { value: 18.469, decimals: 3, text: '18,469' },
];
