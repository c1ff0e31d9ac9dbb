/**
 * The unit vocabulary of PRODUCT.md, as data.
 *
 * `CANONICAL_UNITS` are the fixed measure codes; counts are `count:<noun>` and are open-ended.
 * `UNIT_FORMS` maps how reports write a unit (lower-cased, NFC) to its canonical code and to the power
 * of ten the written form carries (`km2` is its own code, but `nghìn lượt` is `count:lượt` × 10³ and is
 * built by the grammar from a scale word and a unit).
 */
export const CANONICAL_UNITS = {
  ha: 'area',
  m2: 'area',
  km2: 'area',
  m: 'length',
  km: 'length',
  m3: 'volume',
  tonne: 'mass',
  quintal: 'mass',
  kg: 'mass',
  g: 'mass',
  quintal_per_ha: 'yield',
  VND: 'money',
  USD: 'money',
  MW: 'power',
  kW: 'power',
  kWh: 'energy',
  percent: 'ratio',
  permille: 'ratio',
  hour: 'time',
  day: 'time',
  month: 'time',
  year: 'time',
  /** a place in a ranking (`Thứ hạng`, `xếp thứ 7/41`): an order, not a quantity */
  rank: 'order',
} as const;

export type CanonicalUnit = keyof typeof CANONICAL_UNITS;
export type UnitCode = CanonicalUnit | `count:${string}`;

export function isUnitCode(code: string): code is UnitCode {
  return code in CANONICAL_UNITS || (code.startsWith('count:') && code.length > 6);
}

export function countUnit(noun: string): UnitCode {
  return `count:${noun.normalize('NFC').toLowerCase()}`;
}

/** Scale words and the power of ten they stand for. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  'nghìn': 3,
  'ngàn': 3,
  'ngìn': 3,
  'triệu': 6,
  'tỷ': 9,
  'tỉ': 9,
};

export interface UnitForm {
  /** canonical unit code */
  unit: UnitCode;
  /** power of ten the written form itself carries (rare: most scale comes from scale words) */
  multiplier?: number;
  /** a rate such as `/năm` kept in the written text but not in the code */
  perTime?: boolean;
}

/**
 * Written unit forms. Keys are lower-case NFC; the grammar matches the longest form first and
 * requires a word boundary after forms that end in a letter.
 */
export const UNIT_FORMS: Readonly<Record<string, UnitForm>> = {
  ha: { unit: 'ha' },
  'héc ta': { unit: 'ha' },
  'hécta': { unit: 'ha' },
  'm²': { unit: 'm2' },
  m2: { unit: 'm2' },
  'km²': { unit: 'km2' },
  km2: { unit: 'km2' },
  'm³': { unit: 'm3' },
  m3: { unit: 'm3' },
  m: { unit: 'm' },
  'mét': { unit: 'm' },
  km: { unit: 'km' },
  'tấn': { unit: 'tonne' },
  'tạ/ha': { unit: 'quintal_per_ha' },
  'tạ / ha': { unit: 'quintal_per_ha' },
  'tạ': { unit: 'quintal' },
  kg: { unit: 'kg' },
  gam: { unit: 'g' },
  gram: { unit: 'g' },
  g: { unit: 'g' },
  'đồng': { unit: 'VND' },
  vnđ: { unit: 'VND' },
  vnd: { unit: 'VND' },
  usd: { unit: 'USD' },
  '%': { unit: 'percent' },
  '‰': { unit: 'permille' },
  mw: { unit: 'MW' },
  kw: { unit: 'kW' },
  kwh: { unit: 'kWh' },
  // Reports write `KW/h` where they mean kilowatt-hours.
  'kw/h': { unit: 'kWh' },
  'kw.h': { unit: 'kWh' },
  'giờ': { unit: 'hour' },
  'ngày': { unit: 'day' },
  'tháng': { unit: 'month' },
  'năm': { unit: 'year' },
};

/**
 * Nouns that count things. Multi-word nouns are listed whole so the longest match wins
 * (`lượt người` before `lượt`, `tiêu chí/xã` before `tiêu chí`).
 */
