import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../extractors/quantity-grammar.ts';
import { readDocument } from '../../extractors/read.ts';
import { ReadError } from '../../extractors/reader.ts';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { isFragment, saysSomething, tidyLabel } from '../../pipeline/stages/label.ts';
import { allowConsole } from '../console-guard.ts';

/** Real documents from public archives: read from ../shared/corpus, never copied into the project. */
const corpus = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const present = existsSync(corpus);
/**
 * Share of the text documents' facts whose label has two content words or more: 68.6% before labels
 * were read from the clause's subject, 93.4% after; held a little below, as other stages' changes move
 * which facts there are.
 */
const LABELLED_FLOOR = 0.92;
/** Share of them whose label is a fragment (a dangling connective at either end, or only a share's base): 41.9% before, 0% after. */
const FRAGMENT_CEILING = 0.03;
const files = present ? readdirSync(corpus).filter((f) => !f.endsWith('.md')) : [];

/**
 * The text documents of the corpus (DOCX, PDF, DOC) through the whole pipeline, each once for the tests
 * that print figures over them; a file the readers refuse must refuse with a one-line ReadError. The
 * scan stays out: its OCR is read and scored in tests/ocr.
 */
let textRead: Promise<{ name: string; input: Awaited<ReturnType<typeof processFile>> }[]> | undefined;
function textDocuments() {
  textRead ??= (async () => {
    const catalog = loadCatalog();
    const out: { name: string; input: Awaited<ReturnType<typeof processFile>> }[] = [];
    for (const name of files) {
      try {
        const input = await processFile(join(corpus, name), catalog, { timeoutMs: 120_000, ocr: 'never' });
        if (['docx', 'pdf', 'doc'].includes(input.document.format) && input.facts.length > 0) out.push({ name, input });
      } catch (err) {
        expect(err, name).toBeInstanceOf(ReadError);
      }
    }
    return out;
  })();
  return textRead;
}

