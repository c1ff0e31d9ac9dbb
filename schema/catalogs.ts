import { z } from 'zod';
import { foldText } from '../extractors/clean-text.ts';
import type { SeedFile, Warehouse } from './warehouse.ts';

/** `seeds/indicators.json`: the indicator catalog (written by the extraction work). */
export const IndicatorSeed = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    unit: z.string().nullable().optional(),
  }),
);

/** `seeds/areas.json`: administrative areas with their GSO codes. */
export const AreaSeed = z.object({
  about: z.string().optional(),
  areas: z.array(
    z.object({
      code: z.string().regex(/^\d+$/),
      name: z.string().min(1),
      level: z.enum(['province', 'district', 'commune']),
      parent: z.string().nullable().optional(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
});

/**
 * Replaces a catalog table with the file's content and records the file's hash, in one transaction.
 * A malformed file is an error naming the file and the field: a silently empty catalog would make
 * every query quietly find less.
 */
export async function loadCatalog(wh: Warehouse, file: SeedFile): Promise<void> {
  const fill = file.name === 'indicators.json' ? indicatorsFiller(file) : areasFiller(file);
  await wh.db.transaction().execute(async (trx) => {
    await fill(trx);
    await trx
      .insertInto('meta')
      .values({ key: `seed:${file.name}`, value: file.hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: file.hash }))
      .execute();
  });
}

type Filler = (trx: Warehouse['db']) => Promise<void>;

function parse<T extends z.ZodType>(schema: T, file: SeedFile): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (err) {
    throw new Error(`${file.path}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file.path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function indicatorsFiller(file: SeedFile): Filler {
  const rows = parse(IndicatorSeed, file);
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

function areasFiller(file: SeedFile): Filler {
  const { areas } = parse(AreaSeed, file);
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