export const COUNT_NOUNS: readonly string[] = [
  'người',
  'lượt người',
  'lượt khách',
  'lượt',
  'hộ',
  'hộ gia đình',
  'khẩu',
  'nhân khẩu',
  'con',
  'cây',
  'chậu',
  'vụ',
  'vụ việc',
  'đối tượng',
  'suất',
  'cơ sở',
  'trường',
  'trường học',
  'xã',
  'bản',
  'thôn',
  'dự án',
  'công trình',
  'đơn',
  'đơn thư',
  'tiêu chí/xã',
  'tiêu chí',
  'sản phẩm',
  'chủ thể',
  'học sinh',
  'học viên',
  'trẻ',
  'cháu',
  'lao động',
  'lớp',
  'cuộc',
  'buổi',
  'giải',
  'đoàn',
  'doanh nghiệp',
  'hợp tác xã',
  'htx',
  'nhà',
  'điểm',
  'cột',
  'cột điện',
  'thiết bị',
  'mỏ',
  'nhà máy',
  'hồ sơ',
  'thủ tục',
  'văn bản',
  'báo cáo viên',
  'đại biểu',
  'trường hợp',
  'cặp',
  'cơ quan',
  'đơn vị',
  'cán bộ',
  'biên chế',
  'chỉ tiêu',
  'viên',
  'chương trình',
  'tin',
  'bài',
  'tin bài',
  'phòng',
  'giường',
  'bệnh nhân',
  'ca',
  'lần',
  'km đường',
  'tuyến',
  'cầu',
  'căn',
  'căn nhà',
  'hội nghị',
  'đợt',
  'phiên',
  'gia súc',
  'gia cầm',
  'tổ',
  'nhóm',
  'câu lạc bộ',
  'đội',
  'thôn, bản',
  'chủ tịch',
  'trạm',
  'cơ sở dân quân tự vệ',
  'quân số',
  'công dân',
  'sổ',
  'sổ thông hành',
  'bộ',
  'phòng học',
  'tập thể',
  'cá nhân',
  'gói thầu',
  'giáo viên',
  'bác sĩ',
  'thửa',
  'giấy chứng nhận',
  'chợ',
  'trang trại',
  'kế hoạch',
  'thông báo',
  'phương án',
  'tổ chức',
  'quyết định',
  'công văn',
  'mô hình',
  'hợp đồng',
  'giấy phép',
  'hộ nghèo',
  'hộ cận nghèo',
  'lao động',
  'trẻ em',
  'lớp học',
  'điểm trường',
  'nhà văn hóa',
  // the documents of administration and e-government, counted whole
  'nghị quyết',
  'lượt hồ sơ',
  'hệ thống thông tin',
  'dịch vụ công',
  // People's Committees counted as bodies (`38 UBND cấp xã`)
  'ubnd',
  'ubnd cấp xã',
  'ubnd cấp huyện',
  'ubnd cấp tỉnh',
  'công chức',
  'viên chức',
  // staff in the public service's own terms (`số lượng người làm việc`), not people who work
  'người làm việc',
  'người lao động',
];

/**
 * Nouns of bodies and of people that reports join with commas into one collective counted together
 * (`13 cơ quan, đơn vị`, `20 cán bộ, công chức, viên chức`): after one of them, the others read on.
 */
export const COLLECTIVE_NOUNS: readonly string[] = [
  'cơ quan',
  'đơn vị',
  'tổ chức',
  'cá nhân',
  'doanh nghiệp',
  'hợp tác xã',
  'cán bộ',
  'công chức',
  'viên chức',
  'người lao động',
];

/**
 * Counted nouns outside COUNT_NOUNS are read by their shape (extractors/quantity-grammar.ts): after a
 * whole number, one or two lower-case syllables, Vietnamese nouns being mostly of two (`tàu cá`, `tài
 * khoản`). The lists below are general Vietnamese vocabulary, not any report's: what stops a noun.
 */

