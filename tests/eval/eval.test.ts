import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../extractors/read.ts';
import { processDocument } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { DocumentModel } from '../../schema/document.ts';
import type { Fact } from '../../schema/fact.ts';
import { allowConsole } from '../console-guard.ts';
import { describe as describeScore, type GoldFact, readGold, score } from '../helpers/gold-score.ts';

/**
 * The evaluation set of real documents (tests/eval/README.md): facts labelled by hand, by someone who had
 * not read the extraction code, keyed by the labelled file's sha256. The documents stay in
 * ../shared/corpus/real; the test skips when they are absent. Scores are printed for every document;
 * the floors below hold today's level so that a change cannot lower it unnoticed. The target is 0.95.
 */
const HERE = fileURLToPath(new URL('./', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));

interface Scope {
  file: string;
  twin?: { file: string; sha256: string };
  scope: 'whole' | { sheets?: string[]; endsBefore?: string; footnotes?: number[] };
}

interface LabelledFact extends GoldFact {
  period?: string;
  sheet?: string;
}

/**
 * Today's levels, per document, as floors: a change that lowers one fails here. Raise them as the
 * extraction improves.
 */
const FLOORS: Record<string, { recall: number; precision: number; period: number }> = {
  'lamdong_bc_de_an_06_2026-03.docx': { recall: 0.93, precision: 0.93, period: 0.99 },
  'lamdong_bc_de_an_06_2025-11-20.doc': { recall: 0.77, precision: 0.7, period: 0.95 },
  'lamdong_bc_cac_chi_so_2025-11-06.docx': { recall: 0.97, precision: 0.97, period: 0.99 },
  'lamdong_bc_cac_chi_so_2025-11-06.pdf': { recall: 0.96, precision: 0.97, period: 0.99 },
  'gso_bieu_so_lieu_2024-12.xlsx': { recall: 0.99, precision: 0.99, period: 0.99 },
  'lamdong_qd_cong_bo_chi_so_cchc_2025.docx': { recall: 0.99, precision: 0.99, period: 0.99 },
};
/** All documents together: facts matched. */
const TOTAL_MATCHED_FLOOR = 1760;
let totalMatched = 0;

const corpusBySha = new Map<string, string>();
if (existsSync(CORPUS)) {
  for (const name of readdirSync(CORPUS)) {
    const path = join(CORPUS, name);
    corpusBySha.set(createHash('sha256').update(readFileSync(path)).digest('hex'), path);
  }
}

const labelled = readdirSync(HERE)
  .filter((n) => n.endsWith('.expected.jsonl'))
  .map((n) => {
    const sha = n.slice(0, 64);
    const scope = JSON.parse(readFileSync(join(HERE, `${sha}.scope.json`), 'utf8')) as Scope;
    return { sha, name: scope.file, scope, expected: join(HERE, n) };
  });

/** The facts a scope covers: its sheets, or the flow up to a heading and the footnotes it names. */
function inScope(doc: DocumentModel, facts: readonly Fact[], scope: Scope['scope']): Fact[] {
  if (scope === 'whole') return [...facts];
  if (scope.sheets) return facts.filter((f) => f.source.sheet !== undefined && scope.sheets!.includes(f.source.sheet));
  if (scope.endsBefore) {
    const heading = scope.endsBefore.trim();
    const end = doc.blocks.find((b) => b.kind !== 'footnote' && b.text.trim().startsWith(heading))?.index ?? Number.POSITIVE_INFINITY;
    const notes = new Set(scope.footnotes ?? []);
    return facts.filter((f) => (f.inFootnote === null ? f.source.block < end : notes.has(f.inFootnote)));
  }
  return [...facts];
}

interface Scored {
  matched: number;
  recall: number;
  precision: number;
  period: number;
}

/** Reads one labelled document, scores it against its labels and prints the figures. */
async function scoreDocument({ name, scope, expected }: (typeof labelled)[number], path: string): Promise<Scored> {
  const read = await readDocument(path);
  const input = processDocument(read, loadCatalog());
  // the scope needs the blocks' text and indices only
  const facts = inScope(read, input.facts, scope.scope);
  const s = score(readGold(expected) as LabelledFact[], facts);
  const withPeriod = s.pairs.filter((p) => (p.gold as LabelledFact).period !== undefined);
  const periodOk = withPeriod.filter((p) => p.got.period === (p.gold as LabelledFact).period).length;
  const period = periodOk / Math.max(1, withPeriod.length);
  allowConsole();
  process.stdout.write(`${describeScore(name, s).split('\n')[0]}, period ${(100 * period).toFixed(1)}% (${periodOk}/${withPeriod.length})\n`);
  return { matched: s.matched, recall: s.recall, precision: s.precision, period };
}

const floored = labelled.filter((l) => FLOORS[l.name] !== undefined);
const unfloored = labelled.filter((l) => FLOORS[l.name] === undefined);

describe.each(floored)('evaluation document $name', (entry) => {
  const path = corpusBySha.get(entry.sha);
  it.skipIf(path === undefined)('scores its hand-labelled facts at least as well as today', async () => {
    const s = await scoreDocument(entry, path!);
    totalMatched += s.matched;
    const floor = FLOORS[entry.name]!;
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(s.period).toBeGreaterThanOrEqual(floor.period);
  });
});

describe('the evaluation set as a whole', () => {
  it.skipIf(corpusBySha.size === 0)('matches at least as many facts as today, documents without a floor included', async () => {
    for (const entry of unfloored) {
      const path = corpusBySha.get(entry.sha);
      if (path !== undefined) totalMatched += (await scoreDocument(entry, path)).matched;
    }
    expect(totalMatched).toBeGreaterThanOrEqual(TOTAL_MATCHED_FLOOR);
  });
});
