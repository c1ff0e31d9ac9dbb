import { describe, expect, it } from 'vitest';
import { FactSource } from '../../schema/fact.ts';
import { isLoadInput, LoadInput, loadInputIssues } from '../../schema/load-input.ts';
import { FactJson, sourceOfRow } from '../../store/rows.ts';
import { fixtureInputs } from './fixture.ts';
import { makeInput } from './helpers.ts';

/**
 * The loader checks facts with the cheap `isWellFormedFact` and leaves the rest, and any fact it doubts,
 * to zod. These tests hold the whole check to `LoadInput.safeParse`: the same verdict and the same paths on
 * every kind of broken field, and the same stored JSON as a parse would have given.
 */

describe('the loader input check', () => {
  it('accepts what the schema accepts', () => {
    for (const input of [...Object.values(fixtureInputs()), full()]) {
      expect(LoadInput.safeParse(input).success).toBe(true);
      expect(loadInputIssues(input)).toEqual([]);
    }
  });

  it('refuses, at the same paths, every broken field the schema refuses', () => {
    const BAD: unknown[] = [undefined, null, '', 'guess', 0, -1, 1.5, 1899, 2201, 2 ** 60, Number.NaN, Infinity, true, [], {}, ['x'], [0]];
    let refused = 0;
    for (const path of paths(full())) {
      for (const bad of BAD) {
        const input = mutate(full(), path, bad);
        const zod = LoadInput.safeParse(input);
        const mine = loadInputIssues(input);
        const where = `${path.join('.')} = ${String(bad)}`;
        expect(mine.length === 0, where).toBe(zod.success);
        if (!zod.success) {
          refused++;
          expect(new Set(mine.map((i) => i.path)), where).toEqual(new Set(zod.error.issues.map((i) => i.path.join('.'))));
        }
      }
    }
    expect(refused).toBeGreaterThan(500);
    for (const junk of [null, undefined, 'x', 1, [], {}]) expect(isLoadInput(junk)).toBe(false);
  });

  it('stores a source as the JSON of its parse without the sentence, and gives back the parse with it', () => {
    const sources: unknown[] = [
      ...Object.values(fixtureInputs()).flatMap((i) => i.facts.map((f) => f.source)),
      full().facts[0]!.source,
      { text: 'câu "có" ngoặc\n và \\ gạch', textEnd: 9, end: 4, extra: { a: 1 }, file: 'b\u2028.txt', start: 0, block: 2, textStart: 3, page: 1 },
      { file: 'a.xlsx', sheet: 'Biểu 1', cell: 'C7', block: 0, start: 0, end: 0, text: '' },
    ];
    const json = new FactJson();
    for (const s of sources) {
      const parsed = FactSource.parse(s);
      const stored = json.source(s as FactSource);
      const { text, ...where } = parsed;
      expect(JSON.parse(stored)).toEqual(where);
      // schema keys only, in schema order, the sentence back in its place
      expect(JSON.stringify(sourceOfRow(stored, text))).toBe(JSON.stringify(parsed));
    }
  });
});

/** A valid input with every optional field present. */
function full(): LoadInput {
  const input = makeInput({
    content: 'full',
    facts: [
      {
        indicator: 'Diện tích lúa',
        indicatorId: 'agri.rice.area',
        value: 4623.3,
        unit: 'ha',
        unitText: 'ha',
        year: 2023,
        kind: 'actual',
        qualifier: 'about',
        footnotes: [1],
        relatesTo: 'f9',
        headingPath: ['I. Nông nghiệp'],
        decimals: 1,
        source: { file: 'full.txt', page: 2, sheet: 'S', cell: 'B2', block: 3, start: 4, end: 9, text: 'Diện tích lúa 4.623,3ha¹', textStart: 14, textEnd: 21 },
      },
      { indicator: 'Số hộ', value: 12, unit: 'count:hộ', year: null, kind: 'share', inFootnote: 1 },
    ],
    mismatches: [
      {
        id: 'm',
        type: 'sum',
        message: 'tổng',
        factIds: ['f0'],
        expected: 1,
        found: 2,
        difference: 1,
        tolerance: 0.5,
        source: { file: 'full.txt', page: 1, block: 3, start: 0, end: 2, text: 'x' },
      },
    ],
  });
  input.footnotes = [{ number: 1, text: 'Số liệu sơ bộ', page: 2 }];
  input.messages = [
    { type: 'warning', message: 'm', stage: 'read' },
    { type: 'info', message: 'n' },
  ];
  return input;
}

/** Every path to a value in `v`, containers included. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) out.push(...paths(child, [...prefix, Array.isArray(v) ? Number(k) : k]));
  }
  return out;
}

function mutate(input: LoadInput, path: (string | number)[], value: unknown): unknown {
  let at = input as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return input;
}
