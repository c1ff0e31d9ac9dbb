import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, DocumentModel } from '../schema/document.ts';
import { cleanText, numberToSuperscript, protectMarks } from './clean-text.ts';
import { importKeepingNatives } from './keep-natives.mjs';
import { toUnicodeAll } from './legacy-encoding.ts';
import { type OperatorList, type Ops, placeStamps, stampItems } from './pdf-stamps.ts';
import { findTables } from './pdf-tables.ts';
import type { ReadContext, Reader } from './reader.ts';
import { oneLine, ReadError } from './reader.ts';

/**
 * Reads a PDF's text layer with pdf.js `getTextContent`, never pdf-parse's text: only the items' sizes and
 * positions tell a footnote mark (`4.623,3ha` + a small raised `1`) from a digit of the number.
 *
 * What it yields, matching the text and DOCX readers:
 * - paragraphs rebuilt from lines (a line continues the paragraph above when that one was full to the right
 *   margin and this one is not indented), across page breaks too; one block per paragraph, with its page;
 * - footnote marks in Unicode superscript digits where they sat, told from a number's own digits by
 *   size and rise against their own line (`8.396,5ha` then a small raised `1`);
 * - the footnote area at each page's foot as `footnote` blocks after the flow: lines in a smaller font
 *   from the first that starts a body, with a small raised number or with a plain number that follows
 *   the numbering and that a mark called (so endnotes after the text are found too);
 * - tables (`pdf-tables.ts`: lines whose pieces stand in columns apart by gutters, with a header band
 *   above the first figures) as one `table-row` block a row with its `cells`, as the Word reader emits;
 * - running headers and footers (the same line at the same height on two pages or more) and page
 *   numbers dropped; NFC text with odd spaces made plain.
 * All of it from evidence any renderer leaves (sizes, rises, sequence, repetition, the step between
 * lines), none from one renderer's fonts or coordinates: tests/fixtures/renderings has three.
 * Italic and bold are not recovered: pdf.js gives no font style without a costly operator-list pass.
 */
