import { foldText } from '../extractors/clean-text.ts';
import type { Kind } from '../schema/fact.ts';
import { sql } from '../schema/migrations/kysely.ts';
import { type Granularity, granularityOf, samePeriodYearBefore, yearOfPeriod } from '../schema/period.ts';
import type { AnyWarehouse } from '../store/warehouse.ts';
import { documentIdsInArea } from './facts-query.ts';
import { findIndicators } from './indicator-search.ts';

export interface CompareOptions {
  /** catalog id or words; absent: every catalog indicator that has facts */
  query?: string;
  from?: number;
  to?: number;
  area?: string;
  /** which periods make the columns (default `year`): a quarter is never put beside a year */
  by?: Granularity;
}

/** Where one number was read. */
export interface SourceRef {
  documentId: string;
  file: string;
  factId: string;
  page: number | null;
  reportYear: number | null;
}

/** One distinct number for a cell, with every fact that states it (latest report first). */
export interface CellValue {
  kind: Kind;
  /** in the canonical unit (base value) */
  baseValue: number;
  sources: SourceRef[];
}

export interface Cell {
  /** distinct values, the latest report's first; more than one means the documents disagree */
  values: CellValue[];
  conflict: boolean;
  /** derived by baocao (share of plan, change), not stated by a report */
  computed: boolean;
}

export interface YearColumn {
  plan: Cell | null;
  /** the actual when a report states one, else the estimate */
  result: Cell | null;
  resultKind: 'actual' | 'estimate' | null;
  /** an estimate later restated as an actual with another value */
  revision: { estimate: CellValue; actual: CellValue } | null;
  /** percent of plan: stated (`đạt X% KH`, `vượt X% KH` as 100 + X) or computed from result and plan */
  shareOfPlan: Cell | null;
  /** on the previous year, in the row's unit: computed from results, or stated (`tăng X`) */
  change: Cell | null;
  /** on the previous year, in percent: computed, or stated (`tăng X%`) */
  changePercent: Cell | null;
}

export interface CompareRow {
  /** catalog id, or the folded label when the indicator is not in the catalog */
  key: string;
  indicatorId: string | null;
  indicator: string;
  area: string | null;
  unit: string | null;
  /** the power of ten numbers are shown in (the reports' usual scale: `tỷ đồng` → 9) */
  multiplier: number;
  unitText: string | null;
  /** by column: the year (`2024`) when comparing years, else the period (`2026-Q1`) */
  years: Record<string, YearColumn>;
}

export interface DocumentRef {
  documentId: string;
  file: string;
  number: string | null;
  reportYear: number | null;
  date: string | null;
}

export interface Comparison {
  query: string | null;
  /** the granularity of the columns' periods */
  by: Granularity;
  /** the columns, in order: the years as text when comparing years, else periods of one granularity */
  periods: string[];
  /** the years the columns are about */
  years: number[];
  rows: CompareRow[];
  documents: DocumentRef[];
}

const MEASURE_KINDS = ['plan', 'estimate', 'actual'] as const;
/** The relations compare has a column for (%KH, ±): a share of a whole (`share`) is not one of them. */
const COMPARED_RELATIONS = ['share_of_plan', 'over_plan', 'growth', 'change'] as const;
const COMPARE_KINDS: readonly Kind[] = [...MEASURE_KINDS, ...COMPARED_RELATIONS];

interface Row {
  document_id: string;
  id: string;
  indicator: string;
  indicator_folded: string;
  indicator_id: string | null;
  catalog_name: string | null;
  base_value: number;
  unit: string | null;
  unit_text: string | null;
  multiplier: number;
  year: number;
  period: string | null;
  kind: Kind;
  relates_to: string | null;
  page: number | null;
  area: string | null;
  file: string;
  number: string | null;
  report_year: number | null;
  date: string | null;
  loaded_at: string;
}

