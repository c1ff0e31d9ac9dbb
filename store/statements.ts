import type { Database as Sqlite, Statement } from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema/warehouse.ts';

/**
 * Statements prepared once per connection, kept by the connection's Warehouse (store/warehouse.ts).
 * Preparing the same SQL for every document holds native memory the garbage collector does not see,
 * and a bulk load's memory grew with the archive.
 */
export class StatementCache {
  private readonly cache = new Map<string, Statement>();
  private static readonly MAX_CACHED = 256;

  constructor(private readonly sqlite: Sqlite) {}

  get(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= StatementCache.MAX_CACHED) this.cache.clear();
      stmt = this.sqlite.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

export type TableName = keyof Database & string;
export type Row<T extends TableName> = Insertable<Database[T]>;
export type Sqlish = string | number | bigint | null;

/** A row as values in the order of `columns`, each typed by its column: facts go in without a row object. */
export type ValuesOf<T extends TableName, C extends readonly (keyof Row<T>)[]> = { -readonly [I in keyof C]: Row<T>[C[I]] };

/** The columns the template fixes the order of; the typed rows are checked against Row<T> by the callers. */
export function insertSql<T extends TableName>(db: Kysely<Database>, table: T, columns: readonly string[], conflict: 'fail' | 'ignore'): string {
  const template = Object.fromEntries(columns.map((c) => [c, null]));
  let query = db.insertInto(table).values(template as never);
  if (conflict === 'ignore') query = query.orIgnore();
  return query.compile().sql;
}

/**
 * A typed insert compiled once by kysely and run synchronously by better-sqlite3: a document's rows go
 * in inside one synchronous IMMEDIATE transaction, so nothing else in the process can interleave and
 * no other writer can slip in between the "already loaded?" check and the insert.
 */
export function compileInsert<T extends TableName>(
  wh: { db: Kysely<Database>; sqlite: Sqlite },
  table: T,
  columns: readonly (keyof Row<T> & string)[],
  conflict: 'fail' | 'ignore' = 'fail',
): (row: Row<T>) => void {
  const stmt = wh.sqlite.prepare(insertSql(wh.db, table, columns, conflict));
  return (row) => {
    stmt.run(columns.map((c) => (row[c] ?? null) as Sqlish));
  };
}

/** compileInsert for rows given as values in the order of `columns` (the hot path: no row object). */
export function compileInsertValues<T extends TableName, const C extends readonly (keyof Row<T> & string)[]>(
  wh: { db: Kysely<Database>; sqlite: Sqlite },
  table: T,
  columns: C,
): (values: ValuesOf<T, C>) => void {
  const stmt = wh.sqlite.prepare(insertSql(wh.db, table, columns, 'fail'));
  return (values) => {
    stmt.run(values as unknown as Sqlish[]);
  };
}

/** The row type of a kysely select (what its execute() resolves to, one row). */
type RowOf<Q> = Q extends { execute(): Promise<(infer O)[]> } ? O : never;

/**
 * A kysely query compiled and run synchronously on the connection's cached statement, its rows typed by
 * the query: for the synchronous transactions (the review's decisions, the checks), where kysely's async
 * execute cannot run.
 */
export function allRows<Q extends { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<unknown[]> }>(
  wh: { prepared(sql: string): Statement },
  query: Q,
): RowOf<Q>[] {
  const { sql, parameters } = query.compile();
  return wh.prepared(sql).all(...parameters) as RowOf<Q>[];
}

export function firstRow<Q extends { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<unknown[]> }>(
  wh: { prepared(sql: string): Statement },
  query: Q,
): RowOf<Q> | undefined {
  const { sql, parameters } = query.compile();
  return wh.prepared(sql).get(...parameters) as RowOf<Q> | undefined;
}
