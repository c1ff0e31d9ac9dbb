/**
 * The table of cases (cases.ts) against findQuantities, three times over: as written, decomposed (NFD,
 * as PDF text arrives) and with non-breaking/thin spaces after the numbers (as Word writes them). The
 * conventions promise the same quantities, with offsets into the NFC plain-space text, in all three.
 */
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../extractors/quantity-grammar.ts';
import { formatVietnameseNumber, parseVietnameseNumber } from '../../extractors/vn-number.ts';
import { ALL_CASES, FORMATTED, type GrammarCase, NUMBER_TOKENS } from './cases.ts';
import { expectCase } from './expect-quantity.ts';

const ODD_SPACES = ['\u00a0', '\u2009', '\u202f'];

function withOddSpaces(text: string): string {
  let i = 0;
  return text.replace(/(\d) (?=[\p{L}%‰])/gu, (_m, digit: string) => `${digit}${ODD_SPACES[i++ % ODD_SPACES.length]}`);
}

const VARIANTS: ReadonlyArray<{ name: string; transform: (text: string) => string }> = [
  { name: 'as written', transform: (t) => t },
  { name: 'NFD', transform: (t) => t.normalize('NFD') },
  { name: 'non-breaking and thin spaces', transform: withOddSpaces },
];

function label(c: GrammarCase): string {
  const text = c.text.length > 70 ? `${c.text.slice(0, 67)}…` : c.text;
  return `${c.source} ${JSON.stringify(text)}`;
}

describe('the table', () => {
  it('holds at least 220 cases from both seeds and the glossary, negatives included', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(220);
    expect(ALL_CASES.some((c) => c.source.startsWith('seed000:'))).toBe(true);
    expect(ALL_CASES.some((c) => c.source.startsWith('seed001:'))).toBe(true);
    expect(ALL_CASES.some((c) => c.source === 'glossary')).toBe(true);
    expect(ALL_CASES.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(40);
  });
});

describe.each(VARIANTS)('findQuantities, text $name', ({ name, transform }) => {
  // A variant that leaves a text unchanged would only repeat the first run.
  const rows = ALL_CASES.filter((c) => name === 'as written' || transform(c.text) !== c.text).map((c) => [label(c), c] as const);
  it.each(rows)('%s', (_label, c) => {
    const input = transform(c.text);
    expectCase(c, findQuantities(input), input, `${c.source} (${name})`);
  });
});

describe('parseVietnameseNumber', () => {
  it.each(NUMBER_TOKENS.map((t) => [JSON.stringify(t.token), t] as const))('%s', (_l, { token, expected }) => {
    const got = parseVietnameseNumber(token);
    if (expected === null) {
      expect(got).toBeNull();
    } else {
      expect(got).not.toBeNull();
      expect(got!.value).toBe(expected.value);
      expect(got!.decimals).toBe(expected.decimals);
    }
  });
});

describe('formatVietnameseNumber', () => {
  it.each(FORMATTED.map((f) => [`${f.value} (${f.decimals})`, f] as const))('%s', (_l, { value, decimals, text }) => {
    expect(formatVietnameseNumber(value, decimals)).toBe(text);
  });
});
