import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, ReadMessage } from '../schema/document.ts';
import { COUNT_NOUNS, SCALE_WORDS, UNIT_FORMS } from '../schema/units.ts';
import { fold, numberToSuperscript } from './clean-text.ts';
import { LOW_CONFIDENCE, type OcrSpan, ocrListeners } from './ocr-spans.ts';
import { ReadError } from './reader.ts';

/**
 * OCR of scanned PDF pages: poppler's `pdftoppm` rasterizes a page, the Tesseract CLI (5.x, Debian's
 * `tesseract-ocr` with `tesseract-ocr-vie`) reads it and prints TSV: every word with its box, its
 * confidence, and its block, paragraph and line. Both are native, well-kept programs run as child
 * processes, so a page that hangs or blows up is killed on a time limit and never shares our heap;
 * the TSV is parsed here, and the layout (paragraphs, table rows) is rebuilt from its boxes.
 */

export interface OcrWord {
  text: string;
  /** Tesseract's word confidence, 0–100 */
  conf: number;
  /** what made the reading doubtful beyond its confidence: a repair made to it, or a shape left as read */
  doubt?: string;
  /** left, top, right, bottom in pixels of the page image */
  box: [number, number, number, number];
  block: number;
  par: number;
  line: number;
  /** a blank word far wider than high: a drawn rule (a footnote separator, an underline), not text */
  rule?: true;
}

export interface OcrOptions {
  /** resolution the pages are rasterized at; 300 dpi is what Tesseract is trained for */
  dpi: number;
  lang: string;
  /** per page, for the rasterizer and Tesseract each */
  timeoutMs: number;
}

export const DEFAULT_OCR: OcrOptions = { dpi: 300, lang: 'vie', timeoutMs: 120_000 };

/** Parses Tesseract's TSV output: the word rows (level 5) with text, box and confidence. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = (f[11] ?? '').trim();
    const l = Number(f[6]);
    const t = Number(f[7]);
    const w = Number(f[8]);
    const h = Number(f[9]);
    const at = { conf: Number(f[10]), box: [l, t, l + w, t + h] as OcrWord['box'], block: Number(f[2]), par: Number(f[3]), line: Number(f[4]) };
    // Tesseract reports a drawn line as a blank word; kept apart, since a footnote separator is one
    if (!text) {
      if (w >= 15 * Math.max(1, h)) words.push({ text: '', ...at, rule: true });
      continue;
    }
    words.push({ text: text.normalize('NFC'), ...at });
  }
  return words;
}

interface Line {
  words: OcrWord[];
  key: string;
  top: number;
  bottom: number;
  height: number;
}

function linesOf(words: readonly OcrWord[]): Line[] {
  const byKey = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.block}.${w.par}.${w.line}`;
    const list = byKey.get(key);
    if (list) list.push(w);
    else byKey.set(key, [w]);
  }
  return [...byKey].map(([key, ws]) => {
    ws.sort((a, b) => a.box[0] - b.box[0]);
    const top = Math.min(...ws.map((w) => w.box[1]));
    const bottom = Math.max(...ws.map((w) => w.box[3]));
    // the median word height: a line's box is stretched by accents and by a stray mark
    const hs = ws.map((w) => w.box[3] - w.box[1]).sort((a, b) => a - b);
    return { words: ws, key, top, bottom, height: hs[Math.floor(hs.length / 2)] ?? bottom - top };
  });
}

/**
 * A line's cells: words split where the gap between them is far wider than a space. In running text
 * a space is about a third of the letters' height; a gap of three heights is a column boundary.
 */
export function cellsOf(words: readonly OcrWord[], lineHeight: number): OcrWord[][] {
  const cells: OcrWord[][] = [];
  let cell: OcrWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1];
    if (prev && w.box[0] - prev.box[2] > 3 * lineHeight) {
      cells.push(cell);
      cell = [];
    }
    cell.push(w);
  }
  if (cell.length) cells.push(cell);
  return cells;
}

