import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ReadError, type ReadLimits } from '../extractors/reader.ts';
import type { Warehouse } from '../schema/warehouse.ts';
import { finishRun, loadDocument, recordRunFile, runFileFromOutcome, startRun } from './load.ts';
import { processFile } from './runner.ts';
import { loadCatalog } from './stages/catalog.ts';
import { walkFiles } from './walk.ts';

/** What happened to every file of an ingest run. */
export interface IngestSummary {
  runId: number;
  files: number;
  loaded: number;
  skipped: number;
  superseded: number;
  failed: { file: string; stage: string; reason: string }[];
  facts: number;
  mismatches: number;
  seconds: number;
}

export interface IngestEvent {
  file: string;
  status: 'loaded' | 'skipped' | 'failed';
  reason?: string;
  facts: number;
  mismatches: number;
  pages: number;
}

export interface IngestOptions {
  limits?: Partial<ReadLimits>;
  onFile?: (event: IngestEvent, done: number) => void;
  /** polled between files: Ctrl-C lets the document being written finish, then stops */
  shouldStop?: () => boolean;
  args?: readonly string[];
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function ingest(wh: Warehouse, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const catalog = loadCatalog();
  const runId = await startRun(wh, 'ingest', options.args ?? paths);
  const summary: IngestSummary = { runId, files: 0, loaded: 0, skipped: 0, superseded: 0, failed: [], facts: 0, mismatches: 0, seconds: 0 };
  const known = wh.sqlite.prepare('SELECT 1 FROM documents WHERE id = ?');
  let stopped = false;
  for await (const entry of walkFiles(paths)) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    summary.files++;
    const t0 = Date.now();
    const report = (event: IngestEvent) => options.onFile?.(event, summary.files);
    if ('error' in entry) {
      summary.failed.push({ file: entry.file, stage: 'read', reason: entry.error });
      await recordRunFile(wh, runId, { file: entry.file, status: 'failed', stage: 'read', reason: entry.error });
      report({ file: entry.file, status: 'failed', reason: entry.error, facts: 0, mismatches: 0, pages: 0 });
      continue;
    }
    const file = entry.file;
    try {
      // Already loaded? Then skip before reading: re-runs over big archives cost one hash per file.
      const hash = await sha256File(file);
      if (known.get(hash)) {
        summary.skipped++;
        await recordRunFile(wh, runId, { file, documentId: hash, status: 'skipped', reason: 'already loaded (same content hash)', ms: Date.now() - t0 });
        report({ file, status: 'skipped', reason: 'already loaded', facts: 0, mismatches: 0, pages: 0 });
        continue;
      }
      const input = await processFile(file, catalog, options.limits);
      const outcome = await loadDocument(wh, input, { runId });
      await recordRunFile(wh, runId, runFileFromOutcome(file, outcome, Date.now() - t0));
      if (outcome.status === 'loaded') {
        summary.loaded++;
        if (outcome.supersedes) summary.superseded++;
        summary.facts += outcome.facts;
        summary.mismatches += outcome.mismatches;
        report({ file, status: 'loaded', facts: outcome.facts, mismatches: outcome.mismatches, pages: input.document.pages ?? 0 });
      } else if (outcome.status === 'skipped') {
        summary.skipped++;
        report({ file, status: 'skipped', reason: outcome.reason, facts: 0, mismatches: 0, pages: 0 });
      } else {
        summary.failed.push({ file, stage: 'load', reason: outcome.reason });
        report({ file, status: 'failed', reason: outcome.reason, facts: 0, mismatches: 0, pages: 0 });
      }
    } catch (err) {
      const reason = err instanceof ReadError ? err.reason : `extract: ${err instanceof Error ? err.message : String(err)}`;
      const stage = err instanceof ReadError ? 'read' : 'extract';
      summary.failed.push({ file, stage, reason });
      await recordRunFile(wh, runId, { file, status: 'failed', stage, reason, ms: Date.now() - t0 });
      report({ file, status: 'failed', reason, facts: 0, mismatches: 0, pages: 0 });
    }
  }
  await finishRun(wh, runId, stopped ? 'interrupted' : 'done');
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
