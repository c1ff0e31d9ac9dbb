import type { Selectable } from 'kysely';
import type { Fact, FactSource } from '../schema/fact.ts';
import type { WrittenDocument } from '../schema/load-input.ts';
import { sql } from '../schema/migrations/kysely.ts';
import type { Mismatch } from '../schema/mismatch.ts';
import type { DerivedTable, DocumentsTable, FactsTable } from '../schema/warehouse.ts';
import { foldLabel } from './documents.ts';
import { extractedCoreOf, FACT_CORE_COLUMNS, type FactCore, type FactCoreRow, MISMATCH_COLUMNS, mismatchRow, sourceOfRow } from './rows.ts';
import { allRows, firstRow, insertSql } from './statements.ts';
import type { Warehouse } from './warehouse.ts';

/**
 * The cross-document checks' queries and writes (their logic is pipeline/cross-checks.ts): the document
 * checked and its facts, the other documents' facts and implied values for many cells at once, and what
 * a check writes (implied values, mismatches, flags, `checked_at`), all inside inCheckTransaction.
 */

/**
 * Runs `fn` as one synchronous IMMEDIATE transaction: the write lock is taken up front, so no other
 * writer can slip in between what the checks read and what they write.
 */
export function inCheckTransaction<T>(wh: Warehouse, fn: () => T): T {
  return wh.sqlite.transaction(fn).immediate();
}

/** Documents loaded but never checked, in load order. */
export function pendingDocuments(wh: Warehouse): string[] {
  return allRows(wh, wh.db.selectFrom('documents').select('id').where('checked_at', 'is', null).orderBy(sql`rowid`)).map((r) => r.id);
}

export type CheckedDocument = Pick<DocumentsTable, 'id' | 'doc_key' | 'run_id'>;

export function checkedDocument(wh: Warehouse, documentId: string): CheckedDocument | undefined {
  return firstRow(wh, wh.db.selectFrom('documents').select(['id', 'doc_key', 'run_id']).where('id', '=', documentId));
}

/** `checked_at` set: the document's checks are done (null until then, so a killed run's are redone). */
export function markChecked(wh: Warehouse, documentId: string): void {
  wh.prepared(`update documents set checked_at = ? where id = ?`).run(new Date().toISOString(), documentId);
}

/* ---------- the document's own facts ---------- */

export interface StoredFact<F extends FactCore = FactCore> {
  id: string;
  documentId: string;
  indicatorKey: string;
  area: string | null;
  inFootnote: number | null;
  fact: F;
}

function toStored<F extends FactCore>(r: FactCoreRow, fact: F): StoredFact<F> {
  return { id: r.id, documentId: r.document_id, indicatorKey: r.indicator_id ?? r.indicator_folded, area: r.area, inFootnote: r.in_footnote, fact };
}

/** A fact row read by its core columns, as the report wrote it. */
export function storedOf(r: FactCoreRow): StoredFact {
  return toStored(r, extractedCoreOf(r));
}

/** The document's own facts as the loader wrote them. */
export function writtenFacts(loaded: WrittenDocument): StoredFact<Fact>[] {
  const { documentId } = loaded;
  return loaded.facts.map((f) => ({
    id: f.id,
    documentId,
    indicatorKey: f.indicatorId ?? foldLabel(f.indicator),
    area: loaded.area,
    inFootnote: f.inFootnote,
    // the row's document_id is the document's, whatever the input's fact said
    fact: f.documentId === documentId ? f : { ...f, documentId },
  }));
}

/**
 * The document's own facts, in load order, as whole facts: findings quote their sources and
 * `deriveValues` takes facts. The JSON columns (a sentence and a heading path, ~1 kB a fact) are read
 * only when asked for, which for most facts is never; they come from the same transaction's snapshot.
 * Sorted here rather than by SQL: an `order by rowid` made SQLite copy every row through a sorter.
 */
