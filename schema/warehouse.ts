import type { Generated } from 'kysely';
import type { Format } from './document.ts';
import type { Kind, Status } from './fact.ts';
import type { Mismatch, MismatchType } from './mismatch.ts';

/**
 * The warehouse's tables as SQLite stores them (snake_case, JSON as text), as the migrations in
 * schema/migrations/ leave them. Opening, reading and writing the warehouse is store/'s; the mapping of
 * each table's rows to and from the contract's objects is store/rows.ts.
 */

export interface MetaTable {
  key: string;
  value: string;
}

export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';
export type RunFileStatus = 'loaded' | 'skipped' | 'failed';

export interface RunsTable {
  id: Generated<number>;
  command: string;
  /** JSON array of the command's arguments */
  args: Generated<string>;
  started_at: string;
  finished_at: string | null;
  status: Generated<RunStatus>;
  files: Generated<number>;
  loaded: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  facts: Generated<number>;
  mismatches: Generated<number>;
  /** the process running it and its host (migration 011): null for runs before it */
  pid: number | null;
  host: string | null;
}

export interface RunFilesTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  document_id: string | null;
  status: RunFileStatus;
  stage: string | null;
  reason: string | null;
  facts: Generated<number>;
  mismatches: Generated<number>;
  ms: number | null;
  at: string;
}

export interface DocumentsTable {
  /** when the checks against other documents last ran (null: loaded, checks pending) */
  checked_at: string | null;
  id: string;
  file: string;
  format: Format;
  type: string | null;
  number: string | null;
  issuer: string | null;
  doc_key: string | null;
  title: string | null;
  place: string | null;
  area: string | null;
  area_code: string | null;
  province: string | null;
  province_code: string | null;
  date: string | null;
  month: number | null;
  report_year: number | null;
  plan_year: number | null;
  pages: number | null;
  loaded_at: string;
  run_id: number | null;
  superseded_by: string | null;
}

export interface FactsTable {
  document_id: string;
  id: string;
  indicator: string;
  indicator_folded: string;
  indicator_id: string | null;
  value: number;
  unit: string | null;
  unit_text: string | null;
  multiplier: number;
  base_value: number;
  year: number | null;
  /** SDMX TIME_PERIOD (schema/period.ts); null only where the year is (rows before migration 010 hold their year) */
  period: string | null;
  kind: Kind;
  qualifier: string | null;
  relates_to: string | null;
  /** JSON array of footnote numbers */
  footnotes: string;
  in_footnote: number | null;
  /** JSON of FactSource without `text`, which is in `sentences` (store/rows.ts sourceOfRow puts it back) */
  source: string;
  /** the sentence the number was read from; null only for rows written without one */
  sentence_id: number | null;
  status: Status;
  raw: string;
  /** JSON array of headings */
  heading_path: string;
  decimals: number;
  area: string | null;
  run_id: number | null;
  original_value: number;
  original_unit: string | null;
  original_base_value: number;
  original_status: Status;
  corrected_value: number | null;
}

/** Each sentence a document's facts were read from, once (migration 008). */
export interface SentencesTable {
  id: Generated<number>;
  document_id: string;
  text: string;
}

export interface LabelsTable {
  folded: string;
  label: string;
  indicator_id: string | null;
}

export interface FootnotesTable {
  document_id: string;
  seq: number;
  number: number;
  text: string;
  page: number | null;
}

export interface DocumentMessagesTable {
  document_id: string;
  seq: number;
  type: 'error' | 'warning' | 'info';
  message: string;
  stage: string | null;
  /** the Diagnostic's rule and place (migration 009); null when it named none */
  rule_id: string | null;
  page: number | null;
  sheet: string | null;
  cell: string | null;
  block: number | null;
  start: number | null;
  end: number | null;
}

export interface MismatchesTable {
  document_id: string;
  id: string;
  type: MismatchType;
  message: string;
  /** JSON array of fact ids */
  fact_ids: string;
  expected: number | null;
  found: number | null;
  difference: number | null;
  tolerance: number | null;
  /** JSON of Mismatch['source'] or null */
  source: string | null;
  status: Mismatch['status'];
  run_id: number | null;
}

/** Values implied by a relation (the plan behind `đạt 101,49% kế hoạch`), for the checks across documents (migration 003). */
export interface DerivedTable {
  document_id: string;
  /** the relation fact the value was computed from */
  from_fact_id: string;
  /** the fact it qualifies */
  fact_id: string;
  indicator_key: string;
  indicator: string;
  area: string | null;
  year: number | null;
  kind: 'plan' | 'previous';
  value: number;
  tolerance: number;
  unit: string | null;
  multiplier: number;
  base_value: number;
  base_tolerance: number;
}

export interface IndicatorsTable {
  id: string;
  name: string;
  name_folded: string;
  aliases: string;
  aliases_folded: string;
  unit: string | null;
}

export interface AreasTable {
  code: string;
  name: string;
  level: AreaLevel;
  parent_code: string | null;
  name_folded: string;
  aliases: string;
}

export type ReviewAction = 'accept' | 'correct' | 'reject';

export interface ReviewsTable {
  id: Generated<number>;
  fact_id: string;
  mismatch_id: string | null;
  reviewer: string;
  decided_at: string;
  action: ReviewAction;
  value: number | null;
  unit: string | null;
  note: string | null;
}

export interface VFactsView {
  indicator_key: string;
  indicator_id: string | null;
  indicator: string;
  area: string | null;
  area_code: string | null;
  province: string | null;
  year: number | null;
  period: string | null;
  kind: Kind;
  base_value: number;
  unit: string | null;
  value: number;
  unit_text: string | null;
  multiplier: number;
  qualifier: string | null;
  status: Status;
  document_id: string;
  file: string;
  document_number: string | null;
  report_year: number | null;
  fact_id: string;
  page: number | null;
  sentence: string;
  n_facts: number;
  conflict: number;
}

export interface VPlanActualView {
  indicator_key: string;
  indicator_id: string | null;
  indicator: string;
  area: string | null;
  year: number;
  unit: string | null;
  plan: number | null;
  estimate: number | null;
  actual: number | null;
  result: number | null;
  share_of_plan: number | null;
  share_of_plan_computed: number | null;
  change_on_previous_year: number | null;
  growth_percent: number | null;
  conflict: number;
}

export interface Database {
  meta: MetaTable;
  runs: RunsTable;
  run_files: RunFilesTable;
  documents: DocumentsTable;
  facts: FactsTable;
  sentences: SentencesTable;
  labels: LabelsTable;
  footnotes: FootnotesTable;
  document_messages: DocumentMessagesTable;
  mismatches: MismatchesTable;
  derived: DerivedTable;
  indicators: IndicatorsTable;
  areas: AreasTable;
  reviews: ReviewsTable;
  v_facts: VFactsView;
  v_plan_actual: VPlanActualView;
}

/** Levels of `seeds/areas.json` (validated by AreaEntry in schema/catalog.ts). */
export type AreaLevel = 'province' | 'district' | 'commune';