const HAS_DIGIT = /\d/;

interface Built {
  text: string;
  spans: OcrSpan[];
}

function build(words: readonly OcrWord[], toPt: (px: number) => number, into: Built, sep: string): void {
  for (const w of words) {
    if (into.text.length > 0) into.text += sep;
    sep = ' ';
    const start = into.text.length;
    into.text += w.text;
    into.spans.push({
      text: w.text,
      start,
      end: into.text.length,
      conf: w.conf,
      box: [toPt(w.box[0]), toPt(w.box[1]), toPt(w.box[2]), toPt(w.box[3])],
      ...(w.doubt ? { doubt: w.doubt } : {}),
    });
  }
}

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * p)] ?? 0;
};

/**
 * The footnote area at a page's foot, found from what any scan of a Word or PDF page keeps: its lines are
 * set smaller than the body's (their words' median height under 0.85 of the page's), they run to the
 * last line of the page, and each body opens with a mark far smaller than its own line. Returns the
 * index of the area's first line, or lines.length when there is none.
 */
function footnoteAreaStart(lines: readonly Line[], bodyHeight: number): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    // a page number alone on the last line belongs to neither
    if (i === lines.length - 1 && l.words.length === 1 && /^\d{1,3}$/.test(l.words[0]!.text)) continue;
    if (l.height >= 0.85 * bodyHeight) break;
    start = i;
  }
  // an area holds at least one body: a line opening with a mark
  for (let i = start; i < lines.length; i++) if (opensWithMark(lines[i]!)) return i;
  return lines.length;
}

/**
 * A line whose first word is a mark: small against the line and raised, its foot well above the line's
 * baseline (the median foot of the other words: accents make the line's top a poor guide).
 */
function opensWithMark(l: Line, underRule = false): boolean {
  const first = l.words[0];
  // a dash or a bullet opening a list item is small and raised too
  if (!first || l.words.length < 2 || /^[-–—+•·.,:;_~=]+$/.test(first.text)) return false;
  const h = first.box[3] - first.box[1];
  const feet = l.words
    .slice(1)
    .map((w) => w.box[3])
    .sort((a, b) => a - b);
  const baseline = feet[Math.floor(feet.length / 2)]!;
  const raised = first.box[3] < baseline - 0.25 * l.height;
  // under a separator rule a mark may be read larger (a quote, a letter): its foot must then be raised
  if (underRule) return h < 0.8 * l.height && raised;
  return h < 0.65 * l.height && (first.box[3] < l.top + 0.75 * l.height || raised);
}

/**
 * The footnote area under a separator: Word draws a short rule at the text column's left margin above a
 * page's footnotes, and Tesseract reports it as a blank word far wider than high. A rule in the page's
 * lower part, starting at the margin, shorter than the column, with every line after it below it and a
 * body opening with a mark among them, starts the area. Null when there is none.
 */
function separatorAreaStart(lines: readonly Line[], rules: readonly OcrWord[], bodyHeight: number): number | null {
  const full = lines.filter((l) => l.words.length >= 3);
  if (full.length === 0) return null;
  const pageBottom = Math.max(...lines.map((l) => l.bottom));
  const left = percentile(
    full.map((l) => l.words[0]!.box[0]),
    0.1,
  );
  const right = percentile(
    full.map((l) => l.words.at(-1)!.box[2]),
    0.9,
  );
  for (const r of rules) {
    const [rl, rt, rr, rb] = r.box;
    if (rt < 0.4 * pageBottom || Math.abs(rl - left) > 2 * bodyHeight || rr - rl > 0.6 * (right - left)) continue;
    const start = lines.findIndex((l) => l.top >= rb);
    if (start < 0 || lines.slice(start).some((l) => l.top < rb)) continue;
    if (lines.slice(start).some((l) => opensWithMark(l, true))) return start;
  }
  return null;
}