export function factsOf(wh: Warehouse, documentId: string): StoredFact<Fact>[] {
  const rows = wh.prepared(`select f.rowid as rid, ${FACT_CORE_COLUMNS} from facts f where f.document_id = ?`).all(documentId) as (FactCoreRow & {
    rid: number;
  })[];
  rows.sort((a, b) => a.rid - b.rid);
  const jsonOf = wh.prepared(
    `select footnotes, source, heading_path, (select text from sentences where id = sentence_id) as sentence from facts where rowid = ?`,
  );
  type JsonColumns = Pick<FactsTable, 'footnotes' | 'source' | 'heading_path'> & { sentence: string | null };
  return rows.map((r) => {
    let json: JsonColumns | undefined;
    const column = <K extends keyof JsonColumns>(k: K) => (json ??= jsonOf.get(r.rid) as JsonColumns)[k];
    let source: FactSource | undefined;
    let footnotes: number[] | undefined;
    let headingPath: string[] | undefined;
    const fact: Fact = {
      ...extractedCoreOf(r),
      get source() {
        return (source ??= sourceOfRow(column('source'), column('sentence')));
      },
      get footnotes() {
        return (footnotes ??= JSON.parse(column('footnotes')) as number[]);
      },
      get headingPath() {
        return (headingPath ??= JSON.parse(column('heading_path')) as string[]);
      },
    };
    return toStored(r, fact);
  });
}

/* ---------- other documents, many cells at once ---------- */

/**
 * Rows of other documents for many cells at once. The cells go in as one JSON array and are joined to
 * the facts by their (indicator, area, year) index, so a document costs one query, not one per fact.
 * Each row names its cell (the cell's position in the array, json_each's key); grouped here by cell, each
 * group in rowid order: the order the per-fact queries gave, which decides which of several disagreeing
 * facts a finding names.
 * `cross join` keeps the cells the outer loop: a fresh warehouse has no statistics, and the planner then
 * preferred scanning the facts of every current document.
 */
function byCell<R>(rows: R[], cells: number, cellOf: (r: R) => number, ridOf: (r: R) => number): R[][] {
  const out: R[][] = Array.from({ length: cells }, () => []);
  for (const r of rows) out[cellOf(r)]!.push(r);
  for (const g of out) g.sort((a, b) => ridOf(a) - ridOf(b));
  return out;
}
const cellOf = (r: { cell: number }) => r.cell;
const ridOf = (r: { rid: number }) => r.rid;

/** Keys cells by their values, keeping the first position of each. */
export class Cells {
  readonly list: unknown[][] = [];
  private readonly index = new Map<string, number>();
  /** per cell, the values every one of its facts agrees with (see `narrow`); null: none */
  private readonly bands: Array<[number, number] | null> = [];
  at(values: unknown[]): number {
    const key = JSON.stringify(values);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(values);
      this.index.set(key, i);
    }
    return i;
  }

  /**
   * Narrows cell `i`'s band to the values within `tolerance` of `base`. Another document's value inside
   * its cell's band agrees with each of this document's facts there, whatever its own tolerance
   * (tolerances only add), so the query need not return it: where reports repeat each other (the same
   * report in two formats, a later report repeating a figure) most rows of a cell agree, and each would
   * become a JS row for nothing (most rows, on an archive of repeated reports). The band is pulled in by
   * far more than float rounding can move it (bounds computed here, read back by SQLite's JSON), and
   * `agrees` adds its own slack on top, so a row left out is one the exact test would have passed.
   */
  narrow(i: number, base: number, tolerance: number): void {
    const slack = 1e-12 * Math.max(1, Math.abs(base), tolerance);
    const lo = base - tolerance + slack;
    const hi = base + tolerance - slack;
    const band = this.bands[i];
    if (band === null) return;
    if (band === undefined) this.bands[i] = lo <= hi ? [lo, hi] : null;
    else {
      band[0] = Math.max(band[0], lo);
      band[1] = Math.min(band[1], hi);
      if (band[0] > band[1]) this.bands[i] = null;
    }
  }

  /** The cells as the queries read them: their values, then the band's bounds (null: no band). */
  json(): string {
    return JSON.stringify(this.list.map((values, i) => [...values, ...(this.bands[i] ?? [null, null])]));
  }
}

