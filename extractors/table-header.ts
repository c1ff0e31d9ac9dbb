/**
 * How appendix tables ("Biểu") write their column headers, as data: which words make a column the
 * row number, the label, the unit, or a value column of a given kind and year. Used by the spreadsheet
 * readers (to know which rows are headers, where merged headers must cover their whole span) and by
 * `pipeline/table-values.ts` (to give each value its year and kind).
 */

import { fold } from './clean-text.ts';

export type ValueKind = 'actual' | 'estimate' | 'plan' | 'share_of_plan' | 'growth' | 'cumulative' | 'share';
export type ColumnRole = 'stt' | 'label' | 'unit' | 'note' | 'other';
/** What a column without a period measures: a rank, a score in points, an index or a rate (in percent). */
export type Measure = 'rank' | 'score' | 'percent';

/** Columns that are not values, by their header. First match wins. */
const ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, ColumnRole]> = [
  [/^(stt|tt|so tt|so thu tu)\b/, 'stt'],
  [/^(dvt|d\.v\.t|don vi tinh|don vi|don vi tinh)\b/, 'unit'],
  // a group's header and the unit's under it read as one band (`Kết quả thống kê Đơn vị tính`, PDF layouts)
  [/\b(dvt|don vi tinh)$/, 'unit'],
  [/^(chi tieu|noi dung|danh muc|ten chi tieu|san pham|nganh kinh te|nganh|linh vuc|hang muc|ten)\b/, 'label'],
  [/^ghi chu\b/, 'note'],
  // constant-price bases and price indices name a year that is not the period of the value
  [/\bgia (ss|so sanh|co dinh|\d{4})\b|\bchi so gia\b/, 'other'],
];

/**
 * Kinds of value columns. Order matters: a ratio of two kinds (`TH 2023/KH 2023`) before the kinds,
 * `Ước TH` (estimate) before `TH` (actual). `kind: null` is a comparison column of unknown meaning.
 */
const KIND_PATTERNS: ReadonlyArray<readonly [RegExp, ValueKind | null]> = [
  [/\b(th|thuc hien|uoc|uth|uoc th|uoc thuc hien)\b[^/]*\/\s*(kh|ke hoach)\b/, 'share_of_plan'],
  [/\bso (voi|sanh voi) (kh|ke hoach)\b|%\s*(so voi )?kh\b|\b(dat|ty le dat|ty le thuc hien)\b.*\b(kh|ke hoach)\b/, 'share_of_plan'],
  [/\bcung ky\b|\btang truong\b|\btoc do (tang|phat trien)\b|\bbq|\bbinh quan\b|\bso voi (nam|cung)\b/, 'growth'],
  [/\b(19|20)\d\d\s*\/\s*(th|uoc|uth)?\s*(19|20)\d\d\b|\b(19|20)\d\d\s*so voi\b/, 'growth'],
  [/\bso sanh\b|^%$|^\(%\)$/, null],
  // a running total and a structure before the period words they carry (`Cộng dồn cả năm 2031`)
  [/\bcong don\b|\bluy ke\b/, 'cumulative'],
  [/\bco cau\b/, 'share'],
  [/\buoc\b|\buth\b|\bdu uoc\b/, 'estimate'],
  // preliminary figures are the statistics office's actuals, to be revised
  [/\bso bo\b/, 'actual'],
  [/\bkh\b|\bke hoach\b|\bkhnq\b|\bdu toan\b|\bnghi quyet\b|\bnq\b|\bmuc tieu\b/, 'plan'],
  [/\bth\b|\bth(?=\d)|\bthuc hien\b/, 'actual'],
  // the one value column of a statistics form: the figures of the report's period
  [/^(so lieu|ket qua|ket qua thong ke)$/, 'actual'],
];

