/**
 * Tables in a PDF's text layer, found from the layout any renderer leaves: lines whose pieces of text
 * stand apart by gaps much wider than a space, in columns that line up over several lines (a projection
 * of the pieces on the x axis leaves blank gutters between them), with a header band above the first
 * row of figures. Pure functions over the reader's lines, so they are tested with invented layouts.
 *
 * Rows: a line filling half the columns or more is a row; the lines between rows (a cell's text
 * wrapped) join the row above when the cells start at the row's top, or the nearest row when the cells
 * are centred in their row (lines closer together than a line's height show it: a one-line cell sits
 * half a line between the two lines of its neighbour). Header rows: the spanning headers (one piece over
 * several columns) make an upper row, repeated over their columns as the Word reader does, and what is
 * under them a lower one; the headers beside them cover both.
 */

import { numberToSuperscript, protectMarks } from './clean-text.ts';

export interface TableItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface TableLine {
  items: TableItem[];
  y: number;
  size: number;
}

export interface PdfTable<L extends TableLine> {
  /** every line the table took */
  lines: L[];
  /** its rows top to bottom, each with one text a column (empty where the column has none) */
  rows: string[][];
}

interface Piece {
  x0: number;
  x1: number;
  text: string;
  size: number;
}

interface VRow<L> {
  y: number;
  size: number;
  lines: L[];
  pieces: Piece[];
}

/** A gap wider than this (in font sizes) splits a line into pieces. */
const PIECE_GAP = 0.8;
/** A gap at least this wide (in font sizes) counts as a column gap. */
const COLUMN_GAP = 0.9;

const YEAR = /^\s*(19|20)\d\d\s*$/;
const NUMERIC = /^[\s\d.,/%()+\-–]*\d[\s\d.,/%()+\-–]*$/;

function piecesOf(line: TableLine): Piece[] {
  const sorted = [...line.items].sort((a, b) => a.x - b.x);
  const out: Piece[] = [];
  let cur: (Piece & { end: number; last?: TableItem }) | undefined;
  for (const it of sorted) {
    const raised = it.size <= 0.85 * line.size && it.y - line.y > 0.25 * line.size && /^\s*\d+\s*$/.test(it.str);
    const piece = raised ? protectMarks(numberToSuperscript(Number(it.str.trim()))) : it.str;
    if (cur?.last && it.str === cur.last.str && Math.abs(it.x - cur.last.x) < 0.2 * it.size) continue;
    const gap = cur ? it.x - cur.end : 0;
    if (cur && gap <= PIECE_GAP * line.size) {
      if (gap > 0.18 * Math.min(it.size, line.size) && !raised && !/\s$/.test(cur.text)) cur.text += ' ';
      cur.text += piece;
      cur.end = Math.max(cur.end, it.x + it.w);
      cur.x1 = cur.end;
      cur.last = it;
      continue;
    }
    cur = { x0: it.x, x1: it.x + it.w, end: it.x + it.w, text: piece, size: line.size, last: it };
    out.push(cur);
  }
  return out.map((p) => ({ x0: p.x0, x1: p.x1, text: p.text.replace(/\s+/g, ' ').trim(), size: p.size })).filter((p) => p.text);
}

/** Lines on one baseline (within a third of their size), top to bottom. */
function visualRows<L extends TableLine>(lines: L[]): VRow<L>[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  const rows: VRow<L>[] = [];
  for (const l of sorted) {
    const last = rows.at(-1);
    if (last && Math.abs(last.y - l.y) <= 0.3 * Math.min(last.size, l.size)) {
      last.lines.push(l);
      last.pieces.push(...piecesOf(l));
      continue;
    }
    rows.push({ y: l.y, size: l.size, lines: [l], pieces: piecesOf(l) });
  }
  for (const r of rows) r.pieces.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** A row that looks like a table's: three pieces or more, apart by column gaps. */
function isSeed(r: VRow<TableLine>): boolean {
  let n = 1;
  for (let i = 1; i < r.pieces.length; i++) if (r.pieces[i]!.x0 - r.pieces[i - 1]!.x1 >= COLUMN_GAP * r.size) n++;
  return n >= 3;
}

/** Columns: the x ranges covered by pieces of enough rows, apart by gutters few rows cross. */
function columnsOf(rows: VRow<TableLine>[], least?: number): [number, number][] {
  const xs = rows.flatMap((r) => r.pieces.flatMap((p) => [p.x0, p.x1]));
  const lo = Math.floor(Math.min(...xs));
  const hi = Math.ceil(Math.max(...xs));
  const cover = new Array<number>(hi - lo + 1).fill(0);
  for (const r of rows) for (const p of r.pieces) for (let x = Math.floor(p.x0); x <= Math.ceil(p.x1); x++) cover[x - lo]!++;
  const need = least ?? Math.max(2, Math.ceil(0.2 * rows.length));
  const size = rows[0]?.size ?? 10;
  const cols: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= cover.length; i++) {
    const on = i < cover.length && cover[i]! >= need;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      // a gutter narrower than half a character is rounding, not a gutter
      const last = cols.at(-1);
      if (last && lo + start - last[1] < 0.5 * size) last[1] = lo + i - 1;
      else cols.push([lo + start, lo + i - 1]);
      start = -1;
    }
  }
  return cols;
}

