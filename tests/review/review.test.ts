import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReviewNumber } from '../../cli/commands/review.ts';
import { startReviewServer } from '../../output/review-server.ts';
import { checkAcrossDocuments } from '../../pipeline/cross-checks.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { decide, getMismatch, listMismatches } from '../../store/reviews.ts';
import { openWarehouse, type Warehouse } from '../../store/warehouse.ts';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/baocao.js');
const SEED_000 = join(ROOT, 'seeds/000_35c0ecef09102edc.txt');
const SEED_001 = join(ROOT, 'seeds/001_5b44daab30250fa8.txt');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baocao-review-'));
  db = join(dir, 'wh.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function insuranceMismatch(wh: Warehouse) {
  const m = listMismatches(wh, { type: 'plausibility' }).find((x) => x.message.includes('81.012 nghìn người'));
  if (!m) throw new Error('the seed lost its 81.012 nghìn người mismatch');
  return m;
}

async function compareInsurance(): Promise<number[]> {
  const out = await cli('compare', 'health.insurance_people', '--db', db, '--json');
  expect(out.code).toBe(0);
  const cmp = JSON.parse(out.stdout) as { rows: { years: Record<string, { result: { values: { baseValue: number }[] } | null }> }[] };
  return cmp.rows.flatMap((r) => Object.values(r.years).flatMap((y) => y.result?.values.map((v) => v.baseValue) ?? []));
}

describe('review from the command line', () => {
  it('lists, shows, corrects, accepts and rejects, recording who and when', async () => {
    expect((await cli('ingest', SEED_000, '--db', db)).code).toBe(0);
    const list = JSON.parse((await cli('review', 'list', '--db', db, '--json', '--type', 'sum')).stdout) as { id: string; status: string }[];
    expect(list.length).toBe(3);
    expect(list.every((m) => m.status === 'open')).toBe(true);

    const shown = await cli('review', 'show', list[0]!.id.slice(0, 10), '--db', db);
    expect(shown.stdout).toMatch(/«[^»]+»/);
    expect(shown.stdout).toMatch(/expected .* found .* tolerance/);
    // each fact's period in the report's words, so a quarter is never read as the year
    expect(shown.stdout).toMatch(/\(\w+, năm \d{4}, \w+\)/);

    const corrected = await cli(
      'review',
      'correct',
      list[0]!.id.slice(0, 10),
      '--value',
      '3.705,99',
      '--note',
      'tổng đúng',
      '--reviewer',
      'lan',
      '--db',
      db,
      '--json',
    );
    expect(corrected.code).toBe(0);
    const view = JSON.parse(corrected.stdout);
    expect(view.status).toBe('corrected');
    expect(view.facts[0]).toMatchObject({
      period: expect.stringMatching(/^\d{4}$/),
      value: 3705.99,
      originalValue: 3928,
      correctedValue: 3705.99,
      status: 'corrected',
    });
    expect((await cli('review', 'accept', list[1]!.id, '--reviewer', 'lan', '--db', db)).stdout).toMatch(/accepted by lan/);
    expect((await cli('review', 'reject', list[2]!.id, '--note', 'sai', '--db', db)).code).toBe(0);

    const wh = await openWarehouse(db);
    try {
      const reviews = wh.sqlite.prepare('select reviewer, action, value, note, decided_at from reviews order by id').all() as {
        reviewer: string;
        action: string;
        decided_at: string;
      }[];
      expect(reviews[0]).toMatchObject({ reviewer: 'lan', action: 'correct', value: 3705.99, note: 'tổng đúng' });
      expect(reviews.filter((r) => r.action === 'accept').length).toBe(getMismatch(wh, list[1]!.id).factIds.length);
      expect(reviews.every((r) => !Number.isNaN(Date.parse(r.decided_at)))).toBe(true);
      expect(listMismatches(wh, { type: 'sum', status: 'open' })).toEqual([]);
    } finally {
      await wh.close();
    }
    const open = JSON.parse((await cli('review', 'list', '--status', 'open', '--type', 'sum', '--db', db, '--json')).stdout);
    expect(open).toEqual([]);
  }, 60_000);

  it('refuses bad usage with exit code 2', async () => {
    expect((await cli('ingest', SEED_001, '--db', db)).code).toBe(0);
    expect((await cli('review', 'show', 'zzzz', '--db', db)).code).toBe(2);
    expect((await cli('review', 'correct', 'abcd', '--value', 'nhiều', '--db', db)).code).toBe(2);
    expect((await cli('review', 'list', '--db', join(dir, 'missing.sqlite'))).code).toBe(2);
  }, 60_000);

  it('reads numbers the way reports and people write them', () => {
    expect(parseReviewNumber('8.396,5')).toBe(8396.5);
    expect(parseReviewNumber('1.500')).toBe(1500);
    expect(parseReviewNumber('8396.5')).toBe(8396.5);
    expect(parseReviewNumber('81,012')).toBe(81.012);
  });
});

