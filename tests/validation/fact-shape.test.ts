import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fact, isWellFormedFact, Kind, Status } from '../../schema/fact.ts';
import { Qualifier } from '../../schema/quantity.ts';
import { CANONICAL_UNITS } from '../../schema/units.ts';
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
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  1.5,
  2 ** 60,
  1899,
  2201,
  '',
  'x',
  'percent',
  'count:',
  'count:hộ',
  [],
  [0],
  [1, 2],
  [1.5],
  ['a'],
  {},
  true,
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
      // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
      agreesWithZod({ ...base, footnotes: [1, , 2] });
    }
  });
});

/* ---------- generated facts: valid ones, and each broken in one way ---------- */

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const int = (min: number, max: number) => fc.integer({ min, max });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const unit = fc.oneof(
  fc.constantFrom(...Object.keys(CANONICAL_UNITS)),
  fc.string({ minLength: 1, maxLength: 8 }).map((n) => `count:${n}`),
);

/** A source in the schema's key order, its optional keys each present or not. */
const source = fc.record(
  {
    file: fc.string(),
    page: int(1, 5000),
    sheet: fc.string(),
    cell: fc.string(),
    block: int(0, 1e6),
    start: int(0, 1e6),
    end: int(0, 1e6),
    text: fc.string(),
    textStart: int(0, 1e6),
    textEnd: int(0, 1e6),
  },
  { requiredKeys: ['file', 'block', 'start', 'end', 'text'] },
);

const validFact = fc.record({
  id: fc.string(),
  documentId: fc.string({ minLength: 64, maxLength: 64 }),
  indicator: fc.string(),
  indicatorId: nullable(fc.string()),
  value: finite,
  unit: nullable(unit),
  unitText: nullable(fc.string()),
  multiplier: int(-30, 30),
  baseValue: finite,
  year: nullable(int(1900, 2200)),
  period: nullable(
    fc.oneof(
      int(1900, 2200).map(String),
      fc.tuple(int(1900, 2200), int(1, 4)).map(([y, q]) => `${y}-Q${q}`),
      fc.tuple(int(1900, 2200), int(1, 12)).map(([y, m]) => `${y}-M${String(m).padStart(2, '0')}`),
      fc.tuple(int(1900, 2200), int(1, 12)).map(([y, m]) => `${y}-01/${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(int(1900, 2190), int(1, 10)).map(([y, n]) => `${y}/${y + n}`),
    ),
  ),
  kind: fc.constantFrom(...Kind.options),
  qualifier: nullable(fc.constantFrom(...Qualifier.options)),
  relatesTo: nullable(fc.string()),
  footnotes: fc.array(int(1, 500), { maxLength: 4 }),
  inFootnote: nullable(int(1, 500)),
  source,
  status: fc.constantFrom(...Status.options),
  raw: fc.string(),
  headingPath: fc.array(fc.string(), { maxLength: 3 }),
  decimals: int(0, 6),
});

/** Values no field of a fact should take blindly: wrong types, out of range, holes, NaN… */
const strange = fc.oneof(fc.constantFrom(...BAD_VALUES), fc.anything(), fc.double(), fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 3 }));

type Breaking = (f: Record<string, unknown>) => fc.Arbitrary<unknown>;
const FACT_KEYS = Object.keys(Fact.shape);
const SOURCE_KEYS = ['file', 'page', 'sheet', 'cell', 'block', 'start', 'end', 'text', 'textStart', 'textEnd', 'extra'];

const breakings: Breaking[] = [
  // one field set to something else
  (f) => fc.tuple(fc.constantFrom(...FACT_KEYS), strange).map(([k, v]) => ({ ...f, [k]: v })),
  // one field dropped
  (f) =>
    fc.constantFrom(...FACT_KEYS).map((k) => {
      const { [k]: _gone, ...rest } = f;
      return rest;
    }),
  // one field moved to the front (same values, another key order)
  (f) =>
    fc.constantFrom(...FACT_KEYS).map((k) => {
      const { [k]: v, ...rest } = f;
      return { [k]: v, ...rest };
    }),
  // a key the schema does not have
  (f) => fc.tuple(fc.string(), strange).map(([k, v]) => ({ ...f, [k]: v })),
  // one source field set, dropped, or added
  (f) => fc.tuple(fc.constantFrom(...SOURCE_KEYS), strange).map(([k, v]) => ({ ...f, source: { ...(f.source as object), [k]: v } })),
  (f) =>
    fc.constantFrom(...SOURCE_KEYS).map((k) => {
      const { [k]: _gone, ...rest } = f.source as Record<string, unknown>;
      return { ...f, source: rest };
    }),
  // an array with a hole
  // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
  (f) => fc.constantFrom('footnotes', 'headingPath').map((k) => ({ ...f, [k]: [(f[k] as unknown[])[0] ?? 1, , 2] })),
  // not an object at all
  () => strange,
];

const brokenFact = validFact.chain((f) => fc.constantFrom(...breakings).chain((b) => b(f as Record<string, unknown>)));

describe('isWellFormedFact, property', () => {
  it('takes every valid fact, as zod does, and zod hands each back unchanged', () => {
    fc.assert(
      fc.property(validFact, (f) => {
        expect(Fact.safeParse(f).success).toBe(true);
        expect(isWellFormedFact(f)).toBe(true);
        agreesWithZod(f);
      }),
      { numRuns: 500 },
    );
  });

  it('never takes a fact zod refuses or would reshape', () => {
    fc.assert(
      fc.property(brokenFact, (v) => agreesWithZod(v)),
      { numRuns: 3000 },
    );
  });
});
