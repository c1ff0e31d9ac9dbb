import { deriveValues } from '../pipeline/stages/checks/arithmetic.ts';
import { sameIndicatorLabel, vn } from '../pipeline/stages/checks/context.ts';
import { kindClass, scaleHint } from '../pipeline/stages/checks/consistency.ts';
import { agrees, tidy, toleranceOf } from '../pipeline/stages/checks/tolerance.ts';
import { mismatchId, sourceOf } from '../pipeline/stages/validate.ts';
import type { Fact, FactSource } from '../schema/fact.ts';
import type { WrittenDocument } from '../schema/load-input.ts';
import type { MismatchType } from '../schema/mismatch.ts';
import type { Selectable } from 'kysely';
import type { DerivedTable, DocumentsTable, FactsTable } from '../schema/warehouse.ts';
import { foldLabel } from './documents.ts';
import { carryReviewsForwardSync, syncMismatchStatuses } from './reviews.ts';
import {
  extractedCoreOf,
  FACT_CORE_COLUMNS,
  MISMATCH_COLUMNS,
  mismatchRow,
  sourceOfRow,
  type FactCore,
  type FactCoreRow,
} from './rows.ts';
import { insertSql } from './statements.ts';
import type { Warehouse } from './warehouse.ts';

/**
 * Checks a newly loaded document against the rest of the warehouse: the same indicator, area, year and
 * kind stated with another value by another current document or by another version/format of the same
 * document, and plans or previous-year values implied elsewhere (`đạt 101,49% kế hoạch`, `tăng 1,16%`)
 * against the values this document states (and the other way round). Stores this document's implied
 * values in `derived`, inserts the findings as mismatches of this document, flags their facts, then
 * carries reviewers' decisions over from a version it supersedes and syncs mismatch statuses.
 * Returns how many mismatches it inserted. Call it after a successful load, with what the load wrote
 * (its outcome's `written`) when it is this document: the checks then need not read back every row they
 * were just handed, which cost more than the checks themselves.
 *
 * All of it is one transaction: one commit per document instead of four (each commit rewrites every
 * index page it touched), and a run killed midway leaves the document unchecked (`checked_at` null)
 * rather than half checked.
 */
export async function checkAcrossDocuments(wh: Warehouse, documentId: string, written: WrittenDocument | null = null): Promise<number> {
  return wh.sqlite.transaction(() => checkDocument(wh, documentId, written)).immediate();
}

/**
 * Runs the checks for documents loaded but never checked (a run killed between a document's load and
 * its checks), in load order. Returns how many mismatches that added.
 */
export async function checkPending(wh: Warehouse): Promise<number> {
  const pending = wh.prepared(`select id from documents where checked_at is null order by rowid`).pluck().all() as string[];
  let added = 0;
  for (const id of pending) added += await checkAcrossDocuments(wh, id);
  return added;
}

type CheckedDocument = Pick<DocumentsTable, 'id' | 'doc_key' | 'run_id'>;

function checkDocument(wh: Warehouse, documentId: string, written: WrittenDocument | null): number {
  const doc = wh.prepared(`select id, doc_key, run_id from documents where id = ?`).get(documentId) as CheckedDocument | undefined;
  if (!doc) return 0;
  const mine = written?.documentId === documentId ? writtenFacts(written) : factsOf(wh, documentId);
  storeDerived(wh, documentId, mine);
  const findings = [...compareFacts(wh, doc, mine), ...compareDerived(wh, doc, mine)];
  const insert = wh.prepared(insertSql(wh.db, 'mismatches', MISMATCH_COLUMNS, 'ignore'));
  const flag = wh.prepared(`update facts set status = 'flagged' where document_id = ? and id = ? and status = 'ok'`);
  let inserted = 0;
  for (const f of findings) {
    const factIds = [f.mine.id, ...f.others.map((o) => o.id)];
    const id = mismatchId(documentId, f.type, factIds, f.key);
    const row = mismatchRow(
      {
        id, type: f.type, message: f.message, factIds, expected: f.expected, found: f.found, difference: f.difference,
        tolerance: f.tolerance, source: sourceOf(f.mine.fact), status: 'open',
      },
      documentId,
      doc.run_id,
    );
    inserted += insert.run(MISMATCH_COLUMNS.map((c) => row[c] ?? null)).changes;
    flag.run(documentId, f.mine.id);
  }
  carryReviewsForwardSync(wh, documentId);
  syncMismatchStatuses(wh, documentId);
  wh.prepared(`update documents set checked_at = ? where id = ?`).run(new Date().toISOString(), documentId);
  return inserted;
}

