import type { Block, DocumentModel } from '../schema/document.ts';
import { cleanText, isSpaceCode, numberToSuperscript, protectMarks } from './clean-text.ts';
import { toUnicodeAll } from './legacy-encoding.ts';
import type { ReadContext, Reader } from './reader.ts';
import { oneLine, ReadError } from './reader.ts';

/**
 * Reads DOCX through mammoth's HTML, because that is where mammoth keeps what its raw text drops:
 * footnote references and bodies, italic/bold runs, tables and superscript runs.
 *
 * The model it yields matches the text reader's, so later stages cannot tell the formats apart:
 * - one block per Word paragraph, in reading order; each table row one `table-row` block with `cells`
 *   (a merged cell's text repeated in every column and row it spans, so columns stay aligned);
 * - a footnote (or endnote) reference becomes its displayed number in Unicode superscript digits right where
 *   the mark sat (`4.623,3ha¹`); each paragraph of its body becomes a `footnote` block numbered the same,
 *   after the flow blocks; `footnotesLinked` is true;
 * - italic runs are wrapped in `*…*` as the text seeds write topic labels, and italic or bold runs are
 *   recorded as `emphasis` ranges (the text inside the asterisks);
 * - other superscript digits (`m<sup>2</sup>`, marks typed by hand) become superscript characters too.
 */
export const readDocx: Reader = async (ctx: ReadContext): Promise<DocumentModel> => {
  const bytes = ctx.bytes;
  if (bytes.length === 0) throw new ReadError(ctx.file, 'empty file (0 bytes)');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReadError(ctx.file, 'not a DOCX: not a ZIP container');

  const mammoth = await loadMammoth();
  let html: string;
  const messages: DocumentModel['messages'] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images carry no numbers we read; base64-encoding them costs time and memory for nothing.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // A DOCX can link external files; a batch reader must never follow them.
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
    const warnings = result.messages.filter((m) => m.type === 'warning' || m.type === 'error');
    if (warnings.length > 0) {
      const distinct = [...new Set(warnings.map((m) => m.message))];
      messages.push({
        type: 'info',
        stage: 'read',
        ruleId: 'read:mammoth',
        message: `mammoth: ${distinct.slice(0, 5).join('; ')}${distinct.length > 5 ? ` (+${distinct.length - 5} more)` : ''}`,
      });
    }
  } catch (err) {
    throw new ReadError(ctx.file, `damaged DOCX: ${oneLine(err, 160)}`);
  }

  const built = new DocxWalker().walk(parseHtml(html));
  const blocks = finish(built, messages);
  if (blocks.length === 0) throw new ReadError(ctx.file, 'empty: no text in the document');
  return { file: ctx.file, sha256: ctx.sha256, format: 'docx', blocks, footnotesLinked: true, messages };
};

type Mammoth = Awaited<ReturnType<typeof importMammoth>>;
const importMammoth = async () => (await import('mammoth')).default;
let mammothPromise: Promise<Mammoth> | undefined;

/** Kept once loaded: a repeated `import()` still costs a resolve through the loader's hooks per file. */
function loadMammoth(): Promise<Mammoth> {
  if (!mammothPromise) {
    mammothPromise = importMammoth();
    mammothPromise.catch(() => (mammothPromise = undefined));
  }
  return mammothPromise;
}

// ---------------------------------------------------------------------------------------------------
// A small HTML tree: mammoth writes well-formed, attribute-quoted HTML, so no general parser is needed.

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

const VOID = new Set(['br', 'img', 'hr']);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTR = /([^\s=/>]+)(?:="([^"]*)")?/g;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[e]!;
  });
}

export function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined || m[6] !== undefined) {
      top.children.push(decodeEntities(m[5] ?? m[6]!));
      continue;
    }
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      const at = stack.findLastIndex((e) => e.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? '');
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------
// Inline text with emphasis ranges

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
};
export const toSuperscript = (digits: string): string => [...digits].map((c) => SUPERSCRIPT[c] ?? c).join('');

class Line {
  text = '';
  emphasis: [number, number][] = [];
  /** where the last `*` closed: an italic run right after it reopens the same span instead of writing `**` */
  private closedAt = -1;

  append(s: string): void {
    this.text += s;
  }

