import type { DocumentMetadata } from '../../schema/document.ts';
import {
  dayPeriod,
  granularityOf,
  monthPeriod,
  monthsPeriod,
  quarterPeriod,
  samePeriodYearBefore,
  semesterPeriod,
  yearOfPeriod,
  yearPeriod,
  yearsPeriod,
} from '../../schema/period.ts';
import { PERIOD_COMPARED_BEFORE, PERIOD_CUES, type PeriodCue } from './phrases.ts';

/**
 * Periods as SDMX writes them (schema/period.ts), read from the wording of a clause, a sentence, a
 * heading or the title, with the document's own date for what the wording leaves out (`trong tháng`,
 * `quý I`, `từ đầu năm đến nay`).
 */

/** When the document was written, as far as it says: the year, and the month when known. */
export interface Reference {
  year: number | null;
  month: number | null;
  /** the period the document is about when its title names one shorter than a year (`… tháng 3/2026`) */
  period?: string | null;
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const DATE_BEFORE_MONTH = /ngày\s+\d{1,2}\s*$/u;

interface Found {
  cue: PeriodCue;
  start: number;
  end: number;
  m: RegExpExecArray;
}

/** Every period cue of a text, without those inside a longer one or only compared against. */
function cuesOf(text: string): Found[] {
  const found: Found[] = [];
  for (const { cue, re } of PERIOD_CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        re.lastIndex++;
        continue;
      }
      const before = text.slice(Math.max(0, start - 30), start);
      if (PERIOD_COMPARED_BEFORE.test(before)) continue;
      if (cue === 'month' && DATE_BEFORE_MONTH.test(before)) continue;
      found.push({ cue, start, end, m });
    }
  }
  return found.filter((f, i) => !found.some((g, j) => j !== i && g.start <= f.start && g.end >= f.end && (g.end - g.start > f.end - f.start || j < i)));
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

/** What one cue states, the document's date filling in what it leaves out; null where that is unknown. */
function periodOfCue(f: Found, ref: Reference): string | null {
  const { m } = f;
  const y = (i: number) => num(m[i]) ?? ref.year;
  switch (f.cue) {
    case 'school-year':
    case 'stage': {
      const from = Number(m[1]);
      const to = Number(m[2]);
      return to > from && to - from <= 20 ? yearsPeriod(from, to) : null;
    }
    case 'half': {
      const year = y(2);
      return year === null ? null : semesterPeriod(year, m[1] === 'đầu' ? 1 : 2);
    }
    case 'first-months': {
      const n = Number(m[1]);
      const year = y(2);
      if (year === null || n < 1 || n > 12) return null;
      return n === 12 ? yearPeriod(year) : n === 6 ? semesterPeriod(year, 1) : n === 3 ? quarterPeriod(year, 1) : monthsPeriod(year, 1, n);
    }
    case 'quarter': {
      const q = ROMAN[m[1]!] ?? Number(m[1]);
      const year = y(2);
      return year === null ? null : quarterPeriod(year, q);
    }
    case 'this-quarter':
      return ref.year === null || ref.month === null ? null : quarterPeriod(ref.year, Math.ceil(ref.month / 3));
    case 'month': {
      const month = Number(m[1] ?? m[3]);
      const year = m[1] !== undefined ? y(2) : num(m[4]);
      return year === null || month < 1 || month > 12 ? null : monthPeriod(year, month);
    }
    case 'this-month':
      return ref.year === null || ref.month === null ? null : monthPeriod(ref.year, ref.month);
    case 'from-date-to-now': {
      const month = Number(m[2]);
      const year = Number(m[3]);
      if (month < 1 || month > 12) return null;
      const to = ref.year === year && ref.month !== null && ref.month >= month ? ref.month : month;
      return monthsPeriod(year, month, to);
    }
    case 'date-range': {
      // the months a closed span of dates runs over (`từ ngày 01/10/2025 đến ngày 31/10/2025` is 2025-M10)
      const [m1, y1, m2, y2] = [Number(m[2]), Number(m[3]), Number(m[5]), Number(m[6])];
      if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || y2 < y1 || (y1 === y2 && m2 < m1)) return null;
      return y1 === y2 ? monthsPeriod(y1, m1, m2) : `${y1}-${String(m1).padStart(2, '0')}/${y2}-${String(m2).padStart(2, '0')}`;
    }
    case 'as-of-date': {
      const day = Number(m[1] ?? m[4]);
      const month = Number(m[2] ?? m[5]);
      const year = Number(m[3] ?? m[6]);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? dayPeriod(year, month, day) : null;
    }
    case 'year-to-date': {
      const year = y(1);
      if (year === null) return null;
      if (ref.month === null || ref.year !== year) return ref.year !== null && year < ref.year ? yearPeriod(year) : null;
      return ref.month === 12 ? yearPeriod(year) : monthsPeriod(year, 1, ref.month);
    }
    case 'now':
      // `đến nay`: at the time of the report, the period it is about (a month's, a quarter's), else its year
      return ref.period ?? (ref.year === null ? null : yearPeriod(ref.year));
    case 'year':
      return yearPeriod(Number(m[1]));
  }
}

