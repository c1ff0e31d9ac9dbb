import { z } from 'zod';
import { PlaceInFile } from './place.ts';

/**
 * A message about one document, as vfile keeps them: what was noticed, where (page, block, offsets),
 * which rule said it, and how bad it is (`error` when fatal, `warning`, or `info`). Readers and stages
 * all report this way; the warehouse keeps every field in `document_messages`.
 */
export const Diagnostic = z.object({
  type: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** the stage that said it: read, footnotes, segment, extract, normalize, validate */
  stage: z.string().optional(),
  /** a stable name for the rule, for filtering (`extract:bare-numbers`) */
  ruleId: z.string().optional(),
  place: PlaceInFile.optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
