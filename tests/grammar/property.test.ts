/**
 * Random quantities written the way the reports write them, read back exactly. The writer here is the
 * test's own (digit strings grouped by hand), so a bug shared by the grammar's parser and its
 * formatter cannot hide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../extractors/quantity-grammar.ts';
import { formatVietnameseNumber, parseVietnameseNumber } from '../../extractors/vn-number.ts';
import { expectInvariants, expectNumber, offsetText } from './expect-quantity.ts';

interface UnitSpec {
  text: string;
  code: string;
  /** reports glue it to the number (`8.396,5ha`) */
  glue: boolean;
  /** reports put a scale word before it (`triệu đồng`) */
  scalable: boolean;
}

const UNITS: readonly UnitSpec[] = [
  { text: 'ha', code: 'ha', glue: true, scalable: false },
  { text: 'm²', code: 'm2', glue: true, scalable: false },
  { text: 'm³', code: 'm3', glue: true, scalable: false },
  { text: 'm', code: 'm', glue: true, scalable: false },
  { text: 'km', code: 'km', glue: true, scalable: false },
  { text: 'tấn', code: 'tonne', glue: true, scalable: true },
  { text: 'tạ', code: 'quintal', glue: false, scalable: false },
  { text: 'kg', code: 'kg', glue: true, scalable: false },
  { text: 'gam', code: 'g', glue: false, scalable: false },
  { text: 'tạ/ha', code: 'quintal_per_ha', glue: true, scalable: false },
  { text: 'đồng', code: 'VND', glue: false, scalable: true },
  { text: 'USD', code: 'USD', glue: false, scalable: true },
  { text: 'MW', code: 'MW', glue: true, scalable: false },
  { text: 'kw', code: 'kW', glue: false, scalable: true },
  { text: 'KW/h', code: 'kWh', glue: false, scalable: true },
  { text: 'kw/h', code: 'kWh', glue: false, scalable: true },
  { text: '%', code: 'percent', glue: true, scalable: false },
  { text: '‰', code: 'permille', glue: true, scalable: false },
  { text: 'giờ', code: 'hour', glue: false, scalable: false },
  { text: 'người', code: 'count:người', glue: false, scalable: true },
  { text: 'hộ', code: 'count:hộ', glue: false, scalable: false },
  { text: 'lượt', code: 'count:lượt', glue: false, scalable: true },
  { text: 'lượt người', code: 'count:lượt người', glue: false, scalable: true },
  { text: 'chậu', code: 'count:chậu', glue: false, scalable: false },
  { text: 'xã', code: 'count:xã', glue: false, scalable: false },
  { text: 'trường', code: 'count:trường', glue: false, scalable: false },
  { text: 'viên', code: 'count:viên', glue: false, scalable: true },
  { text: 'con', code: 'count:con', glue: false, scalable: true },
  { text: 'cây', code: 'count:cây', glue: false, scalable: true },
  { text: 'vụ', code: 'count:vụ', glue: false, scalable: false },
  { text: 'đối tượng', code: 'count:đối tượng', glue: false, scalable: true },
  { text: 'suất', code: 'count:suất', glue: false, scalable: false },
  { text: 'cơ sở', code: 'count:cơ sở', glue: false, scalable: false },
  { text: 'khẩu', code: 'count:khẩu', glue: false, scalable: false },
  { text: 'bản', code: 'count:bản', glue: false, scalable: false },
  { text: 'dự án', code: 'count:dự án', glue: false, scalable: false },
  { text: 'công trình', code: 'count:công trình', glue: false, scalable: false },
  { text: 'đơn', code: 'count:đơn', glue: false, scalable: false },
  { text: 'tiêu chí/xã', code: 'count:tiêu chí/xã', glue: false, scalable: false },
];

const SCALES = [
  { word: 'nghìn', power: 3 },
  { word: 'ngàn', power: 3 },
  { word: 'triệu', power: 6 },
  { word: 'tỷ', power: 9 },
] as const;

const QUALIFIERS = [
  { word: 'khoảng', code: 'about' },
  { word: 'gần', code: 'nearly' },
  { word: 'trên', code: 'over' },
  { word: 'hơn', code: 'over' },
  { word: 'dưới', code: 'under' },
] as const;

const SPACES = [' ', '\u00a0', '\u2009', '\u202f'] as const;
const PREFIXES = ['', 'Sản lượng đạt ', 'Tổng cộng: ', 'trong đó ', '- Diện tích '] as const;
const SUFFIXES = ['', '.', ', đạt kế hoạch', ' so với cùng kỳ', ';', ' (ước tính)'] as const;

/** Digits grouped by three with dots, decimals after a comma. */
function writeVietnamese(intDigits: string, fracDigits: string): string {
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fracDigits ? `${grouped},${fracDigits}` : grouped;
}

const numberArb = fc
  .record({
    int: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 999_999 }), fc.integer({ min: 1_000_000, max: 999_999_999_999 })),
    decimals: fc.integer({ min: 0, max: 3 }),
    fracSeed: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ int, decimals, fracSeed }) => {
    const frac = decimals === 0 ? '' : String(fracSeed % 10 ** decimals).padStart(decimals, '0');
    return { intDigits: String(int), frac, decimals, value: Number(`${int}.${frac || '0'}`) };
  });