export const readPdf: Reader = async (ctx: ReadContext): Promise<DocumentModel> => {
  const bytes = ctx.bytes;
  if (bytes.length === 0) throw new ReadError(ctx.file, 'empty file (0 bytes)');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ReadError(ctx.file, 'not a PDF: no %PDF- header');
  // pdf.js rebuilds a cut-off file from what is left and reads it silently short: refuse it instead.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new ReadError(ctx.file, 'damaged PDF: truncated (no %%EOF marker)');

  const pdfjs = await loadPdfjs();
  const started = Date.now();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: pdfjs.assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: pdfjs.assets.standardFontDataUrl,
  });
  const messages: DocumentModel['messages'] = [];
  const pages: RawPage[] = [];
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (err) {
      throw openError(ctx.file, err);
    }
    if (doc.numPages > ctx.limits.maxPages) {
      throw new ReadError(ctx.file, `too many pages: ${doc.numPages} (limit ${ctx.limits.maxPages})`);
    }
    for (let p = 1; p <= doc.numPages; p++) {
      if (Date.now() - started > ctx.limits.timeoutMs) {
        throw new ReadError(ctx.file, `timed out after ${ctx.limits.timeoutMs} ms at page ${p} of ${doc.numPages}`);
      }
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent({ includeMarkedContent: false });
        let items = toItems(content.items);
        // Only a page with a widget that draws itself pays for the operator list.
        const annotations = (await page.getAnnotations()) as { subtype?: string; hasAppearance?: boolean }[];
        if (annotations.some((a) => a.subtype === 'Widget' && a.hasAppearance)) {
          const list = await page.getOperatorList({ annotationMode: pdfjs.annotationModeEnable });
          items = placeStamps(items, stampItems(list, pdfjs.ops));
        }
        pages.push({
          number: p,
          width: page.view[2]! - page.view[0]!,
          height: page.view[3]! - page.view[1]!,
          bottom: page.view[1]!,
          items,
        });
        page.cleanup();
      } catch (err) {
        if (err instanceof ReadError) throw err;
        throw new ReadError(ctx.file, `damaged PDF: page ${p}: ${oneLine(err, 160)}`);
      }
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }

  // pages with no text layer are scans: OCR reads them (all pages with --ocr always), the rest as text
  const mode = ctx.limits.ocr;
  const scanned = mode === 'always' ? pages.map((pg) => pg.number) : pages.filter((pg) => pg.items.length === 0).map((pg) => pg.number);
  const ocrModule = mode !== 'never' && scanned.length > 0 ? await import('./ocr-reader.ts') : null;
  // without Tesseract a PDF with text pages is read as before (its empty pages said in a warning below);
  // one with none fails with what to install
  const missing = ocrModule ? await ocrModule.ocrUnavailable() : null;
  const textLeft = pages.some((pg) => !scanned.includes(pg.number));
  if (ocrModule && (missing === null || !textLeft)) {
    const { ocrPdfPages, mergeByPage } = ocrModule;
    const ocr = await ocrPdfPages(ctx.file, scanned, 0, { timeoutMs: ctx.limits.timeoutMs });
    messages.push(...ocr.messages);
    const textPages = pages.filter((pg) => !scanned.includes(pg.number));
    const blocks = mergeByPage(layoutDocument(textPages, messages), ocr.blocks);
    if (blocks.length === 0) {
      throw new ReadError(ctx.file, ocr.failed[0] ? `no text layer, and OCR failed: ${ocr.failed[0]}` : 'no text layer, and OCR found no text');
    }
    // the text pages' marks are linked by layout; OCR pages' marks are left to the footnotes stage
    return { file: ctx.file, sha256: ctx.sha256, format: 'pdf', pages: pages.length, blocks, footnotesLinked: textPages.length > 0, messages };
  }
  const chars = pages.reduce((n, pg) => n + pg.items.reduce((m, it) => m + it.str.replace(/\s/g, '').length, 0), 0);
  if (chars === 0) throw new ReadError(ctx.file, 'no text layer: needs OCR');
  const empty = pages.filter((pg) => pg.items.length === 0).map((pg) => pg.number);
  if (empty.length > 0) {
    messages.push({
      type: 'warning',
      stage: 'read',
      ruleId: 'read:no-text-layer',
      message: `${empty.length} of ${pages.length} pages have no text layer (needs OCR${missing ? `: ${missing}` : ''}): ${compactRanges(empty)}`,
    });
  }

  const blocks = layoutDocument(pages, messages);
  if (blocks.length === 0) throw new ReadError(ctx.file, 'no text layer: needs OCR');
  return { file: ctx.file, sha256: ctx.sha256, format: 'pdf', pages: pages.length, blocks, footnotesLinked: true, messages };
};

