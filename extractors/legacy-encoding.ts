import type { ReadMessage } from '../schema/document.ts';
import { restoreMarks } from './clean-text.ts';

/**
 * Text typed in the legacy Vietnamese font encodings, and its conversion to Unicode NFC.
 *
 * Before Unicode, reports were typed in TCVN3 (ABC, fonts `.VnTime`) or VNI (`VNI-Times`). Their bytes,
 * read as Windows-1252 by Word, Excel or a PDF text layer, come out as Latin-1 letters:
 * `Tæng s¶n l−îng` (TCVN3) or `Toång saûn löôïng` (VNI) for `Tổng sản lượng`.
 *
 * The tables below are data: one row per base letter, five columns for the tones in the order
 * grave, hook, tilde, acute, dot below. Detection counts telltale characters that Unicode Vietnamese
 * and English never use, so ordinary text is left alone.
 */
export interface Decoded {
  text: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
}

/** Combining marks in the column order of the tables: grave, hook above, tilde, acute, dot below. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

const withTone = (base: string, tone: number): string => (base + TONES[tone]).normalize('NFC');
const ch = (code: number): string => String.fromCharCode(code);

/**
 * TCVN3 (TCVN 5712:1993, VN3): letters without tone, then each vowel with its five toned codes.
 * VN3 has no toned capitals: the `.VnTimeH` font draws the lowercase codes as capitals, so case is lost
 * for them and restored by context (see `recaseTcvn3`).
 */
