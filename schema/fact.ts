import { z } from 'zod';
import { Qualifier, UnitCodeSchema } from './quantity.ts';

export const Kind = z.enum([
  'actual', 'estimate', 'plan', 'previous', 'cumulative', 'average',
  'share_of_plan', 'over_plan', 'growth', 'change', 'share',
]);
export type Kind = z.infer<typeof Kind>;
export const RELATION_KINDS: readonly Kind[] = ['share_of_plan', 'over_plan', 'growth', 'change', 'share'];

export const Status = z.enum(['ok', 'flagged', 'accepted', 'corrected', 'rejected']);
export type Status = z.infer<typeof Status>;

export const FactSource = z.object({
  file: z.string(),
  page: z.number().int().positive().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  block: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** the sentence the number came from */
  text: z.string(),
  /** offsets of the number within `text` */
  textStart: z.number().int().nonnegative().optional(),
  textEnd: z.number().int().nonnegative().optional(),
});
export type FactSource = z.infer<typeof FactSource>;

/** The unit of the warehouse: one number as the report states it (PRODUCT.md, "Fact"). */
export const Fact = z.object({
  id: z.string(),
  documentId: z.string().length(64),
  indicator: z.string(),
  indicatorId: z.string().nullable(),
  value: z.number().finite(),
  unit: UnitCodeSchema.nullable(),
  unitText: z.string().nullable(),
  multiplier: z.number().int(),
  baseValue: z.number().finite(),
  year: z.number().int().min(1900).max(2200).nullable(),
  kind: Kind,
  qualifier: Qualifier.nullable(),
  relatesTo: z.string().nullable(),
  footnotes: z.array(z.number().int().positive()),
  inFootnote: z.number().int().positive().nullable(),
  source: FactSource,
  status: Status,
  /** extra, not in the contract: the raw characters and the heading path, for reviewers */
  raw: z.string(),
  headingPath: z.array(z.string()),
  decimals: z.number().int().nonnegative(),
});
export type Fact = z.infer<typeof Fact>;
