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
];
