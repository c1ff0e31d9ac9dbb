import { fold, isSpaceCode, isSuperscriptCode, superscriptToNumber } from '../../extractors/clean-text.ts';
import { memoByString } from '../../extractors/memo.ts';
import { quantitiesOf } from '../../extractors/quantity-grammar.ts';
import type { Block, DocumentMetadata, DocumentModel } from '../../schema/document.ts';
import { type Kind, RELATION_KINDS } from '../../schema/fact.ts';
import { granularityOf, monthsPeriod, yearOfPeriod, yearPeriod } from '../../schema/period.ts';
import type { Quantity } from '../../schema/quantity.ts';
import type { UnitCode } from '../../schema/units.ts';
import { type DocumentFile, placeOfBlock } from '../file.ts';
import { readUnit, tableValues } from '../table-values.ts';
import { baseAfter, clauseSubject, headingLabel, headWords, isFragment, leadInAfter, phraseBefore, saysSomething, tidyLabel } from './label.ts';
import { type DocumentPeriods, documentPeriods, headingPeriodReader, lastNamedPartIn, lastPeriodIn, lastSubOrMultiYearIn, previousPeriod } from './period.ts';
import {
  ACTUAL_WORDS,
  AGAINST_PLAN,
  ALLOCATED,
  ANNOUNCES_PARTS,
  AVERAGE_BEFORE,
  BOUNDED_PERIOD,
  BUDGET_WORDS,
  CLOSES_PARENS,
  COMPARED_BEFORE,
  CONDITION,
  CUMULATIVE_CUE,
  DONE,
  ESTIMATE_CUE,
  GENERIC_WORDS,
  ITEMIZING_START,
  LABEL_LEADERS,
  LABEL_TRAILER_LONGEST,
  LABEL_TRAILERS,
  LIST_ITEM,
  LIST_MARKER,
  MEASURE_WORDS,
  MONEY_OF_PREVIOUS,
  MONEY_WORDS,
  NOT_DONE,
  OVER_BEFORE,
  OVER_PLAN_BEFORE,
  PLAN_CUE,
  POST_LABEL_STOP,
  PREVIOUS_BEFORE,
  QUOTA_AFTER,
  QUOTA_BEFORE,
  RATE_NAMED,
  REACHED_BEFORE,
  REACHED_IN_PARENS,
  REGISTER_WORK,
  RELATION_BEFORE,
  RUNNING_TOTAL_CUES,
  SHARE_AFTER_RATIO,
  SHARE_BASE_AFTER,
  SHARE_BEFORE,
  SHARE_OF_COUNT_AFTER,
  SPENT_WORDS,
  TARGET_BEFORE,
  TARGET_STATED_AFTER,
  TASKS_AHEAD,
  THEN,
  UNIT_MEASURE,
  YEAR_IN_TEXT,
} from './phrases.ts';
import { BEFORE_LENGTH, type BlockReading, type Extracted, type RatioPair } from './reading.ts';
import { sectionOf } from './segment.ts';
import { rankWholeUnit } from './table-facts.ts';
import { breakdownsOf, lastAtOrBefore, nextAfter, partGroupsOf, structureOf, superscriptRuns, type TextStructure } from './text-structure.ts';

/**
 * The extract stage: turns the quantities of each block into candidate facts: what the number is
 * about (label), of which kind and year, what it relates to, and which footnotes it carries.
 */
export interface Candidate {
  /** unique within the document: block and offset */
  key: string;
  block: Block;
  quantity: Quantity;
  value: number;
  unit: UnitCode | null;
  unitText: string | null;
  label: string;
  /** the label without words baocao added (`(diện tích)` inferred from the unit), for catalog matching */
  catalogLabel: string;
  /** the thing the number is about, without its measure words (`cây cao su`), for footnotes to inherit */
  subject: string | null;
  kind: Kind;
  year: number | null;
  /** SDMX TIME_PERIOD (schema/period.ts): the year as a string unless the wording says a shorter or longer period */
  period: string | null;
  relatesTo: string | null;
  footnotes: number[];
  inFootnote: number | null;
  /** where the words naming this number after it end */
  tail: number;
  /** spreadsheet cell the value came from */
  cell?: string;
  /** what validate and the checks read besides the fact (sentence, parentheses, pairs, wording) */
  reading: Extracted;
}

/** The extract stage's output: the document with its candidate facts, in reading order. */
export interface Extraction {
  doc: DocumentModel;
  candidates: Candidate[];
}

/** What closes the number before: its marks, a parenthesis, `so với cùng kỳ`… */
const PREVIOUS_TAIL =
  /^[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*(?:\([^)]*\))?\s*(?:(?:so với\s+)?(?:cùng kỳ|kế hoạch|kh|năm trước|năm \d{4}|dự toán)(?:\s+(?:năm trước|giao|huyện giao|tỉnh giao))*)?\s*(?:và\s+)?/u;
/**
 * Right after an `a/b` pair: `, đạt 99,83% so với kế hoạch` makes it actual against plan. Not a target
 * stated in a clause of its own (`…, chỉ tiêu đề ra là 20%`).
 */
const PAIR_AGAINST_PLAN =
  /^[⁰¹²³⁴⁵⁶⁷⁸⁹\s,]*(?:[^\d,;.()]{0,40}?(?:đạt|vượt|bằng)\s*[\d.,]*\s*%?\s*)?(?:so với\s+)?(?:chỉ tiêu\s+)?(?:kế hoạch|kh(?![\p{L}])|chỉ tiêu)(?!\s+(?:đề ra\s+)?(?:là|tối thiểu|tối đa)(?![\p{L}]))|^[^\d,;.()]{0,30}?(?:đề ra|được giao)(?![\p{L}])/u;
const INDICATOR_HEAD = /^(?:tỷ lệ|tổng|số|giá trị|doanh thu|thu|chi|kim ngạch|sản lượng|diện tích|năng suất|mức|tốc độ)(?![\p{L}])/iu;
const RELATION_VERB_AT_END =
  /\s*(?:vượt\s+(?:chỉ tiêu\s+)?(?:kế hoạch|kh)(?:\s+giao)?|(?:tăng|giảm|vượt|chiếm|bằng|đạt)(?:\s+(?:thêm|khoảng|trên|hơn|mức))?)\s*$/iu;
const MAX_LABEL_WORDS = 20;

interface BlockState {
  /** set by a topic (`*Cây lúa*:`, `Cây ngô:`) or by the number a footnote hangs on */
  subject: string | null;
  subjectFromTopic: boolean;
  /** the last descriptive label in this sentence by parenthesis depth, for `…, sản lượng 832,24 tấn` */
  rich: Map<number, string>;
  sentence: number;
}

/** `,;:.-` (and the space) that a label does not start with; `,;:(-` that it does not end with. */
const isLeadJunk = (c: number) => c === 32 || c === 44 || c === 59 || c === 58 || c === 46 || c === 45;
const isTrailJunk = (c: number) => c === 32 || c === 44 || c === 59 || c === 58 || c === 40 || c === 45;

/**
 * A label without footnote marks and `*`, its spaces collapsed to one (also across a dropped mark) and
 * without leading `,;:.-` or trailing `,;:(-`. One pass over code units: it runs for every number.
 */
export function clean(s: string): string {
  let out = '';
  let run = -1;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const drop = c === 42 || isSuperscriptCode(c);
    if (drop || isSpaceCode(c)) {
      if (run >= 0) {
        out += s.slice(run, i);
        run = -1;
      }
      if (!drop) space = true;
    } else if (run < 0) {
      if (space) out += ' ';
      space = false;
      run = i;
    }
  }
  if (run >= 0) out += run === 0 ? s : s.slice(run);
  else if (space) out += ' ';
  let from = 0;
  while (from < out.length && isLeadJunk(out.charCodeAt(from))) from++;
  let to = out.length;
  while (to > from && isTrailJunk(out.charCodeAt(to - 1))) to--;
  return from === 0 && to === out.length ? out : out.slice(from, to);
}

/** The last `n` words of a text whose words are split by single spaces (`split(' ').slice(-n).join(' ')`). */
export function lastWords(s: string, n: number): string {
  let at = s.length;
  for (let k = 0; k < n; k++) {
    if (at === 0) return s;
    at = s.lastIndexOf(' ', at - 1);
    if (at < 0) return s;
  }
  return s.slice(at + 1);
}

const TRAILERS_FROM = new RegExp(LABEL_TRAILERS.source, `${LABEL_TRAILERS.flags}g`);
const SPACE = /\s/;

/**
 * `LABEL_TRAILERS.exec(lower)`, scanning only the tail: a match runs to the end, so it starts at most
 * `LABEL_TRAILER_LONGEST` characters before the last non-space, or earlier only across spaces. The
 * search starts where no match can start before it, and so finds the same leftmost match.
 */
export function trailerOf(lower: string): RegExpExecArray | null {
  let end = lower.length;
  while (end > 0 && SPACE.test(lower[end - 1]!)) end--;
  let from = Math.max(0, end - LABEL_TRAILER_LONGEST);
  while (from > 0 && SPACE.test(lower[from - 1]!)) from--;
  TRAILERS_FROM.lastIndex = from;
  return TRAILERS_FROM.exec(lower);
}

/**
 * Where lower-casing a piece of a text can differ from the same piece of the lower-cased text: final
 * sigma depends on its neighbours, `İ` grows, a cut surrogate pair lower-cases apart.
 */
const CASE_IN_CONTEXT = /[Σİ\ud800-\udfff]/;

/** Strips leading connectives and trailing verbs (matched on the lower-cased twin, sliced from the original). */
export function trimLabel(raw: string): string {
  let s = raw;
  // lower-case once and cut the twin along with the label, where that gives what lower-casing each cut would
  let twin = CASE_IN_CONTEXT.test(raw) ? null : raw.toLowerCase();
  if (twin !== null && twin.length !== raw.length) twin = null;
  for (let guard = 0; guard < 8; guard++) {
    const m = LABEL_LEADERS.exec(twin ?? s.toLowerCase());
    if (!m || m[0].length === 0) break;
    s = s.slice(m[0].length);
    if (twin !== null) twin = twin.slice(m[0].length);
  }
  for (let guard = 0; guard < 8; guard++) {
    const m = trailerOf(twin ?? s.toLowerCase());
    if (!m || m[0].length === 0) break;
    // `ngân sách cấp trên`: upper level, not the bound `trên`.
    if (/^\s*(?:trên|dưới)\s*$/u.test(m[0]) && /cấp\s*$/iu.test(s.slice(0, m.index))) break;
    s = s.slice(0, m.index);
    if (twin !== null) twin = twin.slice(0, m.index);
  }
  return headOfLong(clean(s));
}

/**
 * A long label's words to keep: from its last comma whose words open like an indicator (`…, tỷ lệ hồ sơ
 * đúng hạn`), else its head: a subject comes first and what qualifies it after.
 */
