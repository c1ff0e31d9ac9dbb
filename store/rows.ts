import type { Selectable } from 'kysely';
import type { Diagnostic } from '../schema/diagnostic.ts';
import type { Fact, FactSource } from '../schema/fact.ts';
import type { LoadInput } from '../schema/load-input.ts';
import type { Mismatch } from '../schema/mismatch.ts';
import type { DocumentMessagesTable, FactsTable, FootnotesTable, MismatchesTable, ReviewAction, RunFileStatus } from '../schema/warehouse.ts';
import type { Row, ValuesOf } from './statements.ts';

/**
 * One mapper each way per table: the contract's object (schema/) to its row, and the row back. A new
 * column is added by its migration (with its table type in schema/warehouse.ts), its zod schema and the
 * mappers here, nowhere else: the loader, the checks, the review and the outputs all go through these.
 * The cross-document checks' hot queries name the few columns they read (FACT_CORE_COLUMNS) in SQL.
 */

/* ---------- documents ---------- */

/** The area the loader resolved for a document (store/areas.ts). */
export interface ResolvedArea {
  area: string | null;
  areaCode: string | null;
  province: string | null;
  provinceCode: string | null;
}

export const DOCUMENT_COLUMNS = [
  'id',
  'file',
  'format',
  'type',
  'number',
  'issuer',
  'doc_key',
  'title',
  'place',
  'area',
  'area_code',
  'province',
  'province_code',
  'date',
  'month',
  'report_year',
  'plan_year',
  'pages',
  'loaded_at',
  'run_id',
  'superseded_by',
] as const satisfies readonly (keyof Row<'documents'>)[];

/** What the loader decided about a document beside its input. */
export interface DocumentLoad {
  area: ResolvedArea;
  docKey: string | null;
  loadedAt: string;
  runId: number | null;
  supersededBy: string | null;
}

export function documentRow(input: LoadInput, load: DocumentLoad): Row<'documents'> {
  const { document: doc } = input;
  const m = doc.metadata;
  const { area } = load;
  return {
    id: doc.id,
    file: doc.file,
    format: doc.format,
    type: m.type,
    number: m.number,
    issuer: m.issuer,
    doc_key: load.docKey,
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
    loaded_at: load.loadedAt,
    run_id: load.runId,
    superseded_by: load.supersededBy,
  };
}

/* ---------- facts ---------- */

export const FACT_COLUMNS = [
  'document_id',
  'id',
  'indicator',
  'indicator_folded',
  'indicator_id',
  'value',
  'unit',
  'unit_text',
  'multiplier',
  'base_value',
  'year',
  'period',
  'kind',
  'qualifier',
  'relates_to',
  'footnotes',
  'in_footnote',
  'source',
  'sentence_id',
  'status',
  'raw',
  'heading_path',
  'decimals',
  'area',
  'run_id',
  'original_value',
  'original_unit',
  'original_base_value',
  'original_status',
  'corrected_value',
] as const satisfies readonly (keyof FactsTable)[];

export type FactValues = ValuesOf<'facts', typeof FACT_COLUMNS>;

/** Where a fact's row goes beside the fact itself. */
export interface FactPlacement {
  documentId: string;
  /** the label folded (store/documents.ts foldLabel) */
  folded: string;
  area: string | null;
  runId: number | null;
  sentenceId: number;
}

/**
 * A fact's row as values in FACT_COLUMNS' order (the loader's hot path writes them without a row object).
 * The extracted value is also the original one; a reviewer's decision changes only the first.
 */
export function factRow(f: Fact, at: FactPlacement, json: FactJson): FactValues {
  // in FACT_COLUMNS' order, line for line
  return [
    at.documentId,
    f.id,
    f.indicator,
    at.folded,
    f.indicatorId,
    f.value,
    f.unit,
    f.unitText,
    f.multiplier,
    f.baseValue,
    f.year,
    f.period,
    f.kind,
    f.qualifier,
    f.relatesTo,
    json.footnotes(f.footnotes),
    f.inFootnote,
    json.source(f.source),
    at.sentenceId,
    f.status,
    f.raw,
    json.headingPath(f.headingPath),
    f.decimals,
    at.area,
    at.runId,
    f.value,
    f.unit,
    f.baseValue,
    f.status,
    null,
  ];
}

/** A `facts` row with its sentence (`sentences.text` of its `sentence_id`). */
export type FactRow = Selectable<FactsTable> & { sentence: string | null };

/** A stored row back in the contract's shape (field order of schema/fact.ts), as reviewed. */
export function factOf(r: FactRow): Fact {
  return {
    id: r.id,
    documentId: r.document_id,
    indicator: r.indicator,
    indicatorId: r.indicator_id,
    value: r.value,
    unit: r.unit as Fact['unit'],
    unitText: r.unit_text,
    multiplier: r.multiplier,
    baseValue: r.base_value,
    year: r.year,
    period: r.period,
    kind: r.kind,
    qualifier: r.qualifier as Fact['qualifier'],
    relatesTo: r.relates_to,
    footnotes: JSON.parse(r.footnotes) as number[],
    inFootnote: r.in_footnote,
    source: sourceOfRow(r.source, r.sentence),
    status: r.status,
    raw: r.raw,
    headingPath: JSON.parse(r.heading_path) as string[],
    decimals: r.decimals,
  };
}

