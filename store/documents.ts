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
  currentByKey: Statement;
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
          oc.column('folded').doUpdateSet((eb) => ({
            indicator_id: eb.fn.coalesce('labels.indicator_id', 'excluded.indicator_id'),
          })),
        )
        .compile().sql,
    ),
    footnote: compileInsert(wh, 'footnotes', FOOTNOTE_COLUMNS),
    message: compileInsert(wh, 'document_messages', MESSAGE_COLUMNS),
    mismatch: compileInsert(wh, 'mismatches', MISMATCH_COLUMNS),
    byId: wh.sqlite.prepare(wh.db.selectFrom('documents').select(['id', 'superseded_by']).where('id', '=', '').compile().sql),
    currentByKey: wh.sqlite.prepare(
      wh.db
        .selectFrom('documents')
        .select(['id', 'date', 'report_year'])
        .where('doc_key', '=', '')
        .where('superseded_by', 'is', null)
        .where('id', '<>', '')
        .compile().sql,
    ),
    supersede: wh.sqlite.prepare(wh.db.updateTable('documents').set({ superseded_by: '' }).where('id', '=', '').compile().sql),
    areas: wh.sqlite.prepare(wh.db.selectFrom('areas').selectAll().compile().sql),
  };
}

/** A stored document of the same number and issuer, current. */
export interface Rival {
  id: string;
  date: string | null;
  report_year: number | null;
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
  /** folded label → `resolved` when its row has an indicator id, `present` when it may not */
  private readonly labels = new Map<string, 'present' | 'resolved'>();

  constructor(readonly wh: Warehouse) {
    this.s = statements(wh);
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

  /** writes the document in one transaction; throws what SQLite throws (loadDocument turns it into an outcome) */
  write(input: LoadInput, options: LoadOptions): LoadOutcome {
    const { s, wh } = this;
    const doc = input.document;
    const runId = options.runId ?? null;
    const loadedAt = (options.now?.() ?? new Date()).toISOString();
    const area = resolveAreaIn(this.areaNames(), doc.metadata);
    // Label rows this document adds or resolves; the known set learns them only once the document commits.
    const labelsSeen = new Map<string, 'present' | 'resolved'>();
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
      const rivals = docKey ? (s.currentByKey.all(docKey, doc.id) as Rival[]) : [];
      const newer = rivals.find((r) => isNewer(r, doc.metadata));
      s.document(documentRow(input, { area, docKey, loadedAt, runId, supersededBy: newer?.id ?? null }));
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
        s.fact(factRow(f, { documentId: doc.id, folded, area: area.area, runId, sentenceId }, json));
        // The upsert only ever adds a row or fills a missing indicator id: skip it when it would change nothing.
        const known = labelsSeen.get(folded) ?? this.labels.get(folded);
        if (known === 'resolved' || (known === 'present' && f.indicatorId === null)) continue;
        s.label.run(folded, f.indicator, f.indicatorId);
        labelsSeen.set(folded, f.indicatorId === null ? 'present' : 'resolved');
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

/** Number and issuer, folded: `712/BC-UBND` of `UBND huyện Phong Thổ` is the same document however spaced. */
export function documentKey(meta: DocumentMetadata): string | null {
  if (!meta.number || !meta.issuer) return null;
  const n = foldText(meta.number);
  const i = foldText(meta.issuer);
  return n && i ? `${n}|${i}` : null;
}

/** Only a clearly later date keeps the stored version current; otherwise the file loaded last wins. */
export function isNewer(rival: Rival, meta: DocumentMetadata): boolean {
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
