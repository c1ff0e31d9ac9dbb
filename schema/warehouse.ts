import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { Generated, Kysely as KyselyType, Migration } from 'kysely';
import { SEEDS_DIR } from './seeds-dir.ts';
import type { Format } from './document.ts';
import type { FactSource, Kind, Status } from './fact.ts';
import type { MismatchType, Mismatch } from './mismatch.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { Kysely, Migrator, SqliteDialect } from './migrations/kysely.ts';

/* ---------- table types (columns as SQLite stores them: snake_case, JSON as text) ---------- */

export interface MetaTable {
  key: string;
  value: string;
}

export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';
export type RunFileStatus = 'loaded' | 'skipped' | 'failed';

export interface RunsTable {
  id: Generated<number>;
  command: string;
  /** JSON array of the command's arguments */
  args: Generated<string>;
  started_at: string;
  finished_at: string | null;
  status: Generated<RunStatus>;
  files: Generated<number>;
  loaded: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  facts: Generated<number>;
  mismatches: Generated<number>;
}

export interface RunFilesTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  document_id: string | null;
  status: RunFileStatus;
  stage: string | null;
  reason: string | null;
  facts: Generated<number>;
  mismatches: Generated<number>;
  ms: number | null;
  at: string;
}

export interface DocumentsTable {
  /** when the checks against other documents last ran (null: loaded, checks pending) */
  checked_at: string | null;
  id: string;
  file: string;
  format: Format;
  type: string | null;
  number: string | null;
  issuer: string | null;
  doc_key: string | null;
  title: string | null;
  place: string | null;
  area: string | null;
  area_code: string | null;
  province: string | null;
  province_code: string | null;
  date: string | null;
  month: number | null;
  report_year: number | null;
  plan_year: number | null;
  pages: number | null;
  loaded_at: string;
  run_id: number | null;
  superseded_by: string | null;
}

export interface FactsTable {
  document_id: string;
  id: string;
  indicator: string;
  indicator_folded: string;
  indicator_id: string | null;
  value: number;
  unit: string | null;
  unit_text: string | null;
  multiplier: number;
  base_value: number;
  year: number | null;
  kind: Kind;
  qualifier: string | null;
  relates_to: string | null;
  /** JSON array of footnote numbers */
  footnotes: string;
  in_footnote: number | null;
  /** JSON of FactSource without `text`, which is in `sentences` (sourceOfRow puts it back) */
  source: string;
  /** the sentence the number was read from; null only for rows written without one */
  sentence_id: number | null;
  status: Status;
  raw: string;
  /** JSON array of headings */
  heading_path: string;
  decimals: number;
  area: string | null;
  run_id: number | null;
  original_value: number;
  original_unit: string | null;
  original_base_value: number;
  original_status: Status;
  corrected_value: number | null;
}

/**
 * A fact's source as stored (`facts.source`, without the text) with its sentence put back where the Fact
 * schema has it, after the offsets: outputs print sources in the contract's key order. A row written
 * before migration 008 moved the text out still carries it, and keeps it.
 */
export function sourceOfRow(json: string, sentence: string | null): FactSource {
  const { text, textStart, textEnd, ...where } = JSON.parse(json) as Omit<FactSource, 'text'> & { text?: string };
  return {
    ...where,
    text: sentence ?? text ?? '',
    ...(textStart !== undefined ? { textStart } : {}),
    ...(textEnd !== undefined ? { textEnd } : {}),
  };
}

/** Each sentence a document's facts were read from, once (migration 008). */
export interface SentencesTable {
  id: Generated<number>;
  document_id: string;
  text: string;
}

export interface LabelsTable {
  folded: string;
  label: string;
  indicator_id: string | null;
}

export interface FootnotesTable {
  document_id: string;
  seq: number;
  number: number;
  text: string;
  page: number | null;
}

export interface DocumentMessagesTable {
  document_id: string;
  seq: number;
  type: 'error' | 'warning' | 'info';
  message: string;
  stage: string | null;
}

export interface MismatchesTable {
  document_id: string;
  id: string;
  type: MismatchType;
  message: string;
  /** JSON array of fact ids */
  fact_ids: string;
  expected: number | null;
  found: number | null;
  difference: number | null;
  tolerance: number | null;
  /** JSON of Mismatch['source'] or null */
  source: string | null;
  status: Mismatch['status'];
  run_id: number | null;
}

export interface IndicatorsTable {
  id: string;
  name: string;
  name_folded: string;
  aliases: string;
  aliases_folded: string;
  unit: string | null;
}

export interface AreasTable {
  code: string;
  name: string;
  level: AreaLevel;
  parent_code: string | null;
  name_folded: string;
  aliases: string;
}