/** The columns a piece lies over (by most of its width, or the one holding its middle). */
function columnsOfPiece(p: Piece, cols: [number, number][]): number[] {
  const out: number[] = [];
  cols.forEach(([a, b], i) => {
    const overlap = Math.min(b, p.x1) - Math.max(a, p.x0);
    if (overlap > 0.5 * Math.min(b - a, p.x1 - p.x0) || (overlap > 0 && b - a < p.x1 - p.x0 && overlap >= 0.8 * (b - a))) out.push(i);
  });
  if (out.length === 0) {
    const mid = (p.x0 + p.x1) / 2;
    let best = -1;
    let dist = Number.POSITIVE_INFINITY;
    cols.forEach(([a, b], i) => {
      const d = mid < a ? a - mid : mid > b ? mid - b : 0;
      if (d < dist) [best, dist] = [i, d];
    });
    if (best >= 0) out.push(best);
  }
  return out;
}

/** Whether a piece runs across a gutter far into a second column, as running text does. */
function crossesGutters(p: Piece, cols: [number, number][]): boolean {
  return overlapped(p, cols) >= 2;
}

/** How many columns a piece covers a third of or more. */
function overlapped(p: Piece, cols: [number, number][]): number {
  return cols.filter(([a, b]) => Math.min(b, p.x1) - Math.max(a, p.x0) > 0.3 * (b - a)).length;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.1 * Math.max(a, b);

function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[\p{L}\d][-/]$/u.test(a) ? a + b : `${a} ${b}`;
}

/**
 * The header band as rows: a header spanning columns (one piece over several, or one of a band's top
 * line with columns under it and none beside it) makes an upper row, repeated over its columns; what
 * is under it the lower row; a header centred over the whole band stands in both.
 */
function header<L extends TableLine>(band: VRow<L>[], cols: [number, number][]): string[][] {
  if (band.length === 0) return [];
  const n = cols.length;
  const upper: string[] = new Array(n).fill('');
  const lower: string[] = new Array(n).fill('');
  const spanned = new Set<number>();
  const topY = band[0]!.y;
  const mid = (band[0]!.y + band.at(-1)!.y) / 2;
  // where each column's header text sits, and whether it has some under the top line
  const ys: number[][] = cols.map(() => []);
  for (const r of band) for (const p of r.pieces) for (const c of columnsOfPiece(p, cols)) ys[c]!.push(r.y);
  const under = (c: number) => ys[c]!.some((y) => y < topY - 0.5 * band[0]!.size);
  const centredOverBand = (c: number) => {
    const v = ys[c]!;
    return v.length > 0 && Math.abs((Math.max(...v) + Math.min(...v)) / 2 - mid) <= 0.6 * band[0]!.size && !v.includes(topY);
  };
  // each column with headers under the top line (and none centred over the band, as a header beside
  // the spans is) goes to the top line's piece over it or nearest it: a piece with two columns or more
  // spans them
  const top = band.length >= 2 ? band[0]!.pieces : [];
  const owner = new Map<number, number>();
  for (let c = 0; c < n && top.length > 0; c++) {
    if (!under(c) || centredOverBand(c)) continue;
    const x = (cols[c]![0] + cols[c]![1]) / 2;
    let best = 0;
    top.forEach((p, i) => {
      if (columnsOfPiece(p, cols).includes(c)) best = i;
      else if (!columnsOfPiece(top[best]!, cols).includes(c) && Math.abs((p.x0 + p.x1) / 2 - x) < Math.abs((top[best]!.x0 + top[best]!.x1) / 2 - x)) best = i;
    });
    owner.set(c, best);
  }
  const spanning = new Set([...owner.values()].filter((i) => [...owner.values()].filter((j) => j === i).length >= 2));
  for (const [c, i] of owner)
    if (spanning.has(i)) {
      upper[c] = top[i]!.text;
      spanned.add(c);
    }
  for (const r of band)
    r.pieces.forEach((p, i) => {
      if (r === band[0] && spanning.has(i)) return;
      const cs = columnsOfPiece(p, cols);
      if (cs.length >= 2) {
        for (const c of cs) {
          upper[c] = join(upper[c]!, p.text);
          spanned.add(c);
        }
      } else for (const c of cs) lower[c] = join(lower[c]!, p.text);
    });
  if (spanned.size === 0) return [lower];
  return [upper.map((t, c) => (spanned.has(c) ? t : lower[c]!)), lower.map((t, c) => t || upper[c]!)];
}

