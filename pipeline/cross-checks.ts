import type { Fact, FactSource } from '../schema/fact.ts';
import type { MismatchType } from '../schema/mismatch.ts';
import type { FactsTable, Warehouse } from '../schema/warehouse.ts';
import { deriveValues } from './stages/checks/arithmetic.ts';
import { sameIndicatorLabel, vn } from './stages/checks/context.ts';
import { kindClass, scaleHint } from './stages/checks/consistency.ts';
import { agrees, tidy, toleranceOf } from './stages/checks/tolerance.ts';
import { mismatchId, sourceOf } from './stages/validate.ts';
import { carryReviewsForward, syncMismatchStatuses } from './review-store.ts';
import { prepared } from './statements.ts';

/**
 * Checks a newly loaded document against the rest of the warehouse: the same indicator, area, year and
 * kind stated with another value by another current document or by another version/format of the same
 * document, and plans or previous-year values implied elsewhere (`đạt 101,49% kế hoạch`, `tăng 1,16%`)
 * against the values this document states (and the other way round). Stores this document's implied
 * values in `derived`, inserts the findings as mismatches of this document, flags their facts, then
 * carries reviewers' decisions over from a version it supersedes and syncs mismatch statuses.
 * Returns how many mismatches it inserted. Call it after a successful load.
 */
export async function checkAcrossDocuments(wh: Warehouse, documentId: string): Promise<number> {
  const doc = prepared(wh, `select id, file, format, doc_key, superseded_by from documents where id = ?`).get(documentId) as
    | { id: string; file: string; format: string; doc_key: string | null; superseded_by: string | null }
    | undefined;
  if (!doc) return 0;
  const mine = factsOf(wh, documentId);
  storeDerived(wh, documentId, mine);
  const findings = [...compareFacts(wh, doc, mine), ...compareDerived(wh, doc, mine)];
  const insert = prepared(wh, 
    `insert or ignore into mismatches (document_id, id, type, message, fact_ids, expected, found, difference, tolerance, source, status, run_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', (select run_id from documents where id = ?))`,
  );
  const flag = prepared(wh, `update facts set status = 'flagged' where document_id = ? and id = ? and status = 'ok'`);
  let inserted = 0;
  wh.sqlite.transaction(() => {
    for (const f of findings) {
      const ids = [f.mine.id, ...(f.other ? [f.other.id] : [])];
      const id = mismatchId(documentId, f.type, ids, f.key);
      inserted += insert.run(
        documentId, id, f.type, f.message, JSON.stringify(ids), f.expected, f.found, f.difference, f.tolerance,
        JSON.stringify(sourceOf(f.mine.fact)), documentId,
      ).changes;
      flag.run(documentId, f.mine.id);
    }
  }).immediate();
  await carryReviewsForward(wh, documentId);
  syncMismatchStatuses(wh, documentId);
  prepared(wh, `update documents set checked_at = ? where id = ?`).run(new Date().toISOString(), documentId);
  return inserted;
}

/**
 * Runs the checks for documents loaded but never checked (a run killed between a document's load and
 * its checks), in load order. Returns how many mismatches that added.
 */
export async function checkPending(wh: Warehouse): Promise<number> {
  const pending = prepared(wh, `select id from documents where checked_at is null order by rowid`).pluck().all() as string[];
  let added = 0;
  for (const id of pending) added += await checkAcrossDocuments(wh, id);
  return added;
}

interface StoredFact {
  id: string;
  documentId: string;
  file: string;
  format: string;
  indicatorKey: string;
  area: string | null;
  inFootnote: number | null;
  fact: Fact;
}

/** The columns of a `facts` row the checks read, with its document's file and format. */
type Row = Pick<
  FactsTable,
  | 'id' | 'document_id' | 'indicator' | 'indicator_folded' | 'indicator_id' | 'original_value' | 'original_unit' | 'unit_text'
  | 'multiplier' | 'original_base_value' | 'year' | 'kind' | 'qualifier' | 'relates_to' | 'footnotes' | 'in_footnote'
  | 'source' | 'original_status' | 'raw' | 'heading_path' | 'decimals' | 'area'
