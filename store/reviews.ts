import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { FactSource, Status } from '../schema/fact.ts';
import { sql } from '../schema/migrations/kysely.ts';
import type { Mismatch, MismatchType } from '../schema/mismatch.ts';
import type { Database, MismatchesTable } from '../schema/warehouse.ts';
import { factOf, mismatchOf, REVIEW_COLUMNS, type Review, reviewOf, reviewRow } from './rows.ts';
import { allRows, insertSql, type Sqlish } from './statements.ts';
import { firstOf, rowsOf, runAsync, runSync, type Steps } from './steps.ts';
import type { AnyWarehouse, Warehouse } from './warehouse.ts';

/**
 * Reviewers' decisions, all of them: a decision on a fact (`reviews` rows, kept by the fact's stable id
 * so it survives re-loads), applied to every stored version of the fact; the reviewer's side of
 * mismatches (list and show them with their facts, decide on one, keep each mismatch's status in step
 * with the decisions); and carrying decisions over to a superseding version of a document.
 */

/* ---------- decisions on facts ---------- */

/** A reviewer's decision on one fact, keyed by the fact's stable id so it survives re-loads. */
export const ReviewDecision = z
  .object({
    factId: z.string().min(1),
    mismatchId: z.string().nullable().default(null),
    reviewer: z.string().min(1),
    action: z.enum(['accept', 'correct', 'reject']),
    /** for `correct`: the right number, in the fact's written scale (its multiplier is kept) */
    value: z.number().finite().nullable().default(null),
    /** for `correct`: a different canonical unit, if the unit was wrong */
    unit: z.string().nullable().default(null),
    note: z.string().nullable().default(null),
    decidedAt: z.string().optional(),
  })
  .refine((d) => d.action !== 'correct' || d.value !== null, { message: 'a correction needs a value', path: ['value'] });
export type ReviewDecision = z.input<typeof ReviewDecision>;

/**
 * Records a decision and applies it to every stored version of the fact (current and history).
 * Returns how many fact rows changed.
 */
export async function recordReview(wh: AnyWarehouse, decision: ReviewDecision): Promise<number> {
  const d = ReviewDecision.parse(decision);
  const review: Review = { ...d, decidedAt: d.decidedAt ?? new Date().toISOString() };
  if (wh.engine === 'postgres') {
    // an async driver: the same two steps as one kysely transaction
    return wh.db.transaction().execute(async (trx) => {
      await trx.insertInto('reviews').values(reviewRow(review)).execute();
      return applyReviewsIn(trx, { factIds: [d.factId] });
    });
  }
  const { sql: text, parameters } = wh.db.insertInto('reviews').values(reviewRow(review)).compile();
  return wh.sqlite
    .transaction(() => {
      wh.sqlite.prepare(text).run(parameters as Sqlish[]);
      return applyReviewsSync(wh, { factIds: [d.factId] });
    })
    .immediate();
}

type ReviewScope = { documentId: string } | { factIds: string[] };

/**
 * Re-applies the latest decision of each reviewed fact of a document (or of the given fact ids) to the
 * stored rows: value, unit and base value come from the extraction, overridden by a correction.
 */
export async function applyReviews(wh: Warehouse, scope: ReviewScope): Promise<number> {
  return wh.sqlite.transaction(() => applyReviewsSync(wh, scope)).immediate();
}

/** applyReviews, synchronous, for callers already inside a transaction (the loader, the checks). */
export function applyReviewsSync(wh: Warehouse, scope: ReviewScope): number {
  const latest = latestReviews(wh, scope);
  if (latest.length === 0) return 0;
  const update = wh.prepared(
    `update facts set
       status = @status,
       corrected_value = @corrected,
       value = coalesce(@corrected, original_value),
       unit = case when @corrected is null then original_unit else coalesce(@unit, original_unit) end,
       base_value = case when @corrected is null then original_base_value else @corrected * pow(10, multiplier) end
     where id = @factId`,
  );
  let changed = 0;
  for (const r of latest) {
    const corrected = r.action === 'correct' ? r.value : null;
    const status = r.action === 'accept' ? 'accepted' : r.action === 'correct' ? 'corrected' : 'rejected';
    changed += update.run({ status, corrected, unit: r.unit, factId: r.fact_id }).changes;
  }
  return changed;
}

