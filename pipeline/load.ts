import type { Statement } from 'better-sqlite3';
import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import { memoByString } from './memo.ts';
import type { DocumentMetadata } from '../schema/document.ts';
import type { Fact, FactSource } from '../schema/fact.ts';
import { loadInputIssues, type InputIssue, type LoadInput, type LoadOutcome } from '../schema/load-input.ts';
import type { Mismatch } from '../schema/mismatch.ts';
import { foldText } from '../extractors/clean-text.ts';
import {
  type AreasTable,
  type Database,
  type FactsTable,
  type ReviewsTable,
  type RunStatus,
  type RunsTable,
  type Warehouse,
} from '../schema/warehouse.ts';
import { prepared } from './statements.ts';

/* ---------- prepared statements, compiled from typed kysely queries ---------- */

type TableName = keyof Database & string;
type Row<T extends TableName> = Insertable<Database[T]>;
type Sqlish = string | number | bigint | null;

/**
 * A typed insert compiled once by kysely and run synchronously by better-sqlite3: a document's rows go
 * in inside one synchronous IMMEDIATE transaction, so nothing else in the process can interleave and
 * no other writer can slip in between the "already loaded?" check and the insert.
 */
function compileInsert<T extends TableName>(
  wh: Warehouse,
  table: T,
  columns: readonly (keyof Row<T> & string)[],
  conflict: 'fail' | 'ignore' = 'fail',
): (row: Row<T>) => void {
  const template = Object.fromEntries(columns.map((c) => [c, null]));
  // The template only fixes the column order; the typed rows below are checked against Row<T>.
  let query = wh.db.insertInto(table).values(template as never);
  if (conflict === 'ignore') query = query.orIgnore();
  const stmt = wh.sqlite.prepare(query.compile().sql);
  return (row) => {
    stmt.run(columns.map((c) => (row[c] ?? null) as Sqlish));
  };
}

/** A row as values in the order of `columns`, each typed by its column: facts go in without a row object. */
type ValuesOf<T extends TableName, C extends readonly (keyof Row<T>)[]> = { -readonly [I in keyof C]: Row<T>[C[I]] };

function compileInsertValues<T extends TableName, const C extends readonly (keyof Row<T> & string)[]>(
  wh: Warehouse,
  table: T,
  columns: C,
): (values: ValuesOf<T, C>) => void {
  const template = Object.fromEntries(columns.map((c) => [c, null]));
  const stmt = wh.sqlite.prepare(wh.db.insertInto(table).values(template as never).compile().sql);
  return (values) => {
    stmt.run(values as unknown as Sqlish[]);
  };
}

interface Statements {
  document: (row: Row<'documents'>) => void;
  fact: (values: ValuesOf<'facts', typeof FACT_COLUMNS>) => void;
  sentence: Statement;
  label: Statement;
  footnote: (row: Row<'footnotes'>) => void;
  message: (row: Row<'document_messages'>) => void;
  mismatch: (row: Row<'mismatches'>) => void;
  byId: Statement;
  currentByKey: Statement;
  supersede: Statement;
  areas: Statement;
}

const statementCache = new WeakMap<Warehouse['sqlite'], Statements>();

const DOCUMENT_COLUMNS = [
  'id', 'file', 'format', 'type', 'number', 'issuer', 'doc_key', 'title', 'place', 'area', 'area_code', 'province',
  'province_code', 'date', 'month', 'report_year', 'plan_year', 'pages', 'loaded_at', 'run_id', 'superseded_by',
] as const satisfies readonly (keyof Row<'documents'>)[];

const FACT_COLUMNS = [
  'document_id', 'id', 'indicator', 'indicator_folded', 'indicator_id', 'value', 'unit', 'unit_text', 'multiplier',
  'base_value', 'year', 'kind', 'qualifier', 'relates_to', 'footnotes', 'in_footnote', 'source', 'sentence_id', 'status',
  'raw', 'heading_path', 'decimals', 'area', 'run_id', 'original_value', 'original_unit', 'original_base_value',
  'original_status', 'corrected_value',
] as const satisfies readonly (keyof FactsTable)[];

const MISMATCH_COLUMNS = [
  'document_id', 'id', 'type', 'message', 'fact_ids', 'expected', 'found', 'difference', 'tolerance', 'source',
  'status', 'run_id',
] as const satisfies readonly (keyof Row<'mismatches'>)[];