/** The forms of the unit vocabulary by their fold, for the repair of units OCR read without a tone mark. */
const BY_FOLD = (() => {
  const m = new Map<string, string[]>();
  // `tuổi` too: after a number the grammar reads it as an age, which is no figure (`từ đủ 14 tuổi`)
  for (const form of [...Object.keys(UNIT_FORMS), ...COUNT_NOUNS, ...Object.keys(SCALE_WORDS), 'tuổi']) {
    if (!/\p{L}/u.test(form)) continue;
    const key = fold(form);
    const list = m.get(key) ?? [];
    if (!list.includes(form)) list.push(form);
    m.set(key, list);
  }
  return m;
})();
const LEXICON = new Set([...BY_FOLD.values()].flat());

/** A syllable's diacritics (and `đ`'s stroke): what OCR drops, never adds. */
const diacritics = (syllable: string): string[] => [...syllable.normalize('NFD')].filter((c) => /\p{M}/u.test(c) || c === 'đ');
const fewerMarks = (read: string, form: string): boolean => {
  const r = read.split(' ');
  const f = form.split(' ');
  return r.length === f.length && r.every((syl, i) => diacritics(syl).every((c) => diacritics(f[i]!).includes(c)));
};

/**
 * Two-syllable words the extraction reads a number's kind from (a share, its whole, a period, a plan),
 * each the only common word with its letters: OCR of a small or blurred scan drops the tone mark stacked
 * on a circumflex or a breve (`ty lệ`, `trên tông`), and the number's kind is then lost with it.
 */
const KEY_PHRASES: ReadonlyMap<string, string> = new Map(
  ['tỷ lệ', 'tổng số', 'trên tổng', 'so với', 'cùng kỳ', 'kế hoạch', 'đến nay', 'tính đến', 'lũy kế', 'bình quân'].map((p) => [fold(p), p]),
);

/** A letter OCR reads for a digit inside a number: `l4`, `2O24`, `2ó` (a blurred 6 takes an accent). */
const DIGIT_FOR = { I: '1', l: '1', '|': '1', O: '0', o: '0', ó: '6' } as const;
const NUMBER_WITH_LETTERS = /^([(]?)([\dIlO|oó]+(?:[.,][\dIlO|oó]+)*)([)%.,;:]*)$/;

/**
 * Repairs of a line's words that OCR of a Vietnamese report needs, each only where it is unambiguous, and
 * each kept on the word as its `doubt` (what was read, what it became), so the number goes to a reviewer
 * with the reason; Tesseract's own confidence is left as it said:
 * - a number with a letter for a digit (`l4`, `2O24`) gets the digit;
 * - a group of three digits after a short number and a space, with a unit after (`7 815 tài khoản`,
 *   `29, 695 hồ sơ`, `1.156. 846 trường hợp`), is one number whose thousands dot was read as a space:
 *   joined with a dot (a decimal comma is never followed by a space in print);
 * - a fraction slash (`⁄`) between digits is the slash of an `a/b` pair;
 * - the unit after a number read with fewer diacritics than a unit or counted noun of the vocabulary
 *   (`hô sơ`, `triệu đông`, `ta/ha`, glued `52,37ta/ha`), when that form is the only one with its letters,
 *   gets that form.
 */
