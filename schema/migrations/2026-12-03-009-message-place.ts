import type { Kysely } from 'kysely';
// kysely's ESM build is slow to load under tsx; the CommonJS one (./kysely.ts) keeps query commands fast.
import { sql } from './kysely.ts';

/**
 * A document's messages keep what a Diagnostic (schema/diagnostic.ts) says beyond its text: the rule that
 * said it and where in the document (page or sheet and cell, block, offsets), so a reviewer can filter by
 * rule and find the place again. Every column is nullable: messages stored before, and messages that name
 * no rule or place, have none. Frozen once shipped.
 */
const COLUMNS = [
  ['rule_id', 'text'],
  ['page', 'integer'],
  ['sheet', 'text'],
  ['cell', 'text'],
  ['block', 'integer'],
  ['start', 'integer'],
  ['end', 'integer'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async () => {
    for (const [name, type] of COLUMNS) await db.schema.alterTable('document_messages').addColumn(name, type).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async () => {
    for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('document_messages').dropColumn(name).execute();
  });
}

/** The Migrator runs SQLite migrations outside a transaction; seven columns go in all or none. */
async function atomically(db: Kysely<any>, work: () => Promise<void>): Promise<void> {
  await sql`savepoint migration_009`.execute(db);
  try {
    await work();
  } catch (err) {
    await sql`rollback to migration_009`.execute(db);
    await sql`release migration_009`.execute(db);
    throw err;
  }
  await sql`release migration_009`.execute(db);
}
