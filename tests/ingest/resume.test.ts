import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArchiveFile, generateArchive } from '../archive/generate.ts';
import { committedDocuments, countsByDocument, firstDifference, query, runCli, snapshot, startCli, waitFor } from './helpers.ts';

/**
 * The promise of bulk loading: kill -9 in the middle of a run, run the same command again, and the
 * warehouse holds what an uninterrupted run leaves: nothing duplicated, nothing half-loaded, the same
 * current versions. Documents are loaded as they are read, not in walk order, so the killed run has not
 * loaded a prefix of the archive, and the rerun loads the rest in another order (with other workers).
 */
describe('ingest of an archive survives kill -9', () => {
  let dir: string;
  let archive: string;
  let files: ArchiveFile[];
  const documents = 200;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baocao-resume-'));
    archive = join(dir, 'archive');
    // mostly text and DOCX (fast to read), a few PDFs, and four broken files of different kinds
    files = generateArchive(archive, { count: documents, seed: 11, broken: 4, formats: { text: 5, docx: 4, pdf: 0.6 }, longShare: 0.2 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads only what is missing after a kill, ending identical to an uninterrupted run', async () => {
    const broken = files
      .filter((f) => f.format === 'broken')
      .map((f) => join(archive, f.path))
      .sort();
    expect(broken).toHaveLength(4);
    expect(new Set(files.map((f) => f.format))).toEqual(new Set(['text', 'docx', 'pdf', 'broken']));

    const reference = join(dir, 'reference.sqlite');
    const resumed = join(dir, 'resumed.sqlite');

    // The two runs share the machine's two cores; each gets one worker so the kill lands mid-run.
    const whole = runCli(['ingest', archive, '--db', reference, '--json', '--workers', '1']);
    const killed = startCli(['ingest', archive, '--db', resumed, '--workers', '1']);
    await waitFor(() => committedDocuments(resumed) >= 30, 120_000, '30 documents committed before the kill');
    killed.kill('SIGKILL');
    const afterKill = await killed.done;
    expect(afterKill.signal).toBe('SIGKILL');

    const partial = committedDocuments(resumed);
    expect(partial).toBeGreaterThanOrEqual(30);
    expect(partial).toBeLessThan(documents);

    const first = await whole;
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout) as {
      loaded: number;
      skipped: number;
      failed: { file: string; stage: string; reason: string }[];
      interrupted: boolean;
    };
    expect(summary.loaded).toBe(documents);
    expect(summary.failed.map((f) => f.file).sort()).toEqual(broken);
    for (const f of summary.failed) expect(f.reason).toMatch(/empty file|truncated|unrecognised|not a ZIP/);

    // Nothing half-loaded at the moment of the kill: every committed document has all its rows. Its
    // checks against the other documents run after its load; a kill in between leaves it marked
    // unchecked (checked_at null) with the rows of its load only, and the re-run finishes them first.
    const complete = countsByDocument(reference);
    const unchecked = new Set(query<{ id: string }>(resumed, 'select id from documents where checked_at is null').map((r) => r.id));
    expect(unchecked.size).toBeLessThanOrEqual(1);
    for (const [id, counts] of countsByDocument(resumed)) {
      const [facts, , footnotes] = counts.split('/');
      const [allFacts, , allFootnotes] = complete.get(id)!.split('/');
      if (unchecked.has(id)) expect(`${facts}/${footnotes}`, id).toBe(`${allFacts}/${allFootnotes}`);
      else expect(counts, id).toBe(complete.get(id));
    }
    expect(query<{ integrity_check: string }>(resumed, 'pragma integrity_check')[0]!.integrity_check).toBe('ok');

    const again = await runCli(['ingest', archive, '--db', resumed, '--json']);
    expect(again.code).toBe(1);
    const rerun = JSON.parse(again.stdout) as typeof summary;
    expect(rerun.loaded).toBe(documents - partial);
    expect(rerun.skipped).toBe(partial);
    expect(rerun.failed.map((f) => f.file).sort()).toEqual(broken);

    const a = snapshot(reference);
    const b = snapshot(resumed);
    expect(b.documents).toHaveLength(documents);
    expect(a.facts.length).toBeGreaterThan(documents * 10);
    for (const table of Object.keys(a) as (keyof typeof a)[]) {
      expect(firstDifference(a[table], b[table]), table).toBeNull();
    }
    // the copies of one report supersede each other in archive order, the same in both warehouses
    expect(a.documents.filter((d) => (d as { superseded_by: string | null }).superseded_by !== null).length).toBeGreaterThan(0);
    expect(a.disagreeing.length).toBeGreaterThan(0);

    // The rerun's record says what it did.
    const runs = query<{ status: string; loaded: number; skipped: number; failed: number }>(
      resumed,
      'select status, loaded, skipped, failed from runs order by id',
    );
    // the killed run's process is gone: the run after it marked it interrupted
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'done']);
    expect(runs[1]).toMatchObject({ loaded: documents - partial, skipped: partial, failed: 4 });
  }, 240_000);
});