export type ReviewAction = 'accept' | 'correct' | 'reject';

export interface ReviewsTable {
  id: Generated<number>;
  fact_id: string;
  mismatch_id: string | null;
  reviewer: string;
  decided_at: string;
  action: ReviewAction;
  value: number | null;
  unit: string | null;
  note: string | null;
}

export interface VFactsView {
  indicator_key: string;
  indicator_id: string | null;
  indicator: string;
  area: string | null;
  area_code: string | null;
  province: string | null;
  year: number | null;
  kind: Kind;
  base_value: number;
  unit: string | null;
  value: number;
  unit_text: string | null;
  multiplier: number;
  qualifier: string | null;
  status: Status;
  document_id: string;
  file: string;
  document_number: string | null;
  report_year: number | null;
  fact_id: string;
  page: number | null;
  sentence: string;
  n_facts: number;
  conflict: number;
}

export interface VPlanActualView {
  indicator_key: string;
  indicator_id: string | null;
  indicator: string;
  area: string | null;
  year: number;
  unit: string | null;
  plan: number | null;
  estimate: number | null;
  actual: number | null;
  result: number | null;
  share_of_plan: number | null;
  share_of_plan_computed: number | null;
  change_on_previous_year: number | null;
  growth_percent: number | null;
  conflict: number;
}

export interface Database {
  meta: MetaTable;
  runs: RunsTable;
  run_files: RunFilesTable;
  documents: DocumentsTable;
  facts: FactsTable;
  sentences: SentencesTable;
  labels: LabelsTable;
  footnotes: FootnotesTable;
  document_messages: DocumentMessagesTable;
  mismatches: MismatchesTable;
  indicators: IndicatorsTable;
  areas: AreasTable;
  reviews: ReviewsTable;
  v_facts: VFactsView;
  v_plan_actual: VPlanActualView;
}

/** Levels of `seeds/areas.json` (validated by AreaSeed in catalogs.ts). */
export type AreaLevel = 'province' | 'district' | 'commune';

/* ---------- opening ---------- */

export interface Warehouse {
  db: KyselyType<Database>;
  sqlite: SqliteDatabase.Database;
  file: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** migrations to run; all of them by default (tests pass fewer to build an older warehouse) */
  migrations?: Readonly<Record<string, Migration>>;
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
    // A document's commit rewrites every index page it touched (~600 pages at a few hundred documents, most
    // of them the same few hundred pages of the fact-id and label indexes). Checkpointing every 1,000
    // pages (the default) copied those same pages into the database file every other document; every
    // 10,000 (a WAL of ~40 MB) copies each once per ~15 documents. Readers look a page up in a few more WAL-index blocks at most.
    sqlite.pragma('wal_autocheckpoint = 10000');
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
  const wh: Warehouse = { db, sqlite, file, close };
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    const applied = appliedMigrations(sqlite);
    const pending = Object.keys(migrations).filter((name) => !applied.has(name));
    if (pending.length > 0) {
      if (applied.size > 0) (options.onUpgrade ?? announceUpgrade)(pending);
      await migrate(db, migrations);
    }
    if (options.seeds !== false) await seedCatalogs(wh, options.seeds ?? SEEDS_DIR);
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

async function migrate(db: KyselyType<Database>, migrations: Readonly<Record<string, Migration>>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`warehouse migration ${failed?.migrationName ?? '(before any migration)'} failed: ${cause}`);
  }
}

/* ---------- seeding ---------- */

export interface SeedFile {
  name: 'indicators.json' | 'areas.json';
  /** where it was read from, for messages: `BAOCAO_SEEDS` may name another folder than `seeds/` */
  path: string;
  text: string;
  hash: string;
}

function readSeed(dir: string, name: SeedFile['name']): SeedFile | null {
  const path = `${dir.replace(/\/$/, '')}/${name}`;
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  return { name, path, text, hash: createHash('sha256').update(text).digest('hex') };
}

/** Reloads a catalog only when its file changed, so opening stays cheap (no zod, no writes). */
async function seedCatalogs(wh: Warehouse, dir: string): Promise<void> {
  const stored = new Map(
    (wh.sqlite.prepare(`select key, value from meta where key like 'seed:%'`).all() as { key: string; value: string }[]).map(
      (r) => [r.key, r.value],
    ),
  );
  const changed = [readSeed(dir, 'indicators.json'), readSeed(dir, 'areas.json')].filter(
    (f): f is SeedFile => f !== null && stored.get(`seed:${f.name}`) !== f.hash,
  );
  if (changed.length === 0) return;
  const { loadCatalog } = await import('./catalogs.ts');
  for (const f of changed) await loadCatalog(wh, f);
}
