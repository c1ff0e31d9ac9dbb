import type { Kysely, Selectable } from 'kysely';
import type { LoadInput, LoadOutcome } from '../schema/load-input.ts';
import { sql } from '../schema/migrations/kysely.ts';
import type { AreasTable, Database } from '../schema/warehouse.ts';
import { type AreaNames, areaNames, resolveAreaIn } from './areas.ts';
import { documentKey, foldLabel, isNewer, type LoadOptions } from './documents.ts';
import { applyReviewsIn } from './reviews.ts';
import {
  DOCUMENT_COLUMNS,
  documentRow,
  FACT_COLUMNS,
  FactJson,
  FOOTNOTE_COLUMNS,
  factRow,
  footnoteRow,
  MESSAGE_COLUMNS,
  MISMATCH_COLUMNS,
  messageRow,
  mismatchRow,
} from './rows.ts';
import type { TableName } from './statements.ts';
import type { PostgresWarehouse } from './warehouse.ts';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows given as values in `columns`' order, as few multi-row INSERTs as the parameter limit
 * allows: one round trip for a small document's facts instead of one a fact.
 */
export async function insertRows(
  trx: Kysely<Database>,
  table: TableName,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const out: Record<string, unknown>[] = [];
  for (let at = 0; at < rows.length; at += perStatement) {
    const chunk = rows.slice(at, at + perStatement).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
    const query = trx.insertInto(table).values(chunk as never);
    if (returning) out.push(...((await query.returning(returning as never).execute()) as Record<string, unknown>[]));
    else await query.execute();
  }
  return out;
}

/**
 * The loader of a PostgreSQL warehouse: what store/documents.ts's DocumentWriter does on SQLite, as one
 * transaction of batched statements. Several processes may load into the same warehouse at once: the
 * content hash is the primary key (the second insert of the same bytes fails and is reported as skipped),
 * and a transaction-scoped advisory lock on the document's number and issuer makes the decision of which
 * version is current see the other process's version or wait for it.
 */
export class PostgresDocumentWriter {
  private areasKey: string | null = null;
  private areas: AreaNames | null = null;

  constructor(readonly wh: PostgresWarehouse) {}

  /** Nothing is kept that a rollback could make wrong (the area catalog is re-read each document). */
  forget(): void {
    this.areasKey = null;
    this.areas = null;
  }

  private async areaNames(db: Kysely<Database>): Promise<AreaNames> {
    const rows = (await db.selectFrom('areas').selectAll().orderBy('code').execute()) as Selectable<AreasTable>[];
    const key = JSON.stringify(rows);
    if (this.areas === null || this.areasKey !== key) {
      this.areasKey = key;
      this.areas = areaNames(rows);
    }
    return this.areas;
  }

