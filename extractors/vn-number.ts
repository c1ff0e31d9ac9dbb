/**
 * Vietnamese number notation: `.` groups thousands, `,` marks decimals (`8.396,5` = 8396.5).
 * Values are rebuilt from their digit strings so that scaling by powers of ten stays exact.
 */

export interface ParsedNumber {
  value: number;
  /** digits after the decimal mark, which says how exactly the report wrote it */
  decimals: number;
  /** the digits without separators, and the power of ten that places the decimal point */
  digits: string;
  /** set when the separators do not follow the Vietnamese convention */
  oddity: 'ambiguous_separator' | 'odd_grouping' | null;
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:,\d+)?$/;
const DIGITS = /^\d+$/;
// US style (`8,207.400`): the last separator is a dot with a comma before it.
const US_GROUPED = /^\d{1,3}(?:,\d{3})+\.\d+$/;
// A single dot not followed by three digits (`1.5`): a decimal point typed the English way.
const DOT_DECIMAL = /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/;

function build(intPart: string, frac: string, oddity: ParsedNumber['oddity']): ParsedNumber {
  const digits = (intPart + frac).replace(/^0+(?=\d)/, '');
  return { value: Number(`${intPart}.${frac || '0'}`), decimals: frac.length, digits, oddity };
}

/** Reads one number token (`8.396,5`, `04`, `7.367.800`); null when it is not a number. */
export function parseVietnameseNumber(token: string): ParsedNumber | null {
  const s = token.trim();
  // most tokens are plain digits (`2023`, `04`): the same reading as PLAIN below, without the splits
  if (DIGITS.test(s)) return build(s, '', null);
  if (GROUPED.test(s) || PLAIN.test(s)) {
    const [intPart = '', frac = ''] = s.split(',');
    return build(intPart.replace(/\./g, ''), frac, null);
  }
  if (US_GROUPED.test(s)) {
    const [intPart = '', frac = ''] = s.split('.');
    return build(intPart.replace(/,/g, ''), frac, 'ambiguous_separator');
  }
  if (DOT_DECIMAL.test(s)) {
    const [intPart = '', frac = ''] = s.split('.');
    return build(intPart, frac, 'ambiguous_separator');
  }
  if (/^\d[\d.]*\d(?:,\d+)?$/.test(s)) {
    // Dots in odd places (`1.00.000`): read the digits but say so.
    const [intPart = '', frac = ''] = s.split(',');
    return build(intPart.replace(/\./g, ''), frac, 'odd_grouping');
  }
  return null;
}

/** value × 10^multiplier computed on the digit string, so `1.473,474` × 10⁹ is exactly 1473474000000. */
export function scaleExactly(parsed: Pick<ParsedNumber, 'digits' | 'decimals'>, multiplier: number): number {
  return Number(`${parsed.digits}e${multiplier - parsed.decimals}`);
}

// One formatter per digit range, built on first use: ICU's locale data costs milliseconds, paid by every
// ingest worker that only imports this module.
const formats = new Map<number, Intl.NumberFormat>();

function viFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = minDecimals * 101 + maxDecimals;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals })));
  return f;
}

/** Writes a number the way the reports do (`8.396,5`), with exactly `decimals` digits after the comma. */
export function formatVietnameseNumber(value: number, decimals: number): string {
  return viFormat(decimals, decimals).format(value);
}

/** The same style with at most `maxDecimals` digits after the comma, none when the value is whole: `36.595,83`. */
export function formatVi(n: number, maxDecimals = 4): string {
  return viFormat(0, maxDecimals).format(n);
}