/** Within this many characters of a text's start, a span of years opens it (`Trong giai đoạn 2021-2025, …`). */
const OPENING = 16;
/** Within this many characters of a number (and no comma), a span of years names its period (`vốn giai đoạn 2021-2025 là …`). */
const NEAR = 32;

/** Only a few words, no comma, between a cue and the number. */
function rightBefore(text: string, end: number): boolean {
  return text.length - end <= NEAR && !/[,;:.]/.test(text.slice(end));
}

/**
 * The period of the cue nearest the end of a text (the words right before a number), or null. A span of
 * years counts where it opens the text or comes right before the number: between the two it names what a
 * plan or a term covers (`… thực hiện Nghị quyết nhiệm kỳ 2020-2025, mặc dù …`), not the number.
 */
export function lastPeriodIn(text: string, ref: Reference): string | null {
  const found = cuesOf(text).sort((a, b) => b.end - a.end || a.start - b.start);
  for (const f of found) {
    const p = periodOfCue(f, ref);
    if (p === null) continue;
    if (granularityOf(p) === 'years' && f.start > OPENING && !rightBefore(text, f.end)) continue;
    return p;
  }
  return null;
}

/** Cues that name a part of a year in words and numbers (`quý I`, `tháng 3`, `6 tháng đầu năm`), not `đến nay` or a date. */
const NAMED_PARTS: ReadonlySet<PeriodCue> = new Set<PeriodCue>(['half', 'first-months', 'quarter', 'month']);

/** The period of the last cue of a text that names a part of a year (NAMED_PARTS), or null. */
export function lastNamedPartIn(text: string, ref: Reference): string | null {
  const found = cuesOf(text)
    .filter((f) => NAMED_PARTS.has(f.cue))
    .sort((a, b) => b.end - a.end);
  for (const f of found) {
    const p = periodOfCue(f, ref);
    if (p !== null) return p;
  }
  return null;
}

