import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadInput } from '../../schema/load-input.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { type AnyWarehouse, openWarehouse, type Warehouse } from '../../store/warehouse.ts';
import type { Engine } from '../pg/engines.ts';
import { makeInput, PHONG_THO, tempDir } from './helpers.ts';

export const FOREST = 'env.forest.cover';
export const GRAIN = 'agri.grain.output';

const forest = { indicator: 'tỷ lệ che phủ rừng', indicatorId: FOREST } as const;
const grain = { indicator: 'Tổng sản lượng lương thực có hạt', indicatorId: GRAIN, unit: 'tonne', unitText: 'tấn' } as const;

/**
 * A small warehouse made by hand, as the pipeline would fill it:
 * - the 2023 report (A) estimates forest cover 2023 at 44,3 % (99,56 % of a 44,5 % plan) and plans 44,36 % for 2024;
 * - the 2024 report (B) restates 2023 as an actual 44,35 % (a revision) and estimates 2024 at 44,4 %;
 * - a council resolution (C) plans 2024 at 44,4 %, disagreeing with A's 44,36 %;
 * - grain output, in tonnes, with an estimate later confirmed unchanged;
 * - a label the catalog does not know (`số hộ nghèo`), and a document from Lâm Đồng.
 */
export function fixtureInputs(): { a: LoadInput; b: LoadInput; c: LoadInput; d: LoadInput } {
  const a = makeInput({
    content: 'report-2023',
    file: 'bao-cao-2023.txt',
    metadata: { ...PHONG_THO, reportYear: 2023, planYear: 2024, date: '2023-12-08' },
    facts: [
      {
        ...forest,
        id: 'a-forest-est',
        value: 44.3,
        year: 2023,
        kind: 'estimate',
        source: { file: 'bao-cao-2023.txt', page: 3, block: 40, start: 10, end: 15, text: 'tỷ lệ che phủ rừng 44,3% đạt 99,56% so với kế hoạch' },
      },
      { ...forest, id: 'a-forest-share', value: 99.56, year: 2023, kind: 'share_of_plan', relatesTo: 'a-forest-est' },
      { ...forest, id: 'a-forest-plan23', value: 44.5, year: 2023, kind: 'plan' },
      { ...forest, id: 'a-forest-plan24', value: 44.36, year: 2024, kind: 'plan' },
      { ...grain, id: 'a-grain-est', value: 36595.83, year: 2023, kind: 'estimate' },
      { ...grain, id: 'a-grain-plan24', value: 36100, year: 2024, kind: 'plan' },
      { indicator: 'số hộ nghèo', id: 'a-poor', value: 1520, unit: 'count:hộ', unitText: 'hộ', year: 2023, kind: 'actual' },
    ],
  });
  const b = makeInput({
    content: 'report-2024',
    file: 'bao-cao-2024.txt',
    metadata: { ...PHONG_THO, number: '650/BC-UBND', reportYear: 2024, planYear: 2025, date: '2024-12-05' },
    facts: [
      { ...forest, id: 'b-forest-23', value: 44.35, year: 2023, kind: 'actual' },
      { ...forest, id: 'b-forest-24', value: 44.4, year: 2024, kind: 'estimate' },
      { ...grain, id: 'b-grain-23', value: 36595.83, year: 2023, kind: 'actual' },
      { ...grain, id: 'b-grain-24', value: 36200, year: 2024, kind: 'actual' },
    ],
  });
  const c = makeInput({
    content: 'resolution-2023',
    file: 'nghi-quyet-hdnd.txt',
    metadata: { number: '45/NQ-HĐND', issuer: 'HĐND huyện Phong Thổ', area: 'Phong Thổ', province: 'Lai Châu', reportYear: 2023, date: '2023-12-20' },
    facts: [{ ...forest, id: 'c-forest-plan24', value: 44.4, year: 2024, kind: 'plan' }],
  });
  const d = makeInput({
    content: 'da-huoai-2023',
    file: 'da-huoai-2023.txt',
    metadata: { number: '300/BC-UBND', issuer: 'UBND huyện Đạ Huoai', area: 'Đạ Huoai', province: 'Lâm Đồng', reportYear: 2023 },
    facts: [{ ...forest, id: 'd-forest', value: 63.1, year: 2023, kind: 'actual' }],
  });
  return { a, b, c, d };
}

export const CATALOG = [
  { id: FOREST, name: 'Tỷ lệ che phủ rừng', aliases: ['độ che phủ rừng'], unit: 'percent' },
  { id: GRAIN, name: 'Tổng sản lượng lương thực có hạt', aliases: ['sản lượng lương thực'], unit: 'tonne' },
];

/**
 * A seeds folder (`DIR/seeds`) with the given indicator catalog and the two provinces and districts the
 * test documents name; returns its path, for `openWarehouse(file, { seeds })` or `BAOCAO_SEEDS`.
 */
export function writeTestSeeds(dir: string, indicators: readonly { id: string; name: string; aliases: string[]; unit: string | null }[]): string {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  writeFileSync(join(seeds, 'indicators.json'), JSON.stringify(indicators));
  writeFileSync(
    join(seeds, 'areas.json'),
    JSON.stringify({
      areas: [
        { code: '12', name: 'Lai Châu', level: 'province' },
        { code: '109', name: 'Phong Thổ', level: 'district', parent: '12' },
        { code: '68', name: 'Lâm Đồng', level: 'province' },
        { code: '681', name: 'Đạ Huoai', level: 'district', parent: '68' },
      ],
    }),
  );
  return seeds;
}

/** Writes the catalog seeds and loads the four documents into a fresh warehouse file. */
export async function fixtureWarehouse(): Promise<{
  wh: Warehouse;
  file: string;
  dir: string;
  inputs: ReturnType<typeof fixtureInputs>;
  cleanup: () => Promise<void>;
}> {
  const { dir, cleanup } = tempDir();
  const seeds = writeTestSeeds(dir, CATALOG);
  const file = join(dir, 'fixture.sqlite');
  const wh = await openWarehouse(file, { seeds });
  const inputs = await loadFixture(wh);
  return {
    wh,
    file,
    dir,
    inputs,
    cleanup: async () => {
      await wh.close();
      cleanup();
    },
  };
}

async function loadFixture(wh: AnyWarehouse): Promise<ReturnType<typeof fixtureInputs>> {
  const inputs = fixtureInputs();
  const writer = documentWriter(wh);
  let minute = 0;
  for (const input of [inputs.a, inputs.b, inputs.c, inputs.d]) {
    const outcome = await loadDocument(writer, input, { now: () => new Date(Date.UTC(2025, 0, 1, 0, minute++)) });
    if (outcome.status !== 'loaded') throw new Error(`fixture did not load: ${JSON.stringify(outcome)}`);
  }
  return inputs;
}

/** fixtureWarehouse on either engine (tests/pg/engines.ts), for the tests that run on both. */
export async function fixtureStore(engine: Engine): Promise<{
  wh: AnyWarehouse;
  target: string;
  /** the seeds folder it was opened with (BAOCAO_SEEDS for a command on it) */
  seeds: string;
  inputs: ReturnType<typeof fixtureInputs>;
  cleanup: () => Promise<void>;
}> {
  const { dir, cleanup } = tempDir();
  const seeds = writeTestSeeds(dir, CATALOG);
  const opened = await engine.open({ seeds });
  const inputs = await loadFixture(opened.wh);
  return {
    wh: opened.wh,
    target: opened.target,
    seeds,
    inputs,
    cleanup: async () => {
      await opened.cleanup();
      cleanup();
    },
  };
}
