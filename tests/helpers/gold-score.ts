import { readFileSync } from 'node:fs';
import { fold } from '../../extractors/clean-text.ts';
import type { Fact } from '../../schema/fact.ts';

/** One hand-labelled fact, as in `../shared/gold/*.expected.jsonl`. */
export interface GoldFact {
  raw: string;
  value: number;
  unit: string | null;
  multiplier: number;
  year: number | null;
  kind: string;
  indicator: string;
  footnotes: number[];
  inFootnote: number | null;
}

export interface Score {
  expected: number;
  extracted: number;
  matched: number;
  recall: number;
  precision: number;
  kindAccuracy: number;
  labelAccuracy: number;
  footnoteLinks: number;
  footnoteTotal: number;
  misses: GoldFact[];
  extras: Fact[];
  wrongKind: { gold: GoldFact; got: Fact }[];
  wrongLabel: { gold: GoldFact; got: Fact }[];
  /** every expected fact with the fact it matched, in the gold's order */
  pairs: { gold: GoldFact; got: Fact }[];
}

export function readGold(file: string): GoldFact[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldFact);
}

const words = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const ESTIMATE_LIKE = new Set(['actual', 'estimate']);
const sameKind = (a: string, b: string) => a === b || (ESTIMATE_LIKE.has(a) && ESTIMATE_LIKE.has(b));

/** The scoring of `../shared/gold/README.md`: each expected fact matched at most once. */
export function score(gold: readonly GoldFact[], facts: readonly Fact[]): Score {
  const used = new Set<number>();
  const s: Score = {
    expected: gold.length,
    extracted: facts.length,
    matched: 0,
    recall: 0,
    precision: 0,
    kindAccuracy: 0,
    labelAccuracy: 0,
    footnoteLinks: 0,
    footnoteTotal: 0,
    misses: [],
    extras: [],
    wrongKind: [],
    wrongLabel: [],
    pairs: [],
  };
  let kindOk = 0;
  let labelOk = 0;
  for (const g of gold) {
    s.footnoteTotal += g.footnotes.length;
    const i = facts.findIndex(
      (f, j) =>
        !used.has(j) &&
        close(f.value, g.value) &&
        f.unit === g.unit &&
        f.multiplier === g.multiplier &&
        f.year === g.year &&
        f.inFootnote === g.inFootnote &&
        sameKind(f.kind, g.kind),
    );
    if (i < 0) {
      s.misses.push(g);
      continue;
    }
    used.add(i);
    s.matched++;
    const f = facts[i]!;
    s.pairs.push({ gold: g, got: f });
    if (f.kind === g.kind) kindOk++;
    else s.wrongKind.push({ gold: g, got: f });
    const have = new Set(words(f.indicator));
    if (words(g.indicator).every((w) => have.has(w))) labelOk++;
    else s.wrongLabel.push({ gold: g, got: f });
    s.footnoteLinks += g.footnotes.filter((n) => f.footnotes.includes(n)).length;
  }
  s.extras = facts.filter((_, j) => !used.has(j));
  s.recall = s.matched / Math.max(1, gold.length);
  s.precision = s.matched / Math.max(1, facts.length);
  s.kindAccuracy = kindOk / Math.max(1, s.matched);
  s.labelAccuracy = labelOk / Math.max(1, s.matched);
  return s;
}

export function describe(name: string, s: Score): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${name}: recall ${pct(s.recall)} (${s.matched}/${s.expected}), precision ${pct(s.precision)} (${s.matched}/${s.extracted}), ` +
      `kind ${pct(s.kindAccuracy)}, label ${pct(s.labelAccuracy)}, footnote links ${s.footnoteLinks}/${s.footnoteTotal}`,
    ...s.misses.map((g) => `  missed ${g.raw} (${g.kind}, ${g.indicator})`),
    ...s.extras.map((f) => `  extra ${f.raw} → ${f.value} ${f.unit} ${f.kind} (${f.indicator})`),
    ...s.wrongKind.map(({ gold, got }) => `  kind ${gold.raw}: expected ${gold.kind}, got ${got.kind}`),
    ...s.wrongLabel.map(({ gold, got }) => `  label ${gold.raw}: expected words "${gold.indicator}", got "${got.indicator}"`),
  ];
  return lines.join('\n');
}
