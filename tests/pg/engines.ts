import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type AnyWarehouse, type OpenOptions, openStore } from '../../store/warehouse.ts';
import { tempDir } from '../warehouse/helpers.ts';

/**
 * The engines a warehouse test runs on, for `describe.each(ENGINES)`, as kysely's own tests loop over
 * their dialects. PostgreSQL runs on the cluster vitest's globalSetup started (tests/pg/global-setup.ts);
 * where none could be started its tests are skipped, the reason in their name, except in CI (`CI` or
 * `BAOCAO_REQUIRE_PG` set, as .ci/run does), where they fail: CI installs PostgreSQL and must run them.
 */
export interface Engine {
  name: 'sqlite' | 'postgres';
  /** the describe block's title: the engine, and why it is skipped if it is */
  title: string;
  /** why this engine's tests cannot run here; null when they can */
  skip: string | null;
  /** a new, empty warehouse of this engine (migrated and seeded as `options` say) */
  open(options?: OpenOptions): Promise<TempWarehouse>;
}

export interface TempWarehouse {
  wh: AnyWarehouse;
  /** what `--db` takes to reach it */
  target: string;
  cleanup(): Promise<void>;
}

function postgresServer(): { url: string; reason: null } | { url: null; reason: string } {
  return inject('postgres') ?? { url: null, reason: 'vitest ran without tests/pg/global-setup.ts' };
}

/** A new database on the test cluster, dropped by the cleanup (after the warehouse on it is closed). */
export async function tempPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = postgresServer();
  if (!server.url) throw new Error(`no PostgreSQL server for the tests: ${server.reason}`);
  const { default: pg } = await import('pg');
  const name = `baocao_t_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

const server = postgresServer();
const postgresSkip = server.url || process.env.BAOCAO_REQUIRE_PG || process.env.CI ? null : server.reason;

export const SQLITE: Engine = {
  name: 'sqlite',
  title: 'sqlite',
  skip: null,
  async open(options = {}) {
    const { dir, cleanup } = tempDir();
    const target = join(dir, 'test.sqlite');
    const wh = await openStore(target, options);
    return {
      wh,
      target,
      cleanup: async () => {
        await wh.close();
        cleanup();
      },
    };
  },
};

export const POSTGRES: Engine = {
  name: 'postgres',
  title: postgresSkip ? `postgres (skipped: ${postgresSkip})` : 'postgres',
  skip: postgresSkip,
  async open(options = {}) {
    const db = await tempPostgresDatabase();
    const wh = await openStore(db.url, options).catch(async (err) => {
      await db.drop();
      throw err;
    });
    return {
      wh,
      target: db.url,
      cleanup: async () => {
        await wh.close();
        await db.drop();
      },
    };
  },
};

export const ENGINES: readonly Engine[] = [SQLITE, POSTGRES];
