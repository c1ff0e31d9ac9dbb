import { type ColumnMeaning, findHeaderBands, type GridRow, readColumn, type ValueKind } from '../extractors/table-header.ts';
import { parseVietnameseNumber } from '../extractors/vn-number.ts';
import type { Block, DocumentModel } from '../schema/document.ts';
import { type DocumentFile, placeOfBlock } from './file.ts';

/**
 * Reads the values of indicator tables (the `table-row` blocks of spreadsheets): each number with the
 * indicator label of its row, the labels above it in the table's hierarchy, the row's unit, and the year
 * and kind its column header gives.
 */
export interface TableValue {
  sheet: string;
  /** cell reference, `E7` */
  cell: string;
  blockIndex: number;
  /** the row's indicator label as written, without its hierarchy mark (`- Lúa` → `Lúa`) */
  label: string;
  /** labels of the rows above it in the hierarchy, outermost first */
  labelPath: string[];
  unitText: string | null;
  year: number | null;
  /** the span of years its column's header writes out (`2016-2020` → `2016/2020`), else null */
  years: string | null;
  /** null for comparison columns of unknown meaning and for columns that name only a year */
  kind: ValueKind | null;
  /** the column's header texts, top to bottom, joined with ` / ` */
  columnHeader: string;
  value: number;
}