  italic(render: (inner: Line) => void): void {
    const inner = new Line();
    render(inner);
    const lead = /^\s*/.exec(inner.text)![0].length;
    const trail = /\s*$/.exec(inner.text)![0].length;
    if (lead === inner.text.length) {
      this.text += inner.text;
      return;
    }
    const core = inner.text.slice(lead, inner.text.length - trail);
    this.text += inner.text.slice(0, lead);
    let start: number;
    if (lead === 0 && this.closedAt === this.text.length && this.text.endsWith('*')) {
      this.text = this.text.slice(0, -1);
      start = this.emphasis.pop()![0];
    } else {
      this.text += '*';
      start = this.text.length;
    }
    const base = this.text.length;
    for (const [s, e] of inner.emphasis) {
      if (e > lead && s < inner.text.length - trail)
        this.emphasis.push([base + Math.max(s, lead) - lead, base + Math.min(e, inner.text.length - trail) - lead]);
    }
    this.text += core;
    this.emphasis.push([start, this.text.length]);
    this.text += '*';
    this.closedAt = this.text.length;
    this.text += inner.text.slice(inner.text.length - trail);
  }

  bold(render: (inner: Line) => void): void {
    const start = this.text.length;
    render(this);
    const text = this.text.slice(start);
    const lead = /^\s*/.exec(text)![0].length;
    const trail = /\s*$/.exec(text)![0].length;
    if (lead < text.length) this.emphasis.push([start + lead, this.text.length - trail]);
  }
}

// ---------------------------------------------------------------------------------------------------

interface Built {
  flow: { kind: Block['kind']; line: Line; cells?: string[] }[];
  notes: { id: string; paras: Line[] }[];
  refs: Map<string, number>;
  numberedLists: number;
}

const NOTE_REF = /^#((?:foot|end)note-[^\s]+)$/;
const NOTE_BACK = /^#(?:foot|end)note-ref-/;
const NOTE_BODY = /^(?:foot|end)note-/;
const DECORATION = /^[\s()[\]]*$/;

class DocxWalker {
  private out: Built = { flow: [], notes: [], refs: new Map(), numberedLists: 0 };

  walk(root: El): Built {
    this.blocks(root.children, '');
    return this.out;
  }

  private blocks(nodes: Node[], prefix: string): void {
    let loose: Node[] = [];
    const flushLoose = () => {
      if (loose.some((n) => typeof n !== 'string' || n.trim())) this.paragraph(loose, 'paragraph', prefix);
      loose = [];
    };
    for (const node of nodes) {
      if (typeof node === 'string') {
        loose.push(node);
        continue;
      }
      switch (node.tag) {
        case 'p':
          flushLoose();
          this.paragraph(node.children, 'paragraph', prefix);
          break;
        case 'h1':
        case 'h2':
        case 'h3':
        case 'h4':
        case 'h5':
        case 'h6':
          flushLoose();
          this.paragraph(node.children, 'heading', prefix);
          break;
        case 'table':
          flushLoose();
          this.table(node);
          break;
        case 'ul':
        case 'ol':
          flushLoose();
          this.list(node);
          break;
        default:
          if (isBlockish(node)) {
            flushLoose();
            this.blocks(node.children, prefix);
          } else {
            loose.push(node);
          }
      }
    }
    flushLoose();
  }

  private list(list: El): void {
    const items = list.children.filter((c): c is El => typeof c !== 'string' && c.tag === 'li');
    if (items.length > 0 && items.every((li) => NOTE_BODY.test(li.attrs['id'] ?? ''))) {
      for (const li of items) this.note(li);
      return;
    }
    // Word's automatic numbers are not in mammoth's output; bullets are written `-` as typed reports do.
    if (list.tag === 'ol') this.out.numberedLists++;
    for (const li of items) this.blocks(li.children, list.tag === 'ul' ? '- ' : '');
  }

  private note(li: El): void {
    const paras: Line[] = [];
    const parts = li.children.some((c) => typeof c !== 'string' && c.tag === 'p') ? li.children : [{ tag: 'p', attrs: {}, children: li.children } as El];
    for (const p of parts) {
      if (typeof p === 'string') continue;
      const line = new Line();
      this.inline(p.children, line);
      paras.push(line);
    }
    this.out.notes.push({ id: li.attrs['id']!, paras });
  }

  private paragraph(children: Node[], kind: Block['kind'], prefix: string): void {
    const line = new Line();
    line.append(prefix);
    this.inline(children, line);
    this.out.flow.push({ kind, line });
  }

