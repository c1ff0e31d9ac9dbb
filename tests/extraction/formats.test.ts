import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, describe as group, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { allowConsole } from '../console-guard.ts';
import { describe, readGold, score } from '../helpers/gold-score.ts';

const gold = fileURLToPath(new URL('../../../shared/gold/agriculture-2023.expected.jsonl', import.meta.url));
const rendered = fileURLToPath(new URL('../fixtures/rendered/', import.meta.url));

/** The same excerpt rendered to Word (real footnotes) and to PDF (LibreOffice) must give the same facts. */
group.each([
  { format: 'DOCX', file: `${rendered}agriculture-2023.docx` },
  { format: 'PDF', file: `${rendered}agriculture-2023.pdf` },
])('agriculture excerpt read from $format', ({ format, file }) => {
  it.skipIf(!existsSync(gold))('meets the gold floors for other formats', async () => {
    const input = await processFile(file, loadCatalog());
    const s = score(readGold(gold), input.facts);
    // Printed on purpose: `npm test` shows the figures.
    allowConsole();
    process.stdout.write(`${describe(`agriculture-2023 from ${format}`, s)}\n`);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.footnoteLinks).toBe(s.footnoteTotal);
  });
});

group('agriculture excerpt typed in a legacy font encoding', () => {
  it.skipIf(!existsSync(gold))('gives the same facts from TCVN3 and VNI renderings as from Unicode', async () => {
    const { encodeTcvn3, encodeVni } = await import('../readers/legacy-encoders.ts');
    const { renderDocx } = await import('../fixtures/render/render.ts');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const text = readFileSync(fileURLToPath(new URL('../../../shared/gold/agriculture-2023.txt', import.meta.url)), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'baocao-legacy-'));
    const catalog = loadCatalog();
    const key = (f: {
      value: number;
      unit: string | null;
      multiplier: number;
      kind: string;
      year: number | null;
      footnotes: number[];
      inFootnote: number | null;
    }) => `${f.value}|${f.unit}|${f.multiplier}|${f.kind}|${f.year}|${f.footnotes.join(',')}|${f.inFootnote}`;
    const unicodeFile = join(dir, 'unicode.docx');
    writeFileSync(unicodeFile, renderDocx(text));
    const unicode = await processFile(unicodeFile, catalog);
    expect(unicode.facts.length).toBeGreaterThanOrEqual(100);
    for (const [name, encode] of [
      ['tcvn3', encodeTcvn3],
      ['vni', encodeVni],
    ] as const) {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, renderDocx(text, encode));
      const legacy = await processFile(file, catalog);
      expect(legacy.facts.map(key), name).toEqual(unicode.facts.map(key));
      expect(
        legacy.facts.map((f) => f.indicator),
        name,
      ).toEqual(unicode.facts.map((f) => f.indicator));
    }
  });
});
