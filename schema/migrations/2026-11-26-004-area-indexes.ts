import type { Kysely } from 'kysely';

/**
 * Cross-document checks look up the same indicator, area and year: with the area in the index their
 * cost stays flat as districts are added, instead of growing with every district holding the
 * indicator. The (indicator, year) indexes they replace would only slow every insert: queries over all
 * areas use the new ones by their indicator prefix. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('facts_indicator_id_year').execute();
  await db.schema.dropIndex('facts_indicator_folded_year').execute();
  await db.schema.createIndex('facts_indicator_id_area_year').on('facts').columns(['indicator_id', 'area', 'year']).execute();
  await db.schema.createIndex('facts_indicator_folded_area_year').on('facts').columns(['indicator_folded', 'area', 'year']).execute();
  await db.schema.createIndex('derived_cell_area').on('derived').columns(['indicator_key', 'area', 'year', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('derived_cell_area').execute();
  await db.schema.dropIndex('facts_indicator_folded_area_year').execute();
  await db.schema.dropIndex('facts_indicator_id_area_year').execute();
  await db.schema.createIndex('facts_indicator_id_year').on('facts').columns(['indicator_id', 'year']).execute();
  await db.schema.createIndex('facts_indicator_folded_year').on('facts').columns(['indicator_folded', 'year']).execute();
}
