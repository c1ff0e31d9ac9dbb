import type { Fact } from '../schema/fact.ts';
import type { WrittenDocument } from '../schema/load-input.ts';
import type { MismatchType } from '../schema/mismatch.ts';
import {
  Cells,
  type CheckedDocument,
  candidatesByCell,
  checkedDocument,
  type DerivedRow,
  derivedOf,
  factsOf,
  findingWriter,
  impliedByCell,
  inCheckTransaction,
  markChecked,
  otherFactReader,
  pendingDocuments,
  replaceDerived,
  type StoredFact,
  statedByCell,
  storedOf,
  writtenFacts,
} from '../store/cross-queries.ts';
import { carryReviewsForwardSync, syncMismatchStatuses } from '../store/reviews.ts';
import type { Warehouse } from '../store/warehouse.ts';
import { deriveValues } from './stages/checks/arithmetic.ts';
import { kindClass, scaleHint } from './stages/checks/consistency.ts';
import { sameIndicatorLabel, vn } from './stages/checks/context.ts';
import { agrees, tidy, toleranceOf } from './stages/checks/tolerance.ts';
import { mismatchId, sourceOf } from './stages/validate.ts';

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
  return inCheckTransaction(wh, () => checkDocument(wh, documentId, written));
}

/**
 * Runs the checks for documents loaded but never checked (a run killed between a document's load and
 * its checks), in load order. Returns how many mismatches that added.
 */
export async function checkPending(wh: Warehouse): Promise<number> {
  const pending = pendingDocuments(wh);
  let added = 0;
  for (const id of pending) added += await checkAcrossDocuments(wh, id);
  return added;
}

function checkDocument(wh: Warehouse, documentId: string, written: WrittenDocument | null): number {
  const doc = checkedDocument(wh, documentId);
  if (!doc) return 0;
  const mine = written?.documentId === documentId ? writtenFacts(written) : factsOf(wh, documentId);
  storeDerived(wh, documentId, mine);
  const findings = [...compareFacts(wh, doc, mine), ...compareDerived(wh, doc, mine)];
  const insert = findingWriter(wh, doc);
  let inserted = 0;
  for (const f of findings) {
    const factIds = [f.mine.id, ...f.others.map((o) => o.id)];
    const id = mismatchId(documentId, f.type, factIds, f.key);
    inserted += insert(
      {
        id,
        type: f.type,
        message: f.message,
        factIds,
        expected: f.expected,
        found: f.found,
        difference: f.difference,
        tolerance: f.tolerance,
        source: sourceOf(f.mine.fact),
        status: 'open',
      },
      f.mine.id,
    );
  }
  carryReviewsForwardSync(wh, documentId);
  syncMismatchStatuses(wh, documentId);
  markChecked(wh, documentId);
  return inserted;
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

function otherLabel(file: string, format: string, sameDocKey: boolean): string {
  const name = fileName(file);
  return sameDocKey ? `bản ${format.toUpperCase()} khác của cùng văn bản (${name})` : `văn bản ${name}`;
}

/** A consistency finding's message quotes this many other documents, then counts the rest. */
const LISTED_DOCUMENTS = 5;

function compareFacts(wh: Warehouse, doc: CheckedDocument, mine: readonly StoredFact<Fact>[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const cells = new Cells();
  const todo = mine.filter(comparable).map((m) => ({ m, cell: cells.at([m.fact.indicatorId, m.fact.year, m.fact.unit, m.area]) }));
  if (todo.length === 0) return out;
  for (const { m, cell } of todo) cells.narrow(cell, m.fact.baseValue, toleranceOf(m.fact) * 10 ** m.fact.multiplier);
  const grouped = candidatesByCell(wh, doc, cells);
  const whole = otherFactReader(wh);
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
      const row = whole(rid);
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
        `còn ${said.join('; ')}${more}.` +
        scaleHint(m.fact.baseValue, firstValue),
      expected: tidy(firstValue / scale),
      found: tidy(m.fact.value),
      difference: tidy((m.fact.baseValue - firstValue) / scale),
      tolerance: tidy(tol / scale),
      key: 'cross',
    });
  }
  return out;
}

