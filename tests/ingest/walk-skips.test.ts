import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.ts';

const SEED = join(ROOT, 'seeds/000_35c0ecef09102edc.txt');

/** Every path a walk passes over has a run_files row with its reason: nothing is left out silently. */
describe('paths the walk passes over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-skips-'));
  const archive = join(dir, 'archive');
  const outside = join(dir, 'outside');
  const db = join(dir, 'w.sqlite');
  let rows: { file: string; status: string; reason: string | null }[] = [];
  let stderr = '';

  beforeAll(async () => {
    mkdirSync(join(archive, 'nam-2024'), { recursive: true });
    mkdirSync(join(archive, '.git'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(archive, 'nam-2024', 'bc.txt'), readFileSync(SEED));
    writeFileSync(join(archive, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(archive, '~$bc.docx'), 'lock');
    writeFileSync(join(outside, 'secret.txt'), readFileSync(SEED));
    symlinkSync(join(outside, 'secret.txt'), join(archive, 'link-out.txt'));
    symlinkSync(join(archive, 'missing.txt'), join(archive, 'link-broken.txt'));
    symlinkSync(archive, join(archive, 'nam-2024', 'loop'));
    execFileSync('mkfifo', [join(archive, 'pipe')], { stdio: 'ignore' });
    const r = await runCli(['ingest', archive, '--db', db, '--workers', '1']);
    expect(r.code).toBe(0);
    stderr = r.stderr;
    const sqlite = new Database(db, { readonly: true });
    rows = sqlite.prepare('select file, status, reason from run_files order by file').all() as typeof rows;
    sqlite.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['.git', /^hidden folder: not walked/],
    ['~$bc.docx', /^an Office lock file/],
    ['link-out.txt', /^symbolic link out of the folder walked .*: not followed/],
    ['link-broken.txt', /^symbolic link to nothing \(broken\)/],
    [join('nam-2024', 'loop'), /^symbolic link to a folder that holds it \(a loop\): not followed/],
    ['pipe', /^a named pipe \(FIFO\): not a file to read/],
  ])('%s is skipped with its reason in run_files and the summary', (name, reason) => {
    const row = rows.find((r) => r.file === join(archive, name));
    expect(row).toMatchObject({ status: 'skipped' });
    expect(row!.reason).toMatch(reason);
    expect(stderr).toContain(`SKIPPED ${join(archive, name)}: `);
  });

  it('loads the report, and nothing from outside the folder', () => {
    expect(rows.filter((r) => r.status === 'loaded').map((r) => r.file)).toEqual([join(archive, 'nam-2024', 'bc.txt')]);
    expect(rows.some((r) => r.file.includes('secret'))).toBe(false);
  });
});
