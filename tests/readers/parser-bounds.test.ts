import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../extractors/reader.ts';
import { defaultHeapMb, parserHeapMb, runIsolated } from '../../extractors/xlsx-isolate.ts';
import { craftedXlsx } from './hostile-files.ts';

/** A 2 KB workbook whose one merge covers most of the sheet: 17 billion cells if made. */
const outsized = craftedXlsx([
  {
    name: 'S',
    rows: [
      ['Chỉ tiêu', 'Năm 2024'],
      ['Lúa', 12],
    ],
    merges: ['A1:B1', 'A2:XFD1048575'],
    dimension: 'A1:XFD1048576',
  },
]);

describe('the isolated parser is bounded before it makes cells', () => {
  it('reads a workbook with a sheet-wide merge in a 64 MB heap, keeping the merge as its bounds', async () => {
    expect(outsized.length).toBeLessThan(4096);
    const wb = await runIsolated('xlsx', 'outsized.xlsx', outsized, DEFAULT_LIMITS, { heapMb: 64 });
    const [sheet] = wb.sheets;
    // B1 is the copy of the small merge A1:B1, which exceljs made: only its top-left cell is a cell
    expect(sheet!.cells.map((c) => c.slice(0, 2))).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(sheet!.merges).toEqual(
      expect.arrayContaining([
        [1, 1, 1, 2],
        [2, 1, 1048575, 16384],
      ]),
    );
  });

  it('counts merged cells against the workbook cell limit', async () => {
    const wide = craftedXlsx([{ name: 'S', rows: [['a']], merges: ['A1:CV100'] }]);
    await expect(runIsolated('xlsx', 'wide.xlsx', wide, DEFAULT_LIMITS, { maxCells: 5000 })).rejects.toThrow(/more than 5000 cells/);
  });

  it('gives the parser no more heap than the thread that asks for it (ingest --worker-memory)', async () => {
    expect(parserHeapMb(DEFAULT_LIMITS)).toBe(defaultHeapMb(DEFAULT_LIMITS));
    const probe = new URL('./parser-heap-probe.mjs', import.meta.url);
    const inWorker = await new Promise<number>((resolve, reject) => {
      const w = new Worker(probe, { resourceLimits: { maxOldGenerationSizeMb: 96 } });
      w.once('message', (m: number) => {
        resolve(m);
        void w.terminate();
      });
      w.once('error', reject);
    });
    expect(defaultHeapMb(DEFAULT_LIMITS)).toBeGreaterThan(96);
    expect(inWorker).toBe(96);
  });
});
