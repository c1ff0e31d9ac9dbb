import { describe, expect, it } from 'vitest';
import { ofType, processText } from './helpers.ts';

/**
 * The consistency check compares statements of one period: a quarter's figure beside the year's is two
 * periods, not one figure written twice; two figures for one quarter that differ are a finding, named by
 * the quarter in the report's own words.
 */
describe('consistency within a document follows the period', () => {
  it('does not put a quarter beside the year', async () => {
    const input = await processText('Tỷ lệ che phủ rừng quý I/2023 đạt 41,2%.\n\n(2). Tỷ lệ che phủ rừng năm 2023 đạt 44,3% (không đạt KH).');
    const periods = input.facts.filter((f) => /che phủ/i.test(f.indicator)).map((f) => f.period);
    expect(periods).toEqual(expect.arrayContaining(['2023-Q1', '2023']));
    expect(ofType(input, 'consistency')).toEqual([]);
  });

  it('finds two different figures for one quarter and names the quarter', async () => {
    const input = await processText('Tỷ lệ che phủ rừng quý I/2023 đạt 41,2%.\n\n(2). Tỷ lệ che phủ rừng quý I/2023 đạt 43,2%.');
    const found = ofType(input, 'consistency');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/quý I\/2023/);
  });
});
