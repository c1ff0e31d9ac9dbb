import type { Statement } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { foldText } from '../extractors/clean-text.ts';
import { memoByString } from '../extractors/memo.ts';
import type { DocumentMetadata } from '../schema/document.ts';
import { type InputIssue, type LoadInput, type LoadOutcome, loadInputIssues } from '../schema/load-input.ts';
import { sql } from '../schema/migrations/kysely.ts';
import type { AreasTable } from '../schema/warehouse.ts';
import { type AreaNames, areaNames, resolveAreaIn } from './areas.ts';
import { PostgresDocumentWriter } from './postgres-loader.ts';
import { applyReviewsSync } from './reviews.ts';
import {
  DOCUMENT_COLUMNS,
  documentRow,
  FACT_COLUMNS,
  FactJson,
  type FactValues,
  FOOTNOTE_COLUMNS,
  factRow,
  footnoteRow,
  MESSAGE_COLUMNS,
  MISMATCH_COLUMNS,
  messageRow,
  mismatchRow,
} from './rows.ts';
import { compileInsert, compileInsertValues, type Row } from './statements.ts';
import type { AnyWarehouse, Warehouse } from './warehouse.ts';

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

interface Statements {
  document: (row: Row<'documents'>) => void;
  fact: (values: FactValues) => void;
  sentence: Statement;
  label: Statement;
  footnote: (row: Row<'footnotes'>) => void;
  message: (row: Row<'document_messages'>) => void;
  mismatch: (row: Row<'mismatches'>) => void;
  byId: Statement;
  versionsByKey: Statement;
  run: Statement;
  previousRun: Statement;
  supersede: Statement;
  areas: Statement;
}

function statements(wh: Warehouse): Statements {
  return {
    document: compileInsert(wh, 'documents', DOCUMENT_COLUMNS),
    fact: compileInsertValues(wh, 'facts', FACT_COLUMNS),
    sentence: wh.sqlite.prepare(wh.db.insertInto('sentences').values({ document_id: '', text: '' }).compile().sql),
    label: wh.sqlite.prepare(
      wh.db
        .insertInto('labels')
        .values({ folded: '', label: '', indicator_id: null })
        .onConflict((oc) =>
          oc.column('folded').doUpdateSet({
            // the least wording and id, not the first loaded: the row is the same whatever the load order
            label: sql<string>`min(labels.label, excluded.label)`,
            indicator_id: sql<string | null>`coalesce(min(labels.indicator_id, excluded.indicator_id), labels.indicator_id, excluded.indicator_id)`,
          }),
        )
        .compile().sql,
    ),
    footnote: compileInsert(wh, 'footnotes', FOOTNOTE_COLUMNS),
    message: compileInsert(wh, 'document_messages', MESSAGE_COLUMNS),
    mismatch: compileInsert(wh, 'mismatches', MISMATCH_COLUMNS),
    byId: wh.sqlite.prepare(wh.db.selectFrom('documents').select(['id', 'superseded_by']).where('id', '=', '').compile().sql),
    versionsByKey: wh.sqlite.prepare(
      wh.db
        .selectFrom('documents')
        .select(['id', 'date', 'file', 'run_id', 'loaded_at', 'superseded_by'])
        .select(sql<number>`rowid`.as('rowid'))
        .where('doc_key', '=', '')
        .compile().sql,
    ),
    run: wh.sqlite.prepare(wh.db.selectFrom('runs').select(['id', 'command', 'args', 'status', 'started_at']).where('id', '=', 0).compile().sql),
    previousRun: wh.sqlite.prepare(
      wh.db.selectFrom('runs').select(['id', 'command', 'args', 'status', 'started_at']).where('id', '<', 0).orderBy('id', 'desc').limit(sql.lit(1)).compile()
        .sql,
    ),
    supersede: wh.sqlite.prepare(wh.db.updateTable('documents').set({ superseded_by: '' }).where('id', '=', '').compile().sql),
    areas: wh.sqlite.prepare(wh.db.selectFrom('areas').selectAll().compile().sql),
  };
}

