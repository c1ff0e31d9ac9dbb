import type { Statement } from 'better-sqlite3';

/**
 * Logic written once for both engines. SQLite's driver is synchronous and its callers (the loader's
 * transaction, the review's listings) are too; PostgreSQL's is asynchronous. A generator that yields each
 * query it needs and is handed its rows runs either way: runSync on SQLite's cached statements, as fast as
 * the straight-line code it replaces, runAsync through kysely on any engine. The queries themselves are
 * kysely builders, so each engine compiles them in its own SQL.
 */
export interface StepQuery {
  compile(): { sql: string; parameters: readonly unknown[] };
  execute(): Promise<unknown[]>;
}

export type Steps<T> = Generator<StepQuery, T, unknown[]>;

/** The row type of a kysely select (what its execute() resolves to, one row). */
type RowOf<Q> = Q extends { execute(): Promise<(infer O)[]> } ? O : never;

/** Yields a select and gets its rows back, typed by the query: `const rows = yield* rowsOf(q)`. */
export function* rowsOf<Q extends StepQuery>(query: Q): Generator<StepQuery, RowOf<Q>[], unknown[]> {
  return (yield query) as RowOf<Q>[];
}

export function* firstOf<Q extends StepQuery>(query: Q): Generator<StepQuery, RowOf<Q> | undefined, unknown[]> {
  return (yield* rowsOf(query))[0];
}

/** Runs the steps on a SQLite connection's cached statements, synchronously (selects only). */
export function runSync<T>(wh: { prepared(sql: string): Statement }, steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) {
    const { sql, parameters } = step.value.compile();
    step = steps.next(wh.prepared(sql).all(...parameters) as unknown[]);
  }
  return step.value;
}

/** Runs the steps through kysely, each query on the connection or transaction it was built on. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await step.value.execute());
  return step.value;
}