export function repairWords(words: readonly OcrWord[]): OcrWord[] {
  const out = words.map((w) => ({ ...w }));
  const flag = (w: OcrWord, why: string) => {
    w.doubt = w.doubt ? `${w.doubt}; ${why}` : why;
  };
  for (const w of out) {
    const m = NUMBER_WITH_LETTERS.exec(w.text);
    if (!m || !/\d/.test(m[2]!) || !/[IlO|oó]/.test(m[2]!)) continue;
    const read = w.text;
    w.text = `${m[1]}${m[2]!.replace(/[IlO|oó]/g, (c) => DIGIT_FOR[c as keyof typeof DIGIT_FOR])}${m[3]}`;
    flag(w, `OCR đọc «${read}», chữ cái trong số được thay bằng chữ số`);
  }
  for (const w of out) {
    // a unit glued to its number (`52,37ta/ha`): repaired as one that follows it
    const glued = /^([(]?\d+(?:[.,]\d+)*)(\p{L}[\p{L}/]*)([.,;:)]*)$/u.exec(w.text);
    if (!glued || LEXICON.has(glued[2]!.toLowerCase())) continue;
    const forms = BY_FOLD.get(fold(glued[2]!)) ?? [];
    if (forms.length === 1 && forms[0]!.split(' ').length === 1 && fewerMarks(glued[2]!.toLowerCase(), forms[0]!)) {
      const read = w.text;
      w.text = `${glued[1]}${forms[0]}${glued[3]}`;
      flag(w, `OCR đọc «${read}», đơn vị được sửa thành «${forms[0]}»`);
    }
  }
  for (const w of out) {
    if (!/\d\u2044\d/.test(w.text)) continue;
    const read = w.text;
    w.text = w.text.replace(/(?<=\d)\u2044(?=\d)/g, '/');
    flag(w, `OCR đọc «${read}», dấu gạch phân số được đọc là dấu «/»`);
  }
  for (let i = 0; i + 2 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const head = /^([(]?\d{1,3}(?:\.\d{3})*)[.,]?$/.exec(a.text);
    // the gap of a space, not of a column: a dot read as a space leaves the words as close as a space does
    const near = a.block === b.block && a.par === b.par && a.line === b.line && b.box[0] - a.box[2] < (a.box[3] - a.box[1] + b.box[3] - b.box[1]) / 2;
    if (!head || !near || !/^\d{3}(?:\.\d{3})*(?:,\d+)?(?:\/\d[\d.,]*)?[.,;:)%]*$/.test(b.text) || !/^\p{L}/u.test(out[i + 2]!.text)) continue;
    const read = `${a.text} ${b.text}`;
    const joined: OcrWord = {
      ...a,
      text: `${head[1]}.${b.text}`,
      conf: Math.min(a.conf, b.conf),
      box: [a.box[0], Math.min(a.box[1], b.box[1]), b.box[2], Math.max(a.box[3], b.box[3])],
    };
    delete joined.doubt;
    for (const why of [a.doubt, b.doubt]) if (why) flag(joined, why);
    flag(joined, `OCR đọc «${read}»: dấu chấm phân nghìn bị đọc thành dấu cách, được ghép thành «${joined.text}»`);
    out.splice(i, 2, joined);
  }
  for (let i = 0; i < out.length; i++) {
    if (!/\d$/.test(out[i]!.text)) continue;
    let j = i + 1;
    let scaled = false;
    while (j < out.length && out[j]!.text.toLowerCase() in SCALE_WORDS) {
      j++;
      scaled = true;
    }
    for (let n = Math.min(3, out.length - j); n >= 1; n--) {
      const ws = out.slice(j, j + n);
      const tail = /[.,;:)]*$/.exec(ws.at(-1)!.text)![0];
      const sylls = ws.map((w, k) => (k === n - 1 ? w.text.slice(0, w.text.length - tail.length) : w.text).toLowerCase());
      const phrase = sylls.join(' ');
      if (LEXICON.has(phrase)) break;
      const forms = (BY_FOLD.get(fold(phrase)) ?? []).filter((f) => f.split(' ').length === n);
      const form = forms[0];
      // a lone syllable only with marks dropped (`hô` for `hộ`, never `hồ`); a longer noun, or one after a
      // scale word, also with a mark misread (`hỗ sơ`), its letters being the vocabulary's one form
      if (forms.length !== 1 || !form || (n === 1 && !scaled && !fewerMarks(phrase, form))) continue;
      const read = ws.map((w) => w.text).join(' ');
      form.split(' ').forEach((syl, k) => {
        ws[k]!.text = k === n - 1 ? `${syl}${tail}` : syl;
      });
      // every repair is said: the unit of the number is then OCR's reading corrected, not OCR's reading
      for (const w of ws) flag(w, `OCR đọc «${read}», đơn vị được sửa thành «${form}»`);
      break;
    }
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i]!, out[i + 1]!];
    const tail = /[.,;:)]*$/.exec(b.text)![0];
    const read = `${a.text} ${b.text.slice(0, b.text.length - tail.length)}`;
    const form = KEY_PHRASES.get(fold(read));
    if (!form || read.toLowerCase() === form || !fewerMarks(read.toLowerCase(), form)) continue;
    const [first, second] = form.split(' ') as [string, string];
    a.text = /^\p{Lu}/u.test(a.text) ? first.charAt(0).toUpperCase() + first.slice(1) : first;
    b.text = `${second}${tail}`;
    for (const w of [a, b]) flag(w, `OCR đọc «${read}», được sửa thành «${form}»`);
  }
  return out;
}

