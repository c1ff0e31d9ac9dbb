import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  detectEncoding,
  isVietnameseSyllable,
  TCVN3_TABLE,
  toUnicode,
  toUnicodeAll,
  VNI_TABLE,
} from '../../extractors/legacy-encoding.ts';
import type { ReadMessage } from '../../schema/document.ts';
import { encodeTcvn3, encodeVni } from './legacy-encoders.ts';

const SEEDS = ['000_35c0ecef09102edc.txt', '001_5b44daab30250fa8.txt'].map((f) => new URL(`../../seeds/${f}`, import.meta.url));
const GOLD = '/work/shared/gold/agriculture-2023.txt';
const seed = (u: URL): string => readFileSync(u, 'utf8');
/** `¹` is the TCVN3 code of `ạ`: a legacy document cannot hold it, so footnote marks are written `^1` here. */
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const plainMarks = (t: string): string => t.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => `^${SUPERSCRIPTS.indexOf(c)}`);

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const ALL_LETTERS = [...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).concat('đ');

describe('mapping tables', () => {
  it('cover every vowel with every tone, and đ, in both encodings', () => {
    const tcvn = new Set(TCVN3_TABLE.values());
    const vni = new Set(VNI_TABLE.values());
    for (const l of ALL_LETTERS) {
      if (!/^[aeiouy]$/.test(l)) expect(tcvn, l).toContain(l);
      // VNI writes ì and í as themselves: only the letters it spells differently are in its table.
      const inVni = (c: string): boolean => vni.has(c) || 'ìíÌÍ'.includes(c);
      if (!/^[aeiouy]$/.test(l)) expect(inVni(l), l).toBe(true);
      if (!/^[aeiouy]$/.test(l)) expect(inVni(l.toUpperCase()), l.toUpperCase()).toBe(true);
    }
    for (const c of 'ĂÂÊÔƠƯĐ') expect(tcvn).toContain(c);
    expect(TCVN3_TABLE.size).toBe(14 + 12 * 5);
  });

  it('decode the examples of the brief', () => {
    expect(decodeTcvn3('Tæng s¶n l−îng')).toBe('Tổng sản lượng');
    expect(decodeTcvn3('Tæng s¶n l\u00adîng')).toBe('Tổng sản lượng');
    expect(decodeTcvn3('B¸o c¸o')).toBe('Báo cáo');
    expect(decodeTcvn3('n¨m')).toBe('năm');
    expect(decodeTcvn3('huyÖn')).toBe('huyện');
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni('Toång saûn löôïng')).toBe('Tổng sản lượng');
    expect(decodeVni('BAÙO CAÙO')).toBe('BÁO CÁO');
    expect(decodeVni('Ñoàng baøo caùc daân toäc ít ngöôøi')).toBe('Đồng bào các dân tộc ít người');
  });

  it('give TCVN3 capitals back from context, since .VnTimeH drew them with lowercase codes', () => {
    expect(decodeTcvn3('TæNG S¶N L¦îNG')).toBe('TỔNG SẢN LƯỢNG');
    expect(decodeTcvn3('B¸O C¸O T×NH H×NH')).toBe('BÁO CÁO TÌNH HÌNH');
    expect(decodeTcvn3('Tæng')).toBe('Tổng');
  });

  it('output NFC', () => {
    const out = decodeVni(encodeVni('Thực hiện kế hoạch năm 2023'));
    expect(out).toBe(out.normalize('NFC'));
    expect(out).toBe('Thực hiện kế hoạch năm 2023');
  });
});

describe('round trips on the seeds', () => {
  const texts = SEEDS.map((u) => [u.pathname.split('/').pop()!, plainMarks(seed(u))] as const);

  it.each(texts)('VNI: %s decodes back exactly', (_name, text) => {
    const encoded = encodeVni(text);
    expect(encoded).not.toBe(text);
    const back = toUnicode(encoded);
    expect(back.encoding).toBe('vni');
    expect(back.text).toBe(text.normalize('NFC'));
  });

  it.each(texts)('TCVN3: %s decodes back, capitals aside where TCVN3 cannot write them', (_name, text) => {
    const encoded = encodeTcvn3(text);
    const back = toUnicode(encoded);
    expect(back.encoding).toBe('tcvn3');
    expect(back.text.toLowerCase()).toBe(text.normalize('NFC').toLowerCase());
    const lines = text.split('\n');
    const backLines = back.text.split('\n');
    // All-capital lines (titles, headings) come back exactly.
    lines.forEach((line, i) => {
      if (line.length > 8 && line === line.toUpperCase()) expect(backLines[i]).toBe(line);
    });
    let caseDiffs = 0;
    for (let i = 0; i < text.length; i++) if (back.text[i] !== text[i]) caseDiffs++;
    // Only toned capitals at the start of mixed-case words can be lost (`Ủy` → `ủy`).
    expect(caseDiffs).toBeLessThan(text.length * 0.002);
  });
});