describe('decisions survive re-loading', () => {
  it('a correction is what compare uses, and it survives re-ingesting the same and a superseding document', async () => {
    expect((await cli('ingest', SEED_000, '--db', db)).code).toBe(0);
    let wh = await openWarehouse(db);
    const m = insuranceMismatch(wh);
    // `81.012 nghìn người` corrected in its written scale (thousands): 81,012 thousand = 81 012 people
    await decide(wh, { mismatchId: m.id, action: 'correct', value: 81.012, reviewer: 'lan', note: 'thừa chữ nghìn' });
    await wh.close();
    expect(await compareInsurance()).toEqual([81012]);

    expect((await cli('ingest', SEED_000, '--db', db)).code).toBe(0);
    expect(await compareInsurance()).toEqual([81012]);

    // a corrected version of the report (same number and issuer, other bytes) supersedes the first
    const v2 = join(dir, 'bao-cao-v2.txt');
    writeFileSync(v2, `${readFileSync(SEED_000, 'utf8')}\n\nNơi nhận bổ sung: Lưu hồ sơ.\n`);
    wh = await openWarehouse(db);
    try {
      const summary = await ingest(wh, [v2]);
      expect(summary.superseded).toBe(1);
      const newDoc = (wh.sqlite.prepare('select id from documents where superseded_by is null and doc_key is not null').get() as { id: string }).id;
      await checkAcrossDocuments(wh, newDoc);
      const fact = wh.sqlite.prepare(`select value, original_value, status from facts where document_id = ? and raw like '81.012%'`).get(newDoc);
      expect(fact).toEqual({ value: 81.012, original_value: 81012, status: 'corrected' });
      const carried = listMismatches(wh, { type: 'plausibility', documentId: newDoc }).find((x) => x.message.includes('81.012 nghìn'));
      expect(carried?.status).toBe('corrected');
    } finally {
      await wh.close();
    }
    expect(await compareInsurance()).toEqual([81012]);
  }, 90_000);
});

