import { z } from 'zod';
import { DocumentMetadata, Format } from './document.ts';
import { Fact } from './fact.ts';
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
  messages: z.array(z.object({ type: z.enum(['error', 'warning', 'info']), message: z.string(), stage: z.string().optional() })),
});
export type LoadInput = z.infer<typeof LoadInput>;

export type LoadOutcome =
  | { status: 'loaded'; documentId: string; facts: number; mismatches: number; supersedes: string | null }
  | { status: 'skipped'; documentId: string; reason: string }
  | { status: 'failed'; documentId: string; reason: string };
