import { fold, superscriptToNumber } from '../../extractors/clean-text.ts';
import { memoByString } from '../../extractors/memo.ts';
import type { Block, DocumentMetadata, DocumentModel } from '../../schema/document.ts';
import type { DocumentFile } from '../file.ts';
import { superscriptRuns } from './text-structure.ts';

/**
 * The segment stage: the outline (`A.`, `I.`, `1.`, `1.1.`, `1.1.1.`) gives every block its heading
 * path, and the header and footer give the document's metadata.
 */

interface HeadingRule {
  re: RegExp;
  level: number;
}

/** Outline numbering, from the outermost level in. Data, so a new style is one line. */
const HEADING_RULES: readonly HeadingRule[] = [
  { re: /^[A-HK]\.\s+\S/u, level: 1 },
  { re: /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\s+\S/u, level: 2 },
  { re: /^\d{1,2}\.\s+\S/u, level: 3 },
  { re: /^\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 4 },
  { re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 5 },
  { re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 6 },
];

const MAX_HEADING_LENGTH = 220;

export function headingLevel(text: string): number | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  let found: number | null = null;
  for (const rule of HEADING_RULES) if (rule.re.test(text)) found = rule.level;
  if (found === null) return null;
  // A numbered line that reads as a sentence with figures is an item, not a heading.
  if (/\d[.,]?\d*\s*(%|ha|tấn|tỷ|triệu|người)/u.test(text.replace(/^[\d.]+\s/, '')) && /[.;]$/.test(text)) return null;
  return found;
}

const DOC_TYPES = [
  'BÁO CÁO',
  'PHÁT ĐỘNG THI ĐUA',
  'KẾ HOẠCH',
  'TỜ TRÌNH',
  'QUYẾT ĐỊNH',
  'NGHỊ QUYẾT',
  'THÔNG BÁO',
  'CÔNG VĂN',
  'CHƯƠNG TRÌNH',
  'HƯỚNG DẪN',
  'ĐỀ ÁN',
];
const PLAN_TYPES = new Set(['PHÁT ĐỘNG THI ĐUA', 'KẾ HOẠCH', 'CHƯƠNG TRÌNH', 'NGHỊ QUYẾT', 'ĐỀ ÁN']);

export function isPlanType(type: string | null): boolean {
  return type !== null && PLAN_TYPES.has(type);
}

/**
 * The header block of a Vietnamese administrative document (Decree 30/2020): top left the issuer (its
 * parent body above it, sometimes), top right the national motto, then `Số: 45/BC-UBND` under the
 * issuer and `Hà Giang, ngày 05 tháng 3 năm 2024` under the motto. Readers hand it over as a two-cell
 * table row (DOCX), as PDF lines where both columns share a line, or as one line a piece.
 */

/** Blocks searched for the header: a PDF's text layer may put the title or a first paragraph before it. */
const HEADER_BLOCKS = 40;
/** Without a date line, the header is this many pieces at most. */
const HEADER_PIECES_UNDATED = 12;