/** Every period a text states, in the order of the text (a title may state the report's and the plan's). */
export function periodsIn(text: string, ref: Reference): string[] {
  const out: string[] = [];
  for (const f of cuesOf(text).sort((a, b) => a.start - b.start)) {
    const p = periodOfCue(f, ref);
    if (p !== null && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The last month a period covers, for what `trong tháng` or `đến nay` mean in a document about it. */
function lastMonthOf(period: string): number | null {
  const end = period.includes('/') ? period.slice(period.indexOf('/') + 1) : period;
  switch (granularityOf(period)) {
    case 'month':
      return Number(end.slice(6));
    case 'quarter':
      return 3 * Number(end.slice(6));
    case 'semester':
      return 6 * Number(end.slice(6));
    case 'day':
    case 'months':
      return Number(end.slice(5, 7));
    default:
      return null;
  }
}

export interface DocumentPeriods {
  ref: Reference;
  /** the title's one period shorter than a year (`… tháng 3/2026`, `… quý I/2026`): what its numbers are about by default */
  titlePeriod: string | null;
  /** the first year the title names (`… năm 2025 …`), for a document whose metadata has no year */
  titleYear: number | null;
  /**
   * what a figure whose wording names no period is about: the title's period, else, for a report dated
   * before its year is over whose title names no year, the month it was written in (its year is not over,
   * so its figures are the state at that month, not the year's)
   */
  reportPeriod: string | null;
}

/** A document's opening line that is its type and title in one (`BÁO CÁO Kết quả … năm 2025`). */
const TYPE_AND_TITLE = /^\s*(?:BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|ĐỀ ÁN|CHƯƠNG TRÌNH|THÔNG BÁO)\s+(\p{Lu}?\p{Ll}.*)$/u;

/** The title: the metadata's, else an opening line that holds the type and the title together. */
function titleOf(meta: DocumentMetadata, opening: readonly string[]): string | null {
  if (meta.title) return meta.title;
  for (const text of opening) {
    const m = TYPE_AND_TITLE.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** When the document was written (its date, else what its title is about), and the period its title names. */
export function documentPeriods(meta: DocumentMetadata, opening: readonly string[] = []): DocumentPeriods {
  const dated = meta.date ? /^(\d{4})(?:-(\d{2}))?/.exec(meta.date) : null;
  const undated: Reference = { year: meta.reportYear, month: null };
  const title = titleOf(meta, opening)?.toLowerCase() ?? null;
  const titled = title ? periodsIn(title, dated ? { year: Number(dated[1]), month: num(dated[2]) } : undated) : [];
  const titlePeriod = titled.length === 1 && granularityOf(titled[0]!) !== 'year' && granularityOf(titled[0]!) !== 'years' ? titled[0]! : null;
  const firstYear = titled.find((p) => granularityOf(p) === 'year');
  const titleYear = firstYear === undefined ? null : Number(firstYear);
  let ref: Reference;
  if (dated) {
    // a report on March written in April: `đến nay`, `trong tháng` run to the month it reports on
    const month = num(dated[2]) ?? meta.month;
    const reported = titlePeriod !== null && yearOfPeriod(titlePeriod) === Number(dated[1]) ? lastMonthOf(titlePeriod) : null;
    ref = { year: Number(dated[1]), month: reported !== null && month !== null && reported < month ? reported : month, period: titlePeriod };
  } else if (titlePeriod) ref = { year: yearOfPeriod(titlePeriod), month: lastMonthOf(titlePeriod), period: titlePeriod };
  else ref = { year: meta.reportYear ?? titleYear, month: null, period: null };
  const reportPeriod =
    titlePeriod ??
    (titleYear === null && dated && ref.year !== null && (meta.reportYear ?? ref.year) === ref.year && ref.month !== null && ref.month < 12
      ? monthPeriod(ref.year, ref.month)
      : null);
  ref.period = reportPeriod;
  return { ref, titlePeriod, titleYear, reportPeriod };
}

/** `cùng kỳ`: the same period a year before. */
export const previousPeriod = samePeriodYearBefore;

/** A period other than a plain year: what a sentence or a heading says beyond the year its section has. */
export function isWithinOrAcrossYears(period: string | null): period is string {
  return period !== null && granularityOf(period) !== 'year';
}

/**
 * The period of a text's last cue that is not a plain year, or null. With `spansOpening`, a span of
 * years counts only where it opens the text: further on it names what a plan or a term covers
 * (`… Nghị quyết nhiệm kỳ 2020-2025, …`), not the numbers after it.
 */
export function lastSubOrMultiYearIn(text: string, ref: Reference, spansOpening = false): string | null {
  const found = cuesOf(text).sort((a, b) => b.end - a.end || a.start - b.start);
  for (const f of found) {
    if (f.cue === 'year') continue;
    const p = periodOfCue(f, ref);
    if (!isWithinOrAcrossYears(p)) continue;
    if (spansOpening && granularityOf(p) === 'years' && f.start > OPENING) return null;
    return p;
  }
  return null;
}

/** Reads each heading's period once per document (headings repeat block after block). */
export function headingPeriodReader(ref: Reference): (heading: string) => string | null {
  const memo = new Map<string, string | null>();
  return (heading) => {
    let p = memo.get(heading);
    if (p === undefined) memo.set(heading, (p = lastSubOrMultiYearIn(heading.toLowerCase(), ref)));
    return p;
  };
}
