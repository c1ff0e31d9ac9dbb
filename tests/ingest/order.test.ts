import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkedArguments } from '../../pipeline/ingest.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import { DocumentWriter, loadDocument } from '../../store/documents.ts';
import { finishRun, startRun } from '../../store/runs.ts';
import type { Warehouse } from '../../store/warehouse.ts';
import { makeInput, PHONG_THO, tempWarehouse } from '../warehouse/helpers.ts';

/**
 * Ingest commits documents as their workers finish them, so the order of loads within a run is not the
 * walk's. What the warehouse holds must not depend on it: which version of a document is current, what
 * each superseded one points at, and the labels' rows.
 */

const forest = (value: number, indicator = 'tỷ lệ che phủ rừng') => ({ indicator, value, kind: 'actual' as const, year: 2023 });

/** Five versions of one report (same number and issuer): two on one date, one later, one earlier, one undated. */
function versions(): LoadInput[] {
  return [
    makeInput({ content: 'v-a', file: 'kho/2023/a.txt', metadata: { ...PHONG_THO, date: '2023-12-08' }, facts: [forest(44.1, 'Tỷ lệ che phủ rừng')] }),
    makeInput({ content: 'v-b', file: 'kho/2023/b.txt', metadata: { ...PHONG_THO, date: '08/12/2023' }, facts: [forest(44.2)] }),
    makeInput({ content: 'v-c', file: 'kho/2024/c.txt', metadata: { ...PHONG_THO, date: '2023-12-20' }, facts: [forest(44.3, 'tỷ lệ che phủ RỪNG')] }),
    makeInput({ content: 'v-d', file: 'kho/a.txt', metadata: { ...PHONG_THO, date: '2023-11-30' }, facts: [forest(44.4)] }),
    makeInput({ content: 'v-e', file: 'kho/e.txt', metadata: { ...PHONG_THO, date: null }, facts: [forest(44.5)] }),
  ];
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

function state(wh: Warehouse) {
  return {
    documents: wh.sqlite
      .prepare(
        'select file, superseded_by is null as current, (select file from documents s where s.id = d.superseded_by) as by from documents d order by file',
      )
      .all(),
    labels: wh.sqlite.prepare('select folded, label, indicator_id from labels order by folded').all(),
  };
}

const sameWalk = (a: readonly string[], b: readonly string[]) => JSON.stringify(walkedArguments(a)) === JSON.stringify(walkedArguments(b));

let wh: Warehouse;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ wh, cleanup } = await tempWarehouse());
});
afterEach(async () => {
  await cleanup();
});

/** Loads `inputs` in that order in one run, as ingest would; the run ends with `status`. */
async function loadRun(inputs: readonly LoadInput[], args: string[], status: 'done' | 'interrupted' = 'done'): Promise<void> {
  const runId = await startRun(wh, 'ingest', args);
  const writer = new DocumentWriter(wh, { sameWalk });
  for (const input of inputs) expect(await loadDocument(writer, input, { runId })).toMatchObject({ status: 'loaded' });
  await finishRun(wh, runId, status);
}

function clear(): void {
  for (const t of ['facts', 'sentences', 'labels', 'run_files', 'documents', 'runs']) wh.sqlite.exec(`delete from ${t}`);
}

describe('the order of loads within a run', () => {
  it('every order of five versions ends with the same current version, the same chain and the same labels', async () => {
    const all = permutations(versions());
    expect(all).toHaveLength(120);
    let first: ReturnType<typeof state> | null = null;
    for (const order of all) {
      clear();
      await loadRun(order, ['ingest', 'kho']);
      const now = state(wh);
      first ??= now;
      expect(now).toEqual(first);
    }
    // the latest date is current; on one date the later file of the walk; undated before any dated one
    expect(first!.documents).toEqual([
      { file: 'kho/2023/a.txt', current: 0, by: 'kho/2023/b.txt' },
      { file: 'kho/2023/b.txt', current: 0, by: 'kho/2024/c.txt' },
      { file: 'kho/2024/c.txt', current: 1, by: null },
      { file: 'kho/a.txt', current: 0, by: 'kho/2023/a.txt' },
      { file: 'kho/e.txt', current: 0, by: 'kho/a.txt' },
    ]);
    expect(first!.labels).toEqual([{ folded: 'ty le che phu rung', label: 'Tỷ lệ che phủ rừng', indicator_id: null }]);
  });

  it('a run stopped anywhere and run again (other flags, same folder) ends as the uninterrupted run', async () => {
    const walk = versions();
    await loadRun(walk, ['ingest', 'kho', '--workers', '1']);
    const whole = state(wh);
    for (const order of permutations(walk).filter((_, i) => i % 7 === 0)) {
      for (let stop = 1; stop < order.length; stop++) {
        clear();
        await loadRun(order.slice(0, stop), ['ingest', 'kho', '--workers', '1'], 'interrupted');
        await loadRun(order.slice(stop), ['ingest', 'kho', '--db', 'x.sqlite', '--json']);
        expect(state(wh)).toEqual(whole);
      }
    }
  });

  it('a corrected file of the same date loaded by a later command supersedes; an older one does not', async () => {
    const [a, b, c] = versions();
    await loadRun([a!, c!], ['ingest', 'kho']);
    const corrected = makeInput({ content: 'v-c2', file: 'moi/c.txt', metadata: { ...PHONG_THO, date: '2023-12-20' }, facts: [forest(44.35)] });
    const runId = await startRun(wh, 'ingest', ['ingest', 'moi/c.txt']);
    const writer = new DocumentWriter(wh, { sameWalk });
    expect(await loadDocument(writer, corrected, { runId })).toMatchObject({ status: 'loaded', supersedes: c!.document.id });
    expect(await loadDocument(writer, b!, { runId })).toMatchObject({ status: 'loaded', supersedes: null });
    const current = wh.sqlite.prepare('select file from documents where superseded_by is null').pluck().all();
    expect(current).toEqual(['moi/c.txt']);
  });

  it("a run's walked arguments are its paths and --exclude globs, whatever its other flags", () => {
    expect(walkedArguments(['ingest', 'kho', '--db', 'a.sqlite', '--workers', '2', '--json', '--exclude', '*.tmp'])).toEqual(['kho', '--exclude', '*.tmp']);
    expect(walkedArguments(['ingest', '--ocr', 'never', 'kho', '--exclude=drafts', '--retry-failed', 'them'])).toEqual(['kho', '--exclude', 'drafts', 'them']);
    expect(walkedArguments(['kho'])).toEqual(['kho']);
  });
});