const MOTTO = [/CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu, /ĐỘC\s+LẬP\s*[-–—‒−]\s*TỰ\s+DO\s*[-–—‒−]\s*HẠNH\s+PHÚC/giu];
/** `Số: 45/BC-UBND`, `Số:45/BC-UBND`, `Số 45/BC-UBND`, `Số: 12 /TTr-STC`, `Số: 15/2023/NĐ-CP`; a draft leaves the number blank. */
const NUMBER =
  /(?:^|(?<=[\s|(]))(?:Số|SỐ|số(?=\s*:))\s*:?\s*(?:[.…_]+\s*)?(\d+(?:\.\d+)*)?\s*\/\s*([\p{L}\d][\p{L}\p{M}\d.&-]*(?:\s*\/\s*[\p{L}\d][\p{L}\p{M}\d.&-]*)*)/u;
/** `Hà Giang, ngày 05 tháng 3 năm 2024`; the place is the capitalised words just before the comma. */
const DATE =
  /(?:^|(?<=[\s|(]))(\p{Lu}[\p{L}\p{M}]*\.?(?:(?:\s+|\s*[-–]\s*)\p{Lu}[\p{L}\p{M}]*\.?){0,5})\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
/** Marks set above the issuer that are not part of it. */
const STAMP = /^(?:DỰ\s+THẢO|BẢN\s+DỰ\s+THẢO|MẬT|TỐI\s+MẬT|TUYỆT\s+MẬT|KHẨN|THƯỢNG\s+KHẨN|HỎA\s+TỐC|HOẢ\s+TỐC)$/u;

/** Administrative levels as headers write them, with the level each names. */
const LEVELS: readonly { re: string; level: string }[] = [
  { re: 'THÀNH\\s+PHỐ|TP\\.?', level: 'thành phố' },
  { re: 'TỈNH', level: 'tỉnh' },
  { re: 'HUYỆN', level: 'huyện' },
  { re: 'THỊ\\s+XÃ', level: 'thị xã' },
  { re: 'QUẬN', level: 'quận' },
  { re: 'THỊ\\s+TRẤN', level: 'thị trấn' },
  { re: 'PHƯỜNG', level: 'phường' },
  { re: 'ĐẶC\\s+KHU', level: 'đặc khu' },
  { re: 'XÃ', level: 'xã' },
];
/** Words that begin an organisation's name: an administrative name ends before them. */
const ORG_HEADS =
  'SỞ|BAN|HỘI\\s+ĐỒNG|ỦY\\s+BAN|UỶ\\s+BAN|UBND|HĐND|TỔNG\\s+CỤC|CHI\\s+CỤC|CỤC|PHÒNG|VĂN\\s+PHÒNG|CÔNG\\s+AN|BỘ\\s+CHỈ\\s+HUY|TRUNG\\s+TÂM|THANH\\s+TRA|KHO\\s+BẠC|BẢO\\s+HIỂM|ĐOÀN|TỔ|TRƯỜNG|BỆNH\\s+VIỆN|ĐÀI|CHI\\s+NHÁNH|ĐẢNG\\s+ỦY|ĐẢNG\\s+UỶ|MẶT\\s+TRẬN|HỘI';
const LEVEL_RE = LEVELS.map((l) => l.re).join('|');
/** An uppercase word of a place name (not an organisation head), words split by spaces only: a line break ends the name. */
const NAME_WORD = `(?!(?:${ORG_HEADS}|${LEVEL_RE})(?![\\p{L}\\p{M}]))[\\p{Lu}\\d][\\p{Lu}\\p{M}\\d'.-]*`;
/** `TỈNH HÀ GIANG`, `HUYỆN BẢN XEO` inside an issuer. */
const ADMIN_UNIT = new RegExp(
  `(?<![\\p{L}\\p{M}])(${LEVEL_RE})[ \\t]+([\\p{Lu}\\d][\\p{Lu}\\p{M}\\d'.-]*(?:[ \\t]+${NAME_WORD}){0,3})(?![\\p{L}\\p{M}])`,
  'gu',
);
/** The people's committee or council an issuer begins with. */
const COUNCIL = /^(ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)(?![\p{L}\p{M}])\s*/u;
/** Abbreviations kept in capitals when an issuer is written in sentence case. */
const ACRONYM =
  /^(?:UBND|HĐND|MTTQ|BCĐ|BQL|CCHC|TP\.?|[IVX]+|[\p{Lu}\d]*\d[\p{Lu}\d]*|[^AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]+)$/u;

/** One piece of the header as a reader gives it: a paragraph or PDF line, or one cell of a table row. */
interface HeaderPiece {
  text: string;
  /** the cell's column in a table row; 0 for a paragraph */
  column: number;
  /** how many cells its row has; 1 for a paragraph */
  cells: number;
  /** the block it came from */
  block: number;
}

function headerPieces(blocks: readonly Block[]): HeaderPiece[] {
  const pieces: HeaderPiece[] = [];
  for (const b of blocks.slice(0, HEADER_BLOCKS)) {
    if (b.kind === 'footnote') continue;
    const cells = b.kind === 'table-row' && b.cells && b.cells.length > 0 ? b.cells.map((c) => c.text) : [b.text];
    const filled = cells.filter((c) => c.trim() !== '').length;
    for (const [column, text] of cells.entries()) {
      const clean = text
        .replace(/\*/g, '')
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim();
      if (clean !== '') pieces.push({ text: clean, column, cells: filled, block: b.index });
    }
  }
  return pieces;
}

function withoutMotto(text: string): string {
  return MOTTO.reduce((t, re) => t.replace(re, ' '), text);
}

/**
 * The `Số: …` line in a piece (the motto taken out): at its start, or after the issuer's capitals when a
 * reader joined the issuer cell's lines. A number quoted in a sentence is not the document's.
 */
function numberIn(text: string): { at: number; end: number; digits: string | undefined; code: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const before = trimRules(text.slice(0, m.index));
  if (before !== '' && !isIssuerLine(before)) return null;
  return { at: m.index, end: m.index + m[0].length, digits: m[1], code: m[2]! };
}

/** The `…, ngày … tháng … năm …` line in a piece (the motto taken out): at its start, after the number, or after the issuer. */
function dateIn(text: string): { at: number; place: string; day: string | undefined; month: string; year: string } | null {
  const from = numberIn(text)?.end ?? 0;
  const m = DATE.exec(text.slice(from));
  if (!m) return null;
  const before = trimRules(text.slice(from, from + m.index));
  if (before !== '' && !isIssuerLine(before)) return null;
  return { at: from + m.index, place: m[1]!, day: m[2], month: m[3]!, year: m[4]! };
}

function hasMotto(text: string): boolean {
  return MOTTO.some((re) => {
    re.lastIndex = 0;
    const found = re.test(text);
    re.lastIndex = 0;
    return found;
  });
}

/** A line of the issuer block: in capitals (a few lowercase letters allowed), not a stamp or a document type. */
function isIssuerLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 2 || text.length > 200) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  const bare = text.replace(/[,.;:]+$/u, '').trim();
  return upper / letters.length >= 0.8 && !STAMP.test(bare) && !DOC_TYPES.includes(bare);
}

