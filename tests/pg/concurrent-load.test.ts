import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryFacts } from '../../output/facts-query.ts';
import type { LoadInput, LoadOutcome } from '../../schema/load-input.ts';
import { sql } from '../../schema/migrations/kysely.ts';
import { documentWriter, loadDocument } from '../../store/documents.ts';
import { type AnyWarehouse, openStore } from '../../store/warehouse.ts';
import { fixtureInputs } from '../warehouse/fixture.ts';
import { makeInput, PHONG_THO } from '../warehouse/helpers.ts';
import { POSTGRES, type TempWarehouse } from './engines.ts';

/**
 * Two loaders on two connections load the same documents into one PostgreSQL warehouse at the same
 * time, in opposite orders: every document is stored once (the other loader is told it is already
 * loaded), and of three dated versions of one report exactly the latest is current, whichever came first.
 */
const versions = ['2023-12-01', '2023-12-08', '2023-12-20'].map((date, i) =>
  makeInput({
    content: `version-${i}`,
    metadata: { ...PHONG_THO, number: '99/BC-UBND', date },
    facts: [{ indicator: 'tỷ lệ che phủ rừng', value: 44 + i / 10, year: 2023, kind: 'actual', id: `v${i}` }],
  }),
);

let store: TempWarehouse | null = null;
let second: AnyWarehouse | null = null;

async function loadAll(wh: AnyWarehouse, inputs: readonly LoadInput[]): Promise<Map<string, LoadOutcome['status']>> {
  const writer = documentWriter(wh);
  const out = new Map<string, LoadOutcome['status']>();
  for (const input of inputs) out.set(input.document.id, (await loadDocument(writer, input)).status);
  return out;
}

describe.skipIf(POSTGRES.skip)(`loading at once from two connections${POSTGRES.skip ? ` (skipped: ${POSTGRES.skip})` : ''}`, () => {
  beforeEach(async () => {
    store = await POSTGRES.open();
    second = await openStore(store.target, { seeds: false });
  });
  afterEach(async () => {
    await second?.close();
    await store?.cleanup();
  });

  it('stores each document once and keeps the latest version current', async () => {
    const { a, b, c, d } = fixtureInputs();
    const inputs = [a, b, c, d, ...versions];
    for (let round = 0; round < 3; round++) {
      await sql`truncate documents, facts, sentences, mismatches, footnotes, document_messages, labels cascade`.execute(store!.wh.db);
      const [one, two] = await Promise.all([loadAll(store!.wh, inputs), loadAll(second!, [...inputs].reverse())]);
      for (const input of inputs) {
        const statuses = [one.get(input.document.id), two.get(input.document.id)].sort();
        expect(statuses, input.document.file).toEqual(['loaded', 'skipped']);
      }
      const docs = await store!.wh.db.selectFrom('documents').select(['id', 'superseded_by']).execute();
      expect(docs).toHaveLength(inputs.length);
      const current = docs.filter((r) => r.superseded_by === null).map((r) => r.id);
      expect(current.sort()).toEqual([a, b, c, d, versions[2]!].map((i) => i.document.id).sort());
      const facts = await queryFacts(store!.wh, { history: true });
      expect(facts).toHaveLength(inputs.reduce((n, i) => n + i.facts.length, 0));
    }
  });

  it('decides which version is current after seeing the other loader’s version, however their transactions overlap', async () => {
    const writers = [documentWriter(store!.wh), documentWriter(second!)];
    // both transactions stay open long enough for the other to read the versions before either commits
    const slow = { beforeCommit: () => new Promise<void>((resolve) => setTimeout(resolve, 150)) };
    const outcomes = await Promise.all([loadDocument(writers[0]!, versions[0]!, slow), loadDocument(writers[1]!, versions[2]!, slow)]);
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded']);
    const docs = await store!.wh.db.selectFrom('documents').select(['id', 'superseded_by']).execute();
    expect(docs.filter((r) => r.superseded_by === null).map((r) => r.id)).toEqual([versions[2]!.document.id]);
  });
});
