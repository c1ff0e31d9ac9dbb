import { describe, expect, it } from 'vitest';
import * as phrases from '../../pipeline/stages/phrases.ts';

/**
 * The phrase patterns open with a lookbehind where they used to consume the character before the phrase;
 * as tests (all the stages do with them) both forms must agree on every text.
 */
describe('phrase patterns tested with a lookbehind boundary', () => {
  const patterns: [string, RegExp][] = [
    ...phrases.RELATION_BEFORE.map((r, i) => [`RELATION_BEFORE[${i}]`, r.re] as [string, RegExp]),
    ...(['OVER_BEFORE', 'OVER_PLAN_BEFORE', 'REACHED_BEFORE', 'ESTIMATE_CUE', 'CUMULATIVE_CUE', 'AVERAGE_BEFORE', 'PLAN_CUE', 'ACTUAL_WORDS'] as const).map(
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test walks the module's patterns by name
      (n) => [n, phrases[n]] as [string, RegExp],
    ),
  ];

  it('agrees with the consuming form', () => {
    const pieces = [
      'vượt',
      'mức',
      'chiếm',
      'khoảng',
      'giảm',
      'tăng',
      'thêm',
      'cao hơn',
      'ước',
      'dự kiến',
      'lũy kế',
      'tính đến',
      'bình quân',
      'năm',
      'kế hoạch',
      'kh',
      'giao',
      '2023',
      'đạt',
      'thực hiện',
      'là',
      ':',
      ' ',
      '  ',
      ',',
      'a',
      'x',
      'đ',
      '𐐀',
      '😀',
      '(',
      'Ước',
    ];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const [name, re] of patterns) {
      expect(re.source.startsWith('(?<![\\p{L}])'), name).toBe(true);
      const consuming = new RegExp(re.source.replace('(?<![\\p{L}])', '(?:^|[^\\p{L}])'), re.flags);
      let found = 0;
      for (let n = 0; n < 20_000; n++) {
        let s = '';
        const k = Math.floor(next() * 8);
        for (let i = 0; i < k; i++) s += pieces[Math.floor(next() * pieces.length)];
        expect(re.test(s), `${name} ${JSON.stringify(s)}`).toBe(consuming.test(s));
        if (consuming.test(s)) found++;
      }
      expect(found, name).toBeGreaterThan(0);
    }
  });
});