/**
 * Only a year's figures are compared across documents (pipeline/cross-checks.ts `isYearly`): a facts row
 * aliased `f` whose period is its year, or that has none.
 */
const YEARLY_ROW = '(f.period is null or f.period = cast(f.year as text))';

/** SQL: the value `column` is outside the band held at `c.value ->> at`, `at + 1` (or the cell has none). */
function outsideBand(column: string, at: number): string {
  return `(c.value ->> ${at} is null or ${column} is null or ${column} not between c.value ->> ${at} and c.value ->> ${at + 1})`;
}

/**
 * The columns the agreement test reads, as arrays (a document meets hundreds of such rows, most of them
 * agreeing): cell, rowid, kind, original value, original base value, decimals, qualifier, multiplier,
 * and for a disagreeing one its fact id, document and label. Only the few a message quotes are then
 * read whole: in a large archive a fact can disagree with dozens of documents.
 */
export type CandidateRow = [number, number, Fact['kind'], number, number, number, Fact['qualifier'], number, string, string, string];

/**
 * Per cell of `cells` ([indicator id, year, unit, area], then the band), the facts of other current
 * documents (or of another version/format of the same document) stating it outside the band, not in a
 * footnote.
 */
export function candidatesByCell(wh: Warehouse, doc: CheckedDocument, cells: Cells): CandidateRow[][] {
  const rows = wh
    .prepared(
      `select c.key as cell, f.rowid as rid, f.kind, f.original_value, f.original_base_value, f.decimals, f.qualifier, f.multiplier,
       f.id, f.document_id, f.indicator
     from json_each(?) c
     cross join facts f on f.indicator_id = c.value ->> 0 and f.area is c.value ->> 3 and f.year = c.value ->> 1
     join documents d on d.id = f.document_id
     where f.original_unit = c.value ->> 2 and f.document_id <> ? and f.in_footnote is null and ${YEARLY_ROW}
       and (d.superseded_by is null or (? is not null and d.doc_key = ?)) and ${outsideBand('f.original_base_value', 4)}`,
    )
    .raw()
    .all(cells.json(), doc.id, doc.doc_key, doc.doc_key) as CandidateRow[];
  return byCell(
    rows,
    cells.list.length,
    (r) => r[0],
    (r) => r[1],
  );
}

export type OtherRow = FactCoreRow & { file: string; format: string; doc_key: string | null };

/** Reads a candidate whole, by its rowid, with its document's file, format and key. */
export function otherFactReader(wh: Warehouse): (rid: number) => OtherRow {
  const whole = wh.prepared(`select ${FACT_CORE_COLUMNS}, d.file, d.format, d.doc_key from facts f join documents d on d.id = f.document_id where f.rowid = ?`);
  return (rid) => whole.get(rid) as OtherRow;
}

/* ---------- implied values (`derived`) ---------- */

export type DerivedRow = Selectable<DerivedTable>;