/**
 * applyReviews as async queries on the given connection or transaction, for the engines whose driver
 * is asynchronous (PostgreSQL: store/postgres-loader.ts runs it inside the document's transaction).
 */
export async function applyReviewsIn(db: Kysely<Database>, scope: ReviewScope): Promise<number> {
  let q = latestOf(db);
  if ('documentId' in scope) {
    if ((await db.selectFrom('reviews').select('id').limit(1).executeTakeFirst()) === undefined) return 0;
    const { documentId } = scope;
    q = q.where('r.fact_id', 'in', (eb) => eb.selectFrom('facts').select('facts.id').where('facts.document_id', '=', documentId));
  } else {
    if (scope.factIds.length === 0) return 0;
    q = q.where('r.fact_id', 'in', scope.factIds);
  }
  let changed = 0;
  for (const r of await q.execute()) {
    const corrected = r.action === 'correct' ? r.value : null;
    const status = r.action === 'accept' ? 'accepted' : r.action === 'correct' ? 'corrected' : 'rejected';
    // the statement of applyReviewsSync, with the parameters typed: PostgreSQL cannot infer `$1 is null`
    const c = sql`${corrected}::double precision`;
    const result = await sql`update facts set
        status = ${status},
        corrected_value = ${c},
        value = coalesce(${c}, original_value),
        unit = case when ${c} is null then original_unit else coalesce(${r.unit}::text, original_unit) end,
        base_value = case when ${c} is null then original_base_value else ${c} * pow(10, multiplier) end
      where id = ${r.fact_id}`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

/** Each fact's latest decision: the one decided last, the last recorded among equals. */
function latestOf(db: Kysely<Database>) {
  return db
    .selectFrom('reviews as r')
    .select(['r.fact_id', 'r.action', 'r.value', 'r.unit'])
    .where('r.id', '=', (eb) =>
      eb
        .selectFrom('reviews as r2')
        .select('r2.id')
        .whereRef('r2.fact_id', '=', 'r.fact_id')
        .orderBy('r2.decided_at', 'desc')
        .orderBy('r2.id', 'desc')
        .limit(1),
    );
}

function latestReviews(wh: Warehouse, scope: ReviewScope) {
  if ('documentId' in scope) {
    // Every load asks; a bulk load into a warehouse nobody has reviewed yet should not list its facts for it.
    if (wh.prepared(`select 1 from reviews limit 1`).get() === undefined) return [];
    const { documentId } = scope;
    return allRows(
      wh,
      latestOf(wh.db).where('r.fact_id', 'in', (eb) => eb.selectFrom('facts').select('facts.id').where('facts.document_id', '=', documentId)),
    );
  }
  if (scope.factIds.length === 0) return [];
  return allRows(wh, latestOf(wh.db).where('r.fact_id', 'in', scope.factIds));
}

/* ---------- mismatches, as reviewers see them ---------- */

export type ReviewActionName = 'accept' | 'correct' | 'reject';
export type MismatchStatusName = Mismatch['status'];

export interface ReviewedFact {
  id: string;
  indicator: string;
  raw: string;
  value: number;
  originalValue: number;
  correctedValue: number | null;
  unit: string | null;
  unitText: string | null;
  multiplier: number;
  year: number | null;
  /** the SDMX period the fact is about (`2026-Q1`), null where the document says none */
  period: string | null;
  kind: string;
  status: Status;
  source: FactSource;
}

/** The latest decision on a fact, as a reviewer sees it. */
export type LatestDecision = Omit<Review, 'mismatchId'>;

export interface MismatchView {
  id: string;
  documentId: string;
  file: string;
  type: MismatchType;
  message: string;
  factIds: string[];
  expected: number | null;
  found: number | null;
  difference: number | null;
  tolerance: number | null;
  source: Mismatch['source'];
  status: MismatchStatusName;
  facts: ReviewedFact[];
  decisions: LatestDecision[];
}

export interface ListFilter {
  type?: string;
  status?: string;
  documentId?: string;
  /** mismatches of superseded documents too */
  history?: boolean;
  limit?: number;
}

/** A `mismatches` row (the table's own type) with the file of its document. */
type MismatchRow = Omit<MismatchesTable, 'run_id'> & { file: string };

/** A mismatch's columns with its document's file, for the review's listings. */
function mismatchesWithFile(db: Kysely<Database>) {
  return db
    .selectFrom('mismatches as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .select([
      'm.document_id',
      'm.id',
      'm.type',
      'm.message',
      'm.fact_ids',
      'm.expected',
      'm.found',
      'm.difference',
      'm.tolerance',
      'm.source',
      'm.status',
      'd.file',
    ]);
}

/** Open ones first, then the latest loaded documents, each document's in the order they were found. */
export function listMismatches(wh: Warehouse, filter: ListFilter = {}): MismatchView[] {
  return runSync(wh, listSteps(wh.db, filter));
}

/** listMismatches on either engine. */
export function listMismatchesOf(wh: AnyWarehouse, filter: ListFilter = {}): Promise<MismatchView[]> {
  return runAsync(listSteps(wh.db, filter));
}

function* listSteps(db: Kysely<Database>, filter: ListFilter): Steps<MismatchView[]> {
  let q = mismatchesWithFile(db);
  if (!filter.history) q = q.where('d.superseded_by', 'is', null);
  // commander has not checked these: an unknown type or status finds nothing, as SQL compares them
  if (filter.type) q = q.where('m.type', '=', filter.type as MismatchType);
  if (filter.status) q = q.where('m.status', '=', filter.status as MismatchStatusName);
  if (filter.documentId) q = q.where('m.document_id', 'like', `${filter.documentId}%`);
  q = q.orderBy(sql`case m.status when 'open' then 0 else 1 end`).orderBy('d.loaded_at', 'desc').orderBy('m.document_id').orderBy(sql`m.rowid`);
  if (filter.limit) q = q.limit(Math.floor(filter.limit));
  const views: MismatchView[] = [];
  for (const r of yield* rowsOf(q)) views.push(yield* view(db, r));
  return views;
}

/** A mismatch by its id or a unique prefix of it; throws a readable error otherwise. */
export function getMismatch(wh: Warehouse, idOrPrefix: string): MismatchView {
  return runSync(wh, getSteps(wh.db, idOrPrefix));
}

/** getMismatch on either engine. */
export function getMismatchOf(wh: AnyWarehouse, idOrPrefix: string): Promise<MismatchView> {
  return runAsync(getSteps(wh.db, idOrPrefix));
}

function* getSteps(db: Kysely<Database>, idOrPrefix: string): Steps<MismatchView> {
  const key = idOrPrefix.trim();
  if (!/^[0-9a-f]{4,32}$/i.test(key)) throw new ReviewError(`"${idOrPrefix}" is not a mismatch id (hex, at least 4 characters)`);
  const rows = yield* rowsOf(
    mismatchesWithFile(db).where('m.id', 'like', `${key.toLowerCase()}%`).orderBy(sql`d.superseded_by is not null`).orderBy('d.loaded_at', 'desc'),
  );
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size === 0) throw new ReviewError(`no mismatch ${idOrPrefix}`);
  if (ids.size > 1) throw new ReviewError(`"${idOrPrefix}" matches ${ids.size} mismatches; give more characters`);
  return yield* view(db, rows[0]!);
}