> & { file: string; format: string };

const FACT_SELECT = `select f.id, f.document_id, f.indicator, f.indicator_folded, f.indicator_id, f.original_value, f.original_unit,
  f.unit_text, f.multiplier, f.original_base_value, f.year, f.kind, f.qualifier, f.relates_to, f.footnotes, f.in_footnote,
  f.source, f.original_status, f.raw, f.heading_path, f.decimals, f.area, d.file, d.format
  from facts f join documents d on d.id = f.document_id`;

function toStored(r: Row): StoredFact {
  // Checks compare what the reports wrote (original values): a reviewer's correction must not hide a conflict.
  const fact: Fact = {
    id: r.id,
    documentId: r.document_id,
    indicator: r.indicator,
    indicatorId: r.indicator_id,
    value: r.original_value,
    unit: r.original_unit as Fact['unit'],
    unitText: r.unit_text,
    multiplier: r.multiplier,
    baseValue: r.original_base_value,
    year: r.year,
    kind: r.kind,
    qualifier: r.qualifier as Fact['qualifier'],
    relatesTo: r.relates_to,
    footnotes: JSON.parse(r.footnotes) as number[],
    inFootnote: r.in_footnote,
    source: JSON.parse(r.source) as FactSource,
    status: r.original_status,
    raw: r.raw,
    headingPath: JSON.parse(r.heading_path) as string[],
    decimals: r.decimals,
  };
  return {
    id: r.id, documentId: r.document_id, file: r.file, format: r.format,
    indicatorKey: r.indicator_id ?? r.indicator_folded, area: r.area, inFootnote: r.in_footnote, fact,
  };
}

function factsOf(wh: Warehouse, documentId: string): StoredFact[] {
  return (prepared(wh, `${FACT_SELECT} where f.document_id = ? order by f.rowid`).all(documentId) as Row[]).map(toStored);
}

interface CrossFinding {
  type: MismatchType;
  mine: StoredFact;
  other: StoredFact | null;
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
  return f.inFootnote === null && f.fact.year !== null && f.fact.kind !== 'previous' && f.fact.unit !== null && f.fact.indicatorId !== null;
}

function sameIndicator(a: StoredFact, b: StoredFact): boolean {
  if (a.fact.indicatorId !== null || b.fact.indicatorId !== null) {
    return a.fact.indicatorId === b.fact.indicatorId && sameIndicatorLabel(a.fact.indicator, b.fact.indicator);
  }
  return a.indicatorKey === b.indicatorKey && a.indicatorKey.split(' ').length >= 3;
}

function otherLabel(other: StoredFact, sameDocKey: boolean): string {
  const name = other.file.split(/[\\/]/).at(-1) ?? other.file;
  return sameDocKey ? `bản ${other.format.toUpperCase()} khác của cùng văn bản (${name})` : `văn bản ${name}`;
}

