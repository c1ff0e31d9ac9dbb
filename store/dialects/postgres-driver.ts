import { createRequire } from 'node:module';
import type { Kysely as KyselyType } from 'kysely';
import type { Pool as PoolType } from 'pg';
import { Kysely } from '../../schema/migrations/kysely.ts';
import type { Database } from '../../schema/warehouse.ts';

const require = createRequire(import.meta.url);

/**
 * A kysely handle on a PostgreSQL warehouse through a `pg` pool. Counts and sums come back as numbers,
 * as SQLite gives them: `pg` returns bigint and numeric as strings (they may exceed a double), but the
 * warehouse's are row counts, identities and rounded ratios, all far inside 2^53.
 */
export function connectPostgres(url: string, options: { max?: number } = {}): { db: KyselyType<Database>; pool: PoolType } {
  // loaded here, not at the top of a module the SQLite path imports: `baocao facts` on a file never pays for it
  const pg = require('pg') as typeof import('pg');
  const { PostgresDialect } = require('kysely') as typeof import('kysely');
  const INT8 = 20;
  const NUMERIC = 1700;
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, types, application_name: 'baocao' });
  // a server that drops an idle connection must not crash the process; the next query reconnects
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
