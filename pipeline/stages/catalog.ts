import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog, type CatalogEntry } from '../../schema/catalog.ts';
import { CANONICAL_UNITS, type UnitCode } from '../../schema/units.ts';
import { fold } from '../../extractors/clean-text.ts';

/**
 * Matches indicator labels to catalog ids. Case, diacritics and word order do not matter: a catalog
 * name (or alias) matches a label that holds all its words, and the most specific name wins.
 */
export interface CatalogIndex {
  entries: readonly CatalogEntry[];
  variants: readonly { entry: CatalogEntry; words: readonly string[] }[];
}

export const DEFAULT_CATALOG_FILE = fileURLToPath(new URL('../../seeds/indicators.json', import.meta.url));

function wordsOf(s: string): string[] {
  return fold(s).split(/[^a-z0-9]+/).filter(Boolean);
}

export function loadCatalog(file = DEFAULT_CATALOG_FILE): CatalogIndex {
  const parsed = Catalog.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: invalid catalog at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return indexCatalog(parsed.data);
}

export function indexCatalog(entries: readonly CatalogEntry[]): CatalogIndex {
  const variants = entries.flatMap((entry) => [entry.name, ...entry.aliases].map((v) => ({ entry, words: wordsOf(v) })));
  return { entries, variants };
}

function dimension(unit: string | null | undefined): string | null {
  if (!unit) return null;
  // Counts are counts whatever the noun (`lao động`, `người`): the label tells them apart.
  if (unit.startsWith('count:')) return 'count';
  return CANONICAL_UNITS[unit as keyof typeof CANONICAL_UNITS] ?? null;
}

/**
 * The catalog id for a label, or null. `unit` guards against a label that names an indicator but
 * states a different measure of it (a count where the catalog has a rate); pass null to skip that.
 */
export function matchIndicator(index: CatalogIndex, label: string, unit: UnitCode | null): string | null {
  const have = new Set(wordsOf(label));
  let best: { id: string; score: number } | null = null;
  for (const v of index.variants) {
    if (v.words.length === 0) continue;
    const hits = v.words.filter((w) => have.has(w)).length;
    const complete = hits === v.words.length;
    const nearly = v.words.length >= 5 && hits / v.words.length >= 0.85;
    if (!complete && !nearly) continue;
    if (unit !== null && v.entry.unit && dimension(v.entry.unit) !== dimension(unit)) continue;
    const score = hits + (complete ? 0.5 : 0);
    if (!best || score > best.score) best = { id: v.entry.id, score };
  }
  return best?.id ?? null;
}