  async write(input: LoadInput, options: LoadOptions): Promise<LoadOutcome> {
    const doc = input.document;
    const runId = options.runId ?? null;
    const loadedAt = (options.now?.() ?? new Date()).toISOString();
    return this.wh.db.transaction().execute(async (trx): Promise<LoadOutcome> => {
      const existing = await trx.selectFrom('documents').select(['id', 'superseded_by']).where('id', '=', doc.id).executeTakeFirst();
      if (existing) {
        const later = existing.superseded_by ? `, superseded by ${existing.superseded_by.slice(0, 12)}` : '';
        return { status: 'skipped', documentId: doc.id, reason: `already loaded (same content hash${later})` };
      }
      const area = resolveAreaIn(await this.areaNames(trx), doc.metadata);
      const docKey = documentKey(doc.metadata);
      if (docKey) await sql`select pg_advisory_xact_lock(hashtextextended(${docKey}, 0))`.execute(trx);
      const rivals = docKey
        ? await trx
            .selectFrom('documents')
            .select(['id', 'date', 'report_year'])
            .where('doc_key', '=', docKey)
            .where('superseded_by', 'is', null)
            .where('id', '<>', doc.id)
            .orderBy(sql`rowid`)
            .execute()
        : [];
      // the same decision as DocumentWriter.write (store/documents.ts)
      const newer = rivals.find((r) => isNewer(r, doc.metadata));
      const document = documentRow(input, { area, docKey, loadedAt, runId, supersededBy: newer?.id ?? null });
      await insertRows(trx, 'documents', DOCUMENT_COLUMNS, [DOCUMENT_COLUMNS.map((c) => document[c])]);
      let supersedes: string | null = null;
      if (!newer && rivals.length > 0) {
        await trx
          .updateTable('documents')
          .set({ superseded_by: doc.id })
          .where(
            'id',
            'in',
            rivals.map((r) => r.id),
          )
          .execute();
        supersedes = rivals[0]?.id ?? null;
      }
      // Each sentence once per document, numbered in the order the facts first name it, as on SQLite.
      const texts = [...new Set(input.facts.map((f) => f.source.text))];
      const sentenceIds = new Map<string, number>();
      const inserted = await insertRows(
        trx,
        'sentences',
        ['document_id', 'text'],
        texts.map((t) => [doc.id, t]),
        ['id', 'text'],
      );
      for (const r of inserted) sentenceIds.set(r.text as string, r.id as number);
      const json = new FactJson();
      const labels = new Map<string, { label: string; indicatorId: string | null }>();
      const facts = input.facts.map((f) => {
        const folded = foldLabel(f.indicator);
        // the first wording of a label is kept and the first indicator id found fills it, as the upsert one by one does
        const seen = labels.get(folded);
        if (!seen) labels.set(folded, { label: f.indicator, indicatorId: f.indicatorId });
        else if (seen.indicatorId === null && f.indicatorId !== null) seen.indicatorId = f.indicatorId;
        return factRow(f, { documentId: doc.id, folded, area: area.area, runId, sentenceId: sentenceIds.get(f.source.text)! }, json);
      });
      await insertRows(trx, 'facts', FACT_COLUMNS, facts);
      await upsertLabels(trx, labels);
      const rowsOf = <R extends object>(columns: readonly (keyof R & string)[], rows: R[]) => rows.map((r) => columns.map((c) => r[c]));
      await insertRows(
        trx,
        'footnotes',
        FOOTNOTE_COLUMNS,
        rowsOf(
          FOOTNOTE_COLUMNS,
          [...input.footnotes.entries()].map(([seq, n]) => footnoteRow(n, doc.id, seq)),
        ),
      );
      await insertRows(
        trx,
        'document_messages',
        MESSAGE_COLUMNS,
        rowsOf(
          MESSAGE_COLUMNS,
          [...input.messages.entries()].map(([seq, m]) => messageRow(m, doc.id, seq)),
        ),
      );
      await insertRows(
        trx,
        'mismatches',
        MISMATCH_COLUMNS,
        rowsOf(
          MISMATCH_COLUMNS,
          input.mismatches.map((m) => mismatchRow(m, doc.id, runId)),
        ),
      );
      await applyReviewsIn(trx, { documentId: doc.id });
      // awaited here: a test's hook may hold the transaction open to make two loaders overlap
      await options.beforeCommit?.(doc.id);
      return {
        status: 'loaded',
        documentId: doc.id,
        facts: input.facts.length,
        mismatches: input.mismatches.length,
        supersedes,
        written: { documentId: doc.id, area: area.area, facts: input.facts },
      };
    });
  }
}

/**
 * Adds the document's labels, or fills a label's missing indicator id, in one statement. Sorted, so two
 * processes upserting overlapping labels lock their rows in the same order and never deadlock.
 */
async function upsertLabels(trx: Kysely<Database>, labels: Map<string, { label: string; indicatorId: string | null }>): Promise<void> {
  const rows = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folded, l]) => ({ folded, label: l.label, indicator_id: l.indicatorId }));
  const perStatement = Math.floor(MAX_PARAMETERS / 3);
  for (let at = 0; at < rows.length; at += perStatement) {
    await trx
      .insertInto('labels')
      .values(rows.slice(at, at + perStatement))
      .onConflict((oc) =>
        oc.column('folded').doUpdateSet((eb) => ({
          indicator_id: eb.fn.coalesce('labels.indicator_id', 'excluded.indicator_id'),
        })),
      )
      .execute();
  }
}