/**
 * A footnote mark glued to the word it follows: Tesseract reads a small raised numeral as a quote, a
 * caret, an exclamation mark or an asterisk (`4.623,3ha'`, `hoạch".`). Only such characters right after a letter, digit or
 * bracket and before closing punctuation count, and never a closing quote whose opening one is open.
 */
const GLUED_MARK = /^(.*[\p{L}\p{N})])([\u0027\u0022\u2019\u201d\u02c6^*!\u00b0\u00ae\u0060\u00b4\u00b9\u00b2\u00b3]+|\d{1,2})([.,;:)]*)$/u;

interface PageState {
  /** the number the next footnote body of the document gets (Word numbers them across pages) */
  nextFootnote: number;
}

/**
 * The blocks of one OCR page, in the shape a Word document converted to text has: paragraphs (a
 * Tesseract paragraph's lines joined), footnote bodies where the page ends, opening with their number in
 * superscript, and marks in superscript where they were glued to a word, so the footnotes stage links
 * them as it does for text. A line that splits into three or more cells holding a number is a table
 * row: its cells stay apart (` | `, as the other readers write rows), never merged into one sentence.
 */
export function blocksOfPage(read: readonly OcrWord[], page: number, dpi: number, firstIndex: number, state: PageState = { nextFootnote: 1 }): Block[] {
  const toPt = (px: number) => Math.round((px * 72 * 100) / dpi) / 100;
  const blocks: Block[] = [];
  const rules = read.filter((w) => w.rule);
  // repaired over the page's words in reading order: a number may end a line and its unit open the next
  const raw = linesOf(read.filter((w) => !w.rule));
  const repaired = repairWords(raw.flatMap((l) => l.words));
  // a repair may join two words of a line into one number: the words go back to their lines by key
  const byLine = new Map<string, OcrWord[]>();
  for (const w of repaired) {
    const key = `${w.block}.${w.par}.${w.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  const lines = dropPageNumber(raw.map((l) => ({ ...l, words: byLine.get(l.key) ?? [] })).filter((l) => l.words.length > 0));
  // the body's line height: a high percentile, since a long footnote area may hold more lines than the body
  const bodyHeight = percentile(
    lines.filter((l) => l.words.length >= 3).map((l) => l.height),
    0.7,
  );
  const underRule = bodyHeight > 0 ? separatorAreaStart(lines, rules, bodyHeight) : null;
  const area = underRule ?? (bodyHeight > 0 ? footnoteAreaStart(lines, bodyHeight) : lines.length);
  const opensBody = (l: Line) => opensWithMark(l, underRule !== null);
  // the bodies in the area, numbered on from the page before; the marks in the flow take them in order
  const bodies = lines.slice(area).filter(opensBody).length;
  const numbers = Array.from({ length: bodies }, (_, i) => state.nextFootnote + i);
  state.nextFootnote += bodies;
  const marked = marksOf(lines.slice(0, area), numbers);
  let para: Built | null = null;
  let paraKey = '';
  const flush = () => {
    const done: Built | null = para;
    if (done?.text.trim()) blocks.push({ index: firstIndex + blocks.length, kind: 'paragraph', text: done.text, page, ocr: { spans: done.spans } });
    para = null;
  };
  let nextBody = 0;
  let prevLine: Line | null = null;
  lines.forEach((line, li) => {
    if (li >= area) {
      if (opensBody(line)) {
        flush();
        para = { text: `${numberToSuperscript(numbers[nextBody++]!)} `, spans: [] };
        paraKey = `note${li}`;
        build(line.words.slice(1), toPt, para, '');
      } else if (para) build(line.words, toPt, para, ' ');
      return;
    }
    const ws = line.words.map((w) => {
      const parts = marked.get(w);
      if (!parts) return w;
      return { ...w, text: `${parts[0]}${numberToSuperscript(parts[2])}${parts[1]}` };
    });
    const cells = cellsOf(ws, line.height);
    if (cells.length >= 3 && cells.some((c) => c.some((w) => HAS_DIGIT.test(w.text)))) {
      flush();
      const row: Built = { text: '', spans: [] };
      const cellTexts: { text: string }[] = [];
      cells.forEach((c, i) => {
        build(c, toPt, row, i === 0 ? '' : ' | ');
        cellTexts.push({ text: c.map((w) => w.text).join(' ') });
      });
      blocks.push({ index: firstIndex + blocks.length, kind: 'table-row', text: row.text, page, cells: cellTexts, ocr: { spans: row.spans } });
      return;
    }
    const key = line.key.slice(0, line.key.lastIndexOf('.'));
    if (para === null || key !== paraKey || startsParagraph(line, prevLine)) {
      flush();
      para = { text: '', spans: [] };
      paraKey = key;
    }
    build(ws, toPt, para, ' ');
    prevLine = line;
  });
  flush();
  return blocks;
}

/** A page number as printed: `3`, `- 3 -`, `Trang 3`. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$|^trang\s+\d{1,3}$/iu;

/**
 * The page without its page number: a bare number alone on the page's top or bottom line, set apart from
 * the text by more than a line's gap, as the text layer's reader drops it. Left in, it would open the
 * paragraph the page turn cut (`3` + `cách hành chính`) and be read as that paragraph's first figure.
 */
function dropPageNumber(lines: Line[]): Line[] {
  if (lines.length < 2) return lines;
  const byTop = [...lines].sort((a, b) => a.top - b.top);
  const drop = new Set<Line>();
  for (const [edge, next] of [
    [byTop[0]!, byTop[1]!],
    [byTop.at(-1)!, byTop.at(-2)!],
  ] as const) {
    if (!PAGE_NUMBER.test(edge.words.map((w) => w.text).join(' '))) continue;
    const gap = edge.top < next.top ? next.top - edge.bottom : edge.top - next.bottom;
    if (gap > 1.2 * Math.max(edge.height, next.height)) drop.add(edge);
  }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

const isCaps = (l: Line): boolean => {
  const letters = l.words
    .map((w) => w.text)
    .join('')
    .replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
};

/**
 * Where Tesseract runs two paragraphs into one, a line still shows it starts one: it is indented past the
 * line before (a first-line indent, a list item's dash), or a heading in capitals ends or starts there.
 */
function startsParagraph(line: Line, prev: Line | null): boolean {
  if (!prev) return false;
  if (line.words[0]!.box[0] - prev.words[0]!.box[0] > 1.5 * Math.max(line.height, prev.height)) return true;
  return isCaps(prev) !== isCaps(line);
}

/**
 * The words of the flow that carry the page's footnote marks, in reading order, each with the number of
 * its body: glued mark characters, after dropping quotes that close an opening one, numbered in order when
 * there are exactly as many as the page has bodies (a closing quote of a title is also a quote). Else only
 * a mark read as its own digit (`bản!` for `bản¹`: a raised 1 is often read as `!`) names its body, when
 * the page has a body of that number and the marks so read keep the bodies' order.
 */
function marksOf(lines: readonly Line[], numbers: readonly number[]): Map<OcrWord, [string, string, number]> {
  if (numbers.length === 0) return new Map();
  const found = new Map<OcrWord, [string, string, string]>();
  let open = false;
  // the paragraph's parentheses still open: a `)` glued to a word that closes none is a mark misread
  let depth = 0;
  let para = '';
  for (const l of lines) {
    const key = l.key.slice(0, l.key.lastIndexOf('.'));
    if (key !== para) {
      para = key;
      depth = 0;
    }
    for (const w of l.words) {
      if (w.text.includes('\u201c')) open = true;
      const m = GLUED_MARK.exec(w.text);
      const closesQuote: boolean = open && m !== null && /[\u201d\u0022]/u.test(m[2]!);
      if (w.text.includes('\u201d')) open = false;
      const opens = (w.text.match(/\(/g) ?? []).length;
      const closes = (w.text.match(/\)/g) ?? []).length;
      const stray = depth + opens === 0 ? STRAY_CLOSE.exec(w.text) : null;
      depth = Math.max(0, depth + opens - closes);
      if (closesQuote) {
        open = false;
        continue;
      }
      // a number's own digits are not a mark: only digits glued to a letter are (`tấn12`)
      // and a lone letter before a mark is a word OCR could not read (`k"`), not a word with its mark
      if (m && m[1]!.length >= 2 && (!/^\d+$/.test(m[2]!) || /\p{L}$/u.test(m[1]!))) found.set(w, [m[1]!, m[3]!, m[2]!]);
      else if (stray) found.set(w, [stray[1]!, stray[2]!, ')']);
    }
  }
  const out = new Map<OcrWord, [string, string, number]>();
  if (found.size === numbers.length) {
    let i = 0;
    for (const [w, [before, after]] of found) out.set(w, [before, after, numbers[i++]!]);
    return out;
  }
  let last = 0;
  for (const [w, [before, after, glyph]] of found) {
    const read = /^\d{1,2}$/.test(glyph) ? Number(glyph) : (MARK_DIGIT[glyph] ?? null);
    if (read === null || !numbers.includes(read) || read <= last) continue;
    out.set(w, [before, after, read]);
    last = read;
  }
  return out;
}