export class ReviewError extends Error {}

function* view(db: Kysely<Database>, r: MismatchRow): Steps<MismatchView> {
  const { id, documentId, ...rest } = mismatchOf(r);
  const facts: ReviewedFact[] = [];
  for (const f of rest.factIds) {
    const fact = yield* reviewedFact(db, documentId, f);
    if (fact !== null) facts.push(fact);
  }
  const decisions: LatestDecision[] = [];
  for (const f of rest.factIds) {
    const decision = yield* latestDecision(db, f);
    if (decision !== null) decisions.push(decision);
  }
  return { id, documentId, file: r.file, ...rest, facts, decisions };
}

/** The fact of that id, of the mismatch's document when several versions hold it. */
function* reviewedFact(db: Kysely<Database>, documentId: string, id: string): Steps<ReviewedFact | null> {
  const row = yield* firstOf(
    db
      .selectFrom('facts')
      .selectAll('facts')
      .select((eb) => eb.selectFrom('sentences').select('sentences.text').whereRef('sentences.id', '=', 'facts.sentence_id').as('sentence'))
      .where('facts.id', '=', id)
      .orderBy(sql`facts.document_id = ${documentId}`, 'desc')
      .limit(1),
  );
  if (!row) return null;
  const f = factOf(row);
  return {
    id: f.id,
    indicator: f.indicator,
    raw: f.raw,
    value: f.value,
    originalValue: row.original_value,
    correctedValue: row.corrected_value,
    unit: f.unit,
    unitText: f.unitText,
    multiplier: f.multiplier,
    year: f.year,
    period: f.period,
    kind: f.kind,
    status: f.status,
    source: f.source,
  };
}

