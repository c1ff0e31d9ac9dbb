/** Small formatting helpers shared by the query outputs. */

import { formatVi } from '../extractors/vn-number.ts';

export function formatSigned(n: number): string {
  return n > 0 ? `+${formatVi(n)}` : formatVi(n);
}

/** A value in the canonical unit shown at a power of ten (`1,2e12` VND at 9 → `1.200`). */
export function scaled(baseValue: number, multiplier: number): number {
  return Number((baseValue / 10 ** multiplier).toPrecision(12));
}

export function shortId(documentId: string): string {
  return documentId.slice(0, 8);
}

/**
 * Text a spreadsheet would take for a formula: `=`, `+`, `-`, `@`, a tab or a carriage return first,
 * also after leading spaces (LibreOffice and Excel skip them), and the full-width signs some fonts and
 * IMEs produce. A report's sentence such as `=HYPERLINK(…)` must reach the analyst as text, never run.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell made inert as OWASP advises against CSV injection: a leading `'`, which spreadsheets take
 * as "this is text". Numbers are written as numbers and never need it.
 */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** How a CSV is written: the field separator and the decimal mark of its numbers. */
export interface CsvStyle {
  delimiter?: string;
  decimal?: string;
}

/**
 * RFC 4180 field: quoted when it holds the delimiter, a quote or a line break; text that looks like a
 * formula made inert. A number is written with the style's decimal mark (`12,5` for a Vietnamese Excel)
 * and never made inert: `-12,5` stays the number it is.
 */
export function csvField(value: string | number | boolean | null | undefined, style: CsvStyle = {}): string {
  if (value === null || value === undefined) return '';
  const delimiter = style.delimiter ?? ',';
  const s = typeof value === 'number' ? (style.decimal === ',' ? String(value).replace('.', ',') : String(value)) : inertText(String(value));
  const special = s.includes(delimiter) || /["\r\n]/.test(s);
  return special ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number | boolean | null | undefined>, style: CsvStyle = {}): string {
  return `${fields.map((f) => csvField(f, style)).join(style.delimiter ?? ',')}\r\n`;
}

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/** Pads to a width in user-perceived characters (NFC Vietnamese is one code point per letter). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const len = [...text.normalize('NFC')].length;
  const fill = ' '.repeat(Math.max(0, width - len));
  return align === 'left' ? text + fill : fill + text;
}

export function textWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** A plain text table: header, a rule, rows; numbers right-aligned by the caller's choice. */
export function renderTable(header: string[], rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, rightAligned.has(i) ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return `${[line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}
