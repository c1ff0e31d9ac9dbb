import { z } from 'zod';
import { Place } from './place.ts';

export const MismatchType = z.enum([
  'reading', // the grammar could not read a number cleanly
  'shape', // a fact failed its schema
  'sum', // parts against their total
  'ratio', // a/b against its stated share
  'share_of_plan', // actual against plan against the stated share
  'growth', // value against previous value and stated growth/change
  'product', // area × yield against output
  'consistency', // the same indicator/year/kind with different values
  'plausibility', // a rate over 100 %, a part larger than its whole…
]);
export type MismatchType = z.infer<typeof MismatchType>;

export const MismatchStatus = z.enum(['open', 'accepted', 'corrected', 'rejected']);

export const Mismatch = z.object({
  id: z.string(),
  documentId: z.string(),
  type: MismatchType,
  message: z.string(),
  factIds: z.array(z.string()),
  expected: z.number().nullable(),
  found: z.number().nullable(),
  difference: z.number().nullable(),
  tolerance: z.number().nullable(),
  /** where the finding's first fact was read, with its sentence */
  source: Place.omit({ sheet: true, cell: true }).extend({ text: z.string() }).nullable(),
  status: MismatchStatus,
});
export type Mismatch = z.infer<typeof Mismatch>;