function* latestDecision(db: Kysely<Database>, factId: string): Steps<LatestDecision | null> {
  const row = yield* firstOf(
    db
      .selectFrom('reviews')
      .select(['fact_id', 'mismatch_id', 'reviewer', 'decided_at', 'action', 'value', 'unit', 'note'])
      .where('fact_id', '=', factId)
      .orderBy('decided_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  if (!row) return null;
  const { mismatchId: _, ...decision } = reviewOf(row);
  return decision;
}

export interface Decision {
  mismatchId: string;
  action: ReviewActionName;
  reviewer: string;
  /** for `correct`: the right number in the fact's written scale */
  value?: number | null;
  unit?: string | null;
  note?: string | null;
  /** the fact to correct or reject; the mismatch's first fact by default */
  factId?: string | null;
  decidedAt?: string;
}

const STATUS_OF: Record<ReviewActionName, MismatchStatusName> = { accept: 'accepted', correct: 'corrected', reject: 'rejected' };

/**
 * Records a decision on a mismatch. `accept` accepts every fact of it (the numbers are right as read);
 * `correct` and `reject` apply to one fact, the first (the one the finding is about) unless told.
 * Writes `reviews` rows through recordReview and sets the mismatch's status.
 */
export async function decide(wh: AnyWarehouse, d: Decision): Promise<MismatchView> {
  const m = await getMismatchOf(wh, d.mismatchId);
  if (d.action === 'correct' && (d.value === undefined || d.value === null || !Number.isFinite(d.value))) {
    throw new ReviewError('a correction needs a number (--value)');
  }
  const target = d.factId ?? m.factIds[0];
  if (!target) throw new ReviewError(`mismatch ${m.id} names no fact to decide on`);
  if (!m.factIds.includes(target)) throw new ReviewError(`fact ${target} is not part of mismatch ${m.id}`);
  const decidedAt = d.decidedAt ?? new Date().toISOString();
  const facts = d.action === 'accept' ? m.factIds : [target];
  for (const factId of facts) {
    await recordReview(wh, {
      factId,
      mismatchId: m.id,
      reviewer: d.reviewer,
      action: d.action,
      value: d.action === 'correct' ? (d.value ?? null) : null,
      unit: d.action === 'correct' ? (d.unit ?? null) : null,
      note: d.note ?? null,
      decidedAt,
    });
  }
  await wh.db.updateTable('mismatches').set({ status: STATUS_OF[d.action] }).where('id', '=', m.id).execute();
  return getMismatchOf(wh, m.id);
}

/**
 * Brings the status of a document's mismatches in line with the decisions recorded on them (by mismatch
 * id, which a re-load of the same bytes or a re-extraction keeps). Returns how many changed.
 */
export function syncMismatchStatuses(wh: Warehouse, documentId: string): number {
  const rows = allRows(
    wh,
    wh.db
      .selectFrom('mismatches as m')
      .select(['m.id', 'm.status'])
      .select((eb) =>
        eb
          .selectFrom('reviews as r')
          .select('r.action')
          .whereRef('r.mismatch_id', '=', 'm.id')
          .orderBy('r.decided_at', 'desc')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('action'),
      )
      .where('m.document_id', '=', documentId),
  );
  // parameters in the order of the compiled SQL: status, document, id
  const update = wh.prepared(wh.db.updateTable('mismatches').set({ status: 'open' }).where('document_id', '=', '').where('id', '=', '').compile().sql);
  let changed = 0;
  for (const r of rows) {
    if (r.action === null) continue;
    const status = STATUS_OF[r.action];
    if (status !== r.status) changed += update.run(status, documentId, r.id).changes;
  }
  return changed;
}

/* ---------- carrying decisions to a superseding version ---------- */

/**
 * A superseding version of a document gets new fact ids (they hash the document's bytes). A decision on a
 * fact of the version it replaces is carried to the fact of the new version with the same indicator
 * wording, year, kind, unit and value as extracted; a fact whose value changed (the new version fixed it)
 * keeps no decision. The carried rows name the new mismatch of the same type on that fact, if any.
 * Returns how many decisions were carried.
 */
export async function carryReviewsForward(wh: Warehouse, documentId: string): Promise<number> {
  return wh.sqlite.transaction(() => carryReviewsForwardSync(wh, documentId)).immediate();
}

/** carryReviewsForward, synchronous, for callers already inside a transaction (the cross-document checks). */
export function carryReviewsForwardSync(wh: Warehouse, documentId: string): number {
  const old = allRows(wh, wh.db.selectFrom('documents').select('id').where('superseded_by', '=', documentId));
  if (old.length === 0) return 0;
  /** the latest decision on each fact of an old version, with what identifies its fact across versions */
  const latestOfDocument = (oldId: string) =>
    latestOf(wh.db)
      .innerJoin('facts as f', (j) => j.onRef('f.id', '=', 'r.fact_id').on('f.document_id', '=', oldId))
      .select(['r.mismatch_id', 'r.reviewer', 'r.decided_at', 'r.note', 'f.indicator_folded', 'f.year', 'f.kind', 'f.original_unit', 'f.original_value'])
      .select((eb) => eb.selectFrom('mismatches as m').select('m.type').whereRef('m.id', '=', 'r.mismatch_id').limit(1).as('mismatch_type'));
  // the value within rounding of the old one's: kysely would only wrap this SQL
  const match = wh.prepared(
    `select id from facts where document_id = ? and indicator_folded = ? and year is ? and kind = ? and original_unit is ?
       and abs(original_value - ?) <= 1e-9 * max(1, abs(?))
       and not exists (select 1 from reviews r where r.fact_id = facts.id)
     order by rowid limit 1`,
  );
  const mismatchOfFact = wh.prepared(
    `select id from mismatches where document_id = ? and type = ? and exists (select 1 from json_each(fact_ids) where value = ?) limit 1`,
  );
  const insert = wh.prepared(insertSql(wh.db, 'reviews', REVIEW_COLUMNS, 'fail'));
  let carried = 0;
  const carriedIds: string[] = [];
  for (const o of old) {
    for (const r of allRows(wh, latestOfDocument(o.id))) {
      const target = match.get(documentId, r.indicator_folded, r.year, r.kind, r.original_unit, r.original_value, r.original_value) as
        | { id: string }
        | undefined;
      if (!target) continue;
      const mismatch = r.mismatch_type ? ((mismatchOfFact.get(documentId, r.mismatch_type, target.id) as { id: string } | undefined)?.id ?? null) : null;
      const note = `carried from fact ${r.fact_id} of document ${o.id.slice(0, 12)}${r.note ? `: ${r.note}` : ''}`;
      const row = reviewRow({
        factId: target.id,
        mismatchId: mismatch,
        reviewer: r.reviewer,
        decidedAt: r.decided_at,
        action: r.action,
        value: r.value,
        unit: r.unit,
        note,
      });
      insert.run(REVIEW_COLUMNS.map((c) => row[c] ?? null));
      carriedIds.push(target.id);
      carried++;
    }
  }
  if (carriedIds.length > 0) applyReviewsSync(wh, { factIds: carriedIds });
  return carried;
}