describe.skipIf(!present)('the real corpus', () => {
  it('reads every document without a crash, and reports what came out of each', async () => {
    // Printed on purpose: `npm test` shows what came out of the real documents.
    allowConsole();
    const report: string[] = [];
    for (const name of files) {
      const file = join(corpus, name);
      try {
        // the scan's OCR is read and scored in tests/ocr; here it stays the refusal it is without OCR
        const doc = await readDocument(file, { timeoutMs: 120_000, ocr: 'never' });
        const text = doc.blocks.filter((b) => b.kind !== 'footnote').map((b) => b.text);
        const quantities = text.reduce((n, t) => n + findQuantities(t).length, 0);
        const footnotes = doc.blocks.filter((b) => b.kind === 'footnote').length;
        report.push(`${name}: ${doc.format}, ${doc.blocks.length} blocks, ${quantities} quantities, ${footnotes} footnotes`);
        expect(doc.blocks.length, name).toBeGreaterThan(0);
      } catch (err) {
        // Refusing is allowed, crashing is not: the reason must be a one-line ReadError.
        expect(err, name).toBeInstanceOf(ReadError);
        report.push(`${name}: refused: ${(err as ReadError).reason}`);
      }
    }
    process.stdout.write(`${report.join('\n')}\n`);
    expect(report.find((l) => l.startsWith('lamdong_ttr239_de_an_06_2026-03_scanned.pdf'))).toMatch(/needs OCR/);
  }, 300_000);

  it('reads the same quantities from the DOCX and the signed PDF of one report', async () => {
    // Printed on purpose: `npm test` shows what came out of the real documents.
    allowConsole();
    const stem = join(corpus, 'lamdong_bc_cac_chi_so_2025-11-06');
    const quantities = async (file: string) => {
      const doc = await readDocument(file, { timeoutMs: 120_000 });
      return doc.blocks.flatMap((b) => findQuantities(b.text).map((q) => `${q.value}|${q.unit}|${q.multiplier}`));
    };
    const fromDocx = await quantities(`${stem}.docx`);
    const fromPdf = await quantities(`${stem}.pdf`);
    const pool = new Map<string, number>();
    for (const q of fromPdf) pool.set(q, (pool.get(q) ?? 0) + 1);
    let agree = 0;
    for (const q of fromDocx) {
      const left = pool.get(q) ?? 0;
      if (left > 0) {
        agree++;
        pool.set(q, left - 1);
      }
    }
    const share = agree / fromDocx.length;
    process.stdout.write(`DOCX vs signed PDF: ${agree}/${fromDocx.length} quantities agree (${(100 * share).toFixed(1)}%)\n`);
    expect(fromDocx.length).toBeGreaterThan(100);
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('turns the Đạ Huoai statistics tables into facts by year and kind', async () => {
    // Printed on purpose: `npm test` shows what came out of the real documents.
    allowConsole();
    const catalog = loadCatalog();
    for (const name of ['dahuoai_tong_hop_gtsx_ktxh_2015-2025.xlsx', 'dahuoai_so_lieu_2015-2025_cuc_thong_ke.xls']) {
      const input = await processFile(join(corpus, name), catalog, { timeoutMs: 120_000 });
      const years = new Set(input.facts.map((f) => f.year));
      const kinds = new Set(input.facts.map((f) => f.kind));
      process.stdout.write(`${name}: ${input.facts.length} facts, years ${[...years].sort().join(',')}, kinds ${[...kinds].join(',')}\n`);
      expect(input.facts.length, name).toBeGreaterThan(100);
      for (const y of [2016, 2018, 2019, 2020]) expect(years.has(y), `${name} ${y}`).toBe(true);
      expect(kinds.has('actual'), name).toBe(true);
      expect(kinds.has('plan') || kinds.has('estimate'), name).toBe(true);
      expect(
        input.facts.every((f) => f.source.cell && f.source.sheet),
        name,
      ).toBe(true);
    }
  }, 300_000);

  it('gives nearly every fact of the text documents a period, from its words, headings, title or date', async () => {
    // Printed on purpose: `npm test` shows what came out of the real documents.
    allowConsole();
    let facts = 0;
    let withPeriod = 0;
    const report: string[] = [];
    for (const { name, input } of await textDocuments()) {
      const dated = input.facts.filter((f) => f.period !== null);
      for (const f of dated) expect(f.year, `${name} ${f.id}`).toBe(Number(/(\d{4})(?:[^/]*)$/.exec(f.period!)![1]));
      const kinds = new Map<string, number>();
      for (const f of dated) kinds.set(f.period!, (kinds.get(f.period!) ?? 0) + 1);
      const common = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4);
      report.push(
        `${name}: ${dated.length}/${input.facts.length} facts with a period (${((100 * dated.length) / input.facts.length).toFixed(1)}%): ${common.map(([p, n]) => `${p} ×${n}`).join(', ')}`,
      );
      facts += input.facts.length;
      withPeriod += dated.length;
    }
    process.stdout.write(`${report.join('\n')}\nperiods, text documents: ${withPeriod}/${facts} (${((100 * withPeriod) / facts).toFixed(1)}%)\n`);
    expect(facts).toBeGreaterThan(500);
    expect(withPeriod / facts).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('gives the facts of the text documents labels that say what they count, not fragments', async () => {
    // Printed on purpose: `npm test` shows how well the real documents' facts are labelled.
    allowConsole();
    let facts = 0;
    let labelled = 0;
    let fragments = 0;
    const report: string[] = [];
    for (const { name, input } of await textDocuments()) {
      const good = input.facts.filter((f) => saysSomething(f.indicator)).length;
      // a label of running text that starts or ends on a dangling word, or names only a share's base (a
      // table cell's label is its row and column headings, as written: `Điểm đạt được` is a column's name)
      const bits = input.facts.filter((f) => f.source.cell === undefined && (isFragment(f.indicator) || tidyLabel(f.indicator) !== f.indicator.trim())).length;
      const pct = (n: number) => ((100 * n) / input.facts.length).toFixed(1);
      report.push(`${name}: ${good}/${input.facts.length} facts labelled with two content words or more (${pct(good)}%), ${bits} fragments (${pct(bits)}%)`);
      facts += input.facts.length;
      labelled += good;
      fragments += bits;
    }
    const pct = (n: number) => ((100 * n) / facts).toFixed(1);
    process.stdout.write(
      `${report.join('\n')}\nlabels, text documents: ${labelled}/${facts} (${pct(labelled)}%) with two content words, ${fragments} fragments (${pct(fragments)}%)\n`,
    );
    expect(facts).toBeGreaterThan(500);
    // today's levels: move them as labels improve
    expect(labelled / facts).toBeGreaterThanOrEqual(LABELLED_FLOOR);
    expect(fragments / facts).toBeLessThanOrEqual(FRAGMENT_CEILING);
  }, 300_000);
});
