import type { SelectQueryBuilder } from 'kysely';
import { foldText } from '../extractors/clean-text.ts';
import type { Fact, Kind, Status } from '../schema/fact.ts';
import { sql } from '../schema/migrations/kysely.ts';
import type { Database, DocumentsTable } from '../schema/warehouse.ts';
import { type FactRow, factOf } from '../store/rows.ts';
import type { AnyWarehouse } from '../store/warehouse.ts';
import { findIndicators } from './indicator-search.ts';

/** Filters shared by `baocao facts` and `baocao export` (commander has checked kind and status). */
export interface FactFilter {
  /** document id, id prefix, or file name */
  doc?: string;
  /** catalog id or words, with or without diacritics */
  indicator?: string;
  year?: number;
  /** SDMX TIME_PERIOD as stored (`2026`, `2026-Q1`, `2026-01/2026-03`) */
  period?: string;
  kind?: Kind;
  /** area name (with or without diacritics), province, or GSO code */
  area?: string;
  status?: Status;
  /** include facts of superseded documents (always on with `doc`) */
  history?: boolean;
  /** null or absent: no limit */
  limit?: number | null;
  offset?: number;
}

/** Stops a facts listing from printing a million rows when no filter narrows it. */
export const DEFAULT_UNFILTERED_LIMIT = 1000;

export function hasNarrowingFilter(filter: FactFilter): boolean {
  return Boolean(filter.doc || filter.indicator || filter.year !== undefined || filter.period !== undefined || filter.kind || filter.area || filter.status);
}

type FactsQuery = SelectQueryBuilder<Database, 'facts', FactRow>;

/**
 * The facts matching a filter, as Fact objects in the contract's shape, in load order. `null` when a
 * filter names nothing (no such document, area or indicator), which callers treat as "no facts".
 */
export async function buildFactsQuery(wh: AnyWarehouse, f: FactFilter): Promise<FactsQuery | null> {
  // The sentence by a subquery on its key rather than a join: the plan stays a walk over facts in rowid order.
  let q = wh.db
    .selectFrom('facts')
    .selectAll('facts')
    .select((eb) => eb.selectFrom('sentences').select('sentences.text').whereRef('sentences.id', '=', 'facts.sentence_id').as('sentence')) as FactsQuery;
  // Filters go on facts alone (document sets as `in` lists), so SQLite keeps reading facts in rowid order
  // and a LIMIT stops early instead of sorting the whole table.
  if (f.doc) {
    const ids = await documentIds(wh, f.doc);
    if (ids.length === 0) return null;
    q = q.where('facts.document_id', 'in', ids);
  } else if (!f.history) {
    q = q.where('facts.document_id', 'not in', (eb) => eb.selectFrom('documents').select('id').where('superseded_by', 'is not', null));
  }
  if (f.area) {
    const ids = await documentIdsInArea(wh, f.area);
    if (ids.length === 0) return null;
    q = q.where('facts.document_id', 'in', ids);
  }
  if (f.indicator) {
    const { ids, labels } = await findIndicators(wh, f.indicator);
    if (ids.length === 0 && labels.length === 0) return null;
    q = q.where((eb) =>
      eb.or([...(ids.length ? [eb('facts.indicator_id', 'in', ids)] : []), ...(labels.length ? [eb('facts.indicator_folded', 'in', labels)] : [])]),
    );
  }
  if (f.year !== undefined) q = q.where('facts.year', '=', f.year);
  if (f.period !== undefined) q = q.where('facts.period', '=', f.period);
  if (f.kind) q = q.where('facts.kind', '=', f.kind);
  if (f.status) q = q.where('facts.status', '=', f.status);
  q = q.orderBy(sql`facts.rowid`);
  const offset = f.offset ?? 0;
  if (f.limit != null) q = q.limit(f.limit).offset(offset);
  else if (offset > 0) q = (wh.dialect.unlimited === null ? q : q.limit(wh.dialect.unlimited)).offset(offset);
  return q;
}

export async function queryFacts(wh: AnyWarehouse, filter: FactFilter): Promise<Fact[]> {
  const q = await buildFactsQuery(wh, filter);
  if (!q) return [];
  return (await q.execute()).map(factOf);
}

/** Facts a PostgreSQL export reads per query. */
const EXPORT_PAGE = 5_000;

/** Streams matching facts one at a time, for exports of any size (on PostgreSQL `pageSize` a query). */
export async function* iterateFacts(wh: AnyWarehouse, filter: FactFilter, pageSize = EXPORT_PAGE): AsyncGenerator<Fact> {
  const q = await buildFactsQuery(wh, filter);
  if (!q) return;
  if (wh.engine === 'postgres') {
    // Pages by load order (kysely's stream() on PostgreSQL needs pg-cursor, which baocao does not depend
    // on): each page starts after the last rowid of the one before, an index probe, so a large export
    // stays as fast per fact as a small one. A query with its own limit or offset is bounded: read at once.
    if (filter.limit != null || (filter.offset ?? 0) > 0) {
      for (const row of await q.execute()) yield factOf(row);
      return;
    }
    let after: number | null = null;
    for (;;) {
      const page = (await (after === null ? q : q.where(sql.ref('facts.rowid'), '>', after)).limit(pageSize).execute()) as (FactRow & { rowid: number })[];
      for (const row of page) yield factOf(row);
      if (page.length < pageSize) return;
      after = page.at(-1)!.rowid;
    }
  }
  const { sql: text, parameters } = q.compile();
  for (const row of wh.sqlite.prepare(text).iterate(...(parameters as unknown[]))) yield factOf(row as FactRow);
}

/** `--doc` takes a full id, an id prefix (at least 4 hex digits) or a file name. */
export async function documentIds(wh: AnyWarehouse, doc: string): Promise<string[]> {
  const rows = await wh.db
    .selectFrom('documents')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('id', '=', doc.toLowerCase()),
        ...(/^[0-9a-f]{4,63}$/i.test(doc) ? [eb('id', 'like', `${doc.toLowerCase()}%`)] : []),
        eb('file', '=', doc),
        eb('file', wh.dialect.like, `%/${doc.replace(/[%_]/g, '')}`),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

type AreaColumns = Pick<DocumentsTable, 'id' | 'area' | 'area_code' | 'province' | 'province_code'>;

/** `--area` matches the district or province name (folded, whole words) or a GSO code. */
export async function documentIdsInArea(wh: AnyWarehouse, area: string): Promise<string[]> {
  const docs: AreaColumns[] = await wh.db.selectFrom('documents').select(['id', 'area', 'area_code', 'province', 'province_code']).execute();
  return docs.filter((d) => areaMatches(d, area)).map((d) => d.id);
}

export function areaMatches(d: Omit<AreaColumns, 'id'>, query: string): boolean {
  const q = query.trim();
  if (/^\d+$/.test(q)) return d.area_code === q || d.province_code === q;
  const words = foldText(q).replace(/^(huyen|tinh|thanh pho|thi xa|quan|tp) /, '');
  return [d.area, d.province].some((name) => name !== null && ` ${foldText(name)} `.includes(` ${words} `));
}