/** Hierarchy marks of indicator rows, outermost first: `A`, `I`, `1`, `1.1`, `1.1.1`, `*`, `-`, `+`. */
const LEVELS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?=[IVXL]+$)X{0,3}(IX|IV|V?I{0,3})$/, 1],
  [/^[A-Z]$/, 0],
  [/^\d+$/, 2],
  [/^\d+\.\d+$/, 3],
  [/^\d+(\.\d+){2,}$/, 4],
  [/^[*•]$/, 4.5],
  [/^[-–—]$/, 5],
  [/^\+$/, 6],
];
/** A row with no mark sits under the last marked row. */
const LEAF = 99;
const LABEL_MARK = /^(?:([IVXL]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s+|([-–—+*•])\s*)/;
const DITTO = /^(["“”〃']|-?\s*nt\s*-?|như trên)$/i;
const NO_DATA = /^([-–—x.…]+|k\.?c|kxđ|n\/a)$/i;

function levelOf(mark: string): number {
  const m = mark.replace(/[.)]$/, '').trim();
  for (const [re, level] of LEVELS) if (re.test(m)) return level;
  return LEAF;
}

function parseRef(ref: string | undefined): { col: number; row: number } | null {
  const m = ref ? /^([A-Z]{1,3})(\d+)$/.exec(ref) : null;
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

/** A number written as text: Vietnamese notation, optional sign and `%`. Null when unsure. */
export function parseCellNumber(text: string): number | null {
  const m = /^([-−+]?)\s*([\d.,\s]+?)\s*%?$/.exec(text.trim());
  if (!m) return null;
  const parsed = parseVietnameseNumber(m[2]!.replace(/\s(?=\d{3}\b)/g, '.'));
  if (!parsed || parsed.oddity) return null;
  return m[1] === '-' || m[1] === '−' ? -parsed.value : parsed.value;
}

interface Row {
  block: Block;
  grid: GridRow;
  byCol: Map<number, { text: string; value: number | null; ref: string }>;
}

function sheetRows(blocks: Block[]): Map<string, Row[]> {
  const sheets = new Map<string, Row[]>();
  for (const block of blocks) {
    if (block.kind !== 'table-row' || !block.cells || block.sheet === undefined) continue;
    const byCol = new Map<number, { text: string; value: number | null; ref: string }>();
    let rowNum: number | null = null;
    for (const c of block.cells) {
      const at = parseRef(c.ref);
      if (!at) continue;
      rowNum = at.row;
      byCol.set(at.col, { text: c.text, value: c.value ?? null, ref: c.ref! });
    }
    if (rowNum === null) continue;
    const grid: GridRow = { row: rowNum, cells: [...byCol].map(([col, c]) => ({ col, text: c.text, value: c.value })) };
    let list = sheets.get(block.sheet);
    if (!list) sheets.set(block.sheet, (list = []));
    list.push({ block, grid, byCol });
  }
  return sheets;
}

/**
 * All values of the document's tables. Cells that hold text that is not a clean Vietnamese number are
 * skipped with a warning to the document's context, never guessed. Without a context (a caller that
 * wants only the values) the messages go to one of its own and are not kept.
 */
export function tableValues(doc: DocumentModel, file: DocumentFile): TableValue[] {
  const out: TableValue[] = [];
  for (const [sheet, rows] of sheetRows(doc.blocks)) {
    const bands = findHeaderBands(rows.map((r) => r.grid));
    if (bands.length === 0) {
      if (rows.some((r) => r.grid.cells.some((c) => c.value !== null))) {
        file.message(`sheet ${JSON.stringify(sheet)}: no header row found, its numbers are not read as table values`, {
          stage: 'table-values',
          ruleId: 'table-values:no-header',
          place: { sheet },
        });
      }
      continue;
    }
    bands.forEach((band, i) => {
      const end = bands[i + 1]?.first ?? Infinity;
      const header = rows.filter((r) => r.grid.row >= band.first && r.grid.row <= band.last);
      const body = rows.filter((r) => r.grid.row > band.last && r.grid.row < end);
      out.push(...readTable(sheet, header, body, file));
    });
  }
  return out;
}

function readTable(sheet: string, header: Row[], body: Row[], file: DocumentFile): TableValue[] {
  const texts = new Map<number, string[]>();
  for (const r of header) {
    for (const [col, c] of r.byCol) {
      const list = texts.get(col) ?? [];
      list.push(c.text);
      texts.set(col, list);
    }
  }
  const columns = new Map<number, ColumnMeaning>([...texts].map(([col, t]) => [col, readColumn(t)]));
  const colOf = (role: ColumnMeaning['role']): number | undefined => [...columns].find(([, m]) => m.role === role)?.[0];
  const sttCol = colOf('stt');
  const labelCol = colOf('label');
  const unitCol = colOf('unit');
  const valueCols = [...columns].filter(([, m]) => m.role === 'value' && !m.subYear).sort((a, b) => a[0] - b[0]);
  const subYear = [...columns].filter(([, m]) => m.role === 'value' && m.subYear).map(([, m]) => m.header);
  if (subYear.length > 0 && body.length > 0) {
    file.message(`sheet ${JSON.stringify(sheet)}: columns for less than a year or running totals not read as yearly values: ${subYear.join('; ')}`, {
      stage: 'table-values',
      ruleId: 'table-values:sub-year-columns',
      place: { sheet },
      fatal: false,
    });
  }
  const isValueCol = (col: number): boolean => columns.get(col)?.role === 'value';

  const out: TableValue[] = [];
  const stack: { level: number; label: string }[] = [];
  let lastUnit: string | null = null;
  for (const r of body) {
    let labelText = labelCol !== undefined ? r.byCol.get(labelCol)?.text : undefined;
    if (!labelText) {
      // Tables without a `Chỉ tiêu` header: the leftmost text that is not a number or a unit.
      labelText = [...r.byCol]
        .filter(([col, c]) => col !== sttCol && col !== unitCol && !isValueCol(col) && c.value === null)
        .sort((a, b) => a[0] - b[0])[0]?.[1].text;
    }
    if (!labelText) continue;
    const m = LABEL_MARK.exec(labelText);
    const label = (m ? labelText.slice(m[0].length) : labelText).trim() || labelText.trim();
    const stt = sttCol !== undefined ? r.byCol.get(sttCol)?.text.trim() : undefined;
    const level = stt ? levelOf(stt) : m ? levelOf(m[1] ?? m[2]!) : LEAF;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const labelPath = stack.map((s) => s.label);
    stack.push({ level, label });

    let unitText = unitCol !== undefined ? (r.byCol.get(unitCol)?.text.trim() ?? null) : null;
    if (unitText && DITTO.test(unitText)) unitText = lastUnit;
    if (unitText) lastUnit = unitText;

    for (const [col, meaning] of valueCols) {
      const cell = r.byCol.get(col);
      if (!cell) continue;
      let value = cell.value;
      if (value === null) {
        const text = cell.text.trim();
        if (!text || NO_DATA.test(text)) continue;
        value = parseCellNumber(text);
        if (value === null) {
          file.message(`sheet ${JSON.stringify(sheet)} cell ${cell.ref} (${label} / ${meaning.header}): ${JSON.stringify(text)} is not a number; skipped`, {
            stage: 'table-values',
            ruleId: 'table-values:not-a-number',
            place: { ...placeOfBlock(r.block), cell: cell.ref },
            fatal: false,
          });
          continue;
        }
      }
      out.push({
        sheet,
        cell: cell.ref,
        blockIndex: r.block.index,
        label,
        labelPath,
        unitText: unitText || null,
        year: meaning.year,
        years: meaning.years,
        kind: meaning.kind,
        columnHeader: meaning.header,
        value,
      });
    }
  }
  return out;
}
