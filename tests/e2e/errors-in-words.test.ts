import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../ingest/helpers.ts';

/** Each error the CLI meets in daily use is one plain line naming the file and what to do, exit 2. */
describe('errors in words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-errors-'));
  const db = join(dir, 'w.sqlite');
  beforeAll(async () => {
    expect((await runCli(['ingest', join(ROOT, 'seeds/001_5b44daab30250fa8.txt'), '--db', db])).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const oneLine = (stderr: string) => {
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^baocao: /);
    expect(lines[0]).not.toMatch(/ENOENT|EADDRINUSE|SQLITE_|\.part-\d+|at .*\.ts:\d+/);
    return lines[0]!;
  };

  it('--db naming a file that is not a warehouse', async () => {
    const r = await runCli(['facts', '--db', join(ROOT, 'README.md')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/README\.md is not a baocao warehouse .*: pass --db with the warehouse file/);
  });

  it('--db in a folder that does not exist, or under a file', async () => {
    const missing = await runCli(['ingest', join(ROOT, 'seeds/001_5b44daab30250fa8.txt'), '--db', join(dir, 'khong-co', 'w.sqlite')]);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toMatch(/cannot create the warehouse .*khong-co\/w\.sqlite: the folder .*khong-co does not exist \(create it/);
    writeFileSync(join(dir, 'a-file'), 'x');
    const underFile = await runCli(['ingest', join(ROOT, 'seeds/001_5b44daab30250fa8.txt'), '--db', join(dir, 'a-file', 'w.sqlite')]);
    expect(oneLine(underFile.stderr)).toMatch(/a-file is a file, not a folder/);
  });

  it('an export into a folder that does not exist, or onto a folder', async () => {
    const r = await runCli(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'khong-co', 'x.csv')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/cannot write .*x\.csv: the folder .*khong-co does not exist \(create it first/);
    const onto = await runCli(['export', '--db', db, '--format', 'csv', '--out', dir]);
    expect(oneLine(onto.stderr)).toMatch(/it is a folder; give --out a file name/);
  });

  it('a review page on a port already taken', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await runCli(['review', 'serve', '--db', db, '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(new RegExp(`port ${port} is in use .*: pass --port 0 to take a free one`));
    } finally {
      taken.close();
    }
  });

  it.each(['review serve', 'review list', 'facts', 'ingest', 'export', 'documents', 'runs'])('%s --help says each default once', async (cmd) => {
    const r = await runCli([...cmd.split(' '), '--help']);
    for (const line of r.stdout.split('\n')) expect(line.match(/default/gi)?.length ?? 0, line).toBeLessThan(2);
  });
});