/**
 * Plan against estimate/actual per indicator, area and year, from the current (not superseded, not
 * rejected) facts. Every number keeps its sources; disagreements and revisions are kept, not resolved.
 */
export async function compare(wh: AnyWarehouse, o: CompareOptions): Promise<Comparison> {
  if (o.from !== undefined && o.to !== undefined && o.from > o.to) throw new RangeError(`from ${o.from} is after to ${o.to}`);
  const by = o.by ?? 'year';
  const rows = (await fetchRows(wh, o)).filter((r) => granularityOf(periodKey(r)) === by);
  const groups = groupRows(rows);
  const periods = periodsOf(o, rows);
  const out = [...groups.values()].map((g) => buildRow(g, periods, by)).filter((r) => Object.keys(r.years).length > 0);
  out.sort((a, b) => rowOrder(a).localeCompare(rowOrder(b)) || (a.area ?? '').localeCompare(b.area ?? ''));
  const years = [...new Set(periods.map(yearOfPeriod))];
  return { query: o.query?.trim() || null, by, periods, years, rows: out, documents: documentsOf(rows, out) };
}

/** A fact's period; a row stored before periods were read has its year. */
function periodKey(r: Row): string {
  return r.period ?? String(r.year);
}

async function fetchRows(wh: AnyWarehouse, o: CompareOptions): Promise<Row[]> {
  let q = wh.db
    .selectFrom('facts as f')
    .innerJoin('documents as d', 'd.id', 'f.document_id')
    .leftJoin('indicators as i', 'i.id', 'f.indicator_id')
    .select([
      'f.document_id',
      'f.id',
      'f.indicator',
      'f.indicator_folded',
      'f.indicator_id',
      'i.name as catalog_name',
      'f.base_value',
      'f.unit',
      'f.unit_text',
      'f.multiplier',
      'f.year',
      'f.period',
      'f.kind',
      'f.relates_to',
      'f.area',
      'd.file',
      'd.number',
      'd.report_year',
      'd.date',
      'd.loaded_at',
    ])
    .select(wh.dialect.jsonField('f.source', 'page', 'integer').$castTo<number | null>().as('page'))
    .where('d.superseded_by', 'is', null)
    .where('f.status', '<>', 'rejected')
    .where('f.kind', 'in', COMPARE_KINDS)
    .where('f.year', 'is not', null);
  // a year's columns from yearly facts only, filtered in SQL (most facts are yearly); other periods are sorted out after
  if ((o.by ?? 'year') === 'year') q = q.where(sql<boolean>`(f.period is null or f.period = cast(f.year as text))`);
  if (o.from !== undefined) q = q.where('f.year', '>=', o.from - 1);
  if (o.to !== undefined) q = q.where('f.year', '<=', o.to);
  if (o.area) {
    const ids = await documentIdsInArea(wh, o.area);
    if (ids.length === 0) return [];
    q = q.where('f.document_id', 'in', ids);
  }
  if (o.query?.trim()) {
    const { ids, labels } = await findIndicators(wh, o.query);
    if (ids.length === 0 && labels.length === 0) return [];
    q = q.where((eb) => eb.or([...(ids.length ? [eb('f.indicator_id', 'in', ids)] : []), ...(labels.length ? [eb('f.indicator_folded', 'in', labels)] : [])]));
  } else {
    q = q.where('f.indicator_id', 'is not', null);
  }
  return (await q.execute()) as Row[];
}

interface Group {
  key: string;
  area: string | null;
  unit: string | null;
  facts: Row[];
}

/**
 * Rows per indicator, area and measure unit. A relation fact (share of plan, growth) joins the row of
 * the fact it qualifies when that fact is here, else the busiest row of its indicator and area.
 */
