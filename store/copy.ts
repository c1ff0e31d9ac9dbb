import { sql } from '../schema/migrations/kysely.ts';
import { insertRows } from './postgres-loader.ts';
import type { TableName } from './statements.ts';
import type { PostgresWarehouse, Warehouse } from './warehouse.ts';

/**
 * Every table of the warehouse in an order where each row's references are copied before it
 * (`documents.superseded_by`, which points at documents too, is filled in after them).
 */
const TABLES = [
  'meta',
  'indicators',
  'areas',
  'labels',
  'runs',
  'run_files',
  'documents',
  'sentences',
  'facts',
  'footnotes',
  'document_messages',
  'mismatches',
  'derived',
  'reviews',
] as const satisfies readonly TableName[];

/** Identity columns whose next value must follow the copied ids. */
const IDENTITIES: readonly [TableName, string][] = [
  ['runs', 'id'],
  ['run_files', 'id'],
  ['reviews', 'id'],
  ['sentences', 'id'],
  ['documents', 'rowid'],
  ['facts', 'rowid'],
  ['mismatches', 'rowid'],
  ['derived', 'rowid'],
];

const BATCH = 5_000;

export type CopyCounts = Record<(typeof TABLES)[number], number>;

/**
 * Copies a SQLite warehouse, history, review decisions and runs included, into an empty PostgreSQL one
 * (migrated to the same schema; its seeded catalogs are replaced by the source's), in one transaction:
 * a failed copy leaves the target as it was. Rows keep their ids and load order (SQLite's rowid goes into
 * the `rowid` column), so facts, views and decisions read the same on both. Returns the rows copied per table.
 */
export async function copyWarehouse(from: Warehouse, to: PostgresWarehouse): Promise<CopyCounts> {
  const loaded = await to.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (loaded.n > 0) throw new Error(`the target warehouse ${to.url} holds ${loaded.n} documents already: copy into an empty one`);
  const counts = {} as CopyCounts;
  await to.db.transaction().execute(async (trx) => {
    for (const table of [...TABLES].reverse()) await trx.deleteFrom(table).execute();
    for (const table of TABLES) {
      const target = await sql<{ column_name: string }>`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(trx);
      const source = new Set((from.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      // the columns both have; `rowid` is implicit in SQLite
      const columns = target.rows.map((r) => r.column_name).filter((c) => source.has(c) || c === 'rowid');
      const select = from.sqlite.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`).raw();
      let batch: unknown[][] = [];
      let n = 0;
      const superseded = columns.indexOf('superseded_by');
      const flush = async () => {
        await insertRows(trx, table, columns, batch);
        n += batch.length;
        batch = [];
      };
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        // a document may point at one copied after it: pointed at once all are in
        if (table === 'documents' && superseded >= 0) row[superseded] = null;
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      if (batch.length > 0) await flush();
      counts[table] = n;
    }
    const supersessions = from.sqlite.prepare(`select id, superseded_by from documents where superseded_by is not null`).all() as {
      id: string;
      superseded_by: string;
    }[];
    for (const s of supersessions) await trx.updateTable('documents').set({ superseded_by: s.superseded_by }).where('id', '=', s.id).execute();
    for (const [table, column] of IDENTITIES) {
      await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  return counts;
}
