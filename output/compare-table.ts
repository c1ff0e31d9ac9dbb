import { formatVi } from '../extractors/vn-number.ts';
import type { Cell, CellValue, CompareRow, Comparison, YearColumn } from './compare.ts';
import { csvLine, formatSigned, renderTable, scaled, shortId } from './format.ts';

const MAX_LABEL = 60;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Numbers reference documents by their place in the legend: `44,3 [1]`. */
type RefOf = (documentId: string) => number;

function refs(v: CellValue, refOf: RefOf): string {
  return v.sources.map((s) => `[${refOf(s.documentId)}]`).join('');
}

function valueText(v: CellValue, row: CompareRow, refOf: RefOf, percent = false): string {
  const n = percent ? `${formatVi(v.baseValue)}%` : formatVi(scaled(v.baseValue, row.multiplier));
  return `${n} ${refs(v, refOf)}`;
}

/** All of a cell's values; more than one means the documents disagree, marked `≠ … !`. */
function cellText(c: Cell | null, row: CompareRow, refOf: RefOf, percent = false): string {
  if (!c) return '';
  if (c.computed) {
    const v = c.values[0]!;
    const n = percent ? `${formatSigned(v.baseValue)}%` : formatSigned(scaled(v.baseValue, row.multiplier));
    return `${v.kind === 'share_of_plan' ? n.replace(/^\+/, '') : n}*`;
  }
  const text = c.values.map((v) => valueText(v, row, refOf, percent)).join(' ≠ ');
  return c.conflict ? `${text} !` : text;
}

function resultText(col: YearColumn, row: CompareRow, refOf: RefOf): string {
  if (col.revision) {
    return `ƯTH ${valueText(col.revision.estimate, row, refOf)} → TH ${valueText(col.revision.actual, row, refOf)}`;
  }
  if (!col.result) return '';
  return `${col.resultKind === 'actual' ? 'TH' : 'ƯTH'} ${cellText(col.result, row, refOf)}`;
}

function changeText(col: YearColumn, row: CompareRow, refOf: RefOf): string {
  const abs = col.change ? cellText(col.change, row, refOf) : '';
  const pct = col.changePercent ? cellText(col.changePercent, row, refOf, true) : '';
  return abs && pct ? `${abs} (${pct})` : abs || pct;
}

function legendIndex(cmp: Comparison): RefOf {
  const index = new Map(cmp.documents.map((d, i) => [d.documentId, i + 1]));
  return (id) => index.get(id) ?? 0;
}

function unitLabel(row: CompareRow): string {
  return row.unitText ?? (row.unit === 'percent' ? '%' : (row.unit ?? ''));
}

/**
 * The terminal table: one row per indicator (and area), a column group per year (or per period of one
 * granularity, `compare --by quarter`): plan (KH), result (TH actual / ƯTH estimate), share of plan (%KH)
 * and change on the previous year (on the same period a year earlier) (±).
 */
export function renderCompareText(cmp: Comparison): string {
  if (cmp.rows.length === 0) return `Không có số liệu${cmp.query ? ` cho "${cmp.query}"` : ''}.\n`;
  const refOf = legendIndex(cmp);
  const header = ['Chỉ tiêu', 'Địa bàn', 'ĐVT'];
  for (const y of cmp.periods) header.push(`${y} KH`, `${y} TH/ƯTH`, `${y} %KH`, `${y} ±`);
  const rows = cmp.rows.map((row) => {
    const cells = [clip(row.indicator, MAX_LABEL), row.area ?? '', unitLabel(row)];
    for (const y of cmp.periods) {
      const col = row.years[y];
      cells.push(
        col ? cellText(col.plan, row, refOf) : '',
        col ? resultText(col, row, refOf) : '',
        col ? cellText(col.shareOfPlan, row, refOf, true) : '',
        col ? changeText(col, row, refOf) : '',
      );
    }
    return cells;
  });
  const legend = cmp.documents.map(
    (d, i) => `[${i + 1}] ${shortId(d.documentId)}  ${d.file}${d.number ? `  (số ${d.number}${d.reportYear ? `, năm ${d.reportYear}` : ''})` : ''}`,
  );
  const notes = 'KH kế hoạch · TH thực hiện · ƯTH ước thực hiện · * tính từ số liệu · ≠ … ! các văn bản ghi khác nhau · → số ước được điều chỉnh';
  return `${renderTable(header, rows)}\nNguồn:\n${legend.join('\n')}\n${notes}\n`;
}

/** The same table as CSV: numbers in the row's scale (column `multiplier`), sources as document id prefixes. */
export function renderCompareCsv(cmp: Comparison): string {
  const header = ['indicator', 'indicator_id', 'area', 'unit', 'unit_text', 'multiplier'];
  for (const y of cmp.periods) {
    header.push(`${y}_plan`, `${y}_plan_sources`, `${y}_result`, `${y}_result_kind`, `${y}_result_sources`);
    header.push(`${y}_share_of_plan`, `${y}_change`, `${y}_change_percent`, `${y}_flags`);
  }
  let out = csvLine(header);
  for (const row of cmp.rows) {
    const fields: Array<string | number | null> = [row.indicator, row.indicatorId, row.area, row.unit, row.unitText, row.multiplier];
    for (const y of cmp.periods) fields.push(...csvYear(row, row.years[y]));
    out += csvLine(fields);
  }
  return out;
}

function csvYear(row: CompareRow, col: YearColumn | undefined): Array<string | number | null> {
  if (!col) return Array<null>(9).fill(null);
  const first = (c: Cell | null, percent = false) => {
    const v = c?.values[0];
    return v === undefined ? null : percent ? v.baseValue : scaled(v.baseValue, row.multiplier);
  };
  const sources = (c: Cell | null) => c?.values.flatMap((v) => v.sources.map((s) => shortId(s.documentId))).join(' ') ?? null;
  const flags = [
    ...(col.plan?.conflict || col.result?.conflict || col.shareOfPlan?.conflict ? ['conflict'] : []),
    ...(col.revision ? [`revised_from_estimate:${scaled(col.revision.estimate.baseValue, row.multiplier)}`] : []),
    ...(col.shareOfPlan?.computed ? ['share_computed'] : []),
  ].join(' ');
  return [
    first(col.plan),
    sources(col.plan),
    first(col.result),
    col.resultKind,
    sources(col.result),
    first(col.shareOfPlan, true),
    first(col.change),
    first(col.changePercent, true),
    flags || null,
  ];
}
