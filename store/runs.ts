import { hostname } from 'node:os';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { LoadOutcome } from '../schema/load-input.ts';
import type { RunStatus, RunsTable } from '../schema/warehouse.ts';
import { RUN_FILE_COLUMNS, type RunFile, runFileRow } from './rows.ts';
import { compileInsert } from './statements.ts';
import type { AnyWarehouse, Warehouse } from './warehouse.ts';

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

/**
 * Opens a run; its id goes on every document, fact and mismatch it loads. Runs left `running` by a process
 * that is gone (killed, out of memory, the machine restarted) are first marked interrupted.
 */
export async function startRun(wh: AnyWarehouse, command: string, args: readonly string[] = []): Promise<number> {
  await interruptStaleRuns(wh);
  const row = await wh.db
    .insertInto('runs')
    .values({ command, args: JSON.stringify(args), started_at: new Date().toISOString(), finished_at: null, pid: process.pid, host: hostname() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether a process of this host is alive (signal 0 tests without signalling; EPERM: alive, not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks interrupted the runs still `running` whose process is gone: on this host, a pid that no longer
 * exists; a run recorded before runs had an owner (migration 011) has no process to wait for. A run of
 * another host is left as it is: its process cannot be seen from here. Returns the runs marked.
 */
export async function interruptStaleRuns(wh: AnyWarehouse): Promise<number[]> {
  const running = await wh.db.selectFrom('runs').select(['id', 'pid', 'host']).where('status', '=', 'running').execute();
  const me = hostname();
  const stale = running.filter((r) => r.pid === null || (r.host === me && r.pid !== process.pid && !alive(r.pid))).map((r) => r.id);
  if (stale.length > 0) {
    await wh.db.updateTable('runs').set({ status: 'interrupted', finished_at: new Date().toISOString() }).where('id', 'in', stale).execute();
  }
  return stale;
}

export async function recordRunFile(wh: AnyWarehouse, runId: number, record: RunFileRecord): Promise<void> {
  const r: RunFile = RunFileRecord.parse(record);
  await wh.db
    .insertInto('run_files')
    .values(runFileRow(r, runId, new Date().toISOString()))
    .execute();
}

/** A record with its defaults, as RunFileRecord's parse gives them, without the parse (ingest writes one a file). */
function withDefaults(r: RunFileRecord): RunFile {
  return {
    file: r.file,
    documentId: r.documentId ?? null,
    status: r.status,
    stage: r.stage ?? null,
    reason: r.reason ?? null,
    facts: r.facts ?? 0,
    mismatches: r.mismatches ?? 0,
    ms: r.ms ?? null,
  };
}

/** Buffers a run's run_files rows and writes them a batch per transaction with one prepared statement. */
export class RunFileWriter {
  /** one transaction per row would cost more than a small document */
  static readonly BATCH = 100;
  private rows: RunFile[] = [];
  private ats: string[] = [];
  private readonly write: (rows: RunFile[], ats: string[]) => void;

  constructor(
    wh: Warehouse,
    private readonly runId: number,
  ) {
    const insert = compileInsert(wh, 'run_files', RUN_FILE_COLUMNS);
    const tx = wh.sqlite.transaction((rows: RunFile[], ats: string[]) => {
      for (const [i, r] of rows.entries()) insert(runFileRow(r, this.runId, ats[i]!));
    });
    this.write = (rows, ats) => tx.immediate(rows, ats);
  }

  add(record: RunFileRecord): void {
    this.rows.push(withDefaults(record));
    this.ats.push(new Date().toISOString());
    if (this.rows.length >= RunFileWriter.BATCH) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const ats = this.ats;
    this.rows = [];
    this.ats = [];
    this.write(rows, ats);
  }
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
export async function finishRun(wh: AnyWarehouse, runId: number, status: RunStatus = 'done'): Promise<RunSummary> {
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
