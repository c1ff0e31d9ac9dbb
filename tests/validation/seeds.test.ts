import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import { processText } from './helpers.ts';

const SEED_000 = fileURLToPath(new URL('../../seeds/000_35c0ecef09102edc.txt', import.meta.url));
const SEED_001 = fileURLToPath(new URL('../../seeds/001_5b44daab30250fa8.txt', import.meta.url));

let report: LoadInput;
let call: LoadInput;

beforeAll(async () => {
  const catalog = loadCatalog();
  report = await processFile(SEED_000, catalog);
  call = await processFile(SEED_001, catalog);
});

function involving(input: LoadInput, pick: (text: string, heading: string[], inFootnote: number | null) => boolean) {
  const ids = new Set(input.facts.filter((f) => pick(f.source.text, f.headingPath, f.inFootnote)).map((f) => f.id));
  return { ids, mismatches: input.mismatches.filter((m) => m.factIds.some((id) => ids.has(id))) };
}

describe('the 2023 report (seed 000): what a careful reader finds', () => {
  it('flags the number broken by a space (1601, 61 gam)', () => {
    expect(report.mismatches.some((m) => m.type === 'reading' && m.message.includes('1601, 61'))).toBe(true);
  });
  it('flags counts of people that a scale word makes larger than the district', () => {
    const texts = report.mismatches.filter((m) => m.type === 'plausibility').map((m) => m.message);
    expect(texts.some((t) => t.includes('81.012 nghìn người'))).toBe(true);
    expect(texts.some((t) => t.includes('29.000 nghìn đối tượng'))).toBe(true);
    expect(texts.some((t) => t.includes('7.120 nghìn bệnh nhân'))).toBe(true);
  });
  it('flags footnote 21: capacities 144,3 + 56,9 + 65 + 123,72 = 389,92 MW against "khoảng 384,9MW"', () => {
    const m = report.mismatches.find((x) => x.type === 'sum' && x.message.includes('389,92'));
    expect(m).toBeDefined();
    expect(m).toMatchObject({ expected: 384.9, found: 389.92 });
    // khoảng widens the total's tolerance to 1 % of it, plus the parts' rounding
    expect(m!.tolerance).toBeCloseTo(3.849 + 0.05 + 0.05 + 0.5 + 0.005, 6);
  });
  it('flags footnote 19: damages adding up to 17.017,02 million against a total of 1.017,02 million', () => {
    expect(report.mismatches.some((m) => m.type === 'sum' && m.message.includes('17.017,02') && m.message.includes('1.017,02'))).toBe(true);
  });
  it('flags bad debt "chiếm 1,38% tổng dư nợ" when 13,33 / 731,5 = 1,82 %', () => {
    expect(report.mismatches.some((m) => m.type === 'ratio' && m.message.includes('1,38'))).toBe(true);
  });
  it('flags fruit trees: bananas and "other fruit trees" (a complete list) add up to 3.705,99 ha, not 3.928 ha', () => {
    expect(report.mismatches.some((m) => m.type === 'sum' && m.message.includes('3.705,99'))).toBe(true);
  });
});

describe('no false alarm on the relations that hold', () => {
  it('section 1.1.1 (crop areas, yields, outputs, shares of plan, footnotes 1–9) adds up, but for the fruit-tree total', () => {
    const { ids, mismatches } = involving(report, (_t, heading, note) => heading.some((h) => h.startsWith('1.1.1.')) || (note !== null && note <= 9));
    expect(ids.size).toBeGreaterThan(60);
    expect(mismatches.map((m) => m.message)).toEqual([expect.stringContaining('3.705,99')]);
  });
  it('the finance paragraphs (revenue and expenditure totals and their parts) add up', () => {
    const { ids, mismatches } = involving(report, (t) => /Thu ngân sách nhà nước ước đạt|Tổng chi ngân sách/u.test(t));
    expect(ids.size).toBeGreaterThanOrEqual(10);
    expect(mismatches).toEqual([]);
  });
  it('raises no arithmetic mismatch beyond the real ones', () => {
    const arithmetic = report.mismatches.filter((m) => ['sum', 'ratio', 'share_of_plan', 'product', 'growth'].includes(m.type));
    const real = ['1,38', '17.017,02', '3.705,99', '389,92'];
    for (const m of arithmetic)
      expect(
        real.some((r) => m.message.includes(r)),
        m.message,
      ).toBe(true);
    expect(arithmetic).toHaveLength(4);
  });
  it('the emulation call (seed 001) raises nothing on its own', () => {
    expect(call.mismatches.map((m) => m.message)).toEqual([]);
  });
  it('keeps every fact: the validate stage flags, it never drops', () => {
    expect(report.facts.length).toBeGreaterThan(700);
    const flagged = report.facts.filter((f) => f.status === 'flagged');
    expect(flagged.length).toBeGreaterThan(0);
    const inMismatch = new Set(report.mismatches.flatMap((m) => m.factIds));
    expect(flagged.every((f) => inMismatch.has(f.id))).toBe(true);
  });
});

describe('the checks really run over section 1.1.1', () => {
  const text = readFileSync(SEED_000, 'utf8');
  const body = (edit: (s: string) => string) => edit(text.split('\n').slice(24, 50).join('\n'));
  it('a wrong rice output breaks area × yield', async () => {
    const input = await processText(body((s) => s.replace('sản lượng 22.123,83 tấn', 'sản lượng 22.723,83 tấn')));
    expect(input.mismatches.map((m) => m.type)).toContain('product');
  });
  it('a wrong plan in footnote 1 breaks actual/plan against the stated share', async () => {
    const input = await processText(body((s) => s.replace('3.743,50ha/3.750', '3.743,50ha/3.950')));
    expect(input.mismatches.map((m) => m.type)).toContain('share_of_plan');
  });
  it('a wrong part in footnote 9 breaks the itemized total', async () => {
    const input = await processText(body((s) => s.replace('0,53ha', '5,53ha')));
    expect(input.mismatches.map((m) => m.type)).toContain('sum');
  });
  it('the excerpt as written raises only the fruit-tree total', async () => {
    const input = await processText(body((s) => s));
    expect(input.mismatches.map((m) => m.message)).toEqual([expect.stringContaining('3.705,99')]);
  });
});
