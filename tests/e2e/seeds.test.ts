import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../schema/fact.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = 'seeds/000_35c0ecef09102edc.txt';
const CALL = 'seeds/001_5b44daab30250fa8.txt';

async function baocao(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'bin/baocao.js'), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** What an analyst does first with the two sample reports: the targets of 2024 and the results of 2023. */
describe('the seeds, through the CLI', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'baocao-seeds-')), 'w.sqlite');
  beforeAll(async () => {
    await baocao('ingest', REPORT, CALL, '--db', db, '--json');
  }, 120_000);

  it('lists the 2024 targets of both documents with their catalog ids', async () => {
    const facts = JSON.parse(await baocao('facts', '--db', db, '--json', '--year', '2024', '--kind', 'plan')) as Fact[];
    for (const file of [REPORT, CALL]) {
      const targets = facts.filter((f) => f.source.file === file && f.indicatorId !== null);
      expect(new Set(targets.map((f) => f.indicatorId)).size, file).toBeGreaterThanOrEqual(35);
      expect(targets.every((f) => f.kind === 'plan' && f.year === 2024)).toBe(true);
    }
    const forest = facts.filter((f) => f.indicatorId === 'env.forest_cover');
    expect(forest.map((f) => f.value)).toEqual([44.36, 44.36]);
    const output = facts.find((f) => f.indicatorId === 'econ.gross_output');
    expect(output).toMatchObject({ value: 7367800, unit: 'VND', multiplier: 6, baseValue: 7.3678e12 });
  }, 60_000);

  it('lists the 2023 figures of the report with the main indicators of its section A.III', async () => {
    const facts = JSON.parse(await baocao('facts', '--db', db, '--json', '--year', '2023', '--limit', '0')) as Fact[];
    const summary = facts.filter((f) => f.source.file === REPORT && f.headingPath.some((h) => h.startsWith('III. KẾT QUẢ')));
    const ids = new Set(summary.filter((f) => f.indicatorId).map((f) => f.indicatorId));
    expect(ids.size).toBeGreaterThanOrEqual(35);
    expect(summary.find((f) => f.indicatorId === 'env.forest_cover' && f.kind !== 'share_of_plan')?.value).toBe(44.3);
    expect(summary.find((f) => f.indicatorId === 'agri.grain.output' && f.kind === 'over_plan')?.value).toBe(0.43);
  }, 60_000);

  it('stops quietly when the reader of its output goes away (`baocao facts --json | head`)', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/baocao.js'), 'facts', '--db', db, '--json', '--limit', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // read the first chunk, then close the pipe, as `head` does
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('compares forest cover across the two years with the sources', async () => {
    const out = await baocao('compare', 'che phu rung', '--db', db);
    expect(out).toMatch(/Tỷ lệ che phủ rừng/);
    expect(out).toMatch(/44,3\b/);
    expect(out).toMatch(/44,36/);
    expect(out).toMatch(/000_35c0ecef09102edc\.txt/);
  }, 60_000);
});