export function headOfLong(s: string): string {
  if (countWords(s) <= MAX_LABEL_WORDS) return s;
  for (let at = s.lastIndexOf(', '); at > 0; at = s.lastIndexOf(', ', at - 1)) {
    const rest = s.slice(at + 2);
    if (INDICATOR_HEAD.test(rest)) return firstWords(rest, MAX_LABEL_WORDS);
  }
  return firstWords(s, MAX_LABEL_WORDS);
}

function countWords(s: string): number {
  let n = s === '' ? 0 : 1;
  for (let at = s.indexOf(' '); at >= 0; at = s.indexOf(' ', at + 1)) n++;
  return n;
}

/** The first `n` words of a text whose words are split by single spaces (`split(' ').slice(0, n).join(' ')`). */
export function firstWords(s: string, n: number): string {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = s.indexOf(' ', at + 1);
    if (at < 0) return s;
  }
  return s.slice(0, at);
}

/** Labels and their pieces repeat across a document: fold each once. */
const memo = <T>(fn: (s: string) => T) => memoByString(fn, 20_000);

const words = memo((s: string): string[] =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
);
/** shared between callers: read, never changed */
const wordSet = memo((s: string): ReadonlySet<string> => new Set(words(s)));
const contentSet = memo((s: string): ReadonlySet<string> => new Set(words(s).filter((w) => !GENERIC_WORDS.has(w))));

const MEASURES_LONGEST_FIRST = [...MEASURE_WORDS].sort((a, b) => b.length - a.length);

const stripMeasure = memo((label: string): string => {
  let f = ` ${words(label).join(' ')} `;
  for (const w of MEASURES_LONGEST_FIRST) if (f.includes(` ${w} `)) f = f.split(` ${w} `).join(' ');
  return f.replace(/ (?:cua|cac|nam|trong|da|duoc|moi|nhan dan|la|co|hien) /g, ' ').trim();
});

function isMeasureOnly(label: string): boolean {
  return stripMeasure(label) === '';
}

/** `Tổng diện tích gieo trồng cây lương thực có hạt` → `cây lương thực có hạt`. */
const subjectOf = memo((label: string): string => {
  const ws = label.split(' ');
  let i = 0;
  while (i < ws.length && isMeasureOnly(ws.slice(0, i + 1).join(' '))) i++;
  return ws.slice(i).join(' ') || label;
});

function contains(hay: string, needle: string): boolean {
  const h = wordSet(hay);
  return words(needle).every((w) => h.has(w));
}

/** Every meaningful word of `needle` is in `hay`. */
function containsContent(hay: string, needle: string): boolean {
  const h = wordSet(hay);
  return words(needle)
    .filter((w) => !GENERIC_WORDS.has(w))
    .every((w) => h.has(w));
}

const DIMENSION_WORDS = ['dien tich', 'san luong', 'nang suat', 'quy mo'];

function richAt(rich: Map<number, string>, depth: number): string | null {
  for (let d = depth; d >= 0; d--) {
    const r = rich.get(d);
    if (r) return r;
  }
  return null;
}

function setRich(rich: Map<number, string>, depth: number, value: string): void {
  rich.set(depth, value);
  for (const d of [...rich.keys()]) if (d > depth) rich.delete(d);
}

function sharesContent(a: string, b: string): boolean {
  const h = contentSet(a);
  return words(b).some((w) => !GENERIC_WORDS.has(w) && h.has(w));
}

function joinLabel(...parts: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (!p) continue;
    const i = out.findIndex((o) => contains(p, o));
    if (i >= 0) {
      out[i] = p;
      continue;
    }
    if (out.some((o) => contains(o, p))) continue;
    out.push(p);
  }
  return out.join(' – ');
}

/** Words that carry on a phrase naming what is counted (`dự án đang khai thác`, `lao động đi làm việc ở nước ngoài`). */
const COUNTED_PHRASE_WORDS = new Set(['được', 'đi', 'và', 'tại', 'ở', 'theo', 'trong', 'đang', 'đã', 'chưa', 'có', 'nhưng', 'đến']);