/**
 * Classifiers: a noun of a kind that takes the noun after it (`thửa đất`, `loại giấy tờ`, `bài viết`,
 * `điểm cầu`). `lượt`, `cây`, `con` are left out: there the classifier itself is the unit (`180 nghìn lượt
 * bệnh nhân` counts visits, GLOSSARY).
 */
export const CLASSIFIERS: ReadonlySet<string> = new Set([
  'loại',
  'bài',
  'thửa',
  'điểm',
  'tờ',
  'bộ',
  'căn',
  'chiếc',
  'cái',
  'quyển',
  'cuốn',
  'tấm',
  'mảnh',
  'bức',
  'tòa',
  'toà',
  'ngôi',
  'gian',
  'lô',
  'khối',
  'cuộc',
  'phiếu',
]);

/**
 * Words that cannot start or carry on a counted noun after a number: function words (prepositions,
 * conjunctions, copulas, aspect and degree words), and verbs and adjectives that follow a count. A noun
 * reading stops before them.
 */
export const NOT_NOUN_WORDS: ReadonlySet<string> = new Set([
  // prepositions, conjunctions, copulas
  'và',
  'với',
  'cho',
  'của',
  'tại',
  'trong',
  'ngoài',
  'giữa',
  'do',
  'để',
  'từ',
  'là',
  'bằng',
  'như',
  'theo',
  'ở',
  'đến',
  'tới',
  'trên',
  'dưới',
  'về',
  'vào',
  'ra',
  'qua',
  'lên',
  'xuống',
  'sau',
  'trước',
  'gồm',
  'thuộc',
  'hoặc',
  'hay',
  'nhưng',
  'mà',
  'thì',
  'nên',
  'vì',
  'nếu',
  'khi',
  'bởi',
  'cùng',
  'kèm',
  'nhằm',
  'so',
  'tính',
  'kể',
  'trở',
  // aspect, modality, negation, degree
  'đã',
  'đang',
  'sẽ',
  'được',
  'bị',
  'có',
  'không',
  'chưa',
  'còn',
  'đều',
  'cũng',
  'vẫn',
  'lại',
  'rồi',
  'nữa',
  'thêm',
  'phải',
  'cần',
  'mới',
  'nhất',
  'hơn',
  'khoảng',
  'gần',
  'đủ',
  'hết',
  'này',
  'đó',
  'kia',
  'nay',
  'các',
  'những',
  'một',
  'mỗi',
  'từng',
  'tổng',
  'số',
  'cấp',
  'năm',
  'tháng',
  'ngày',
  'kỳ',
  // verbs that follow a count
  'đạt',
  'tăng',
  'giảm',
  'chiếm',
  'vượt',
  'ước',
  'làm',
  'đi',
  'xin',
  'rõ',
]);

/**
 * Two-syllable verbs that follow a count and never name what is counted (`59 đăng ký …`, `3 hoàn
 * thành`), except after a classifier of events, which makes a noun of them (`9 cuộc kiểm tra`).
 */
export const VERB_PHRASES: ReadonlySet<string> = new Set([
  'đăng ký',
  'cập nhật',
  'xử lý',
  'giải quyết',
  'tiếp nhận',
  'kiểm tra',
  'tham gia',
  'hỗ trợ',
  'thực hiện',
  'triển khai',
  'hoàn thành',
  'ban hành',
  'làm việc',
  'tra cứu',
  'đăng tải',
]);

/** Classifiers of events: the verb after them is the event counted (`cuộc kiểm tra`, `cuộc làm việc`). */
export const EVENT_CLASSIFIERS: ReadonlySet<string> = new Set(['cuộc']);

/** Two-syllable words that follow a count and never name what is counted: the verbs, and these. */
export const NOT_NOUN_PHRASES: ReadonlySet<string> = new Set([
  ...VERB_PHRASES,
  'được giao',
  'trở lên',
  'so với',
  'tương đương',
  'tương ứng',
  'chiếm tỷ',
  'đạt tỷ',
  'tỷ lệ',
]);