  private table(table: El): void {
    const rows: El[] = [];
    const collect = (el: El) => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') collect(c);
      }
    };
    collect(table);
    // Cells still covered by a rowspan from above, by column: repeated so every row has all its columns.
    const pending: ({ text: string; left: number } | undefined)[] = [];
    for (const tr of rows) {
      const cells: string[] = [];
      const take = () => {
        for (let p = pending[cells.length]; p && p.left > 0; p = pending[cells.length]) {
          p.left--;
          cells.push(p.text);
        }
      };
      for (const td of tr.children) {
        if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
        take();
        const text = this.cellText(td);
        const colspan = Math.max(1, Math.min(64, Number(td.attrs['colspan'] ?? 1) || 1));
        const rowspan = Math.max(1, Math.min(10_000, Number(td.attrs['rowspan'] ?? 1) || 1));
        for (let k = 0; k < colspan; k++) {
          if (rowspan > 1) pending[cells.length] = { text, left: rowspan - 1 };
          cells.push(text);
        }
      }
      take();
      if (cells.some((c) => c.trim())) {
        const line = new Line();
        line.append(cells.join(' | '));
        this.out.flow.push({ kind: 'table-row', line, cells });
      }
    }
  }

  /** A cell's paragraphs (and any nested table) as one line: the model has one text per cell. */
  private cellText(td: El): string {
    const parts: string[] = [];
    const visit = (nodes: Node[]) => {
      let loose: Node[] = [];
      const flush = () => {
        if (loose.length === 0) return;
        const line = new Line();
        this.inline(loose, line);
        parts.push(line.text);
        loose = [];
      };
      for (const n of nodes) {
        if (typeof n !== 'string' && (isBlockish(n) || n.tag === 'p' || /^h[1-6]$/.test(n.tag))) {
          flush();
          if (n.tag === 'p' || /^h[1-6]$/.test(n.tag)) {
            const line = new Line();
            this.inline(n.children, line);
            parts.push(line.text);
          } else {
            visit(n.children);
          }
        } else {
          loose.push(n);
        }
      }
      flush();
    };
    visit(td.children);
    // `9,49/` over `9,5` in one cell is one ratio: keep it one token for the quantity grammar.
    return parts
      .map((p) => p.trim())
      .filter(Boolean)
      .reduce((acc, p) => (acc === '' ? p : acc.endsWith('/') || p.startsWith('/') ? acc + p : `${acc} ${p}`), '');
  }

  private inline(nodes: Node[], line: Line): void {
    for (const node of nodes) {
      if (typeof node === 'string') {
        line.append(node);
        continue;
      }
      switch (node.tag) {
        case 'em':
          line.italic((inner) => this.inline(node.children, inner));
          break;
        case 'strong':
          line.bold((inner) => this.inline(node.children, inner));
          break;
        case 'sup':
          this.sup(node, line);
          break;
        case 'a': {
          const href = node.attrs['href'] ?? '';
          if (NOTE_BACK.test(href)) break;
          const ref = NOTE_REF.exec(href);
          if (ref) {
            this.noteRef(ref[1]!, node, line);
            break;
          }
          this.inline(node.children, line);
          break;
        }
        case 'br':
          line.append(' ');
          break;
        case 'img':
          break;
        default:
          if (isBlockish(node)) {
            line.append(' ');
            this.inline(node.children, line);
            line.append(' ');
          } else {
            this.inline(node.children, line);
          }
      }
    }
  }

  private noteRef(id: string, a: El, line: Line): void {
    const shown = /\d+/.exec(plainText(a));
    const n = shown ? Number(shown[0]) : this.out.refs.size + 1;
    if (!this.out.refs.has(id)) this.out.refs.set(id, n);
    line.append(protectMarks(numberToSuperscript(this.out.refs.get(id)!)));
  }

  private sup(sup: El, line: Line): void {
    const hasRef = (nodes: Node[]): boolean =>
      nodes.some((n) => typeof n !== 'string' && ((n.tag === 'a' && NOTE_REF.test(n.attrs['href'] ?? '')) || hasRef(n.children)));
    if (hasRef(sup.children)) {
      // Marks styled `(4)` put the brackets around the reference: the model writes marks as bare digits.
      this.inline(
        sup.children.map((c) => (typeof c === 'string' && DECORATION.test(c) ? c.replace(/[^\s]/g, '') : c)),
        line,
      );
      return;
    }
    const text = plainText(sup);
    // `<sup>()</sup>` is what is left of a `(4)` mark once mammoth drops the number (note bodies), or the
    // opening half of one split over two runs: decoration only.
    if (DECORATION.test(text)) {
      if (/\s/.test(text)) line.append(' ');
      return;
    }
    // Raised digits typed by hand are footnote marks or unit powers either way; the text seeds write both
    // as superscript characters, so do the same. Anything else raised keeps its letters.
    if (/^[0-9+\-=()]+$/.test(text.trim())) line.append(protectMarks(toSuperscript(text.trim())));
    else this.inline(sup.children, line);
  }
}

function isBlockish(el: El): boolean {
  return ['div', 'section', 'article', 'blockquote', 'table', 'ul', 'ol', 'li', 'p', 'hr'].includes(el.tag) || /^h[1-6]$/.test(el.tag);
}