describe('detection', () => {
  it.each(SEEDS.map((u) => [u.pathname.split('/').pop()!, u] as const))('leaves Unicode seed %s unchanged', (_n, u) => {
    const text = seed(u);
    expect(toUnicode(text)).toEqual({ text, encoding: 'unicode' });
  });

  it.skipIf(!existsSync(GOLD))('leaves the gold text unchanged', () => {
    const text = readFileSync(GOLD, 'utf8');
    expect(toUnicode(text)).toEqual({ text, encoding: 'unicode' });
  });

  it.each([
    'The quick brown fox © 2023 jumps over the «lazy» dog · item § 4.',
    'Herr Müller aus Köln und señor Ñúñez: naïve café, où est-il?',
    'Revenue grew 8.5% year-on-year; see Table 2 ¶3 ® and ½ of cases.',
    'Tổng sản lượng lương thực có hạt đạt 8.396,5 tấn¹',
    'Có hoà, khoá, xuân, quân, yêu, muôn',
    '',
    '12.345,6 | 7.890 | 2023',
  ])('does not convert %j', (text) => {
    expect(toUnicode(text)).toEqual({ text, encoding: 'unicode' });
  });

  it('tells TCVN3 from VNI', () => {
    expect(detectEncoding('Tæng s¶n l−îng')).toBe('tcvn3');
    expect(detectEncoding('Toång saûn löôïng')).toBe('vni');
    expect(detectEncoding(encodeTcvn3('Báo cáo tình hình kinh tế - xã hội huyện năm 2023'))).toBe('tcvn3');
    expect(detectEncoding(encodeVni('Báo cáo tình hình kinh tế - xã hội huyện năm 2023'))).toBe('vni');
  });

  it('converts only the legacy lines of a mixed text', () => {
    const mixed = `Báo cáo tình hình năm 2023\n${encodeTcvn3('Tổng sản lượng lương thực đạt 8.396,5 tấn')}\n${encodeTcvn3('Diện tích gieo trồng')}`;
    const out = toUnicode(mixed, 'tcvn3');
    expect(out.text).toBe('Báo cáo tình hình năm 2023\nTổng sản lượng lương thực đạt 8.396,5 tấn\nDiện tích gieo trồng');
  });

  it('knows a Vietnamese syllable', () => {
    for (const w of ['nghiêng', 'người', 'giữa', 'quyết', 'khuya', 'trường', 'Tổng']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['Müller', 'over', 'cafộ', 'strong', 'ôoverằ']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

describe('toUnicodeAll, as the DOCX and PDF readers convert a document', () => {
  const paragraphs = ['Báo cáo tình hình kinh tế - xã hội huyện năm 2023', 'Tổng sản lượng lương thực đạt 8.396,5 tấn', '12.345,6 | 7.890'];

  it.each([
    ['TCVN3', encodeTcvn3],
    ['VNI', encodeVni],
  ])('converts a %s document in one pass and says so in one message', (encoding, encode) => {
    const messages: ReadMessage[] = [];
    expect(toUnicodeAll(paragraphs.map(encode), messages)).toEqual(paragraphs);
    expect(messages).toEqual([{ type: 'info', stage: 'read', ruleId: 'read:legacy-encoding', message: `legacy ${encoding} text converted to Unicode` }]);
  });

  it('leaves a Unicode document as it is and adds no message', () => {
    const messages: ReadMessage[] = [];
    expect(toUnicodeAll(paragraphs, messages)).toEqual(paragraphs);
    expect(messages).toEqual([]);
  });
});
