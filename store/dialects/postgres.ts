import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from '../../schema/migrations/kysely.ts';
import type { ViewsState } from '../../schema/migrations/schema-dialect.ts';
import type { Database } from '../../schema/warehouse.ts';
import type { Dialect } from './dialect.ts';
import { postgresViews } from './postgres-views.ts';

/** PostgreSQL's answers. The driver (`pg`) is loaded by store/dialects/postgres-driver.ts, only when a warehouse is PostgreSQL. */
export const postgresDialect: Dialect = {
  engine: 'postgres',
  float: 'double precision',
  // by default, not always: a warehouse copied from SQLite keeps its ids
  generatedKey: (column: ColumnDefinitionBuilder) => column.generatedByDefaultAsIdentity(),
  withRowid: (table: CreateTableBuilder<string, string>) => table.addColumn('rowid', 'bigint', (c) => c.generatedByDefaultAsIdentity().unique()),
  movePriorRows: async () => {},
  async views(db: Kysely<unknown>, state: ViewsState | null): Promise<void> {
    for (const view of ['v_plan_actual', 'v_facts', 'v_facts_all']) await sql.raw(`drop view if exists ${view}`).execute(db);
    if (state) for (const text of postgresViews(state)) await sql.raw(text).execute(db);
  },
  jsonField(column: string, key: string, as: 'integer' | 'text'): ReturnType<Dialect['jsonField']> {
    const text = sql`(${sql.ref(column)}::jsonb ->> ${key})`;
    return as === 'integer' ? sql`${text}::integer` : text;
  },
  like: 'ilike',
  unlimited: null,
  async appliedMigrations(db: Kysely<Database>): Promise<Set<string>> {
    const table = await sql<{ name: string | null }>`select to_regclass('kysely_migration')::text as name`.execute(db);
    if (!table.rows[0]?.name) return new Set();
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return new Set(rows.rows.map((r) => r.name));
  },
  isDuplicateKey(err: unknown, table: string): boolean {
    // 23505: unique_violation; pg names the violated constraint, a primary key's is `<table>_pkey`
    const e = err as { code?: unknown; constraint?: unknown; table?: unknown };
    return e?.code === '23505' && (e.table === table || e.constraint === `${table}_pkey`);
  },
};
