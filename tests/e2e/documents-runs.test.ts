import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../ingest/helpers.ts';

/** `baocao documents` and `baocao runs`: what is loaded and what each run did, without SQL. */
describe('baocao documents and runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-docs-'));
  const archive = join(dir, 'archive');
  const db = join(dir, 'w.sqlite');

  beforeAll(async () => {
    mkdirSync(archive);
    copyFileSync(join(ROOT, 'seeds/000_35c0ecef09102edc.txt'), join(archive, 'bao-cao-2023.txt'));
    copyFileSync(join(ROOT, 'seeds/001_5b44daab30250fa8.txt'), join(archive, 'bao-cao-2024.txt'));
    writeFileSync(join(archive, 'hong.pdf'), '%PDF-1.4\nbroken');
    const r = await runCli(['ingest', archive, '--db', db, '--workers', '1']);
    expect(r.code).toBe(1);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each document with its number, issuer, date, area, format and counts', async () => {
    const r = await runCli(['documents', '--db', db]);
    expect(r.code).toBe(0);
    const [head, , ...rows] = r.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^id\s+number\s+issuer\s+date\s+area\s+format\s+pages\s+facts\s+mismatches\s+warnings\s+superseded by\s+file$/);
    expect(rows).toHaveLength(2);
    const row2023 = rows.find((l) => l.includes('bao-cao-2023.txt'))!;
    expect(row2023).toMatch(/^[0-9a-f]{8}\s+712\/BC-UBND\s+UBND huyện Phong Thổ\s+2023-12-08\s+Phong Thổ\s+text\s+–\s+\d+\s+\d+\s+\d+/);
  });

  it('gives the same as JSON, with every count a number', async () => {
    const r = await runCli(['documents', '--db', db, '--json']);
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(docs.map((d) => d.number).sort()).toEqual(expect.arrayContaining(['712/BC-UBND']));
    for (const d of docs) {
      expect(d).toMatchObject({ format: 'text', supersededBy: null });
      for (const k of ['facts', 'mismatches', 'warnings']) expect(typeof d[k]).toBe('number');
      expect(d.facts as number).toBeGreaterThan(0);
    }
  });

  it('shows one document by its base name, with its messages and where they point', async () => {
    const r = await runCli(['documents', 'show', 'bao-cao-2023.txt', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^document [0-9a-f]{64}\n/);
    const id = /^document ([0-9a-f]{64})/.exec(r.stdout)![1]!;
    expect(r.stdout).toMatch(/ {2}number {6}712\/BC-UBND/);
    expect(r.stdout).toMatch(/\d+ messages:\n/);
    expect(r.stdout).toMatch(/\(block \d+/);
    const j = JSON.parse((await runCli(['documents', 'show', id.slice(0, 8), '--db', db, '--json'])).stdout) as { messages: unknown[]; file: string };
    expect(j.file).toBe(join(archive, 'bao-cao-2023.txt'));
    expect(j.messages.length).toBeGreaterThan(0);
  });

  it('says when no document matches, apart from a document with nothing to say', async () => {
    const r = await runCli(['documents', 'show', 'khong-co.docx', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no document matches "khong-co\.docx"/);
  });

  it('lists runs, and shows one with its failed file and reason', async () => {
    const list = await runCli(['runs', '--db', db]);
    expect(list.stdout).toMatch(/^run\s+command\s+started\s+status\s+files\s+loaded\s+skipped\s+failed\s+facts\s+mismatches\n/);
    expect(list.stdout).toMatch(/\n\s+1\s+ingest\s+\S+ \S+\s+done\s+3\s+2\s+0\s+1\s+\d+\s+\d+\n/);
    const show = await runCli(['runs', 'show', '1', '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`failed (1):\n  ${join(archive, 'hong.pdf')}: [read] `);
    expect(show.stdout).toContain('loaded (2):');
    const j = JSON.parse((await runCli(['runs', 'show', '1', '--db', db, '--json'])).stdout) as { fileList: { status: string; reason: string }[] };
    expect(j.fileList.filter((f) => f.status === 'failed')).toHaveLength(1);
    expect((await runCli(['runs', 'show', '9', '--db', db])).stderr).toMatch(/no run 9/);
  });

  it.each(['documents', 'documents show', 'runs', 'runs show'])('%s has --help', async (cmd) => {
    const r = await runCli([...cmd.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: baocao /);
  });
});
