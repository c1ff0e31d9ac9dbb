import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../schema/diagnostic.ts';
import { DocumentWriter, loadDocument } from '../../store/documents.ts';
import { factOf, footnoteOf, messageOf, messageRow, mismatchOf } from '../../store/rows.ts';
import type { Warehouse } from '../../store/warehouse.ts';
import { makeInput, PHONG_THO, tempWarehouse } from './helpers.ts';

let wh: Warehouse;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ wh, cleanup } = await tempWarehouse());
});
afterEach(async () => {
  await cleanup();
});

const MESSAGES: Diagnostic[] = [
  {
    type: 'warning',
    message: 'số không đọc được',
    stage: 'extract',
    ruleId: 'extract:bare-numbers',
    place: { page: 3, block: 12, start: 4, end: 9 },
  },
  { type: 'info', message: 'bảng tính', stage: 'read', place: { sheet: 'Biểu 1', cell: 'C7', block: 0 } },
  { type: 'error', message: 'không có ngày' },
];

describe('row mappers', () => {
  it('keep a Diagnostic whole in document_messages: rule, place and all', async () => {
    const input = { ...makeInput({ content: 'messages', metadata: PHONG_THO }), messages: MESSAGES };
    const outcome = await loadDocument(new DocumentWriter(wh), input);
    expect(outcome.status).toBe('loaded');
    const rows = await wh.db.selectFrom('document_messages').selectAll().orderBy('seq').execute();
    expect(rows[0]).toEqual({
      document_id: input.document.id,
      seq: 0,
      type: 'warning',
      message: 'số không đọc được',
      stage: 'extract',
      rule_id: 'extract:bare-numbers',
      page: 3,
      sheet: null,
      cell: null,
      block: 12,
      start: 4,
      end: 9,
    });
    expect(rows[2]).toMatchObject({ stage: null, rule_id: null, page: null, sheet: null, cell: null, block: null, start: null, end: null });
    expect(rows.map(messageOf)).toEqual(MESSAGES);
  });

  it('map a row and its object both ways without loss', async () => {
    const input = makeInput({
      content: 'round-trip',
      metadata: PHONG_THO,
      facts: [{ indicator: 'tỷ lệ che phủ rừng', value: 44.3, year: 2023, kind: 'actual', footnotes: [1], headingPath: ['I', 'Lâm nghiệp'] }],
      mismatches: [{ id: 'm1', type: 'sum', message: 'không khớp', factIds: ['f0'] }],
    });
    const withNote = { ...input, footnotes: [{ number: 1, text: 'Số liệu ước', page: null }] };
    expect((await loadDocument(new DocumentWriter(wh), withNote)).status).toBe('loaded');
    const fact = await wh.db
      .selectFrom('facts')
      .selectAll('facts')
      .select((eb) => eb.selectFrom('sentences').select('sentences.text').whereRef('sentences.id', '=', 'facts.sentence_id').as('sentence'))
      .executeTakeFirstOrThrow();
    expect(factOf(fact)).toEqual(input.facts[0]);
    const mismatch = await wh.db.selectFrom('mismatches').selectAll().executeTakeFirstOrThrow();
    expect(mismatchOf(mismatch)).toEqual(input.mismatches[0]);
    const footnotes = await wh.db.selectFrom('footnotes').selectAll().execute();
    expect(footnotes.map(footnoteOf)).toEqual(withNote.footnotes);
  });

  it('write null for every place field a message lacks', () => {
    expect(messageRow({ type: 'info', message: 'x' }, 'd', 0)).toEqual({
      document_id: 'd',
      seq: 0,
      type: 'info',
      message: 'x',
      stage: null,
      rule_id: null,
      page: null,
      sheet: null,
      cell: null,
      block: null,
      start: null,
      end: null,
    });
  });
});