/** The noun phrase right after a number that names what it counts (`754,2ha chè`, `20.000 chậu địa lan`). */
function postLabel(st: TextStructure, from: number, limit: number, counted: boolean, listRuns = false): { text: string; end: number } {
  if (st.text[from] !== ' ' && st.text[from] !== '*') return { text: '', end: from };
  const out: string[] = [];
  // `*` marks emphasis in the reader's text, between the words of one phrase too
  // `/` joins a phrase to the whole it is counted against (`120 hồ sơ trực tuyến/300 hồ sơ`)
  const re = /[\s*]*([^\s,;.():=*"“”/]+)/uy;
  re.lastIndex = from;
  // What is counted is often a long phrase (`100 lao động đi làm việc theo hợp đồng ở nước ngoài`).
  let end = from;
  // whether the words so far read `tỷ lệ …`: words hold no spaces, so the first two settle it
  let rate = false;
  while (out.length < (counted || rate ? 16 : 6)) {
    const at = re.lastIndex;
    let m = re.exec(st.text);
    if (counted && !m && out.length > 0) {
      // `12 giấy phép (ký hiệu GP-01) đã được thu hồi`: what is counted goes on past a parenthesis that names it
      const open = /^[\s*]*\(/u.exec(st.text.slice(at, limit));
      const close = open ? st.text.indexOf(')', at + open[0].length) : -1;
      if (open && close > 0 && close < limit && !st.text.slice(at + open[0].length, close).includes('(')) {
        re.lastIndex = close + 1;
        m = re.exec(st.text);
      }
    }
    if ((counted || rate || listRuns) && !m && st.text[at] === ',' && out.length > 0) {
      // `1.118 người đi làm công ty, doanh nghiệp trong nước`: a short list of nouns runs on past a comma.
      const rest = /^,([^,;.()\d]{1,40})(?=[,;.)\d]|$)/u.exec(st.text.slice(at, limit));
      const first = rest?.[1]?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const listOfNouns =
        rest?.[1] !== undefined && rest[1].trim().split(/\s+/).length <= 5 && !POST_LABEL_STOP.test(first) && !COUNTED_PHRASE_WORDS.has(first);
      // `tỷ lệ thôn, bản có đường…`: a rate's subject is often a list.
      if (listOfNouns || (rate && /^,\s*[^\s\d,;.()]/u.test(st.text.slice(at, limit)))) {
        re.lastIndex = at + 1;
        m = re.exec(st.text);
      } else {
        re.lastIndex = at;
      }
    }
    if (!m || re.lastIndex > limit || !m[1]) break;
    const word = m[1].replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, '');
    const lower = word.toLowerCase();
    // `04 xã đạt chuẩn nông thôn mới`: here `đạt` names what is counted, it is not a result verb.
    const meetsStandard = lower === 'đạt' && /^\s*(?:chuẩn|tiêu chuẩn|danh hiệu|tiêu chí)/u.test(st.lower.slice(re.lastIndex));
    // `hồ sơ cấp trên ứng dụng A`: where it was done; `trên tổng số …` opens the base of a share instead
    const where = counted && lower === 'trên' && !/^\s*(?:tổng|số|\d)/u.test(st.lower.slice(re.lastIndex));
    const passive =
      where || (counted && COUNTED_PHRASE_WORDS.has(lower)) || (lower === 'trong' && /^\s*dịp/u.test(st.lower.slice(re.lastIndex))) || (lower === 'có' && rate);
    // `…, trong đó …` opens the parts: what is counted ends before it
    const partsOpen = lower === 'trong' && /^\s*đó(?![\p{L}])/u.test(st.lower.slice(re.lastIndex));
    if (/\d/.test(word) || partsOpen || (POST_LABEL_STOP.test(lower) && !meetsStandard && !passive)) break;
    out.push(word);
    if (out.length === 2) rate = /^tỷ lệ/iu.test(out.join(' '));
    end = re.lastIndex;
    if (word !== m[1]) break;
  }
  while (out.length > 0 && COUNTED_PHRASE_WORDS.has(out.at(-1)!.toLowerCase())) out.pop();
  return { text: out.join(' '), end };
}

const TOPIC_LEAD = /^(?:(?:đối với|về|việc|tiếp tục)\s+)+/iu;
/** A lead-in longer than this before its colon is a sentence of its own, not a topic. */
const TOPIC_MAX_WORDS = 12;

/** `Trong đó: Cây lúa: Diện tích` → subject `Cây lúa`, label starts after the last colon. */
function topicIn(raw: string): { subject: string | null; localOffset: number; before: string } {
  const colon = raw.lastIndexOf(':');
  if (colon < 0) return { subject: null, localOffset: 0, before: '' };
  const parts = raw.slice(0, colon).split(':');
  const before = parts.at(-1) ?? '';
  for (let i = parts.length - 1; i >= 0; i--) {
    // `Đối với …:`, `Về …:` only say that a topic follows
    const p = trimLabel(parts[i]!).replace(TOPIC_LEAD, '');
    // `… dự toán HĐND huyện giao trong đó: Thu …`: a clause that ends by announcing a breakdown names no subject.
    if (i === parts.length - 1 && /(?:trong đó|gồm|cụ thể|như sau|bao gồm)\s*$/iu.test(parts[i]!.trim())) break;
    if (p && p.split(' ').length <= TOPIC_MAX_WORDS && !/^(?:trong đó|trong|cụ thể|gồm)$/iu.test(p)) {
      return { subject: p, localOffset: colon + 1, before };
    }
  }
  return { subject: null, localOffset: colon + 1, before };
}

const TOPIC_AT_START = /^\s*[-+•]?\s*\*([^*]{2,80})\*\s*:?/u;

function isBare(q: Quantity): boolean {
  return q.unit === null && q.unitText === null;
}

/**
 * The quantities of one block by ratio group. Looking a partner up by scanning the block's quantities,
 * once a quantity, was quadratic in their number: a hostile line of 50,000 `1/1/…` took minutes.
 */
const ratioGroups = new WeakMap<readonly Quantity[], Map<number, Quantity[]>>();

function ratioPartner(q: Quantity, all: readonly Quantity[]): Quantity | undefined {
  if (!q.ratio) return undefined;
  let groups = ratioGroups.get(all);
  if (!groups) {
    groups = new Map();
    for (const o of all) {
      if (!o.ratio) continue;
      const list = groups.get(o.ratio.group);
      if (list) list.push(o);
      else groups.set(o.ratio.group, [o]);
    }
    ratioGroups.set(all, groups);
  }
  return groups.get(q.ratio.group)?.find((o) => o !== q);
}

/**
 * Where a clause says `tỷ lệ` (rate), in any spelling that folds to `ty le`, as offsets in the block's
 * text. Found once a block: folding the clause before each number again was quadratic in its length.
 */
const rateWords = new WeakMap<TextStructure, number[]>();
const RATE_WORD_SHAPE = /(?<![\p{L}\p{N}_])t\p{L}{1,2}\s+l\p{L}{1,2}(?![\p{L}_])/gu;

function rateWordEnds(st: TextStructure): number[] {
  let ends = rateWords.get(st);
  if (!ends) {
    ends = [];
    for (const m of st.lower.matchAll(RATE_WORD_SHAPE)) if (fold(m[0]) === 'ty le') ends.push(m.index + m[0].length);
    rateWords.set(st, ends);
  }
  return ends;
}

/**
 * Whether `tỷ lệ` is written in the clause before `pos` (whole, between its start and `pos`): the last one
 * ending by `pos` starts latest, so it alone need be looked at.
 */
function rateSaidBefore(st: TextStructure, clauseStart: number, pos: number): boolean {
  const ends = rateWordEnds(st);
  const end = lastAtOrBefore(ends, pos);
  return ends.length > 0 && end > 0 && end - 'ty le'.length >= clauseStart;
}

function bareIsFact(q: Quantity, all: readonly Quantity[], st: TextStructure): boolean {
  const partner = ratioPartner(q, all);
  if (partner && !isBare(partner)) return true;
  const before = st.lower.slice(Math.max(0, q.start - 24), q.start);
  if (AGAINST_PLAN.test(st.lower.slice(q.end, q.end + 40)) && REACHED_BEFORE.test(before)) return true;
  if (partner && sharedCountOf(q, partner, all, st) !== null) return true;
  if (!q.ratio && partCountOf(q, all, st) !== null) return true;
  const clauseStart = lastAtOrBefore(st.clauseStarts, q.start);
  return !q.ratio && q.value <= 100 && rateSaidBefore(st, clauseStart, q.start);
}

/** Right after an `a/b` pair: its share stated (`12/20 (đạt tỷ lệ 60%)`, `, đạt 60%`). */
const SHARE_STATED_AFTER = /^[\s*⁰¹²³⁴⁵⁶⁷⁸⁹]*[(,]?\s*\*?\s*(?:đạt|chiếm)\s+(?:tỷ lệ\s+)?\d/u;

/**
 * A bare `a/b` pair with its share stated, after a pair of counts in the same block, counts the same
 * thing (`… 1.702/2.031 hồ sơ (đạt 83,8%). Trong đó, cơ quan: 310/402 (đạt 77,1%)`): that pair's quantity.
 */
function sharedCountOf(q: Quantity, partner: Quantity, all: readonly Quantity[], st: TextStructure): Quantity | null {
  const right = q.ratio?.position === 1 ? q : partner;
  const left = right === q ? partner : q;
  if (!isBare(left) || !isBare(right) || !SHARE_STATED_AFTER.test(st.lower.slice(right.end, right.end + 40))) return null;
  return all.findLast((o) => o.end <= left.start && o.ratio !== null && o.unit?.startsWith('count:') === true) ?? null;
}

/**
 * A bare number among the parts in parentheses after a total of counts (`82.000 hồ sơ (59.000 A và 23.000
 * hồ sơ B)`), where another part says the total's noun: it counts that noun too. The total, or null.
 */
function partCountOf(q: Quantity, all: readonly Quantity[], st: TextStructure): Quantity | null {
  if (q.decimals > 0) return null;
  for (const g of partGroupsOf(st, all)) {
    if (!g.parts.includes(q)) continue;
    const unit = g.total.unit;
    if (unit?.startsWith('count:') && g.parts.some((p) => p !== q && p.unit === unit)) return g.total;
  }
  return null;
}

/** The last `năm 2023` of a clause that is not the year compared against (`so với năm 2022`). */
function lastYearIn(clauseBefore: string): number | null {
  const found: RegExpExecArray[] = [];
  YEAR_IN_TEXT.lastIndex = 0;
  for (let m = YEAR_IN_TEXT.exec(clauseBefore); m; m = YEAR_IN_TEXT.exec(clauseBefore)) found.push(m);
  for (let k = found.length - 1; k >= 0; k--) {
    const m = found[k]!;
    if (!COMPARED_BEFORE.test(clauseBefore.slice(0, m.index))) return Number(m[1]);
  }
  return null;
}

/** Heading paths repeat block after block: a trie on the path's own strings finds each one's section without building a key. */
interface SectionNode {
  section?: ReturnType<typeof sectionOf>;
  next: Map<string, SectionNode>;
}

function sectionFor(root: SectionNode, path: readonly string[], meta: DocumentMetadata): ReturnType<typeof sectionOf> {
  let node = root;
  for (const heading of path) {
    let child = node.next.get(heading);
    if (!child) node.next.set(heading, (child = { next: new Map() }));
    node = child;
  }
  return (node.section ??= sectionOf(path, meta));
}

interface Context {
  meta: DocumentMetadata;
  /** bare numbers whose wording gives them no unit and no role: counted, so none vanishes unseen */
  bare: number;
  anchors: Map<number, Candidate>;
  anchorText: Map<number, string>;
  /** blocks under one heading share their path: read each path's section once */
  sections: SectionNode;
  /** the document's date and its title's period, for the wording that leaves them out */
  periods: DocumentPeriods;
  headingPeriod: (heading: string) => string | null;
  /** the kind a block's last figure had when the block ended by announcing its parts (`… là 300 triệu đồng. Trong đó:`), for the list items after it */
  listKind: { kind: Kind; bullet: string } | null;
  /** the subject of the lead-in sentence the bullets being read are under (`Kết quả … như sau:`) */
  leadIn: string | null;
  /** the period that lead-in names beyond a plain year, if any, and the lead-in's bullet */
  leadInPeriod: LeadInPeriod | null;
}

/** Kinds a list of parts takes from the total that announces it: the items of a plan are planned, of a running total running. */
const CARRIED_KINDS: ReadonlySet<Kind> = new Set<Kind>(['plan', 'cumulative', 'estimate']);

/** The mark a list item opens with (`+`, `-`, `•`), which says its level; null for a block that is no item. */
function bulletOf(text: string): string | null {
  return LIST_ITEM.exec(text)?.[1] ?? null;
}

/** Footnote marks written on words rather than glued to a number. */
function wordMarks(st: TextStructure, qs: readonly Quantity[]): { number: number; pos: number }[] {
  const glued = new Set(qs.filter((q) => q.footnotes.length > 0).map((q) => q.end));
  const out: { number: number; pos: number }[] = [];
  for (const m of superscriptRuns(st.text)) {
    if (glued.has(m.index)) continue;
    if ((m.text === '²' || m.text === '³') && st.text[m.index - 1] === 'm') continue;
    out.push({ number: superscriptToNumber(m.text), pos: m.index });
  }
  return out;
}

interface RelationReading {
  unit: UnitCode | null;
  unitText: string | null;
  kind: Kind | null;
  sign: number;
  inferred: string[];
}

/** Relation kinds and missing units, from the words around the number. */
function readRelation(q: Quantity, prev: Quantity | undefined, pre: string, post: string): RelationReading {
  const r: RelationReading = { unit: q.unit, unitText: q.unitText, kind: null, sign: 1, inferred: [] };
  const againstPlan = AGAINST_PLAN.test(post) && !TARGET_STATED_AFTER.test(post);
  if (isBare(q) && againstPlan && REACHED_BEFORE.test(pre)) {
    r.unit = 'percent';
    r.inferred.push('unit % inferred: a share of plan written without %');
  }
  if (r.unit === 'percent' && againstPlan) {
    // `tăng 3,1% so với kế hoạch` is by how much the plan was passed, like `vượt`.
    const rose = /(?:^|[^\p{L}])tăng\s*(?:thêm\s*)?$/u.test(pre);
    const fell = /(?:^|[^\p{L}])giảm\s*$/u.test(pre);
    r.kind = OVER_BEFORE.test(pre) || rose || fell ? 'over_plan' : 'share_of_plan';
    if (fell) r.sign = -1;
  }
  if (r.kind === null && r.unit === 'percent' && OVER_PLAN_BEFORE.test(pre)) r.kind = 'over_plan';
  if (r.kind === null) {
    for (const rel of RELATION_BEFORE) {
      if (!rel.re.test(pre)) continue;
      r.kind = rel.relation === 'change' && r.unit === 'percent' ? 'growth' : rel.relation;
      if (rel.sign) r.sign = rel.sign;
      break;
    }
  }
  if (r.kind === null && r.unit === 'percent' && prev?.ratio?.position === 1 && SHARE_AFTER_RATIO.test(pre)) r.kind = 'share';
  if (r.kind === null && PREVIOUS_BEFORE.test(pre)) r.kind = 'previous';
  return r;
}

/** The words right after a number up to a digit or punctuation (`12% tổng diện tích`). */
function wordsAfter(text: string, end: number): string {
  return /^[\s*]*([^\d,;.()]{3,60})/u.exec(text.slice(end))?.[1] ?? '';
}

/** What the checks read about a block as a whole: its breakdowns, its `a/b` pairs and parentheses of parts, whether it itemizes. */
function readBlock(block: Block, st: TextStructure, all: readonly Quantity[]): BlockReading {
  return {
    index: block.index,
    breakdowns: breakdownsOf(st),
    pairs: ratioPairsOf(st, all),
    partGroups: partGroupsOf(st, all),
    itemizing: block.kind === 'footnote' && ITEMIZING_START.test(block.text),
  };
}

/** Every complete `a/b` pair (among all quantities, bare ones too) with the numbers either side of it in its clause. */
function ratioPairsOf(st: TextStructure, qs: readonly Quantity[]): RatioPair[] {
  const text = st.text;
  const groups = new Map<number, Quantity[]>();
  for (const q of qs) {
    if (!q.ratio) continue;
    const list = groups.get(q.ratio.group);
    if (list) list.push(q);
    else groups.set(q.ratio.group, [q]);
  }
  // quantities come in the order of the text: each pair's neighbours are found by index, not by a scan
  const at = new Map(qs.map((q, i) => [q, i]));
  const out: RatioPair[] = [];
  for (const pair of groups.values()) {
    const left = pair.find((q) => q.ratio!.position === 0);
    const right = pair.find((q) => q.ratio!.position === 1);
    if (!left || !right) continue;
    const clause = { start: lastAtOrBefore(st.listClauseStarts, left.start), end: nextAfter(st.listClauseStarts, right.end, text.length) };
    const next = neighbour(qs, at.get(right)!, 1, (q) => q.start >= right.end && q !== right);
    const previous = neighbour(qs, at.get(left)!, -1, (q) => q.end <= left.start && q !== left);
    out.push({
      left,
      right,
      clause,
      next: next && next.start < clause.end ? { quantity: next, between: text.slice(right.end, next.start), after: text.slice(next.end, next.end + 40) } : null,
      previous:
        previous && previous.start >= clause.start
          ? {
              quantity: previous,
              between: text.slice(previous.end, left.start),
              before: text.slice(Math.max(clause.start, previous.start - 40), previous.start),
            }
          : null,
    });
  }
  return out;
}

/**
 * The first quantity from index `from` on in direction `step` that `ok` accepts. Quantities are in text
 * order and do not overlap, so the one wanted is next to `from` but for overlapping spans: a few steps.
 */
function neighbour(qs: readonly Quantity[], from: number, step: 1 | -1, ok: (q: Quantity) => boolean): Quantity | undefined {
  for (let i = from + step; i >= 0 && i < qs.length; i += step) if (ok(qs[i]!)) return qs[i];
  return undefined;
}

/** One block being read: its structure, the numbers kept, and what reading them so far has settled. */
interface BlockRun {
  block: Block;
  st: TextStructure;
  /** the quantities taken as facts, in the order of the text */
  qs: readonly Quantity[];
  section: ReturnType<typeof sectionOf>;
  /** the period its headings name beyond a plain year (`II. Kết quả quý I/2026`), innermost first; else null */
  headingPeriod: string | null;
  periods: DocumentPeriods;
  /** the period the sentence states before each clause, by clause start */
  sentencePeriods: Map<number, string | null>;
  /** the period each sentence states before its first number, by sentence start */
  openingPeriods: Map<number, string | null>;
  /** the period the lead-in this list item is under names (`Tỷ lệ hồ sơ trực tuyến (trong quý I/2026):`) */
  leadInPeriod: string | null;
  inFootnote: number | null;
  /** for a footnote body: the number its mark hangs on, and what that number is about */
  anchor: Candidate | null;
  anchorSubject: string | null;
  /** for a list item under a block that announced its parts: that block's kind (plan, cumulative…) */
  carried: Kind | null;
  state: BlockState;
  made: Candidate[];
  byQuantity: Map<Quantity, Candidate>;
  reading: BlockReading;
  /** the subject of the lead-in sentence this bullet is under, if any */
  leadIn: string | null;
}

/** Where one number sits: its neighbours, its clause and sentence, and the (lower-cased) words either side. */
interface Spot {
  q: Quantity;
  prev: Quantity | undefined;
  next: Quantity | undefined;
  clauseStart: number;
  clauseEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** where the words before the number start: the previous number's end in the same clause, else the clause start */
  prevEnd: number;
  /** where the words after it end: the next number in the same clause, else the clause end */
  postEnd: number;
  /** past the number's footnote marks */
  markEnd: number;
  pre: string;
  after: string;
  clauseBefore: string;
  /** both halves of the number's `a/b` pair, or none */
  ratioPair: readonly Quantity[];
}

function spotOf(run: BlockRun, i: number): Spot {
  const { st, qs } = run;
  const text = st.text;
  const q = qs[i]!;
  // Bounds are checked before every read here: reading past the end of an array or a string makes V8
  // throw away the optimized code of the function that does it, and compiling it again is slow.
  const prev = i > 0 ? qs[i - 1] : undefined;
  const next = i + 1 < qs.length ? qs[i + 1] : undefined;
  const clauseStart = lastAtOrBefore(st.clauseStarts, q.start);
  const clauseEnd = nextAfter(st.clauseStarts, q.start, text.length);
  const prevEnd = prev && prev.end > clauseStart ? prev.end : clauseStart;
  const postEnd = next && next.start < clauseEnd ? next.start : clauseEnd;
  let markEnd = q.end;
  while (markEnd < text.length && isSuperscriptCode(text.charCodeAt(markEnd))) markEnd++;
  return {
    q,
    prev,
    next,
    clauseStart,
    clauseEnd,
    sentenceStart: lastAtOrBefore(st.sentenceStarts, q.start),
    sentenceEnd: nextAfter(st.sentenceStarts, q.start, text.length),
    prevEnd,
    postEnd,
    markEnd,
    pre: st.lower.slice(prevEnd, q.start),
    after: st.lower.slice(markEnd, postEnd),
    clauseBefore: st.lower.slice(clauseStart, q.start),
    ratioPair: q.ratio ? qs.filter((o) => o.ratio?.group === q.ratio?.group) : [],
  };
}

/** The relation the words around the number state, carried on over a list of changes after one verb. */
function readKind(run: BlockRun, at: Spot): RelationReading {
  const { q, prev, pre } = at;
  const reading = readRelation(q, prev, pre, at.after);
  // a target named right before the number is a plan, whatever follows it (`chỉ tiêu là 80% kế hoạch năm`)
  if (!isBare(q) && TARGET_BEFORE.test(pre)) reading.kind = 'plan';
  const prevMade = run.made.at(-1);
  if (
    reading.kind === null &&
    prevMade &&
    prev &&
    prevMade.quantity === prev &&
    (prevMade.kind === 'change' || prevMade.kind === 'growth') &&
    /^[\s,=]*$/u.test(pre) &&
    /so với/u.test(run.st.lower.slice(q.end, at.clauseEnd))
  ) {
    // `giảm 202 lượt, 238 người = 200 vụ việc so với năm 2022`: one verb, one comparison, a list of changes.
    reading.kind = reading.unit === 'percent' ? 'growth' : 'change';
    reading.sign = Math.sign(prevMade.value) || 1;
  }
  if (reading.kind === null && reading.unit === 'percent') reading.kind = portionKind(run, at);
  return reading;
}

/**
 * A percent that is a portion (tests/eval/README.md convention 4): `đạt tỷ lệ 95%` after a count, whose
 * rate is not named, or `75% trên tổng chi phí`, whose whole is named after it, is a share; a bare
 * `(đạt 8,4%)` on an amount of money is its share of the plan. A named rate (`tỷ lệ … đạt 94%`) is none.
 */
function portionKind(run: BlockRun, at: Spot): Kind | null {
  const { q, prev, pre } = at;
  if (SHARE_BEFORE.test(pre)) return 'share';
  if ((SHARE_BASE_AFTER.test(at.after) || SHARE_OF_COUNT_AFTER.test(at.after)) && !RATE_NAMED.test(at.clauseBefore)) return 'share';
  if (prev && (prev.unit === 'VND' || prev.unit === 'USD') && CLOSES_PARENS.test(at.after)) {
    const between = run.st.lower.slice(prev.end, q.start);
    if (REACHED_IN_PARENS.test(between) && /^[\s*⁰¹²³⁴⁵⁶⁷⁸⁹]*\(\s*\*?\s*đạt\s*$/u.test(between)) return 'share_of_plan';
  }
  return null;
}

interface UnitReading {
  unit: UnitCode | null;
  unitText: string | null;
  inferred: string[];
}

/**
 * The unit, read or inferred: a bare number takes its pair's unit, or `%` when its clause names a rate;
 * an amount with a scale word and no unit is money when the clause or the amount before says so. Null
 * for a bare number the wording does not make a fact.
 */
function inferUnit(run: BlockRun, at: Spot, reading: RelationReading): UnitReading | null {
  const { q, clauseStart } = at;
  let { unit, unitText } = reading;
  const inferred = [...reading.inferred];
  if (unit === null && unitText === null) {
    const partner = at.ratioPair.find((o) => o !== q);
    const shared = partner && !partner.unit ? sharedCountOf(q, partner, quantitiesOf(run.block), run.st) : null;
    if (partner?.unit) {
      unit = partner.unit;
      unitText = partner.unitText;
    } else if (shared) {
      unit = shared.unit;
      unitText = null;
      inferred.push(`unit ${shared.unit} inferred: a part of the pair of counts before it`);
    } else if (!q.ratio && partCountOf(q, quantitiesOf(run.block), run.st)) {
      unit = partCountOf(q, quantitiesOf(run.block), run.st)!.unit;
      unitText = null;
      inferred.push(`unit ${unit} inferred: a part, in parentheses, of the total of counts before it`);
    } else if (/\bty le\b/.test(fold(run.block.text.slice(clauseStart, q.start))) && q.value <= 100 && !q.ratio) {
      unit = 'percent';
      inferred.push('unit % inferred: the indicator is a rate (tỷ lệ)');
    } else {
      return null;
    }
  }
  if (unit === null && q.multiplier > 0) {
    const money = run.made.findLast((c) => c.unit === 'VND' || c.unit === 'USD');
    if (!money && MONEY_WORDS.test(at.clauseBefore)) {
      unit = 'VND';
      unitText = `${q.unitText} (đồng)`;
      inferred.push('unit VND inferred: an amount of money written without "đồng"');
    } else if (money) {
      unit = money.unit;
      unitText = `${q.unitText} ${money.unit === 'VND' ? 'đồng' : 'USD'}`;
      inferred.push(`unit ${money.unit} inferred from the amount before it`);
    }
  }
  return { unit, unitText, inferred };
}

interface Period {
  kind: Kind;
  year: number | null;
  period: string | null;
  /** an `a/b` pair followed by `đạt … kế hoạch`: actual against plan */
  pairIsPlan: boolean;
}

/** The year (stated in the clause, else the section's) and, where no relation was read, the kind from the cues before the number. */
function periodOf(run: BlockRun, at: Spot, stated: Kind | null, unit: UnitCode | null): Period {
  const { q, ratioPair, clauseStart, pre } = at;
  const { st, section } = run;
  let period = periodFromWording(run, at);
  const worded = period;
  const afterPair = ratioPair.length === 2 ? st.lower.slice(ratioPair[1]!.end, Math.min(at.clauseEnd, ratioPair[1]!.end + 48)) : '';
  const pairIsPlan = ratioPair.length === 2 && PAIR_AGAINST_PLAN.test(afterPair);
  let kind = stated;
  if (kind === null) {
    if (q.ratio?.position === 1 && (pairIsPlan || isQuota(run, at))) kind = 'plan';
    else if (section.mode === 'plan') kind = 'plan';
    else if (PLAN_CUE.test(pre) && !ACTUAL_WORDS.test(pre)) kind = 'plan';
    else if (plannedByWording(run, at, unit)) kind = 'plan';
    else if (CUMULATIVE_CUE.test(st.lower.slice(Math.max(clauseStart, st.text.lastIndexOf(',', q.start - 1) + 1), q.start))) kind = 'cumulative';
    else if (ESTIMATE_CUE.test(st.lower.slice(Math.max(at.prevEnd, clauseStart), q.start))) kind = 'estimate';
    else if (AVERAGE_BEFORE.test(pre)) kind = 'average';
    else if (unit !== 'percent' && runningTotal(run, at, period)) kind = 'cumulative';
    else kind = run.carried ?? 'actual';
  }
  if (period === null) {
    // the section's year (its heading's, else the document's report or plan year), or the period the title names
    const { titlePeriod, reportPeriod, ref } = run.periods;
    const year = section.year ?? (titlePeriod !== null ? yearOfPeriod(titlePeriod) : (run.periods.titleYear ?? ref.year));
    if (year !== null) period = section.mode === 'report' && reportPeriod !== null && yearOfPeriod(reportPeriod) === year ? reportPeriod : yearPeriod(year);
  }
  if (kind === 'previous' && period !== null) period = previousPeriod(period);
  if (kind === 'plan' && period !== null) period = plannedPeriod(period, lastNamedPartIn(at.clauseBefore, run.periods.ref));
  // `đạt 100% kế hoạch đào tạo năm 2025`: a share of a plan whose wording before names no period is of the plan's year
  if (period !== null && granularityOf(period) === 'day') period = fiscalToDate(run, at, kind, unit, period);
  if ((kind === 'share_of_plan' || kind === 'over_plan') && worded === null) {
    const planYear = PLAN_YEAR_AFTER.exec(st.lower.slice(q.end, at.clauseEnd));
    if (planYear) period = yearPeriod(Number(planYear[1]));
  }
  return { kind, year: period === null ? null : yearOfPeriod(period), period, pairIsPlan };
}

/** Money that flows over a fiscal year (revenue, spending, disbursement): counted to a date, it runs from the year's start. */
const FISCAL_FLOW = /(?<![\p{L}])(?:tổng thu|thu ngân sách|thu nội địa|tổng chi|chi ngân sách|giải ngân|doanh thu)(?![\p{L}])/u;

/**
 * `Tổng thu ngân sách đến ngày 05/11/2025 đạt 26.353 tỷ đồng, bằng 98% dự toán`: an amount of a fiscal
 * flow up to a date is the year to that date (Vietnam's fiscal year is the calendar year), and so are
 * the shares of the plan stated right after it. Any other figure at a date is a stock at that date.
 */
function fiscalToDate(run: BlockRun, at: Spot, kind: Kind, unit: UnitCode | null, day: string): string {
  const toDate = () => monthsPeriod(Number(day.slice(0, 4)), 1, Number(day.slice(5, 7)));
  if ((unit === 'VND' || unit === 'USD') && FISCAL_FLOW.test(at.clauseBefore)) return toDate();
  const before = run.made.at(-1);
  if (kind !== 'share_of_plan' && kind !== 'share') return day;
  if (
    before &&
    before.block === run.block &&
    before.reading.sentence.start === at.sentenceStart &&
    (before.unit === 'VND' || before.unit === 'USD') &&
    before.period === toDate()
  ) {
    return toDate();
  }
  return day;
}

/** The plan a share is of, with its year, right after the percent (`100% kế hoạch đào tạo, bồi dưỡng năm 2025`). */
const PLAN_YEAR_AFTER = /^[\s*)]*(?:so với\s+)?(?:kế hoạch|kh|chỉ tiêu|dự toán)(?![\p{L}])[^\d;.()]{0,60}?năm\s+(\d{4})/u;

/**
 * A target is set for a year (or a span of years): the date or month a sentence measures progress at,
 * or the month a report is written in, is not its period. Only a quarter, half or month named in the
 * target's own clause (`kế hoạch quý I`) is.
 */
function plannedPeriod(period: string, ownClause: string | null): string {
  const g = granularityOf(period);
  if (g === 'year' || g === 'years') return period;
  if (ownClause === period && (g === 'quarter' || g === 'semester' || g === 'month')) return period;
  return yearPeriod(yearOfPeriod(period));
}

/** The whole of an `a/b` pair is a quota (QUOTA_BEFORE, QUOTA_AFTER): the part is what was used of it. */
function isQuota(run: BlockRun, at: Spot): boolean {
  const [left, right] = at.ratioPair;
  if (!left || !right) return false;
  const { lower } = run.st;
  return QUOTA_BEFORE.test(lower.slice(at.clauseStart, left.start)) || QUOTA_AFTER.test(lower.slice(right.end, right.end + 24));
}

/** Whether the report is about less than a whole year (a month's, a quarter's report), so its year is not over. */
function reportWithinYear(periods: DocumentPeriods): boolean {
  // the title's period is only ever one shorter than a year; a title that names only a year is a yearly report's
  return periods.titlePeriod !== null || (periods.titleYear === null && periods.ref.month !== null && periods.ref.month < 12);
}

/** The month the report is about (`tháng 3/2026` in its title), else the month of its date. */
function reportMonth(periods: DocumentPeriods): { year: number; month: number } | null {
  const m = periods.titlePeriod !== null ? /^(\d{4})-M(\d{2})$/.exec(periods.titlePeriod) : null;
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  const { ref } = periods;
  return ref.year !== null && ref.month !== null ? { year: ref.year, month: ref.month } : null;
}

/**
 * Where the words that can govern a number start: its sentence, or the sentence before when its own
 * opens by itemizing that one (`… 120 hồ sơ. Trong đó, A: 12/20 …`).
 */
function governingStart(run: BlockRun, at: Spot): number {
  const { st } = run;
  const start = at.sentenceStart;
  if (start > 0 && /^[\s*(]*(?:trong đó|cụ thể|bao gồm|gồm)(?![\p{L}])/u.test(st.lower.slice(start, start + 24))) {
    return lastAtOrBefore(st.sentenceStarts, start - 1);
  }
  return start;
}

/** The words before a number since the last comma, semicolon or parenthesis: what its own verb says. */
function lastPiece(clauseBefore: string): string {
  const cut = Math.max(clauseBefore.lastIndexOf(','), clauseBefore.lastIndexOf(';'), clauseBefore.lastIndexOf('('));
  return clauseBefore.slice(cut + 1);
}

/**
 * A count or amount that runs from a point to now (GLOSSARY `cumulative`; the cues in RUNNING_TOTAL_CUES),
 * over the whole sentence the cue opens. Not the whole of an `a/b` pair (a stock: `đạt 12/20 hồ sơ`),
 * nor anything after a shorter period named later, nor where the period is the report's whole year
 * (`từ đầu năm` in a yearly report is that year's flow).
 */
function runningTotal(run: BlockRun, at: Spot, period: string | null): boolean {
  const { q } = at;
  if (q.ratio?.position === 1) return false;
  const from = governingStart(run, at);
  const scope = run.st.lower.slice(from, q.start);
  let best = runningCueIn(scope);
  let after = best ? scope.slice(best.end) : '';
  if (!best) {
    // the cue the paragraph opens with governs its later sentences as it governs their period
    const carried = carriedFrom(run, at);
    if (carried) {
      const first = run.qs.find((o) => o.start >= carried.start);
      best = runningCueIn(run.st.lower.slice(carried.start, Math.min(first?.start ?? q.start, nextAfter(run.st.sentenceStarts, carried.start, q.start))));
      after = scope;
    }
  }
  if (!best) {
    // a register's records counted with no period stated: its content to date (within the list item, for a list)
    let item = 0;
    for (const m of scope.matchAll(LIST_MARKER)) item = m.index;
    return period === null && reportWithinYear(run.periods) && REGISTER_WORK.test(scope.slice(item)) && !NOT_DONE.test(lastPiece(at.clauseBefore));
  }
  if (BOUNDED_PERIOD.test(after)) return false;
  const yearly = !reportWithinYear(run.periods) && (period === null || /^\d{4}$/.test(period));
  // `tính đến ngày …, cấp xã có 120/124 xã …`: what a place has at the date is a stock
  if (/(?<![\p{L}])(?:hiện\s+)?có\s*$/u.test(lastPiece(at.clauseBefore))) return false;
  if (best.cue === 'strong') return !(yearly && /^từ đầu năm/u.test(best.m[0]));
  if (yearly) return false;
  if (best.cue === 'since') {
    const month = reportMonth(run.periods);
    // from the first of the month reported on: that month's flow
    return !(month && Number(best.m[1]) === 1 && Number(best.m[2]) === month.month && Number(best.m[3]) === month.year);
  }
  return DONE.test(after) && !NOT_DONE.test(lastPiece(at.clauseBefore));
}

type RunningCue = { cue: 'strong' | 'since' | 'now'; end: number; m: RegExpExecArray };

/** The strongest running-total cue of a text (RUNNING_TOTAL_CUES), or null. */
function runningCueIn(scope: string): RunningCue | null {
  let best: RunningCue | null = null;
  const rank = { strong: 3, since: 2, now: 1 } as const;
  for (const { cue, re } of RUNNING_TOTAL_CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(scope); m; m = re.exec(scope)) {
      if (!best || rank[cue] > rank[best.cue]) best = { cue, end: m.index + m[0].length, m };
    }
  }
  return best;
}

/**
 * A planned figure the words around it say is one: a list of tasks ahead; an amount allocated (`giao`);
 * an amount of a budget head for the report's own year, in a report written before that year is over,
 * with no word of spending it (`Kinh phí chi đầu tư năm 2026 là …`).
 */
function plannedByWording(run: BlockRun, at: Spot, unit: UnitCode | null): boolean {
  const { st } = run;
  const { q, clauseBefore } = at;
  if (TASKS_AHEAD.test(st.lower.slice(0, q.start))) return true;
  if (unit !== 'VND' && unit !== 'USD') return false;
  if (SPENT_WORDS.test(clauseBefore)) return false;
  if (ALLOCATED.test(clauseBefore)) return true;
  const year = lastYearIn(clauseBefore);
  return year !== null && year === run.periods.ref.year && reportWithinYear(run.periods) && BUDGET_WORDS.test(clauseBefore);
}

/**
 * The period the words say: the clause before the number (its last cue; a plain year as the clause's
 * last `năm 2023` not compared against), else a shorter or longer period the sentence before it or a
 * heading names. Null leaves it to the section (the heading's report or plan year, the document's date).
 */
function periodFromWording(run: BlockRun, at: Spot): string | null {
  const { ref } = run.periods;
  const inClause = lastPeriodIn(at.clauseBefore, ref);
  if (inClause !== null && !/^\d{4}$/.test(inClause)) return inClause;
  const year = lastYearIn(at.clauseBefore);
  if (year !== null) return yearPeriod(year);
  let inSentence = run.sentencePeriods.get(at.clauseStart);
  if (inSentence === undefined) {
    inSentence = at.clauseStart > at.sentenceStart ? lastSubOrMultiYearIn(run.st.lower.slice(at.sentenceStart, at.clauseStart), ref, true) : null;
    run.sentencePeriods.set(at.clauseStart, inSentence);
  }
  return inSentence ?? carriedPeriod(run, at) ?? run.leadInPeriod ?? run.headingPeriod;
}

/** A sentence that opens a new matter (`Ngoài ra, …`, `Bên cạnh đó, …`): the period of the sentences before is not its. */
const NEW_MATTER = /^[\s*(+-]*(?:ngoài ra|bên cạnh đó|mặt khác)(?![\p{L}])/u;

/** The period a sentence states before its first number (`Tính đến ngày 05/11/2025, tỷ lệ … đạt 72%`), or null. */
function openingPeriodOf(run: BlockRun, sentenceStart: number): string | null {
  let p = run.openingPeriods.get(sentenceStart);
  if (p === undefined) {
    const end = nextAfter(run.st.sentenceStarts, sentenceStart, run.st.text.length);
    const first = run.qs.find((q) => q.start >= sentenceStart && q.start < end);
    p = lastSubOrMultiYearIn(run.st.lower.slice(sentenceStart, first?.start ?? end), run.periods.ref, true);
    run.openingPeriods.set(sentenceStart, p);
  }
  return p;
}

/**
 * The period the paragraph opens with, for a later sentence that names none: `Tính đến ngày 05/11/2025,
 * tỷ lệ A đạt 72%. Tỷ lệ B đạt 63%.` states both at that date. Not past a sentence that opens a new
 * matter or names a period of its own (that one is only its own). Null, or the paragraph's opening
 * sentence's start and period.
 */
function carriedFrom(run: BlockRun, at: Spot): { start: number; period: string } | null {
  const { st } = run;
  if (at.sentenceStart === 0 || NEW_MATTER.test(st.lower.slice(at.sentenceStart, at.sentenceStart + 24))) return null;
  const starts = st.sentenceStarts;
  for (let k = starts.indexOf(at.sentenceStart) - 1; k >= 0; k--) {
    const p = openingPeriodOf(run, starts[k]!);
    if (k === 0) return p === null ? null : { start: 0, period: p };
    if (p !== null || NEW_MATTER.test(st.lower.slice(starts[k]!, starts[k]! + 24))) return null;
  }
  return null;
}

function carriedPeriod(run: BlockRun, at: Spot): string | null {
  return carriedFrom(run, at)?.period ?? null;
}

interface LabelStart {
  start: number;
  /** where the words naming the number before end */
  prevTail: number;
  /** the candidate the number before became, if it did */
  prevCand: Candidate | undefined;
  /** the number opens a parenthesis of its own right after the number before (`11.310 tấn (tương đương …`) */
  parenRightAfter: boolean;
}

/**
 * Where the label starts: after the previous number's own tail (up to its first comma), or an opening
 * parenthesis, or the clause start.
 */
function labelStartOf(run: BlockRun, at: Spot): LabelStart {
  const { q, prev, clauseStart, prevEnd } = at;
  const { block, st, byQuantity } = run;
  let start = prevEnd;
  const prevTail = prev ? (byQuantity.get(prev)?.tail ?? prev.end) : prevEnd;
  if (prev && prev.end > clauseStart && prevTail > prev.end && prevTail <= q.start && /[,;]/.test(block.text.slice(prev.end, prevTail))) {
    // the number before named its subject after itself, past a comma (`98,83% tỷ lệ thôn, bản …`)
    start = prevTail;
  } else if (prev && prev.end > clauseStart) {
    const comma = block.text.indexOf(',', prev.end);
    if (comma >= 0 && comma < q.start) start = comma + 1;
    else start = prev.end + (PREVIOUS_TAIL.exec(block.text.slice(prev.end, q.start).toLowerCase())?.[0].length ?? 0);
  }
  const paren = block.text.lastIndexOf('(', q.start);
  const inNewParen = paren >= prevEnd && st.depth[q.start]! > 0;
  if (inNewParen) start = paren + 1;
  return {
    start,
    prevTail,
    prevCand: prev ? byQuantity.get(prev) : undefined,
    parenRightAfter: inNewParen && prev !== undefined && /^[^,;.()]*$/u.test(block.text.slice(prev.end, paren)),
  };
}

/** `11.310 tấn (tương đương 1.186 tấn bột khô)`: a restatement or breakdown is the same kind of figure. */
function restatedKind(at: Spot, kind: Kind, from: LabelStart): Kind {
  const { prevCand } = from;
  if (kind === 'actual' && prevCand && !RELATION_KINDS.has(prevCand.kind) && from.parenRightAfter && at.prev!.end > at.clauseStart) return prevCand.kind;
  return kind;
}

interface Naming {
  /** the words before the number that name it, trimmed */
  local: string;
  /** the words after it that name what it counts or measures */
  post: string;
  /** where those words after it end */
  tail: number;
}

/**
 * The words that name the number: before it (after a topic, which becomes the block's subject) and
 * after it (`754,2ha chè`; for an `a/b` pair, after its right half).
 */
function namingOf(run: BlockRun, at: Spot, from: LabelStart, unit: UnitCode | null, isRelation: boolean): Naming {
  const { q, ratioPair, clauseEnd } = at;
  const { st, state } = run;
  const raw = run.block.text.slice(from.start, q.start);
  const found = topicIn(raw);
  if (found.subject && !isRelation) {
    state.subject = found.subject;
    state.subjectFromTopic = true;
    state.rich.clear();
  }
  // `Số học sinh tốt nghiệp THCS …: 864/1506 học sinh`: a long name before a colon is the label itself.
  const own = tidyLabel(trimLabel(raw.slice(found.localOffset)));
  const named = own || (found.subject === null && found.before ? tidyLabel(trimLabel(found.before)) : '');
  // what a cut beside the number leaves (`trên tổng chi phí`, `Theo đó`) names nothing; a measure word (`Tổng số`) does
  const local = isFragment(named) && !isMeasureOnly(named) ? '' : named;
  // `100% hồ sơ quá hạn đều được xử lý`: a rate that opens its clause is the share of what follows it doing what follows
  const counted = unit?.startsWith('count:') ?? false;
  const opensClause = unit === 'percent' && !isRelation && (own === '' || (isFragment(own) && !isMeasureOnly(own)));
  let post = '';
  let tail = at.markEnd;
  if (q.ratio?.position === 0 && ratioPair[1]) {
    const right = ratioPair[1];
    const nextAfterPair = run.qs.find((o) => o.start > right.end);
    post = postLabel(st, right.end, nextAfterPair && nextAfterPair.start < clauseEnd ? nextAfterPair.start : clauseEnd, counted || opensClause).text;
  } else {
    const after = postLabel(st, at.markEnd, at.postEnd, counted || opensClause, unit === 'percent' && !isRelation);
    post = after.text;
    tail = after.end;
  }
  if (post && counted && !isRelation) post = `${unit!.slice(6)} ${post}`;
  // `10 hồ sơ A và 12 hồ sơ B`: the words before an item of a list are the item before's, not its own
  const sibling = post !== '' && !isRelation && at.prev !== undefined && at.prev.end > at.clauseStart && SIBLING_BEFORE.test(raw);
  return { local: sibling && !isMeasureOnly(local) ? '' : local, post, tail };
}

/** What ends the words before the next item of a list: `và`, `hoặc`, a comma. */
const SIBLING_BEFORE = /(?:(?<![\p{L}])(?:và|hoặc)|,)[\s*]*$/u;

interface Label {
  label: string;
  /** the label without words baocao added, for catalog matching */
  catalogLabel: string;
  subject: string | null;
}

/**
 * The label from the naming words and what the block has said so far (its topic, the last descriptive
 * label at this depth, the number a footnote hangs on), with the counted noun, `(tổng số)` for the
 * whole of a pair, and the measure a unit implies (`(diện tích)`).
 */
function labelOf(run: BlockRun, at: Spot, from: LabelStart, naming: Naming, unit: UnitCode | null, isRelation: boolean, pairIsPlan: boolean): Label {
  const { q, prev, clauseStart } = at;
  const { block, state, anchorSubject } = run;
  const { local, post } = naming;
  const { prevCand } = from;
  let label: string;
  let subject: string | null;
  const depth = run.st.depth[q.start]!;
  const base = richAt(state.rich, depth) ?? state.subject;
  const weakLocal = prevCand !== undefined && prev!.end > clauseStart && !/[,;(]/.test(block.text.slice(prev!.end, q.start)) && local.split(' ').length <= 2;
  if (post) {
    label = isMeasureOnly(local) ? joinLabel(base && isMeasureOnly(post) ? base : null, post, local) : joinLabel(local, post);
    subject = isMeasureOnly(local) ? post : joinLabel(subjectOf(local), post);
  } else if (local && !isMeasureOnly(local)) {
    label = state.subjectFromTopic && state.subject && !sharesContent(local, state.subject) ? joinLabel(state.subject, local) : local;
    subject = subjectOf(local);
  } else {
    label = joinLabel(base, local);
    subject = base;
  }
  if (weakLocal && local && !isMeasureOnly(local) && !isRelation && !RELATION_KINDS.has(prevCand!.kind)) {
    // `thu hồi 14,99 ha đất của 03 tổ chức`: a short link word ties this number to the one before.
    label = joinLabel(prevCand!.subject, label);
    subject = label;
  }
  if (run.inFootnote !== null && anchorSubject && !containsContent(label, anchorSubject) && !state.subjectFromTopic) {
    label = joinLabel(anchorSubject, label);
  }
  label = tidyLabel(label);
  const glossed = !isRelation && !post && isMeasureOnly(local) && depth > 0 && !from.parenRightAfter;
  if (!isRelation && (label === '' || isFragment(label) || glossed)) {
    // the words beside the number name nothing: the phrase a parenthesis glosses, else the clause's subject
    const subjectNamed = subjectOfClause(run, at);
    if (subjectNamed) {
      label = joinLabel(subjectNamed, label);
      subject = subjectNamed;
    }
  }
  if (
    !isRelation &&
    BARE_MEASURE.test(label) &&
    prevCand?.subject &&
    saysSomething(prevCand.subject) &&
    prev!.start >= at.sentenceStart &&
    !RELATION_KINDS.has(prevCand.kind)
  ) {
    // `… 4.100 hồ sơ, tỷ lệ 97%`: a bare measure after a figure of its sentence is that figure's
    label = joinLabel(label, prevCand.subject);
  }
  if (!isRelation && run.leadIn && !saysSomething(label)) {
    // `- Đợt đầu: 40 lượt` under `Kết quả kiểm định như sau:`: the item says which, the lead-in what
    label = joinLabel(run.leadIn, label);
    subject = run.leadIn;
  }
  if (!isRelation && subject && !isFragment(subject)) setRich(state.rich, depth, subject);
  const moneyOf = unit === 'VND' || unit === 'USD' ? MONEY_OF_PREVIOUS.exec(block.text.slice(prev?.end ?? clauseStart, q.start).toLowerCase()) : null;
  if (moneyOf?.[1] && prevCand && !RELATION_KINDS.has(prevCand.kind) && prev!.end > clauseStart && !isRelation) {
    // `58 đối tượng … với số tiền 893,144 triệu đồng`: the amount of the item counted before it.
    label = joinLabel(prevCand.label, moneyOf[1], post && !post.startsWith('đồng') ? post : null);
    subject = prevCand.subject;
  }
  const noun = unit?.startsWith('count:') ? unit.slice(6) : null;
  if (noun && !isRelation && label && !contains(label, noun)) label = `${label} – ${noun}`;
  if (q.ratio?.position === 1 && !pairIsPlan) label = `${label} (tổng số)`;
  const measure = unit ? UNIT_MEASURE[unit] : undefined;
  const catalogLabel = label;
  const spaced = measure && label ? ` ${words(label).join(' ')} ` : '';
  if (measure && label && !DIMENSION_WORDS.some((w) => spaced.includes(` ${w} `))) {
    label = `${label} (${measure})`;
  }
  const whole = isRelation || !label || !noun ? null : wholeNamed(run, at, label, unit!);
  // `120 hồ sơ A, trong đó: 90 hồ sơ đã xong`: a part that repeats the whole's noun is that whole's part
  if (whole) label = `${whole} – ${label}`;
  return { label, catalogLabel, subject };
}

/**
 * For a count among the parts after `trong đó`/`gồm`, the phrase of its whole's subject that holds the
 * same counted noun (the words that say which whole), when its own label lacks them; else null.
 */
function wholeNamed(run: BlockRun, at: Spot, label: string, unit: UnitCode): string | null {
  const { q } = at;
  const { st } = run;
  const depth = st.depth[q.start]!;
  const scope = run.reading.breakdowns.findLast((b) => b.at < q.start && q.start < b.end && b.depth === depth);
  if (!scope) return null;
  const total = run.made.findLast(
    (c) => c.quantity.start >= scope.totalFrom && c.quantity.end <= scope.totalTo && st.depth[c.quantity.start] === depth && !RELATION_KINDS.has(c.kind),
  );
  if (!total?.subject || total.unit !== unit) return null;
  const noun = unit.slice(6);
  const part = total.subject.split(' – ').find((p) => contains(p, noun));
  return part && !containsContent(label, part) ? headWords(part, 10) : null;
}

/**
 * What the clause says the number is about when the words beside it say nothing: inside a parenthesis
 * of its own, the phrase the parenthesis glosses (`… số lượng biên chế (…/…)`); else the subject the
 * clause or list item opens with.
 */
function subjectOfClause(run: BlockRun, at: Spot): string {
  const { q, clauseStart } = at;
  const { st } = run;
  const text = st.text;
  const depth = st.depth[q.start]!;
  if (depth > 0) {
    const paren = text.lastIndexOf('(', q.start);
    const gloss = paren > clauseStart ? phraseBefore(text.slice(clauseStart, paren)) : '';
    if (gloss) return gloss;
  }
  const itemStart = lastAtOrBefore(st.listClauseStarts, q.start);
  // a number in a parenthesis is about the clause around it: its subject is before the parenthesis
  let end = q.start;
  if (depth > 0) {
    let k = q.start;
    while (k > itemStart && st.depth[k - 1]! >= depth) k--;
    end = Math.max(itemStart, k - 1);
  }
  return clauseSubject(text.slice(itemStart, end));
}

/** A measure that says of what only with the figure before it (`…, tỷ lệ 97%`). */
const BARE_MEASURE = /^(?:tỷ lệ|tỉ lệ|mức|tốc độ|số lượng|tổng số|bình quân)$/iu;

interface Target extends Label {
  relatesTo: string | null;
  year: number | null;
  period: string | null;
}

/**
 * What a relation (share of plan, growth…) or the plan half of an `a/b` pair is about: its own subject
 * when it names one, the relation before it, or the number it qualifies, whose label and year it takes.
 */
function targetOf(run: BlockRun, at: Spot, from: LabelStart, naming: Naming, own: Label, period: Period, isRelation: boolean): Target {
  const { q, prev, clauseStart, sentenceStart } = at;
  const { block, st, made } = run;
  const { local } = naming;
  let { label, catalogLabel, subject } = own;
  let year = period.year;
  let periodOf = period.period;
  let relatesTo: string | null = null;
  const lastInClause = made.findLast((c) => c.quantity.start >= clauseStart);
  const ownLabel = isRelation ? trimLabel(local.replace(RELATION_VERB_AT_END, '')) : '';
  // A relation names its own subject when it starts a clause, or when, after a comma, the words before
  // it open like an indicator (`…, tỷ lệ … tăng 2%`); otherwise they go on describing the number before.
  const ownClause =
    !prev || prev.end <= clauseStart || (/[,;(]/.test(block.text.slice(Math.max(prev.end, from.prevTail), from.start)) && INDICATOR_HEAD.test(local));
  if (isRelation && ownLabel && !isMeasureOnly(ownLabel) && ownClause) {
    // `tổng lượt khách du lịch tăng 14,2%`: the growth of the thing named right before it.
    label = ownLabel;
    subject = subjectOf(ownLabel);
    catalogLabel = label;
  } else if (isRelation && lastInClause && RELATION_KINDS.has(lastInClause.kind) && lastInClause.relatesTo === null && lastInClause.label) {
    // `… tăng 14,2% (vượt 6,2% KH)`: a relation stated on the relation before it names the same thing.
    label = lastInClause.label;
    catalogLabel = lastInClause.catalogLabel;
    subject = lastInClause.subject;
    year = lastInClause.year;
    periodOf = lastInClause.period;
  } else if (isRelation) {
    const candidates = [...made].reverse().filter((c) => !RELATION_KINDS.has(c.kind) && !(c.kind === 'plan' && c.quantity.ratio?.position === 1));
    const target =
      candidates.find((c) => c.quantity.start >= sentenceStart && st.depth[c.quantity.start]! <= st.depth[q.start]!) ??
      candidates.find((c) => c.quantity.start >= sentenceStart) ??
      (made.length === 0 ? run.anchor : null);
    if (target) {
      relatesTo = target.key;
      label = target.label;
      catalogLabel = target.catalogLabel;
      subject = target.subject;
      year = target.year;
      periodOf = target.period;
    }
  } else if (q.ratio?.position === 1 && period.pairIsPlan) {
    const left = run.byQuantity.get(at.ratioPair[0]!);
    if (left) {
      relatesTo = left.key;
      label = left.label;
      catalogLabel = left.catalogLabel;
    }
  }
  const heading = block.headingPath?.at(-1);
  if (!label) label = run.state.subject ?? run.leadIn ?? (heading ? headingLabel(heading) : '');
  if (!catalogLabel) catalogLabel = label;
  if (isRelation) {
    // `bằng 98% dự toán cấp trên, bằng 91% dự toán địa phương`: the shares of one figure differ by their base
    const base = baseAfter(st.text.slice(at.markEnd, at.clauseEnd));
    if (base && !contains(label, base)) label = `${label} – ${base}`;
  }
  return { label, catalogLabel, subject, relatesTo, year, period: periodOf };
}

/**
 * Whether the number is a term of a condition: a condition word before it and `thì` after that word,
 * within its piece of the sentence (bounded by a parenthesis or a semicolon).
 */
function inCondition(run: BlockRun, at: Spot): boolean {
  const { lower } = run.st;
  const { q } = at;
  const start = Math.max(at.sentenceStart, lower.lastIndexOf('(', q.start) + 1, lower.lastIndexOf(';', q.start) + 1);
  const close = [lower.indexOf(')', q.end), lower.indexOf(';', q.end)].filter((i) => i >= 0 && i < at.sentenceEnd);
  const end = close.length > 0 ? Math.min(...close) : at.sentenceEnd;
  const before = lower.slice(start, q.start);
  const cond = CONDITION.exec(before);
  if (!cond) return false;
  return THEN.test(lower.slice(start + cond.index, end));
}

/** One number of a block as a candidate fact, or null for a bare number nothing makes a fact. */
function candidateAt(run: BlockRun, i: number): Candidate | null {
  const { block, st, state } = run;
  const at = spotOf(run, i);
  const { q } = at;
  if (at.sentenceStart !== state.sentence) {
    state.sentence = at.sentenceStart;
    state.rich.clear();
  }
  if (inCondition(run, at)) return null;
  const reading = readKind(run, at);
  // Bare numbers are facts only where the wording says what they are.
  const unit = inferUnit(run, at, reading);
  if (!unit) return null;
  const period = periodOf(run, at, reading.kind, unit.unit);
  const isRelation = RELATION_KINDS.has(period.kind);
  const from = labelStartOf(run, at);
  const kind = restatedKind(at, period.kind, from);
  const naming = namingOf(run, at, from, unit.unit, isRelation);
  const own = labelOf(run, at, from, naming, unit.unit, isRelation, period.pairIsPlan);
  const target = targetOf(run, at, from, naming, own, period, isRelation);
  return {
    key: `${block.index}:${q.start}`,
    block,
    quantity: q,
    value: reading.sign * q.value,
    unit: unit.unit,
    unitText: unit.unitText,
    label: target.label,
    catalogLabel: target.catalogLabel,
    subject: target.subject,
    kind,
    year: target.year,
    period: target.period,
    relatesTo: target.relatesTo,
    footnotes: [...q.footnotes],
    inFootnote: run.inFootnote,
    tail: naming.tail,
    reading: {
      ratio: q.ratio,
      depth: st.depth[q.start]!,
      sentence: { start: at.sentenceStart, end: at.sentenceEnd },
      clause: { start: lastAtOrBefore(st.listClauseStarts, q.start), end: nextAfter(st.listClauseStarts, q.start, st.text.length) },
      anomalies: q.anomalies,
      inferred: unit.inferred,
      before: block.text.slice(Math.max(0, q.start - BEFORE_LENGTH), q.start),
      wordsAfter: wordsAfter(block.text, q.end),
      block: run.reading,
    },
  };
}

function headingPeriodOf(path: readonly string[], ctx: Context): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = ctx.headingPeriod(path[i]!);
    if (p !== null) return p;
  }
  return null;
}

/**
 * A paragraph that is one number and nothing else (`10,000%`, `4,74`): a chart's tick or data label, or a
 * table cell the layout left alone. No words say what it is, so it is no fact.
 */
function isLoneNumber(block: Block, all: readonly Quantity[]): boolean {
  if (block.kind !== 'paragraph' || all.length !== 1) return false;
  const q = all[0]!;
  return !/\p{L}/u.test(block.text.slice(0, q.start) + block.text.slice(q.end));
}

function extractBlock(block: Block, ctx: Context, out: Candidate[]): void {
  const st = structureOf(block);
  const all = quantitiesOf(block);
  if (isLoneNumber(block, all)) return;
  // Bare numbers that say nothing (`27/7`, `mức 2`) must not cut labels; only those the wording makes facts stay.
  let qs = all.filter((q) => !isBare(q) || q.anomalies.length > 0 || bareIsFact(q, all, st));
  // a heading states a figure only as a count in parentheses (`1. Nhóm 1: … (14/15 đơn vị)`); its other
  // numbers are its numbering and its period
  if (block.kind === 'heading') qs = qs.filter((q) => (st.depth[q.start] ?? 0) > 0 && q.unit?.startsWith('count:') === true);
  if (qs.length === 0 && block.kind === 'heading') return;
  ctx.bare += all.length - qs.length;
  const inFootnote = block.kind === 'footnote' ? (block.footnote ?? null) : null;
  const anchor = inFootnote !== null ? (ctx.anchors.get(inFootnote) ?? null) : null;
  const anchorSubject = anchor?.subject ?? (inFootnote !== null ? (ctx.anchorText.get(inFootnote) ?? null) : null);
  const run: BlockRun = {
    block,
    st,
    qs,
    section: sectionFor(ctx.sections, block.headingPath ?? [], ctx.meta),
    headingPeriod: headingPeriodOf(block.headingPath ?? [], ctx),
    periods: ctx.periods,
    sentencePeriods: new Map(),
    openingPeriods: new Map(),
    leadInPeriod: ctx.leadInPeriod !== null && ITEM_START.test(block.text) && itemMark(block.text) !== ctx.leadInPeriod.bullet ? ctx.leadInPeriod.period : null,
    inFootnote,
    anchor,
    anchorSubject,
    carried: ctx.listKind && bulletOf(block.text) !== null && bulletOf(block.text) !== ctx.listKind.bullet ? ctx.listKind.kind : null,
    state: { subject: anchorSubject, subjectFromTopic: false, rich: new Map(), sentence: 0 },
    made: [],
    byQuantity: new Map(),
    reading: readBlock(block, st, all),
    leadIn: ctx.leadIn,
  };
  const topic = TOPIC_AT_START.exec(block.text);
  if (topic?.[1]) {
    run.state.subject = clean(topic[1]);
    run.state.subjectFromTopic = true;
  }
  const { made } = run;
  for (let i = 0; i < qs.length; i++) {
    const cand = candidateAt(run, i);
    if (!cand) continue;
    made.push(cand);
    run.byQuantity.set(cand.quantity, cand);
  }

  attachWordMarks(run, ctx);
  const last = made.at(-1);
  const bullet = bulletOf(block.text);
  if (ANNOUNCES_PARTS.test(block.text) && last && CARRIED_KINDS.has(last.kind)) ctx.listKind = { kind: last.kind, bullet: bullet ?? '' };
  else if (ctx.listKind && (bullet === null || bullet === ctx.listKind.bullet)) ctx.listKind = null;
  for (const c of made) for (const n of c.footnotes) if (!ctx.anchors.has(n)) ctx.anchors.set(n, c);
  out.push(...made);
}

/**
 * Footnote marks written on words go to the last number of their clause before them; a mark with no
 * such number leaves the words before it for its footnote body to be about.
 */
function attachWordMarks(run: BlockRun, ctx: Context): void {
  const { block, st, made } = run;
  for (const mark of wordMarks(st, run.qs)) {
    const clauseStart = lastAtOrBefore(st.clauseStarts, mark.pos);
    const target = made.findLast((c) => c.quantity.end <= mark.pos && c.quantity.start >= clauseStart);
    if (target) {
      if (!target.footnotes.includes(mark.number)) target.footnotes.push(mark.number);
    } else {
      let from = Math.max(0, mark.pos - 60);
      // start on a word, not in the middle of one
      while (from > 0 && from < mark.pos && /\p{L}/u.test(block.text[from - 1]!)) from++;
      const before =
        block.text
          .slice(from, mark.pos)
          .split(/[,;.:(]/)
          .at(-1) ?? '';
      ctx.anchorText.set(mark.number, clean(before));
    }
  }
}

/** The unit a table's `ĐVT` column names (`Tỷ đồng`, `Tấn`, `%`), read by the same grammar as the text. */
function unitOfColumn(unitText: string | null): { unit: UnitCode | null; multiplier: number } {
  return readUnit(unitText);
}

function decimalsOf(value: number): number {
  const s = String(value);
  return s.includes('e') ? 0 : (s.split('.')[1]?.length ?? 0);
}

/** Indicator tables (spreadsheet appendices, tables in Word): each cell a fact, its row the label, its column the year and kind. */
function extractTables(doc: DocumentModel, meta: DocumentMetadata, out: Candidate[], file: DocumentFile): void {
  const blocks = new Map(doc.blocks.map((b) => [b.index, b]));
  const readings = new Map<number, BlockReading>();
  for (const tv of tableValues(doc, file)) {
    const block = blocks.get(tv.blockIndex);
    if (!block) continue;
    if (tv.kind === null) {
      file.message(`${tv.sheet}!${tv.cell}: column "${tv.columnHeader}" has no year or kind: value not loaded`, {
        stage: 'extract',
        ruleId: 'extract:column-without-period',
        place: { ...placeOfBlock(block), cell: tv.cell },
      });
      continue;
    }
    let blockReading = readings.get(block.index);
    // A cell's number spans its whole row: a row holds no breakdown or `a/b` pair of its facts.
    if (!blockReading) readings.set(block.index, (blockReading = { index: block.index, breakdowns: [], pairs: [], partGroups: [], itemizing: false }));
    const col =
      tv.whole && tv.measure === 'rank'
        ? rankWholeUnit(tv.columnEntities, meta)
        : tv.unit !== null
          ? { unit: tv.unit, multiplier: tv.multiplier }
          : unitOfColumn(tv.unitText);
    if (col === null) continue;
    const relation = tv.kind === 'share_of_plan' || tv.kind === 'growth';
    const unit = relation ? 'percent' : col.unit;
    const multiplier = relation ? 0 : col.multiplier;
    const parent = tv.labelPath.at(-1);
    const rowLabel = isMeasureOnly(tv.label) && parent ? joinLabel(parent, tv.label) : tv.label;
    // the columns' entity and measure (`Tỉnh Mây`, `Điểm số`) name what the value is of, beside its row
    const label = [rowLabel, ...tv.columnSubject, ...(tv.whole && tv.measure !== 'rank' ? ['tối đa'] : [])].join(' ');
    const kind = tv.average && tv.kind === 'actual' ? 'average' : tv.kind;
    const decimals = decimalsOf(tv.value);
    // a column of a span of years (`2016-2020`) is about that span; another about its year, else the document's
    const year = tv.years !== null ? yearOfPeriod(tv.years) : (tv.year ?? (tv.kind === 'plan' ? meta.planYear : meta.reportYear));
    const quantity: Quantity = {
      raw: String(tv.value),
      start: 0,
      end: block.text.length,
      value: tv.value,
      unit,
      unitText: relation ? '%' : tv.unitText,
      multiplier,
      baseValue: Number(`${tv.value}e${multiplier}`),
      qualifier: null,
      footnotes: [],
      decimals,
      ratio: null,
      anomalies: [],
    };
    out.push({
      key: `${block.index}:${tv.cell}${tv.whole ? '/' : ''}`,
      block,
      quantity,
      value: tv.value,
      unit,
      unitText: quantity.unitText,
      label,
      catalogLabel: rowLabel,
      subject: label,
      kind,
      year,
      period: tv.period ?? tv.years ?? (year === null ? null : yearPeriod(year)),
      relatesTo: null,
      footnotes: [],
      inFootnote: null,
      tail: block.text.length,
      cell: tv.cell,
      reading: {
        ratio: null,
        // the checks compare depths within a block only, and a row's numbers all sit at its start
        depth: 0,
        sentence: { start: 0, end: block.text.length },
        clause: { start: 0, end: block.text.length },
        anomalies: [],
        // read from its cell, unit and all: nothing inferred (the cell is in `cell`)
        inferred: [],
        before: '',
        wordsAfter: '',
        block: blockReading,
      },
    });
  }
}

/** A list item (`+ …`, `- …`, `(1) …`, `a) …`) under the block before. */
const ITEM_START = /^[\s*_]*(?:[-+•–]|\(?(?:\d{1,2}|[a-zđ])\))/iu;

/**
 * The period a lead-in names for the list after it (`- Tỷ lệ hồ sơ trực tuyến (trong quý I/2026):`), kept
 * over the items that follow it and dropped at the first block that is no item.
 */
function leadInPeriodAfter(text: string, previous: LeadInPeriod | null, periods: DocumentPeriods): LeadInPeriod | null {
  const t = text.trim();
  // an item at the lead-in's own level (`- …` after `- …:`) is its sibling, not one of its items
  const kept = ITEM_START.test(t) && previous !== null && itemMark(t) !== previous.bullet ? previous : null;
  if (t.endsWith(':')) {
    const lower = t.toLowerCase();
    const cut = Math.max(lower.lastIndexOf('. ', lower.length - 2), lower.lastIndexOf('; ', lower.length - 2));
    const period = lastSubOrMultiYearIn(lower.slice(cut + 1), periods.ref);
    return period !== null ? { period, bullet: itemMark(t) } : kept;
  }
  return kept;
}

/** How a block is marked as an item: its bullet, `1)` for a numbered or lettered item, '' for none. */
function itemMark(text: string): string {
  const m = ITEM_START.exec(text.trim());
  if (!m) return '';
  const mark = m[0].replace(/[\s*_]/g, '');
  return /^[-+•–]$/u.test(mark) ? mark : '1)';
}

interface LeadInPeriod {
  period: string;
  /** how the lead-in itself is marked (itemMark) */
  bullet: string;
}

/** Runs over the flow first, then the footnote bodies, so a footnote knows the number it hangs on. */
export function extract(doc: DocumentModel, file: DocumentFile): Extraction {
  const meta = doc.metadata;
  if (!meta) throw new Error('extract needs the segment stage to have run (no metadata)');
  const opening = doc.blocks
    .slice(0, 3)
    .filter((b) => b.kind !== 'table-row' && b.kind !== 'footnote')
    .map((b) => b.text);
  const periods = documentPeriods(meta, opening);
  const ctx: Context = {
    meta,
    bare: 0,
    anchors: new Map(),
    anchorText: new Map(),
    leadIn: null,
    leadInPeriod: null,
    sections: { next: new Map() },
    periods,
    headingPeriod: headingPeriodReader(periods.ref),
    listKind: null,
  };
  const out: Candidate[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'footnote') continue;
    if (b.kind === 'paragraph' || b.kind === 'heading') extractBlock(b, ctx, out);
    ctx.leadIn = b.kind === 'paragraph' ? leadInAfter(b.text, ctx.leadIn) : null;
    ctx.leadInPeriod = b.kind === 'paragraph' ? leadInPeriodAfter(b.text, ctx.leadInPeriod, periods) : null;
  }
  ctx.listKind = null;
  ctx.leadIn = null;
  ctx.leadInPeriod = null;
  for (const b of doc.blocks) if (b.kind === 'footnote') extractBlock(b, ctx, out);
  if (ctx.bare > 0) {
    file.message(`${ctx.bare} bare numbers (no unit, no plan or rate wording) were not taken as facts`, { stage: 'extract', ruleId: 'extract:bare-numbers' });
  }
  if (doc.blocks.some((b) => b.kind === 'table-row')) extractTables(doc, meta, out, file);
  return { doc, candidates: out };
}
