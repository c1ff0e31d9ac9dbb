import { describe, expect, it } from 'vitest';
import { trailerOf } from '../../pipeline/stages/extract.ts';
import { LABEL_TRAILERS } from '../../pipeline/stages/phrases.ts';

/** trailerOf scans only the tail of a label; it must find exactly what the full scan finds. */
describe('trailing verbs found from the tail', () => {
  it('agrees with the full scan on generated labels', () => {
    const pieces = [
      'ước',
      'đạt',
      'được',
      ' ',
      '  ',
      '\u00a0',
      '\t',
      'thực hiện',
      'có là',
      'hiện',
      'khoảng',
      ':',
      '=',
      'x',
      'sản lượng',
      'a',
      'ước thực hiện',
      'đạt khoảng',
      'xấp xỉ',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const k = Math.floor(next() * 12);
      for (let i = 0; i < k; i++) s += pieces[Math.floor(next() * pieces.length)];
      const full = LABEL_TRAILERS.exec(s);
      const tail = trailerOf(s);
      expect([tail?.index, tail?.[0]], JSON.stringify(s)).toEqual([full?.index, full?.[0]]);
    }
  });
});