/** The document's implied values (deriveValues over its facts outside footnotes), replacing what it had. */
function storeDerived(wh: Warehouse, documentId: string, mine: readonly StoredFact<Fact>[]): void {
  const byId = new Map(mine.map((f) => [f.id, f]));
  const derived = deriveValues(mine.filter((f) => f.inFootnote === null && isYearly(f.fact)).map((f) => f.fact));
  const rows: DerivedRow[] = [];
  for (const d of derived) {
    const subject = byId.get(d.factId);
    if (!subject) continue;
    const scale = 10 ** d.multiplier;
    rows.push({
      document_id: documentId,
      from_fact_id: d.fromFactId,
      fact_id: d.factId,
      indicator_key: subject.indicatorKey,
      indicator: subject.fact.indicator,
      area: subject.area,
      year: d.year,
      kind: d.kind,
      value: d.value,
      tolerance: d.tolerance,
      unit: d.unit,
      multiplier: d.multiplier,
      base_value: d.value * scale,
      base_tolerance: d.tolerance * scale,
    });
  }
  replaceDerived(wh, documentId, rows);
}

/** A stated plan (or result of year Y) against the plan (or the previous-year value of Y + 1) implied elsewhere. */
function compareDerived(wh: Warehouse, doc: CheckedDocument, mine: readonly StoredFact<Fact>[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  /** A stated value against an implied one, where they disagree: the gap and the tolerance, in the stated scale. */
  const gapOf = (stated: StoredFact, x: DerivedRow) => {
    const tol = toleranceOf(stated.fact) * 10 ** stated.fact.multiplier + x.base_tolerance;
    return agrees(x.base_value, stated.fact.baseValue, tol) ? null : { stated, x, tol };
  };
  type Gap = NonNullable<ReturnType<typeof gapOf>>;
  const implies = (x: DerivedRow, stated: StoredFact) => `${vn(x.value)}${x.unit && x.unit !== 'percent' ? ` (${stated.fact.unitText ?? x.unit})` : ''}`;
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
      const listed = gaps
        .slice(0, LISTED_DOCUMENTS)
        .map((g, i) => (mineIsStated ? `${implies(g.x, g.stated)} (${fileName(files[i]!)})` : `${g.stated.fact.raw.trim()} (${fileName(files[i]!)})`));
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
    const grouped = impliedByCell(wh, doc, implied);
    for (const { m, cell } of stated) {
      const against = grouped[cell]!.flatMap((x) => {
        const gap = gapOf(m, x);
        return gap ? [{ gap, x }] : [];
      });
      if (against.length === 0) continue;
      const others = against.flatMap(({ x }) => (x.relation === null ? [] : [{ id: x.relation }]));
      report(
        against.map((a) => a.gap),
        m,
        others,
        true,
        `derived:stated:${m.id}`,
        against.map(({ x }) => x.file),
      );
    }
  }

  // What this document implies against the plans and results other documents state.
  const myDerived = derivedOf(wh, doc.id);
  if (myDerived.length === 0) return out;
  const byId = new Map(mine.map((f) => [f.id, f]));
  const cells = new Cells();
  const todo = myDerived.map((x) => ({ x, cell: cells.at([x.indicator_key, x.year, x.unit, x.area]) }));
  for (const { x, cell } of todo) cells.narrow(cell, x.base_value, x.base_tolerance);
  const { byIndicator, byLabel } = statedByCell(wh, doc, cells);
  for (const { x, cell } of todo) {
    const relation = byId.get(x.from_fact_id);
    if (!relation) continue;
    const against = [...byIndicator[cell]!, ...byLabel[cell]!].flatMap((r) => {
      const wanted = x.kind === 'plan' ? r.kind === 'plan' : kindClass(r.kind) === 'result';
      if (!wanted || !sameIndicatorLabel(r.indicator, x.indicator)) return [];
      const gap = gapOf(storedOf(r), x);
      return gap ? [{ gap, file: r.file }] : [];
    });
    if (against.length === 0) continue;
    report(
      against.map((a) => a.gap),
      relation,
      against.map((a) => a.gap.stated),
      false,
      `derived:implied:${x.from_fact_id}`,
      against.map((a) => a.file),
    );
  }
  return out;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}
