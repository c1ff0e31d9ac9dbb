import { z } from 'zod';
import { Diagnostic } from './diagnostic.ts';
import { DocumentMetadata, Format } from './document.ts';
import { Fact, isWellFormedFact } from './fact.ts';
import { Mismatch } from './mismatch.ts';

/**
 * What the pipeline hands the loader for one document: everything that goes into the warehouse in
 * one transaction. The loader never parses text; it only stores this.
 */
export const LoadInput = z.object({
  document: z.object({
    id: z.string().length(64),
    file: z.string(),
    format: Format,
    pages: z.number().int().nonnegative().nullable(),
    metadata: DocumentMetadata,
  }),
  facts: z.array(Fact),
  mismatches: z.array(Mismatch),
  footnotes: z.array(z.object({ number: z.number().int().positive(), text: z.string(), page: z.number().int().nullable() })),
  messages: z.array(Diagnostic),
});
export type LoadInput = z.infer<typeof LoadInput>;

/**
 * A document as the loader wrote it: its facts are all stored, in this order, with this area, and the
 * columns the cross-document checks read (`original_*`, labels, kinds, years) never change after the
 * load. Handed on to the checks, which would otherwise read back every row they were just given.
 */
export interface WrittenDocument {
  documentId: string;
  area: string | null;
  facts: readonly Fact[];
}

export type LoadOutcome =
  | { status: 'loaded'; documentId: string; facts: number; mismatches: number; supersedes: string | null; written: WrittenDocument }
  | { status: 'skipped'; documentId: string; reason: string }
  | { status: 'failed'; documentId: string; reason: string };

/* ---------- the loader's check of its input ---------- */

export interface InputIssue {
  path: string;
  message: string;
}

/** LoadInput with its facts left to the cheap check below. */
const LoadInputBesideFacts = LoadInput.extend({ facts: z.array(z.unknown()) });

/**
 * Every way `input` breaks the LoadInput schema, each with its path (`facts.0.kind`); empty when it is a
 * LoadInput. The loader runs on the single writer thread, where a zod parse of ~200 facts per document
 * (already checked once by the validate stage in the worker) cost as much as writing them: facts get the
 * conservative `isWellFormedFact` first, and zod, which has the last word and the messages, parses them
 * only when that check doubts one. The rest of the input is small and always parsed by zod. Unlike a
 * parse, no copy is returned: the loader reads only the keys the schema names.
 */
export function loadInputIssues(input: unknown): InputIssue[] {
  const facts = (input as { facts?: unknown } | null | undefined)?.facts;
  if (Array.isArray(facts) && everyWellFormed(facts) && LoadInputBesideFacts.safeParse(input).success) return [];
  const parsed = LoadInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Indexed, so a hole in the array (which `every` would skip) is doubted as zod refuses it. */
function everyWellFormed(facts: readonly unknown[]): boolean {
  for (let i = 0; i < facts.length; i++) if (!isWellFormedFact(facts[i])) return false;
  return true;
}

export function isLoadInput(input: unknown): input is LoadInput {
  return loadInputIssues(input).length === 0;
}
