import cliProgress from 'cli-progress';
import type { IngestEvent, IngestSummary } from './ingest.ts';

/**
 * Progress on stderr: a bar on a terminal (cli-progress), plain periodic lines otherwise, so logs
 * from cron jobs stay readable. Nothing here writes to stdout.
 */
export interface Progress {
  update(event: IngestEvent, done: number): void;
  finish(): void;
  printSummary(summary: IngestSummary, db: string): void;
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  const started = Date.now();
  let facts = 0;
  let mismatches = 0;
  let pages = 0;
  let lastLine = 0;
  const tty = Boolean(stream.isTTY);
  const bar = tty
    ? new cliProgress.SingleBar(
        { stream, format: '{value} files | {pages} pages | {facts} facts | {mismatches} mismatches | {rate} files/s | {file}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(0, 0, { facts: 0, mismatches: 0, pages: 0, rate: '0', file: '' });
  return {
    update(e, done) {
      facts += e.facts;
      mismatches += e.mismatches;
      pages += e.pages;
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      if (bar) {
        bar.setTotal(done);
        bar.update(done, { facts, mismatches, pages, rate, file: e.file.slice(-40) });
      } else if (e.status === 'failed' || Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        stream.write(`[${done}] ${e.status} ${e.file}${e.reason ? `: ${e.reason}` : ''} (${facts} facts, ${mismatches} mismatches, ${rate} files/s)\n`);
      }
    },
    finish() {
      bar?.stop();
    },
    printSummary(s, db) {
      const lines = [
        `Run ${s.runId} into ${db}: ${s.files} files in ${s.seconds.toFixed(1)} s`,
        `  loaded ${s.loaded} (superseding ${s.superseded}), already loaded ${s.skipped}, failed ${s.failed.length}`,
        `  facts ${s.facts}, mismatches ${s.mismatches}`,
        ...s.failed.map((f) => `  FAILED ${f.file} [${f.stage}]: ${f.reason}`),
      ];
      stream.write(`${lines.join('\n')}\n`);
    },
  };
}
