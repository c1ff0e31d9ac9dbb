import { describe, expect, it } from 'vitest';
import { cleanText } from '../../extractors/clean-text.ts';
import { ALREADY_CLEAN } from '../../extractors/quantity-grammar.ts';

/** findQuantities skips cleanText for text made only of ALREADY_CLEAN: that must change nothing. */
describe('text the grammar need not clean', () => {
  const chars: string[] = [];
  for (const [a, b] of ALREADY_CLEAN) for (let c = a; c <= b; c++) chars.push(String.fromCharCode(c));

  it('holds no combining mark, and every character and every pair is left alone by cleanText', () => {
    for (const c of chars) {
      expect(/\p{M}/u.test(c), c).toBe(false);
      expect(cleanText(c), c.charCodeAt(0).toString(16)).toBe(c);
    }
    // with no combining marks, NFC can only join or reorder neighbours: pairs cover every string
    for (const a of chars)
      for (const b of chars) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a.charCodeAt(0).toString(16)} ${b.charCodeAt(0).toString(16)}`);
  });
});
