import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest.ts';
import { globMatcher, noteReason, type WalkEntry, walkFiles } from '../../pipeline/walk.ts';
import { openWarehouse } from '../../store/warehouse.ts';
import { ROOT, runCli } from './helpers.ts';

const SEED = join(ROOT, 'seeds/000_35c0ecef09102edc.txt');

async function walked(paths: string[], exclude: string[] = []): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const e of walkFiles(paths, { exclude })) out.push(e);
  return out;
}

describe('the folder walk', () => {
  let dir: string;
  let archive: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baocao-walk-'));
    archive = join(dir, 'archive');
    mkdirSync(join(archive, 'drafts'), { recursive: true });
    mkdirSync(join(archive, '2024'), { recursive: true });
    const report = readFileSync(SEED, 'utf8');
    writeFileSync(join(archive, '2024', 'bc.txt'), report);
    writeFileSync(join(archive, '2024', 'bc.tmp'), report);
    writeFileSync(join(archive, 'drafts', 'draft.txt'), report);
    writeFileSync(join(archive, 'README'), 'Reports of the district, by year.\nAsk the office for the signed copies.\n');
    writeFileSync(join(archive, 'SOURCES.md'), '# Sources\n\n| file | from |\n|---|---|\n| bc.txt | the office, Số 712/BC-UBND |\n');
    // a report exported to markdown keeps its header, and is read
    writeFileSync(join(archive, '2024', 'bc-export.md'), `## ỦY BAN NHÂN DÂN HUYỆN PHONG THỔ\n\n${report}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips the notes beside the reports with their reason, and reads a markdown report with its header', async () => {
    const entries = await walked([archive]);
    const notes = entries.filter((e) => 'skip' in e).map((e) => e.file.slice(archive.length + 1));
    expect(notes).toEqual(['README', 'SOURCES.md']);
    for (const e of entries.filter((e) => 'skip' in e)) expect((e as { skip: string }).skip).toMatch(/^not a report: a note file/);
    expect(entries.filter((e) => !('skip' in e) && !('error' in e)).map((e) => e.file.slice(archive.length + 1))).toEqual([
      join('2024', 'bc-export.md'),
      join('2024', 'bc.tmp'),
      join('2024', 'bc.txt'),
      join('drafts', 'draft.txt'),
    ]);
    // a file named on the command line is read whatever it is
    expect(await walked([join(archive, 'README')])).toEqual([{ file: join(archive, 'README') }]);
  });

  it('passes over what --exclude names: names at any depth, paths from the folder or as shown', async () => {
    const excluded = (e: WalkEntry) => 'skip' in e && e.skip.startsWith('excluded by --exclude');
    const files = async (exclude: string[]) => (await walked([archive], exclude)).filter((e) => !excluded(e)).map((e) => e.file.slice(archive.length + 1));
    expect(await files(['*.tmp', 'drafts'])).toEqual([join('2024', 'bc-export.md'), join('2024', 'bc.txt'), 'README', 'SOURCES.md']);
    // what was passed over is said, with the glob that excluded it
    expect(
      (await walked([archive], ['*.tmp', 'drafts'])).filter(excluded).map((e) => [e.file.slice(archive.length + 1), (e as { skip: string }).skip]),
    ).toEqual([
      [join('2024', 'bc.tmp'), 'excluded by --exclude *.tmp'],
      ['drafts', 'excluded by --exclude drafts'],
    ]);
    expect(await files(['drafts/**', '**/*.{tmp,md}', 'READ?E'])).toEqual([join('2024', 'bc.txt')]);
    expect(await files([`${archive}/2024/*`])).toEqual(['README', 'SOURCES.md', join('drafts', 'draft.txt')]);
  });

  it.each([
    ['*.pdf', 'a/b/c.pdf', true],
    ['*.pdf', 'a/b/c.pdf.txt', false],
    ['b', 'a/b', true],
    ['a/*.pdf', 'a/b/c.pdf', false],
    ['a/**/*.pdf', 'a/b/c.pdf', true],
    ['a/**/*.pdf', 'a/c.pdf', true],
    ['**/old', 'x/y/old', true],
    ['[!a]*.doc', 'b.doc', true],
    ['[!a]*.doc', 'a.doc', false],
    ['{nháp,draft}*', 'nháp 1.docx', true],
    ['bc(1).pdf', 'bc(1).pdf', true],
  ])('matches %j against %j: %s', (glob, path, hit) => {
    expect(globMatcher(glob)(path, path)).toBe(hit);
  });

  it('does not call a text without a header a report, nor a report a note', async () => {
    expect(await noteReason(join(archive, 'SOURCES.md'))).not.toBeNull();
    expect(await noteReason(join(archive, '2024', 'bc-export.md'))).toBeNull();
    // only notes by name or markup extension are looked at
    expect(await noteReason(join(archive, '2024', 'bc.tmp'))).toBeNull();
  });

  it('records a skipped note in run_files and the summary, and loads the rest', async () => {
    const wh = await openWarehouse(join(dir, 'walk.sqlite'));
    try {
      const s = await ingest(wh, [archive], { workers: 1, exclude: ['*.tmp', 'drafts'] });
      expect(s).toMatchObject({ files: 6, loaded: 2, skipped: 0, failed: [] });
      const notes = [join(archive, 'README'), join(archive, 'SOURCES.md')];
      const passedOver = [join(archive, '2024', 'bc.tmp'), join(archive, 'drafts')];
      expect(s.notReports.map((n) => n.file).sort()).toEqual([...notes, ...passedOver].sort());
      const rows = wh.sqlite.prepare("select file, reason from run_files where run_id = ? and status = 'skipped' order by file").all(s.runId) as {
        file: string;
        reason: string;
      }[];
      expect(rows.map((r) => r.file)).toEqual([...notes, ...passedOver].sort());
      for (const r of rows) expect(r.reason).toMatch(notes.includes(r.file) ? /^not a report: a note file/ : /^excluded by --exclude /);
    } finally {
      await wh.close();
    }
  }, 60_000);

  it('takes --exclude on the command line, repeatable, and says which notes it skipped', async () => {
    const db = join(dir, 'cli.sqlite');
    const r = await runCli(['ingest', archive, '--db', db, '--workers', '1', '--exclude', '*.tmp', '--exclude', 'drafts/**']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/loaded 2 /);
    expect(r.stderr).toContain(`SKIPPED ${join(archive, 'README')}: not a report`);
    const bad = await runCli(['ingest', archive, '--db', db, '--exclude', '']);
    expect(bad.code).toBe(2);
  }, 60_000);
});

describe('a warehouse kept inside the archive it loads', () => {
  it('is passed over with its journal files, never read as a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-own-'));
    try {
      writeFileSync(join(dir, 'bc.txt'), readFileSync(SEED, 'utf8'));
      const wh = await openWarehouse(join(dir, 'kho.sqlite'));
      try {
        const summary = await ingest(wh, [dir], { workers: 1 });
        expect(summary.loaded).toBe(1);
        expect(summary.failed).toEqual([]);
        const own = summary.notReports.filter((n) => n.file.includes('kho.sqlite'));
        expect(own.length).toBeGreaterThanOrEqual(1);
        expect(own.every((n) => /warehouse being loaded/.test(n.reason))).toBe(true);
      } finally {
        await wh.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
