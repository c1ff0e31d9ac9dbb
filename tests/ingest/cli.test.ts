import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrUnavailable } from '../../extractors/ocr-reader.ts';
import { DEFAULT_CATALOG_FILE } from '../../pipeline/stages/catalog.ts';
import { generateArchive } from '../archive/generate.ts';
import { allowConsole } from '../console-guard.ts';
import { committedDocuments, countsByDocument, query, ROOT, runCli, startCli, waitFor } from './helpers.ts';

const noOcr = await ocrUnavailable();
if (noOcr) {
  allowConsole();
  process.stdout.write(`ingest of a scan beside text files skipped: ${noOcr}\n`);
}

describe('baocao ingest (command line)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baocao-ingest-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints one JSON document on stdout and nothing else; progress and failures go to stderr', async () => {
    const archive = join(dir, 'small');
    generateArchive(archive, { count: 6, seed: 21, broken: 2, formats: { text: 1, docx: 1, pdf: 0 }, longShare: 0 });
    const r = await runCli(['ingest', archive, '--db', join(dir, 'json.sqlite'), '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.stdout.trim()).toBe(JSON.stringify(summary, null, 2));
    expect(summary).toMatchObject({ files: 8, loaded: 6, skipped: 0, superseded: 0, interrupted: false });
    const failed = summary.failed as { file: string; stage: string; reason: string }[];
    expect(failed.map((f) => `${f.stage}: ${f.reason}`).sort()).toEqual(['read: damaged PDF: truncated (no %%EOF marker)', 'read: empty file (0 bytes)']);
    expect(r.stderr).toMatch(/failed .*hong-0-rong\.pdf: empty file/);
  });

  it.skipIf(noOcr !== null)(
    'counts the pages OCR read, and loads the text files beside a scan without waiting for its OCR',
    async () => {
      const archive = join(dir, 'with-scan');
      generateArchive(archive, { count: 6, seed: 23, formats: { text: 1, docx: 0, pdf: 0 }, longShare: 0 });
      // first in the walk: one page with a text layer, one scanned
      copyFileSync(join(ROOT, 'tests/fixtures/scans/mixed-text-and-scan.pdf'), join(archive, '0-ban-chup.pdf'));
      const db = join(dir, 'with-scan.sqlite');
      const r = await runCli(['ingest', archive, '--db', db, '--json', '--workers', '2']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ loaded: 7, pages: 2, ocrPages: 1, failed: [] });
      expect(r.stderr).toMatch(/OCR .*0-ban-chup\.pdf: page 1 of 1 read/);
      // loaded as they were done, not in walk order: the text files did not wait for the scan's OCR
      const order = query<{ file: string }>(db, 'select file from run_files order by id').map((f) => f.file);
      expect(order).toHaveLength(7);
      expect(order.at(-1)).toBe(join(archive, '0-ban-chup.pdf'));
    },
    300_000,
  );

  it('rejects bad numbers in flags as usage errors (exit 2)', async () => {
    const r = await runCli(['ingest', dir, '--db', join(dir, 'usage.sqlite'), '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a positive whole number/);
    const low = await runCli(['ingest', dir, '--db', join(dir, 'usage.sqlite'), '--worker-memory', '32']);
    expect(low.code).toBe(2);
    expect(low.stderr).toMatch(/--worker-memory must be at least 64/);
  });

  it('names a seeds folder without an indicator catalog before starting, and creates no warehouse', async () => {
    const db = join(dir, 'no-catalog.sqlite');
    const r = await runCli(['ingest', dir, '--db', db], { BAOCAO_SEEDS: join(dir, 'no-seeds-here') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no indicator catalog at ${join(dir, 'no-seeds-here', 'indicators.json')}`);
    expect(existsSync(db)).toBe(false);
  });

  it('names the broken reference file it was given, wherever BAOCAO_SEEDS points', async () => {
    const seeds = join(dir, 'broken-seeds');
    mkdirSync(seeds, { recursive: true });
    copyFileSync(DEFAULT_CATALOG_FILE, join(seeds, 'indicators.json'));
    writeFileSync(join(seeds, 'areas.json'), '{"areas": [');
    const r = await runCli(['ingest', dir, '--db', join(dir, 'broken-seeds.sqlite')], { BAOCAO_SEEDS: seeds });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(seeds, 'areas.json')}: not JSON`);
  });

  it('Ctrl-C finishes the document being written, stops cleanly, and a re-run loads the rest', async () => {
    const archive = join(dir, 'sigint');
    const count = 40;
    generateArchive(archive, { count, seed: 31, formats: { text: 1, docx: 1, pdf: 0 }, longShare: 0.5 });
    const db = join(dir, 'sigint.sqlite');
    const child = startCli(['ingest', archive, '--db', db, '--workers', '1']);
    await waitFor(() => committedDocuments(db) >= 3, 60_000, 'three documents committed');
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopping after the document being written/);
    expect(r.stderr).toMatch(/stopped before the end: run the same command again/);

    const partial = committedDocuments(db);
    expect(partial).toBeGreaterThanOrEqual(3);
    expect(partial).toBeLessThan(count);
    const runs = query<{ status: string; loaded: number }>(db, 'select status, loaded from runs');
    expect(runs).toEqual([{ status: 'interrupted', loaded: partial }]);
    // every document the stopped run recorded is whole: its stored rows match what the run counted
    const stored = countsByDocument(db);
    const recorded = query<{ document_id: string; facts: number }>(db, "select document_id, facts from run_files where status = 'loaded'");
    expect(recorded).toHaveLength(partial);
    for (const f of recorded) expect(stored.get(f.document_id)?.split('/')[0]).toBe(String(f.facts));

    const again = await runCli(['ingest', archive, '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ loaded: count - partial, skipped: partial, failed: [] });
    expect(committedDocuments(db)).toBe(count);
  }, 120_000);
});
