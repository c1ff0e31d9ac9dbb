import type { Anomaly, Qualifier, Quantity } from '../schema/quantity.ts';
import {
  CLASSIFIERS,
  COLLECTIVE_NOUNS,
  COUNT_NOUNS,
  countUnit,
  EVENT_CLASSIFIERS,
  NOT_NOUN_PHRASES,
  NOT_NOUN_WORDS,
  SCALE_WORDS,
  UNIT_FORMS,
  type UnitCode,
  VERB_PHRASES,
} from '../schema/units.ts';
import { cleanText, isSuperscriptDigit, superscriptToNumber } from './clean-text.ts';
import { type ParsedNumber, parseVietnameseNumber, scaleExactly } from './vn-number.ts';

/**
 * The Vietnamese quantity grammar: finds every quantity in a text (number, scale word, unit,
 * qualifier, glued footnote marks) and leaves out what only looks like one (dates, years, document
 * numbers, headings). Offsets index `cleanText(input)`.
 */

interface Span {
  start: number;
  end: number;
}

interface UnitMatch {
  unit: UnitCode | null;
  unitText: string | null;
  multiplier: number;
  end: number;
}

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}0-9]/u;

/**
 * Patterns whose digits are never quantities. Each is data: a regex and why. A pattern that starts with
 * `\d+` starts only where a digit run does (`(?<!\d)`): tried from every digit of a long run, each try
 * scanning the rest of it, it took time quadratic in the run's length (100,000 digits: half a minute).
 */
const NOT_QUANTITIES: ReadonlyArray<{ why: string; re: RegExp }> = [
  { why: 'date d/m/y', re: /(?<![\d/])\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}(?![\d/])/g },
  { why: 'date in words', re: /ngày\s*(?:\d{1,2}\s*)?(?:[/-]\s*)?tháng\s*\d{1,2}(?:\s*(?:năm|[/-])\s*\d{2,4})?/giu },
  { why: 'month name', re: /tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4})?(?!\s*(?:năm|tuổi|ngày)\b)/giu },
  { why: 'day/month', re: /ngày\s+\d{1,2}\s?\/\s?\d{1,2}(?![\d/])/giu },
  { why: 'month/year', re: /(?<![\d.,/])(?:0?[1-9]|1[0-2])\/(?:19|20)\d{2}(?![\d/])/g },
  { why: 'quarter', re: /quý\s+(?:\d|[IV]+)\b/giu },
  // `6 tháng cuối năm`, `9 tháng đầu năm 2025`: the months a figure covers, not a figure of months
  { why: 'months of a year', re: /(?<![\d.,])\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm(?![\p{L}])/giu },
  { why: 'year range', re: /(?<![\d.,])(?:19|20)\d{2}\s*[-–—]\s*(?:(?:19|20)\d{2}|\d{2})(?![\d.,])/g },
  { why: 'document number', re: /(?<![\d/-])\d+(?:[/-]\d+)*[/-](?=\p{Lu})[\p{L}\d]+(?:[-/][\p{L}\d]+)*/gu },
  { why: 'clock time or standard', re: /(?<!\d)\d+:\d+/g },
  { why: 'around the clock', re: /24\s?\/\s?(?:24|7)\s?(?:h|giờ|ngày)?(?![\p{L}])/giu },
  { why: 'ordinal', re: /thứ\s+\d+(?:\s*\/\s*\d+)?/giu },
  {
    why: 'named document or article',
    re: /(?:nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|luật|điều|khoản|chương|mục|đề án|biểu|phụ lục|mẫu|tờ trình|chương trình|dự án|kế hoạch số|thông báo|hướng dẫn)(?:\s+số)?\s+\d+(?![\d.,]*\s*(?:%|ha|tỷ|triệu|nghìn|người|hộ))/giu,
  },
  { why: 'version or standard number', re: /(?:iso|tcvn|qcvn)\s*\d+/giu },
  // Anniversaries and plan spans (`kỷ niệm 74 năm thành lập`, `kế hoạch 5 năm giai đoạn 2021-2025`).
  { why: 'anniversary', re: /(?:kỷ niệm|kỉ niệm)\s+\d+\s*năm|(?<!\d)\d+\s*năm\s+(?:ngày\s+)?(?:thành lập|giải phóng|chia tách|truyền thống|ngày)/giu },
  { why: 'plan span', re: /(?<!\d)\d+\s*năm\s+(?:giai đoạn|\d{4}\s*[-–])/giu },
  // An age or a level qualifies who is counted (`trẻ em dưới 5 tuổi`, `mức độ 2`); it is not a figure.
  { why: 'age', re: /\d{1,3}\s*(?:-\s*\d{1,3}\s*)?tuổi(?![\p{L}])/giu },
  { why: 'level or grade', re: /(?:mức độ|cấp độ|hạng|lớp|khóa|khoá)\s+\d{1,2}(?![\d.,])/giu },
];

