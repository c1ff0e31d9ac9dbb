import { describe, expect, it } from 'vitest';
import { Fact, isWellFormedFact } from '../../schema/fact.ts';
import { processText } from './helpers.ts';

/**
 * validate keeps a fact as it is when the cheap check passes it and asks zod otherwise, so the check
 * must never pass a value zod would reject or reshape.
 */
function agreesWithZod(value: unknown): void {
  const parsed = Fact.safeParse(value);
  if (isWellFormedFact(value)) {
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
    expect(Object.keys(parsed.data!)).toEqual(Object.keys(value as object));
  }
}

const BAD_VALUES: readonly unknown[] = [
  undefined, null, NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 60, 1899, 2201, '', 'x', 'percent', 'count:', 'count:hộ',
  [], [0], [1, 2], [1.5], ['a'], {}, true,
];

describe('the cheap fact check agrees with the schema', () => {
  it('passes the facts of a real report and stays in line with zod on every field changed', async () => {
    const input = await processText(
      'Tổng diện tích gieo trồng cây hằng năm đạt 8.396,5ha¹, bằng 101,2% kế hoạch, tăng 3,1% so với cùng kỳ; sản lượng lương thực 36.595,83 tấn.\n\n¹ Trong đó lúa 4.623,3ha.',
    );
    expect(input.facts.length).toBeGreaterThan(3);
    for (const fact of input.facts) {
      expect(isWellFormedFact(fact)).toBe(true);
      agreesWithZod(fact);
      const base = fact as unknown as Record<string, unknown>;
      for (const key of Object.keys(base)) {
        for (const v of BAD_VALUES) agreesWithZod({ ...base, [key]: v });
        const { [key]: _dropped, ...without } = base;
        agreesWithZod(without);
        agreesWithZod({ [key]: base[key], ...without });
      }
      const source = base.source as Record<string, unknown>;
      for (const key of ['file', 'page', 'sheet', 'cell', 'block', 'start', 'end', 'text', 'textStart', 'textEnd']) {
        for (const v of BAD_VALUES) agreesWithZod({ ...base, source: { ...source, [key]: v } });
        const { [key]: _dropped, ...without } = source;
        agreesWithZod({ ...base, source: without });
      }
      agreesWithZod({ ...base, extra: 1 });
      agreesWithZod({ ...base, source: { ...source, extra: 1 } });
      agreesWithZod({ ...base, footnotes: [1, , 2] });
    }
  });
});