function groupRows(rows: Row[]): Map<string, Group> {
  const keyOf = (r: Row) => r.indicator_id ?? r.indicator_folded;
  const groups = new Map<string, Group>();
  const groupOfFact = new Map<string, Group>();
  for (const r of rows) {
    if (!isMeasure(r.kind)) continue;
    const gk = `${keyOf(r)}\u0000${r.area ?? ''}\u0000${r.unit ?? ''}`;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { key: keyOf(r), area: r.area, unit: r.unit, facts: [] }));
    g.facts.push(r);
    groupOfFact.set(`${r.document_id}\u0000${r.id}`, g);
  }
  for (const r of rows) {
    if (isMeasure(r.kind)) continue;
    const related = r.relates_to ? groupOfFact.get(`${r.document_id}\u0000${r.relates_to}`) : undefined;
    const g = related ?? busiestGroup(groups, keyOf(r), r.area);
    if (g) g.facts.push(r);
    else groups.set(`${keyOf(r)}\u0000${r.area ?? ''}\u0000`, { key: keyOf(r), area: r.area, unit: null, facts: [r] });
  }
  return groups;
}

function isMeasure(kind: Kind): kind is (typeof MEASURE_KINDS)[number] {
  return (MEASURE_KINDS as readonly Kind[]).includes(kind);
}

function busiestGroup(groups: Map<string, Group>, key: string, area: string | null): Group | undefined {
  let best: Group | undefined;
  for (const g of groups.values()) {
    if (g.key === key && g.area === area && (!best || g.facts.length > best.facts.length)) best = g;
  }
  return best;
}

/** The columns: the periods present, within `from`–`to` by their year (the year before `from` only feeds the change). */
function periodsOf(o: CompareOptions, rows: Row[]): string[] {
  const present = [...new Set(rows.map(periodKey))].sort((a, b) => yearOfPeriod(a) - yearOfPeriod(b) || a.localeCompare(b));
  const years = present.map(yearOfPeriod);
  const from = o.from ?? years[0];
  const to = o.to ?? years[years.length - 1];
  if (from === undefined || to === undefined) return [];
  return present.filter((p) => yearOfPeriod(p) >= from && yearOfPeriod(p) <= to);
}

function buildRow(g: Group, periods: string[], by: Granularity): CompareRow {
  const measures = g.facts.filter((f) => isMeasure(f.kind));
  const multiplier = mostCommon(measures.map((f) => f.multiplier)) ?? 0;
  const unitText = mostCommon(measures.filter((f) => f.multiplier === multiplier).map((f) => f.unit_text)) ?? null;
  const first = g.facts[0]!;
  const label = first.catalog_name ?? mostCommon(g.facts.map((f) => f.indicator)) ?? first.indicator;
  const out: CompareRow = {
    key: g.key,
    indicatorId: first.indicator_id,
    indicator: label,
    area: g.area,
    unit: g.unit,
    multiplier,
    unitText,
    years: {},
  };
  for (const p of periods) {
    const col = yearColumn(g.facts, p, by === 'year' ? String(Number(p) - 1) : samePeriodYearBefore(p));
    if (col) out.years[p] = col;
  }
  return out;
}

/** One column: `period`'s plan, result and shares, and the change on `before` (the year before, or the same period a year earlier). */
function yearColumn(facts: Row[], period: string, before: string): YearColumn | null {
  const of = (kind: Kind, p = period) => facts.filter((f) => f.kind === kind && periodKey(f) === p);
  const plan = cell(of('plan'));
  const actual = cell(of('actual'));
  const estimate = cell(of('estimate'));
  const result = actual ?? estimate;
  const stated = [...of('share_of_plan'), ...of('over_plan').map((f) => ({ ...f, base_value: 100 + f.base_value }))];
  const shareOfPlan = cell(stated) ?? ratioCell(result, plan);
  const previous = cell(of('actual', before)) ?? cell(of('estimate', before));
  const change = differenceCell(result, previous) ?? cell(of('change'));
  const changePercent = growthCell(result, previous) ?? cell(of('growth'));
  if (!plan && !result && !shareOfPlan && !change && !changePercent) return null;
  return {
    plan,
    result,
    resultKind: actual ? 'actual' : estimate ? 'estimate' : null,
    revision: revisionOf(estimate, actual),
    shareOfPlan,
    change,
    changePercent,
  };
}

