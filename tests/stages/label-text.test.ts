import { describe, expect, it } from 'vitest';
import { clean, lastWords, trimLabel } from '../../pipeline/stages/extract.ts';
import { LABEL_LEADERS, LABEL_TRAILERS } from '../../pipeline/stages/phrases.ts';
import { superscriptRuns } from '../../pipeline/stages/text-structure.ts';

/** The regex chain `clean` replaced, kept as its specification. */
function cleanByRegex(s: string): string {
  return s
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.*-]+|[\s,;:(*-]+$/g, '')
    .trim();
}

function generated(count: number, pieces: readonly string[]): string[] {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const k = Math.floor(next() * 14);
    for (let i = 0; i < k; i++) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}

describe('label text clean-up', () => {
  it('clean does what the regex chain did', () => {
    const pieces = [
      'a',
      'sản lượng',
      ' ',
      '  ',
      '\u00a0',
      '\t',
      '\n',
      '\u2009',
      '\ufeff',
      '*',
      '¹',
      '²³',
      '⁴',
      ',',
      ';',
      ':',
      '.',
      '-',
      '(',
      ')',
      'm²',
      'Cây lúa',
      '–',
    ];
    for (const s of generated(30_000, pieces)) expect(clean(s), JSON.stringify(s)).toBe(cleanByRegex(s));
  });

  it('lastWords keeps the last words as split and join would', () => {
    const pieces = ['a', 'bb', ' ', '  ', 'lúa'];
    for (const s of generated(20_000, pieces)) {
      for (const n of [1, 2, 3, 5, 20]) expect(lastWords(s, n), `${JSON.stringify(s)} ${n}`).toBe(s.split(' ').slice(-n).join(' '));
    }
  });

  it('trimLabel strips what lower-casing every cut afresh stripped', () => {
    const byCuts = (raw: string): string => {
      let t = raw;
      for (let guard = 0; guard < 8; guard++) {
        const m = LABEL_LEADERS.exec(t.toLowerCase());
        if (!m || m[0].length === 0) break;
        t = t.slice(m[0].length);
      }
      for (let guard = 0; guard < 8; guard++) {
        const m = LABEL_TRAILERS.exec(t.toLowerCase());
        if (!m || m[0].length === 0) break;
        if (/^\s*(?:trên|dưới)\s*$/u.test(m[0]) && /cấp\s*$/iu.test(t.slice(0, m.index))) break;
        t = t.slice(0, m.index);
      }
      const ws = cleanByRegex(t).split(' ');
      if (ws.length <= 20) return ws.join(' ');
      const text = ws.join(' ');
      const cut = [...text.matchAll(/, /g)]
        .reverse()
        .find((m) =>
          /^(?:tỷ lệ|tổng|số|giá trị|doanh thu|thu|chi|kim ngạch|sản lượng|diện tích|năng suất|mức|tốc độ)(?![\p{L}])/iu.test(text.slice(m.index + 2)),
        );
      return (cut ? text.slice(cut.index + 2) : text).split(' ').slice(0, 20).join(' ');
    };
    const pieces = [
      'Trong đó',
      'TRONG ĐÓ',
      ': ',
      ', ',
      '- ',
      '(a) ',
      'Và ',
      'sản lượng',
      'Cấp ',
      'trên',
      'ƯỚC ĐẠT',
      ' đạt',
      ' là',
      ' ',
      'ΣΑΣ',
      'İ',
      '𐐀',
      'x¹',
      '*',
    ];
    for (const s of generated(30_000, pieces)) expect(trimLabel(s), JSON.stringify(s)).toBe(byCuts(s));
  });

  it('superscriptRuns finds the runs the regex found', () => {
    const pieces = ['a', 'm', '²', '³', '¹', '⁰', '⁴⁵', '⁹', ' ', 'ha', '2', '𐐀', 'ệ'];
    for (const s of generated(20_000, pieces)) {
      const byRegex = [...s.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu)].map((m) => ({ index: m.index, text: m[0] }));
      expect(superscriptRuns(s), JSON.stringify(s)).toEqual(byRegex);
    }
  });
});
