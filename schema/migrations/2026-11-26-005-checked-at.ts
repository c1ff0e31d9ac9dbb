import type { Kysely } from 'kysely';
// kysely's ESM build is slow to load under tsx; the CommonJS one (./kysely.ts) keeps query commands fast.
import { sql } from './kysely.ts';

/**
 * When the checks against the other documents last ran for a document. They run after its load's
 * transaction; a run killed in between leaves it null, and the next ingest runs them before anything
 * else, so a resumed run ends as an uninterrupted one would. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('checked_at', 'text').execute();
  // Documents loaded before this column existed were checked as they were loaded.
  await sql`update documents set checked_at = loaded_at`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('checked_at').execute();
}
