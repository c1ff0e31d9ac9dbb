import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, describe as group, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { allowConsole } from '../console-guard.ts';
import { describe, readGold, score } from '../helpers/gold-score.ts';

const shared = fileURLToPath(new URL('../../../shared/gold/', import.meta.url));
const own = fileURLToPath(new URL('../fixtures/gold/', import.meta.url));

/** Gold excerpts: the shared one, and our own hand-labelled excerpts of other sections of the seeds. */
const EXCERPTS = [
  { name: 'agriculture-2023 (shared gold)', text: `${shared}agriculture-2023.txt`, expected: `${shared}agriculture-2023.expected.jsonl` },
  { name: 'investment-2023 (seed §1.2.3)', text: `${own}investment-2023.txt`, expected: `${own}investment-2023.expected.jsonl` },
  { name: 'poverty-labour-2023 (seed §2.3)', text: `${own}poverty-labour-2023.txt`, expected: `${own}poverty-labour-2023.expected.jsonl` },
];

group.each(EXCERPTS)('gold excerpt $name', ({ name, text, expected }) => {
  it.skipIf(!existsSync(text) || !existsSync(expected))('meets the floors of the gold README', async () => {
    const input = await processFile(text, loadCatalog());
    const gold = readGold(expected);
    const s = score(gold, input.facts);
    // Printed on purpose: `npm test` shows the figures.
    allowConsole();
    process.stdout.write(`${describe(name, s)}\n`);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.kindAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.labelAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.footnoteLinks).toBe(s.footnoteTotal);
  });
});