/** A leading outline number: `1.1.2.`, `(1).`, `2.`, `IV.` at the start of a block. */
const HEADING_NUMBER = /^\s*(?:[-+]\s*)?(?:\(\d+\)\.?|\d+(?:\.\d+)*[.)])(?=\s|$)/u;

/** A bare enumerator inside a sentence: `(2)`. */
const ENUMERATOR = /\(\d{1,2}\)/g;

// `cấp trên`, `cấp dưới` (upper, lower level) are not bounds.
const QUALIFIERS: ReadonlyArray<[RegExp, Qualifier]> = [
  [/(?:^|[^\p{L}])(?:khoảng|xấp xỉ|chừng)\s+$/iu, 'about'],
  [/(?:^|[^\p{L}])gần\s+$/iu, 'nearly'],
  [/(?:^|[^\p{L}])(?<!cấp\s)(?:trên|hơn)\s+$/iu, 'over'],
  [/(?:^|[^\p{L}])(?<!cấp\s)(?:dưới|chưa đến|chưa tới)\s+$/iu, 'under'],
];

const WHOLE_ONLY_NOUNS = new Set(['kế hoạch', 'chỉ tiêu']);

const YEAR_MIN = 1950;
const YEAR_MAX = 2100;

/** Unit forms and count nouns, longest first, so `tạ/ha` wins over `tạ` and `lượt người` over `lượt`. */
const FORMS = byFirstUnit(Object.keys(UNIT_FORMS).sort((a, b) => b.length - a.length));
const NOUNS = byFirstUnit([...COUNT_NOUNS].sort((a, b) => b.length - a.length));
const SCALES = byFirstUnit(Object.keys(SCALE_WORDS).sort((a, b) => b.length - a.length));
const COLLECTIVES = byFirstUnit([...COLLECTIVE_NOUNS].sort((a, b) => b.length - a.length));
const IS_COLLECTIVE: ReadonlySet<string> = new Set(COLLECTIVE_NOUNS);

/** `cơ quan, đơn vị, tổ chức`: where a collective noun ends at `end`, the others joined to it by commas read on. */
function collectiveEnd(text: string, lower: string, start: number, end: number): number {
  if (!IS_COLLECTIVE.has(lower.slice(start, end))) return end;
  let e = end;
  while (text.startsWith(', ', e)) {
    const next = matchFrom(text, lower, e + 2, COLLECTIVES);
    if (!next) break;
    e += 2 + next.length;
  }
  return e;
}

/** Forms grouped by their first code unit, each group still longest first: only forms that can start at a position are tried. */
function byFirstUnit(forms: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const f of forms) {
    const list = out.get(f.charCodeAt(0));
    if (list) list.push(f);
    else out.set(f.charCodeAt(0), [f]);
  }
  return out;
}
/** A rate written after a unit (`triệu đồng/năm`): kept in the unit text, not in the code. */
const RATE_SUFFIX = /^\/\s?(năm|tháng|ngày|người|hộ|khẩu|xã|lao động|lượt)(?![\p{L}])/iu;

/**
 * The excluded spans, sorted by start, with the furthest end reached by any span starting at or before
 * each: whether a number lies wholly inside one is then a binary search, where a scan of every span for
 * every number was quadratic (a line of 100,000 dates or `(1)` enumerators took minutes).
 */
interface Exclusions {
  starts: number[];
  reach: number[];
}

function exclusionsOf(spans: Span[]): Exclusions {
  spans.sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const reach: number[] = [];
  let far = -1;
  for (const s of spans) {
    far = Math.max(far, s.end);
    starts.push(s.start);
    reach.push(far);
  }
  return { starts, reach };
}