/** What of a fact the cross-document checks read: everything but its source, footnotes and headings. */
export type FactCore = Pick<
  Fact,
  | 'id'
  | 'documentId'
  | 'indicator'
  | 'indicatorId'
  | 'value'
  | 'unit'
  | 'unitText'
  | 'multiplier'
  | 'baseValue'
  | 'year'
  | 'period'
  | 'kind'
  | 'qualifier'
  | 'relatesTo'
  | 'inFootnote'
  | 'status'
  | 'raw'
  | 'decimals'
>;

/** The columns of a `facts` row extractedCoreOf reads. */
export type FactCoreRow = Pick<
  FactsTable,
  | 'id'
  | 'document_id'
  | 'indicator'
  | 'indicator_folded'
  | 'indicator_id'
  | 'original_value'
  | 'original_unit'
  | 'unit_text'
  | 'multiplier'
  | 'original_base_value'
  | 'year'
  | 'period'
  | 'kind'
  | 'qualifier'
  | 'relates_to'
  | 'in_footnote'
  | 'original_status'
  | 'raw'
  | 'decimals'
  | 'area'
>;

/** FactCoreRow's columns, for SQL (of a `facts` table aliased `f`). */
export const FACT_CORE_COLUMNS = `f.id, f.document_id, f.indicator, f.indicator_folded, f.indicator_id, f.original_value, f.original_unit,
  f.unit_text, f.multiplier, f.original_base_value, f.year, f.period, f.kind, f.qualifier, f.relates_to, f.in_footnote, f.original_status,
  f.raw, f.decimals, f.area`;

/** A fact's core as the report wrote it (original values): a reviewer's correction must not hide a conflict. */
export function extractedCoreOf(r: FactCoreRow): FactCore {
  return {
    id: r.id,
    documentId: r.document_id,
    indicator: r.indicator,
    indicatorId: r.indicator_id,
    value: r.original_value,
    unit: r.original_unit as Fact['unit'],
    unitText: r.unit_text,
    multiplier: r.multiplier,
    baseValue: r.original_base_value,
    year: r.year,
    period: r.period,
    kind: r.kind,
    qualifier: r.qualifier as Fact['qualifier'],
    relatesTo: r.relates_to,
    inFootnote: r.in_footnote,
    status: r.original_status,
    raw: r.raw,
    decimals: r.decimals,
  };
}

/**
 * A fact's source as stored (`facts.source`, without the text) with its sentence put back where the Fact
 * schema has it, after the offsets: outputs print sources in the contract's key order. A row written
 * before migration 008 moved the text out still carries it, and keeps it.
 */
export function sourceOfRow(json: string, sentence: string | null): FactSource {
  const { text, textStart, textEnd, ...where } = JSON.parse(json) as Omit<FactSource, 'text'> & { text?: string };
  return {
    ...where,
    text: sentence ?? text ?? '',
    ...(textStart !== undefined ? { textStart } : {}),
    ...(textEnd !== undefined ? { textEnd } : {}),
  };
}

/**
 * The JSON columns of one document's facts, each distinct value encoded once: they are the loader's
 * costliest string work (a document's facts share a few sentences of a few hundred characters and a few
 * heading paths). A source is byte for byte what `JSON.stringify` gives for the source a zod parse of the
 * input would have left: the schema's keys only, in the schema's order (the loader checks its input
 * rather than parsing it, so it must drop keys a caller added); its numbers are the checked non-negative
 * integers, which print the same either way.
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
    if (x.ocr !== undefined) out += `,"ocr":${JSON.stringify(x.ocr)}`;
    return `${out}}`;
  }
}

/* ---------- mismatches ---------- */

export const MISMATCH_COLUMNS = [
  'document_id',
  'id',
  'type',
  'message',
  'fact_ids',
  'expected',
  'found',
  'difference',
  'tolerance',
  'source',
  'status',
  'run_id',
] as const satisfies readonly (keyof Row<'mismatches'>)[];

