import type { Statement } from 'better-sqlite3';
import type { Warehouse } from '../schema/warehouse.ts';

const caches = new WeakMap<Warehouse['sqlite'], Map<string, Statement>>();
const MAX_CACHED = 256;

/**
 * A prepared statement, compiled once per connection. Preparing the same SQL for every document holds
 * native memory the garbage collector does not see, and a bulk load's memory grew with the archive.
 */
export function prepared(wh: Warehouse, sql: string): Statement {
  let cache = caches.get(wh.sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(wh.sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stmt = wh.sqlite.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
