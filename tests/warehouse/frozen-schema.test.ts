import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../schema/migrations/index.ts';
import { openWarehouse } from '../../store/warehouse.ts';

/**
 * Released migrations are frozen: since they take what differs between engines from a dialect
 * (schema/migrations/schema-dialect.ts), SQLite's answers must give back, byte for byte, the schema they made
 * before. `support/sqlite-schema.json` is sqlite_master of a new warehouse as of migration 010, written
 * before PostgreSQL was an engine; a new migration adds to it, never changes what is there.
 */
describe('the SQLite schema', () => {
  it('is what the released migrations made before they had a dialect', async () => {
    const frozen = JSON.parse(readFileSync(new URL('support/sqlite-schema.json', import.meta.url), 'utf8')) as unknown[];
    // as of migration 010; later migrations add to it
    const upTo010 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '2026-12-03-010-period'));
    const wh = await openWarehouse(':memory:', { seeds: false, migrations: upTo010 });
    try {
      const now = wh.sqlite.prepare(`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`).all();
      expect(now).toEqual(frozen);
    } finally {
      await wh.close();
    }
  });
});
