import type { Kysely } from 'kysely';

/**
 * `derived_cell` (indicator key, year, kind) has served no query since 004 added `derived_cell_area`
 * (indicator key, area, year, kind), which the checks' lookups use by all of its columns; it only made
 * every implied value's insert update one more index. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('derived_cell').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('derived_cell').on('derived').columns(['indicator_key', 'year', 'kind']).execute();
}