const trimRules = (s: string) => s.replace(/^[\s_\-–—=.,:;|]+|[\s_\-–—=.:;|]+$/gu, '').trim();

interface HeaderReading {
  number: string | null;
  /** the issuer block's lines, top down */
  issuerLines: string[];
  place: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
  /** whether the piece list holds a report header at all (motto, number or date line) */
  found: boolean;
}

function readHeader(pieces: readonly HeaderPiece[]): HeaderReading {
  const datedAt = pieces.findIndex((p) => dateIn(withoutMotto(p.text)) !== null);
  const zone = datedAt >= 0 ? pieces.slice(0, datedAt + 1) : pieces.slice(0, HEADER_PIECES_UNDATED);
  const out: HeaderReading = { number: null, issuerLines: [], place: null, day: null, month: null, year: null, found: false };
  let numbered = false;
  for (const p of zone) {
    const n = numberIn(withoutMotto(p.text));
    if (!n) continue;
    numbered = true;
    // A draft leaves the number blank (`Số: /UBND-NV`): no number, not a wrong one.
    if (n.digits) out.number = `${n.digits.replace(/\./g, '')}/${n.code.replace(/\s+/g, '')}`;
    break;
  }
  const date = datedAt >= 0 ? dateIn(withoutMotto(pieces[datedAt]!.text)) : null;
  if (date) {
    out.place = date.place.replace(/\s+/g, ' ').trim();
    out.day = date.day ? Number(date.day) : null;
    out.month = Number(date.month);
    out.year = Number(date.year);
  }
  const motto = zone.some((p) => hasMotto(p.text));
  out.found = motto || numbered || date !== null;
  if (!out.found) return out;
  // The issuer: the run of capitals in the left column that ends at the motto, the number or the date.
  let run: HeaderPiece[] = [];
  let mottoSeen = false;
  let closed = false;
  for (const p of zone) {
    const had = hasMotto(p.text);
    const text = withoutMotto(p.text);
    const cutAt = Math.min(...[numberIn(text)?.at, dateIn(text)?.at].filter((i): i is number => i !== undefined), text.length);
    const part = trimRules(text.slice(0, cutAt).replace(/\s+/g, ' '));
    if (p.column === 0) {
      const last = run.at(-1);
      if (part !== '' && isIssuerLine(part)) {
        // past the header table, a row of one cell is the title; past a line of the motto alone, the block is over
        if (closed || (mottoSeen && last !== undefined && last.cells > 1 && p.cells === 1)) break;
        run.push({ ...p, text: part });
      } else if (part !== '') {
        if (mottoSeen && run.length > 0) break;
        // body text before the header (a PDF's text layer may put it first)
        run = [];
      } else if (had && last !== undefined && p.cells === 1) closed = true;
    }
    if (had) mottoSeen = true;
    if (cutAt < text.length) break;
  }
  out.issuerLines = run.map((p) => p.text);
  return out;
}

