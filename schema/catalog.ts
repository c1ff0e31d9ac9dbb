import { z } from 'zod';
import type { SeedFile } from './seeds-dir.ts';
import { isUnitCode } from './units.ts';

/**
 * The reference data in the seeds folder, `indicators.json` and `areas.json`: their one schema each, and
 * the one parse of a seed file (read by schema/seeds-dir.ts), used by the warehouse's seeding
 * (store/seeding.ts) and by extraction (pipeline/stages/catalog.ts). Extraction runs in worker threads,
 * which must not load the database layer: this module imports zod only.
 */

/** One indicator of the catalog in `seeds/indicators.json`: users extend the file, not the code. */
export const CatalogEntry = z.object({
  id: z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/, 'ids are dotted lower-case words, e.g. agri.grain.output'),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  unit: z.string().refine(isUnitCode, 'not a unit code').nullable().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;
/** `seeds/indicators.json`. */
export const Catalog = z.array(CatalogEntry);

/** One administrative area of `seeds/areas.json`, with its GSO code. */
export const AreaEntry = z.object({
  code: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  level: z.enum(['province', 'district', 'commune']),
  /** the code of the province, for a district */
  parent: z.string().nullable().optional(),
  aliases: z.array(z.string()).default([]),
  /** inhabitants, where known: the plausibility check bounds counts of people by it */
  population: z.number().optional(),
});
export type AreaEntry = z.infer<typeof AreaEntry>;
/** `seeds/areas.json`. */
export const AreasFile = z.object({
  about: z.string().optional(),
  areas: z.array(AreaEntry),
});
export type AreasFile = z.infer<typeof AreasFile>;

export type Catalog = z.infer<typeof Catalog>;

/** A seed file's text as JSON (a SyntaxError when it is not), checked by its schema. */
export function parseSeed(file: SeedFile<'indicators.json'>): z.ZodSafeParseResult<Catalog>;
export function parseSeed(file: SeedFile<'areas.json'>): z.ZodSafeParseResult<AreasFile>;
export function parseSeed(file: SeedFile): z.ZodSafeParseResult<Catalog> | z.ZodSafeParseResult<AreasFile>;
export function parseSeed(file: SeedFile): z.ZodSafeParseResult<Catalog> | z.ZodSafeParseResult<AreasFile> {
  const json: unknown = JSON.parse(file.text);
  return file.name === 'indicators.json' ? Catalog.safeParse(json) : AreasFile.safeParse(json);
}

/**
 * An area whose population is known (an optional field of seeds/areas.json), for the plausibility check
 * of counts of people: its name, the name folded for matching, and the population.
 */
export const AreaPopulation = z.object({
  name: z.string(),
  folded: z.string(),
  population: z.number().positive(),
});
export type AreaPopulation = z.infer<typeof AreaPopulation>;
