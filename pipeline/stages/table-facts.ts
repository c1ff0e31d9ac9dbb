import { fold } from '../../extractors/clean-text.ts';
import type { DocumentMetadata } from '../../schema/document.ts';
import { countUnit, type UnitCode } from '../../schema/units.ts';

/** Helpers of extract's reading of table cells into candidates (`extractTables`). */

/**
 * What a rank is out of (`7/41`): places of the kind the ranked columns are. That kind is known where one
 * of the columns is the document's own area (`tỉnh Mây` makes its sibling columns `tỉnh`); else
 * the whole is not a fact.
 */
export function rankWholeUnit(entities: readonly string[], meta: DocumentMetadata): { unit: UnitCode; multiplier: number } | null {
  const { area, province } = meta;
  if (!area || !province || !entities.some((e) => fold(e) === fold(province))) return null;
  const at = fold(area).indexOf(fold(province));
  const level = at > 0 ? area.slice(0, at).trim().toLowerCase() : '';
  return level ? { unit: countUnit(level), multiplier: 0 } : null;
}
