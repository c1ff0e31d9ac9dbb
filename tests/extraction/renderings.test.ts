import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, describe as group, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { allowConsole } from '../console-guard.ts';
import { SOURCES } from '../fixtures/renderings/make.ts';
import { agreement, renderingsOf } from '../fixtures/renderings/score.ts';
import { describe, readGold, score } from '../helpers/gold-score.ts';

const gold = fileURLToPath(new URL('../../../shared/gold/agriculture-2023.expected.jsonl', import.meta.url));
const [goldText, ...seeds] = SOURCES as [string, ...string[]];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The same texts laid out by three tool chains (tests/fixtures/renderings/make.ts): footnotes at the
 * pages' feet under a rule or a gap, or as endnotes; raised or plain body numbers; other fonts, sizes,
 * margins and running lines. The PDF reader must read the same facts from each.
 */
group('the gold excerpt rendered by other tool chains', () => {
  it.skipIf(!existsSync(gold)).each(renderingsOf(goldText))('$chain meets the gold floors', async ({ chain, file }) => {
    const s = score(readGold(gold), (await processFile(file, loadCatalog())).facts);
    // Printed on purpose: `npm test` shows the figures.
    allowConsole();
    process.stdout.write(`${describe(`agriculture-2023 through ${chain}`, s)}\n`);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.footnoteLinks).toBe(s.footnoteTotal);
  });
});

group('the seeds rendered by three tool chains', () => {
  it.each(seeds.flatMap((src) => renderingsOf(src).map((r) => ({ ...r, src, name: basename(src, '.txt') }))))(
    '$name through $chain gives the facts of its text',
    async ({ src, file, chain, name }) => {
      const catalog = loadCatalog();
      const a = agreement((await processFile(src, catalog)).facts, (await processFile(file, catalog)).facts);
      allowConsole();
      process.stdout.write(
        `${name} through ${chain}: ${pct(a.recall)} of the text's facts (${a.matched}/${a.expected}), precision ${pct(a.precision)} (${a.matched}/${a.got})\n`,
      );
      // Value, unit, multiplier, kind, year and footnotes alike. What is left are the lines the render
      // script itself cannot place (list items after a footnote body in the text: body or flow?).
      expect(a.recall).toBeGreaterThanOrEqual(0.95);
      expect(a.precision).toBeGreaterThanOrEqual(0.95);
    },
    60_000,
  );
});
