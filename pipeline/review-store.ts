import type { FactSource, Status } from '../schema/fact.ts';
import type { Mismatch, MismatchType } from '../schema/mismatch.ts';
import { sourceOfRow, type MismatchesTable, type Warehouse } from '../schema/warehouse.ts';
import { applyReviewsSync, recordReview } from './load.ts';
import { prepared } from './statements.ts';

/**
 * The reviewer's side of mismatches: list and show them with their facts, record a decision (the same
 * `reviews` rows as `recordReview`, one per fact decided), keep each mismatch's status in step with the
 * decisions, and carry decisions over to a superseding version of a document.
 */

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
  kind: string;
  status: Status;
  source: FactSource;
}

export interface LatestDecision {
  factId: string;
  reviewer: string;
  decidedAt: string;
  action: ReviewActionName;
  value: number | null;
  unit: string | null;
  note: string | null;
}

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

interface FactRow {
  id: string;
  document_id: string;
  indicator: string;
  raw: string;
  value: number;
  original_value: number;
  corrected_value: number | null;
  unit: string | null;
  unit_text: string | null;
  multiplier: number;
  year: number | null;
  kind: string;
  status: Status;
  source: string;
  sentence: string | null;
}

const ORDER = `case m.status when 'open' then 0 else 1 end, d.loaded_at desc, m.document_id, m.rowid`;

export function listMismatches(wh: Warehouse, filter: ListFilter = {}): MismatchView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (!filter.history) where.push('d.superseded_by is null');
  if (filter.type) {
    where.push('m.type = ?');
    args.push(filter.type);
  }
  if (filter.status) {
    where.push('m.status = ?');
    args.push(filter.status);
  }
  if (filter.documentId) {
    where.push('m.document_id like ?');
    args.push(`${filter.documentId}%`);
  }
  const sql = `select m.*, d.file from mismatches m join documents d on d.id = m.document_id
    ${where.length ? `where ${where.join(' and ')}` : ''} order by ${ORDER}${filter.limit ? ` limit ${Math.floor(filter.limit)}` : ''}`;
  const rows = prepared(wh, sql).all(...args) as MismatchRow[];
  return rows.map((r) => view(wh, r));
}

/** A mismatch by its id or a unique prefix of it; throws a readable error otherwise. */
export function getMismatch(wh: Warehouse, idOrPrefix: string): MismatchView {
  const key = idOrPrefix.trim();
  if (!/^[0-9a-f]{4,32}$/i.test(key)) throw new ReviewError(`"${idOrPrefix}" is not a mismatch id (hex, at least 4 characters)`);
  const rows = wh.sqlite
    .prepare(`select m.*, d.file from mismatches m join documents d on d.id = m.document_id where m.id like ? order by d.superseded_by is not null, d.loaded_at desc`)
    .all(`${key.toLowerCase()}%`) as MismatchRow[];
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size === 0) throw new ReviewError(`no mismatch ${idOrPrefix}`);
  if (ids.size > 1) throw new ReviewError(`"${idOrPrefix}" matches ${ids.size} mismatches; give more characters`);
  return view(wh, rows[0]!);
}

export class ReviewError extends Error {}

function view(wh: Warehouse, r: MismatchRow): MismatchView {
  const factIds = JSON.parse(r.fact_ids) as string[];
  const facts = factIds.map((id) => factOf(wh, r.document_id, id)).filter((f): f is ReviewedFact => f !== null);
  return {
    id: r.id,
    documentId: r.document_id,
    file: r.file,
    type: r.type,
    message: r.message,
    factIds,
    expected: r.expected,
    found: r.found,
    difference: r.difference,
    tolerance: r.tolerance,
    source: r.source === null ? null : (JSON.parse(r.source) as Mismatch['source']),
    status: r.status,
    facts,
    decisions: factIds.map((id) => latestDecision(wh, id)).filter((d): d is LatestDecision => d !== null),
  };
}

function factOf(wh: Warehouse, documentId: string, id: string): ReviewedFact | null {
  const f = wh.sqlite
    .prepare(
      `select id, document_id, indicator, raw, value, original_value, corrected_value, unit, unit_text, multiplier, year, kind, status, source,
         (select text from sentences where id = sentence_id) as sentence
       from facts where id = ? order by document_id = ? desc limit 1`,
    )
    .get(id, documentId) as FactRow | undefined;
  if (!f) return null;
  return {
    id: f.id,
    indicator: f.indicator,
    raw: f.raw,
    value: f.value,
    originalValue: f.original_value,
    correctedValue: f.corrected_value,
    unit: f.unit,
    unitText: f.unit_text,
    multiplier: f.multiplier,
    year: f.year,
    kind: f.kind,
    status: f.status,
    source: sourceOfRow(f.source, f.sentence),
  };
}