describe('across documents', () => {
  it('flags the 2024 target stated differently by the report and the emulation call, and stores implied plans', async () => {
    const wh = await openWarehouse(db);
    try {
      await ingest(wh, [SEED_000]);
      const first = (wh.sqlite.prepare('select id from documents').get() as { id: string }).id;
      expect(await checkAcrossDocuments(wh, first)).toBe(0);
      await ingest(wh, [SEED_001]);
      const second = (wh.sqlite.prepare('select id from documents where id <> ?').get(first) as { id: string }).id;
      expect(await checkAcrossDocuments(wh, second)).toBe(1);
      const [m] = listMismatches(wh, { documentId: second, type: 'consistency' });
      expect(m?.message).toMatch(/96,2%.*90,48%/);
      expect(m?.facts.map((f) => f.status)).toContain('flagged');
      expect(await checkAcrossDocuments(wh, second)).toBe(0);
      const derived = wh.sqlite.prepare(`select kind, value from derived where document_id = ? and indicator_key = 'agri.rice.output'`).all(first) as {
        kind: string;
        value: number;
      }[];
      expect(derived.find((d) => d.kind === 'plan')?.value).toBeCloseTo(22123.83 / 1.0149, 2);
      expect(derived.find((d) => d.kind === 'previous')?.value).toBeCloseTo(22123.83 / 1.0116, 2);
    } finally {
      await wh.close();
    }
  }, 60_000);

  it('names every other document that states a fact otherwise in one finding, not one finding a pair', async () => {
    const header = (n: string) =>
      `Số: ${n}/BC-UBND\n\nPhong Thổ, ngày 08 tháng 12 năm 2023\n\nBÁO CÁO\n\nỦy ban nhân dân huyện Phong Thổ báo cáo.\n\nA. KẾT QUẢ NĂM 2023\n\n1. Môi trường\n\n`;
    const files = ['44,3', '45,1', '44,32', '46'].map((v, i) => {
      const f = join(dir, `cover-${i}.txt`);
      writeFileSync(f, `${header(String(20 + i))}Tỷ lệ che phủ rừng đạt ${v}%.\n`);
      return f;
    });
    const wh = await openWarehouse(db);
    try {
      const ids: string[] = [];
      for (const f of files) {
        await ingest(wh, [f]);
        const id = (wh.sqlite.prepare('select id from documents order by rowid desc limit 1').get() as { id: string }).id;
        ids.push(id);
        await checkAcrossDocuments(wh, id);
      }
      // the last says 46 %: three documents say otherwise (44,32 % agrees with 44,3 % within rounding, not with 46 %)
      const last = listMismatches(wh, { documentId: ids[3]!, type: 'consistency' });
      expect(last).toHaveLength(1);
      expect(last[0]!.factIds).toHaveLength(4);
      expect(last[0]!.message).toMatch(/ghi 46%, còn văn bản cover-0\.txt ghi 44,3%; văn bản cover-1\.txt ghi 45,1%; văn bản cover-2\.txt ghi 44,32%\./);
      expect(last[0]).toMatchObject({ expected: 44.3, found: 46 });
      // the third agrees with the first and disagrees with the second only
      const third = listMismatches(wh, { documentId: ids[2]!, type: 'consistency' });
      expect(third.map((m) => m.factIds.length)).toEqual([2]);
      expect(third[0]!.message).toMatch(/cover-1\.txt ghi 45,1%\./);
    } finally {
      await wh.close();
    }
  }, 60_000);

  it("decides agreement from both documents' precision, also when a document states a cell twice", async () => {
    const header = (n: string) =>
      `Số: ${n}/BC-UBND\n\nPhong Thổ, ngày 08 tháng 12 năm 2023\n\nBÁO CÁO\n\nỦy ban nhân dân huyện Phong Thổ báo cáo.\n\nA. KẾT QUẢ NĂM 2023\n\n1. Môi trường\n\n`;
    const texts = [
      'Tỷ lệ che phủ rừng đạt 44,3%.', // A: ± 0,05
      'Tỷ lệ che phủ rừng đạt 44,4%.', // B: 0,1 from A, within 0,05 + 0,05
      'Tỷ lệ che phủ rừng đạt 44,35%.', // C: within A's own ± 0,05
      'Tỷ lệ che phủ rừng đạt 44,41%.', // D: 0,11 from A (> 0,055), 0,06 from C (> 0,01), 0,01 from B
      'Tỷ lệ che phủ rừng đạt 44,3%.\n\n2. Rừng\n\nTỷ lệ che phủ rừng đạt 46%.', // E: the same cell twice
      'Tỷ lệ che phủ rừng đạt 44,361%.', // F: 0,011 from C, just past 0,005 + 0,0005
    ];
    const wh = await openWarehouse(db);
    try {
      const ids: string[] = [];
      for (const [i, t] of texts.entries()) {
        const f = join(dir, `${'ABCDEF'[i]}.txt`);
        writeFileSync(f, `${header(String(40 + i))}${t}\n`);
        await ingest(wh, [f]);
        ids.push((wh.sqlite.prepare('select id from documents order by rowid desc limit 1').get() as { id: string }).id);
        await checkAcrossDocuments(wh, ids.at(-1)!);
      }
      // the findings against other documents (E's two values also disagree within E: that finding names no file)
      const named = (id: string) =>
        listMismatches(wh, { documentId: id, type: 'consistency' })
          .map((m) => [m.found, [...m.message.matchAll(/văn bản ([A-F])\.txt/g)].map((x) => x[1]).join('')])
          .filter(([, files]) => files !== '');
      expect(named(ids[1]!)).toEqual([]);
      expect(named(ids[2]!)).toEqual([]);
      expect(named(ids[3]!)).toEqual([[44.41, 'AC']]);
      // 44,3 % agrees with A, B and C but not D; 46 % with none of them
      expect(named(ids[4]!).sort()).toEqual([
        [44.3, 'D'],
        [46, 'ABCD'],
      ]);
      expect(named(ids[5]!)).toEqual([[44.361, 'ACDE']]);
    } finally {
      await wh.close();
    }
  }, 60_000);

  it('groups plans implied elsewhere: one finding for a stated plan, one for an implying share', async () => {
    const header = (n: string, section: string) =>
      `Số: ${n}/BC-UBND\n\nPhong Thổ, ngày 08 tháng 12 năm 2023\n\nBÁO CÁO\n\nỦy ban nhân dân huyện Phong Thổ báo cáo.\n\n${section}\n\n1. Kinh tế\n\n`;
    const result = (n: string, share: string) =>
      `${header(n, 'A. KẾT QUẢ NĂM 2023')}Tổng sản lượng lương thực có hạt đạt 36.595,83 tấn, đạt ${share}% so với kế hoạch.\n`;
    const plan = (n: string, tonnes: string) =>
      `${header(n, 'B. KẾ HOẠCH NĂM 2023').replace('2023\n\nBÁO', '2022\n\nBÁO')}Tổng sản lượng lương thực có hạt năm 2023 đạt ${tonnes} tấn.\n`;
    // two shares imply plans of 36 439 and 36 965 t; then a plan of 38 000 t; then two plans, then a share
    const texts = [result('31', '100,43'), result('32', '99'), plan('33', '38.000'), plan('34', '37.000'), result('35', '100,43')];
    const wh = await openWarehouse(db);
    try {
      const ids: string[] = [];
      for (const [i, t] of texts.entries()) {
        const f = join(dir, `plan-${i}.txt`);
        writeFileSync(f, t);
        await ingest(wh, [f]);
        ids.push((wh.sqlite.prepare('select id from documents order by rowid desc limit 1').get() as { id: string }).id);
        await checkAcrossDocuments(wh, ids.at(-1)!);
      }
      const stated = listMismatches(wh, { documentId: ids[2]!, type: 'share_of_plan' });
      expect(stated).toHaveLength(1);
      expect(stated[0]!.factIds).toHaveLength(3);
      expect(stated[0]!.message).toMatch(
        /kế hoạch ghi 38\.000 tấn, nhưng tỷ lệ\/mức tăng ở 2 văn bản khác ngụ ý 36\.439[^;]*\(plan-0\.txt\); 36\.965[^;]*\(plan-1\.txt\)/,
      );
      // the last share implies 36 439 t against the plans two documents state: 38 000 and 37 000 t
      const implying = listMismatches(wh, { documentId: ids[4]!, type: 'share_of_plan' });
      expect(implying).toHaveLength(1);
      expect(implying[0]!.message).toMatch(
        /ngụ ý kế hoạch 36\.439,\d+ \(tấn\), nhưng 2 văn bản khác ghi 38\.000 tấn \(plan-2\.txt\); 37\.000 tấn \(plan-3\.txt\)/,
      );
    } finally {
      await wh.close();
    }
  }, 60_000);

  it('checks a later plan against the plan a share implied', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    const header = (n: string) =>
      `Số: ${n}/BC-UBND\n\nPhong Thổ, ngày 08 tháng 12 năm 2023\n\nBÁO CÁO\n\nỦy ban nhân dân huyện Phong Thổ báo cáo.\n\nA. KẾT QUẢ NĂM 2023\n\n1. Kinh tế\n\n`;
    writeFileSync(a, `${header('5')}Tổng sản lượng lương thực có hạt đạt 36.595,83 tấn, đạt 100,43% so với kế hoạch.\n`);
    writeFileSync(
      b,
      `${header('6').replace('A. KẾT QUẢ NĂM 2023', 'B. KẾ HOẠCH NĂM 2023').replace('2023\n\nBÁO', '2022\n\nBÁO')}Tổng sản lượng lương thực có hạt năm 2023 đạt 38.000 tấn.\n`,
    );
    const wh = await openWarehouse(db);
    try {
      await ingest(wh, [a]);
      const first = (wh.sqlite.prepare('select id from documents').get() as { id: string }).id;
      await checkAcrossDocuments(wh, first);
      await ingest(wh, [b]);
      const second = (wh.sqlite.prepare('select id from documents where id <> ?').get(first) as { id: string }).id;
      const plan = wh.sqlite.prepare(`select kind, year, value from facts where document_id = ?`).all(second);
      expect(plan).toEqual([expect.objectContaining({ kind: 'plan', year: 2023, value: 38000 })]);
      expect(await checkAcrossDocuments(wh, second)).toBe(1);
      expect(listMismatches(wh, { documentId: second })[0]?.message).toMatch(/36\.439/);
    } finally {
      await wh.close();
    }
  }, 60_000);
});

