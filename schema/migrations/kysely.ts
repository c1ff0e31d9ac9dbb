import { createRequire } from 'node:module';

/**
 * kysely's runtime, loaded as CommonJS. Under tsx's ESM hooks the 280 files of kysely's ESM build take
 * about half a second to import, which alone would break the one-second budget of `baocao facts`;
 * the CommonJS build loads in about a tenth of that. Types still come from `import type ... 'kysely'`.
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof import('kysely');

export const { Kysely, Migrator, SqliteDialect, sql } = kysely;
