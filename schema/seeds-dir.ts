import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the reference data (indicator catalog, areas) is read from: `BAOCAO_SEEDS`, else the project's
 * `seeds/`. A module of its own so that extraction, in every ingest worker, can find it without loading
 * the database layer that store/ brings; and the one reader of its files, without zod (opening a
 * warehouse hashes them on every open, and parses them, with schema/catalog.ts, only when they changed).
 */
export const SEEDS_DIR = process.env.BAOCAO_SEEDS || fileURLToPath(new URL('../seeds/', import.meta.url));

/** The indicator catalog extraction matches labels against, from the same folder the warehouse seeds from. */
export const CATALOG_FILE = join(SEEDS_DIR, 'indicators.json');

export type SeedName = 'indicators.json' | 'areas.json';

/** A seed file as read: its text and hash (the warehouse reseeds only when the hash changes). */
export interface SeedFile<N extends SeedName = SeedName> {
  name: N;
  /** where it was read from, for messages: `BAOCAO_SEEDS` may name another folder than `seeds/` */
  path: string;
  text: string;
  hash: string;
}

/** The seed file `name` of folder `dir`, or null when there is none. */
export function readSeed<N extends SeedName>(dir: string, name: N): SeedFile<N> | null {
  return readSeedAt(`${dir.replace(/\/$/, '')}/${name}`, name);
}

/** The seed file at `path`, read as the catalog `name`, or null when there is none. */
export function readSeedAt<N extends SeedName>(path: string, name: N): SeedFile<N> | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  return { name, path, text, hash: createHash('sha256').update(text).digest('hex') };
}