describe.skipIf(!hasChromium)('the review page in headless Chromium', () => {
  it('moves with j/k, corrects with c + Enter, accepts with a; the warehouse and compare show it', async () => {
    copyFileSync(SEED_000, join(dir, 'report.txt'));
    expect((await cli('ingest', join(dir, 'report.txt'), '--db', db)).code).toBe(0);
    const wh = await openWarehouse(db);
    const server = await startReviewServer(wh, { port: 0, reviewer: 'qa-lan' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      const cards = page.locator('section.card');
      const total = await cards.count();
      expect(total).toBe(listMismatches(wh, { status: 'open' }).length);
      await expect.poll(() => page.locator('section.card.selected').getAttribute('data-index')).toBe('0');
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('section.card.selected').getAttribute('data-index')).toBe('1');
      await page.keyboard.press('k');
      await expect.poll(() => page.locator('section.card.selected').getAttribute('data-index')).toBe('0');

      const target = insuranceMismatch(wh);
      const card = page.locator(`#m-${target.id}`);
      expect(await card.locator('mark.primary').textContent()).toBe('81.012 nghìn người');
      expect(await card.locator('td.expected').textContent()).toBe('2.000');
      const index = Number(await card.getAttribute('data-index'));
      for (let i = 0; i < index; i++) await page.keyboard.press('j');
      await expect.poll(() => card.getAttribute('class')).toContain('selected');
      await page.keyboard.press('c');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('81,012');
      await page.keyboard.press('Enter');
      await expect.poll(() => card.getAttribute('data-status')).toBe('corrected');

      // the selection moved on (or stayed on the last card); k goes back one
      await page.keyboard.press('k');
      const nextId = await page.locator('section.card.selected').getAttribute('data-id');
      expect(nextId).not.toBe(target.id);
      await page.keyboard.press('a');
      await expect.poll(() => page.locator(`#m-${nextId}`).getAttribute('data-status')).toBe('accepted');
      expect(await page.locator('#count').textContent()).toBe(String(total - 2));

      const fact = wh.sqlite.prepare(`select value, original_value, base_value, corrected_value, status from facts where id = ?`).get(target.factIds[0]);
      expect(fact).toEqual({ value: 81.012, original_value: 81012, base_value: 81012, corrected_value: 81.012, status: 'corrected' });
      const review = wh.sqlite.prepare(`select reviewer, action, mismatch_id from reviews where fact_id = ?`).get(target.factIds[0]);
      expect(review).toEqual({ reviewer: 'qa-lan', action: 'correct', mismatch_id: target.id });
      expect(getMismatch(wh, nextId!).status).toBe('accepted');
    } finally {
      await browser.close();
      await server.close();
      await wh.close();
    }
    expect(await compareInsurance()).toEqual([81012]);
    expect((await cli('ingest', join(dir, 'report.txt'), '--db', db)).code).toBe(0);
    expect(await compareInsurance()).toEqual([81012]);
  }, 120_000);

  it('refuses requests for another host and decisions that are not JSON', async () => {
    const wh = await openWarehouse(db);
    const server = await startReviewServer(wh, { port: 0, reviewer: 'x' });
    try {
      const port = new URL(server.url).port;
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: Number(port), path: '/', headers: { host: `evil.example:${port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
      const form = await fetch(`${server.url}api/mismatches/abcd/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=accept',
      });
      expect(form.status).toBe(415);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      await server.close();
      await wh.close();
    }
  });
});
