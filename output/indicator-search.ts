import { foldText } from '../extractors/clean-text.ts';
import type { AnyWarehouse } from '../store/warehouse.ts';

/** What an indicator query found: catalog ids, and folded labels of facts (matched by their words). */
export interface IndicatorMatch {
  ids: string[];
  labels: string[];
}

/**
 * Finds indicators by catalog id (`env.forest.cover`) or by words typed with or without diacritics
 * (`che phu rung` finds `tỷ lệ che phủ rừng`): every word must appear as a whole word in the catalog
 * name, one of its aliases, or a fact's label.
 */
export async function findIndicators(wh: AnyWarehouse, query: string): Promise<IndicatorMatch> {
  const q = query.trim();
  const inCatalog = await wh.db.selectFrom('indicators').select('id').where('id', '=', q).executeTakeFirst();
  const inFacts = inCatalog ?? (await wh.db.selectFrom('labels').select('indicator_id').where('indicator_id', '=', q).executeTakeFirst());
  if (inFacts) return { ids: [q], labels: [] };

  const words = foldText(q).split(' ').filter(Boolean);
  if (words.length === 0) return { ids: [], labels: [] };
  const catalog = await wh.db.selectFrom('indicators').select(['id', 'name_folded', 'aliases_folded']).execute();
  const ids = catalog.filter((i) => [i.name_folded, ...i.aliases_folded.split('|')].some((name) => hasAllWords(name, words))).map((i) => i.id);
  let labels = wh.db.selectFrom('labels').select('folded');
  // the spaces cast to text: PostgreSQL cannot type a bare parameter of concat()
  for (const w of words) {
    labels = labels.where((eb) => eb(eb.fn('concat', [eb.cast(eb.val(' '), 'text'), eb.ref('folded'), eb.cast(eb.val(' '), 'text')]), 'like', `% ${w} %`));
  }
  const found = await labels.execute();
  return { ids, labels: found.map((l) => l.folded) };
}

export function hasAllWords(folded: string, words: readonly string[]): boolean {
  if (!folded) return false;
  const padded = ` ${folded} `;
  return words.every((w) => padded.includes(` ${w} `));
}