/** A raised digit as OCR reads it when it does not read it as a digit. */
const MARK_DIGIT: Readonly<Record<string, number>> = { '!': 1, '\u00b9': 1, '\u00b2': 2, '\u00b3': 3 };

/** A closing parenthesis glued to a word (`dùng).`), which a raised `⁽⁴⁾` is often read as. */
const STRAY_CLOSE = /^(.*\p{Ll}{2})\)([.,;:]*)$/u;

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // one thread per Tesseract: the worker pool runs one per core already, and its OpenMP threads would fight them
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', killSignal: 'SIGKILL', env }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.code === 'ENOENT') reject(new Error(`${cmd} is not installed`));
        else if (e.killed) reject(new Error(`${cmd} took longer than ${timeoutMs} ms: stopped`));
        else reject(new Error(`${cmd} failed: ${(stderr || e.message).split('\n')[0]}`));
      } else resolve(stdout);
    });
  });
}

let available: Promise<string | null> | undefined;

/** Null when Tesseract with the Vietnamese model and pdftoppm are installed, else what is missing and how to install it. */
export function ocrUnavailable(lang = DEFAULT_OCR.lang): Promise<string | null> {
  available ??= (async () => {
    try {
      const langs = await run('tesseract', ['--list-langs'], 10_000);
      if (!langs.split(/\s+/).includes(lang)) return `Tesseract has no "${lang}" model: apt-get install tesseract-ocr-${lang}`;
    } catch {
      return 'Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-vie';
    }
    try {
      await run('pdftoppm', ['-v'], 10_000);
    } catch (err) {
      if (/not installed/.test(String(err))) return 'pdftoppm is not installed: apt-get install poppler-utils';
    }
    return null;
  })();
  return available;
}

