import { sql } from 'kysely';
import type { AnyWarehouse as Warehouse } from '../store/warehouse.ts';
import { documentIds } from './facts-query.ts';
import { renderTable, shortId } from './format.ts';

/** One loaded document as `baocao documents` lists it. */
export interface DocumentSummary {
  id: string;
  file: string;
  format: string;
  number: string | null;
  issuer: string | null;
  date: string | null;
  area: string | null;
  province: string | null;
  pages: number | null;
  facts: number;
  mismatches: number;
  /** reader and stage messages of type warning or error */
  warnings: number;
  supersededBy: string | null;
  loadedAt: string;
}

export interface DocumentMessage {
  type: 'error' | 'warning' | 'info';
  message: string;
  stage: string | null;
  rule: string | null;
  place: { page?: number; sheet?: string; cell?: string; block?: number; start?: number; end?: number };
}

export interface DocumentDetail extends DocumentSummary {
  title: string | null;
  type: string | null;
  place: string | null;
  reportYear: number | null;
  planYear: number | null;
  runId: number | null;
  supersedes: string[];
  messages: DocumentMessage[];
}

/** Every document with its counts, newest load first; `history: false` leaves out superseded ones. */
export async function listDocuments(wh: Warehouse, options: { history?: boolean } = {}): Promise<DocumentSummary[]> {
  let q = wh.db
    .selectFrom('documents as d')
    .select([
      'd.id',
      'd.file',
      'd.format',
      'd.number',
      'd.issuer',
      'd.date',
      'd.area',
      'd.province',
      'd.pages',
      'd.superseded_by',
      'd.loaded_at',
      (eb) => eb.selectFrom('facts').select(eb.fn.countAll<number>().as('n')).whereRef('facts.document_id', '=', 'd.id').as('facts'),
      (eb) => eb.selectFrom('mismatches').select(eb.fn.countAll<number>().as('n')).whereRef('mismatches.document_id', '=', 'd.id').as('mismatches'),
      (eb) =>
        eb
          .selectFrom('document_messages')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('document_messages.document_id', '=', 'd.id')
          .where('document_messages.type', 'in', ['warning', 'error'])
          .as('warnings'),
    ])
    .orderBy('d.loaded_at', 'desc')
    .orderBy('d.id');
  if (options.history === false) q = q.where('d.superseded_by', 'is', null);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    file: r.file,
    format: r.format,
    number: r.number,
    issuer: r.issuer,
    date: r.date,
    area: r.area,
    province: r.province,
    pages: r.pages,
    facts: Number(r.facts ?? 0),
    mismatches: Number(r.mismatches ?? 0),
    warnings: Number(r.warnings ?? 0),
    supersededBy: r.superseded_by,
    loadedAt: r.loaded_at,
  }));
}

export type DocumentLookup = { found: DocumentDetail } | { none: true } | { ambiguous: string[] };

