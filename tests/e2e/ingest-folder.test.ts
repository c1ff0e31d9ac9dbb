import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { craftedXlsx, minimalPdf } from '../readers/hostile-files.ts';
import { deflatedZeros, writeZip } from '../readers/zip-writer.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/baocao.js');

interface Summary {
  files: number;
  loaded: number;
  skipped: number;
  failed: { file: string; stage: string; reason: string }[];
  facts: number;
}

async function baocao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A folder as data staff get it: good reports beside broken and hostile files, nested, with wrong names. */
describe('baocao ingest of a folder with good and hostile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-e2e-'));
  const archive = join(dir, 'archive');
  const db = join(dir, 'w.sqlite');
  const bad = new Map<string, RegExp>();

  beforeAll(async () => {
    mkdirSync(join(archive, 'lai-chau', '2023'), { recursive: true });
    copyFileSync(join(root, 'seeds/000_35c0ecef09102edc.txt'), join(archive, 'lai-chau', '2023', 'bao-cao.txt'));
    copyFileSync(join(root, 'tests/fixtures/rendered/001_5b44daab30250fa8.docx'), join(archive, 'lai-chau', '2023', 'phat-dong.docx'));
    // A real PDF under a Word name is read as the PDF it is.
    copyFileSync(join(root, 'tests/fixtures/rendered/agriculture-2023.pdf'), join(archive, 'agriculture.docx'));
    const put = (name: string, bytes: Uint8Array, reason: RegExp) => {
      writeFileSync(join(archive, name), bytes);
      bad.set(name, reason);
    };
    put('empty.pdf', new Uint8Array(0), /empty/);
    const pdf = readFileSync(join(root, 'tests/fixtures/rendered/agriculture-2023.pdf'));
    put('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)), /PDF/i);
    put('encrypted.pdf', readFileSync(join(root, 'tests/fixtures/rendered/encrypted-user-password.pdf')), /encrypted/i);
    put(
      'junk.docx',
      new Uint8Array(4096).map((_, i) => (i * 7919) % 251),
      /./,
    );
    const zeros = await deflatedZeros(200 * 1024 * 1024);
    put(
      'bomb.xlsx',
      writeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<x/>') },
        { name: 'payload.xml', deflated: zeros },
      ]),
      /bomb|inflat|ratio/i,
    );
    put(
      'polluted.xlsx',
      craftedXlsx([
        {
          name: '__proto__',
          rows: [
            ['Chỉ tiêu', 'ĐVT', 'TH 2023'],
            ['__proto__', 'ha', 12],
          ],
        },
      ]),
      /./,
    );
    void minimalPdf;
  }, 120_000);

  it('loads the good files, lists each bad one with its reason, and exits 1', async () => {
    const res = await baocao(['ingest', archive, '--db', db, '--json']);
    expect(res.code, res.stderr).toBe(1);
    const summary = JSON.parse(res.stdout) as Summary;
    expect(summary.loaded).toBe(3);
    expect(summary.facts).toBeGreaterThan(500);
    const failed = new Map(summary.failed.map((f) => [f.file.split('/').at(-1)!, f.reason]));
    for (const [name, reason] of bad) {
      if (name === 'polluted.xlsx' && !failed.has(name)) continue; // read safely instead of refused: also fine
      expect(failed.get(name), name).toMatch(reason);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 180_000);

  it('loads nothing twice on a second run', async () => {
    const res = await baocao(['ingest', archive, '--db', db, '--json']);
    const summary = JSON.parse(res.stdout) as Summary;
    expect(summary.loaded).toBe(0);
    expect(summary.skipped).toBe(3);
    const facts = await baocao(['facts', '--db', db, '--json', '--limit', '0']);
    const ids = (JSON.parse(facts.stdout) as { id: string; documentId: string }[]).map((f) => `${f.documentId}:${f.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    // the files that failed are not read again: their old reason is given, and the run still exits 1
    expect(res.code).toBe(1);
    const failed = new Map(summary.failed.map((f) => [f.file.split('/').at(-1)!, f.reason]));
    expect(failed.get('truncated.pdf')).toMatch(/^failed in an earlier run, not read again \(--retry-failed to retry\): .*PDF/i);
  }, 180_000);

  it('reads the failed files again with --retry-failed', async () => {
    const res = await baocao(['ingest', archive, '--db', db, '--json', '--retry-failed']);
    expect(res.code).toBe(1);
    const summary = JSON.parse(res.stdout) as Summary;
    const failed = new Map(summary.failed.map((f) => [f.file.split('/').at(-1)!, f.reason]));
    expect(failed.get('truncated.pdf')).toMatch(bad.get('truncated.pdf')!);
    expect(failed.get('truncated.pdf')).not.toMatch(/earlier run/);
    // and the run after it keeps the first reason, once
    const again = JSON.parse((await baocao(['ingest', archive, '--db', db, '--json'])).stdout) as Summary;
    const reason = again.failed.find((f) => f.file.endsWith('truncated.pdf'))!.reason;
    expect(reason.match(/earlier run/g)).toHaveLength(1);
  }, 180_000);

  it('answers --help on every command and exits 2 on bad usage', async () => {
    for (const cmd of ['ingest', 'facts', 'compare', 'export', 'normalize', 'review']) {
      const res = await baocao([cmd, '--help']);
      expect(res.code, cmd).toBe(0);
      expect(res.stdout, cmd).toMatch(/Usage: baocao/);
    }
    expect((await baocao(['ingest'])).code).toBe(2);
    expect((await baocao(['no-such-command'])).code).toBe(2);
  }, 120_000);
});