/** Replaces the document's implied values with `rows`. */
export function replaceDerived(wh: Warehouse, documentId: string, rows: readonly DerivedRow[]): void {
  const insert = wh.prepared(
    `insert or replace into derived (document_id, from_fact_id, fact_id, indicator_key, indicator, area, year, kind, value, tolerance, unit,
       multiplier, base_value, base_tolerance) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  wh.prepared(`delete from derived where document_id = ?`).run(documentId);
  for (const d of rows) {
    insert.run(
      d.document_id,
      d.from_fact_id,
      d.fact_id,
      d.indicator_key,
      d.indicator,
      d.area,
      d.year,
      d.kind,
      d.value,
      d.tolerance,
      d.unit,
      d.multiplier,
      d.base_value,
      d.base_tolerance,
    );
  }
}

/** The document's own implied values. */
export function derivedOf(wh: Warehouse, documentId: string): DerivedRow[] {
  return allRows(wh, wh.db.selectFrom('derived').selectAll().where('document_id', '=', documentId));
}

export type ImpliedRow = DerivedRow & { cell: number; rid: number; relation: string | null; file: string };

/**
 * Per cell of `implied` ([indicator key, year, kind, unit, area], then the band), the values other current
 * documents imply for it outside the band, each with the relation fact it was computed from if that
 * fact is still there, and its document's file.
 */
export function impliedByCell(wh: Warehouse, doc: CheckedDocument, implied: Cells): ImpliedRow[][] {
  const rows = wh
    .prepared(
      `select c.key as cell, x.rowid as rid, x.*, d.file,
       (select f.id from facts f where f.document_id = x.document_id and f.id = x.from_fact_id) as relation
     from json_each(?) c
     cross join derived x on x.indicator_key = c.value ->> 0 and x.area is c.value ->> 4 and x.year = c.value ->> 1 and x.kind = c.value ->> 2
     join documents d on d.id = x.document_id
     where x.unit = c.value ->> 3 and x.document_id <> ? and d.superseded_by is null and ${outsideBand('x.base_value', 5)}`,
    )
    .all(implied.json(), doc.id) as ImpliedRow[];
  return byCell(rows, implied.list.length, cellOf, ridOf);
}

export type StatedRow = FactCoreRow & { cell: number; rid: number; file: string };

/**
 * Per cell of `cells` ([indicator key, year, unit, area], then the band), the facts other current
 * documents state outside the band, not in a footnote: by catalog id, and by folded label for facts
 * of no catalog indicator.
 */
export function statedByCell(wh: Warehouse, doc: CheckedDocument, cells: Cells): { byIndicator: StatedRow[][]; byLabel: StatedRow[][] } {
  const where = `f.area is c.value ->> 3 and f.year = c.value ->> 1
    join documents d on d.id = f.document_id
    where f.original_unit = c.value ->> 2 and f.document_id <> ? and d.superseded_by is null and f.in_footnote is null and ${YEARLY_ROW}
      and ${outsideBand('f.original_base_value', 4)}`;
  const json = cells.json();
  const byIndicator = byCell(
    wh
      .prepared(
        `select c.key as cell, f.rowid as rid, ${FACT_CORE_COLUMNS}, d.file from json_each(?) c cross join facts f on f.indicator_id = c.value ->> 0 and ${where}`,
      )
      .all(json, doc.id) as StatedRow[],
    cells.list.length,
    cellOf,
    ridOf,
  );
  const byLabel = byCell(
    wh
      .prepared(`select c.key as cell, f.rowid as rid, ${FACT_CORE_COLUMNS}, d.file from json_each(?) c
      cross join facts f on f.indicator_folded = c.value ->> 0 and f.indicator_id is null and ${where}`)
      .all(json, doc.id) as StatedRow[],
    cells.list.length,
    cellOf,
    ridOf,
  );
  return { byIndicator, byLabel };
}

/* ---------- findings ---------- */

/**
 * Inserts findings as mismatches of the document (a mismatch already there is kept) and flags the fact
 * each is about, if it is still `ok`. The writer returns how many rows the insert added (0 or 1).
 */
export function findingWriter(wh: Warehouse, doc: CheckedDocument): (m: Omit<Mismatch, 'documentId'>, factId: string) => number {
  const insert = wh.prepared(insertSql(wh.db, 'mismatches', MISMATCH_COLUMNS, 'ignore'));
  const flag = wh.prepared(`update facts set status = 'flagged' where document_id = ? and id = ? and status = 'ok'`);
  return (m, factId) => {
    const row = mismatchRow(m, doc.id, doc.run_id);
    const added = insert.run(MISMATCH_COLUMNS.map((c) => row[c] ?? null)).changes;
    flag.run(doc.id, factId);
    return added;
  };
}
