import { z } from 'zod';
import { isUnitCode } from './units.ts';

/** One indicator of the catalog in `seeds/indicators.json`: users extend the file, not the code. */
export const CatalogEntry = z.object({
  id: z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/, 'ids are dotted lower-case words, e.g. agri.grain.output'),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  unit: z.string().refine(isUnitCode, 'not a unit code').nullable().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;
export const Catalog = z.array(CatalogEntry);
