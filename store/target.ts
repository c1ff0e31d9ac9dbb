/**
 * What `--db` names: `postgres://…` or `postgresql://…` is a PostgreSQL warehouse, anything else a SQLite
 * file. Apart from store/warehouse.ts, so the CLI can tell without loading a database driver.
 */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}