/** One document by id, id prefix, file name or base name, with its messages in the order they were said. */
export async function showDocument(wh: Warehouse, ref: string): Promise<DocumentLookup> {
  const ids = await documentIds(wh, ref);
  if (ids.length === 0) return { none: true };
  if (ids.length > 1) return { ambiguous: ids };
  const id = ids[0]!;
  const [summary] = (await listDocuments(wh)).filter((d) => d.id === id);
  const row = await wh.db
    .selectFrom('documents')
    .select(['title', 'type', 'place', 'report_year', 'plan_year', 'run_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const supersedes = await wh.db.selectFrom('documents').select('id').where('superseded_by', '=', id).execute();
  const messages = await wh.db
    .selectFrom('document_messages')
    .select(['type', 'message', 'stage', 'rule_id', 'page', 'sheet', 'cell', 'block', 'start', 'end'])
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute();
  return {
    found: {
      ...summary!,
      title: row.title,
      type: row.type,
      place: row.place,
      reportYear: row.report_year,
      planYear: row.plan_year,
      runId: row.run_id,
      supersedes: supersedes.map((s) => s.id),
      messages: messages.map((m) => ({
        type: m.type,
        message: m.message,
        stage: m.stage,
        rule: m.rule_id,
        place: {
          ...(m.page !== null && { page: m.page }),
          ...(m.sheet !== null && { sheet: m.sheet }),
          ...(m.cell !== null && { cell: m.cell }),
          ...(m.block !== null && { block: m.block }),
          ...(m.start !== null && { start: m.start }),
          ...(m.end !== null && { end: m.end }),
        },
      })),
    },
  };
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));

export function renderDocumentsTable(docs: readonly DocumentSummary[]): string {
  if (docs.length === 0) return 'no documents loaded\n';
  const header = ['id', 'number', 'issuer', 'date', 'area', 'format', 'pages', 'facts', 'mismatches', 'warnings', 'superseded by', 'file'];
  const rows = docs.map((d) => [
    shortId(d.id),
    dash(d.number),
    dash(d.issuer),
    dash(d.date),
    dash(d.area ?? d.province),
    d.format,
    dash(d.pages),
    String(d.facts),
    String(d.mismatches),
    String(d.warnings),
    d.supersededBy ? shortId(d.supersededBy) : '',
    d.file,
  ]);
  return renderTable(header, rows, new Set([6, 7, 8, 9]));
}

/** Where a message points, as a reviewer finds it: page, sheet and cell, block and characters. */
export function placeText(p: DocumentMessage['place']): string {
  const parts = [
    p.page !== undefined ? `page ${p.page}` : '',
    p.sheet !== undefined ? `sheet ${p.sheet}${p.cell !== undefined ? ` cell ${p.cell}` : ''}` : p.cell !== undefined ? `cell ${p.cell}` : '',
    p.block !== undefined ? `block ${p.block}${p.start !== undefined ? ` chars ${p.start}–${p.end ?? p.start}` : ''}` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

export function renderDocumentDetail(d: DocumentDetail): string {
  const lines = [
    `document ${d.id}`,
    `  file        ${d.file} (${d.format}${d.pages !== null ? `, ${d.pages} pages` : ''})`,
    `  number      ${dash(d.number)}`,
    `  issuer      ${dash(d.issuer)}`,
    `  date        ${dash(d.date)}${d.place ? ` at ${d.place}` : ''}`,
    `  area        ${dash(d.area)}${d.province && d.province !== d.area ? `, ${d.province}` : ''}`,
    `  title       ${dash(d.title)}`,
    `  loaded      ${d.loadedAt}${d.runId !== null ? ` by run ${d.runId}` : ''}`,
    `  facts       ${d.facts}, mismatches ${d.mismatches}, warnings ${d.warnings}`,
  ];
  if (d.supersededBy) lines.push(`  superseded by ${d.supersededBy}`);
  if (d.supersedes.length > 0) lines.push(`  supersedes  ${d.supersedes.join(', ')}`);
  lines.push('', d.messages.length === 0 ? 'no messages' : `${d.messages.length} messages:`);
  for (const m of d.messages) {
    const where = placeText(m.place);
    lines.push(`  ${m.type.padEnd(7)} ${m.rule ?? m.stage ?? ''}${where ? ` (${where})` : ''}: ${m.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One run as `baocao runs` lists it. */
export interface RunSummary {
  id: number;
  command: string;
  args: string[];
  startedAt: string;
  finishedAt: string | null;
  status: string;
  files: number;
  loaded: number;
  skipped: number;
  failed: number;
  facts: number;
  mismatches: number;
}

export interface RunFile {
  file: string;
  status: string;
  stage: string | null;
  reason: string | null;
  documentId: string | null;
  facts: number;
  mismatches: number;
  ms: number | null;
}

function argsOf(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export async function listRuns(wh: Warehouse): Promise<RunSummary[]> {
  const rows = await wh.db.selectFrom('runs').selectAll().orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    command: r.command,
    args: argsOf(r.args),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    files: r.files,
    loaded: r.loaded,
    skipped: r.skipped,
    failed: r.failed,
    facts: r.facts,
    mismatches: r.mismatches,
  }));
}

/** One run with every file it saw, failed ones first, each with its stage and reason. */
export async function showRun(wh: Warehouse, id: number): Promise<(RunSummary & { fileList: RunFile[] }) | null> {
  const run = (await listRuns(wh)).find((r) => r.id === id);
  if (!run) return null;
  const files = await wh.db
    .selectFrom('run_files')
    .select(['file', 'status', 'stage', 'reason', 'document_id', 'facts', 'mismatches', 'ms'])
    .where('run_id', '=', id)
    .orderBy(sql`case status when 'failed' then 0 when 'skipped' then 1 else 2 end`)
    .orderBy('file')
    .execute();
  return {
    ...run,
    fileList: files.map((f) => ({
      file: f.file,
      status: f.status,
      stage: f.stage,
      reason: f.reason,
      documentId: f.document_id,
      facts: f.facts,
      mismatches: f.mismatches,
      ms: f.ms,
    })),
  };
}

export function renderRunsTable(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return 'no runs yet\n';
  const header = ['run', 'command', 'started', 'status', 'files', 'loaded', 'skipped', 'failed', 'facts', 'mismatches'];
  const rows = runs.map((r) => [
    String(r.id),
    r.command,
    r.startedAt.replace('T', ' ').slice(0, 19),
    r.status,
    String(r.files),
    String(r.loaded),
    String(r.skipped),
    String(r.failed),
    String(r.facts),
    String(r.mismatches),
  ]);
  return renderTable(header, rows, new Set([0, 4, 5, 6, 7, 8, 9]));
}

export function renderRunDetail(r: RunSummary & { fileList: RunFile[] }): string {
  const lines = [
    // args are the command line after the program's name, the command first
    `run ${r.id}: ${(r.args[0] === r.command ? r.args : [r.command, ...r.args]).join(' ')}`,
    `  started ${r.startedAt}${r.finishedAt ? `, finished ${r.finishedAt}` : ''}, ${r.status}`,
    `  files ${r.files}: loaded ${r.loaded}, skipped ${r.skipped}, failed ${r.failed}; facts ${r.facts}, mismatches ${r.mismatches}`,
  ];
  for (const status of ['failed', 'skipped', 'loaded'] as const) {
    const of = r.fileList.filter((f) => f.status === status);
    if (of.length === 0) continue;
    lines.push('', `${status} (${of.length}):`);
    for (const f of of) {
      const what =
        status === 'loaded'
          ? `${f.facts} facts, ${f.mismatches} mismatches${f.documentId ? `, document ${shortId(f.documentId)}` : ''}`
          : `${f.stage ? `[${f.stage}] ` : ''}${f.reason ?? ''}`;
      lines.push(`  ${f.file}: ${what}${status === 'loaded' && f.reason ? ` (${f.reason})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