function latestDecision(wh: Warehouse, factId: string): LatestDecision | null {
  const r = wh.sqlite
    .prepare(`select fact_id, reviewer, decided_at, action, value, unit, note from reviews where fact_id = ? order by decided_at desc, id desc limit 1`)
    .get(factId) as
    | { fact_id: string; reviewer: string; decided_at: string; action: ReviewActionName; value: number | null; unit: string | null; note: string | null }
    | undefined;
  return r
    ? { factId: r.fact_id, reviewer: r.reviewer, decidedAt: r.decided_at, action: r.action, value: r.value, unit: r.unit, note: r.note }
    : null;
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
export async function decide(wh: Warehouse, d: Decision): Promise<MismatchView> {
  const m = getMismatch(wh, d.mismatchId);
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
  prepared(wh, `update mismatches set status = ? where id = ?`).run(STATUS_OF[d.action], m.id);
  return getMismatch(wh, m.id);
}

/**
 * Brings the status of a document's mismatches in line with the decisions recorded on them (by mismatch
 * id, which a re-load of the same bytes or a re-extraction keeps). Returns how many changed.
 */
export function syncMismatchStatuses(wh: Warehouse, documentId: string): number {
  const rows = wh.sqlite
    .prepare(
      `select m.id, m.status, (select r.action from reviews r where r.mismatch_id = m.id order by r.decided_at desc, r.id desc limit 1) as action
       from mismatches m where m.document_id = ?`,
    )
    .all(documentId) as { id: string; status: MismatchStatusName; action: ReviewActionName | null }[];
  const update = prepared(wh, `update mismatches set status = ? where document_id = ? and id = ?`);
  let changed = 0;
  for (const r of rows) {
    if (r.action === null) continue;
    const status = STATUS_OF[r.action];
    if (status !== r.status) changed += update.run(status, documentId, r.id).changes;
  }
  return changed;
}

interface ReviewCarry {
  fact_id: string;
  mismatch_id: string | null;
  reviewer: string;
  decided_at: string;
  action: ReviewActionName;
  value: number | null;
  unit: string | null;
  note: string | null;
  indicator_folded: string;
  year: number | null;
  kind: string;
  original_unit: string | null;
  original_value: number;
  mismatch_type: string | null;
}

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
  const old = prepared(wh, `select id from documents where superseded_by = ?`).all(documentId) as { id: string }[];
  if (old.length === 0) return 0;
  const latest = prepared(wh, 
    `select r.fact_id, r.mismatch_id, r.reviewer, r.decided_at, r.action, r.value, r.unit, r.note,
            f.indicator_folded, f.year, f.kind, f.original_unit, f.original_value,
            (select m.type from mismatches m where m.id = r.mismatch_id limit 1) as mismatch_type
     from reviews r join facts f on f.id = r.fact_id and f.document_id = ?
     where r.id = (select r2.id from reviews r2 where r2.fact_id = r.fact_id order by r2.decided_at desc, r2.id desc limit 1)`,
  );
  const match = prepared(wh, 
    `select id from facts where document_id = ? and indicator_folded = ? and year is ? and kind = ? and original_unit is ?
       and abs(original_value - ?) <= 1e-9 * max(1, abs(?))
       and not exists (select 1 from reviews r where r.fact_id = facts.id)
     order by rowid limit 1`,
  );
  const mismatchOf = prepared(wh, 
    `select id from mismatches where document_id = ? and type = ? and exists (select 1 from json_each(fact_ids) where value = ?) limit 1`,
  );
  const insert = prepared(wh, 
    `insert into reviews (fact_id, mismatch_id, reviewer, decided_at, action, value, unit, note) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let carried = 0;
  const carriedIds: string[] = [];
  for (const o of old) {
    for (const r of latest.all(o.id) as ReviewCarry[]) {
      const target = match.get(documentId, r.indicator_folded, r.year, r.kind, r.original_unit, r.original_value, r.original_value) as { id: string } | undefined;
      if (!target) continue;
      const mismatch = r.mismatch_type
        ? ((mismatchOf.get(documentId, r.mismatch_type, target.id) as { id: string } | undefined)?.id ?? null)
        : null;
      const note = `carried from fact ${r.fact_id} of document ${o.id.slice(0, 12)}${r.note ? `: ${r.note}` : ''}`;
      insert.run(target.id, mismatch, r.reviewer, r.decided_at, r.action, r.value, r.unit, note);
      carriedIds.push(target.id);
      carried++;
    }
  }
  if (carriedIds.length > 0) applyReviewsSync(wh, { factIds: carriedIds });
  return carried;
}