/** A stored document of the same number and issuer (a version), current or not. */
interface Version {
  rowid: number;
  id: string;
  date: string | null;
  file: string;
  run_id: number | null;
  loaded_at: string;
  superseded_by: string | null;
}

interface RunRow {
  id: number;
  command: string;
  args: string;
  status: string;
  started_at: string;
}

export interface WriterOptions {
  /**
   * Whether a run with these arguments walks what an unfinished (stopped or killed) run with those walked,
   * so that it continues it (see `VersionKey`). Default: the same arguments.
   */
  sameWalk?: (earlier: readonly string[], later: readonly string[]) => boolean;
}

/**
 * The loader of one connection: its compiled inserts, and what it keeps between documents. Create one
 * per connection that loads (ingest makes one per run) and pass it to loadDocument and CommitGroup.
 * Kept between documents: the area catalog's folded names (rebuilt only when the `areas` rows change;
 * folding and sorting them cost more than a small document's inserts), and which labels the `labels`
 * table already holds, so a label seen before costs no upsert.
 */
export class DocumentWriter {
  private readonly s: Statements;
  private areasKey: string | null = null;
  private areas: AreaNames | null = null;
  /** folded label → what its row holds (at most: a row may have been given a lesser wording since) */
  private readonly labels = new Map<string, KnownLabel>();
  /** run id → when the run it continues began (its own start when it continues none) */
  private readonly runStarts = new Map<number, string>();
  private readonly sameWalk: (earlier: readonly string[], later: readonly string[]) => boolean;

  constructor(
    readonly wh: Warehouse,
    options: WriterOptions = {},
  ) {
    this.s = statements(wh);
    this.sameWalk = options.sameWalk ?? ((a, b) => a.length === b.length && a.every((x, i) => x === b[i]));
  }

  /**
   * Forgets what it believes the warehouse holds: after a rollback it did not ask for (CommitGroup), the
   * labels it wrote may be gone.
   */
  forget(): void {
    this.areasKey = null;
    this.areas = null;
    this.labels.clear();
  }

  private areaNames(): AreaNames {
    const rows = this.s.areas.all() as Selectable<AreasTable>[];
    const key = JSON.stringify(rows);
    if (this.areas === null || this.areasKey !== key) {
      this.areasKey = key;
      this.areas = areaNames(rows);
    }
    return this.areas;
  }

