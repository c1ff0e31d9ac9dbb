import { describe, expect, it } from 'vitest';
import { isSpaceCode, isSuperscriptCode, isSuperscriptDigit } from '../../extractors/clean-text.ts';

/** The code-unit tests hot loops use must say what the regexes they replaced say, for every code unit. */
describe('code-unit character classes', () => {
  it("isSpaceCode is JavaScript's \\s and isSuperscriptCode is [⁰¹²³⁴⁵⁶⁷⁸⁹]", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/.test(ch)) wrong.push(`space ${c.toString(16)}`);
      if (isSuperscriptCode(c) !== /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(ch)) wrong.push(`superscript ${c.toString(16)}`);
      if (isSuperscriptDigit(ch) !== isSuperscriptCode(c)) wrong.push(`digit ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(isSuperscriptDigit(undefined)).toBe(false);
    expect(isSuperscriptDigit('¹²')).toBe(false);
  });
});
