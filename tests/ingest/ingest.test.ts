import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestEvent, ingest } from '../../pipeline/ingest.ts';
import { openWarehouse } from '../../store/warehouse.ts';
import { generateArchive } from '../archive/generate.ts';

describe('ingest (in process)', () => {
  let dir: string;
  let archive: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'baocao-ingest-'));
    archive = join(dir, 'archive');
    generateArchive(archive, { count: 8, seed: 3, formats: { text: 1, docx: 1, pdf: 0 }, longShare: 0 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds the afterLoad hook's mismatches, records the run, and skips everything on a second run", async () => {
    const wh = await openWarehouse(join(dir, 'hook.sqlite'));
    try {
      const seen: string[] = [];
      const first = await ingest(wh, [archive], {
        workers: 2,
        afterLoad: async (id) => {
          seen.push(id);
          return 2;
        },
      });
      expect(first).toMatchObject({ files: 8, loaded: 8, skipped: 0, failed: [], interrupted: false, workers: 2 });
      expect(seen).toHaveLength(8);
      const own = (wh.sqlite.prepare('select count(*) as n from mismatches').get() as { n: number }).n;
      expect(first.mismatches).toBe(own + 16);
      const run = wh.sqlite.prepare('select status, files, loaded, failed, facts, mismatches from runs where id = ?').get(first.runId);
      expect(run).toEqual({ status: 'done', files: 8, loaded: 8, failed: 0, facts: first.facts, mismatches: first.mismatches });

      const events: IngestEvent[] = [];
      const second = await ingest(wh, [archive], { workers: 1, onFile: (e) => events.push(e) });
      expect(second).toMatchObject({ files: 8, loaded: 0, skipped: 8, facts: 0 });
      expect(events.every((e) => e.status === 'skipped' && e.reason === 'already loaded')).toBe(true);
    } finally {
      await wh.close();
    }
  });

  it('fails files over the size limit with the reason, and loads the rest', async () => {
    const big = join(dir, 'big');
    generateArchive(big, { count: 3, seed: 5, formats: { text: 1, docx: 0, pdf: 0 }, longShare: 0 });
    writeFileSync(join(big, 'long.txt'), 'Báo cáo số 1. '.repeat(20_000));
    const wh = await openWarehouse(join(dir, 'limit.sqlite'));
    try {
      const s = await ingest(wh, [big], { workers: 1, limits: { maxBytes: 100_000 } });
      expect(s.loaded).toBe(3);
      expect(s.failed).toEqual([{ file: join(big, 'long.txt'), stage: 'read', reason: expect.stringMatching(/too large: \d+ bytes \(limit 100000\)/) }]);
    } finally {
      await wh.close();
    }
  });

  it('with --ocr always, files that are not PDFs are read as usual', async () => {
    const plain = join(dir, 'plain');
    generateArchive(plain, { count: 4, seed: 7, formats: { text: 1, docx: 1, pdf: 0 }, longShare: 0 });
    const wh = await openWarehouse(join(dir, 'always.sqlite'));
    try {
      const s = await ingest(wh, [plain], { workers: 2, limits: { ocr: 'always' } });
      expect(s).toMatchObject({ loaded: 4, failed: [], ocrPages: 0 });
    } finally {
      await wh.close();
    }
  });

  it('stops between documents when asked, marking the run interrupted', async () => {
    const wh = await openWarehouse(join(dir, 'stop.sqlite'));
    try {
      let done = 0;
      const s = await ingest(wh, [archive], { workers: 2, onFile: () => done++, shouldStop: () => done >= 3 });
      expect(s).toMatchObject({ interrupted: true, loaded: 3 });
      const docs = (wh.sqlite.prepare('select count(*) as n from documents').get() as { n: number }).n;
      expect(docs).toBe(3);
      expect(wh.sqlite.prepare('select status from runs where id = ?').pluck().get(s.runId)).toBe('interrupted');
    } finally {
      await wh.close();
    }
  });
});