const TCVN3_PLAIN: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
];
const TCVN3_TONED: ReadonlyArray<readonly [string, readonly [number, number, number, number, number]]> = [
  ['a', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
/** How some converters and PDF text layers render TCVN3's 0xAD (ư), a soft hyphen in Windows-1252. */
const TCVN3_ALIASES: ReadonlyArray<readonly [string, string]> = [['\u2212', 'ư']];

/** TCVN3 character (as read through Windows-1252) → Unicode. */
export const TCVN3_TABLE: ReadonlyMap<string, string> = new Map<string, string>([
  ...TCVN3_PLAIN.map(([code, u]) => [ch(code), u] as [string, string]),
  ...TCVN3_TONED.flatMap(([base, codes]) => codes.map((code, tone) => [ch(code), withTone(base, tone)] as [string, string])),
]);
/** Codes whose letter is lowercase in the table but may have been drawn as a capital by `.VnTimeH`. */
const TCVN3_CASELESS = new Set(TCVN3_TONED.flatMap(([, codes]) => codes.map(ch)));

/**
 * VNI: a base letter followed by a mark character. Lowercase and uppercase use different mark characters.
 * Columns: the spelling of the untoned letter, then the five toned spellings.
 */
const VNI_ROWS: ReadonlyArray<readonly [string, readonly [string, string, string, string, string, string]]> = [
  ['a', ['a', 'aø', 'aû', 'aõ', 'aù', 'aï']],
  ['ă', ['aê', 'aè', 'aú', 'aü', 'aé', 'aë']],
  ['â', ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä']],
  ['e', ['e', 'eø', 'eû', 'eõ', 'eù', 'eï']],
  ['ê', ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä']],
  ['i', ['i', 'ì', 'æ', 'ó', 'í', 'ò']],
  ['o', ['o', 'oø', 'oû', 'oõ', 'où', 'oï']],
  ['ô', ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä']],
  ['ơ', ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï']],
  ['u', ['u', 'uø', 'uû', 'uõ', 'uù', 'uï']],
  ['ư', ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï']],
  ['y', ['y', 'yø', 'yû', 'yõ', 'yù', 'î']],
  ['A', ['A', 'AØ', 'AÛ', 'AÕ', 'AÙ', 'AÏ']],
  ['Ă', ['AÊ', 'AÈ', 'AÚ', 'AÜ', 'AÉ', 'AË']],
  ['Â', ['AÂ', 'AÀ', 'AÅ', 'AÃ', 'AÁ', 'AÄ']],
  ['E', ['E', 'EØ', 'EÛ', 'EÕ', 'EÙ', 'EÏ']],
  ['Ê', ['EÂ', 'EÀ', 'EÅ', 'EÃ', 'EÁ', 'EÄ']],
  ['I', ['I', 'Ì', 'Æ', 'Ó', 'Í', 'Ò']],
  ['O', ['O', 'OØ', 'OÛ', 'OÕ', 'OÙ', 'OÏ']],
  ['Ô', ['OÂ', 'OÀ', 'OÅ', 'OÃ', 'OÁ', 'OÄ']],
  ['Ơ', ['Ô', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÙ', 'ÔÏ']],
  ['U', ['U', 'UØ', 'UÛ', 'UÕ', 'UÙ', 'UÏ']],
  ['Ư', ['Ö', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÙ', 'ÖÏ']],
  ['Y', ['Y', 'YØ', 'YÛ', 'YÕ', 'YÙ', 'Î']],
];
const VNI_EXTRA: ReadonlyArray<readonly [string, string]> = [
  ['ñ', 'đ'],
  ['Ñ', 'Đ'],
];

/** VNI spelling (one or two characters) → Unicode letter. Spellings equal to the letter are left out. */
export const VNI_TABLE: ReadonlyMap<string, string> = new Map<string, string>([
  ...VNI_ROWS.flatMap(([base, spellings]) => spellings.map((s, i) => [s, i === 0 ? base : withTone(base, i - 1)] as [string, string])).filter(
    ([s, u]) => s !== u,
  ),
  ...VNI_EXTRA,
]);
/** Capital letter typed with a lowercase mark (Shift held for the letter only): still a capital. */
const VNI_MIXED: ReadonlyMap<string, string> = new Map(
  [...VNI_TABLE].flatMap(([s, u]) => {
    if (s.length !== 2 || s[0] !== s[0]!.toLowerCase()) return [];
    return [[s[0]!.toUpperCase() + s[1], u.toUpperCase()] as [string, string]];
  }),
);

/** Letters of Unicode Vietnamese that no legacy encoding produces when read as Windows-1252. */
const UNICODE_ONLY = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]/gu;
const VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

/** Characters that only a legacy encoding puts in Vietnamese words (Unicode Vietnamese never does). */
const LEGACY_CHARS = new Set(
  [...TCVN3_TABLE.keys(), ...TCVN3_ALIASES.map(([a]) => a), ...[...VNI_TABLE.keys()].flatMap((s) => [...s])].filter(
    (c) => c.charCodeAt(0) > 0x7f && !VIETNAMESE_LATIN1.has(c),
  ),
);

/**
 * Vietnamese syllable shape, tones removed: initial consonant, vowel nucleus, final consonant. A word
 * decoded with the right table fits it; decoded with the wrong one (or English, German, Spanish) it
 * mostly does not.
 */
const INITIALS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdđghklmnpqrstvx'];
const NUCLEI = [
  'iêu',
  'yêu',
  'oai',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'uya',
  'uyê',
  'uyu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'oo',
  'ua',
  'uâ',
  'ue',
  'uê',
  'ui',
  'uô',
  'uơ',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'uy',
  'yê',
  ...'aăâeêioôơuưy',
];
const FINALS = ['ch', 'ng', 'nh', ...'cmnpt'];
const SYLLABLE = new RegExp(`^(?:${INITIALS.join('|')})?(?:${NUCLEI.join('|')})(?:${FINALS.join('|')})?$`, 'u');
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Reports repeat the same few hundred words: answers are kept, and the cache is emptied when full so a
 * hostile text of endless distinct words cannot grow it.
 */
const syllableCache = new Map<string, boolean>();
const SYLLABLE_CACHE_MAX = 20_000;

export function isVietnameseSyllable(word: string): boolean {
  let known = syllableCache.get(word);
  if (known === undefined) {
    known = syllableShape(word);
    if (syllableCache.size >= SYLLABLE_CACHE_MAX) syllableCache.clear();
    syllableCache.set(word, known);
  }
  return known;
}

function syllableShape(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(nfd.replace(TONE_MARKS, '').normalize('NFC'));
}

const TOKEN = /[\p{L}\u00a1-\u00bf\u00d7\u00f7\u2212]+/gu;

export interface EncodingEvidence {
  /** words in the text */
  words: number;
  /** words holding a legacy character, or Latin-1 letters that make no Vietnamese syllable */
  legacyWords: number;
  /** of those, how many read as Vietnamese syllables once decoded as TCVN3, as VNI */
  tcvn3: number;
  vni: number;
  /** letters only Unicode Vietnamese has (ư, ơ, đ, ạ…) */
  unicodeOnly: number;
}

export function encodingEvidence(text: string): EncodingEvidence {
  const e: EncodingEvidence = { words: 0, legacyWords: 0, tcvn3: 0, vni: 0, unicodeOnly: text.match(UNICODE_ONLY)?.length ?? 0 };
  for (const [token] of text.matchAll(TOKEN)) {
    e.words++;
    if (token.length < 2 || !/\P{ASCII}/u.test(token)) continue;
    // Vietnamese Latin-1 letters alone (`có`, or VNI capitals `CAÙO`) are suspect only if the word is no syllable as it stands.
    if (![...token].some((c) => LEGACY_CHARS.has(c)) && isVietnameseSyllable(token)) continue;
    e.legacyWords++;
    const tcvn3 = decodeTcvn3(token);
    const vni = decodeVni(token);
    if (tcvn3 !== token && isVietnameseSyllable(tcvn3)) e.tcvn3++;
    if (vni !== token && isVietnameseSyllable(vni)) e.vni++;
  }
  return e;
}

/** Shares of words that make a text legacy-encoded: a stray `©`, `«` or `Müller` is not an encoding. */
const MIN_SHARE = 0.03;
const MIN_COUNT = 2;
/** A short text (a table cell) may have one telltale word, if most of its words are such. */
const SHORT_TEXT_SHARE = 0.5;

/** Which encoding the text was typed in, by the share of words that decode to Vietnamese syllables. */
export function detectEncoding(text: string): Decoded['encoding'] {
  if (surelyUnicode(text)) return 'unicode';
  const e = encodingEvidence(text);
  const enough = (count: number): boolean =>
    e.unicodeOnly * 4 <= count && ((count >= MIN_COUNT && count >= MIN_SHARE * e.words) || (count >= 1 && count >= SHORT_TEXT_SHARE * e.words));
  if (e.tcvn3 >= e.vni && enough(e.tcvn3)) return 'tcvn3';
  if (e.vni > e.tcvn3 && enough(e.vni)) return 'vni';
  return 'unicode';
}

/**
 * Per character below U+2070: whether it belongs to `TOKEN` (known for the ranges Vietnamese text uses;
 * others may be either) and whether it is a letter only Unicode Vietnamese has.
 */
const IN_TOKEN = 0;
const OUT_OF_TOKEN = 1;
const EITHER = 2;
const CLASS_BITS = 3;
const UNICODE_ONLY_BIT = 4;
const CHAR_INFO = (() => {
  const t = new Uint8Array(0x2070).fill(EITHER);
  for (let c = 0; c < 0x80; c++) t[c] = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? IN_TOKEN : OUT_OF_TOKEN;
  t.fill(OUT_OF_TOKEN, 0x80, 0xa1);
  t.fill(IN_TOKEN, 0xa1, 0x250);
  t.fill(OUT_OF_TOKEN, 0x300, 0x370);
  t.fill(IN_TOKEN, 0x1e00, 0x1f00);
  t.fill(OUT_OF_TOKEN, 0x2000, 0x2070);
  for (let c = 0x1ea0; c <= 0x1ef9; c++) t[c]! |= UNICODE_ONLY_BIT;
  for (const ch of 'ăĂđĐĩĨũŨơƠưƯ') t[ch.charCodeAt(0)]! |= UNICODE_ONLY_BIT;
  return t;
})();

/**
 * A sufficient test for `detectEncoding`'s 'unicode', costing one pass over the characters: a legacy
 * verdict needs a legacy word (so a non-ASCII character) and at least four times as many legacy words as
 * letters only Unicode has, and there are no more legacy words than words. Unicode Vietnamese, with ư, ơ,
 * đ, ạ… in most words, fails the second need, so the costly per-word evidence is never gathered for it.
 * Words are over-counted where a character's class is not known here, which keeps the test sufficient.
 */
function surelyUnicode(text: string): boolean {
  let unicodeOnly = 0;
  let nonAscii = false;
  let words = 0;
  let prevMayEnd = true;
  const table = CHAR_INFO;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const info = c < table.length ? table[c]! : c === 0x2212 ? IN_TOKEN : EITHER;
    if (c >= 0x80) nonAscii = true;
    if (info & UNICODE_ONLY_BIT) unicodeOnly++;
    const cls = info & CLASS_BITS;
    if (cls !== OUT_OF_TOKEN && prevMayEnd) words++;
    prevMayEnd = cls !== IN_TOKEN;
  }
  if (!nonAscii) return true;
  return unicodeOnly * 4 > words;
}

/**
 * Gives capitals back to letters that `.VnTimeH` drew: inside a word, or a line, whose other letters
 * are all capitals.
 */
function recaseTcvn3(chars: string[], caseless: boolean[]): string {
  const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
  const isLetter = (c: string): boolean => /\p{L}/u.test(c);
  const lineUpper = (from: number, to: number): boolean => {
    let fixed = 0;
    let upper = 0;
    for (let i = from; i < to; i++) {
      const c = chars[i]!;
      if (caseless[i] || !isLetter(c)) continue;
      fixed++;
      if (isUpper(c)) upper++;
    }
    return fixed >= 4 && upper >= 0.9 * fixed;
  };
  let lineStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== '\n') continue;
    const wholeLine = lineUpper(lineStart, i);
    let w = lineStart;
    while (w < i) {
      if (!isLetter(chars[w]!)) {
        w++;
        continue;
      }
      let end = w;
      while (end < i && isLetter(chars[end]!)) end++;
      const fixed = [];
      for (let k = w; k < end; k++) if (!caseless[k]) fixed.push(chars[k]!);
      const upperWord = fixed.length >= 2 && fixed.every(isUpper);
      if (wholeLine || upperWord) for (let k = w; k < end; k++) if (caseless[k]) chars[k] = chars[k]!.toUpperCase();
      w = end;
    }
    lineStart = i + 1;
  }
  return chars.join('');
}

/** Converts TCVN3 text to Unicode NFC, whatever its share of telltales. */
const TCVN3_ALIAS_MAP: ReadonlyMap<string, string> = new Map(TCVN3_ALIASES);

export function decodeTcvn3(text: string): string {
  const aliases = TCVN3_ALIAS_MAP;
  const chars: string[] = [];
  const caseless: boolean[] = [];
  for (const c of text) {
    const u = TCVN3_TABLE.get(c) ?? aliases.get(c);
    chars.push(u ?? c);
    caseless.push(TCVN3_CASELESS.has(c));
  }
  return recaseTcvn3(chars, caseless).normalize('NFC');
}

/** Converts VNI text to Unicode NFC, whatever its share of telltales. */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    const two = pair.length === 2 ? (VNI_TABLE.get(pair) ?? VNI_MIXED.get(pair)) : undefined;
    if (two !== undefined) {
      out += two;
      i++;
      continue;
    }
    out += VNI_TABLE.get(text[i]!) ?? text[i];
  }
  return out.normalize('NFC');
}

const DECODERS = { tcvn3: decodeTcvn3, vni: decodeVni } as const;

/**
 * Detects TCVN3 or VNI text and converts it to Unicode NFC; other text comes back unchanged.
 * Detection is on the whole text; conversion is line by line and skips lines that already hold Unicode
 * Vietnamese letters, so a document mixing both encodings is not garbled.
 */
export function toUnicode(text: string, encoding: Decoded['encoding'] = detectEncoding(text)): Decoded {
  if (encoding === 'unicode') return { text, encoding };
  const decode = DECODERS[encoding];
  const converted = text
    .split('\n')
    .map((line) => (line.match(UNICODE_ONLY) ? line : decode(line)))
    .join('\n');
  return { text: converted, encoding };
}

/**
 * Converts all the strings of one document together, so detection sees the whole document rather than
 * one cell at a time; each string comes back with its reader-inserted footnote marks restored.
 */
export function toUnicodeAll(strings: readonly string[], messages: ReadMessage[]): string[] {
  const converted = toUnicode(strings.join('\n'));
  let parts = converted.text.split('\n');
  if (parts.length !== strings.length) parts = strings.map((s) => toUnicode(s, converted.encoding).text);
  if (converted.encoding !== 'unicode') {
    messages.push({
      type: 'info',
      stage: 'read',
      ruleId: 'read:legacy-encoding',
      message: `legacy ${converted.encoding.toUpperCase()} text converted to Unicode`,
    });
  }
  return parts.map(restoreMarks);
}
