import { foldText } from '../extractors/clean-text.ts';
import type { AreasFile, Catalog } from '../schema/catalog.ts';
import { readSeed, type SeedFile } from '../schema/seeds-dir.ts';
import type { AnyWarehouse } from './warehouse.ts';

/**
 * The warehouse's copy of the reference data: `indicators` and `areas` hold what the seeds folder's
 * files say. Reloads a catalog only when its file changed, so opening stays cheap (no zod, no writes).
 */
export async function seedCatalogs(wh: AnyWarehouse, dir: string): Promise<void> {
  const stored = new Map((await wh.db.selectFrom('meta').select(['key', 'value']).where('key', 'like', 'seed:%').execute()).map((r) => [r.key, r.value]));
  const changed = [readSeed(dir, 'indicators.json'), readSeed(dir, 'areas.json')].filter(
    (f): f is SeedFile => f !== null && stored.get(`seed:${f.name}`) !== f.hash,
  );
  for (const f of changed) await seedCatalog(wh, f);
}

/**
 * Replaces a catalog table with the file's content and records the file's hash, in one transaction.
 * A malformed file is an error naming the file and the field: a silently empty catalog would make
 * every query quietly find less.
 */
export async function seedCatalog(wh: AnyWarehouse, file: SeedFile): Promise<void> {
  const { parseSeed } = await import('../schema/catalog.ts');
  const { prettifyError } = await import('zod');
  let parsed: ReturnType<typeof parseSeed>;
  try {
    parsed = parseSeed(file);
  } catch (err) {
    throw new Error(`${file.path}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!parsed.success) throw new Error(`${file.path}: ${prettifyError(parsed.error)}`);
  const data = parsed.data;
  const fill = Array.isArray(data) ? fillIndicators(data) : fillAreas(data);
  await wh.db.transaction().execute(async (trx) => {
    await fill(trx);
    await trx
      .insertInto('meta')
      .values({ key: `seed:${file.name}`, value: file.hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: file.hash }))
      .execute();
  });
}

type Filler = (trx: AnyWarehouse['db']) => Promise<void>;

function fillIndicators(rows: Catalog): Filler {
  return async (trx) => {
    await trx.deleteFrom('indicators').execute();
    for (const i of rows) {
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
  };
}

function fillAreas({ areas }: AreasFile): Filler {
  return async (trx) => {
    await trx.deleteFrom('areas').execute();
    for (const a of areas) {
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
  };
}