function compareFacts(wh: Warehouse, doc: { id: string; doc_key: string | null }, mine: readonly StoredFact[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  // One query per kind of key, so each uses its (key, year) index: an OR of the two would scan every
  // fact of the year, and the check would slow down as the warehouse grows.
  const common = `and f.year = ? and f.document_id <> ? and f.in_footnote is null and f.original_unit = ?
       and (d.superseded_by is null or (? is not null and d.doc_key = ?)) and f.area is ?`;
  const byId = prepared(wh, `${FACT_SELECT} where f.indicator_id = ? ${common}`);
  const byLabel = prepared(wh, `${FACT_SELECT} where f.indicator_folded = ? and f.indicator_id is null ${common}`);
  const seen = new Set<string>();
  for (const m of mine.filter(comparable)) {
    const args = [m.fact.year, doc.id, m.fact.unit, doc.doc_key, doc.doc_key, m.area];
    const rows = (m.fact.indicatorId !== null ? byId.all(m.fact.indicatorId, ...args) : byLabel.all(m.indicatorKey, ...args)) as Row[];
    const mine = kindClass(m.fact.kind);
    const myTolerance = toleranceOf(m.fact) * 10 ** m.fact.multiplier;
    for (const r of rows) {
      // Cheap tests on the row first: most rows agree, and only a disagreeing one is worth parsing.
      if (kindClass(r.kind) !== mine) continue;
      const tol = myTolerance + toleranceOf({ value: r.original_value, decimals: r.decimals, qualifier: r.qualifier as Fact['qualifier'] }) * 10 ** r.multiplier;
      if (agrees(m.fact.baseValue, r.original_base_value, tol)) continue;
      const o = toStored(r);
      if (!sameIndicator(m, o)) continue;
      const key = `${m.id}|${o.documentId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scale = 10 ** m.fact.multiplier;
      const sameDocKey = doc.doc_key !== null && (prepared(wh, `select doc_key from documents where id = ?`).get(o.documentId) as { doc_key: string | null }).doc_key === doc.doc_key;
      out.push({
        type: 'consistency',
        mine: m,
        other: o,
        message:
          `Cùng chỉ tiêu "${m.fact.indicator}" năm ${m.fact.year} (${m.fact.kind}) nhưng văn bản này ghi ${m.fact.raw.trim()}, ` +
          `còn ${otherLabel(o, sameDocKey)} ghi ${o.fact.raw.trim()}.` + scaleHint(m.fact.baseValue, o.fact.baseValue),
        expected: tidy(o.fact.baseValue / scale),
        found: tidy(m.fact.value),
        difference: tidy((m.fact.baseValue - o.fact.baseValue) / scale),
        tolerance: tidy(tol / scale),
        key: `cross:${o.id}`,
      });
    }
  }
  return out;
}

interface DerivedRow {
  document_id: string;
  from_fact_id: string;
  fact_id: string;
  indicator_key: string;
  indicator: string;
  area: string | null;
  year: number | null;
  kind: 'plan' | 'previous';
  value: number;
  tolerance: number;
  unit: string | null;
  multiplier: number;
  base_value: number;
  base_tolerance: number;
}

function storeDerived(wh: Warehouse, documentId: string, mine: readonly StoredFact[]): void {
  const byId = new Map(mine.map((f) => [f.id, f]));
  const derived = deriveValues(mine.filter((f) => f.inFootnote === null).map((f) => f.fact));
  const insert = prepared(wh, 
    `insert or replace into derived (document_id, from_fact_id, fact_id, indicator_key, indicator, area, year, kind, value, tolerance, unit,
       multiplier, base_value, base_tolerance) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  wh.sqlite.transaction(() => {
    prepared(wh, `delete from derived where document_id = ?`).run(documentId);
    for (const d of derived) {
      const subject = byId.get(d.factId);
      if (!subject) continue;
      const scale = 10 ** d.multiplier;
      insert.run(
        documentId, d.fromFactId, d.factId, subject.indicatorKey, subject.fact.indicator, subject.area, d.year, d.kind, d.value,
        d.tolerance, d.unit, d.multiplier, d.value * scale, d.tolerance * scale,
      );
    }
  }).immediate();
}

/** A stated plan (or result of year Y) against the plan (or the previous-year value of Y + 1) implied elsewhere. */
function compareDerived(wh: Warehouse, doc: { id: string }, mine: readonly StoredFact[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const impliedFor = prepared(wh, 
    `select x.* from derived x join documents d on d.id = x.document_id
     where x.document_id <> ? and d.superseded_by is null and x.indicator_key = ? and x.year = ? and x.kind = ? and x.unit = ? and x.area is ?`,
  );
  const statedWhere = `and f.year = ? and f.document_id <> ? and d.superseded_by is null and f.in_footnote is null
       and f.original_unit = ? and f.area is ?`;
  const statedById = prepared(wh, `${FACT_SELECT} where f.indicator_id = ? ${statedWhere}`);
  const statedByLabel = prepared(wh, `${FACT_SELECT} where f.indicator_folded = ? and f.indicator_id is null ${statedWhere}`);
  const statedFor = (key: string, year: number | null, unit: string | null, area: string | null): Row[] => [
    ...(statedById.all(key, year, doc.id, unit, area) as Row[]),
    ...(statedByLabel.all(key, year, doc.id, unit, area) as Row[]),
  ];
  const judge = (stated: StoredFact, x: DerivedRow, mineIsStated: boolean, relation: StoredFact | null) => {
    const tol = toleranceOf(stated.fact) * 10 ** stated.fact.multiplier + x.base_tolerance;
    if (agrees(x.base_value, stated.fact.baseValue, tol)) return;
    const scale = 10 ** stated.fact.multiplier;
    const what = x.kind === 'plan' ? 'kế hoạch' : `giá trị năm ${x.year}`;
    const mineFact = mineIsStated ? stated : relation;
    if (!mineFact) return;
    out.push({
      type: x.kind === 'plan' ? 'share_of_plan' : 'growth',
      mine: mineFact,
      other: mineIsStated ? relation : stated,
      message:
        `"${stated.fact.indicator}": ${what} ghi ${stated.fact.raw.trim()}, nhưng tỷ lệ/mức tăng ở văn bản ` +
        `${mineIsStated ? 'khác' : 'này'} ngụ ý ${vn(x.value)}${x.unit && x.unit !== 'percent' ? ` (${stated.fact.unitText ?? x.unit})` : ''} ` +
        `(chênh ${vn(tidy((stated.fact.baseValue - x.base_value) / scale))}, sai số cho phép ±${vn(tidy(tol / scale))}).`,
      expected: tidy(x.base_value / scale),
      found: tidy(stated.fact.value),
      difference: tidy((stated.fact.baseValue - x.base_value) / scale),
      tolerance: tidy(tol / scale),
      key: `derived:${x.document_id}:${x.from_fact_id}:${stated.id}`,
    });
  };
  for (const m of mine.filter(comparable)) {
    const kind = m.fact.kind === 'plan' ? 'plan' : kindClass(m.fact.kind) === 'result' ? 'previous' : null;
    if (!kind) continue;
    for (const x of impliedFor.all(doc.id, m.indicatorKey, m.fact.year, kind, m.fact.unit, m.area) as DerivedRow[]) {
      const relation = factsOfIds(wh, x.document_id, [x.from_fact_id])[0] ?? null;
      judge(m, x, true, relation);
    }
  }
  const myDerived = prepared(wh, `select * from derived where document_id = ?`).all(doc.id) as DerivedRow[];
  const byId = new Map(mine.map((f) => [f.id, f]));
  for (const x of myDerived) {
    const relation = byId.get(x.from_fact_id) ?? null;
    for (const r of statedFor(x.indicator_key, x.year, x.unit, x.area)) {
      const stated = toStored(r);
      const wanted = x.kind === 'plan' ? stated.fact.kind === 'plan' : kindClass(stated.fact.kind) === 'result';
      if (wanted && sameIndicatorLabel(stated.fact.indicator, x.indicator)) judge(stated, x, false, relation);
    }
  }
  return out;
}

function factsOfIds(wh: Warehouse, documentId: string, ids: readonly string[]): StoredFact[] {
  const stmt = prepared(wh, `${FACT_SELECT} where f.document_id = ? and f.id = ?`);
  return ids.map((id) => stmt.get(documentId, id) as Row | undefined).filter((r): r is Row => r !== undefined).map(toStored);
}
