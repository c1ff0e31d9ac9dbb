import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/baocao.js');

export interface Child {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
  stderr(): string;
}

/** Starts `baocao ARGS` as its own process, the way a user runs it (progress goes to a pipe, not a TTY). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid!, done, kill: (s) => child.kill(s), stderr: () => stderr };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return startCli(args, env).done;
}

/** How many documents a running ingest has committed so far, read beside the writer (WAL allows it). */
export function committedDocuments(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('select count(*) as n from documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Everything a load puts in the warehouse, minus what legitimately differs between runs (run ids, load
 * times) and what depends on the order documents were checked against each other. Ingest loads documents
 * as they are read, in no fixed order, and a finding across two documents is recorded on whichever was
 * checked second (its message, its id and the flags it sets on facts follow), and a version already
 * superseded when another document is checked is not compared with it. So the snapshot holds the
 * documents, their versions' chain, their rows and their own mismatches exactly; the facts without
 * their status; and of the findings across documents, which pairs of current documents disagree.
 */
export function snapshot(db: string) {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string) => conn.prepare(sql).all();
    // a mismatch naming a fact of another document was found by the cross-document checks
    const crossed = `exists (select 1 from json_each(m.fact_ids) j join facts o on o.id = j.value where o.document_id <> m.document_id)`;
    return {
      documents: all(`select id, file, format, type, number, issuer, doc_key, area, area_code, province, date, report_year, plan_year,
        pages, superseded_by from documents order by id`),
      facts: all(`select document_id, id, indicator, indicator_id, value, unit, multiplier, base_value, year, kind, qualifier,
        relates_to, footnotes, in_footnote, source, (select text from sentences s where s.id = sentence_id) as sentence
        from facts order by document_id, id`),
      sentences: all('select document_id, text from sentences order by document_id, text'),
      mismatches: all(`select document_id, id, type, message, fact_ids, status from mismatches m where not ${crossed} order by document_id, id`),
      disagreeing: all(`select distinct min(m.document_id, o.document_id) as a, max(m.document_id, o.document_id) as b
        from mismatches m join json_each(m.fact_ids) j join facts o on o.id = j.value
        join documents x on x.id = m.document_id join documents y on y.id = o.document_id
        where o.document_id <> m.document_id and x.superseded_by is null and y.superseded_by is null order by a, b`),
      footnotes: all('select document_id, seq, number, text from footnotes order by document_id, seq'),
      messages: all('select document_id, seq, type, message from document_messages order by document_id, seq'),
      labels: all('select folded, label, indicator_id from labels order by folded'),
    };
  } finally {
    conn.close();
  }
}

/** Per document, the fact and mismatch counts: a half-loaded document shows up as a count that differs. */
export function countsByDocument(db: string): Map<string, string> {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const rows = conn
      .prepare(`select d.id, (select count(*) from facts f where f.document_id = d.id) as facts,
        (select count(*) from mismatches m where m.document_id = d.id) as mismatches,
        (select count(*) from footnotes n where n.document_id = d.id) as footnotes,
        (select count(*) from sentences s where s.document_id = d.id) as sentences from documents d`)
      .all() as { id: string; facts: number; mismatches: number; footnotes: number; sentences: number }[];
    return new Map(rows.map((r) => [r.id, `${r.facts}/${r.mismatches}/${r.footnotes}/${r.sentences}`]));
  } finally {
    conn.close();
  }
}

export function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/** The first row that differs between two lists of rows, described; null when they are equal. */
export function firstDifference(a: readonly unknown[], b: readonly unknown[]): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] as Record<string, unknown> | undefined;
    const y = b[i] as Record<string, unknown> | undefined;
    if (!x || !y) return `row ${i}: ${JSON.stringify(x ?? null)} against ${JSON.stringify(y ?? null)}`;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!Object.is(x[key], y[key])) return `row ${i} ${key}: ${String(x[key])} against ${String(y[key])} in ${JSON.stringify(x).slice(0, 300)}`;
    }
  }
  return null;
}