export interface OcrResult {
  blocks: Block[];
  messages: ReadMessage[];
  /** pages read, and how many words on them Tesseract was unsure of */
  pages: number;
  words: number;
  lowConfidenceWords: number;
  /** pages OCR could not read, each with why */
  failed: string[];
}

/**
 * OCRs the given pages (1-based) of a PDF, one page at a time so memory stays one page image. A page
 * that fails is reported and skipped (the caller refuses a file left with no text, with the reason).
 */
export async function ocrPdfPages(file: string, pages: readonly number[], firstIndex: number, opts: Partial<OcrOptions> = {}): Promise<OcrResult> {
  const o = { ...DEFAULT_OCR, ...opts };
  const missing = await ocrUnavailable(o.lang);
  if (missing) throw new ReadError(file, `no text layer: needs OCR, and ${missing}`);
  const dir = await mkdtemp(join(tmpdir(), 'baocao-ocr-'));
  const result: OcrResult = { blocks: [], messages: [], pages: 0, words: 0, lowConfidenceWords: 0, failed: [] };
  const failed = result.failed;
  const state: PageState = { nextFootnote: 1 };
  try {
    for (const p of pages) {
      try {
        const prefix = join(dir, `p${p}`);
        await run('pdftoppm', ['-r', String(o.dpi), '-f', String(p), '-l', String(p), '-gray', '-png', file, prefix], o.timeoutMs);
        const image = (await readdir(dir)).find((n) => n.startsWith(`p${p}-`) || n === `p${p}.png`);
        if (!image) throw new Error('the rasterizer wrote no image');
        const tsv = await run('tesseract', [join(dir, image), 'stdout', '-l', o.lang, '--psm', '3', 'tsv'], o.timeoutMs);
        await rm(join(dir, image), { force: true });
        const words = parseTsv(tsv);
        result.pages++;
        result.words += words.length;
        result.lowConfidenceWords += words.filter((w) => w.conf < LOW_CONFIDENCE).length;
        result.blocks.push(...blocksOfPage(words, p, o.dpi, firstIndex + result.blocks.length, state));
        for (const listen of ocrListeners) listen({ file, page: p, done: result.pages, total: pages.length });
      } catch (err) {
        failed.push(`page ${p}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (failed.length) {
    result.messages.push({
      type: 'warning',
      stage: 'read',
      ruleId: 'read:ocr-page-failed',
      message: `OCR failed on ${failed.length} page(s): ${failed.join('; ')}`,
    });
  }
  result.messages.push({
    type: 'info',
    stage: 'read',
    ruleId: 'read:ocr',
    message: `${result.pages} page(s) read by OCR (Tesseract, ${o.lang}, ${o.dpi} dpi): ${result.words} words, ${result.lowConfidenceWords} below confidence ${LOW_CONFIDENCE}`,
  });
  return result;
}

/**
 * The text pages' blocks and the OCR pages' in page order (the flow first, footnote bodies after it, as
 * the PDF reader gives them), numbered again.
 */
export function mergeByPage(text: readonly Block[], ocr: readonly Block[]): Block[] {
  const flow = [...text.filter((b) => b.kind !== 'footnote'), ...ocr];
  // a stable sort: blocks of one page keep their order
  flow.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return [...flow, ...text.filter((b) => b.kind === 'footnote')].map((b, index) => ({ ...b, index }));
}
