import type { Statement } from 'better-sqlite3';
import SqliteDatabase from 'better-sqlite3';
import type { Kysely as KyselyType, Migration } from 'kysely';
import { MIGRATIONS } from '../schema/migrations/index.ts';
import { Kysely, Migrator, SqliteDialect } from '../schema/migrations/kysely.ts';
import type { WarehouseMigration } from '../schema/migrations/schema-dialect.ts';
import { SEEDS_DIR } from '../schema/seeds-dir.ts';
import type { Database } from '../schema/warehouse.ts';
import type { Dialect } from './dialects/dialect.ts';
import { sqliteDialect } from './dialects/sqlite.ts';
import { StatementCache } from './statements.ts';
import { isPostgresTarget } from './target.ts';

/**
 * One open warehouse file: the kysely handle for queries whose shape is static, the better-sqlite3
 * connection for the synchronous transactions of the loader and the checks, and the statements prepared
 * on that connection. Created once per connection by openWarehouse and passed to whatever reads or
 * writes it; what the loader keeps between documents is its DocumentWriter's (store/documents.ts).
 */
export interface Warehouse {
  engine: 'sqlite';
  db: KyselyType<Database>;
  dialect: Dialect;
  sqlite: SqliteDatabase.Database;
  file: string;
  /** a statement prepared once on this connection (the cache is this object's) */
  prepared(sql: string): Statement;
  close(): Promise<void>;
}

/**
 * A warehouse on a PostgreSQL server: the kysely handle on a pool of connections. Everything runs as
 * kysely's async queries, a document's load in one transaction; nothing is synchronous.
 */
export interface PostgresWarehouse {
  engine: 'postgres';
  db: KyselyType<Database>;
  dialect: Dialect;
  /** the connection string, without its password */
  url: string;
  close(): Promise<void>;
}

/** A warehouse on either engine, for the operations that run on both. */
export type AnyWarehouse = Warehouse | PostgresWarehouse;

export { isPostgresTarget };

export interface OpenOptions {
  /** migrations to run; all of them by default (tests pass fewer to build an older warehouse) */
  migrations?: Readonly<Record<string, WarehouseMigration>>;
  /** folder with indicators.json and areas.json; false to skip seeding */
  seeds?: string | false;
  busyTimeoutMs?: number;
  /** SQLite's page cache in MB (default 64, for queries over a large warehouse) */
  cacheMb?: number;
  /**
   * Told before a warehouse made by an older version is upgraded (not a new one), with the pending
   * migrations: on a large warehouse that takes a while. By default a line on stderr.
   */
  onUpgrade?: (pending: readonly string[]) => void;
}

function announceUpgrade(pending: readonly string[]): void {
  process.stderr.write(`baocao: upgrading the warehouse to the current schema (${pending.join(', ')}); a large one takes a while\n`);
}

export { SEEDS_DIR };

/**
 * Opens (creating if needed) a warehouse file, upgrades its schema in place and refreshes the catalogs
 * from `seeds/` when they changed.
 */
export async function openWarehouse(file: string, options: OpenOptions = {}): Promise<Warehouse> {
  const sqlite = new SqliteDatabase(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    sqlite.pragma('foreign_keys = ON');
    // WAL makes NORMAL safe against corruption; a power cut may lose the last commit, never half of one.
    sqlite.pragma('synchronous = NORMAL');
    // index maintenance of a million-fact table thrashes the default 2 MB page cache
    sqlite.pragma(`cache_size = -${Math.round((options.cacheMb ?? 64) * 1024)}`);
    // A document's commit rewrites every index page it touched, most of them the same pages of the
    // fact-id and label indexes. Checkpointing every 1,000 pages (the default) copied those same pages
    // into the database file every few documents; every 10,000 (a WAL of ~40 MB) copies each far less
    // often. Readers look a page up in a few more WAL-index blocks at most.
    sqlite.pragma('wal_autocheckpoint = 10000');
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const statements = new StatementCache(sqlite);
  const close = async () => {
    try {
      // Keeps planner statistics current as the warehouse grows; bounded so it never scans a whole table.
      sqlite.pragma('analysis_limit = 1000');
      sqlite.pragma('optimize');
    } catch {
      // a busy or read-only file keeps its old statistics
    }
    await db.destroy();
  };
  const wh: Warehouse = { engine: 'sqlite', db, dialect: sqliteDialect, sqlite, file, prepared: (sql) => statements.get(sql), close };
  return prepare(wh, () => appliedMigrations(sqlite), options);
}

/**
 * Opens a warehouse on either engine: a `postgres://` connection string (the server's database must exist;
 * its schema is created or upgraded here, as a file's is), or a SQLite file as openWarehouse does.
 */
export async function openStore(target: string, options: OpenOptions = {}): Promise<AnyWarehouse> {
  if (!isPostgresTarget(target)) return openWarehouse(target, options);
  const [{ connectPostgres }, { postgresDialect }] = await Promise.all([import('./dialects/postgres-driver.ts'), import('./dialects/postgres.ts')]);
  const { db } = connectPostgres(target);
  const wh: PostgresWarehouse = { engine: 'postgres', db, dialect: postgresDialect, url: withoutPassword(target), close: () => db.destroy() };
  return prepare(wh, () => postgresDialect.appliedMigrations(db), options);
}

function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Migrates and seeds a just-opened warehouse; closes it on failure. */
async function prepare<W extends AnyWarehouse>(wh: W, applied: () => Set<string> | Promise<Set<string>>, options: OpenOptions): Promise<W> {
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    const done = await applied();
    const pending = Object.keys(migrations).filter((name) => !done.has(name));
    if (pending.length > 0) {
      if (done.size > 0) (options.onUpgrade ?? announceUpgrade)(pending);
      await migrate(wh, migrations);
    }
    if (options.seeds !== false) {
      const { seedCatalogs } = await import('./seeding.ts');
      await seedCatalogs(wh, options.seeds ?? SEEDS_DIR);
    }
  } catch (err) {
    await wh.close();
    throw err;
  }
  return wh;
}

/** Names already applied; reading them first spares up-to-date warehouses the migrator's write lock. */
function appliedMigrations(sqlite: SqliteDatabase.Database): Set<string> {
  const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
  if (!table) return new Set();
  return new Set((sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name));
}

async function migrate(wh: AnyWarehouse, migrations: Readonly<Record<string, WarehouseMigration>>): Promise<void> {
  const { db, dialect } = wh;
  // each migration is told its engine's differences (schema/migrations/schema-dialect.ts)
  const told: Record<string, Migration> = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => {
      const { up, down } = m;
      return [name, { up: (d) => up(d, dialect), ...(down ? { down: (d) => down(d, dialect) } : {}) }];
    }),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => told } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`warehouse migration ${failed?.migrationName ?? '(before any migration)'} failed: ${cause}`);
  }
}
