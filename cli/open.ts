import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnyWarehouse, OpenOptions, Warehouse } from '../store/warehouse.ts';
import { UsageError } from './usage.ts';

/**
 * Opens the warehouse a command names with `--db`, turning what SQLite says into one plain line naming the
 * file and what to do. Query commands read an existing warehouse (`mustExist`): opening a missing path
 * would create an empty one and answer "no facts".
 */
export async function openForCommand(db: string, options: OpenOptions & { mustExist?: boolean } = {}): Promise<Warehouse> {
  const { mustExist = true, ...open } = options;
  if (mustExist && db !== ':memory:' && !existsSync(db)) {
    throw new UsageError(`no warehouse at ${db}: load reports first (baocao ingest <folder> --db ${db}) or pass --db`);
  }
  const { openWarehouse } = await import('../store/warehouse.ts');
  try {
    return await openWarehouse(db, open);
  } catch (err) {
    // what SQLite or the file system says about the path; anything else (a broken catalog) is its own message
    const code = String((err as { code?: string }).code ?? '');
    const aboutPath = code.startsWith('SQLITE_') || /directory does not exist|unable to open database/i.test(err instanceof Error ? err.message : '');
    if (!aboutPath) throw err;
    throw new UsageError(warehouseError(db, err));
  }
}

/**
 * The same for the commands that also run on PostgreSQL (`--db postgres://…`): a server's warehouse is
 * opened as it is, its schema created if it has none.
 */
export async function openStoreForCommand(db: string, options: OpenOptions & { mustExist?: boolean } = {}): Promise<AnyWarehouse> {
  const { isPostgresTarget } = await import('../store/target.ts');
  if (!isPostgresTarget(db)) return openForCommand(db, options);
  const { mustExist: _, ...open } = options;
  const { openStore } = await import('../store/warehouse.ts');
  try {
    return await openStore(db, open);
  } catch (err) {
    const shown = db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new UsageError(
      `cannot open the PostgreSQL warehouse ${shown}: ${err instanceof Error ? err.message : String(err)} (is the server running, and the database created?)`,
    );
  }
}

/** What went wrong opening `db`, said for the person who typed it. */
export function warehouseError(db: string, err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const folder = dirname(resolve(db));
  if (!existsSync(folder)) return `cannot create the warehouse ${db}: the folder ${folder} does not exist (create it, or pass --db elsewhere)`;
  if (!statSync(folder).isDirectory()) return `cannot create the warehouse ${db}: ${folder} is a file, not a folder (pass --db elsewhere)`;
  switch (code) {
    case 'SQLITE_NOTADB':
      return `${db} is not a baocao warehouse (SQLite: ${message}): pass --db with the warehouse file, or a new file name to create one`;
    case 'SQLITE_CANTOPEN':
      return `cannot open or create the warehouse ${db}: the folder ${folder} or the file is not writable by this user (check their permissions, or pass --db elsewhere)`;
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
      return `the warehouse ${db} is read-only (check its permissions and its folder's, or pass --db elsewhere)`;
    case 'SQLITE_BUSY':
      return `the warehouse ${db} is busy: another baocao is writing it; wait for it to finish, or pass --db elsewhere`;
    case 'SQLITE_CORRUPT':
      return `the warehouse ${db} is damaged (SQLite: ${message}): restore it from a copy, or load the archive again into a new --db`;
    case 'SQLITE_FULL':
      return `no room left on the disk for the warehouse ${db}: free some space, or pass --db on another disk`;
    default:
      return `cannot open the warehouse ${db}: ${message}`;
  }
}
