import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

/**
 * What a migration asks of the engine it runs on, where SQLite and PostgreSQL differ. The migrations are
 * one set of dated files for both engines; each engine's answers live in its dialect module
 * (store/dialects/sqlite.ts, store/dialects/postgres.ts), and openWarehouse hands the migration the one of
 * the warehouse it migrates. SQLite's answers give back exactly the SQL each migration ran before there
 * was a choice (tests/warehouse/frozen-schema.test.ts holds them to it): a released migration is frozen.
 */
export interface SchemaDialect {
  readonly engine: 'sqlite' | 'postgres';
  /** a floating-point column: SQLite's `real` has 8 bytes, PostgreSQL's 4 (its 8-byte type is `double precision`) */
  readonly float: 'real' | 'double precision';
  /**
   * An integer key the engine numbers. `autoincrement` never hands out an id again (SQLite AUTOINCREMENT),
   * `rowid` is SQLite's alias of the rowid; on PostgreSQL both are identity columns.
   */
  generatedKey(column: ColumnDefinitionBuilder, kind: 'autoincrement' | 'rowid'): ColumnDefinitionBuilder;
  /**
   * The code reads load order as `rowid`, which every SQLite table has; a PostgreSQL table gets an identity
   * column of that name (unique, so a lookup by it is an index probe).
   */
  withRowid(table: CreateTableBuilder<string, string>): CreateTableBuilder<string, string>;
  /**
   * Moves rows stored before the migration to the new shape. Only SQLite warehouses can hold any:
   * PostgreSQL warehouses begin with every migration at once, on empty tables, so there it is skipped.
   */
  movePriorRows(work: () => Promise<void>): Promise<void>;
  /**
   * Brings the analyst views (`v_facts_all`, `v_facts`, `v_plan_actual`) to the given state (null: none).
   * SQLite runs the migration's own frozen statements (`frozen`); PostgreSQL writes the three views for that
   * state, since it neither shares SQLite's SQL for them nor can rewrite a view's stored text as 008 and 010 do.
   */
  views(db: Kysely<unknown>, state: ViewsState | null, frozen: () => Promise<void>): Promise<void>;
}

/** What the views have reached: where the sentence comes from (002: the fact's source JSON; 008: `sentences`), and whether they carry the period (010). */
export interface ViewsState {
  sentence: 'source' | 'table';
  period: boolean;
}

/** A migration of both engines: kysely's Migration, told which engine it runs on. */
export interface WarehouseMigration {
  up(db: Kysely<unknown>, dialect: SchemaDialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: SchemaDialect): Promise<void>;
}