/** `HÀ GIANG` → `Hà Giang` */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** An issuer written in capitals, in sentence case: place names after their level title-cased, abbreviations kept. */
function sentenceCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  const units: { start: number; end: number; level: string; name: string }[] = [];
  for (const m of text.matchAll(ADMIN_UNIT)) units.push({ start: m.index, end: m.index + m[0].length, level: levelOf(m[1]!), name: m[2]! });
  let out = '';
  let at = 0;
  const plain = (s: string) =>
    s
      .split(/(\s+)/)
      .map((w) => (ACRONYM.test(w.replace(/[,.;:()]+$/u, '')) ? w : w.toLowerCase()))
      .join('');
  for (const u of units) {
    out += `${plain(text.slice(at, u.start))}${u.level} ${titleCase(u.name)}`;
    at = u.end;
  }
  out += plain(text.slice(at));
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function levelOf(written: string): string {
  const w = written.replace(/\s+/g, ' ').toUpperCase();
  return LEVELS.find((l) => new RegExp(`^(?:${l.re})$`, 'u').test(w))?.level ?? written.toLowerCase();
}

interface Issuer {
  /** `UBND tỉnh Hà Giang`, `Sở tài chính tỉnh Hà Giang` */
  name: string;
  /** the administrative units it names, top down: `[{ level: 'tỉnh', name: 'Hà Giang' }]` */
  units: { level: string; name: string }[];
}

/**
 * The issuer from the header's lines. A parent committee above the issuing body (`UBND TỈNH HÀ GIANG` over
 * `SỞ TÀI CHÍNH`) gives the body its place: `Sở tài chính tỉnh Hà Giang`. The same name comes out whether the
 * reader kept the line break (PDF) or joined the lines of a table cell (DOCX).
 */
function issuerOf(lines: readonly string[]): Issuer | null {
  if (lines.length === 0) return null;
  const text = lines.join('\n');
  const units = [...text.matchAll(ADMIN_UNIT)].map((m) => ({ level: levelOf(m[1]!), name: titleCase(m[2]!.replace(/\s+/g, ' ')) }));
  const council = COUNCIL.exec(text);
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (council) {
    const short = /H(?:ĐND|ỘI)/u.test(council[1]!) ? 'HĐND' : 'UBND';
    const rest = text.slice(council[0].length);
    const unit = new RegExp(`^(${LEVEL_RE})[ \\t\\n]+([\\p{Lu}\\d][\\p{Lu}\\p{M}\\d'.-]*(?:[ \\t]+${NAME_WORD}){0,3})(?![\\p{L}\\p{M}])`, 'u').exec(rest);
    if (unit) {
      const parent = `${short} ${levelOf(unit[1]!)} ${titleCase(unit[2]!.replace(/\s+/g, ' '))}`;
      const body = trimRules(flat(rest.slice(unit[0].length)));
      if (body === '' || !/\p{L}{2}/u.test(body)) return { name: parent, units };
      return { name: placed(sentenceCase(body), levelOf(unit[1]!), titleCase(unit[2]!.replace(/\s+/g, ' '))), units };
    }
  }
  // No committee above: the issuing body is the last line that begins an organisation (`TỔNG CHI CỤC THỐNG KÊ`
  // over `CHI CỤC THỐNG KÊ TỈNH HÀ GIANG`); a body's name that runs over lines stays whole.
  const heads = new RegExp(`^(?:${ORG_HEADS})(?![\\p{L}\\p{M}])`, 'u');
  const k = lines.findLastIndex((l, i) => i > 0 && heads.test(l) && heads.test(lines[0]!));
  return { name: sentenceCase(flat(k > 0 ? lines.slice(k).join(' ') : text)), units };
}

/** A body under its committee, placed: `Sở tài chính` + tỉnh Hà Giang → `Sở tài chính tỉnh Hà Giang`; `… hành chính tỉnh` → `… hành chính tỉnh Hà Giang`. */
function placed(body: string, level: string, name: string): string {
  if (body.includes(name)) return body;
  return body.toLowerCase().endsWith(` ${level}`) ? `${body} ${name}` : `${body} ${level} ${name}`;
}

