/** Spaces that Word and PDF exports put between numbers and units; mapped 1:1 so offsets hold. */
const ODD_SPACES = /[\u00a0\u2007\u2009\u202f\u200b\u3000\t]/g;

/** NFC, with odd spaces made plain. Length may shrink only through NFC composition. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(ODD_SPACES, ' ');
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function isSuperscriptDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isSuperscriptCode(ch.charCodeAt(0));
}

/** A superscript digit `⁰¹²³⁴⁵⁶⁷⁸⁹` by code unit: hot loops read code units, where `text[i]` would allocate. */
export function isSuperscriptCode(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** What JavaScript's `\s` matches, by code unit. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `¹⁰` → 10 */
export function superscriptToNumber(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

/** 10 → `¹⁰`: how readers of DOCX and PDF write reference marks into block text. */
export function numberToSuperscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join('');
}

/** Vietnamese without its diacritics, `đ` as `d`: the one fold every matching and search form starts from. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Case- and diacritic-insensitive form used for matching labels and queries (`che phủ rừng` → `che phu rung`). */
export function fold(text: string): string {
  return withoutDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The search form of Vietnamese text: no diacritics, `đ` → `d`, lower case, punctuation as single spaces.
 * `Tỷ lệ che phủ rừng (%)` → `ty le che phu rung`. Stored in `facts.indicator_folded`.
 */
export function foldText(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Readers insert footnote marks before legacy-font text is converted, and TCVN3 uses `¹²³…` as letter
 * codes: marks travel as private-use characters through the conversion and become superscripts after it.
 */
const PLACEHOLDER_BASE = 0xe0b0;

export function protectMarks(s: string): string {
  return s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, (ch) => String.fromCharCode(PLACEHOLDER_BASE + SUPERSCRIPT_DIGITS.indexOf(ch)));
}

export function restoreMarks(s: string): string {
  return s.replace(/[\ue0b0-\ue0b9]/gu, (ch) => SUPERSCRIPT_DIGITS[ch.charCodeAt(0) - PLACEHOLDER_BASE]!);
}