function statements(wh: Warehouse): Statements {
  const cached = statementCache.get(wh.sqlite);
  if (cached) return cached;
  const s: Statements = {
    document: compileInsert(wh, 'documents', DOCUMENT_COLUMNS),
    fact: compileInsertValues(wh, 'facts', FACT_COLUMNS),
    sentence: wh.sqlite.prepare(wh.db.insertInto('sentences').values({ document_id: '', text: '' }).compile().sql),
    label: wh.sqlite.prepare(
      wh.db
        .insertInto('labels')
        .values({ folded: '', label: '', indicator_id: null })
        .onConflict((oc) =>
          oc.column('folded').doUpdateSet((eb) => ({
            indicator_id: eb.fn.coalesce('labels.indicator_id', 'excluded.indicator_id'),
          })),
        )
        .compile().sql,
    ),
    footnote: compileInsert(wh, 'footnotes', ['document_id', 'seq', 'number', 'text', 'page']),
    message: compileInsert(wh, 'document_messages', ['document_id', 'seq', 'type', 'message', 'stage']),
    mismatch: compileInsert(wh, 'mismatches', MISMATCH_COLUMNS),
    byId: wh.sqlite.prepare(
      wh.db.selectFrom('documents').select(['id', 'superseded_by']).where('id', '=', '').compile().sql,
    ),
    currentByKey: wh.sqlite.prepare(
      wh.db
        .selectFrom('documents')
        .select(['id', 'date', 'report_year'])
        .where('doc_key', '=', '')
        .where('superseded_by', 'is', null)
        .where('id', '<>', '')
        .compile().sql,
    ),
    supersede: wh.sqlite.prepare(
      wh.db.updateTable('documents').set({ superseded_by: '' }).where('id', '=', '').compile().sql,
    ),
    areas: wh.sqlite.prepare(wh.db.selectFrom('areas').selectAll().compile().sql),
  };
  statementCache.set(wh.sqlite, s);
  return s;
}

/* ---------- areas ---------- */

export interface ResolvedArea {
  area: string | null;
  areaCode: string | null;
  province: string | null;
  provinceCode: string | null;
}

/**
 * Finds the document's area in the catalog: by the metadata's area, then the issuer (`UBND huyện Phong
 * Thổ`), then the place. Longer names win (`thành phố lai châu` before `lai châu`), districts of the
 * stated province before others. Unknown areas keep the words the document used, with no code.
 */
export function resolveArea(areas: readonly Selectable<AreasTable>[], meta: DocumentMetadata): ResolvedArea {
  return resolveAreaIn(areaNames(areas), meta);
}

interface AreaNames {
  byCode: Map<string, Selectable<AreasTable>>;
  /** every name and alias, folded, longest first */
  names: { area: Selectable<AreasTable>; folded: string }[];
}

function areaNames(areas: readonly Selectable<AreasTable>[]): AreaNames {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const names = areas
    .flatMap((a) => [a.name, ...(JSON.parse(a.aliases) as string[])].map((n) => ({ area: a, folded: foldText(n) })))
    .filter((n) => n.folded.length > 0)
    .sort((x, y) => y.folded.length - x.folded.length || levelRank(x.area) - levelRank(y.area));
  return { byCode, names };
}