function plainText(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : plainText(c))).join('');
}

// ---------------------------------------------------------------------------------------------------

/** `\s` and the odd spaces of Word exports (U+200B is no `\s`): what a reader of the page sees as one space. */
const SPACE_RUN = /[\s\u200b]+/g;
/** Whether SPACE_RUN and trimming would change a text: a space that is not a lone inner U+0020. */
const UNTIDY = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** Collapses whitespace the way a reader of the page sees it, moving emphasis offsets along. */
function tidy(line: Line): { text: string; emphasis: [number, number][] } {
  const raw = line.text;
  // Every whitespace character is in SPACE_RUN, so after collapsing, trim() removes exactly the one
  // space a leading or trailing run left. Most lines have nothing to collapse: one test finds that.
  const out = UNTIDY.test(raw) ? raw.replace(SPACE_RUN, ' ').trim() : raw;
  // cleanText is NFC plus odd spaces made plain; no odd space is left here, and NFC makes none.
  const text = out.normalize('NFC');
  const emphasis: [number, number][] = [];
  // NFC can shorten text that came decomposed; offsets into it would then be wrong, so none are given.
  if (line.emphasis.length > 0 && text.length === out.length) {
    const map = offsetMap(raw);
    for (const [s, e] of line.emphasis) {
      const a = Math.min(map[s]!, text.length);
      const b = Math.min(map[e]!, text.length);
      if (b > a) emphasis.push([a, b]);
    }
  }
  return { text, emphasis };
}

/**
 * Where each offset of `raw` lands in its collapsed text: a whitespace run's first character at the
 * space it became, its others just after that space; a leading run (which leaves no space) at 0.
 */
function offsetMap(raw: string): Int32Array {
  const map = new Int32Array(raw.length + 1);
  let outLen = 0;
  let inRun = false;
  for (let k = 0; k < raw.length; k++) {
    if (isSpace(raw.charCodeAt(k))) {
      map[k] = outLen;
      if (!inRun && outLen > 0) outLen++;
      inRun = true;
    } else {
      map[k] = outLen++;
      inRun = false;
    }
  }
  map[raw.length] = outLen;
  return map;
}

/** The characters of SPACE_RUN: JavaScript's `\s` and the zero-width space Word puts in. */
function isSpace(c: number): boolean {
  return isSpaceCode(c) || c === 0x200b;
}

function finish(built: Built, messages: DocumentModel['messages']): Block[] {
  const texts: { kind: Block['kind']; text: string; emphasis: [number, number][]; cells?: string[]; footnote?: number }[] = [];
  for (const f of built.flow) {
    const t = tidy(f.line);
    if (!t.text) continue;
    texts.push({ kind: f.kind, ...t, ...(f.cells ? { cells: f.cells.map((c) => tidy(lineOf(c)).text) } : {}) });
  }
  let unlinked = 0;
  for (const note of built.notes) {
    const n = built.refs.get(note.id);
    if (n === undefined) {
      unlinked++;
      continue;
    }
    for (const para of note.paras) {
      const t = tidy(para);
      if (t.text) texts.push({ kind: 'footnote', ...t, footnote: n });
    }
  }
  if (unlinked > 0)
    messages.push({
      type: 'warning',
      stage: 'read',
      ruleId: 'read:unlinked-footnotes',
      message: `${unlinked} footnote bodies have no reference mark in the text: dropped`,
    });
  if (built.numberedLists > 0) {
    messages.push({
      type: 'info',
      stage: 'read',
      ruleId: 'read:numbered-lists',
      message: `${built.numberedLists} automatically numbered lists: their numbers are not in the text`,
    });
  }

  // Legacy-font text is converted in one pass so detection sees the whole document, not one cell at a time.
  const strings: string[] = [];
  for (const t of texts) strings.push(t.text, ...(t.cells ?? []));
  const parts = toUnicodeAll(strings, messages);

  const blocks: Block[] = [];
  let k = 0;
  let offset = 0;
  for (const t of texts) {
    const text = cleanText(parts[k++]!);
    const cells = t.cells?.map(() => ({ text: cleanText(parts[k++]!) }));
    const block: Block = { index: blocks.length, kind: t.kind, text };
    if (cells) block.cells = cells;
    if (t.emphasis.length > 0 && text.length === t.text.length) block.emphasis = t.emphasis;
    if (t.footnote !== undefined) block.footnote = t.footnote;
    if (t.kind !== 'footnote') {
      block.sourceOffset = offset;
      offset += text.length + 1;
    }
    blocks.push(block);
  }
  return blocks;
}

function lineOf(text: string): Line {
  const l = new Line();
  l.append(text);
  return l;
}
