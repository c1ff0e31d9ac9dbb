import { z } from 'zod';
import { isUnitCode } from './units.ts';

export const Qualifier = z.enum(['about', 'over', 'under', 'nearly']);
export type Qualifier = z.infer<typeof Qualifier>;

export const UnitCodeSchema = z.string().refine(isUnitCode, { message: 'not a unit code of the vocabulary' });

/** Something odd about how a number was written: the grammar reads it but says so. */
export const Anomaly = z.object({
  code: z.enum(['split_number', 'ambiguous_separator', 'unknown_unit', 'odd_grouping', 'missing_unit']),
  message: z.string(),
});
export type Anomaly = z.infer<typeof Anomaly>;

/**
 * One quantity as the grammar finds it in a piece of text. `start`/`end` are UTF-16 offsets into the
 * (NFC) text the grammar was given; `raw` is that slice.
 */
export const Quantity = z.object({
  raw: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  value: z.number().finite(),
  unit: UnitCodeSchema.nullable(),
  unitText: z.string().nullable(),
  multiplier: z.number().int(),
  baseValue: z.number().finite(),
  qualifier: Qualifier.nullable(),
  footnotes: z.array(z.number().int().positive()),
  /** digits after the decimal comma, for tolerances downstream */
  decimals: z.number().int().nonnegative(),
  /** `a/b` forms: both halves share a group number; 0 is the left (part or actual), 1 the right */
  ratio: z.object({ group: z.number().int(), position: z.union([z.literal(0), z.literal(1)]) }).nullable(),
  anomalies: z.array(Anomaly),
});
export type Quantity = z.infer<typeof Quantity>;
