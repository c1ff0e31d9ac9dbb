import type { Kysely, RawBuilder } from 'kysely';
import type { SchemaDialect } from '../../schema/migrations/schema-dialect.ts';
import type { Database } from '../../schema/warehouse.ts';

/**
 * Everything the warehouse's SQL does differently on one engine, in one object: what migrations ask
 * (SchemaDialect) and what queries and loads ask. One module per engine (`sqlite.ts`, `postgres.ts`), as
 * kysely keeps its dialects; code elsewhere calls these instead of testing which engine it runs on.
 */
export interface Dialect extends SchemaDialect {
  /** a field of a text column holding a JSON object, as the number or text it holds (null when absent) */
  jsonField(column: string, key: string, as: 'integer' | 'text'): RawBuilder<unknown>;
  /** the LIKE that ignores ASCII case, as SQLite's does: PostgreSQL's `like` minds case, its `ilike` does not */
  readonly like: 'like' | 'ilike';
  /** what LIMIT takes for "no limit" before an OFFSET: SQLite needs -1, PostgreSQL takes no LIMIT at all */
  readonly unlimited: number | null;
  /** the names of the migrations already applied, read without the migrator's lock (none on a new warehouse) */
  appliedMigrations(db: Kysely<Database>): Promise<Set<string>>;
  /** whether the error is the engine's unique-key violation on that table's primary key */
  isDuplicateKey(err: unknown, table: string): boolean;
}
