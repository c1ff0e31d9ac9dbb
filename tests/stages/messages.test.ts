import { describe, expect, it } from 'vitest';
import { processText } from '../validation/helpers.ts';

/**
 * One route for messages: every stage reports through the document's context, which the runner seeds
 * with the reader's messages, so the loader gets them in the order they were said, each with its
 * stage, rule and, where it has one, its place.
 */
describe('document messages', () => {
  it('come from every stage in order, with stage, rule and place', async () => {
    const input = await processText(['Tỷ lệ che phủ rừng đạt 44,3³.', 'Xã đạt chuẩn mức 2, hạng 3.'].join('\n\n'));
    const msg = (n: number) => input.messages[n]!;
    expect(input.messages.map((m) => [m.stage, m.ruleId, m.type])).toEqual([
      ['footnotes', 'footnotes:no-body', 'warning'],
      ['extract', 'extract:bare-numbers', 'info'],
      ['validate', 'validate:inferred-unit', 'warning'],
    ]);
    expect(msg(0)).toMatchObject({ message: 'footnote mark 3 has no body', place: { block: expect.any(Number), start: expect.any(Number) } });
    expect(msg(1).place).toBeUndefined();
    const fact = input.facts.find((f) => f.raw.startsWith('44,3'))!;
    expect(msg(2).place).toEqual({ block: fact.source.block, start: fact.source.start, end: fact.source.end });
  });
});
