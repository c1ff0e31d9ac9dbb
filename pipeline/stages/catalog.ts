import { join } from 'node:path';
import { fold } from '../../extractors/clean-text.ts';
import { type AreaEntry, type AreaPopulation, type CatalogEntry, parseSeed } from '../../schema/catalog.ts';
import { CATALOG_FILE, readSeedAt, SEEDS_DIR } from '../../schema/seeds-dir.ts';
import { CANONICAL_UNITS, type UnitCode } from '../../schema/units.ts';

/**
 * Matches indicator labels to catalog ids. Case, diacritics and word order do not matter: a catalog
 * name (or alias) matches a label that holds all its words, and the most specific name wins.
 */
export interface CatalogIndex {
  entries: readonly CatalogEntry[];
  variants: readonly { entry: CatalogEntry; words: readonly string[]; wordBag: ReadonlyMap<string, number>; syllables: ReadonlyMap<string, number> | null }[];
  /** labels repeat (a figure and its relations share one): match each once; by unit, then label */
  memo: Map<string, Map<string, string | null>>;
  /**
   * Which variants hold a folded word, and which variants with diacritics hold a syllable (positions in
   * `variants`, ascending): a variant sharing nothing with a label cannot match it, so only these are scored.
   */
  byWord: ReadonlyMap<string, readonly number[]>;
  bySyllable: ReadonlyMap<string, readonly number[]>;
  /** the other reference data the stages use: areas with a known population (validate's plausibility check) */
  populations: readonly AreaPopulation[];
}

/** The catalog of the seeds folder the warehouse reads too (`BAOCAO_SEEDS`): extraction and queries agree. */
export const DEFAULT_CATALOG_FILE = CATALOG_FILE;

function wordsOf(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Both tone placements are in use (`hoá`/`hóa`, `thuỷ`/`thủy`): write the tone on the first vowel of a
 * final `oa`, `oe`, `uy`, so either spelling reads as one syllable.
 */
function oneTonePlacement(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$/u, '$1$3$2')
    .normalize('NFC');
}

/** Syllables with their diacritics: `lượng` (amount) and `lương` (grain) must not stand for each other. */
function syllablesOf(s: string): string[] {
  return s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(oneTonePlacement);
}

function hasDiacritics(s: string): boolean {
  return /\P{ASCII}/u.test(s.normalize('NFC'));
}

/** How many of the words a variant needs the label's bag holds, counting repeats (`lượng` twice is not `lượng lương`). */
function hitsOf(need: ReadonlyMap<string, number>, have: ReadonlyMap<string, number>): number {
  let hits = 0;
  for (const [w, n] of need) hits += Math.min(n, have.get(w) ?? 0);
  return hits;
}