/** Distinct values, the latest report first; equal numbers from several documents are one value. */
function cell(facts: Row[]): Cell | null {
  if (facts.length === 0) return null;
  const sorted = [...facts].sort(latestFirst);
  const values: CellValue[] = [];
  for (const f of sorted) {
    const same = values.find((v) => nearlyEqual(v.baseValue, f.base_value));
    const source: SourceRef = { documentId: f.document_id, file: f.file, factId: f.id, page: f.page, reportYear: f.report_year };
    if (same) {
      if (!same.sources.some((s) => s.documentId === f.document_id)) same.sources.push(source);
    } else values.push({ kind: f.kind === 'over_plan' ? 'share_of_plan' : f.kind, baseValue: f.base_value, sources: [source] });
  }
  return { values, conflict: values.length > 1, computed: false };
}

function latestFirst(a: Row, b: Row): number {
  return (b.report_year ?? -Infinity) - (a.report_year ?? -Infinity) || (b.date ?? '').localeCompare(a.date ?? '') || b.loaded_at.localeCompare(a.loaded_at);
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function computedCell(kind: Kind, baseValue: number, from: Cell[]): Cell {
  const sources = from.flatMap((c) => c.values[0]!.sources.slice(0, 1));
  return { values: [{ kind, baseValue, sources }], conflict: false, computed: true };
}

function ratioCell(result: Cell | null, plan: Cell | null): Cell | null {
  const r = result?.values[0]?.baseValue;
  const p = plan?.values[0]?.baseValue;
  if (r === undefined || p === undefined || p === 0) return null;
  return computedCell('share_of_plan', round((100 * r) / p, 2), [result!, plan!]);
}

function differenceCell(result: Cell | null, previous: Cell | null): Cell | null {
  const r = result?.values[0]?.baseValue;
  const p = previous?.values[0]?.baseValue;
  if (r === undefined || p === undefined) return null;
  return computedCell('change', round(r - p, 6), [result!, previous!]);
}

function growthCell(result: Cell | null, previous: Cell | null): Cell | null {
  const r = result?.values[0]?.baseValue;
  const p = previous?.values[0]?.baseValue;
  if (r === undefined || p === undefined || p === 0) return null;
  return computedCell('growth', round((100 * r) / p - 100, 2), [result!, previous!]);
}

function revisionOf(estimate: Cell | null, actual: Cell | null): YearColumn['revision'] {
  const e = estimate?.values[0];
  const a = actual?.values[0];
  if (!e || !a || nearlyEqual(e.baseValue, a.baseValue)) return null;
  return { estimate: e, actual: a };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function mostCommon<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

function rowOrder(r: CompareRow): string {
  // catalog indicators first, in id order; then report labels alphabetically without diacritics
  return r.indicatorId ? `0${r.indicatorId}` : `1${foldText(r.indicator)}`;
}

function documentsOf(rows: Row[], out: CompareRow[]): DocumentRef[] {
  const used = new Set<string>();
  for (const r of out) {
    for (const col of Object.values(r.years)) {
      for (const c of [col.plan, col.result, col.shareOfPlan, col.change, col.changePercent]) {
        for (const v of c?.values ?? []) for (const s of v.sources) used.add(s.documentId);
      }
      if (col.revision) for (const s of col.revision.estimate.sources) used.add(s.documentId);
    }
  }
  const docs = new Map<string, DocumentRef>();
  for (const r of rows) {
    if (used.has(r.document_id) && !docs.has(r.document_id)) {
      docs.set(r.document_id, { documentId: r.document_id, file: r.file, number: r.number, reportYear: r.report_year, date: r.date });
    }
  }
  return [...docs.values()].sort((a, b) => (a.reportYear ?? 0) - (b.reportYear ?? 0) || a.file.localeCompare(b.file));
}