/**
 * Finds the tables among one page's lines. Lines it does not take stay running text: a justified
 * paragraph has no column gaps, a line with one wide gap is not a row, and fewer than three rows of
 * three columns make no table.
 */
export function findTables<L extends TableLine>(lines: L[]): PdfTable<L>[] {
  const rows = visualRows(lines);
  const tables: PdfTable<L>[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!isSeed(rows[i]!)) {
      i++;
      continue;
    }
    // the run of rows close together around this seed
    const near = (u: VRow<L>, v: VRow<L>) => u.y - v.y <= 2.5 * Math.max(u.size, v.size) && sameSize(u.size, rows[i]!.size) && sameSize(v.size, rows[i]!.size);
    let a = i;
    while (a > 0 && near(rows[a - 1]!, rows[a]!)) a--;
    let b = i;
    while (b + 1 < rows.length && near(rows[b]!, rows[b + 1]!)) b++;
    const run = rows.slice(a, b + 1);
    const table = tableOf(run);
    if (table) tables.push(table);
    i = b + 1;
  }
  return tables;
}

function tableOf<L extends TableLine>(run: VRow<L>[]): PdfTable<L> | undefined {
  const seeds = run.filter(isSeed);
  if (seeds.length < 3) return undefined;
  let cols = columnsOf(seeds);
  if (cols.length < 3) return undefined;
  // the seeds must fill three columns or more each, in three rows or more
  const filled = (r: VRow<L>) => new Set(r.pieces.flatMap((p) => columnsOfPiece(p, cols))).size;
  if (seeds.filter((r) => filled(r) >= 3 && !r.pieces.some((p) => crossesGutters(p, cols))).length < 3) return undefined;
  let a = 0;
  let b = run.length - 1;
  // a line of running text: from the left edge, across gutters, over much of the table's width
  const width = cols.at(-1)![1] - cols[0]![0];
  const prose = (r: VRow<L>) =>
    !isSeed(r) &&
    r.pieces.some((p) => overlapped(p, cols) >= Math.max(3, Math.ceil(cols.length / 2)) && p.x0 <= cols[0]![0] + 3 * r.size && p.x1 - p.x0 > 0.4 * width);
  const outside = (r: VRow<L>) => !isSeed(r) && r.pieces.every((p) => p.x1 < cols[0]![0] - r.size || p.x0 > cols.at(-1)![1] + r.size);
  // running text inside the run parts it: the stretch between two such lines with most rows of columns
  let best = 0;
  for (let k = 0, from = 0; k <= run.length; k++) {
    if (k < run.length && !prose(run[k]!) && !outside(run[k]!)) continue;
    const n = run.slice(from, k).filter(isSeed).length;
    if (n > best) [best, a, b] = [n, from, k - 1];
    from = k + 1;
  }
  const body = run.slice(a, b + 1);
  const inBody = body.filter(isSeed).length;
  if (inBody < 3) return undefined;
  // the columns again, from every line of the table: a cell's wrapped lines bridge the gaps that
  // justified text leaves inside one cell
  cols = columnsOf(body, Math.max(2, Math.ceil(0.2 * inBody)));
  if (cols.length < 3) return undefined;
  // a column few rows fill (a header over notes seldom written) is still a column, a gutter away from the rest
  for (const r of body)
    for (const p of r.pieces) {
      if (cols.some(([x, y]) => Math.min(y, p.x1) - Math.max(x, p.x0) > -r.size)) continue;
      cols.push([p.x0, p.x1]);
      cols.sort((u, v) => u[0] - v[0]);
    }

  const n = cols.length;
  // the first line of figures, and the rows from there: lines filling half the columns
  // (a figure past the first column: that one may number the rows; a year alone may head a column)
  const figures = (r: VRow<L>) => r.pieces.some((p) => NUMERIC.test(p.text) && !YEAR.test(p.text) && columnsOfPiece(p, cols).some((c) => c > 0));
  const firstFigures = body.findIndex(figures);
  if (firstFigures < 0) return undefined;
  const anchors: number[] = [];
  body.forEach((r, k) => {
    if (k < firstFigures) return;
    if (filled(r) >= Math.max(2, Math.ceil(n / 2))) anchors.push(k);
  });
  if (anchors.length === 0) return undefined;
  // centred cells: two lines closer together than a line's height
  let centred = false;
  for (let k = firstFigures + 1; k < body.length; k++) if (body[k - 1]!.y - body[k]!.y < 0.75 * body[k]!.size) centred = true;

  const owner = new Map<number, number>();
  for (const k of anchors) owner.set(k, k);
  const first = anchors[0]!;
  for (let k = first + 1; k < body.length; k++) {
    if (owner.has(k)) continue;
    const above = [...anchors].reverse().find((x) => x < k)!;
    const below = anchors.find((x) => x > k);
    if (!centred || below === undefined) owner.set(k, above);
    else owner.set(k, body[above]!.y - body[k]!.y <= body[k]!.y - body[below]!.y ? above : below);
  }
  // above the first row: the part of it that mirrors what hangs below it (centred), the rest is header
  let reach = 0;
  // (how far the first row's cells reach above its middle line: a centred cell as far as below it, its
  // lines a line's step apart)
  if (centred)
    for (let c = 0; c < cols.length; c++) {
      const ks = body.map((r, k) => (r.pieces.some((p) => columnsOfPiece(p, cols).includes(c)) ? k : -1)).filter((k) => k >= 0);
      const start = ks.find((k) => Math.abs(body[k]!.y - body[first]!.y) <= 0.75 * body[first]!.size);
      if (start === undefined) continue;
      const next = anchors[1] ?? body.length;
      let down = start;
      for (const k of ks) if (k > down && k < next && body[down]!.y - body[k]!.y <= 1.6 * body[k]!.size) down = k;
      let up = start;
      for (const k of [...ks].reverse()) if (k < up && body[k]!.y - body[up]!.y <= 1.6 * body[k]!.size) up = k;
      // a centred cell reaches as far up as down
      reach = Math.max(reach, Math.min(body[first]!.y - body[down]!.y, body[up]!.y - body[first]!.y));
    }
  let headerEnd = first;
  for (let k = first - 1; k >= 0; k--) {
    if (!centred || body[k]!.y - body[first]!.y > reach + 0.5 * body[k]!.size) break;
    owner.set(k, first);
    headerEnd = k;
  }

  const out: string[][] = header(body.slice(0, headerEnd), cols);
  // each column's pieces, top to bottom; in centred tables a column's cell (its lines a line's step
  // apart) goes whole to the row it is centred on, unless it spans two rows' lines
  const cells = new Map<number, string[][]>(anchors.map((k) => [k, cols.map(() => [] as string[])]));
  for (let c = 0; c < n; c++) {
    const entries: { k: number; text: string }[] = [];
    for (let k = headerEnd; k < body.length; k++) for (const p of body[k]!.pieces) if (columnsOfPiece(p, cols).includes(c)) entries.push({ k, text: p.text });
    const blocks: { k: number; text: string }[][] = [];
    for (const e of entries) {
      const last = blocks.at(-1)?.at(-1);
      if (centred && last && (last.k === e.k || body[last.k]!.y - body[e.k]!.y <= 1.3 * body[e.k]!.size)) blocks.at(-1)!.push(e);
      else blocks.push([e]);
    }
    for (const block of blocks) {
      const top = body[block[0]!.k]!;
      const bottom = body[block.at(-1)!.k]!;
      const inside = anchors.filter((a) => body[a]!.y <= top.y + 0.5 * top.size && body[a]!.y >= bottom.y - 0.5 * bottom.size);
      let whole: number | undefined;
      if (centred && inside.length === 1) whole = inside[0];
      else if (centred && inside.length === 0) {
        const mid = (top.y + bottom.y) / 2;
        whole = anchors.reduce((best, a) => (Math.abs(body[a]!.y - mid) < Math.abs(body[best]!.y - mid) ? a : best), anchors[0]!);
      }
      for (const e of block) {
        const o = whole ?? owner.get(e.k);
        if (o === undefined) continue;
        const cell = cells.get(o)![c]!;
        cell.push(e.text);
      }
    }
  }
  for (const k of anchors) out.push(cells.get(k)!.map((ts) => ts.reduce(join, '')));
  return { lines: body.flatMap((r) => r.lines), rows: out.filter((r) => r.some((c) => c)) };
}
