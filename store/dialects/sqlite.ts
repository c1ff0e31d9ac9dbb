import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from '../../schema/migrations/kysely.ts';
import type { ViewsState } from '../../schema/migrations/schema-dialect.ts';
import type { Database } from '../../schema/warehouse.ts';
import type { Dialect } from './dialect.ts';

/**
 * SQLite's answers. For migrations they give back the SQL every migration ran before PostgreSQL was an
 * engine (the frozen schema: tests/warehouse/frozen-schema.test.ts).
 */
export const sqliteDialect: Dialect = {
  engine: 'sqlite',
  float: 'real',
  generatedKey(column: ColumnDefinitionBuilder, kind: 'autoincrement' | 'rowid'): ColumnDefinitionBuilder {
    // an INTEGER PRIMARY KEY is the rowid already: SQLite numbers it
    return kind === 'autoincrement' ? column.autoIncrement() : column;
  },
  withRowid: (table: CreateTableBuilder<string, string>) => table,
  movePriorRows: (work: () => Promise<void>) => work(),
  views: (_db: Kysely<unknown>, _state: ViewsState | null, frozen: () => Promise<void>) => frozen(),
  jsonField(column: string, key: string): ReturnType<Dialect['jsonField']> {
    return sql`json_extract(${sql.ref(column)}, ${`$.${key}`})`;
  },
  like: 'like',
  unlimited: -1,
  async appliedMigrations(db: Kysely<Database>): Promise<Set<string>> {
    const table = await sql<{ one: number }>`select 1 as one from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db);
    if (table.rows.length === 0) return new Set();
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return new Set(rows.rows.map((r) => r.name));
  },
  isDuplicateKey(err: unknown, table: string): boolean {
    return err instanceof Error && /UNIQUE constraint failed/.test(err.message) && err.message.includes(`: ${table}.`);
  },
};