export function mismatchRow(m: Omit<Mismatch, 'documentId'>, documentId: string, runId: number | null): Row<'mismatches'> {
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

/** A `mismatches` row back in the contract's shape (field order of schema/mismatch.ts). */
export function mismatchOf(r: Omit<Selectable<MismatchesTable>, 'run_id'>): Mismatch {
  return {
    id: r.id,
    documentId: r.document_id,
    type: r.type,
    message: r.message,
    factIds: JSON.parse(r.fact_ids) as string[],
    expected: r.expected,
    found: r.found,
    difference: r.difference,
    tolerance: r.tolerance,
    source: r.source === null ? null : (JSON.parse(r.source) as Mismatch['source']),
    status: r.status,
  };
}

/** The source's keys in the schema's order, whatever the caller's object held. */
export function mismatchSourceJson(x: NonNullable<Mismatch['source']>): string {
  return JSON.stringify({
    file: x.file,
    page: x.page,
    block: x.block,
    start: x.start,
    end: x.end,
    text: x.text,
  } satisfies Record<keyof NonNullable<Mismatch['source']>, unknown>);
}

/* ---------- footnotes ---------- */

export type Footnote = LoadInput['footnotes'][number];

export const FOOTNOTE_COLUMNS = ['document_id', 'seq', 'number', 'text', 'page'] as const satisfies readonly (keyof FootnotesTable)[];

export function footnoteRow(n: Footnote, documentId: string, seq: number): Row<'footnotes'> {
  return { document_id: documentId, seq, number: n.number, text: n.text, page: n.page };
}

export function footnoteOf(r: Selectable<FootnotesTable>): Footnote {
  return { number: r.number, text: r.text, page: r.page };
}

/* ---------- document messages ---------- */

export const MESSAGE_COLUMNS = [
  'document_id',
  'seq',
  'type',
  'message',
  'stage',
  'rule_id',
  'page',
  'sheet',
  'cell',
  'block',
  'start',
  'end',
] as const satisfies readonly (keyof DocumentMessagesTable)[];

/** A Diagnostic's row: every field it has, null for those it lacks. */
export function messageRow(d: Diagnostic, documentId: string, seq: number): Row<'document_messages'> {
  const p = d.place;
  return {
    document_id: documentId,
    seq,
    type: d.type,
    message: d.message,
    stage: d.stage ?? null,
    rule_id: d.ruleId ?? null,
    page: p?.page ?? null,
    sheet: p?.sheet ?? null,
    cell: p?.cell ?? null,
    block: p?.block ?? null,
    start: p?.start ?? null,
    end: p?.end ?? null,
  };
}

/** A `document_messages` row back as the Diagnostic it was (absent fields stay absent). */
export function messageOf(r: Selectable<DocumentMessagesTable>): Diagnostic {
  const place: NonNullable<Diagnostic['place']> = {
    ...(r.page !== null ? { page: r.page } : {}),
    ...(r.sheet !== null ? { sheet: r.sheet } : {}),
    ...(r.cell !== null ? { cell: r.cell } : {}),
    ...(r.block !== null ? { block: r.block } : {}),
    ...(r.start !== null ? { start: r.start } : {}),
    ...(r.end !== null ? { end: r.end } : {}),
  };
  return {
    type: r.type,
    message: r.message,
    ...(r.stage !== null ? { stage: r.stage } : {}),
    ...(r.rule_id !== null ? { ruleId: r.rule_id } : {}),
    ...(Object.keys(place).length > 0 ? { place } : {}),
  };
}

/* ---------- run files ---------- */

/** One file's outcome in a run (store/runs.ts RunFileRecord, its defaults applied). */
export interface RunFile {
  file: string;
  documentId: string | null;
  status: RunFileStatus;
  stage: string | null;
  reason: string | null;
  facts: number;
  mismatches: number;
  ms: number | null;
}

export const RUN_FILE_COLUMNS = [
  'run_id',
  'file',
  'document_id',
  'status',
  'stage',
  'reason',
  'facts',
  'mismatches',
  'ms',
  'at',
] as const satisfies readonly (keyof Row<'run_files'>)[];

export function runFileRow(r: RunFile, runId: number, at: string): Row<'run_files'> {
  return {
    run_id: runId,
    file: r.file,
    document_id: r.documentId,
    status: r.status,
    stage: r.stage,
    reason: r.reason,
    facts: r.facts,
    mismatches: r.mismatches,
    ms: r.ms === null ? null : Math.round(r.ms),
    at,
  };
}

/* ---------- reviews ---------- */

/** A reviewer's decision as stored (store/reviews.ts ReviewDecision, its defaults applied). */
export interface Review {
  factId: string;
  mismatchId: string | null;
  reviewer: string;
  decidedAt: string;
  action: ReviewAction;
  value: number | null;
  unit: string | null;
  note: string | null;
}

export const REVIEW_COLUMNS = [
  'fact_id',
  'mismatch_id',
  'reviewer',
  'decided_at',
  'action',
  'value',
  'unit',
  'note',
] as const satisfies readonly (keyof Row<'reviews'>)[];

export function reviewRow(r: Review): Row<'reviews'> {
  return {
    fact_id: r.factId,
    mismatch_id: r.mismatchId,
    reviewer: r.reviewer,
    decided_at: r.decidedAt,
    action: r.action,
    value: r.value,
    unit: r.unit,
    note: r.note,
  };
}

export function reviewOf(r: Pick<Row<'reviews'>, (typeof REVIEW_COLUMNS)[number]>): Review {
  return {
    factId: r.fact_id,
    mismatchId: r.mismatch_id ?? null,
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    action: r.action,
    value: r.value ?? null,
    unit: r.unit ?? null,
    note: r.note ?? null,
  };
}
