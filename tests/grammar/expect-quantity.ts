/**
 * Shared assertions for the grammar tests: a found quantity against a partial expectation of the
 * table, plus the invariants every quantity must hold whatever the text (offsets, schema, baseValue).
 * The CLI test feeds it parsed JSON, so it asks for plain objects, not the grammar's own types.
 */
import { expect } from 'vitest';
import { Quantity } from '../../schema/quantity.ts';
import type { ExpectedQuantity, GrammarCase } from './cases.ts';

export interface FoundQuantity {
  raw: string;
  start: number;
  end: number;
  value: number;
  unit: string | null;
  unitText: string | null;
  multiplier: number;
  baseValue: number;
  qualifier: string | null;
  footnotes: number[];
  decimals: number;
  ratio: { group: number; position: number } | null;
  anomalies: Array<{ code: string; message: string }>;
}

const OTHER_SPACES = /[\u00a0\u2009\u202f]/g;

/** The text offsets refer to: NFC, with the non-breaking and thin spaces read as plain spaces. */
export function offsetText(text: string): string {
  return text.normalize('NFC').replace(OTHER_SPACES, ' ');
}

/** Superscript digits other than the exponents of m², m³, km²: only such text can carry footnote marks. */
export function hasFootnoteMarks(text: string): boolean {
  return /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(offsetText(text).replace(/m[²³]/g, 'm'));
}

export function brief(q: FoundQuantity): string {
  const bits = [`${JSON.stringify(q.raw)} = ${q.value} ${q.unit ?? '∅'} e${q.multiplier}`];
  if (q.qualifier) bits.push(q.qualifier);
  if (q.ratio) bits.push(`ratio ${q.ratio.group}/${q.ratio.position}`);
  if (q.footnotes.length) bits.push(`fn ${q.footnotes.join(',')}`);
  if (q.anomalies.length) bits.push(`!${q.anomalies.map((a) => a.code).join(',')}`);
  return bits.join(' ');
}

/** value × 10^multiplier from the decimal text of value, so the expectation itself is exact. */
export function exactBase(value: number, multiplier: number): number {
  return Number(`${value}e${multiplier}`);
}

/**
 * Integers must come back exactly; for the rest allow the last bits of a double, since the convention
 * asks for value × 10^multiplier and a product of doubles may differ from the decimal in the final ulp.
 */
export function expectNumber(actual: number, expected: number, what: string): void {
  if (Number.isInteger(expected) && Number.isSafeInteger(expected)) {
    expect(actual, what).toBe(expected);
  } else {
    const tolerance = Math.abs(expected) * 1e-12;
    expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
  }
}

/** The leading number of a raw slice and its decimals, read independently of the grammar. */
function decimalsOfRaw(raw: string): number | null {
  const m = /^\d{1,3}(?:\.\d{3})*(?:,(\d+))?(?!\d)|^\d+(?:,(\d+))?/.exec(raw);
  if (!m) return null;
  return (m[1] ?? m[2] ?? '').length;
}

/** What holds for every quantity of every text. */
export function expectInvariants(q: FoundQuantity, input: string, where: string): void {
  const parsed = Quantity.safeParse(q);
  expect(parsed.success ? [] : parsed.error.issues, `${where}: fits schema/quantity.ts`).toEqual([]);
  expect(offsetText(input).slice(q.start, q.end), `${where}: raw is the slice start..end of the NFC text`).toBe(q.raw);
  expectNumber(q.baseValue, exactBase(q.value, q.multiplier), `${where}: baseValue = value × 10^multiplier`);
}

export function expectQuantity(q: FoundQuantity, exp: ExpectedQuantity, input: string, where: string, open: GrammarCase['open'] = []): void {
  const at = `${where} [${brief(q)}]`;
  expectInvariants(q, input, where);

  if (exp.value !== undefined) expect(q.value, `${at}: value`).toBe(exp.value);
  if (Array.isArray(exp.unit)) expect(exp.unit, `${at}: unit is one of`).toContain(q.unit);
  else if (exp.unit !== undefined) expect(q.unit, `${at}: unit`).toBe(exp.unit);
  if (exp.multiplier !== undefined) expect(q.multiplier, `${at}: multiplier`).toBe(exp.multiplier);
  if (exp.value !== undefined && exp.multiplier !== undefined) {
    expectNumber(q.baseValue, exactBase(exp.value, exp.multiplier), `${at}: baseValue`);
  }
  if (exp.raw !== undefined) expect(q.raw, `${at}: raw`).toBe(exp.raw);

  if (exp.qualifier !== undefined) expect(q.qualifier, `${at}: qualifier`).toBe(exp.qualifier);
  else if (!open.includes('qualifier')) expect(q.qualifier, `${at}: no qualifier word touches the number`).toBeNull();

  if (exp.ratio === 0 || exp.ratio === 1) expect(q.ratio?.position, `${at}: ratio position`).toBe(exp.ratio);
  else if (exp.ratio === null || !open.includes('ratio')) expect(q.ratio, `${at}: not half of an a/b pair`).toBeNull();

  if (exp.footnotes !== undefined) expect(q.footnotes, `${at}: footnotes`).toEqual(exp.footnotes);
  else if (!open.includes('footnotes') && !hasFootnoteMarks(input)) expect(q.footnotes, `${at}: footnotes`).toEqual([]);

  if (exp.unitText !== undefined) {
    const written = q.unitText === null ? null : offsetText(q.unitText);
    expect(written, `${at}: unitText`).toBe(exp.unitText);
  } else if (exp.unit === null && exp.multiplier === 0) {
    expect(q.unitText, `${at}: a bare number has no unitText`).toBeNull();
  }

  const codes = q.anomalies.map((a) => a.code);
  if (exp.anomalies !== undefined) {
    for (const code of exp.anomalies) expect(codes, `${at}: anomaly ${code} is flagged`).toContain(code);
  } else if (!open.includes('anomalies') && exp.unit !== undefined && exp.unit !== null) {
    expect(codes, `${at}: an ordinary number has no anomaly`).toEqual([]);
  }

  if (exp.decimals !== undefined) expect(q.decimals, `${at}: decimals`).toBe(exp.decimals);
  else if (codes.length === 0) {
    const d = decimalsOfRaw(q.raw);
    if (d !== null) expect(q.decimals, `${at}: decimals = digits after the comma`).toBe(d);
  }
}

/** A whole case: count, order, each expectation, and the pairing of a/b halves. */
export function expectCase(c: GrammarCase, found: readonly FoundQuantity[], input: string, where: string): void {
  expect(found.map(brief), `${where}: quantities found`).toHaveLength(c.expected.length);
  for (let i = 1; i < found.length; i++) {
    expect(found[i]!.start, `${where}: quantities come in text order`).toBeGreaterThanOrEqual(found[i - 1]!.start);
  }
  for (const [i, exp] of c.expected.entries()) expectQuantity(found[i]!, exp, input, `${where} #${i}`, c.open);

  const groups: number[] = [];
  c.expected.forEach((exp, i) => {
    if (exp.ratio !== 0 || c.expected[i + 1]?.ratio !== 1) return;
    const left = found[i]!.ratio;
    const right = found[i + 1]!.ratio;
    expect(left?.group, `${where} #${i}: both halves of a/b share a group`).toBe(right?.group);
    if (left) groups.push(left.group);
  });
  expect(new Set(groups).size, `${where}: each a/b pair has its own group`).toBe(groups.length);
}