interface StoredFact<F extends FactCore = FactCore> {
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

/** The document's own facts as the loader wrote them. */
function writtenFacts(loaded: WrittenDocument): StoredFact<Fact>[] {
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
function factsOf(wh: Warehouse, documentId: string): StoredFact<Fact>[] {
  const rows = wh.prepared(`select f.rowid as rid, ${FACT_CORE_COLUMNS} from facts f where f.document_id = ?`).all(documentId) as (FactCoreRow & { rid: number })[];
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

interface CrossFinding {
  type: MismatchType;
  mine: StoredFact<Fact>;
  /** the other documents' facts it disagrees with, the one `expected` comes from first */
  others: readonly { id: string }[];
  message: string;
  expected: number;
  found: number;
  difference: number;
  tolerance: number;
  key: string;
}

/**
 * Facts worth comparing across documents: stated values with a year, not a footnote's breakdown, of an
 * indicator of the catalog. Free labels are compared within one document (the validate stage); across
 * documents their wording varies too much for equal labels to mean the same indicator, and looking each
 * one up made the check cost more than the load it follows.
 */
function comparable(f: StoredFact): boolean {
  const { fact } = f;
  return f.inFootnote === null && fact.year !== null && isYearly(fact) && fact.kind !== 'previous' && fact.unit !== null && fact.indicatorId !== null;
}

/** A year's figure, not a quarter's or a running total's: only those are compared across documents, by year. */
function isYearly(f: Pick<Fact, 'year' | 'period'>): boolean {
  return f.period === null || f.period === String(f.year);
}
/** isYearly in SQL, for a `facts` row aliased `f`. */
const YEARLY_ROW = '(f.period is null or f.period = cast(f.year as text))';

function otherLabel(file: string, format: string, sameDocKey: boolean): string {
  const name = fileName(file);
  return sameDocKey ? `bản ${format.toUpperCase()} khác của cùng văn bản (${name})` : `văn bản ${name}`;
}

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
class Cells {
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
type CandidateRow = [number, number, Fact['kind'], number, number, number, Fact['qualifier'], number, string, string, string];

type OtherRow = FactCoreRow & { file: string; format: string; doc_key: string | null };

/** A consistency finding's message quotes this many other documents, then counts the rest. */
const LISTED_DOCUMENTS = 5;

function compareFacts(wh: Warehouse, doc: CheckedDocument, mine: readonly StoredFact<Fact>[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const cells = new Cells();
  const todo = mine.filter(comparable).map((m) => ({ m, cell: cells.at([m.fact.indicatorId, m.fact.year, m.fact.unit, m.area]) }));
  if (todo.length === 0) return out;
  for (const { m, cell } of todo) cells.narrow(cell, m.fact.baseValue, toleranceOf(m.fact) * 10 ** m.fact.multiplier);
  const rows = wh.prepared(
    `select c.key as cell, f.rowid as rid, f.kind, f.original_value, f.original_base_value, f.decimals, f.qualifier, f.multiplier,
       f.id, f.document_id, f.indicator
     from json_each(?) c
     cross join facts f on f.indicator_id = c.value ->> 0 and f.area is c.value ->> 3 and f.year = c.value ->> 1
     join documents d on d.id = f.document_id
     where f.original_unit = c.value ->> 2 and f.document_id <> ? and f.in_footnote is null and ${YEARLY_ROW}
       and (d.superseded_by is null or (? is not null and d.doc_key = ?)) and ${outsideBand('f.original_base_value', 4)}`,
  ).raw().all(cells.json(), doc.id, doc.doc_key, doc.doc_key) as CandidateRow[];
  const grouped = byCell(rows, cells.list.length, (r) => r[0], (r) => r[1]);
  const whole = wh.prepared(`select ${FACT_CORE_COLUMNS}, d.file, d.format, d.doc_key from facts f join documents d on d.id = f.document_id where f.rowid = ?`);
  for (const { m, cell } of todo) {
    const mine = kindClass(m.fact.kind);
    const myTolerance = toleranceOf(m.fact) * 10 ** m.fact.multiplier;
    // every other document that states this cell otherwise, in load order, each once
    const against: { id: string; rid: number; baseValue: number; tol: number }[] = [];
    const documents = new Set<string>();
    for (const [, rid, kind, value, baseValue, decimals, qualifier, multiplier, id, documentId, indicator] of grouped[cell]!) {
      if (kindClass(kind) !== mine) continue;
      const tol = myTolerance + toleranceOf({ value, decimals, qualifier }) * 10 ** multiplier;
      if (agrees(m.fact.baseValue, baseValue, tol)) continue;
      // the cell is keyed by catalog id, so the same indicator is the same id and a label that says so
      if (documents.has(documentId) || !sameIndicatorLabel(m.fact.indicator, indicator)) continue;
      documents.add(documentId);
      against.push({ id, rid, baseValue, tol });
    }
    if (against.length === 0) continue;
    // One finding a fact, naming every document that disagrees: one a pair grew with the square of the
    // documents stating a cell, and told a reviewer the same thing once per other document.
    const { baseValue: firstValue, tol } = against[0]!;
    const scale = 10 ** m.fact.multiplier;
    const said = against.slice(0, LISTED_DOCUMENTS).map(({ rid }) => {
      const row = whole.get(rid) as OtherRow;
      const sameDocKey = doc.doc_key !== null && row.doc_key === doc.doc_key;
      return `${otherLabel(row.file, row.format, sameDocKey)} ghi ${row.raw.trim()}`;
    });
    const more = against.length > LISTED_DOCUMENTS ? ` và ${against.length - LISTED_DOCUMENTS} văn bản khác cũng ghi khác` : '';
    out.push({
      type: 'consistency',
      mine: m,
      others: against,
      message:
        `Cùng chỉ tiêu "${m.fact.indicator}" năm ${m.fact.year} (${m.fact.kind}) nhưng văn bản này ghi ${m.fact.raw.trim()}, ` +
        `còn ${said.join('; ')}${more}.` + scaleHint(m.fact.baseValue, firstValue),
      expected: tidy(firstValue / scale),
      found: tidy(m.fact.value),
      difference: tidy((m.fact.baseValue - firstValue) / scale),
      tolerance: tidy(tol / scale),
      key: 'cross',
    });
  }
  return out;
}

type DerivedRow = Selectable<DerivedTable>;

function storeDerived(wh: Warehouse, documentId: string, mine: readonly StoredFact<Fact>[]): void {
  const byId = new Map(mine.map((f) => [f.id, f]));
  const derived = deriveValues(mine.filter((f) => f.inFootnote === null && isYearly(f.fact)).map((f) => f.fact));
  const insert = wh.prepared(
    `insert or replace into derived (document_id, from_fact_id, fact_id, indicator_key, indicator, area, year, kind, value, tolerance, unit,
       multiplier, base_value, base_tolerance) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  wh.prepared(`delete from derived where document_id = ?`).run(documentId);
  for (const d of derived) {
    const subject = byId.get(d.factId);
    if (!subject) continue;
    const scale = 10 ** d.multiplier;
    insert.run(
      documentId, d.fromFactId, d.factId, subject.indicatorKey, subject.fact.indicator, subject.area, d.year, d.kind, d.value,
      d.tolerance, d.unit, d.multiplier, d.value * scale, d.tolerance * scale,
    );
  }
}

type ImpliedRow = DerivedRow & { cell: number; rid: number; relation: string | null; file: string };
type StatedRow = FactCoreRow & { cell: number; rid: number; file: string };

/** A stated plan (or result of year Y) against the plan (or the previous-year value of Y + 1) implied elsewhere. */
function compareDerived(wh: Warehouse, doc: CheckedDocument, mine: readonly StoredFact<Fact>[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  /** A stated value against an implied one, where they disagree: the gap and the tolerance, in the stated scale. */
  const gapOf = (stated: StoredFact, x: DerivedRow) => {
    const tol = toleranceOf(stated.fact) * 10 ** stated.fact.multiplier + x.base_tolerance;
    return agrees(x.base_value, stated.fact.baseValue, tol) ? null : { stated, x, tol };
  };
  type Gap = NonNullable<ReturnType<typeof gapOf>>;
  const implies = (x: DerivedRow, stated: StoredFact) =>
    `${vn(x.value)}${x.unit && x.unit !== 'percent' ? ` (${stated.fact.unitText ?? x.unit})` : ''}`;
  /**
   * One finding for a fact of this document and every document that disagrees with it (as in
   * compareFacts): `mine` is this document's fact, the stated one or the relation that implies the value;
   * the figures are those of the first disagreement, the message names the rest.
   */
  const report = (gaps: Gap[], mine: StoredFact<Fact>, others: { id: string }[], mineIsStated: boolean, key: string, files: string[]) => {
    const { stated, x, tol } = gaps[0]!;
    const scale = 10 ** stated.fact.multiplier;
    const what = x.kind === 'plan' ? 'kế hoạch' : `giá trị năm ${x.year}`;
    const tail = `(chênh ${vn(tidy((stated.fact.baseValue - x.base_value) / scale))}, sai số cho phép ±${vn(tidy(tol / scale))})`;
    let message: string;
    if (gaps.length === 1) {
      message =
        `"${stated.fact.indicator}": ${what} ghi ${stated.fact.raw.trim()}, nhưng tỷ lệ/mức tăng ở văn bản ` +
        `${mineIsStated ? 'khác' : 'này'} ngụ ý ${implies(x, stated)} ${tail}.`;
    } else {
      const listed = gaps.slice(0, LISTED_DOCUMENTS).map((g, i) =>
        mineIsStated ? `${implies(g.x, g.stated)} (${fileName(files[i]!)})` : `${g.stated.fact.raw.trim()} (${fileName(files[i]!)})`,
      );
      const more = gaps.length > LISTED_DOCUMENTS ? ` và ${gaps.length - LISTED_DOCUMENTS} văn bản khác` : '';
      message = mineIsStated
        ? `"${stated.fact.indicator}": ${what} ghi ${stated.fact.raw.trim()}, nhưng tỷ lệ/mức tăng ở ${gaps.length} văn bản khác ngụ ý ` +
          `${listed.join('; ')}${more}; với văn bản đầu tiên ${tail}.`
        : `"${stated.fact.indicator}": tỷ lệ/mức tăng ở văn bản này ngụ ý ${what} ${implies(x, stated)}, nhưng ${gaps.length} văn bản khác ghi ` +
          `${listed.join('; ')}${more}; với văn bản đầu tiên ${tail}.`;
    }
    out.push({
      type: x.kind === 'plan' ? 'share_of_plan' : 'growth',
      mine,
      others,
      message,
      expected: tidy(x.base_value / scale),
      found: tidy(stated.fact.value),
      difference: tidy((stated.fact.baseValue - x.base_value) / scale),
      tolerance: tidy(tol / scale),
      key,
    });
  };

  // This document's stated plans and results against what other documents imply for them.
  const implied = new Cells();
  const stated = mine.filter(comparable).flatMap((m) => {
    const kind = m.fact.kind === 'plan' ? 'plan' : kindClass(m.fact.kind) === 'result' ? 'previous' : null;
    return kind ? [{ m, cell: implied.at([m.indicatorKey, m.fact.year, kind, m.fact.unit, m.area]) }] : [];
  });
  for (const { m, cell } of stated) implied.narrow(cell, m.fact.baseValue, toleranceOf(m.fact) * 10 ** m.fact.multiplier);
  if (stated.length > 0) {
    const rows = wh.prepared(
      `select c.key as cell, x.rowid as rid, x.*, d.file,
         (select f.id from facts f where f.document_id = x.document_id and f.id = x.from_fact_id) as relation
       from json_each(?) c
       cross join derived x on x.indicator_key = c.value ->> 0 and x.area is c.value ->> 4 and x.year = c.value ->> 1 and x.kind = c.value ->> 2
       join documents d on d.id = x.document_id
       where x.unit = c.value ->> 3 and x.document_id <> ? and d.superseded_by is null and ${outsideBand('x.base_value', 5)}`,
    ).all(implied.json(), doc.id) as ImpliedRow[];
    const grouped = byCell(rows, implied.list.length, cellOf, ridOf);
    for (const { m, cell } of stated) {
      const against = grouped[cell]!.flatMap((x) => {
        const gap = gapOf(m, x);
        return gap ? [{ gap, x }] : [];
      });
      if (against.length === 0) continue;
      const others = against.flatMap(({ x }) => (x.relation === null ? [] : [{ id: x.relation }]));
      report(against.map((a) => a.gap), m, others, true, `derived:stated:${m.id}`, against.map(({ x }) => x.file));
    }
  }

  // What this document implies against the plans and results other documents state.
  const myDerived = wh.prepared(`select * from derived where document_id = ?`).all(doc.id) as DerivedRow[];
  if (myDerived.length === 0) return out;
  const byId = new Map(mine.map((f) => [f.id, f]));
  const cells = new Cells();
  const todo = myDerived.map((x) => ({ x, cell: cells.at([x.indicator_key, x.year, x.unit, x.area]) }));
  for (const { x, cell } of todo) cells.narrow(cell, x.base_value, x.base_tolerance);
  const where = `f.area is c.value ->> 3 and f.year = c.value ->> 1
    join documents d on d.id = f.document_id
    where f.original_unit = c.value ->> 2 and f.document_id <> ? and d.superseded_by is null and f.in_footnote is null and ${YEARLY_ROW}
      and ${outsideBand('f.original_base_value', 4)}`;
  const json = cells.json();
  const byIndicator = byCell(
    wh.prepared(`select c.key as cell, f.rowid as rid, ${FACT_CORE_COLUMNS}, d.file from json_each(?) c cross join facts f on f.indicator_id = c.value ->> 0 and ${where}`)
      .all(json, doc.id) as StatedRow[],
    cells.list.length,
    cellOf,
    ridOf,
  );
  const byLabel = byCell(
    wh.prepared(`select c.key as cell, f.rowid as rid, ${FACT_CORE_COLUMNS}, d.file from json_each(?) c
      cross join facts f on f.indicator_folded = c.value ->> 0 and f.indicator_id is null and ${where}`).all(json, doc.id) as StatedRow[],
    cells.list.length,
    cellOf,
    ridOf,
  );
  for (const { x, cell } of todo) {
    const relation = byId.get(x.from_fact_id);
    if (!relation) continue;
    const against = [...byIndicator[cell]!, ...byLabel[cell]!].flatMap((r) => {
      const wanted = x.kind === 'plan' ? r.kind === 'plan' : kindClass(r.kind) === 'result';
      if (!wanted || !sameIndicatorLabel(r.indicator, x.indicator)) return [];
      const gap = gapOf(toStored(r, extractedCoreOf(r)), x);
      return gap ? [{ gap, file: r.file }] : [];
    });
    if (against.length === 0) continue;
    report(against.map((a) => a.gap), relation, against.map((a) => a.gap.stated), false, `derived:implied:${x.from_fact_id}`, against.map((a) => a.file));
  }
  return out;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}
