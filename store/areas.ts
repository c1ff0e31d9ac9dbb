import type { Selectable } from 'kysely';
import { foldText } from '../extractors/clean-text.ts';
import type { DocumentMetadata } from '../schema/document.ts';
import type { AreasTable } from '../schema/warehouse.ts';
import type { ResolvedArea } from './rows.ts';

export type { ResolvedArea };

/**
 * Finds the document's area in the catalog: by the metadata's area, then the issuer (`UBND huyện Phong
 * Thổ`), then the place. Longer names win (`thành phố lai châu` before `lai châu`), districts of the
 * stated province before others. Unknown areas keep the words the document used, with no code.
 */
export function resolveArea(areas: readonly Selectable<AreasTable>[], meta: DocumentMetadata): ResolvedArea {
  return resolveAreaIn(areaNames(areas), meta);
}

/** The area catalog prepared for resolveAreaIn: folding and sorting it costs more than a small document's inserts. */
export interface AreaNames {
  byCode: Map<string, Selectable<AreasTable>>;
  /** every name and alias, folded, longest first */
  names: { area: Selectable<AreasTable>; folded: string }[];
}

export function areaNames(areas: readonly Selectable<AreasTable>[]): AreaNames {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const names = areas
    .flatMap((a) => [a.name, ...(JSON.parse(a.aliases) as string[])].map((n) => ({ area: a, folded: foldText(n) })))
    .filter((n) => n.folded.length > 0)
    .sort((x, y) => y.folded.length - x.folded.length || levelRank(x.area) - levelRank(y.area));
  return { byCode, names };
}

export function resolveAreaIn({ byCode, names }: AreaNames, meta: DocumentMetadata): ResolvedArea {
  const province = meta.province ? foldText(meta.province) : null;
  for (const text of [meta.area, meta.issuer, meta.place]) {
    if (!text) continue;
    const folded = ` ${foldText(text)} `;
    const hits = names.filter((n) => levelFits(folded, n));
    const inProvince = hits.find((h) => province && h.area.parent_code && byCode.get(h.area.parent_code)?.name_folded === province);
    const hit = inProvince ?? hits[0];
    if (!hit) continue;
    const parent = hit.area.parent_code ? byCode.get(hit.area.parent_code) : undefined;
    const isProvince = hit.area.level === 'province';
    return {
      area: hit.area.name,
      areaCode: hit.area.code,
      province: isProvince ? hit.area.name : (parent?.name ?? meta.province),
      provinceCode: isProvince ? hit.area.code : (parent?.code ?? null),
    };
  }
  return { area: meta.area ?? meta.place, areaCode: null, province: meta.province, provinceCode: null };
}

/** The level a word before a name says it is: `xã Bảo Lâm` is a commune whatever else is called Bảo Lâm. */
const LEVEL_WORDS: readonly { word: string; levels: readonly string[] }[] = [
  { word: 'thi xa', levels: ['district'] },
  { word: 'thi tran', levels: ['commune'] },
  { word: 'dac khu', levels: ['commune'] },
  { word: 'thanh pho', levels: ['district', 'province'] },
  { word: 'tp', levels: ['district', 'province'] },
  { word: 'tinh', levels: ['province'] },
  { word: 'huyen', levels: ['district'] },
  { word: 'quan', levels: ['district'] },
  { word: 'xa', levels: ['commune'] },
  { word: 'phuong', levels: ['commune'] },
];

/**
 * Whether the text names the area: its name as whole words, and no level word just before it that says it
 * is another kind of area (a commune named like a former district is not that district).
 */
function levelFits(folded: string, n: { area: Selectable<AreasTable>; folded: string }): boolean {
  const needle = ` ${n.folded} `;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const before = folded.slice(0, at + 1);
    const said = LEVEL_WORDS.find((l) => before.endsWith(` ${l.word} `));
    if (!said || said.levels.includes(n.area.level)) return true;
  }
  return false;
}

function levelRank(a: Selectable<AreasTable>): number {
  return a.level === 'commune' ? 0 : a.level === 'district' ? 1 : 2;
}
