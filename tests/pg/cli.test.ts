import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import { Fact } from '../../schema/fact.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { fixtureStore } from '../warehouse/fixture.ts';
import { makeInput, PHONG_THO } from '../warehouse/helpers.ts';
import { POSTGRES } from './engines.ts';

/** The commands that read a warehouse, pointed at PostgreSQL by `--db postgres://…` or BAOCAO_DB. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let fx: Awaited<ReturnType<typeof fixtureStore>> | null = null;
const MISMATCH = 'abcdef0123456789';

function baocao(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/baocao.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BAOCAO_DB: fx!.target, BAOCAO_SEEDS: fx!.seeds, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(POSTGRES.skip)(`baocao on PostgreSQL${POSTGRES.skip ? ` (skipped: ${POSTGRES.skip})` : ''}`, () => {
  beforeAll(async () => {
    fx = await fixtureStore(POSTGRES);
    const input = makeInput({
      content: 'with-mismatch',
      metadata: { ...PHONG_THO, number: '1/BC-UBND' },
      facts: [{ indicator: 'tỷ lệ che phủ rừng', value: 4.43, year: 2022, kind: 'actual', id: 'm-fact' }],
      mismatches: [{ id: MISMATCH, type: 'plausibility', message: '4,43 % is far from the 44 % of other years', factIds: ['m-fact'] }],
    });
    const outcome = await loadDocument(documentWriter(fx.wh), input);
    if (outcome.status !== 'loaded') throw new Error(JSON.stringify(outcome));
  });
  afterAll(async () => {
    await fx?.cleanup();
  });
  beforeEach(({ skip }) => {
    if (!fx) skip('the warehouse did not open');
  });

  it('facts --db postgres://… --json prints the facts the warehouse holds', async () => {
    const r = baocao(['facts', '--db', fx!.target, '--indicator', 'che phu rung', '--json'], { BAOCAO_DB: '/nonexistent.sqlite' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Fact.array().parse(JSON.parse(r.stdout))).toEqual(await queryFacts(fx!.wh, { indicator: 'che phu rung' }));
  });

  it('BAOCAO_DB names the PostgreSQL warehouse for compare and export', () => {
    const cmp = baocao(['compare', 'che phu rung', '--area', 'Phong Thổ', '--json']);
    expect(cmp.code).toBe(0);
    expect(JSON.parse(cmp.stdout).rows[0]).toMatchObject({ key: 'env.forest.cover', area: 'Phong Thổ' });
    const out = join(fx!.seeds, 'facts.csv');
    const exp = baocao(['export', '--format', 'csv', '--out', out, '--year', '2023']);
    expect(exp.code).toBe(0);
    expect(exp.stderr).toMatch(/^\d+ facts written to /);
  });

  it('review list, accept and show work on PostgreSQL', () => {
    const list = baocao(['review', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((m: { id: string }) => m.id)).toEqual([MISMATCH]);
    const accept = baocao(['review', 'accept', MISMATCH.slice(0, 8), '--reviewer', 'lan', '--json']);
    expect(accept.code).toBe(0);
    expect(JSON.parse(accept.stdout)).toMatchObject({ status: 'accepted', facts: [{ id: 'm-fact', status: 'accepted' }], decisions: [{ reviewer: 'lan' }] });
    const show = baocao(['review', 'show', MISMATCH, '--json']);
    expect(JSON.parse(show.stdout).status).toBe('accepted');
  });

  it('says plainly what does not run on PostgreSQL yet (exit 2)', () => {
    const ingest = baocao(['ingest', join(ROOT, 'seeds/001_5b44daab30250fa8.txt')]);
    expect(ingest.code).toBe(2);
    expect(ingest.stderr).toMatch(/ingest into PostgreSQL is not there yet/);
    const serve = baocao(['review', 'serve', '--port', '0']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/review page does not run on PostgreSQL yet/);
  });
});