/** Headers for less than a year: their values are not a year's figure, but one of its part's. */
const SUB_YEAR = /\b\d+\s*thang\b|\bthang\s*\d+\b|\bquy\s*([ivx]+|\d)\b|\bnua (dau |cuoi )?nam\b/;
const QUARTER = /\bquy\s*(iv|i{1,3}|[1-4])\b/;
const MONTHS = /\b(\d{1,2})\s*thang\s*(dau|cuoi)?\b/;
const MONTH = /\bthang\s*(\d{1,2})\b/;
const HALF = /\bnua\s*(dau|cuoi)\s*nam\b/;
/** Headers that measure rather than date their column; the first match wins (`Điểm số` before `Chỉ số`). */
const MEASURES: ReadonlyArray<readonly [RegExp, Measure]> = [
  [/^(thu hang|xep hang|xep thu)\b/, 'rank'],
  [/^(diem|tong diem)\b/, 'score'],
  [/^(chi so|ty le)\b/, 'percent'],
];
const YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;
const YEARS_SPAN = /(?<!\d)(19[5-9]\d|20\d\d)\s*[-–]\s*(19[5-9]\d|20\d\d)(?!\d)/;
const PERIOD = /(?<!\d)(19[5-9]\d|20\d\d)\s*[-–]\s*(19[5-9]\d|20\d\d)(?!\d)|\bgiai doan\b|\bgd\b|\bnhiem ky\b/;

