import { z } from 'zod';

/**
 * Where something was read, enough for a reviewer to find it again: the file, its page or sheet and
 * cell where the format has them, the block, and UTF-16 offsets into the block's text. The one place
 * shape of documents, facts, mismatches and diagnostics.
 */
export const Place = z.object({
  file: z.string(),
  page: z.number().int().positive().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  block: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Place = z.infer<typeof Place>;

/** A place inside the document a diagnostic is about: every part optional, the file being the document's. */
export const PlaceInFile = Place.omit({ file: true }).partial();
export type PlaceInFile = z.infer<typeof PlaceInFile>;
