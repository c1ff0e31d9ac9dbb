import type { Block, DocumentModel, Format, ReadMessage } from '../schema/document.ts';
import { cleanText } from './clean-text.ts';
import { detectEncoding, toUnicode } from './legacy-encoding.ts';
import type { ReadContext, Reader } from './reader.ts';
import { ReadError } from './reader.ts';
import { findHeaderBands, type GridRow } from './table-header.ts';
import { type PlainCell, type PlainSheet, type PlainWorkbook, runIsolated } from './xlsx-isolate.ts';
import { guardZip, ZipRefused } from './zip-guard.ts';

/**
 * Spreadsheets (report appendices, statistical tables) into one `table-row` block per non-empty row.
 * Cells keep their raw number (`value`) and a text; numbers typed as text (`8.207,4`) stay text with
 * value null for a later stage. Merged cells: in header rows the header covers its whole span, so every
 * column knows its year and kind; elsewhere only the top-left cell holds the value, so nothing is counted
 * twice.
 */

/** .xlsx: exceljs, behind the zip guard, in the isolated worker. */
export const readXlsx: Reader = async (ctx) => {
  try {
    guardZip(ctx.bytes, ctx.limits);
  } catch (err) {
    if (err instanceof ZipRefused) throw new ReadError(ctx.file, err.message);
    throw err;
  }
  const wb = await runIsolated('xlsx', ctx.file, ctx.bytes, ctx.limits);
  return workbookToDocument(ctx, wb, 'xlsx');
};

/** .xls (BIFF): SheetJS, which has open advisories on crafted files, so only in the isolated worker. */
export const readXls: Reader = async (ctx) => {
  const wb = await runIsolated('xls', ctx.file, ctx.bytes, ctx.limits);
  return workbookToDocument(ctx, wb, 'xls');
};

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Raw number as text with a decimal comma and no grouping: `8207,4`, `2015`; never US style. */
export function numberText(v: number): string {
  let s = String(v);
  if (/e/i.test(s)) s = v.toFixed(20).replace(/\.?0+$/, '');
  return s.replace('.', ',');
}

interface Cell {
  text: string;
  value: number | null;
}

function cellText(kind: PlainCell[2], value: number | null, text: string): string {
  if (kind === 'n' && value !== null) return numberText(value);
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Converts legacy-encoded workbooks (TCVN3/VNI typed in .VnTime fonts) as a whole: one cell is too short to tell. */
function decodeLegacy(wb: PlainWorkbook, messages: ReadMessage[]): PlainWorkbook {
  const all = wb.sheets.flatMap((s) => s.cells.filter((c) => c[2] === 's').map((c) => c[4])).join('\n');
  const encoding = detectEncoding(all);
  if (encoding === 'unicode') return wb;
  messages.push({ type: 'info', message: `legacy ${encoding.toUpperCase()} text converted to Unicode`, stage: 'read', ruleId: 'read:legacy-encoding' });
  return {
    warnings: wb.warnings,
    sheets: wb.sheets.map((s) => ({
      ...s,
      name: toUnicode(s.name, encoding).text,
      cells: s.cells.map((c): PlainCell => (c[2] === 's' ? [c[0], c[1], c[2], c[3], toUnicode(c[4], encoding).text] : c)),
    })),
  };
}

function sheetRows(sheet: PlainSheet, file: string, messages: ReadMessage[]): Map<number, Map<number, Cell>> {
  const rows = new Map<number, Map<number, Cell>>();
  const hidden = new Set(sheet.hidden ?? []);
  let skipped = 0;
  const skippedCols = new Set<number>();
  for (const [row, col, kind, value, text] of sheet.cells) {
    if (hidden.has(col)) {
      skipped++;
      skippedCols.add(col);
      continue;
    }
    if (kind === 'f') {
      messages.push({
        type: 'warning',
        message: `${file}: sheet ${JSON.stringify(sheet.name)} cell ${columnName(col)}${row}: formula with no cached value, left empty (formulas are never evaluated)`,
        stage: 'read',
        ruleId: 'read:formula-without-value',
        place: { sheet: sheet.name, cell: `${columnName(col)}${row}` },
      });
      continue;
    }
    const t = cellText(kind, value, text);
    if (!t) continue;
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, { text: t, value: kind === 'n' ? value : null });
  }
  if (skipped > 0) {
    const names = [...skippedCols].sort((a, b) => a - b).map(columnName);
    messages.push({
      type: 'info',
      message: `${file}: sheet ${JSON.stringify(sheet.name)}: ${skipped} cells of hidden columns ${names.join(', ')} left out`,
      stage: 'read',
      ruleId: 'read:hidden-columns',
      place: { sheet: sheet.name },
    });
  }
  return rows;
}