export interface HeaderMeaning {
  role?: ColumnRole;
  /** undefined: the header says nothing of kind; null: a comparison column of unknown meaning */
  kind?: ValueKind | null;
  /** undefined: no year in the header; null: a multi-year period */
  year?: number | null;
  /** a span of years the header writes out (`2016-2020`), as SDMX writes it: `2016/2020` */
  years?: string;
  subYear?: boolean;
  /** the part of the year a sub-year header names: `Q3`, `S1`, `M05`, or months `01-09` */
  part?: string;
  measure?: Measure;
  /** the header is a period word alone (`năm`, `cả năm`): a line of a header split over rows */
  periodWord?: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The part of a year a header names, as the suffix of an SDMX period (`Q3`, `S2`, `M05`), or months `01-06`. */
function partOfYear(f: string): string | undefined {
  const q = QUARTER.exec(f);
  if (q) return `Q${ROMAN[q[1]!] ?? Number(q[1])}`;
  const h = HALF.exec(f);
  if (h) return h[1] === 'dau' ? 'S1' : 'S2';
  const ms = MONTHS.exec(f);
  if (ms) {
    const n = Number(ms[1]);
    if (n === 6) return ms[2] === 'cuoi' ? 'S2' : 'S1';
    if (n >= 1 && n < 12 && ms[2] !== 'cuoi') return `01-${String(n).padStart(2, '0')}`;
    return undefined;
  }
  const m = MONTH.exec(f);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `M${m[1]!.padStart(2, '0')}`;
  return undefined;
}

/** The SDMX period of a year's part (`2024`, `Q3` → `2024-Q3`; months `01-09` → `2024-01/2024-09`). */
export function periodOfPart(year: number, part: string): string {
  if (/^\d\d-\d\d$/.test(part)) return `${year}-${part.slice(0, 2)}/${year}-${part.slice(3)}`;
  return `${year}-${part}`;
}

/** What one header cell says. A cell holding a year as a number is passed as its digits. */
export function readHeaderCell(text: string): HeaderMeaning {
  const f = fold(text);
  if (!f) return {};
  for (const [re, role] of ROLE_PATTERNS) if (re.test(f)) return { role };
  const meaning: HeaderMeaning = {};
  for (const [re, measure] of MEASURES) {
    if (re.test(f)) {
      meaning.measure = measure;
      break;
    }
  }
  for (const [re, kind] of KIND_PATTERNS) {
    if (re.test(f)) {
      meaning.kind = kind;
      break;
    }
  }
  // A period (`2016-2020`, `giai đoạn`) has no single year; a ratio of two years (`2023/2022`) is about the first.
  const years = [...f.matchAll(YEAR)].map((m) => Number(m[1]));
  const span = YEARS_SPAN.exec(f);
  if (PERIOD.test(f)) meaning.year = null;
  else if (years.length > 0) meaning.year = years[0]!;
  if (span && Number(span[2]) > Number(span[1])) meaning.years = `${span[1]}/${span[2]}`;
  if (PERIOD_WORDS.test(f)) meaning.periodWord = true;
  if (SUB_YEAR.test(f)) {
    meaning.subYear = true;
    const part = partOfYear(f);
    if (part) meaning.part = part;
  }
  return meaning;
}

export function isHeaderMeaning(m: HeaderMeaning): boolean {
  return m.role !== undefined || m.kind !== undefined || m.year !== undefined || m.measure !== undefined || m.subYear === true || m.periodWord === true;
}

/** Words of a header that date a column without naming a kind or a year: `năm`, `cả năm`, `quý IV`. */
const PERIOD_WORDS = /^(nam|ca nam|ca|quy\s*[ivx\d]+|\d+\s*thang.*|thang\s*\d+.*|nua (dau |cuoi )?nam)$/;
/** Words of a comparison split over header rows (`so với`, `năm trước`): its kind, not its subject. */
const COMPARISON_WORDS = /\b(so voi|so sanh|cung ky|nam truoc|ky truoc)\b/;
/** A unit written alone in a header: `(%)`, `(Tỷ đồng)`. */
const UNIT_ONLY = /^\(.*\)$|^%$/;

export interface ColumnMeaning {
  role: ColumnRole | 'value';
  kind: ValueKind | null;
  year: number | null;
  /** the span of years the column is about (`2016/2020`), when its header writes one out */
  years: string | null;
  subYear: boolean;
  /** the part of the year the column is about (`Q3`, `S1`), when its header names one */
  part: string | null;
  measure: Measure | null;
  /**
   * The header words that say what the column is about rather than when: an entity the columns are
   * (a province, a unit) and the measure (`Điểm số`, `Cơ cấu`), top to bottom; they belong to the
   * indicator of each value.
   */
  subject: string[];
  /** the unit the header writes (`Cơ cấu (%)` → `%`), else null */
  unitText: string | null;
  /** the header texts of the column, top to bottom, joined with ` / ` */
  header: string;
}

const UNIT_IN_HEADER = /\(([^()]{1,20})\)\s*$/;

/**
 * Combines the header cells of one column, top to bottom: a role anywhere decides the role; otherwise
 * the lowest cell that names a kind (or a year) wins, as sub-headers refine the header above them
 * (`Thực hiện 2023` over `KH` is the 2023 plan; `KH` over `2021` is the 2021 plan).
 */
export function readColumn(texts: string[]): ColumnMeaning {
  const parts = texts.map((t) => t.trim()).filter((t, i, all) => t && all.indexOf(t) === i);
  const meanings = parts.map(readHeaderCell);
  const header = parts.join(' / ');
  const role = meanings.find((m) => m.role)?.role;
  const none = { kind: null, year: null, years: null, subYear: false, part: null, measure: null, subject: [], unitText: null };
  if (role) return { role, ...none, header };
  let kind: ValueKind | null = null;
  let year: number | null = null;
  let hasKind = false;
  let hasYear = false;
  let years: string | null = null;
  let part: string | null = null;
  let measure: Measure | null = null;
  let unitText: string | null = null;
  const subject: string[] = [];
  meanings.forEach((m, i) => {
    if (m.kind !== undefined) {
      kind = m.kind;
      hasKind = true;
    }
    // `Năm 2031 so với` over `năm 2030 (%)`: the lower year is the base of the comparison, not its period
    const base = i > 0 && /\bso (voi|sanh voi)\s*$/.test(fold(parts[i - 1]!)) && hasYear;
    if (m.year !== undefined && !base) {
      year = m.year;
      years = m.years ?? null;
      hasYear = true;
    }
    if (m.part) part = m.part;
    if (m.measure) measure = m.measure;
    const text = parts[i]!;
    const unit = UNIT_IN_HEADER.exec(text);
    if (unit) unitText = unit[1]!.trim();
    else if (text.trim() === '%') unitText = '%';
    const f = fold(text);
    // what the column is about: an entity (no meaning at all) or a measure or structure, without its unit
    const bare = text.replace(UNIT_IN_HEADER, '').trim();
    if (bare && /\p{L}/u.test(bare) && !PERIOD_WORDS.test(f) && !COMPARISON_WORDS.test(f) && !UNIT_ONLY.test(text.trim())) {
      if (m.measure || m.kind === 'share' || !isHeaderMeaning(m)) subject.push(bare);
    }
  });
  if ((!hasKind || kind === null) && parts.length > 1) {
    // a comparison written over several rows (`Năm 2031` / `so với` / `kỳ trước`) reads as one
    const whole = fold(parts.join(' '));
    const found = KIND_PATTERNS.find(([re]) => re.test(whole));
    if (found) {
      kind = found[1];
      hasKind = true;
    }
  }
  const subYear = meanings.some((m) => m.subYear);
  // A column headed by one year (`Năm 2023`, `2021`) holds that year's figures; a measure column (a rank,
  // a score, an index) without a period word, the table's period's. A span of years with no kind word
  // (`Chênh lệch 2031-2027`) says nothing of what its numbers are.
  if (!hasKind && (year !== null || (!hasYear && measure !== null))) kind = 'actual';
  const valued = hasKind || hasYear || measure !== null;
  return { role: valued ? 'value' : 'other', kind, year, years, subYear, part, measure, subject: valued ? subject : [], unitText, header };
}

/** A cell as the band detection sees it. */
export interface GridCell {
  col: number;
  text: string;
  value: number | null;
}
export interface GridRow {
  row: number;
  cells: GridCell[];
}

const isYearNumber = (v: number): boolean => Number.isInteger(v) && v >= 1950 && v <= 2100;
/** Most rows of headers a table has; more is a table of text, not a header. */
const MAX_BAND = 6;

/** Longer than this is a title or a note, not a column header. */
const MAX_HEADER_LENGTH = 80;

/** Distinct header texts: a merged title filled across a row counts once. */
function headerCells(row: GridRow): number {
  const texts = new Set<string>();
  for (const c of row.cells) {
    const text = c.value !== null && isYearNumber(c.value) ? String(c.value) : c.text;
    if (text.length <= MAX_HEADER_LENGTH && isHeaderMeaning(readHeaderCell(text))) texts.add(text);
  }
  return texts.size;
}
function hasData(row: GridRow): boolean {
  return row.cells.some((c) => c.value !== null && !isYearNumber(c.value));
}

export interface HeaderBand {
  first: number;
  last: number;
}

/**
 * Finds the header rows of each table on a sheet: a row with at least two header cells and no data
 * number starts a band; the rows below it join while they hold a header cell and no data.
 */
export function findHeaderBands(rows: GridRow[]): HeaderBand[] {
  const bands: HeaderBand[] = [];
  let current: HeaderBand | null = null;
  let firstValueCol = Infinity;
  let prev = -1;
  for (const row of rows) {
    const data = hasData(row);
    const score = data ? 0 : headerCells(row);
    const contiguous = current !== null && row.row === prev + 1 && row.row - current.first < MAX_BAND;
    // A header's words split over rows (`Số` / `hợp tác` / `xã` / `(HTX)`) sit over the value columns
    // only; a row with a label left of them is the table's first row of labels.
    const overValues = row.cells.length > 0 && row.cells.every((c) => c.col >= firstValueCol && c.text.length <= MAX_HEADER_LENGTH);
    if (current && contiguous && (score >= 1 || (!data && overValues))) current.last = row.row;
    else if (score >= 2) {
      current = { first: row.row, last: row.row };
      bands.push(current);
      firstValueCol = Infinity;
    } else current = null;
    if (current?.last === row.row) {
      for (const c of row.cells) {
        const m = readHeaderCell(c.value !== null && isYearNumber(c.value) ? String(c.value) : c.text);
        if (m.role === undefined && isHeaderMeaning(m)) firstValueCol = Math.min(firstValueCol, c.col);
      }
    }
    prev = row.row;
  }
  return bands;
}
