/**
 * The hand-made gold facts of ../shared/gold: each `raw` alone must read as its value (sign aside: the
 * gold signs falls, the grammar reads what is written), unit and multiplier; and the excerpt the gold
 * was read from must yield exactly those numbers, in reading order, with nothing else among them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../extractors/quantity-grammar.ts';
import { brief, expectInvariants } from './expect-quantity.ts';

const here = dirname(fileURLToPath(import.meta.url));
const GOLD_DIR = process.env.BAOCAO_GOLD_DIR ?? resolve(here, '../../../shared/gold');
const GOLD = resolve(GOLD_DIR, 'agriculture-2023.expected.jsonl');
const EXCERPT = resolve(GOLD_DIR, 'agriculture-2023.txt');

interface GoldFact {
  raw: string;
  value: number;
  unit: string | null;
  multiplier: number;
  footnotes: number[];
  inFootnote: number | null;
}

const facts: GoldFact[] = existsSync(GOLD)
  ? readFileSync(GOLD, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldFact)
  : [];

/** `3.750`, `125`, `101,1`: the unit comes from the context, not from the raw. */
const isBare = (raw: string) => /^[\d.,]+$/.test(raw);

function expectMatchesFact(q: { value: number; unit: string | null; multiplier: number }, f: GoldFact, where: string, bareUnitFromContext: boolean): void {
  expect(Math.abs(q.value), `${where}: value`).toBe(Math.abs(f.value));
  expect(q.multiplier, `${where}: multiplier`).toBe(f.multiplier);
  if (bareUnitFromContext) expect([null, f.unit], `${where}: a bare number's unit is null or the context's`).toContain(q.unit);
  else expect(q.unit, `${where}: unit`).toBe(f.unit);
}

describe.skipIf(facts.length === 0)('gold raws read alone', () => {
  it('the gold file holds its 105 facts', () => {
    expect(facts).toHaveLength(105);
  });

  it.each(facts.map((f, i) => [`#${i + 1} ${JSON.stringify(f.raw)}`, f] as const))('%s', (label, f) => {
    const found = findQuantities(f.raw);
    expect(found.map(brief), `${label}: one quantity`).toHaveLength(1);
    expectInvariants(found[0]!, f.raw, label);
    expectMatchesFact(found[0]!, f, label, isBare(f.raw));
  });
});

describe.skipIf(facts.length === 0 || !existsSync(EXCERPT))('gold facts read in their excerpt', () => {
  const paragraphs = existsSync(EXCERPT)
    ? readFileSync(EXCERPT, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  const found = paragraphs.flatMap((p) => findQuantities(p).map((q) => ({ q, p })));

  it('yields the 105 gold numbers and nothing else (no dates, document numbers or periods)', () => {
    expect(found.map(({ q }) => brief(q))).toHaveLength(facts.length);
  });

  it.each(facts.map((f, i) => [`#${i + 1} ${JSON.stringify(f.raw)}`, f, i] as const))('%s', (label, f, i) => {
    const hit = found[i];
    expect(hit, `${label}: found at position ${i}`).toBeDefined();
    const { q, p } = hit!;
    expectInvariants(q, p, label);
    // In its sentence a ratio half gets its unit from its partner (`125/100ha`); only a number with no
    // unit anywhere near (`101,1 Kế hoạch giao`) may stay null.
    expectMatchesFact(q, f, label, isBare(f.raw) && f.unit === 'percent');
    // Only a mark glued to the number is the grammar's to see; marks that close a clause are the
    // footnote stage's.
    const after = p.normalize('NFC').slice(q.end, q.end + 1);
    if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(after)) expect(q.footnotes, `${label}: glued footnote mark`).toEqual(f.footnotes);
    else expect(q.footnotes, `${label}: no glued mark`).toEqual([]);
  });
});