const quantityArb = fc
  .record({
    num: numberArb,
    unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
    scale: fc.option(fc.constantFrom(...SCALES), { nil: null }),
    qualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: null }),
    glue: fc.boolean(),
    leadingZero: fc.boolean(),
    sep: fc.constantFrom(...SPACES),
    scaleSep: fc.constantFrom(' ', '\u00a0'),
    qualifierSep: fc.constantFrom(...SPACES),
    prefix: fc.constantFrom(...PREFIXES),
    suffix: fc.constantFrom(...SUFFIXES),
    nfd: fc.boolean(),
  })
  // A number needs a unit or a scale word to be a quantity whatever its shape (a bare 2023 is a year).
  .filter(({ unit, scale }) => unit !== null || scale !== null)
  .map((g) => {
    const scale = g.unit && !g.unit.scalable ? null : g.scale;
    const unit = g.unit;
    const glued = g.glue && scale === null && unit?.glue;
    const zeroPad = g.leadingZero && g.num.decimals === 0 && Number(g.num.intDigits) < 10 && unit?.code.startsWith('count:') === true;
    const numberText = (zeroPad ? '0' : '') + writeVietnamese(g.num.intDigits, g.num.frac);
    const unitWords = [scale?.word, unit?.text].filter((w): w is string => w !== undefined).join(g.scaleSep);
    const quantityText = numberText + (glued ? '' : g.sep) + unitWords;
    const qualifierText = g.qualifier ? `${g.qualifier.word}${g.qualifierSep}` : '';
    const nfc = `${g.prefix}${qualifierText}${quantityText}${g.suffix}`;
    return {
      text: g.nfd ? nfc.normalize('NFD') : nfc,
      expected: {
        value: g.num.value,
        decimals: g.num.decimals,
        unit: unit?.code ?? null,
        multiplier: scale?.power ?? 0,
        baseValue: Number(`${g.num.intDigits}${g.num.frac}e${(scale?.power ?? 0) - g.num.decimals}`),
        raw: offsetText(quantityText),
        unitText: unit ? offsetText(unitWords) : undefined,
        qualifier: g.qualifier?.code ?? null,
      },
    };
  });

describe('random Vietnamese quantities read back exactly', () => {
  it('value, unit, multiplier, baseValue, raw, qualifier, decimals', () => {
    fc.assert(
      fc.property(quantityArb, ({ text, expected }) => {
        const found = findQuantities(text);
        expect(found, JSON.stringify(text)).toHaveLength(1);
        const q = found[0]!;
        expectInvariants(q, text, JSON.stringify(text));
        expect(q.value).toBe(expected.value);
        expect(q.decimals).toBe(expected.decimals);
        expect(q.unit).toBe(expected.unit);
        expect(q.multiplier).toBe(expected.multiplier);
        expectNumber(q.baseValue, expected.baseValue, 'baseValue');
        expect(q.raw).toBe(expected.raw);
        expect(q.qualifier).toBe(expected.qualifier);
        if (expected.unitText !== undefined) expect(q.unitText === null ? null : offsetText(q.unitText)).toBe(expected.unitText);
        expect(q.ratio).toBeNull();
        expect(q.footnotes).toEqual([]);
        expect(q.anomalies).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('a whole-number baseValue is exact, not a product of doubles (1.473,474 tỷ = 1 473 474 000 000)', () => {
    fc.assert(
      fc.property(quantityArb, ({ text, expected }) => {
        fc.pre(Number.isSafeInteger(expected.baseValue) && expected.multiplier >= expected.decimals);
        const [q] = findQuantities(text);
        expect(q?.baseValue, JSON.stringify(text)).toBe(expected.baseValue);
      }),
      { numRuns: 300 },
    );
  });

  it('two quantities in one sentence come back in order, with the same readings as alone', () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        const text = `${a.text.replace(/[.;]$/, '')}; ${b.text}`;
        const found = findQuantities(text);
        expect(
          found.map((q) => q.raw),
          JSON.stringify(text),
        ).toEqual([a.expected.raw, b.expected.raw]);
        expect(found.map((q) => [q.value, q.unit, q.multiplier])).toEqual([
          [a.expected.value, a.expected.unit, a.expected.multiplier],
          [b.expected.value, b.expected.unit, b.expected.multiplier],
        ]);
        for (const q of found) expectInvariants(q, text, JSON.stringify(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('vn-number round trip', () => {
  it('formatVietnameseNumber writes what the test writes, and parseVietnameseNumber reads it back', () => {
    fc.assert(
      fc.property(numberArb, ({ intDigits, frac, decimals, value }) => {
        const text = writeVietnamese(intDigits, frac);
        expect(formatVietnameseNumber(value, decimals)).toBe(text);
        const parsed = parseVietnameseNumber(text);
        expect(parsed?.value).toBe(value);
        expect(parsed?.decimals).toBe(decimals);
      }),
      { numRuns: 500 },
    );
  });
});
