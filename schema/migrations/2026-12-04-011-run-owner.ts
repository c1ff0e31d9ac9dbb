import type { Kysely } from 'kysely';

/**
 * A run records the process that runs it (its pid and host), so the next run can tell a run still going
 * from one killed or aborted: a run left `running` by a process that no longer exists on this host is
 * marked interrupted. Both nullable: runs before this migration have neither. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('pid', 'integer').execute();
  await db.schema.alterTable('runs').addColumn('host', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('host').execute();
  await db.schema.alterTable('runs').dropColumn('pid').execute();
}
