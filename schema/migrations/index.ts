import * as m001 from './2026-11-26-001-initial.ts';
import * as m002 from './2026-11-26-002-areas-reviews-views.ts';
import * as m003 from './2026-11-26-003-derived.ts';
import * as m004 from './2026-11-26-004-area-indexes.ts';
import * as m005 from './2026-11-26-005-checked-at.ts';
import * as m006 from './2026-11-26-006-review-mismatch-index.ts';
import * as m007 from './2026-11-26-007-drop-derived-cell.ts';
import * as m008 from './2026-11-26-008-sentences.ts';
import * as m009 from './2026-12-03-009-message-place.ts';
import * as m010 from './2026-12-03-010-period.ts';
import * as m011 from './2026-12-04-011-run-owner.ts';
import type { WarehouseMigration } from './schema-dialect.ts';

/**
 * Every migration, by name. Names sort by date; the Migrator runs them in that order. Listed statically
 * (not read from the folder) so the CLI needs no file-system scan and works from any working directory.
 * Each runs on SQLite and PostgreSQL alike, told its engine's differences (schema-dialect.ts).
 */
export const MIGRATIONS: Readonly<Record<string, WarehouseMigration>> = {
  '2026-11-26-001-initial': m001,
  '2026-11-26-002-areas-reviews-views': m002,
  '2026-11-26-003-derived': m003,
  '2026-11-26-004-area-indexes': m004,
  '2026-11-26-005-checked-at': m005,
  '2026-11-26-006-review-mismatch-index': m006,
  '2026-11-26-007-drop-derived-cell': m007,
  '2026-11-26-008-sentences': m008,
  '2026-12-03-009-message-place': m009,
  '2026-12-03-010-period': m010,
  '2026-12-04-011-run-owner': m011,
};