/** The body's own mention of a committee or council, kept only when it names the header's place. */
const BODY_ISSUER =
  /(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|HĐND|Hội đồng nhân dân)\s+(huyện|tỉnh|thành phố|thị xã|xã|quận|phường|thị trấn)\s+((?:\p{Lu}[\p{Ll}\p{M}]*\s?){1,4})/gu;

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * Whether the first blocks hold a report's header: the national motto, a `Số: …` line or a `…, ngày …
 * tháng … năm …` line. A note beside the reports (a README, a markdown list of sources) has none.
 */
export function hasReportHeader(blocks: readonly Block[]): boolean {
  return readHeader(headerPieces(blocks)).found;
}

export function readMetadata(blocks: readonly Block[]): DocumentMetadata {
  const meta: DocumentMetadata = {
    number: null,
    issuer: null,
    place: null,
    date: null,
    month: null,
    type: null,
    title: null,
    reportYear: null,
    planYear: null,
    area: null,
    province: null,
  };
  const header = readHeader(headerPieces(blocks));
  meta.number = header.number;
  meta.place = header.place;
  const dateYear = header.year;
  if (header.year !== null && header.month !== null) {
    meta.month = header.month;
    const ym = `${header.year}-${String(header.month).padStart(2, '0')}`;
    meta.date = header.day !== null ? `${ym}-${String(header.day).padStart(2, '0')}` : ym;
  }
  const head = blocks.slice(0, HEADER_BLOCKS);
  for (const [i, b] of head.entries()) {
    if (meta.type !== null) break;
    const bare = b.text.replace(/\*/g, '').trim();
    const upper = bare.toUpperCase();
    const type = DOC_TYPES.find((t) => upper === t || upper === `${t}:`);
    if (type && !bare.endsWith(':')) {
      meta.type = type;
      meta.title = titleAfter(head, i + 1);
      continue;
    }
    // a PDF line may carry the type and the title's first words: `BÁO CÁO Công tác cải cách hành chính …`
    const lead = DOC_TYPES.find((t) => bare.startsWith(`${t} `) && /^\p{Lu}\p{Ll}/u.test(bare.slice(t.length + 1)));
    if (lead) {
      meta.type = lead;
      meta.title = bare.slice(lead.length + 1);
    }
  }
  const issuer = issuerOf(header.issuerLines);
  if (issuer) {
    meta.issuer = issuer.name;
    const lowest = issuer.units.at(-1);
    if (lowest) meta.area = `${lowest.level} ${lowest.name}`;
    meta.province = issuer.units.find((u) => u.level === 'tỉnh')?.name ?? null;
  } else if (meta.place) {
    // No issuer block (a text export): the body's committee of the header's own place.
    const all = blocks.map((b) => b.text).join('\n');
    const named = mostFrequent([...all.matchAll(BODY_ISSUER)].map((m) => `${m[1]} ${m[2]?.trim()}`).filter((s) => s.endsWith(` ${meta.place}`)));
    if (named) {
      meta.issuer = `UBND ${named}`;
      meta.area = named;
    } else {
      const level = new RegExp(`(huyện|tỉnh|thành phố|thị xã|quận)\\s+${escapeRe(meta.place)}(?![\\p{L}\\p{M}])`, 'u').exec(all)?.[1];
      meta.area = level ? `${level} ${meta.place}` : meta.place;
      if (level && /ỦY BAN NHÂN DÂN|UBND/u.test(all)) meta.issuer = `UBND ${level} ${meta.place}`;
    }
    if (meta.area.startsWith('tỉnh ')) meta.province = meta.place;
  }
  // `năm 2025`, and the year of a month or quarter the title names (`tháng 3/2026`, `quý I/2026`)
  const titleYears = [...(meta.title ?? '').matchAll(/năm\s+(\d{4})|(?:tháng|quý)\s+(?:\d{1,2}|[IV]{1,3})\s*\/\s*(\d{4})/giu)].map((m) => Number(m[1] ?? m[2]));
  if (titleYears.length > 0) {
    meta.reportYear = titleYears[0]!;
    if (titleYears.length > 1) meta.planYear = titleYears.at(-1)!;
  }
  if (meta.reportYear === null && dateYear !== null) meta.reportYear = meta.month !== null && meta.month <= 3 ? dateYear - 1 : dateYear;
  if (meta.planYear === null && isPlanType(meta.type) && dateYear !== null) {
    // A plan issued late in the year is for the next one.
    meta.planYear = meta.month !== null && meta.month >= 9 ? dateYear + 1 : dateYear;
  }
  if (meta.planYear === null && meta.reportYear !== null && /kế hoạch/iu.test(meta.title ?? '')) meta.planYear = meta.reportYear + 1;
  return meta;
}

/** Lines a title may run over (a DOCX title is often a paragraph a line). */
const TITLE_LINES = 3;

/**
 * The title after the type line: its first line, and the next while the title reads as unfinished (it ends
 * on a comma or a joining word) or the next line goes on in lowercase, as a PDF gives it on one line.
 */
function titleAfter(head: readonly Block[], from: number): string | null {
  const first = head[from];
  if (first?.kind !== 'paragraph') return first?.text ?? null;
  let title = first.text.replace(/\*/g, '').trim();
  for (const b of head.slice(from + 1, from + TITLE_LINES)) {
    const text = b.text.replace(/\*/g, '').trim();
    if (b.kind !== 'paragraph' || text === '' || text.length > 200 || headingLevel(text) !== null) break;
    const unfinished = /(?:[,–-]|\s(?:và|của|về|năm|trong|tại|cho|đối với|giai đoạn))$/u.test(title);
    if (!unfinished && !/^\p{Ll}/u.test(text)) break;
    title = `${title} ${text}`;
  }
  return title;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Gives every block its heading path, marks headings, and reads the metadata. It has nothing to report
 * today, but takes the document's context like every stage.
 */
export function segment(doc: DocumentModel, _file: DocumentFile): DocumentModel {
  const stack: { level: number; text: string }[] = [];
  const blocks = doc.blocks.map((b) => {
    if (b.kind === 'footnote' || b.kind === 'table-row') return { ...b, headingPath: stack.map((s) => s.text) };
    const level = headingLevel(b.text);
    if (level !== null) {
      while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
      stack.push({ level, text: b.text });
      return { ...b, kind: 'heading' as const, headingPath: stack.map((s) => s.text) };
    }
    // a heading style on a passage of running text (no outline number, longer than any heading) is the
    // author's formatting, not the outline: its figures are read like any paragraph's
    if (b.kind === 'heading' && b.text.length > MAX_HEADING_LENGTH) return { ...b, kind: 'paragraph' as const, headingPath: stack.map((s) => s.text) };
    return { ...b, headingPath: stack.map((s) => s.text) };
  });
  // A footnote body belongs to the section of the sentence that carries its mark, not to wherever the
  // reader put it (the end of the document).
  const markPath = new Map<number, string[]>();
  for (const b of blocks) {
    if (b.kind === 'footnote' || !b.headingPath) continue;
    for (const m of superscriptRuns(b.text)) {
      const n = superscriptToNumber(m.text);
      if (!markPath.has(n)) markPath.set(n, b.headingPath);
    }
  }
  const placed = blocks.map((b) =>
    b.kind === 'footnote' && b.footnote !== undefined && markPath.has(b.footnote) ? { ...b, headingPath: markPath.get(b.footnote)! } : b,
  );
  const metadata = { ...readMetadata(placed), ...definedOnly(doc.metadata) };
  return { ...doc, blocks: placed, metadata };
}

function definedOnly(meta: DocumentMetadata | undefined): Partial<DocumentMetadata> {
  if (!meta) return {};
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null)) as Partial<DocumentMetadata>;
}

export type SectionMode = 'report' | 'plan';

/** Reports of one kind share their headings: fold each heading once per worker (bounded). */
const foldedHeading = memoByString(fold, 5_000);

/** Whether a heading path is about results or about the plan, and for which year. */
export function sectionOf(path: readonly string[], meta: DocumentMetadata): { mode: SectionMode; year: number | null } {
  for (let i = path.length - 1; i >= 0; i--) {
    const h = foldedHeading(path[i]!);
    const year = /nam (\d{4})/.exec(h)?.[1];
    if (/ket qua|tinh hinh thuc hien|danh gia/.test(h)) return { mode: 'report', year: year ? Number(year) : meta.reportYear };
    if (/ke hoach|phuong huong|nhiem vu|muc tieu|chi tieu/.test(h) && (year || i === 0)) {
      return { mode: 'plan', year: year ? Number(year) : meta.planYear };
    }
  }
  // A plan's opening paragraphs, before any heading, look back on the year that ends.
  if (isPlanType(meta.type)) return path.length > 0 ? { mode: 'plan', year: meta.planYear } : { mode: 'report', year: meta.reportYear };
  return { mode: 'report', year: meta.reportYear };
}
