import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Generated, type Migration } from 'kysely';
import { z } from 'zod';
import type { Format } from './document.ts';
import type { Kind, Status } from './fact.ts';
import type { MismatchType, Mismatch } from './mismatch.ts';
import { MIGRATIONS } from './migrations/index.ts';

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
  /** JSON of FactSource */
  source: string;
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

/* ---------- catalogs kept in seeds/ ---------- */

/** `seeds/indicators.json`: the indicator catalog (written by the extraction work). */
export const IndicatorSeed = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    unit: z.string().nullable().optional(),
  }),
);

export const AreaLevel = z.enum(['province', 'district', 'commune']);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** `seeds/areas.json`: administrative areas with their GSO codes. */
export const AreaSeed = z.object({
  about: z.string().optional(),
  areas: z.array(
    z.object({
      code: z.string().regex(/^\d+$/),
      name: z.string().min(1),
      level: AreaLevel,
      parent: z.string().nullable().optional(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
});

/* ---------- opening ---------- */

export interface Warehouse {
  db: Kysely<Database>;
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
}

export const SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url));

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
  } catch (err) {
    sqlite.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const wh: Warehouse = { db, sqlite, file, close: () => db.destroy() };
  try {
    await migrate(db, options.migrations ?? MIGRATIONS);
    if (options.seeds !== false) await seedCatalogs(wh, options.seeds ?? SEEDS_DIR);
  } catch (err) {
    await wh.close();
    throw err;
  }
  return wh;
}

async function migrate(db: Kysely<Database>, migrations: Readonly<Record<string, Migration>>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`warehouse migration ${failed?.migrationName ?? '(before any migration)'} failed: ${cause}`);
  }
}

/* ---------- folding ---------- */

/**
 * The search form of Vietnamese text: no diacritics, `đ` → `d`, lower case, punctuation as single spaces.
 * `Tỷ lệ che phủ rừng (%)` → `ty le che phu rung`. Stored in `facts.indicator_folded`.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/* ---------- seeding ---------- */

function readSeed(dir: string, name: string): { text: string; hash: string } | null {
  const path = `${dir.replace(/\/$/, '')}/${name}`;
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  return { text, hash: createHash('sha256').update(text).digest('hex') };
}

async function seedChanged(wh: Warehouse, key: string, hash: string): Promise<boolean> {
  const row = await wh.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value !== hash;
}

async function seedCatalogs(wh: Warehouse, dir: string): Promise<void> {
  const indicators = readSeed(dir, 'indicators.json');
  if (indicators && (await seedChanged(wh, 'seed:indicators', indicators.hash))) {
    const parsed = IndicatorSeed.safeParse(JSON.parse(indicators.text));
    if (!parsed.success) throw new Error(`seeds/indicators.json: ${z.prettifyError(parsed.error)}`);
    await replaceCatalog(wh, 'seed:indicators', indicators.hash, async (trx) => {
      await trx.deleteFrom('indicators').execute();
      for (const i of parsed.data) {
        await trx
          .insertInto('indicators')
          .values({
            id: i.id,
            name: i.name,
            name_folded: foldText(i.name),
            aliases: JSON.stringify(i.aliases),
            aliases_folded: i.aliases.map((a) => `|${foldText(a)}|`).join(''),
            unit: i.unit ?? null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
  }
  const areas = readSeed(dir, 'areas.json');
  if (areas && (await seedChanged(wh, 'seed:areas', areas.hash))) {
    const parsed = AreaSeed.safeParse(JSON.parse(areas.text));
    if (!parsed.success) throw new Error(`seeds/areas.json: ${z.prettifyError(parsed.error)}`);
    await replaceCatalog(wh, 'seed:areas', areas.hash, async (trx) => {
      await trx.deleteFrom('areas').execute();
      for (const a of parsed.data.areas) {
        await trx
          .insertInto('areas')
          .values({
            code: a.code,
            name: a.name,
            level: a.level,
            parent_code: a.parent ?? null,
            name_folded: foldText(a.name),
            aliases: JSON.stringify(a.aliases),
          })
          .execute();
      }
    });
  }
}

async function replaceCatalog(
  wh: Warehouse,
  key: string,
  hash: string,
  fill: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  await wh.db.transaction().execute(async (trx) => {
    await fill(trx);
    await trx
      .insertInto('meta')
      .values({ key, value: hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
      .execute();
  });
}