// ---------------------------------------------------------------------------------------------------
// pdf.js, loaded on first use: it takes a second to load and most runs read few PDFs.

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}
interface PdfPage {
  view: number[];
  getTextContent(opts: { includeMarkedContent: boolean }): Promise<{ items: unknown[] }>;
  getAnnotations(): Promise<unknown[]>;
  getOperatorList(opts: { annotationMode: number }): Promise<OperatorList>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
interface Pdfjs {
  getDocument(params: Record<string, unknown>): PdfLoadingTask;
  assets: { cMapUrl: string; standardFontDataUrl: string };
  ops: Ops;
  /** `AnnotationMode.ENABLE`: annotations' appearances in the operator list, forms' too */
  annotationModeEnable: number;
}

let pdfjsPromise: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    // The legacy build is the one pdf.js supports in Node; the worker then runs in-process ("fake worker").
    // Both bundles at once: the worker bundle registers itself for the fake worker, and its polyfills run
    // here, inside importKeepingNatives, rather than at the first getDocument.
    const mod = (await importKeepingNatives(async () => {
      const main = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const workerBundle = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // no type declarations: imported for effect
      await import(workerBundle);
      return main;
    })) as unknown as Pick<Pdfjs, 'getDocument'> & { OPS: Ops; AnnotationMode: { ENABLE: number } };
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    // Local files only: a PDF naming a CJK CMap or a standard font must never make pdf.js reach the network.
    return {
      getDocument: mod.getDocument.bind(mod),
      assets: { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` },
      ops: mod.OPS,
      annotationModeEnable: mod.AnnotationMode.ENABLE,
    };
  })();
  return pdfjsPromise;
}

function openError(file: string, err: unknown): ReadError {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new ReadError(file, 'encrypted PDF: cannot read without password');
  if (name === 'InvalidPDFException') return new ReadError(file, `damaged PDF: ${oneLine(err, 160) || 'invalid structure'}`);
  return new ReadError(file, `damaged PDF: ${oneLine(err, 160)}`);
}

function compactRanges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(i === j ? String(ns[i]) : `${ns[i]}-${ns[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

// ---------------------------------------------------------------------------------------------------
// Items and lines

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface RawPage {
  number: number;
  width: number;
  height: number;
  bottom: number;
  items: Item[];
}

interface Line {
  items: Item[];
  /** baseline and font size of the line's main text (its largest items) */
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  /** the number of a footnote whose body starts this line (a small raised number, or a number in sequence, first) */
  mark?: number;
  /** the footnote marks (small raised numbers) inside the line's text */
  marks: number[];
  /** where the text after a footnote body's number begins: a hanging body's next lines start there */
  textX: number;
  /** the widest blank between two of the line's items, relative to its size: a table row has columns */
  widestGap: number;
  page: number;
  /** a table row found by `findTables`: its cells, one a column (the line then stands for the row) */
  cells?: string[];
}

function toItems(raw: unknown[]): Item[] {
  const items: Item[] = [];
  for (const r of raw) {
    const it = r as Partial<PdfTextItem>;
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
    // Whitespace items are pdf.js's guesses at gaps (and, in LibreOffice output, at the holes left for
    // glyphs drawn from a fallback font afterwards): spacing is decided from geometry instead.
    if (!it.str.trim()) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    items.push({ str: it.str, x: e, y: f, w: Math.max(0, it.width ?? 0), size });
  }
  return items;
}

/** Whether `small` sits raised (superscript) or on the baseline of a line of `big` text. */
function relation(small: Item, lineY: number, lineSize: number): 'same' | 'raised' | 'lowered' | 'other' {
  const dy = small.y - lineY;
  if (Math.abs(dy) <= 0.25 * Math.min(small.size, lineSize)) return 'same';
  if (small.size <= 0.85 * lineSize) {
    if (dy > 0 && dy <= 0.7 * lineSize) return 'raised';
    if (dy < 0 && dy >= -0.4 * lineSize) return 'lowered';
  }
  return 'other';
}

/**
 * Groups items into lines in content-stream order (which keeps table cells and side-by-side header blocks
 * apart), accepting smaller raised or lowered items into the line they belong to.
 */
function groupLines(items: Item[], page: number): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const it of items) {
    if (cur) {
      const rel = relation(it, cur.y, cur.size);
      const near = it.x <= cur.x1 + 4 * cur.size && it.x + it.w >= cur.x0 - 4 * cur.size;
      if (near && (rel === 'same' || rel === 'raised' || rel === 'lowered')) {
        cur.items.push(it);
        cur.x0 = Math.min(cur.x0, it.x);
        cur.x1 = Math.max(cur.x1, it.x + it.w);
        continue;
      }
      // A line that so far holds only a small raised number (a footnote body's mark) takes its text.
      const onlySmall = cur.items.every((m) => m.size <= 0.85 * it.size);
      if (near && onlySmall && relation(cur.items[0]!, it.y, it.size) === 'raised') {
        cur.items.push(it);
        cur.y = it.y;
        cur.size = it.size;
        cur.x0 = Math.min(cur.x0, it.x);
        cur.x1 = Math.max(cur.x1, it.x + it.w);
        continue;
      }
    }
    cur = { items: [it], y: it.y, size: it.size, x0: it.x, x1: it.x + it.w, text: '', marks: [], textX: it.x, widestGap: 0, page };
    lines.push(cur);
  }
  for (const line of lines) finishLine(line);
  return lines;
}

const MARK_TEXT = /^[\s\d,()[\]*]*\d[\s\d,()[\]*]*$/;

function finishLine(line: Line): void {
  // Main size: the largest size that carries a fair share of the characters, so a line of small marks
  // around one big glyph is not mistaken for big text.
  const bySize = new Map<number, number>();
  for (const it of line.items) bySize.set(Math.round(it.size * 2) / 2, (bySize.get(Math.round(it.size * 2) / 2) ?? 0) + it.str.length);
  const total = [...bySize.values()].reduce((a, b) => a + b, 0);
  const main = Math.max(...[...bySize].filter(([, n]) => n >= 0.2 * total).map(([s]) => s));
  const mainItem = line.items.find((it) => Math.round(it.size * 2) / 2 === main) ?? line.items[0]!;
  line.size = mainItem.size;
  line.y = mainItem.y;

  // Reading order within a line is left to right; the stream may draw fallback-font glyphs afterwards.
  const sorted = line.items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => a.it.x - b.it.x || a.i - b.i)
    .map((e) => e.it);
  let text = '';
  let prev: Item | undefined;
  let first = true;
  for (const it of sorted) {
    // Word's fake bold draws each run twice, a hair apart.
    if (prev && prev.str === it.str && Math.abs(prev.x - it.x) < 0.2 * it.size && Math.abs(prev.y - it.y) < 0.2 * it.size) continue;
    const isMark = relation(it, line.y, line.size) === 'raised' && MARK_TEXT.test(it.str);
    let piece = isMark ? it.str.replace(/[()[\]\s]/g, '').replace(/\d+/g, (d) => protectMarks(numberToSuperscript(Number(d)))) : it.str;
    if (isMark && first) {
      const n = /\d+/.exec(it.str);
      if (n) {
        line.mark = Number(n[0]);
        piece = '';
      }
    } else if (isMark) {
      // `m²`, `m³` are a unit's exponent, not a call.
      for (const d of it.str.match(/\d+/g) ?? []) if (!(/m$/.test(text) && (d === '2' || d === '3'))) line.marks.push(Number(d));
    }
    if (prev && text && piece) {
      const gap = it.x - (prev.x + prev.w);
      const ref = Math.min(isMark ? line.size : it.size, prev.size);
      if (gap > 0.18 * ref && !/\s$/.test(text) && !/^\s/.test(piece) && !/^\p{M}/u.test(piece)) text += ' ';
      line.widestGap = Math.max(line.widestGap, gap / line.size);
    }
    if (piece && !text) line.textX = it.x;
    text += piece;
    prev = it;
    if (piece) first = false;
    else if (isMark) first = false;
  }
  line.text = text.replace(/\s+/g, ' ').trim();
  // A mark alone on its line is no footnote body.
  if (line.mark !== undefined && !line.text) delete line.mark;
}

// ---------------------------------------------------------------------------------------------------
// Pages: headers, footers, footnote areas

interface PageLines {
  page: RawPage;
  flow: Line[];
  notes: Line[];
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:trang|page)\s*\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?$|^\d{1,4}\s*\/\s*\d{1,4}$/iu;

function bodySizeOf(pages: Line[][]): number {
  const count = new Map<number, number>();
  for (const lines of pages) for (const l of lines) count.set(Math.round(l.size * 2) / 2, (count.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 0;
  let bestN = -1;
  for (const [s, n] of count) if (n > bestN) [best, bestN] = [s, n];
  return best;
}

function layoutDocument(pages: RawPage[], messages: DocumentModel['messages']): Block[] {
  const pageLines = pages.map((pg) => groupLines(pg.items, pg.number).filter((l) => l.text));
  const bodySize = bodySizeOf(pageLines);
  const repeated = runningLines(pages, pageLines);

  const laid: PageLines[] = [];
  const notes: NoteState = { last: undefined, number: 0, marks: new Set(), raised: false };
  let dropped = 0;
  for (let i = 0; i < pages.length; i++) {
    const pg = pages[i]!;
    let lines = pageLines[i]!;
    const before = lines.length;
    lines = lines.filter((l) => !repeated.has(l) && !isPageNumber(l, lines, pg));
    dropped += before - lines.length;
    const { flow, notes: area } = splitFootnotes(lines, bodySize, notes);
    if (area.length > 0) notes.last = area.at(-1);
    else if (flow.length > 0) notes.last = undefined;
    laid.push({ page: pg, flow: withTables(flow), notes: area });
  }
  if (dropped > 0)
    messages.push({
      type: 'info',
      stage: 'read',
      ruleId: 'read:running-lines-dropped',
      message: `${dropped} running header, footer or page-number lines dropped`,
    });

  takeEndnotes(laid, notes);

  const flowParas = joinParagraphs(
    laid.map((l) => ({ page: l.page, lines: l.flow })),
    false,
  );
  const noteParas = joinParagraphs(
    laid.map((l) => ({ page: l.page, lines: l.notes })),
    true,
  );

  const all = [...flowParas, ...noteParas];
  const strings = all.flatMap((p) => [p.text, ...(p.cells ?? [])]);
  const parts = toUnicodeAll(strings, messages);
  const tidy = (s: string) => cleanText(s).replace(/ {2,}/g, ' ').trim();

  const blocks: Block[] = [];
  let k = 0;
  for (const p of all) {
    const text = tidy(parts[k++]!);
    const cells = p.cells?.map(() => ({ text: tidy(parts[k++]!) }));
    if (!text) continue;
    const kind = cells ? 'table-row' : p.footnote !== undefined ? 'footnote' : 'paragraph';
    const block: Block = { index: blocks.length, kind, text, page: p.page };
    if (cells) block.cells = cells;
    if (p.footnote !== undefined) block.footnote = p.footnote;
    blocks.push(block);
  }
  return blocks;
}

/**
 * The page's tables (`pdf-tables.ts`) in place of their lines: one line a row, carrying its cells, where
 * the table's first line was.
 */
function withTables(flow: Line[]): Line[] {
  const tables = findTables(flow);
  if (tables.length === 0) return flow;
  const taken = new Map<Line, Line[]>();
  for (const t of tables) {
    const first = flow.find((l) => t.lines.includes(l))!;
    const rows = t.rows.map((cells): Line => ({ ...first, items: [], text: cells.join(' | '), marks: [], cells }));
    for (const l of t.lines) taken.set(l, []);
    taken.set(first, rows);
  }
  return flow.flatMap((l) => taken.get(l) ?? [l]);
}

/** A page number: a bare number (or `- 2 -`, `Trang 2`) on the page's top or bottom line, set apart. */
function isPageNumber(line: Line, lines: Line[], pg: RawPage): boolean {
  if (!PAGE_NUMBER.test(line.text)) return false;
  const ys = lines.filter((l) => l !== line).map((l) => l.y);
  if (ys.length === 0) return true;
  const top = Math.max(...ys);
  const low = Math.min(...ys);
  const apart = 1.2 * Math.max(line.size, 8);
  const inMargin = line.y > pg.bottom + 0.8 * pg.height || line.y < pg.bottom + 0.2 * pg.height;
  return inMargin && (line.y > top + apart || line.y < low - apart);
}

/**
 * Header and footer lines: the same text (digits aside, as page numbers vary) at the same height near the
 * top or bottom edge on at least two pages and half of them. Whatever made the PDF, a running line is one
 * it drew again on each page; its font, size and place are its own.
 */
function runningLines(pages: RawPage[], pageLines: Line[][]): Set<Line> {
  const out = new Set<Line>();
  if (pages.length < 2) return out;
  const seen = new Map<string, Line[][]>();
  pageLines.forEach((lines, i) => {
    const pg = pages[i]!;
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const ends = [...byY.slice(0, 3), ...byY.slice(-3)];
    for (const l of new Set(ends)) {
      const inMargin = l.y > pg.bottom + 0.85 * pg.height || l.y < pg.bottom + 0.15 * pg.height;
      if (!inMargin || l.text.length > 120) continue;
      const key = l.text.replace(/\d+/g, '#');
      const groups = seen.get(key) ?? [];
      const near = groups.find((g) => Math.abs(g[0]!.y - l.y) <= Math.max(2, 0.5 * l.size));
      if (near) near.push(l);
      else groups.push([l]);
      seen.set(key, groups);
    }
  });
  for (const groups of seen.values())
    for (const ls of groups) {
      const onPages = new Set(ls.map((l) => l.page)).size;
      if (onPages >= 2 && onPages >= 0.5 * pages.length) for (const l of ls) out.add(l);
    }
  return out;
}

interface NoteState {
  /** the last footnote line of the page before, when that page ended in its footnote area */
  last: Line | undefined;
  /** the number of the last footnote body found */
  number: number;
  /** the marks met in the flow so far */
  marks: Set<number>;
  /** whether a body so far began with a small raised number: a document numbers its bodies one way */
  raised: boolean;
}

/** A footnote body's number on the baseline: `3. Text`, `3) Text`, `3 Text`, not `3.500 ha` or `3,5`. */
const NOTE_NUMBER = /^(\d{1,3})(?:[.)]\s+|\s+)(?=\S)/u;

/**
 * The footnote area is the run of smaller-font lines at the page's foot from the first line that starts a
 * footnote body: with a small raised number, or with a plain number (`3.`) that continues the numbering
 * (the last body's number plus one, or 1 where numbering restarts on a page) and that a mark in the text
 * has called. The evidence is what any renderer leaves, size and sequence, not where one renderer puts
 * things; it finds endnotes after the text's end the same way. Small lines above the first body continue
 * the previous page's last footnote.
 */
function splitFootnotes(lines: Line[], bodySize: number, state: NoteState): { flow: Line[]; notes: Line[] } {
  if (lines.length === 0) return { flow: lines, notes: [] };
  const byY = [...lines].sort((a, b) => b.y - a.y);
  let start = byY.length;
  // A point under the text is enough (11 pt under 12): the body and its number are the evidence, not the size.
  while (start > 0 && byY[start - 1]!.size <= 0.93 * bodySize) start--;
  for (const l of byY.slice(0, start)) for (const m of l.marks) state.marks.add(m);
  const run = byY.slice(start);
  let number = state.number;
  let firstMark = -1;
  run.forEach((l, i) => {
    if (l.mark !== undefined) state.raised = true;
    else {
      // A plain number starts a body only in a document that has not numbered its bodies raised, in
      // running text (a numbered table row at a page's foot has columns), and in sequence with a mark.
      const m = state.raised || l.widestGap > 2.5 ? null : NOTE_NUMBER.exec(l.text);
      const n = m ? Number(m[1]) : Number.NaN;
      const inSequence = n === number + 1 || (n === 1 && firstMark < 0);
      if (!m || !inSequence || !state.marks.has(n)) return;
      l.mark = n;
      l.textX = l.x0 + ((l.x1 - l.x0) * m[0].length) / l.text.length;
      l.text = l.text.slice(m[0].length);
    }
    if (firstMark < 0) firstMark = i;
    number = l.mark;
  });
  // Continuation lines alone are not enough: small lines at a page's foot may be a table or a caption.
  if (firstMark < 0) return { flow: lines, notes: [] };
  state.number = number;
  const from = state.last ? 0 : firstMark;
  const area = new Set(run.slice(from));
  return { flow: lines.filter((l) => !area.has(l)), notes: byY.filter((l) => area.has(l)) };
}

/**
 * Endnotes, whatever their size: after the text's last mark, a run of lines to the document's end whose
 * first lines number the bodies in sequence (from the next number due) up to the highest mark, every
 * number called by a mark before the run, each number at the first one's left edge or left of it.
 * That evidence holds for a list of notes at the end of an HTML page printed as it is, in the body's
 * own size, where the footnote area's smaller size is missing.
 */
function takeEndnotes(laid: PageLines[], state: NoteState): void {
  const flow = laid.flatMap((l) => l.flow.map((line) => ({ line, at: l })));
  const called = new Set<number>();
  let lastCall = -1;
  flow.forEach(({ line }, i) => {
    for (const m of line.marks) called.add(m);
    if (line.marks.length > 0) lastCall = i;
  });
  if (called.size === 0) return;
  const highest = Math.max(...called);
  const first = state.number + 1;
  for (let n = first; n <= highest; n++) if (!called.has(n)) return;
  const startOf = (line: Line): { n: number; cut: number } | undefined => {
    if (line.mark !== undefined) return { n: line.mark, cut: 0 };
    const m = line.widestGap > 2.5 ? null : NOTE_NUMBER.exec(line.text);
    return m ? { n: Number(m[1]), cut: m[0].length } : undefined;
  };
  for (let i = lastCall + 1; i < flow.length; i++) {
    const s = startOf(flow[i]!.line);
    if (s?.n !== first) continue;
    const left = flow[i]!.line.x0;
    const starts = new Map([[i, s]]);
    let number = first;
    for (let j = i + 1; j < flow.length; j++) {
      const line = flow[j]!.line;
      const t = startOf(line);
      if (t?.n === number + 1 && line.x0 <= left + 0.5 * line.size) {
        starts.set(j, t);
        number = t.n;
      }
    }
    if (number !== highest) continue;
    const taken = new Set(flow.slice(i).map((f) => f.line));
    for (const [j, t] of starts) {
      const line = flow[j]!.line;
      if (t.cut > 0) {
        line.textX = line.x0 + ((line.x1 - line.x0) * t.cut) / line.text.length;
        line.text = line.text.slice(t.cut);
      }
      line.mark = t.n;
    }
    for (const l of laid) {
      const moved = l.flow.filter((line) => taken.has(line));
      if (moved.length === 0) continue;
      l.flow = l.flow.filter((line) => !taken.has(line));
      l.notes = [...l.notes, ...moved];
    }
    state.number = number;
    return;
  }
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs

interface Para {
  text: string;
  page: number;
  footnote?: number;
  cells?: string[];
}

const STARTS_ITEM = /^(?:[-–+•▪●]\s|(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.\s|[a-zđ]\)\s|\(\d+\)\s)/u;

interface Margins {
  left: number;
  right: number;
  /** the usual baseline step between two lines of a paragraph, by font size */
  pitch: Map<number, number>;
}

/**
 * The usual step from a line to the next in the same size: a low quantile of the steps seen, so the
 * wider steps between paragraphs (where the document has them) do not count. Too few steps: none.
 */
function linePitch(pages: Line[][]): Map<number, number> {
  const steps = new Map<number, number[]>();
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      const dy = a.y - b.y;
      if (Math.abs(a.size - b.size) > 0.05 * a.size || dy < 0.9 * b.size || dy > 2.2 * b.size) continue;
      const key = Math.round(b.size * 2) / 2;
      steps.set(key, [...(steps.get(key) ?? []), dy]);
    }
  const out = new Map<number, number>();
  for (const [size, dys] of steps) if (dys.length >= 8) out.set(size, quantile(dys, 0.3));
  return out;
}

function joinParagraphs(pages: { page: RawPage; lines: Line[] }[], notes: boolean): Para[] {
  // Margins per page width, from the lines in the page's most common size: a justified line ends at the
  // right margin, a paragraph's first line is indented from the left one.
  const margins = new Map<number, Margins>();
  for (const w of new Set(pages.map((p) => Math.round(p.page.width)))) {
    const group = pages.filter((p) => Math.round(p.page.width) === w);
    const ls = group.flatMap((p) => p.lines);
    const size = bodySizeOf([ls]);
    const main = ls.filter((l) => Math.abs(l.size - size) <= 0.1 * size);
    margins.set(w, {
      left: quantile(
        main.map((l) => l.x0),
        0.05,
      ),
      right: quantile(
        main.map((l) => l.x1),
        0.95,
      ),
      pitch: linePitch(group.map((p) => p.lines)),
    });
  }
  const paras: Para[] = [];
  let prev: Line | undefined;
  let prevPage: RawPage | undefined;
  // A footnote body may hang: its number stands out to the left, its next lines start where its text did.
  let hang: { start: Line; at?: number } | undefined;
  for (const { page, lines } of pages) {
    const m = margins.get(Math.round(page.width))!;
    for (const line of lines) {
      if (line.cells) {
        paras.push({ text: line.text, page: page.number, cells: line.cells });
        prev = undefined;
        hang = undefined;
        continue;
      }
      const newNote = notes && line.mark !== undefined;
      const hangs =
        hang !== undefined &&
        (hang.at === undefined
          ? line.x0 > hang.start.x0 + 0.2 * line.size && line.x0 <= hang.start.textX + 0.6 * line.size
          : Math.abs(line.x0 - hang.at) <= 0.3 * line.size);
      if (prev && prevPage && !newNote && continues(prev, line, m, prevPage !== page, hangs)) {
        if (hangs && hang) hang.at ??= line.x0;
        const last = paras[paras.length - 1]!;
        // A line broken after a hyphen or a slash inside a token (`2021-` / `2025`, `bản/` / `12 người`)
        // rejoins without a space: renderers break there, writers do not end a line so.
        last.text += (/[\p{L}\d][-/]$/u.test(last.text) ? '' : ' ') + line.text;
      } else if (notes && line.mark === undefined && paras.length === 0) {
        // A footnote continued from before the first page read: nothing to attach it to.
        continue;
      } else {
        const p: Para = { text: line.text, page: page.number };
        if (notes) p.footnote = line.mark ?? paras.at(-1)?.footnote ?? 0;
        // A body's later paragraph set at its hang keeps it, so its own next lines join it.
        if (newNote) hang = { start: line };
        else if (!hangs) hang = undefined;
        paras.push(p);
      }
      prev = line;
      prevPage = page;
    }
  }
  return paras.filter((p) => !notes || (p.footnote ?? 0) > 0);
}

function continues(a: Line, b: Line, m: Margins, pageBreak: boolean, hangs = false): boolean {
  if (Math.abs(a.size - b.size) > 0.15 * Math.max(a.size, b.size)) return false;
  const size = b.size;
  if (!pageBreak) {
    const dy = a.y - b.y;
    if (dy <= 0 || dy > 2.2 * size) return false;
    // Space between paragraphs: a step clearly wider than the lines' usual one is a paragraph's end,
    // whatever the renderer (a document set without such space simply never shows one).
    const pitch = m.pitch.get(Math.round(size * 2) / 2);
    if (pitch !== undefined && dy > pitch + 0.25 * size) return false;
  }
  const indented = b.x0 > m.left + 0.8 * size && !hangs;
  // Did the first word of b fail to fit at the end of a? Then a was wrapped, not ended.
  const firstWord = b.text.split(' ')[0] ?? '';
  const perChar = (b.x1 - b.x0) / Math.max(1, b.text.length);
  const wordWidth = 0.25 * size + firstWord.length * perChar;
  // Centered title lines wrap without reaching the margin: both centered, same size, no closing stop;
  // a first line that fills the width between the margins (b's first word would not fit) wrapped too.
  const centered = (l: Line, minGap: number) => l.x0 - m.left > minGap && Math.abs(l.x0 - m.left - (m.right - l.x1)) < 1.5 * l.size;
  if (!pageBreak && centered(b, 2 * b.size) && !/[.:;!?]$/.test(a.text)) {
    if (centered(a, 0.3 * a.size)) return true;
    if (centered(a, -0.5 * a.size) && a.x1 - a.x0 + wordWidth >= m.right - m.left - size) return true;
  }
  if (indented) return false;
  if (STARTS_ITEM.test(b.text) && /[.:;!?]$/.test(a.text)) return false;
  return a.x1 + wordWidth >= m.right - 0.5 * size;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}