  /**
   * Puts the versions of one document (same number and issuer) in their order and points each at the
   * one after it (`superseded_by`), the last one current. The order is a property of the versions, not
   * of the order they were loaded in, so loads committed in any order end the same (see
   * `VersionKey`). Returns the version the new one replaced as current, if it did.
   */
  private chainVersions(docKey: string, newId: string): string | null {
    const versions = this.s.versionsByKey.all(docKey) as Version[];
    const wasCurrent = versions.find((v) => v.id !== newId && v.superseded_by === null)?.id ?? null;
    const keyed = versions.map((v) => ({ v, key: this.versionKey(v) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    for (const [i, { v }] of keyed.entries()) {
      const next = keyed[i + 1]?.v.id ?? null;
      if (v.superseded_by !== next) this.s.supersede.run(next, v.id);
    }
    return keyed.at(-1)?.v.id === newId ? wasCurrent : null;
  }

  private versionKey(v: Version): VersionKey {
    const date = isoDate(v.date) ?? '';
    // a load outside any run is ordered by when and in what sequence it was loaded
    if (v.run_id === null) return [date, v.loaded_at, v.rowid, '', v.id];
    return [date, this.runStart(v.run_id), Number.MAX_SAFE_INTEGER, v.file, v.id];
  }

  /**
   * When the run began, or the run it continues: an ingest stopped (Ctrl-C, a kill) and run again over the
   * same files is one run for the versions' order, so the rest it loads is ordered as if never stopped.
   */
  private runStart(runId: number): string {
    const known = this.runStarts.get(runId);
    if (known !== undefined) return known;
    let run = this.s.run.get(runId) as RunRow | undefined;
    if (!run) return '';
    for (;;) {
      const before = this.s.previousRun.get(run.id) as RunRow | undefined;
      if (!before || before.command !== run.command || before.status === 'done' || before.status === 'failed') break;
      if (!this.sameWalk(argsOf(before.args), argsOf(run.args))) break;
      run = before;
    }
    this.runStarts.set(runId, run.started_at);
    return run.started_at;
  }

  /** writes the document in one transaction; throws what SQLite throws (loadDocument turns it into an outcome) */
  write(input: LoadInput, options: LoadOptions): LoadOutcome {
    const { s, wh } = this;
    const doc = input.document;
    const runId = options.runId ?? null;
    const loadedAt = (options.now?.() ?? new Date()).toISOString();
    const area = resolveAreaIn(this.areaNames(), doc.metadata);
    // Label rows this document adds or changes; the known set learns them only once the document commits.
    const labelsSeen = new Map<string, KnownLabel>();
    const json = new FactJson();
    // Each sentence once per document: a document's facts share a few dozen of them.
    const sentenceIds = new Map<string, number>();
    const run = wh.sqlite.transaction((): LoadOutcome => {
      const existing = s.byId.get(doc.id) as { id: string; superseded_by: string | null } | undefined;
      if (existing) {
        const later = existing.superseded_by ? `, superseded by ${existing.superseded_by.slice(0, 12)}` : '';
        return { status: 'skipped', documentId: doc.id, reason: `already loaded (same content hash${later})` };
      }
      const docKey = documentKey(doc.metadata);
      s.document(documentRow(input, { area, docKey, loadedAt, runId, supersededBy: null }));
      const supersedes = docKey ? this.chainVersions(docKey, doc.id) : null;
      for (const f of input.facts) {
        const folded = foldLabel(f.indicator);
        let sentenceId = sentenceIds.get(f.source.text);
        if (sentenceId === undefined) {
          sentenceId = Number(s.sentence.run(doc.id, f.source.text).lastInsertRowid);
          sentenceIds.set(f.source.text, sentenceId);
        }
        s.fact(factRow(f, { documentId: doc.id, folded, area: area.area, runId, sentenceId }, json));
        // The upsert only ever adds a row or lowers its wording or id: skip it when it would change nothing.
        const known = labelsSeen.get(folded) ?? this.labels.get(folded);
        if (known && known.label <= f.indicator && (f.indicatorId === null || (known.indicatorId !== null && known.indicatorId <= f.indicatorId))) continue;
        s.label.run(folded, f.indicator, f.indicatorId);
        labelsSeen.set(folded, lowerLabel(known, f.indicator, f.indicatorId));
      }
      for (const [seq, n] of input.footnotes.entries()) s.footnote(footnoteRow(n, doc.id, seq));
      for (const [seq, m] of input.messages.entries()) s.message(messageRow(m, doc.id, seq));
      for (const m of input.mismatches) s.mismatch(mismatchRow(m, doc.id, runId));
      applyReviewsSync(wh, { documentId: doc.id });
      options.beforeCommit?.(doc.id);
      return {
        status: 'loaded',
        documentId: doc.id,
        facts: input.facts.length,
        mismatches: input.mismatches.length,
        supersedes,
        written: { documentId: doc.id, area: area.area, facts: input.facts },
      };
    });
    const outcome = run.immediate();
    if (outcome.status === 'loaded') {
      if (this.labels.size > 200_000) this.labels.clear();
      for (const [folded, known] of labelsSeen) this.labels.set(folded, known);
    }
    return outcome;
  }
}

/** The loader of either engine: synchronous statements on SQLite, batched async ones on PostgreSQL (store/postgres-loader.ts). */
export type Loader = DocumentWriter | PostgresDocumentWriter;

/** The loader for a warehouse of either engine; make one per connection that loads, as with DocumentWriter. */
export function documentWriter(wh: AnyWarehouse): Loader {
  return wh.engine === 'sqlite' ? new DocumentWriter(wh) : new PostgresDocumentWriter(wh);
}

/**
 * Stores one document and everything extracted from it in one transaction. Idempotent by content hash:
 * the same bytes come back as `skipped`. A document with the number and issuer of a current one
 * supersedes it (or, when its own date is older, is stored already superseded), keeping the old as history.
 * Never throws for a bad document: it returns `failed` with the reason. A loaded outcome carries what was
 * written, for the cross-document checks (pipeline/cross-checks.ts).
 */
export async function loadDocument(writer: Loader, input: LoadInput, options: LoadOptions = {}): Promise<LoadOutcome> {
  const documentId = typeof input?.document?.id === 'string' ? input.document.id : '';
  // The input crossed a thread boundary (or came from a caller's hands): checked, not re-parsed.
  const issues = loadInputIssues(input);
  if (issues.length > 0) {
    return { status: 'failed', documentId, reason: `invalid load input: ${summarizeIssues(issues)}` };
  }
  try {
    return await writer.write(input, options);
  } catch (err) {
    // another connection loaded the same bytes between this one's check and its insert
    if (writer.wh.dialect.isDuplicateKey(err, 'documents')) {
      return { status: 'skipped', documentId, reason: 'already loaded (same content hash)' };
    }
    return { status: 'failed', documentId, reason: `load: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Whether a document of that content hash is stored, answered synchronously: workers ask before they
 * parse a file, and the pool answers from the writer's thread.
 */
export function isLoaded(wh: Warehouse): (documentId: string) => boolean {
  const known = wh.sqlite.prepare(wh.db.selectFrom('documents').select(sql.lit(1).as('one')).where('id', '=', '').compile().sql).pluck();
  return (documentId) => known.get(documentId) !== undefined;
}

/**
 * What the writer believes a `labels` row holds. Its order is JavaScript's, SQLite's `min` compares
 * UTF-8 bytes; they differ only past U+FFFF, where the skip above may be wrong by one upsert, never the row.
 */
interface KnownLabel {
  label: string;
  indicatorId: string | null;
}

function lowerLabel(known: KnownLabel | undefined, label: string, indicatorId: string | null): KnownLabel {
  if (!known) return { label, indicatorId };
  const id = known.indicatorId === null ? indicatorId : indicatorId === null || known.indicatorId <= indicatorId ? known.indicatorId : indicatorId;
  return { label: known.label <= label ? known.label : label, indicatorId: id };
}

/** Number and issuer, folded: `712/BC-UBND` of `UBND huyện Phong Thổ` is the same document however spaced. */
export function documentKey(meta: DocumentMetadata): string | null {
  if (!meta.number || !meta.issuer) return null;
  const n = foldText(meta.number);
  const i = foldText(meta.issuer);
  return n && i ? `${n}|${i}` : null;
}

/**
 * The order of a document's versions, last current: by date (a version whose date cannot be read comes
 * before any dated one: a date is evidence, its absence is not); on the same date, by run (a corrected
 * file loaded by a later command supersedes; a run that continues a stopped one counts as that one);
 * within a run by file path (the walk's order, so the later file of a folder wins as it always did), then
 * by content hash. Nothing in it depends on the order in which loads were committed.
 */
type VersionKey = [date: string, run: string, seq: number, file: string, id: string];

function compareKeys(a: VersionKey, b: VersionKey): number {
  for (let i = 0; i < a.length; i++) {
    const c = i === 3 ? comparePaths(a[3], b[3]) : compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function compare<T extends string | number>(x: T, y: T): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Name by name, as the walk goes (a folder's files before `a.txt` when the folder is `a`). */
function comparePaths(a: string, b: string): number {
  const x = a.split(/[\\/]/);
  const y = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compare(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

function argsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * The PostgreSQL loader's rule (store/postgres-loader.ts): only a clearly later date keeps the stored
 * version current. It predates the version order above (VersionKey), which the SQLite writer uses; the
 * two engines agree wherever dates differ, and the PostgreSQL loader is to move to that order.
 */
export function isNewer(rival: { date: string | null }, meta: DocumentMetadata): boolean {
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

function summarizeIssues(issues: readonly InputIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