function resolveAreaIn({ byCode, names }: AreaNames, meta: DocumentMetadata): ResolvedArea {
  const province = meta.province ? foldText(meta.province) : null;
  for (const text of [meta.area, meta.issuer, meta.place]) {
    if (!text) continue;
    const folded = ` ${foldText(text)} `;
    const hits = names.filter((n) => folded.includes(` ${n.folded} `));
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

function levelRank(a: Selectable<AreasTable>): number {
  return a.level === 'commune' ? 0 : a.level === 'district' ? 1 : 2;
}

/* ---------- loading ---------- */

/**
 * The folded form of a label as `facts.indicator_folded` stores it. Labels repeat across facts and
 * documents, and folding is costly string work.
 */
export const foldLabel: (label: string) => string = memoByString(foldText, 50_000);

export interface LoadOptions {
  runId?: number | null;
  now?: () => Date;
  /**
   * Runs inside the document's transaction after every row is written, before commit. A throw rolls the
   * whole document back; tests use it to inject a crash mid-load.
   */
  beforeCommit?: (documentId: string) => void;
}

/**
 * Stores one document and everything extracted from it in one transaction. Idempotent by content hash:
 * the same bytes come back as `skipped`. A document with the number and issuer of a current one
 * supersedes it (or, when its own date is older, is stored already superseded), keeping the old as history.
 * Never throws for a bad document: it returns `failed` with the reason.
 */
export async function loadDocument(wh: Warehouse, input: LoadInput, options: LoadOptions = {}): Promise<LoadOutcome> {
  const documentId = typeof input?.document?.id === 'string' ? input.document.id : '';
  // The input crossed a thread boundary (or came from a caller's hands): checked, not re-parsed.
  const issues = loadInputIssues(input);
  if (issues.length > 0) {
    return { status: 'failed', documentId, reason: `invalid load input: ${summarizeIssues(issues)}` };
  }
  try {
    return writeDocument(wh, input, options);
  } catch (err) {
    if (isUniqueViolationOn(err, 'documents.id')) {
      return { status: 'skipped', documentId, reason: 'already loaded (same content hash)' };
    }
    return { status: 'failed', documentId, reason: `load: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Per connection: the area catalog's folded names (rebuilt only when the `areas` rows change; folding and
 * sorting them cost more than a small document's inserts), and which labels the `labels` table already
 * holds, so a label seen before costs no upsert.
 */
interface ConnectionState {
  areasKey: string;
  areas: AreaNames;
  /** folded label → `resolved` when its row has an indicator id, `present` when it may not */
  labels: Map<string, 'present' | 'resolved'>;
}
const connectionState = new WeakMap<Warehouse['sqlite'], ConnectionState>();

function stateOf(wh: Warehouse, s: Statements): ConnectionState {
  const rows = s.areas.all() as Selectable<AreasTable>[];
  const key = JSON.stringify(rows);
  let state = connectionState.get(wh.sqlite);
  if (!state) {
    state = { areasKey: key, areas: areaNames(rows), labels: new Map() };
    connectionState.set(wh.sqlite, state);
  } else if (state.areasKey !== key) {
    state.areasKey = key;
    state.areas = areaNames(rows);
  }
  return state;
}

/**
 * The document a connection loaded last, as it was written: its facts are all stored, in this order, with
 * this area, and the columns the cross-document checks read (`original_*`, labels, kinds, years) never
 * change after the load. The checks run right after the load on the same connection and would otherwise
 * read back every row they were just handed, which cost more than the checks themselves.
 */
export interface LoadedDocument {
  documentId: string;
  area: string | null;
  facts: readonly Fact[];
}
const justLoaded = new WeakMap<Warehouse['sqlite'], LoadedDocument>();

/** The document this connection loaded last, once, if it is `documentId`; the next load forgets it anyway. */
export function takeJustLoaded(wh: Warehouse, documentId: string): LoadedDocument | null {
  const loaded = justLoaded.get(wh.sqlite);
  if (!loaded || loaded.documentId !== documentId) return null;
  justLoaded.delete(wh.sqlite);
  return loaded;
}

function writeDocument(wh: Warehouse, input: LoadInput, options: LoadOptions): LoadOutcome {
  const s = statements(wh);
  const doc = input.document;
  const runId = options.runId ?? null;
  const loadedAt = (options.now?.() ?? new Date()).toISOString();
  const state = stateOf(wh, s);
  const area = resolveAreaIn(state.areas, doc.metadata);
  // Label rows this document adds or resolves; the known set learns them only once the document commits.
  const labelsSeen = new Map<string, 'present' | 'resolved'>();
  const json = new FactJson();
  // Each sentence once per document: a document's facts share a few dozen of them.
  const sentenceIds = new Map<string, number>();
  justLoaded.delete(wh.sqlite);
  const run = wh.sqlite.transaction((): LoadOutcome => {
    const existing = s.byId.get(doc.id) as { id: string; superseded_by: string | null } | undefined;
    if (existing) {
      const later = existing.superseded_by ? `, superseded by ${existing.superseded_by.slice(0, 12)}` : '';
      return { status: 'skipped', documentId: doc.id, reason: `already loaded (same content hash${later})` };
    }
    const docKey = documentKey(doc.metadata);
    const rivals = docKey ? (s.currentByKey.all(docKey, doc.id) as Rival[]) : [];
    const newer = rivals.find((r) => isNewer(r, doc.metadata));
    s.document(documentRow(input, area, docKey, loadedAt, runId, newer?.id ?? null));
    let supersedes: string | null = null;
    if (!newer) {
      for (const r of rivals) s.supersede.run(doc.id, r.id);
      supersedes = rivals[0]?.id ?? null;
    }
    for (const f of input.facts) {
      const folded = foldLabel(f.indicator);
      let sentenceId = sentenceIds.get(f.source.text);
      if (sentenceId === undefined) {
        sentenceId = Number(s.sentence.run(doc.id, f.source.text).lastInsertRowid);
        sentenceIds.set(f.source.text, sentenceId);
      }
      s.fact(factValues(f, folded, doc.id, area.area, runId, sentenceId, json));
      // The upsert only ever adds a row or fills a missing indicator id: skip it when it would change nothing.
      const known = labelsSeen.get(folded) ?? state.labels.get(folded);
      if (known === 'resolved' || (known === 'present' && f.indicatorId === null)) continue;
      s.label.run(folded, f.indicator, f.indicatorId);
      labelsSeen.set(folded, f.indicatorId === null ? 'present' : 'resolved');
    }
    input.footnotes.forEach((n, seq) =>
      s.footnote({ document_id: doc.id, seq, number: n.number, text: n.text, page: n.page }),
    );
    input.messages.forEach((m, seq) =>
      s.message({ document_id: doc.id, seq, type: m.type, message: m.message, stage: m.stage ?? null }),
    );
    for (const m of input.mismatches) s.mismatch(mismatchRow(m, doc.id, runId));
    applyReviewsSync(wh, { documentId: doc.id });
    options.beforeCommit?.(doc.id);
    return { status: 'loaded', documentId: doc.id, facts: input.facts.length, mismatches: input.mismatches.length, supersedes };
  });
  const outcome = run.immediate();
  if (outcome.status === 'loaded') {
    if (state.labels.size > 200_000) state.labels.clear();
    for (const [folded, known] of labelsSeen) state.labels.set(folded, known);
    justLoaded.set(wh.sqlite, { documentId: doc.id, area: area.area, facts: input.facts });
  }
  return outcome;
}

interface Rival {
  id: string;
  date: string | null;
  report_year: number | null;
}

/** Number and issuer, folded: `712/BC-UBND` of `UBND huyện Phong Thổ` is the same document however spaced. */
export function documentKey(meta: DocumentMetadata): string | null {
  if (!meta.number || !meta.issuer) return null;
  const n = foldText(meta.number);
  const i = foldText(meta.issuer);
  return n && i ? `${n}|${i}` : null;
}

/** Only a clearly later date keeps the stored version current; otherwise the file loaded last wins. */
function isNewer(rival: Rival, meta: DocumentMetadata): boolean {
  const mine = isoDate(meta.date);
  const theirs = isoDate(rival.date);
  return mine !== null && theirs !== null && theirs > mine;
}

/** `2023-12-08`, `08/12/2023`, `ngày 08 tháng 12 năm 2023` → `2023-12-08`; anything else → null. */
export function isoDate(text: string | null): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /(\d{1,2})\s*(?:\/|-|\.|tháng)\s*(\d{1,2})\s*(?:\/|-|\.|năm)\s*(\d{4})/u.exec(text);
  if (!dmy) return null;
  return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
}

function documentRow(
  input: LoadInput,
  area: ResolvedArea,
  docKey: string | null,
  loadedAt: string,
  runId: number | null,
  supersededBy: string | null,
): Row<'documents'> {
  const { document: doc } = input;
  const m = doc.metadata;
  return {
    id: doc.id,
    file: doc.file,
    format: doc.format,
    type: m.type,
    number: m.number,
    issuer: m.issuer,
    doc_key: docKey,
    title: m.title,
    place: m.place,
    area: area.area,
    area_code: area.areaCode,
    province: area.province,
    province_code: area.provinceCode,
    date: m.date,
    month: m.month,
    report_year: m.reportYear,
    plan_year: m.planYear,
    pages: doc.pages,
    loaded_at: loadedAt,
    run_id: runId,
    superseded_by: supersededBy,
  };
}

function factValues(
  f: Fact,
  folded: string,
  documentId: string,
  area: string | null,
  runId: number | null,
  sentenceId: number,
  json: FactJson,
): ValuesOf<'facts', typeof FACT_COLUMNS> {
  // in FACT_COLUMNS' order, line for line
  return [
    documentId, f.id, f.indicator, folded, f.indicatorId, f.value, f.unit, f.unitText, f.multiplier,
    f.baseValue, f.year, f.kind, f.qualifier, f.relatesTo, json.footnotes(f.footnotes), f.inFootnote, json.source(f.source), sentenceId,
    f.status, f.raw, json.headingPath(f.headingPath), f.decimals, area, runId, f.value, f.unit, f.baseValue,
    f.status, null,
  ];
}

function mismatchRow(m: Mismatch, documentId: string, runId: number | null): Row<'mismatches'> {
  return {
    document_id: documentId,
    id: m.id,
    type: m.type,
    message: m.message,
    fact_ids: JSON.stringify(m.factIds),
    expected: m.expected,
    found: m.found,
    difference: m.difference,
    tolerance: m.tolerance,
    source: m.source === null ? null : mismatchSourceJson(m.source),
    status: m.status,
    run_id: runId,
  };
}

/**
 * The JSON columns of one document's facts, each distinct value encoded once: they are the loader's
 * costliest string work (a document's facts share a few sentences of ~400 characters and a few heading
 * paths). A source is byte for byte what `JSON.stringify` gives for the source a zod parse of the input
 * would have left: the schema's keys only, in the schema's order (the loader checks its input rather than
 * parsing it, so it must drop keys a caller added); its numbers are the checked non-negative integers,
 * which print the same either way.
 */
export class FactJson {
  private readonly strings = new Map<string, string>();
  /** Heading paths are shared arrays, one per section, and stay shared across the worker's message. */
  private readonly headings = new Map<readonly string[], string>();

  headingPath(path: readonly string[]): string {
    let json = this.headings.get(path);
    if (json === undefined) {
      json = JSON.stringify(path);
      this.headings.set(path, json);
    }
    return json;
  }

  footnotes(numbers: readonly number[]): string {
    return numbers.length === 0 ? '[]' : JSON.stringify(numbers);
  }

  private quoted(text: string): string {
    let q = this.strings.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      this.strings.set(text, q);
    }
    return q;
  }

  source(x: FactSource): string {
    let out = `{"file":${this.quoted(x.file)}`;
    if (x.page !== undefined) out += `,"page":${x.page}`;
    if (x.sheet !== undefined) out += `,"sheet":${JSON.stringify(x.sheet)}`;
    if (x.cell !== undefined) out += `,"cell":${JSON.stringify(x.cell)}`;
    // no text: the sentence is stored once in `sentences` (sourceOfRow puts it back)
    out += `,"block":${x.block},"start":${x.start},"end":${x.end}`;
    if (x.textStart !== undefined) out += `,"textStart":${x.textStart}`;
    if (x.textEnd !== undefined) out += `,"textEnd":${x.textEnd}`;
    return `${out}}`;
  }
}

function mismatchSourceJson(x: NonNullable<Mismatch['source']>): string {
  return JSON.stringify({
    file: x.file, page: x.page, block: x.block, start: x.start, end: x.end, text: x.text,
  } satisfies Record<keyof NonNullable<Mismatch['source']>, unknown>);
}

function summarizeIssues(issues: readonly InputIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function isUniqueViolationOn(err: unknown, column: string): boolean {
  return err instanceof Error && /UNIQUE constraint failed/.test(err.message) && err.message.includes(column);
}

/* ---------- reviewer decisions ---------- */

/** A reviewer's decision on one fact, keyed by the fact's stable id so it survives re-loads. */
export const ReviewDecision = z
  .object({
    factId: z.string().min(1),
    mismatchId: z.string().nullable().default(null),
    reviewer: z.string().min(1),
    action: z.enum(['accept', 'correct', 'reject']),
    /** for `correct`: the right number, in the fact's written scale (its multiplier is kept) */
    value: z.number().finite().nullable().default(null),
    /** for `correct`: a different canonical unit, if the unit was wrong */
    unit: z.string().nullable().default(null),
    note: z.string().nullable().default(null),
    decidedAt: z.string().optional(),
  })
  .refine((d) => d.action !== 'correct' || d.value !== null, { message: 'a correction needs a value', path: ['value'] });
export type ReviewDecision = z.input<typeof ReviewDecision>;

/**
 * Records a decision and applies it to every stored version of the fact (current and history).
 * Returns how many fact rows changed.
 */
export async function recordReview(wh: Warehouse, decision: ReviewDecision): Promise<number> {
  const d = ReviewDecision.parse(decision);
  const row: Insertable<ReviewsTable> = {
    fact_id: d.factId,
    mismatch_id: d.mismatchId,
    reviewer: d.reviewer,
    decided_at: d.decidedAt ?? new Date().toISOString(),
    action: d.action,
    value: d.value,
    unit: d.unit,
    note: d.note,
  };
  const { sql, parameters } = wh.db.insertInto('reviews').values(row).compile();
  return wh.sqlite.transaction(() => {
    wh.sqlite.prepare(sql).run(parameters as Sqlish[]);
    return applyReviewsSync(wh, { factIds: [d.factId] });
  }).immediate();
}

/**
 * Re-applies the latest decision of each reviewed fact of a document (or of the given fact ids) to the
 * stored rows: value, unit and base value come from the extraction, overridden by a correction.
 */
export async function applyReviews(wh: Warehouse, scope: { documentId: string } | { factIds: string[] }): Promise<number> {
  return wh.sqlite.transaction(() => applyReviewsSync(wh, scope)).immediate();
}

interface LatestReview {
  fact_id: string;
  action: ReviewsTable['action'];
  value: number | null;
  unit: string | null;
}

/** applyReviews, synchronous, for callers already inside a transaction. */
export function applyReviewsSync(wh: Warehouse, scope: { documentId: string } | { factIds: string[] }): number {
  const latest = latestReviews(wh, scope);
  if (latest.length === 0) return 0;
  const update = prepared(
    wh,
    `update facts set
       status = @status,
       corrected_value = @corrected,
       value = coalesce(@corrected, original_value),
       unit = case when @corrected is null then original_unit else coalesce(@unit, original_unit) end,
       base_value = case when @corrected is null then original_base_value else @corrected * pow(10, multiplier) end
     where id = @factId`,
  );
  let changed = 0;
  for (const r of latest) {
    const corrected = r.action === 'correct' ? r.value : null;
    const status = r.action === 'accept' ? 'accepted' : r.action === 'correct' ? 'corrected' : 'rejected';
    changed += update.run({ status, corrected, unit: r.unit, factId: r.fact_id }).changes;
  }
  return changed;
}

function latestReviews(wh: Warehouse, scope: { documentId: string } | { factIds: string[] }): LatestReview[] {
  const base = `select r.fact_id, r.action, r.value, r.unit from reviews r
    where r.id = (select r2.id from reviews r2 where r2.fact_id = r.fact_id order by r2.decided_at desc, r2.id desc limit 1)`;
  if ('documentId' in scope) {
    // Every load asks; a bulk load into a warehouse nobody has reviewed yet should not list its facts for it.
    if (prepared(wh, `select 1 from reviews limit 1`).get() === undefined) return [];
    return prepared(wh, `${base} and r.fact_id in (select id from facts where document_id = ?)`).all(scope.documentId) as LatestReview[];
  }
  if (scope.factIds.length === 0) return [];
  const marks = scope.factIds.map(() => '?').join(',');
  return wh.sqlite.prepare(`${base} and r.fact_id in (${marks})`).all(...scope.factIds) as LatestReview[];
}

/* ---------- runs ---------- */

/** One file's outcome in a run, as `ingest` records it. */
export const RunFileRecord = z.object({
  file: z.string(),
  documentId: z.string().nullable().default(null),
  status: z.enum(['loaded', 'skipped', 'failed']),
  /** the stage that failed (`read`, `extract`, `load`…) */
  stage: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
  facts: z.number().int().nonnegative().default(0),
  mismatches: z.number().int().nonnegative().default(0),
  ms: z.number().nonnegative().nullable().default(null),
});
export type RunFileRecord = z.input<typeof RunFileRecord>;

export type RunSummary = Selectable<RunsTable>;

/** Opens a run; its id goes on every document, fact and mismatch it loads. */
export async function startRun(wh: Warehouse, command: string, args: readonly string[] = []): Promise<number> {
  const row = await wh.db
    .insertInto('runs')
    .values({ command, args: JSON.stringify(args), started_at: new Date().toISOString(), finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordRunFile(wh: Warehouse, runId: number, record: RunFileRecord): Promise<void> {
  const r = RunFileRecord.parse(record);
  await wh.db
    .insertInto('run_files')
    .values({
      run_id: runId,
      file: r.file,
      document_id: r.documentId,
      status: r.status,
      stage: r.stage,
      reason: r.reason,
      facts: r.facts,
      mismatches: r.mismatches,
      ms: r.ms === null ? null : Math.round(r.ms),
      at: new Date().toISOString(),
    })
    .execute();
}

/** The run-file record for a loader outcome (a failed load names the `load` stage). */
export function runFileFromOutcome(file: string, outcome: LoadOutcome, ms: number | null = null): RunFileRecord {
  switch (outcome.status) {
    case 'loaded':
      return { file, documentId: outcome.documentId, status: 'loaded', facts: outcome.facts, mismatches: outcome.mismatches, ms };
    case 'skipped':
      return { file, documentId: outcome.documentId, status: 'skipped', reason: outcome.reason, ms };
    case 'failed':
      return { file, documentId: outcome.documentId || null, status: 'failed', stage: 'load', reason: outcome.reason, ms };
  }
}

/** Closes a run, counting its files from `run_files`, and returns the run's row. */
export async function finishRun(wh: Warehouse, runId: number, status: RunStatus = 'done'): Promise<RunSummary> {
  const counts = await wh.db
    .selectFrom('run_files')
    .where('run_id', '=', runId)
    .select((eb) => [
      eb.fn.countAll<number>().as('files'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'loaded').then(1).else(0).end()).as('loaded'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'skipped').then(1).else(0).end()).as('skipped'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'failed').then(1).else(0).end()).as('failed'),
      eb.fn.sum<number>('facts').as('facts'),
      eb.fn.sum<number>('mismatches').as('mismatches'),
    ])
    .executeTakeFirstOrThrow();
  return wh.db
    .updateTable('runs')
    .set({
      status,
      finished_at: new Date().toISOString(),
      files: counts.files,
      loaded: counts.loaded ?? 0,
      skipped: counts.skipped ?? 0,
      failed: counts.failed ?? 0,
      facts: counts.facts ?? 0,
      mismatches: counts.mismatches ?? 0,
    })
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Commits several documents at once. Each document is still loaded all or nothing (its transaction
 * becomes a savepoint inside the group's), but the commit, which rewrites every index page the documents
 * touched, is paid once per group instead of once per document: most of a small document's load time.
 * A kill loses at most the open group, which a re-run loads again (loads are idempotent by content hash).
 *
 * The caller calls `enter()` before a document's writes and `done()` after them (and after its checks),
 * and `commit()` when it has waited past `msLeft()`, so a slow archive never holds the write lock long.
 */
export class CommitGroup {
  private open = false;
  private documents = 0;
  private openedAt = 0;

  constructor(
    private readonly wh: Warehouse,
    private readonly limits: { documents: number; ms: number } = { documents: 32, ms: 500 },
  ) {}

  enter(): void {
    if (this.open) return;
    // someone else's transaction on this connection: theirs to commit, documents nest in it
    if (this.wh.sqlite.inTransaction) return;
    this.wh.sqlite.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.documents = 0;
    this.openedAt = performance.now();
  }

  /** An open group's time left before it is due; null when no group is open. */
  msLeft(): number | null {
    return this.open ? Math.max(0, this.limits.ms - (performance.now() - this.openedAt)) : null;
  }

  done(): void {
    if (!this.open) return;
    this.documents++;
    if (this.documents >= this.limits.documents || performance.now() - this.openedAt >= this.limits.ms) this.commit();
  }

  commit(): void {
    if (!this.open) return;
    this.open = false;
    if (!this.wh.sqlite.inTransaction) {
      // SQLite rolled the whole transaction back on its own (disk full, I/O error): what this connection
      // believes it wrote is gone with it
      connectionState.delete(this.wh.sqlite);
      throw new Error(`the warehouse rolled back the last ${this.documents} documents (${this.wh.sqlite.name}); run the same command again to load them`);
    }
    try {
      this.wh.sqlite.exec('COMMIT');
    } catch (err) {
      connectionState.delete(this.wh.sqlite);
      if (this.wh.sqlite.inTransaction) this.wh.sqlite.exec('ROLLBACK');
      throw err;
    }
  }
}
