import type { Kysely } from 'kysely';

/**
 * Every document's cross-document checks bring its mismatches' statuses in line with the latest decision
 * on each (by mismatch id). With no index on `reviews.mismatch_id` each of a document's mismatches scanned
 * every review, a cost growing with the reviewers' work on the whole warehouse. Reviews are written by
 * people, rarely: the index costs the bulk load nothing. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('reviews_mismatch').on('reviews').columns(['mismatch_id', 'decided_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reviews_mismatch').execute();
}
