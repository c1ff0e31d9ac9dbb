import { z } from 'zod';

/**
 * The period a number is about, written as SDMX writes TIME_PERIOD: a year `2026`, a semester `2026-S1`,
 * a quarter `2026-Q1`, a month `2026-M03`, a day `2026-03-20` (a stock counted on that date), or an
 * interval `START/END` of two of those of one granularity: `2026-M01/2026-M03` is written `2026-01/2026-03`
 * (ISO 8601 months, as SDMX writes intervals), `2021/2025` five years, `2023/2024` a school year.
 */
const YEAR = '\\d{4}';
const SEMESTER = `${YEAR}-S[12]`;
const QUARTER = `${YEAR}-Q[1-4]`;
const MONTH = `${YEAR}-M(?:0[1-9]|1[0-2])`;
const DAY = `${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`;
const MONTH_ISO = `${YEAR}-(?:0[1-9]|1[0-2])`;
const PERIOD_RE = new RegExp(`^(?:${YEAR}|${SEMESTER}|${QUARTER}|${MONTH}|${DAY}|${YEAR}/${YEAR}|${MONTH_ISO}/${MONTH_ISO})$`);

export const PeriodSchema = z.string().regex(PERIOD_RE);

export function isPeriod(s: unknown): s is string {
  return typeof s === 'string' && PERIOD_RE.test(s);
}

/** How long a period is: compare never puts two granularities in one column. */
export const GRANULARITIES = ['year', 'semester', 'quarter', 'month', 'day', 'months', 'years'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export function granularityOf(period: string): Granularity {
  if (/^\d{4}$/.test(period)) return 'year';
  if (period.includes('/')) return period.length === 9 ? 'years' : 'months';
  if (period[5] === 'S') return 'semester';
  if (period[5] === 'Q') return 'quarter';
  if (period[5] === 'M') return 'month';
  return 'day';
}

/** The year a period is about: its own, or for an interval the year it ends (when it is reported). */
export function yearOfPeriod(period: string): number {
  const end = period.includes('/') ? period.slice(period.indexOf('/') + 1) : period;
  return Number(end.slice(0, 4));
}

/** The same period one year earlier (`cùng kỳ`): `2026-Q1` → `2025-Q1`, `2021/2025` → `2020/2024`. */
export function samePeriodYearBefore(period: string): string {
  return period.replace(/\d{4}/g, (y) => String(Number(y) - 1));
}

const pad = (n: number) => String(n).padStart(2, '0');
export const yearPeriod = (year: number): string => String(year);
export const monthPeriod = (year: number, month: number): string => `${year}-M${pad(month)}`;
export const quarterPeriod = (year: number, quarter: number): string => `${year}-Q${quarter}`;
export const semesterPeriod = (year: number, half: number): string => `${year}-S${half}`;
export const dayPeriod = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
/** Months `from` to `to` of one year, as an interval (one month alone is that month). */
export function monthsPeriod(year: number, from: number, to: number): string {
  return from === to ? monthPeriod(year, from) : `${year}-${pad(from)}/${year}-${pad(to)}`;
}
/** Years `from` to `to` (one year alone is that year). */
export function yearsPeriod(from: number, to: number): string {
  return from === to ? yearPeriod(from) : `${from}/${to}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const monthOf = (ym: string) => Number(ym.slice(5, 7));

/**
 * A period in the words a Vietnamese report uses, for reviewers and messages: `2026-Q1` → "quý I/2026",
 * `2026-01/2026-03` → "tháng 1–3/2026". An unknown string is returned as it is.
 */
export function periodWords(period: string): string {
  if (!isPeriod(period)) return period;
  const y = period.slice(0, 4);
  switch (granularityOf(period)) {
    case 'year':
      return `năm ${y}`;
    case 'semester':
      return `${period[6] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${y}`;
    case 'quarter':
      return `quý ${ROMAN[Number(period[6]) - 1]}/${y}`;
    case 'month':
      return `tháng ${Number(period.slice(6))}/${y}`;
    case 'day':
      return `ngày ${Number(period.slice(8))}/${monthOf(period)}/${y}`;
    case 'years':
      return `giai đoạn ${y}–${period.slice(5)}`;
    case 'months': {
      const [from, to] = period.split('/') as [string, string];
      return from.slice(0, 4) === to.slice(0, 4)
        ? `tháng ${monthOf(from)}–${monthOf(to)}/${to.slice(0, 4)}`
        : `tháng ${monthOf(from)}/${from.slice(0, 4)}–tháng ${monthOf(to)}/${to.slice(0, 4)}`;
    }
  }
}