function inside(ex: Exclusions, start: number, end: number): boolean {
  let lo = 0;
  let hi = ex.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ex.starts[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && ex.reach[lo - 1]! >= end;
}

function excludedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { re } of NOT_QUANTITIES) {
    // exec on the shared regex rather than matchAll, which copies the regex on every call; no pattern
    // matches the empty string, so the scan advances the same way
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const heading = HEADING_NUMBER.exec(text);
  if (heading) spans.push({ start: 0, end: heading[0].length });
  ENUMERATOR.lastIndex = 0;
  for (let m = ENUMERATOR.exec(text); m; m = ENUMERATOR.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

function boundaryAfter(text: string, end: number, form: string): boolean {
  if (!LETTER.test(form.at(-1) ?? '')) return true;
  const next = text[end];
  return next === undefined || !WORD_CHAR.test(next);
}

function matchFrom(text: string, lower: string, pos: number, candidates: ReadonlyMap<number, readonly string[]>): string | null {
  for (const form of candidates.get(lower.charCodeAt(pos)) ?? []) {
    if (lower.startsWith(form, pos) && boundaryAfter(text, pos + form.length, form)) return form;
  }
  return null;
}

function skipSpace(text: string, pos: number, max = 1): number {
  let p = pos;
  while (p < text.length && p - pos < max && text[p] === ' ') p++;
  return p;
}

/** One lower-case syllable at `pos` (letters only, ending at a space, punctuation or the end), or null. */
const SYLLABLE = /\p{Ll}+(?=[\s,;.:()/*"”“'…!?⁰¹²³⁴⁵⁶⁷⁸⁹-]|$)/uy;

function syllableAt(text: string, pos: number): string | null {
  SYLLABLE.lastIndex = pos;
  return SYLLABLE.exec(text)?.[0] ?? null;
}

/** Two-syllable words the vocabulary knows: a noun reading does not cut one in half. */
const KNOWN_PAIRS: ReadonlySet<string> = new Set([...COUNT_NOUNS, ...NOT_NOUN_PHRASES].filter((w) => w.split(' ').length === 2));

/** Whether a word (one syllable, or two when `next` is given) can be part of a counted noun. */
function nounWord(word: string, next?: string): boolean {
  return !NOT_NOUN_WORDS.has(word) && !(next !== undefined && NOT_NOUN_PHRASES.has(`${word} ${next}`)) && !UNIT_FORMS[word] && !SCALE_WORDS[word];
}

/**
 * Up to `max` syllables of a noun from `pos` (`tàu cá`, `tài khoản`), stopping before a function word, a
 * verb that follows a count, punctuation or a capital; the end of what was read, or `pos` for none.
 */
function nounSyllables(text: string, pos: number, max: number): number {
  let end = pos;
  for (let k = 0; k < max; k++) {
    const at = k === 0 ? pos : end + 1;
    if (k > 0 && text[end] !== ' ') break;
    const w = syllableAt(text, at);
    if (!w) break;
    const after = text[at + w.length] === ' ' ? syllableAt(text, at + w.length + 1) : null;
    if (!nounWord(w, after ?? undefined)) break;
    // `57 tỉnh tổ chức …`: a second syllable that opens a known word of two is not this noun's
    if (k > 0 && after !== null && KNOWN_PAIRS.has(`${w} ${after}`)) break;
    end = at + w.length;
  }
  return end;
}

/**
 * A counted noun the vocabulary does not list, read by its shape: one or two lower-case syllables after
 * the number (`8.000 tàu cá`, `56 hội viên`), or a classifier and the noun after it (`15 loại giấy tờ`).
 * Only after a whole number and a space (the caller's): what is counted is counted whole, and a letter
 * glued to a number (`3G`) is no noun.
 */
function openNoun(text: string, start: number): number {
  const first = syllableAt(text, start);
  if (!first) return start;
  if (CLASSIFIERS.has(first) && text[start + first.length] === ' ') {
    const end = classified(text, start + first.length + 1);
    if (end > start + first.length + 1) return end;
  }
  return nounSyllables(text, start, 2);
}

/**
 * The noun a classifier takes: two syllables where the noun phrase ends after them (`loại giấy tờ có …`,
 * `cuốn sổ tay,`), else one (`bài viết tuyên truyền` is `bài viết`): the classifier already names the kind.
 */
function classified(text: string, from: number): number {
  const two = nounSyllables(text, from, 2);
  const one = nounSyllables(text, from, 1);
  if (two === one || text[two] !== ' ') return two;
  const next = syllableAt(text, two + 1);
  return next === null || !nounWord(next) ? two : one;
}

/** The end of a two-syllable verb at `from` (`kiểm tra`), or `from` for none. */
function eventVerb(text: string, from: number): number {
  const first = syllableAt(text, from);
  if (!first || text[from + first.length] !== ' ') return from;
  const second = syllableAt(text, from + first.length + 1);
  return second && VERB_PHRASES.has(`${first} ${second}`) ? from + first.length + 1 + second.length : from;
}

/** A known noun that is a classifier takes the noun after it (`thửa` → `thửa đất`, `bài` → `bài viết`). */
function withClassified(text: string, start: number, end: number): number {
  const classifier = text.slice(start, end).toLowerCase();
  if (!CLASSIFIERS.has(classifier) || text[end] !== ' ') return end;
  if (EVENT_CLASSIFIERS.has(classifier)) {
    const verb = eventVerb(text, end + 1);
    if (verb > end + 1) return verb;
  }
  const more = classified(text, end + 1);
  return more > end + 1 ? more : end;
}

/**
 * Scale words, then a unit form or a counted noun, after a number ending at `pos`. With `open`, a counted
 * noun the vocabulary does not list is read by its shape (`openNoun`).
 */
function readUnit(text: string, lower: string, pos: number, decimals = 0, open = false): UnitMatch {
  // `*12.300* *lượt`: an emphasis closed on the number and opened again on its unit
  let p = text.startsWith('* *', pos) && LETTER.test(text[pos + 3] ?? '') ? pos + 3 : skipSpace(text, pos);
  let multiplier = 0;
  let unitStart = -1;
  let scaleEnd = -1;
  for (;;) {
    const scale = matchFrom(text, lower, p, SCALES);
    if (!scale) break;
    if (unitStart < 0) unitStart = p;
    multiplier += SCALE_WORDS[scale] ?? 0;
    scaleEnd = p + scale.length;
    p = skipSpace(text, scaleEnd);
  }
  // `3G, 4G, 5G` are network generations: grams are written `g`
  const form = text[p] === 'G' && !WORD_CHAR.test(text[p + 1] ?? '') ? null : matchFrom(text, lower, p, FORMS);
  let unit: UnitCode | null = null;
  let end = -1;
  if (form) {
    const f = UNIT_FORMS[form];
    if (f) {
      unit = f.unit;
      multiplier += f.multiplier ?? 0;
      if (unitStart < 0) unitStart = p;
      end = p + form.length;
    }
  } else {
    const noun = matchFrom(text, lower, p, NOUNS);
    // `101,1 Kế hoạch giao` is a share with its % left out, not 101.1 plans: plans and targets are counted whole.
    if (noun && (decimals === 0 || !WHOLE_ONLY_NOUNS.has(noun))) {
      end = open && decimals === 0 ? withClassified(text, p, p + noun.length) : p + noun.length;
      if (decimals === 0) end = collectiveEnd(text, lower, p, end);
      unit = countUnit(lower.slice(p, end));
      if (unitStart < 0) unitStart = p;
    } else if (!noun && open && decimals === 0) {
      const nounEnd = p > pos ? openNoun(text, p) : p;
      if (nounEnd > p) {
        unit = countUnit(lower.slice(p, nounEnd));
        if (unitStart < 0) unitStart = p;
        end = nounEnd;
      }
    }
  }
  if (unit === null) {
    if (scaleEnd < 0) return { unit: null, unitText: null, multiplier: 0, end: pos };
    return { unit: null, unitText: text.slice(unitStart, scaleEnd), multiplier, end: scaleEnd };
  }
  const rate = RATE_SUFFIX.exec(text.slice(end));
  if (rate && !(unit === 'quintal_per_ha')) end += rate[0].length;
  return { unit, unitText: text.slice(unitStart, end), multiplier, end };
}

/** What every pattern of QUALIFIERS needs at the end: one of their words, then spaces. Most numbers have none of them before. */
const ANY_QUALIFIER = /(?:khoảng|xấp xỉ|chừng|gần|trên|hơn|dưới|chưa đến|chưa tới)\s+$/iu;

function qualifierBefore(text: string, start: number): Qualifier | null {
  const before = text.slice(Math.max(0, start - 16), start);
  if (!ANY_QUALIFIER.test(before)) return null;
  for (const [re, q] of QUALIFIERS) if (re.test(before)) return q;
  return null;
}

function marksAfter(text: string, pos: number): { footnotes: number[]; end: number } {
  let p = pos;
  while (isSuperscriptDigit(text[p])) p++;
  if (p === pos) return { footnotes: [], end: pos };
  return { footnotes: [superscriptToNumber(text.slice(pos, p))], end: p };
}

interface Token {
  start: number;
  end: number;
  parsed: ParsedNumber;
  anomalies: Anomaly[];
}

const NUMBER_TOKEN = /\d+(?:[.,]\d+)*/g;
/** Up to three lower-case words after a counted noun, then the slash of an `a/b` pair. */
const NOUN_THEN_SLASH = /^(?: \p{Ll}+){1,3} ?\/ ?$/u;
const HAS_DIGIT = /\d/;

/**
 * `1601, 61 gam`: a decimal comma followed by a stray space; `45. 318 hồ sơ`: a thousands dot followed by
 * one (OCR spaces separators). Read it when a unit follows, and say so. A space alone is no separator.
 */
function splitNumber(text: string, lower: string, tok: Token): Token | null {
  const head = text.slice(tok.start, tok.end);
  if (tok.parsed.decimals > 0 || /^0\d/.test(head)) return null;
  const rest = text.slice(tok.end);
  const decimal = /^, (\d{1,3})(?![\d.,])/.exec(rest);
  const group = decimal || !/^\d{1,3}(?:\.\d{3})*$/.test(head) ? null : /^\. (\d{3})(?![\d,]|\.\d)/.exec(rest);
  const m = decimal ?? group;
  if (!m?.[1]) return null;
  const afterDigits = tok.end + m[0].length;
  if (readUnit(text, lower, afterDigits).unit === null) return null;
  const joined = `${head}${decimal ? ',' : '.'}${m[1]}`;
  const parsed = parseVietnameseNumber(joined);
  if (!parsed) return null;
  return {
    start: tok.start,
    end: afterDigits,
    parsed,
    anomalies: [
      {
        code: 'split_number',
        message: `number broken by a space: "${text.slice(tok.start, afterDigits)}" read as ${joined}; check the source`,
      },
    ],
  };
}

function tokens(text: string, lower: string, excluded: Exclusions): Token[] {
  const out: Token[] = [];
  const re = NUMBER_TOKEN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inside(excluded, start, end)) continue;
    const parsed = parseVietnameseNumber(m[0]);
    if (!parsed) continue;
    const anomalies: Anomaly[] = [];
    if (parsed.oddity) {
      anomalies.push({ code: parsed.oddity, message: `separators in "${m[0]}" do not follow the Vietnamese convention` });
    }
    const tok: Token = { start, end, parsed, anomalies };
    const split = splitNumber(text, lower, tok);
    if (split) re.lastIndex = split.end;
    out.push(split ?? tok);
  }
  return out;
}

/**
 * Whether a noun the vocabulary does not list may be read after this number: not a bare four-digit year
 * (`năm 2026 tỉnh …`) and not a number in quotes, which names something (`“5 rõ”`).
 */
function opensNoun(text: string, tok: Token): boolean {
  if (/^\d{4}$/.test(text.slice(tok.start, tok.end)) || gluedToWord(text, tok.start)) return false;
  const before = text[tok.start - 1];
  return before !== '"' && before !== '“' && before !== "'" && before !== '‘';
}

function gluedToWord(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (prev === undefined) return false;
  if (LETTER.test(prev)) return true;
  return prev === '-' && LETTER.test(text[start - 2] ?? '');
}

function isBareYear(text: string, tok: Token, unit: UnitMatch): boolean {
  const raw = text.slice(tok.start, tok.end);
  return unit.unit === null && unit.unitText === null && /^\d{4}$/.test(raw) && tok.parsed.value >= YEAR_MIN && tok.parsed.value <= YEAR_MAX;
}

function makeQuantity(
  text: string,
  tok: Token,
  unit: UnitMatch,
  rawEnd: number,
  extras: { qualifier: Qualifier | null; footnotes: number[]; ratio: Quantity['ratio'] },
): Quantity {
  return {
    raw: text.slice(tok.start, rawEnd),
    start: tok.start,
    end: rawEnd,
    value: tok.parsed.value,
    unit: unit.unit,
    unitText: unit.unitText,
    multiplier: unit.multiplier,
    baseValue: scaleExactly(tok.parsed, unit.multiplier),
    qualifier: extras.qualifier,
    footnotes: extras.footnotes,
    decimals: tok.parsed.decimals,
    ratio: extras.ratio,
    anomalies: tok.anomalies,
  };
}

/**
 * Code unit ranges of which every string is already NFC and holds none of cleanText's odd spaces (every
 * pair checked in tests/grammar): Latin to U+02FF, Vietnamese letters, punctuation, superscripts. A block
 * made of them needs no normalizing, which is most blocks.
 */
export const ALREADY_CLEAN: readonly (readonly [number, number])[] = [
  [0x00, 0x08],
  [0x0a, 0x9f],
  [0xa1, 0x2ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2070, 0x209f],
];
const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
const NOT_ALREADY_CLEAN = new RegExp(`[^${ALREADY_CLEAN.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`);

/**
 * The extract stage and the checks both need a block's quantities: read them once per block. Keyed by
 * the block object and checked against its text; callers must not change the returned quantities.
 */
const byBlock = new WeakMap<object, { text: string; quantities: readonly Quantity[] }>();

export function quantitiesOf(block: { readonly text: string }): readonly Quantity[] {
  const known = byBlock.get(block);
  if (known && known.text === block.text) return known.quantities;
  const quantities = findQuantities(block.text);
  byBlock.set(block, { text: block.text, quantities });
  return quantities;
}

/**
 * Finds the quantities of a text in order. `a/b` forms give two quantities sharing a ratio group
 * and a unit; bare numbers come back with a null unit for later stages to judge.
 */
export interface FindOptions {
  /**
   * read counted nouns the vocabulary does not list by their shape (`8 tàu cá`); off where the words
   * after a number are no running text (a table's heading cell read for its unit)
   */
  openNouns?: boolean;
}

export function findQuantities(input: string, options: FindOptions = {}): Quantity[] {
  const openNouns = options.openNouns ?? true;
  const text = NOT_ALREADY_CLEAN.test(input) ? cleanText(input) : input;
  // no digit, no number token: nothing to find
  if (!HAS_DIGIT.test(text)) return [];
  const lower = text.toLowerCase();
  const excluded = exclusionsOf(excludedSpans(text));
  const toks = tokens(text, lower, excluded);
  const out: Quantity[] = [];
  let group = 0;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const unit = readUnit(text, lower, tok.end, tok.parsed.decimals, openNouns && opensNoun(text, tok));
    const next = toks[i + 1];
    const slashNext = next && /^\s?\/\s?$/.test(text.slice(tok.end, next.start)) && unit.unit === null && unit.unitText === null;
    // `360 hồ sơ trực tuyến/370 tổng hồ sơ`: a count whose noun phrase runs on to the slash
    const slashAfterUnit =
      next &&
      unit.unit !== null &&
      (/^\/\s?$/.test(text.slice(unit.end, next.start)) || (unit.unit.startsWith('count:') && NOUN_THEN_SLASH.test(text.slice(unit.end, next.start))));
    if (next && (slashNext || slashAfterUnit)) {
      const nextUnit = readUnit(text, lower, next.end, next.parsed.decimals, openNouns && opensNoun(text, next));
      const left = unit.unit !== null || unit.unitText !== null ? unit : { ...nextUnit, end: tok.end };
      const right = nextUnit.unit !== null || nextUnit.unitText !== null ? nextUnit : { ...unit, end: next.end };
      const leftEnd = unit.unit !== null || unit.unitText !== null ? unit.end : tok.end;
      const rightEnd = nextUnit.unit !== null || nextUnit.unitText !== null ? nextUnit.end : next.end;
      const marks = marksAfter(text, rightEnd);
      const g = group++;
      const qualifier = qualifierBefore(text, tok.start);
      out.push(makeQuantity(text, tok, left, leftEnd, { qualifier, footnotes: [], ratio: { group: g, position: 0 } }));
      out.push(makeQuantity(text, next, right, rightEnd, { qualifier: null, footnotes: marks.footnotes, ratio: { group: g, position: 1 } }));
      i++;
      continue;
    }
    if (isBareYear(text, tok, unit)) continue;
    if (gluedToWord(text, tok.start) && unit.unit === null) continue;
    const marks = marksAfter(text, unit.end);
    const q = makeQuantity(text, tok, unit, unit.end, { qualifier: qualifierBefore(text, tok.start), footnotes: marks.footnotes, ratio: null });
    if (unit.unit === null && unit.unitText === null) {
      const glued = /^\p{L}+/u.exec(text.slice(tok.end));
      if (glued && !isSuperscriptDigit(text[tok.end])) {
        q.anomalies = [...q.anomalies, { code: 'unknown_unit', message: `unit "${glued[0]}" after ${q.raw} is not in the vocabulary` }];
      }
    }
    out.push(q);
  }
  return out;
}
