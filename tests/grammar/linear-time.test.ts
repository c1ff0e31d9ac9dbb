import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../extractors/quantity-grammar.ts';

/**
 * Hostile text must cost time in proportion to its length. Each shape repeats one adversarial unit (long
 * digit runs, separators a pattern retries from every digit, cues, enumerators, dates) to 10k, 100k and
 * 1M characters; the time per character may grow a little (caches, the collector) but not tenfold a
 * decade, as a quadratic pattern's does. Ratios of times measured in the same run, never absolute times:
 * the machines are shared and noisy.
 */
const SHAPES: Record<string, string> = {
  'a digit run': '1',
  'digits and slashes': '1/',
  'digits and dashes': '1-',
  'digits and colons': '1:',
  'digits and dots': '1.',
  'digits and commas': '1,',
  'digits and spaces': '1 ',
  'groups of three': '123 ',
  percentages: '1%',
  'numbers with a unit': '1 ha ',
  'a rate word before each number': 'tỷ lệ 1 ',
  enumerators: '(1) ',
  dates: '1/1/2024 ',
  quarters: 'quý I/2024 ',
  months: 'tháng 1 ',
  'document numbers': '12/BC-UBND ',
};

/** Best time per character of a few runs (one run once it is slow), in nanoseconds. */
function nsPerChar(fn: (input: string) => unknown, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  let spent = 0;
  for (let runs = 0; runs < 5 && spent < 300; runs++) {
    const t = performance.now();
    fn(input);
    const ms = performance.now() - t;
    best = Math.min(best, ms);
    spent += ms;
  }
  return (best * 1e6) / input.length;
}

/** The growth of the time per character over each tenfold step of the input. */
function growth(fn: (input: string) => unknown, unit: string, sizes: readonly number[]): number[] {
  const per = sizes.map((n) => nsPerChar(fn, unit.repeat(Math.ceil(n / unit.length))));
  return per.slice(1).map((p, i) => p / per[i]!);
}

// Linear time keeps this near 1; a quadratic pattern makes it 10 a decade.
const MAX_GROWTH = 5;

describe('the number grammar takes time linear in its input', () => {
  it.each(Object.entries(SHAPES))(
    '%s: 10k, 100k, 1M characters',
    (_, unit) => {
      const steps = growth((s) => findQuantities(s), unit, [10_000, 100_000, 1_000_000]);
      for (const g of steps) expect(g).toBeLessThan(MAX_GROWTH);
    },
    120_000,
  );
});