function bag(ws: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/**
 * Reads the reference data once (per worker), at the edge: the indicator catalog, and the areas catalog of
 * the seeds folder (`BAOCAO_SEEDS`, as the warehouse reads it) for the populations it may carry.
 */
export function loadCatalog(file = DEFAULT_CATALOG_FILE, areasFile = join(SEEDS_DIR, 'areas.json')): CatalogIndex {
  const seed = readSeedAt(file, 'indicators.json');
  if (!seed) throw new Error(`no indicator catalog at ${file} (BAOCAO_SEEDS names the seeds folder)`);
  const parsed = parseSeed(seed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: invalid catalog at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return indexCatalog(parsed.data, readPopulations(areasFile));
}

/** A missing or broken areas file only means no known populations: the warehouse's seeding reports it. */
function readPopulations(file: string): AreaPopulation[] {
  try {
    const seed = readSeedAt(file, 'areas.json');
    const parsed = seed && parseSeed(seed);
    return parsed?.success ? populationsOf(parsed.data.areas) : [];
  } catch {
    return [];
  }
}

/** Every name and alias of the areas with a known population, longest folded name first. */
export function populationsOf(areas: readonly AreaEntry[]): AreaPopulation[] {
  const out: AreaPopulation[] = [];
  for (const a of areas) {
    if (a.population === undefined || !(a.population > 0)) continue;
    for (const n of [a.name, ...a.aliases])
      out.push({
        name: a.name,
        folded: fold(n)
          .replace(/[^a-z0-9]+/g, ' ')
          .trim(),
        population: a.population,
      });
  }
  return out.sort((x, y) => y.folded.length - x.folded.length);
}

export function indexCatalog(entries: readonly CatalogEntry[], populations: readonly AreaPopulation[] = []): CatalogIndex {
  const variants = entries.flatMap((entry) =>
    [entry.name, ...entry.aliases].map((v) => ({
      entry,
      words: wordsOf(v),
      wordBag: bag(wordsOf(v)),
      syllables: hasDiacritics(v) ? bag(syllablesOf(v)) : null,
    })),
  );
  const byWord = new Map<string, number[]>();
  const bySyllable = new Map<string, number[]>();
  const note = (m: Map<string, number[]>, key: string, at: number) => {
    const list = m.get(key);
    if (!list) m.set(key, [at]);
    else if (list.at(-1) !== at) list.push(at);
  };
  variants.forEach((v, at) => {
    for (const w of v.wordBag.keys()) note(byWord, w, at);
    for (const syl of v.syllables?.keys() ?? []) note(bySyllable, syl, at);
  });
  return { entries, variants, memo: new Map(), byWord, bySyllable, populations };
}

/**
 * The variants that share a word with the label, in catalog order (the order decides ties). A variant
 * is compared on syllables when both sides have diacritics, else on folded words: it is a candidate
 * when it shares one of the units it will be compared on.
 */
function candidatesOf(index: CatalogIndex, folded: ReadonlyMap<string, number>, accented: ReadonlyMap<string, number> | null): number[] {
  const seen = new Set<number>();
  for (const w of folded.keys()) {
    for (const at of index.byWord.get(w) ?? []) if (!(accented && index.variants[at]!.syllables)) seen.add(at);
  }
  if (accented) for (const syl of accented.keys()) for (const at of index.bySyllable.get(syl) ?? []) seen.add(at);
  return [...seen].sort((a, b) => a - b);
}

/**
 * Words that narrow an indicator to a part of it (a season, new plantings, the damaged area…): a label
 * holding one that the catalog name lacks is about a sub-indicator, not the catalog's.
 */
const NARROWING = [
  'vu xuan',
  'vu mua',
  'vu dong',
  'vu he',
  'vu thu',
  'dong xuan',
  'xuan he',
  'he thu',
  'thu dong',
  'lua mua',
  'nuong',
  'trong moi',
  'kinh doanh',
  'khai thac',
  'anh huong',
  'thiet hai',
  'hang hoa',
  'xen',
  'trong thuan',
  'lien ket',
  'tu phat',
  'cho thu hoach',
  'tong so',
  'khac',
  'thong qua',
  'vay von',
];

function narrows(labelWords: string, variantWords: string): boolean {
  return NARROWING.some((n) => ` ${labelWords} `.includes(` ${n} `) && !` ${variantWords} `.includes(` ${n} `));
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
  // two levels rather than one joined key: the label string, often the same object, keeps its hash
  let byLabel = index.memo.get(unit ?? '');
  if (!byLabel) index.memo.set(unit ?? '', (byLabel = new Map()));
  const known = byLabel.get(label);
  if (known !== undefined) return known;
  const found = matchUncached(index, label, unit);
  if (byLabel.size > 50_000) byLabel.clear();
  byLabel.set(label, found);
  return found;
}

function matchUncached(index: CatalogIndex, label: string, unit: UnitCode | null): string | null {
  const labelWords = wordsOf(label);
  const folded = bag(labelWords);
  const accented = hasDiacritics(label) ? bag(syllablesOf(label)) : null;
  const joined = labelWords.join(' ');
  let best: { id: string; score: number } | null = null;
  for (const at of candidatesOf(index, folded, accented)) {
    const v = index.variants[at]!;
    if (v.words.length === 0) continue;
    // Compare with diacritics when both sides have them; a label typed without them falls back to folded words.
    const hits = accented && v.syllables ? hitsOf(v.syllables, accented) : hitsOf(v.wordBag, folded);
    const complete = hits === v.words.length;
    const nearly = v.words.length >= 5 && hits / v.words.length >= 0.85;
    if (!complete && !nearly) continue;
    if (unit !== null && v.entry.unit && dimension(v.entry.unit) !== dimension(unit)) continue;
    if (narrows(joined, v.words.join(' '))) continue;
    const score = hits + (complete ? 0.5 : 0);
    if (!best || score > best.score) best = { id: v.entry.id, score };
  }
  return best?.id ?? null;
}
