import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { z } from 'zod';
import type { Fact } from '../schema/fact.ts';
import type { AnyWarehouse } from '../store/warehouse.ts';
import { type FactFilter, iterateFacts } from './facts-query.ts';
import { BOM, csvLine } from './format.ts';

export const ExportFormat = z.enum(['csv', 'xlsx', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

interface Column {
  header: string;
  value: (f: Fact) => string | number | null;
  width?: number;
}

/** One flat row per fact: the contract's fields, with `source` spread into its own columns. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'id', value: (f) => f.id, width: 24 },
  { header: 'documentId', value: (f) => f.documentId, width: 18 },
  { header: 'indicator', value: (f) => f.indicator, width: 48 },
  { header: 'indicatorId', value: (f) => f.indicatorId, width: 20 },
  { header: 'value', value: (f) => f.value, width: 14 },
  { header: 'unit', value: (f) => f.unit, width: 12 },
  { header: 'unitText', value: (f) => f.unitText, width: 14 },
  { header: 'multiplier', value: (f) => f.multiplier, width: 10 },
  { header: 'baseValue', value: (f) => f.baseValue, width: 18 },
  { header: 'year', value: (f) => f.year, width: 8 },
  { header: 'period', value: (f) => f.period, width: 18 },
  { header: 'kind', value: (f) => f.kind, width: 14 },
  { header: 'qualifier', value: (f) => f.qualifier, width: 10 },
  { header: 'relatesTo', value: (f) => f.relatesTo, width: 24 },
  { header: 'footnotes', value: (f) => f.footnotes.join(' '), width: 10 },
  { header: 'inFootnote', value: (f) => f.inFootnote, width: 10 },
  { header: 'status', value: (f) => f.status, width: 10 },
  { header: 'file', value: (f) => f.source.file, width: 32 },
  { header: 'page', value: (f) => f.source.page ?? null, width: 6 },
  { header: 'block', value: (f) => f.source.block, width: 6 },
  { header: 'start', value: (f) => f.source.start, width: 8 },
  { header: 'end', value: (f) => f.source.end, width: 8 },
  { header: 'text', value: (f) => f.source.text, width: 80 },
];

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
export async function exportFacts(wh: AnyWarehouse, filter: FactFilter, format: ExportFormat, out: string): Promise<ExportResult> {
  const tmp = `${out}.part-${process.pid}`;
  try {
    const rows = format === 'xlsx' ? await writeXlsx(iterateFacts(wh, filter), tmp) : await writeText(iterateFacts(wh, filter), tmp, format);
    renameSync(tmp, out);
    return { format, file: out, rows };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

async function writeText(facts: AsyncIterable<Fact>, file: string, format: 'csv' | 'json'): Promise<number> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let rows = 0;
  if (format === 'csv') {
    await write(stream, BOM + csvLine(EXPORT_COLUMNS.map((c) => c.header)));
    for await (const f of facts) {
      await write(stream, csvLine(EXPORT_COLUMNS.map((c) => c.value(f))));
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

async function writeXlsx(facts: AsyncIterable<Fact>, file: string): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('facts', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  for await (const f of facts) {
    sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(f))).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
