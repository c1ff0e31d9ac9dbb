import type { DocumentModel } from '../../schema/document.ts';
import { Fact, isWellFormedFact } from '../../schema/fact.ts';
import type { Mismatch, MismatchType } from '../../schema/mismatch.ts';
import { arithmeticChecks } from './checks/arithmetic.ts';
import { consistencyChecks } from './checks/consistency.ts';
import { buildContext, type AreaPopulation, type Finding } from './checks/context.ts';
import { plausibilityChecks } from './checks/plausibility.ts';
import type { Candidate } from './extract.ts';
import { shortHash } from '../short-hash.ts';
import type { Anomaly } from '../../schema/quantity.ts';
import { formatVietnameseNumber } from '../../extractors/vn-number.ts';
import type { ReadMessage } from '../../schema/document.ts';

/**
 * The validate stage: every fact is checked against its schema; numbers the grammar could not read
 * cleanly, totals that do not match their parts, shares, plans, products and growths that do not add
 * up, one indicator stated twice with different values, and implausible values all become mismatches
 * for a reviewer. Facts involved in a mismatch are `flagged`. Nothing is dropped silently: a fact that
 * fails its schema leaves the fact list but stays, whole, in its mismatch.
 */
export interface Validated {
  facts: Fact[];
  mismatches: Mismatch[];
  /** values read with an inference (a unit the wording implied): not errors, but never silent */
  messages: ReadMessage[];
}

export function mismatchId(documentId: string, type: MismatchType, factIds: readonly string[], extra = ''): string {
  return shortHash(`${documentId}:${type}:${factIds.join(',')}:${extra}`);
}

export function sourceOf(f: Fact): Mismatch['source'] {
  return {
    file: f.source.file,
    ...(f.source.page !== undefined ? { page: f.source.page } : {}),
    block: f.source.block,
    start: f.source.start,
    end: f.source.end,
    text: f.source.text,
  };
}

export function validate(doc: DocumentModel, facts: readonly Fact[], candidates: readonly Candidate[], populations: readonly AreaPopulation[] = []): Validated {
  const mismatches: Mismatch[] = [];
  const kept: Fact[] = [];
  const keptCandidates: Candidate[] = [];
  facts.forEach((fact, index) => {
    // Facts come from normalize, not from outside: zod is asked only about those the cheap check doubts.
    const parsed = isWellFormedFact(fact) ? { success: true as const, data: fact } : Fact.safeParse(fact);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      mismatches.push({
        id: mismatchId(doc.sha256, 'shape', [fact.id]),
        documentId: doc.sha256,
        type: 'shape',
        message: `"${fact.raw}" could not be stored: ${issue?.path.join('.')}: ${issue?.message}`,
        factIds: [],
        expected: null,
        found: Number.isFinite(fact.value) ? fact.value : null,
        difference: null,
        tolerance: null,
        source: sourceOf(fact),
        status: 'open',
      });
      return;
    }
    kept.push(parsed.data);
    const cand = candidates[index];
    if (cand) keptCandidates.push(cand);
    for (const a of cand?.quantity.anomalies ?? []) {
      mismatches.push({
        id: mismatchId(doc.sha256, 'reading', [fact.id], a.code),
        documentId: doc.sha256,
        type: 'reading',
        message: `Số "${fact.raw}" (${fact.indicator}): ${READING_PROBLEMS[a.code](vnNumber(fact.value))}`,
        factIds: [fact.id],
        expected: null,
        found: fact.value,
        difference: null,
        tolerance: null,
        source: sourceOf(fact),
        status: 'open',
      });
    }
  });
  // Checks read candidates next to facts; they only run when the two lists line up one to one (normalize
  // makes one fact per candidate), and say so when they cannot.
  const aligned = kept.length === keptCandidates.length;
  const findings = aligned ? runChecks(doc, kept, keptCandidates, populations) : [];
  const seen = new Set(mismatches.map((m) => m.id));
  for (const f of findings) {
    const ids = f.facts.map((i) => i.fact.id);
    const id = mismatchId(doc.sha256, f.type, ids, f.key);
    if (seen.has(id)) continue;
    seen.add(id);
    mismatches.push({
      id,
      documentId: doc.sha256,
      type: f.type,
      message: f.message,
      factIds: ids,
      expected: f.expected,
      found: f.found,
      difference: f.difference,
      tolerance: f.tolerance,
      source: sourceOf(f.facts[0]!.fact),
      status: 'open',
    });
  }
  const flagged = new Set(mismatches.flatMap((m) => m.factIds));
  const messages: ReadMessage[] = candidates.flatMap((c) =>
    c.inferred.map((why) => ({ type: 'warning' as const, stage: 'validate', block: c.block.index, message: `"${c.quantity.raw}" (${c.label}): ${why}` })),
  );
  if (!aligned) {
    messages.push({
      type: 'error',
      stage: 'validate',
      message: `arithmetic, consistency and plausibility checks not run: ${kept.length} facts but ${keptCandidates.length} extraction candidates to read them with`,
    });
  }
  return { facts: kept.map((f) => (flagged.has(f.id) && f.status === 'ok' ? { ...f, status: 'flagged' as const } : f)), mismatches, messages };
}

function runChecks(doc: DocumentModel, facts: readonly Fact[], candidates: readonly Candidate[], populations: readonly AreaPopulation[]): Finding[] {
  const ctx = buildContext(doc, facts, candidates, populations);
  return [...arithmeticChecks(ctx), ...consistencyChecks(ctx), ...plausibilityChecks(ctx)];
}

/** Reading anomalies of the grammar, said to a reviewer in Vietnamese. */
const READING_PROBLEMS: Readonly<Record<Anomaly['code'], (value: string) => string>> = {
  split_number: (v) => `con số bị tách bởi dấu cách, tạm đọc là ${v}; cần đối chiếu bản gốc`,
  ambiguous_separator: (v) => `dấu phân cách không theo cách viết Việt Nam (dấu chấm phân nghìn, dấu phẩy thập phân), tạm đọc là ${v}`,
  odd_grouping: (v) => `các nhóm chữ số không đều, tạm đọc là ${v}`,
  unknown_unit: (v) => `đơn vị sau số ${v} không có trong danh mục đơn vị`,
  missing_unit: (v) => `số ${v} không ghi đơn vị`,
};

function vnNumber(n: number): string {
  return formatVietnameseNumber(n, (String(n).split('.')[1] ?? '').length);
}
