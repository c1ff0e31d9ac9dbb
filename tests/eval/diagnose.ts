/**
 * Prints, for each labelled document (or the one named), why each expected fact was missed: the
 * extracted facts of the same value and what differs (unit, multiplier, year, kind), or "no fact of that
 * value". A tool for working on the extraction, not a test: run with
 *   node bin/run-ts.js tests/eval/diagnose.ts [NAME-SUBSTRING] [--extras] [--labels]
 * `--labels` prints, instead of the misses, every matched fact whose label lacks a word of the expected
 * indicator: the words expected, the words missing, and our label.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../../extractors/clean-text.ts';
import { readDocument } from '../../extractors/read.ts';
import { processDocument } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { readGold, score } from '../helpers/gold-score.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('--'));
const showExtras = args.includes('--extras');
const showLabels = args.includes('--labels');
/** with `--labels`, the sentence around each wrong label too */
const showText = args.includes('--text');

const bySha = new Map<string, string>();
for (const name of readdirSync(CORPUS)) {
  const path = join(CORPUS, name);
  bySha.set(createHash('sha256').update(readFileSync(path)).digest('hex'), path);
}
const wordsOf = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

for (const n of readdirSync(HERE).filter((x) => x.endsWith('.expected.jsonl'))) {
  const sha = n.slice(0, 64);
  const scope = JSON.parse(readFileSync(join(HERE, `${sha}.scope.json`), 'utf8'));
  if (only && !scope.file.includes(only)) continue;
  const path = bySha.get(sha);
  if (!path) continue;
  const read = await readDocument(path);
  const { facts } = processDocument(read, loadCatalog());
  const gold = readGold(join(HERE, n));
  const s = score(gold, facts);
  if (showLabels) {
    const pct = ((100 * (s.matched - s.wrongLabel.length)) / Math.max(1, s.matched)).toFixed(1);
    console.log(`\n## ${scope.file}: label ${pct}% (${s.matched - s.wrongLabel.length}/${s.matched} matched facts)`);
    for (const { gold: g, got } of s.wrongLabel) {
      const have = new Set(wordsOf(got.indicator));
      const missing = wordsOf(g.indicator).filter((w) => !have.has(w));
      console.log(`  ${g.raw} [${g.unit}] expected "${g.indicator}" (missing: ${missing.join(' ')})\n      ours "${got.indicator}"`);
      if (showText) console.log(`      in "${got.source.text.slice(Math.max(0, (got.source.textStart ?? 0) - 240), (got.source.textEnd ?? 0) + 60)}"`);
    }
    continue;
  }
  const reasons = new Map<string, number>();
  const lines: string[] = [];
  for (const g of s.misses) {
    const same = facts.filter((f) => close(f.value, g.value) || close(f.value * 10 ** f.multiplier, g.value * 10 ** g.multiplier));
    let why: string;
    if (same.length === 0) why = 'no fact of that value';
    else {
      const f = same[0]!;
      const diffs: string[] = [];
      if (f.unit !== g.unit) diffs.push(`unit ${f.unit}≠${g.unit}`);
      if (f.multiplier !== g.multiplier) diffs.push(`mult ${f.multiplier}≠${g.multiplier}`);
      if (f.year !== g.year) diffs.push(`year ${f.year}≠${g.year}`);
      if (f.kind !== g.kind) diffs.push(`kind ${f.kind}≠${g.kind}`);
      if (f.inFootnote !== g.inFootnote) diffs.push(`inFootnote ${f.inFootnote}≠${g.inFootnote}`);
      why = diffs.join(', ') || 'taken by another';
    }
    const key = why.replace(/ [^ ,]*≠[^ ,]*/g, '').replace(/ \S+$/, '') || why;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    lines.push(`  miss ${g.raw} [${g.unit} ${g.kind} ${g.year}] "${g.indicator}": ${why}`);
  }
  console.log(`\n## ${scope.file}: matched ${s.matched}/${s.expected}, extracted ${s.extracted}`);
  console.log(
    [...reasons]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `  ${v} × ${k}`)
      .join('\n'),
  );
  console.log(lines.join('\n'));
  if (showExtras) for (const f of s.extras) console.log(`  extra ${f.raw} → ${f.value} ${f.unit} ${f.kind} ${f.year} (${f.indicator})`);
}
