import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { z } from 'zod';
import type { Fact } from '../schema/fact.ts';
import type { AnyWarehouse } from '../store/warehouse.ts';
import { type FactFilter, iterateFacts } from './facts-query.ts';
import { BOM, csvLine } from './format.ts';

export const ExportFormat = z.enum(['csv', 'xlsx', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What an export knows of a fact's document, beside the fact: where it is about, its number and date. */
export interface DocumentInfo {
  area: string | null;
  province: string | null;
  number: string | null;
  date: string | null;
}

interface Column {
  /** the contract's field name (`--headers fields`) */
  header: string;
  /** the column's name in Vietnamese, for the analysts who open the file (the default) */
  vi: string;
  value: (f: Fact, d: DocumentInfo | undefined) => string | number | null;
  width?: number;
  /** a number Excel should show in full, with this many decimals (else its `General` turns 26353600000000 into 2.63536E+13) */
  decimals?: (f: Fact) => number;
}

/** Decimals of a number as JavaScript writes it in full, at most 12. */
function decimalsOf(n: number | null): number {
  if (n === null || Number.isInteger(n)) return 0;
  const t = n.toFixed(12).replace(/0+$/, '');
  return Math.min(12, t.length - t.indexOf('.') - 1);
}

/** One flat row per fact: the contract's fields, with `source` spread into its own columns, and the document's place, number and date. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'id', vi: 'Mã số liệu', value: (f) => f.id, width: 24 },
  { header: 'documentId', vi: 'Mã văn bản', value: (f) => f.documentId, width: 18 },
  { header: 'documentNumber', vi: 'Số văn bản', value: (_, d) => d?.number ?? null, width: 16 },
  { header: 'documentDate', vi: 'Ngày văn bản', value: (_, d) => d?.date ?? null, width: 12 },
  { header: 'area', vi: 'Địa bàn', value: (_, d) => d?.area ?? null, width: 18 },
  { header: 'province', vi: 'Tỉnh', value: (_, d) => d?.province ?? null, width: 14 },
  { header: 'indicator', vi: 'Chỉ tiêu', value: (f) => f.indicator, width: 48 },
  { header: 'indicatorId', vi: 'Mã chỉ tiêu', value: (f) => f.indicatorId, width: 20 },
  { header: 'value', vi: 'Giá trị', value: (f) => f.value, width: 14, decimals: (f) => f.decimals },
  { header: 'unit', vi: 'Mã đơn vị', value: (f) => f.unit, width: 12 },
  { header: 'unitText', vi: 'Đơn vị tính', value: (f) => f.unitText, width: 14 },
  { header: 'multiplier', vi: 'Bậc (10ⁿ)', value: (f) => f.multiplier, width: 10 },
  { header: 'baseValue', vi: 'Giá trị quy đổi', value: (f) => f.baseValue, width: 20, decimals: (f) => decimalsOf(f.baseValue) },
  { header: 'year', vi: 'Năm', value: (f) => f.year, width: 8 },
  { header: 'period', vi: 'Kỳ', value: (f) => f.period, width: 18 },
  { header: 'kind', vi: 'Loại số', value: (f) => f.kind, width: 14 },
  { header: 'qualifier', vi: 'Mức (hơn, gần…)', value: (f) => f.qualifier, width: 10 },
  { header: 'relatesTo', vi: 'Liên quan đến', value: (f) => f.relatesTo, width: 24 },
  { header: 'footnotes', vi: 'Chú thích', value: (f) => f.footnotes.join(' '), width: 10 },
  { header: 'inFootnote', vi: 'Trong chú thích', value: (f) => f.inFootnote, width: 10 },
  { header: 'status', vi: 'Trạng thái', value: (f) => f.status, width: 10 },
  { header: 'file', vi: 'Tệp', value: (f) => f.source.file, width: 32 },
  { header: 'page', vi: 'Trang', value: (f) => f.source.page ?? null, width: 6 },
  { header: 'block', vi: 'Đoạn', value: (f) => f.source.block, width: 6 },
  { header: 'start', vi: 'Vị trí đầu', value: (f) => f.source.start, width: 8 },
  { header: 'end', vi: 'Vị trí cuối', value: (f) => f.source.end, width: 8 },
  { header: 'text', vi: 'Câu', value: (f) => f.source.text, width: 80 },
];

export interface ExportOptions {
  /**
   * column names: Vietnamese or the contract's field names; by default Vietnamese in XLSX (opened by
   * people) and field names in CSV (read by scripts and other tools as well)
   */
  headers?: 'vi' | 'fields';
  /** CSV field separator (default `,`; `;` for Excel in a Vietnamese locale) */
  delimiter?: ',' | ';' | '\t';
  /** CSV decimal mark of numbers (default `.`; `,` for Excel in a Vietnamese locale) */
  decimal?: '.' | ',';
}

export interface ExportResult {
  format: ExportFormat;
  file: string;
  rows: number;
}

/**
 * Writes the facts matching `filter` to `out`: CSV (UTF-8 with BOM, so Excel shows Vietnamese),
 * XLSX (typed number cells, unit in its own column) or JSON (an array of Fact objects). Streams, so a
 * million facts fit in memory; writes a temporary file and renames it, so a failed export leaves no
 * half file behind.
 */
export async function exportFacts(wh: AnyWarehouse, filter: FactFilter, format: ExportFormat, out: string, options: ExportOptions = {}): Promise<ExportResult> {
  if (options.delimiter && options.decimal && options.delimiter === options.decimal)
    throw new Error(`the CSV delimiter and decimal mark are both "${options.decimal}"`);
  const tmp = `${out}.part-${process.pid}`;
  try {
    const docs = await documentInfo(wh);
    const rows =
      format === 'xlsx' ? await writeXlsx(iterateFacts(wh, filter), docs, tmp, options) : await writeText(iterateFacts(wh, filter), docs, tmp, format, options);
    renameSync(tmp, out);
    return { format, file: out, rows };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Every document's place, number and date, once: a warehouse holds far fewer documents than facts. */
async function documentInfo(wh: AnyWarehouse): Promise<Map<string, DocumentInfo>> {
  const rows = await wh.db.selectFrom('documents').select(['id', 'area', 'province', 'number', 'date']).execute();
  return new Map(rows.map((r) => [r.id, { area: r.area, province: r.province, number: r.number, date: r.date }]));
}

async function writeText(
  facts: AsyncIterable<Fact>,
  docs: ReadonlyMap<string, DocumentInfo>,
  file: string,
  format: 'csv' | 'json',
  options: ExportOptions,
): Promise<number> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let rows = 0;
  if (format === 'csv') {
    const csv = { delimiter: options.delimiter ?? ',', decimal: options.decimal ?? '.' };
    await write(
      stream,
      BOM +
        csvLine(
          EXPORT_COLUMNS.map((c) => ((options.headers ?? 'fields') === 'fields' ? c.header : c.vi)),
          csv,
        ),
    );
    for await (const f of facts) {
      const d = docs.get(f.documentId);
      await write(
        stream,
        csvLine(
          EXPORT_COLUMNS.map((c) => c.value(f, d)),
          csv,
        ),
      );
      rows++;
    }
  } else {
    await write(stream, '[');
    for await (const f of facts) {
      await write(stream, `${rows === 0 ? '\n' : ',\n'}${JSON.stringify(f)}`);
      rows++;
    }
    await write(stream, rows === 0 ? ']\n' : '\n]\n');
  }
  stream.end();
  await once(stream, 'finish');
  return rows;
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** `#,##0` with the decimals shown: the number in full, grouped, as a Vietnamese or English Excel shows it. */
function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

async function writeXlsx(facts: AsyncIterable<Fact>, docs: ReadonlyMap<string, DocumentInfo>, file: string, options: ExportOptions): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('facts', { views: [{ state: 'frozen', ySplit: 1 }] });
  const names = EXPORT_COLUMNS.map((c) => (options.headers === 'fields' ? c.header : c.vi));
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ header: names[i]!, key: c.header, width: c.width ?? 12 }));
  // a filter on every column of the header row: what an analyst sets first to pivot
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  for await (const f of facts) {
    const d = docs.get(f.documentId);
    const row = sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(f, d)));
    EXPORT_COLUMNS.forEach((c, i) => {
      if (c.decimals && typeof row.getCell(i + 1).value === 'number') row.getCell(i + 1).numFmt = numberFormat(c.decimals(f));
    });
    row.commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
