import { createHash } from 'node:crypto';
import type { DocumentModel } from '../../schema/document.ts';
import { Fact } from '../../schema/fact.ts';
import type { Mismatch, MismatchType } from '../../schema/mismatch.ts';
import type { Candidate } from './extract.ts';

/**
 * The validate stage: every fact is checked against its schema, and every number the grammar could
 * not read cleanly becomes a mismatch for a reviewer. Nothing is dropped silently: a fact that fails
 * its schema leaves the fact list but stays, whole, in its mismatch.
 */
export interface Validated {
  facts: Fact[];
  mismatches: Mismatch[];
}

export function mismatchId(documentId: string, type: MismatchType, factIds: readonly string[], extra = ''): string {
  return createHash('sha256').update(`${documentId}:${type}:${factIds.join(',')}:${extra}`).digest('hex').slice(0, 32);
}

function sourceOf(f: Fact): Mismatch['source'] {
  return {
    file: f.source.file,
    ...(f.source.page !== undefined ? { page: f.source.page } : {}),
    block: f.source.block,
    start: f.source.start,
    end: f.source.end,
    text: f.source.text,
  };
}

export function validate(doc: DocumentModel, facts: readonly Fact[], candidates: readonly Candidate[]): Validated {
  const mismatches: Mismatch[] = [];
  const kept: Fact[] = [];
  const byId = new Map(candidates.map((c, i) => [facts[i]?.id, c]));
  for (const fact of facts) {
    const parsed = Fact.safeParse(fact);
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
    kept.push(parsed.data);
    const anomalies = byId.get(fact.id)?.quantity.anomalies ?? [];
    for (const a of anomalies) {
      mismatches.push({
        id: mismatchId(doc.sha256, 'reading', [fact.id], a.code),
        documentId: doc.sha256,
        type: 'reading',
        message: `Số "${fact.raw}" (${fact.indicator}): ${a.message}`,
        factIds: [fact.id],
        expected: null,
        found: fact.value,
        difference: null,
        tolerance: null,
        source: sourceOf(fact),
        status: 'open',
      });
    }
  }
  return { facts: kept, mismatches };
}
