import { LOW_CONFIDENCE } from '../../extractors/ocr-spans.ts';
import { formatVietnameseNumber } from '../../extractors/vn-number.ts';
import type { AreaPopulation } from '../../schema/catalog.ts';
import { Fact, isWellFormedFact } from '../../schema/fact.ts';
import type { Mismatch, MismatchType } from '../../schema/mismatch.ts';
import type { PlaceInFile } from '../../schema/place.ts';
import type { Anomaly } from '../../schema/quantity.ts';
import type { DocumentFile } from '../file.ts';
import { shortHash } from '../short-hash.ts';
import { arithmeticChecks } from './checks/arithmetic.ts';
import { consistencyChecks } from './checks/consistency.ts';
import { buildContext, type Finding } from './checks/context.ts';
import { plausibilityChecks } from './checks/plausibility.ts';
import type { Normalization, NormalizedFact } from './normalize.ts';

/**
 * The validate stage: every fact is checked against its schema; numbers the grammar could not read
 * cleanly, totals that do not match their parts, shares, plans, products and growths that do not add
 * up, one indicator stated twice with different values, and implausible values all become mismatches
 * for a reviewer. Facts involved in a mismatch are `flagged`. Nothing is dropped silently: a fact that
 * fails its schema leaves the fact list but stays, whole, in its mismatch. Values read with an
 * inference (a unit the wording implied) are not errors, but never silent: each is a warning.
 */
export interface Validated {
  facts: Fact[];
  mismatches: Mismatch[];
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

export function validate({ doc, facts }: Normalization, file: DocumentFile, populations: readonly AreaPopulation[] = []): Validated {
  const mismatches: Mismatch[] = [];
  const kept: NormalizedFact[] = [];
  for (const { fact, reading } of facts) {
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
      continue;
    }
    kept.push({ fact: parsed.data, reading });
    for (const a of reading.anomalies) {
      mismatches.push(readingMismatch(doc.sha256, fact, a.code, READING_PROBLEMS[a.code](vnNumber(fact.value))));
    }
    // OCR was unsure of the number's characters, or its reading was repaired: a reviewer reads them off the page image
    const ocr = fact.source.ocr;
    if (ocr && (ocr.confidence < LOW_CONFIDENCE || ocr.doubt)) {
      const page = fact.source.page === undefined ? '' : ` trang ${fact.source.page}`;
      const why = [ocr.confidence < LOW_CONFIDENCE ? `độ tin cậy ${vnNumber(ocr.confidence)}%` : null, ocr.doubt ?? null].filter(Boolean).join('; ');
      mismatches.push(
        readingMismatch(doc.sha256, fact, 'ocr-doubt', `đọc bằng OCR (${why}), tạm đọc là ${vnNumber(fact.value)}; cần đối chiếu ảnh${page} của bản quét`),
      );
    }
    // Nothing in the document (wording, headings, title, date) says the year: a reviewer must.
    if (fact.year === null) {
      mismatches.push(readingMismatch(doc.sha256, fact, 'no-period', 'văn bản không cho biết số liệu thuộc năm, kỳ nào; cần xác định kỳ báo cáo'));
    }
  }
  const findings = runChecks(doc, kept, populations);
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
  for (const { fact, reading } of facts) {
    for (const why of reading.inferred) {
      file.message(`"${fact.raw}" (${fact.indicator}): ${why}`, {
        stage: 'validate',
        ruleId: 'validate:inferred-unit',
        place: placeOfFact(fact),
        fatal: false,
      });
    }
  }
  return { facts: kept.map(({ fact: f }) => (flagged.has(f.id) && f.status === 'ok' ? { ...f, status: 'flagged' as const } : f)), mismatches };
}

/** Where a fact was read, as a message's place: its page, block and offsets. */
function placeOfFact(f: Fact): PlaceInFile {
  return { ...(f.source.page !== undefined ? { page: f.source.page } : {}), block: f.source.block, start: f.source.start, end: f.source.end };
}

function runChecks(doc: Normalization['doc'], facts: readonly NormalizedFact[], populations: readonly AreaPopulation[]): Finding[] {
  const ctx = buildContext(doc.metadata, facts, populations);
  return [...arithmeticChecks(ctx), ...consistencyChecks(ctx), ...plausibilityChecks(ctx)];
}

/** A number a reviewer must read again: what is wrong with it, on the fact itself. */
function readingMismatch(documentId: string, fact: Fact, key: string, problem: string): Mismatch {
  return {
    id: mismatchId(documentId, 'reading', [fact.id], key),
    documentId,
    type: 'reading',
    message: `Số "${fact.raw}" (${fact.indicator}): ${problem}`,
    factIds: [fact.id],
    expected: null,
    found: fact.value,
    difference: null,
    tolerance: null,
    source: sourceOf(fact),
    status: 'open',
  };
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