/** Merges clipped to the cells that exist: a stray merge over 16 000 columns must not create 16 000 cells. */
const MAX_MERGE_CELLS = 10_000;

function toGrid(rows: Map<number, Map<number, Cell>>): GridRow[] {
  return [...rows.keys()]
    .sort((a, b) => a - b)
    .map((row) => ({
      row,
      cells: [...rows.get(row)!.entries()].sort((a, b) => a[0] - b[0]).map(([col, c]) => ({ col, text: c.text, value: c.value })),
    }));
}

function withMergesFilled(
  rows: Map<number, Map<number, Cell>>,
  merges: PlainSheet['merges'],
  onlyRows?: (row: number) => boolean,
): Map<number, Map<number, Cell>> {
  const out = new Map([...rows].map(([r, cells]) => [r, new Map(cells)]));
  for (const [top, left, bottom, right] of merges) {
    if ((bottom - top + 1) * (right - left + 1) > MAX_MERGE_CELLS) continue;
    const master = rows.get(top)?.get(left);
    if (!master) continue;
    for (let r = top; r <= bottom; r++) {
      if (onlyRows && !onlyRows(r)) continue;
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        let row = out.get(r);
        if (!row) out.set(r, (row = new Map()));
        if (!row.has(c)) row.set(c, { text: master.text, value: null });
      }
    }
  }
  return out;
}

export function workbookToDocument(ctx: ReadContext, workbook: PlainWorkbook, format: Extract<Format, 'xlsx' | 'xls'>): DocumentModel {
  const messages: ReadMessage[] = workbook.warnings.map((w) => ({ type: 'warning', message: `${ctx.file}: ${w}`, stage: 'read', ruleId: 'read:workbook' }));
  const wb = decodeLegacy(workbook, messages);
  const blocks: Block[] = [];
  for (const sheet of wb.sheets) {
    const rows = sheetRows(sheet, ctx.file, messages);
    if (rows.size === 0) continue;
    // Header rows are found on a view where every merge is filled, then only they get the fill.
    const bands = findHeaderBands(toGrid(withMergesFilled(rows, sheet.merges)));
    const inBand = (r: number): boolean => bands.some((b) => r >= b.first && r <= b.last);
    const filled = withMergesFilled(rows, sheet.merges, inBand);
    for (const { row, cells } of toGrid(filled)) {
      const out = cells.map((c) => ({ text: c.text, value: c.value, ref: `${columnName(c.col)}${row}` }));
      blocks.push({ index: blocks.length, kind: 'table-row', text: out.map((c) => c.text).join(' | '), cells: out, sheet: sheet.name });
    }
  }
  if (blocks.length === 0) throw new ReadError(ctx.file, 'empty workbook: no cell holds a value');
  // A sheet has no page breaks that cut paragraphs nor footnote areas: the footnotes stage, which rejoins
  // lines that go on in lower case, would glue a header row (`quý III`) onto the row above it.
  return { file: ctx.file, sha256: ctx.sha256, format, blocks, footnotesLinked: true, messages };
}
