import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the reference data (indicator catalog, areas) is read from: `BAOCAO_SEEDS`, else the project's
 * `seeds/`. A module of its own so that extraction, in every ingest worker, can find it without loading
 * the database layer that schema/warehouse.ts brings.
 */
export const SEEDS_DIR = process.env.BAOCAO_SEEDS || fileURLToPath(new URL('../seeds/', import.meta.url));

/** The indicator catalog extraction matches labels against, from the same folder the warehouse seeds from. */
export const CATALOG_FILE = join(SEEDS_DIR, 'indicators.json');
