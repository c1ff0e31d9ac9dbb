import { fold } from '../extractors/clean-text.ts';
import { findQuantities } from '../extractors/quantity-grammar.ts';
import { type ColumnMeaning, findHeaderBands, type GridRow, type Measure, periodOfPart, readColumn, type ValueKind } from '../extractors/table-header.ts';
import { parseVietnameseNumber } from '../extractors/vn-number.ts';
import type { Block, DocumentModel } from '../schema/document.ts';
import { countUnit, type UnitCode } from '../schema/units.ts';
import { type DocumentFile, placeOfBlock } from './file.ts';

/**
 * Reads the values of indicator tables (the `table-row` blocks of spreadsheets): each number with the
 * indicator label of its row, the labels above it in the table's hierarchy, the row's unit, and the year
 * and kind its column header gives.
 */
export interface TableValue {
  /** the sheet, or for a table of a text document `table N` (its place in the document, from 1) */
  sheet: string;
  /** cell reference, `E7` */
  cell: string;
  blockIndex: number;
  /** the row's indicator label as written, without its hierarchy mark (`- Lúa` → `Lúa`) */
  label: string;
  /** labels of the rows above it in the hierarchy, outermost first */
  labelPath: string[];
  unitText: string | null;
  /** the unit the value is in, read from the column, the cell, the row or the table's title; null: none */
  unit: UnitCode | null;
  /** the power of ten the unit carries (`Nghìn ha` → 3) */
  multiplier: number;
  /** the header words naming what the column is about (an entity, a measure), for the indicator */
  columnSubject: string[];
  /** the period of a column for part of a year (`2024-Q3`), else null */
  period: string | null;
  /** true for the whole of an `a/b` cell (the maximum of a score, the count a rank is out of) */
  whole: boolean;
  /** what the column measures where its header says (a rank, a score, a percent index), else null */
  measure: Measure | null;
  /** the entities the table's columns are (the first subject of each value column), in order */
  columnEntities: string[];
  /** a summary row (`… trung bình` written across the label columns): its values are averages */
  average: boolean;
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
/** The level of a table's outermost bullet mark: under every numbered level. */
const BULLET_LEVEL = 5;
/** A row with no mark sits under the last marked row. */
const LEAF = 99;
/** An unmarked row with no values: a heading of the unmarked rows under it. */
const GROUP = 98;
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

interface CellAt {
  text: string;
  value: number | null;
  ref: string;
}
interface Row {
  block: Block;
  grid: GridRow;
  byCol: Map<number, CellAt>;
}
interface Table {
  name: string;
  rows: Row[];
  /** the lines written above the table (a text document's title paragraphs), nearest last */
  before: string[];
  /** true for tables of text documents: every cell is text, and repeated cells are merged ones */
  fromText: boolean;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A Word cell's text without the marks of its italic or bold runs (`*1.234*`, `Chỉ tiêu *(ghi chú)*`). */
function unemphasized(text: string): string {
  return text.replace(/\*+([^*]+?)\*+/g, '$1').trim();
}

/** Words a unit column writes for what is counted: a few words, not `Số lượng` (a number of anything). */
const COUNTED_NOUN = /^(?!số(?:\s|$))\p{L}+(?:,?\s\p{L}+){0,3}$/iu;

/** A unit cell that is a legend of codes (`Có = 1; Không = 0`): the row's number is a code, not a quantity. */
const CODE_LEGEND = /=\s*\d/;

/** Lines above a table in a text document looked at for its title: a caption is short and close. */
const TITLE_LINES = 8;

function tablesOf(blocks: Block[]): Table[] {
  const sheets = new Map<string, Table>();
  const out: Table[] = [];
  let text: Table | null = null;
  let lastIndex = -2;
  let count = 0;
  for (const block of blocks) {
    if (block.kind !== 'table-row' || !block.cells) continue;
    if (block.sheet !== undefined) {
      const byCol = new Map<number, CellAt>();
      let rowNum: number | null = null;
      for (const c of block.cells) {
        const at = parseRef(c.ref);
        if (!at) continue;
        rowNum = at.row;
        byCol.set(at.col, { text: c.text, value: c.value ?? null, ref: c.ref! });
      }
      if (rowNum === null) continue;
      const grid: GridRow = { row: rowNum, cells: [...byCol].map(([col, c]) => ({ col, text: c.text, value: c.value })) };
      let t = sheets.get(block.sheet);
      if (!t) {
        sheets.set(block.sheet, (t = { name: block.sheet, rows: [], before: [], fromText: false }));
        out.push(t);
      }
      t.rows.push({ block, grid, byCol });
      continue;
    }
    // A table of a text document: its rows are consecutive blocks; columns and rows are counted from 1.
    if (!text || block.index !== lastIndex + 1) {
      count++;
      const before: string[] = [];
      for (let i = block.index - 1; i >= 0 && before.length < TITLE_LINES; i--) {
        const b = blocks[i];
        if (!b || b.index !== i || b.kind === 'table-row' || b.kind === 'footnote') break;
        before.unshift(b.text);
      }
      text = { name: `table ${count}`, rows: [], before, fromText: true };
      out.push(text);
    }
    lastIndex = block.index;
    const rowNum = text.rows.length + 1;
    const byCol = new Map<number, CellAt>();
    for (const [i, c] of block.cells.entries()) byCol.set(i + 1, { text: unemphasized(c.text), value: null, ref: `${columnName(i + 1)}${rowNum}` });
    // the band finder tells data rows by their numbers: a text cell's number counts as one
    const grid: GridRow = { row: rowNum, cells: [...byCol].map(([col, c]) => ({ col, text: c.text, value: parseCellNumber(c.text) })) };
    text.rows.push({ block, grid, byCol });
  }
  return out;
}

/**
 * All values of the document's tables. Cells that hold text that is not a clean Vietnamese number are
 * skipped with a warning to the document's context, never guessed.
 */
export function tableValues(doc: DocumentModel, file: DocumentFile): TableValue[] {
  const out: TableValue[] = [];
  for (const table of tablesOf(doc.blocks)) {
    const { name, rows } = table;
    const bands = findHeaderBands(rows.map((r) => r.grid));
    if (bands.length === 0) {
      if (!table.fromText && rows.some((r) => r.grid.cells.some((c) => c.value !== null))) {
        file.message(`sheet ${JSON.stringify(name)}: no header row found, its numbers are not read as table values`, {
          stage: 'table-values',
          ruleId: 'table-values:no-header',
          place: { sheet: name },
        });
      }
      continue;
    }
    bands.forEach((band, i) => {
      const end = bands[i + 1]?.first ?? Infinity;
      const header = rows.filter((r) => r.grid.row >= band.first && r.grid.row <= band.last);
      const body = rows.filter((r) => r.grid.row > band.last && r.grid.row < end);
      // a spreadsheet table's title and unit lines: the rows above its header, after the previous table
      const prevEnd = i === 0 ? 0 : (rows.filter((r) => r.grid.row < band.first && r.grid.cells.some((c) => c.value !== null)).at(-1)?.grid.row ?? 0);
      const above = table.fromText
        ? table.before
        : rows.filter((r) => r.grid.row > prevEnd && r.grid.row < band.first).flatMap((r) => [...r.byCol.values()].map((c) => c.text));
      out.push(...readTable(table, header, body, titleOf(above), file));
    });
  }
  return out;
}

/** Dates of documents (`ngày 05 tháng 02 năm 2026`, `05/02/2026`): their year is not the table's. */
const DATE = /ngày\s*\d{0,2}\s*(?:tháng|\/|-)\s*\d{0,2}\s*(?:năm|\/|-)\s*\d{4}|\b\d{1,2}\/\d{1,2}\/\d{4}\b/giu;
/** A reference to the document the table is attached to: not its title. */
const ATTACHED = /^\W*kèm theo\b|^\W*của\b/iu;
const UNIT_LINE = /^\W*(?:đơn vị tính|đvt|đơn vị)\s*[:：]\s*(.+?)\W*$/iu;
const TITLE_YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;

interface Title {
  year: number | null;
  unitText: string | null;
}

/** The year and unit a table's title lines state (nearest line first), leaving out dates of documents. */
function titleOf(lines: string[]): Title {
  let year: number | null = null;
  let unitText: string | null = null;
  for (const raw of [...lines].reverse()) {
    const line = raw.trim();
    if (!line || ATTACHED.test(line)) continue;
    if (unitText === null) {
      const u = UNIT_LINE.exec(line);
      const candidate = u ? u[1]!.replace(/^\(|\)$/g, '').trim() : line.replace(/^\((.*)\)$/, '$1').trim();
      const several = candidate.split(';').map((u) => u.trim());
      if (candidate.length <= 40 && several.every((u) => u.length <= 20 && readUnit(u).unit !== null)) {
        unitText = candidate;
        continue;
      }
    }
    if (year === null) {
      const years = [...line.replace(DATE, ' ').matchAll(TITLE_YEAR)].map((m) => Number(m[1]));
      // one year: the table's; several (`2021-2025`, `2024 và 2025`) say nothing of one column
      if (years.length === 1) year = years[0]!;
      else if (years.length > 1) year = -1;
    }
  }
  return { year: year === -1 ? null : year, unitText };
}

/** Values of a table whose unit line names a quantity's unit and a money's (`Tấn; Nghìn USD`). */
const VALUE_WORDS = /\b(tri gia|gia tri|kim ngach|von)\b/;

/** The unit of the title line a column takes: of several, the money one for a column of values, else the other. */
function titleUnit(unitText: string | null, subject: readonly string[]): string | null {
  if (unitText === null || !/;/.test(unitText)) return unitText;
  const units = unitText
    .split(';')
    .map((u) => u.trim())
    .filter(Boolean);
  const money = (u: string) => readUnit(u).unit === 'VND' || readUnit(u).unit === 'USD';
  const ofValue = subject.some((t) => VALUE_WORDS.test(fold(t)));
  return units.find((u) => money(u) === ofValue) ?? null;
}

/** Written units the grammar does not read as one: a ratio of counted nouns, an age. */
const RATIO_UNIT = /^(?:số\s+)?(\p{L}[\p{L}\s]*?)\s*\/\s*((?:\d+\s+)?\p{L}[\p{L}\s]*)$/iu;

/** A unit as a table writes it (`Nghìn ha`, `Tạ/ha`, `Số nam/100 nữ`, `‰`), read by the same grammar as the text. */
export function readUnit(unitText: string | null): { unit: UnitCode | null; multiplier: number } {
  const text = unitText
    ?.trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (!text) return { unit: null, multiplier: 0 };
  const f = fold(text);
  if (f === 'tuoi' || f === 'nam tuoi') return { unit: 'year', multiplier: 0 };
  const bare = text.replace(/^số\s+/iu, '');
  // a heading's words are a unit only if the vocabulary knows them: `hàng` under `Lượng` is no counted noun
  const q = findQuantities(`1 ${bare}`, { openNouns: false })[0];
  if (q?.start === 0 && q.unit !== null && q.end >= bare.length + 2) return { unit: q.unit, multiplier: q.multiplier };
  const ratio = RATIO_UNIT.exec(text);
  if (ratio) return { unit: `count:${`${ratio[1]!.trim()}/${ratio[2]!.trim()}`.toLowerCase()}`, multiplier: 0 };
  if (q?.start === 0 && q.unit !== null && q.end >= bare.length) return { unit: q.unit, multiplier: q.multiplier };
  return { unit: null, multiplier: 0 };
}

/** A unit at the end of a row label: `Diện tích gieo (ha)`, `Tỷ lệ che phủ (%)`. */
const LABEL_UNIT = /\s*\(([^()]{1,30})\)\s*$/;
const A_OVER_B = /^([\d.,]+)\s*\/\s*([\d.,]+)$/;
const SUMMARY_AVERAGE = /\b(trung binh|binh quan)\b/;
/** Share of a column's body cells that must read as units for an ambiguous `Đơn vị` column to be one. */
const UNIT_COLUMN_SHARE = 0.5;

function readTable(table: Table, header: Row[], body: Row[], title: Title, file: DocumentFile): TableValue[] {
  const sheet = table.name;
  const texts = new Map<number, string[]>();
  for (const r of header) {
    for (const [col, c] of r.byCol) {
      const list = texts.get(col) ?? [];
      list.push(c.text);
      texts.set(col, list);
    }
  }
  const columns = new Map<number, ColumnMeaning>([...texts].map(([col, t]) => [col, readColumn(t)]));
  // `Đơn vị` heads both a column of units of measure and one of units (a department, a commune): the cells tell
  for (const [col, m] of columns) {
    if (m.role !== 'unit' || !/^don vi$/.test(fold(texts.get(col)!.at(-1) ?? ''))) continue;
    const cells = body.map((r) => r.byCol.get(col)?.text.trim()).filter((t): t is string => !!t);
    const units = cells.filter((t) => DITTO.test(t) || readUnit(t).unit !== null).length;
    if (cells.length > 0 && units < UNIT_COLUMN_SHARE * cells.length) columns.set(col, { ...m, role: 'label' });
  }
  // header words that are a unit (`Tỷ đồng` under a group's name) give the column's unit, not its subject
  for (const [col, m] of columns) {
    if (m.role !== 'value') continue;
    const units = m.subject.filter((t) => readUnit(t).unit !== null);
    const unitText = m.unitText !== null && readUnit(m.unitText).unit !== null ? m.unitText : (units[0] ?? null);
    columns.set(col, { ...m, unitText, subject: m.subject.filter((t) => !units.includes(t)) });
  }
  const colOf = (role: ColumnMeaning['role']): number | undefined => [...columns].find(([, m]) => m.role === role)?.[0];
  const sttCol = colOf('stt');
  const labelCol = colOf('label');
  const unitCol = colOf('unit');
  const valueCols = [...columns].filter(([, m]) => m.role === 'value' && (!m.subYear || m.part !== null)).sort((a, b) => a[0] - b[0]);
  const subYear = [...columns].filter(([, m]) => m.role === 'value' && m.subYear && m.part === null).map(([, m]) => m.header);
  if (subYear.length > 0 && body.length > 0) {
    file.message(`sheet ${JSON.stringify(sheet)}: columns for less than a year of no known part not read: ${subYear.join('; ')}`, {
      stage: 'table-values',
      ruleId: 'table-values:sub-year-columns',
      place: { sheet },
      fatal: false,
    });
  }
  const isValueCol = (col: number): boolean => columns.get(col)?.role === 'value';
  const columnEntities = [...new Set(valueCols.map(([, m]) => m.subject[0]).filter((e): e is string => e !== undefined))];
  // Columns whose whole header repeats an earlier one's: in a text document, a merged cell's second copy.
  const repeated = new Set<number>();
  if (table.fromText) {
    const seen = new Set<string>();
    for (const [col, m] of [...columns].sort((a, b) => a[0] - b[0])) {
      if (seen.has(m.header)) repeated.add(col);
      seen.add(m.header);
    }
  }

  const out: TableValue[] = [];
  const stack: { level: number; label: string; unit: string | null }[] = [];
  // Bullets (`-`, `+`, `*`) nest in the order a table first uses them: one writes `+` over `-`, another `-`
  // over `+`; a label in capitals is a heading, above the same bullet in ordinary case.
  const bullets: string[] = [];
  const bulletLevel = (mark: string, label: string): number => {
    const caps = /\p{Lu}{2}/u.test(label) && label === label.toUpperCase();
    const key = (/^[-–—]$/.test(mark) ? '-' : mark === '•' ? '*' : mark) + (caps ? '^' : '');
    if (!bullets.includes(key)) bullets.push(key);
    return BULLET_LEVEL + bullets.indexOf(key) / 2;
  };
  let lastUnit: string | null = null;
  let carried: string | null = null;
  let pending: { label: string; level: number } | null = null;
  for (const r of body) {
    let labelText = labelCol !== undefined ? r.byCol.get(labelCol)?.text : undefined;
    if (!labelText) {
      // Tables without a `Chỉ tiêu` header: the leftmost text that is not a number or a unit.
      labelText = [...r.byCol]
        .filter(([col, c]) => col !== sttCol && col !== unitCol && !isValueCol(col) && c.value === null && parseCellNumber(c.text) === null && c.text.trim())
        .sort((a, b) => a[0] - b[0])[0]?.[1].text;
    }
    if (!labelText) {
      // a value column's text cell spanning the label (`Tổng số` merged over the first columns)
      labelText = [...r.byCol].sort((a, b) => a[0] - b[0]).find(([, c]) => c.value === null && c.text.trim() && parseCellNumber(c.text) === null)?.[1].text;
    }
    if (!labelText) continue;
    const hasValues = valueCols.some(([col]) => {
      const c = r.byCol.get(col);
      return c !== undefined && (c.value !== null || parseCellNumber(c.text) !== null || A_OVER_B.test(c.text.trim()));
    });
    const m = LABEL_MARK.exec(labelText);
    let label = (m ? labelText.slice(m[0].length) : labelText).trim() || labelText.trim();
    const stt = sttCol !== undefined ? r.byCol.get(sttCol)?.text.trim() : undefined;
    const marked = stt ? levelOf(stt) : m?.[2] ? bulletLevel(m[2], label) : m ? levelOf(m[1]!) : LEAF;
    // A label split over two rows: the second goes on in lower case, under a row with no values.
    if (pending && !m && !stt && /^\p{Ll}/u.test(label)) {
      while (stack.length > 0 && stack[stack.length - 1]!.label === pending.label) stack.pop();
      label = `${pending.label} ${label}`;
    }
    // A row with no mark and no values heads the unmarked rows below it (`Cây thử` over `Diện tích`).
    const level = marked === LEAF && !hasValues ? GROUP : marked;
    let rowUnit: string | null = null;
    const lu = LABEL_UNIT.exec(label);
    if (lu && (readUnit(lu[1]!).unit !== null || lu[1]!.trim() === '%')) {
      rowUnit = lu[1]!.trim();
      label = label.slice(0, lu.index).trim() || label;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const labelPath = stack.map((s) => s.label);
    const entry = { level, label, unit: null as string | null };
    stack.push(entry);
    pending = hasValues ? null : { label, level };
    if (!hasValues) {
      // a numbered heading starts another group; its rows' units are their own
      if (marked !== LEAF) carried = null;
      if (rowUnit) carried = rowUnit;
      continue;
    }
    // rows of one group without a unit of their own are counted in the unit of the row above them
    if (rowUnit) carried = rowUnit;
    else rowUnit = carried;

    let unitText = unitCol !== undefined ? (r.byCol.get(unitCol)?.text.trim() ?? null) : null;
    if (unitText && CODE_LEGEND.test(unitText)) continue;
    if (unitText && DITTO.test(unitText)) unitText = lastUnit;
    // a part left blank in the unit column is counted in its parent's unit, but a rate's parts are not rates
    if (unitCol !== undefined && !unitText) {
      const inherited = stack.findLast((s) => s !== entry && s.unit !== null)?.unit ?? null;
      unitText = inherited !== null && readUnit(inherited).unit !== 'percent' ? inherited : null;
    }
    if (unitText) lastUnit = unitText;
    entry.unit = unitText;
    // a label written across the label columns and the first value columns: a summary row
    const spread = [...r.byCol.values()].filter((c) => c.text.trim() === labelText!.trim()).length;
    const average = spread > 1 && SUMMARY_AVERAGE.test(fold(label));

    for (const [col, meaning] of valueCols) {
      const cell = r.byCol.get(col);
      if (!cell) continue;
      // a merged cell's copy under a repeated header: the copy beside it, under its own header, is read
      if (repeated.has(col) && [col - 1, col + 1].some((c) => r.byCol.get(c)?.text === cell.text)) continue;
      let value = cell.value;
      let whole: number | null = null;
      const text = cell.text.trim();
      if (value === null) {
        if (!text || NO_DATA.test(text) || text === labelText.trim()) continue;
        const ab = A_OVER_B.exec(text);
        if (ab) {
          value = parseCellNumber(ab[1]!);
          whole = parseCellNumber(ab[2]!);
        } else value = parseCellNumber(text);
        if (value === null) {
          if (meaning.measure === null && meaning.kind === null) continue;
          file.message(`sheet ${JSON.stringify(sheet)} cell ${cell.ref} (${label} / ${meaning.header}): ${JSON.stringify(text)} is not a number; skipped`, {
            stage: 'table-values',
            ruleId: 'table-values:not-a-number',
            place: { ...placeOfBlock(r.block), cell: cell.ref },
            fatal: false,
          });
          continue;
        }
      }
      const written = meaning.kind === 'share' || meaning.kind === 'share_of_plan' || meaning.kind === 'growth' ? '%' : null;
      const cellPercent = /%$/.test(text) ? '%' : null;
      const measureUnit = meaning.measure === 'score' ? 'điểm' : meaning.measure === 'percent' ? '%' : null;
      const chosen = written ?? meaning.unitText ?? cellPercent ?? measureUnit ?? unitText ?? rowUnit ?? titleUnit(title.unitText, meaning.subject);
      let read = meaning.measure === 'rank' ? { unit: 'rank' as UnitCode, multiplier: 0 } : readUnit(chosen);
      // a unit column names what its rows count, in words the grammar may not know (`Sáng kiến`)
      if (read.unit === null && chosen !== null && chosen === unitText && COUNTED_NOUN.test(chosen)) read = { unit: countUnit(chosen), multiplier: 0 };
      const year = meaning.year ?? title.year;
      const base: TableValue = {
        sheet,
        cell: cell.ref,
        blockIndex: r.block.index,
        label,
        labelPath,
        unitText: meaning.measure === 'rank' ? null : chosen || null,
        unit: read.unit,
        multiplier: read.multiplier,
        columnSubject: meaning.subject,
        period: meaning.part !== null && year !== null ? periodOfPart(year, meaning.part) : null,
        whole: false,
        measure: meaning.measure,
        columnEntities,
        average,
        year,
        years: meaning.years,
        kind: meaning.kind,
        columnHeader: meaning.header,
        value,
      };
      out.push(base);
      // the whole of `a/b`: a score's maximum, in points like it; the count a rank is out of
      if (whole !== null) out.push({ ...base, whole: true, value: whole, unit: meaning.measure === 'rank' ? null : base.unit });
    }
  }
  return out;
}
