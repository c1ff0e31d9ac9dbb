import { formatVi } from '../extractors/vn-number.ts';
import type { Cell, CellValue, CompareRow, Comparison, YearColumn } from './compare.ts';
import { csvLine, formatSigned, renderTable, scaled, shortId, textWidth } from './format.ts';

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
export function renderCompareText(cmp: Comparison, options: { width?: number } = {}): string {
  if (cmp.rows.length === 0) return `Không có số liệu${cmp.query ? ` cho "${cmp.query}"` : ''}.\n`;
  const refOf = legendIndex(cmp);
  const labels = cmp.rows.map((row) => [clip(row.indicator, MAX_LABEL), row.area ?? '', unitLabel(row)]);
  // each period's four columns, header first, then one cell per row
  const groups = cmp.periods.map((y) => {
    const columns = [
      [`${y} KH`, ...cmp.rows.map((row) => (row.years[y] ? cellText(row.years[y]!.plan, row, refOf) : ''))],
      [`${y} TH/ƯTH`, ...cmp.rows.map((row) => (row.years[y] ? resultText(row.years[y]!, row, refOf) : ''))],
      [`${y} %KH`, ...cmp.rows.map((row) => (row.years[y] ? cellText(row.years[y]!.shareOfPlan, row, refOf, true) : ''))],
      [`${y} ±`, ...cmp.rows.map((row) => (row.years[y] ? changeText(row.years[y]!, row, refOf) : ''))],
    ];
    // a column no row fills says nothing: left out, so more periods fit beside the labels
    const kept = columns.filter((c) => c.slice(1).some((v) => v !== ''));
    return kept.length > 0 ? kept : columns.slice(0, 1);
  });
  const widthOf = (column: string[]) => Math.max(...column.map(textWidth));
  const labelWidth = [0, 1, 2]
    .map((i) => Math.max(textWidth(['Chỉ tiêu', 'Địa bàn', 'ĐVT'][i]!), ...labels.map((l) => textWidth(l[i]!))))
    .reduce((a, b) => a + b + 2, 0);
  // Periods side by side up to the width, then the next periods in a table of their own under it, the
  // labels repeated: a terminal shows every number without a 600-character line.
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const blocks: string[][][] = [];
  let block: string[][] = [];
  let used = labelWidth;
  for (const group of groups) {
    const w = group.reduce((n, c) => n + widthOf(c) + 2, 0);
    if (block.length > 0 && used + w > width) {
      blocks.push(block);
      block = [];
      used = labelWidth;
    }
    block.push(...group);
    used += w;
  }
  blocks.push(block);
  const tables = blocks.map((columns) => {
    const header = ['Chỉ tiêu', 'Địa bàn', 'ĐVT', ...columns.map((c) => c[0]!)];
    const rows = labels.map((l, r) => [...l, ...columns.map((c) => c[r + 1]!)]);
    return renderTable(header, rows);
  });
  const legend = cmp.documents.map(
    (d, i) => `[${i + 1}] ${shortId(d.documentId)}  ${d.file}${d.number ? `  (số ${d.number}${d.reportYear ? `, năm ${d.reportYear}` : ''})` : ''}`,
  );
  const notes = 'KH kế hoạch · TH thực hiện · ƯTH ước thực hiện · * tính từ số liệu · ≠ … ! các văn bản ghi khác nhau · → số ước được điều chỉnh';
  return `${tables.join('\n')}\nNguồn:\n${legend.join('\n')}\n${notes}\n`;
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
