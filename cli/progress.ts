import cliProgress from 'cli-progress';
import type { IngestEvent, IngestSummary } from '../pipeline/ingest.ts';

/**
 * Progress on stderr: a bar on a terminal (cli-progress), plain periodic lines otherwise, so logs
 * from cron jobs stay readable. Nothing here writes to stdout.
 */
export interface Progress {
  update(event: IngestEvent, done: number): void;
  /** the number of files, once a counting pass knows it: enables the bar's percentage and time left */
  setTotal(total: number): void;
  /** a one-off message (e.g. "stopping…") that must not be drawn over by the bar */
  note(message: string): void;
  finish(): void;
  printSummary(summary: IngestSummary, db: string): void;
}

export interface ProgressOptions {
  /** plain-line interval when stderr is not a terminal */
  intervalMs?: number;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** How many warnings by kind, an example of each, and the command that lists them document by document. */
function warningLines(s: IngestSummary): string[] {
  if (s.warnings.length === 0) return [];
  const total = s.warnings.reduce((n, w) => n + w.count, 0);
  const shown = s.warnings.slice(0, 8).map((w) => {
    const example = w.example.length > 90 ? `${w.example.slice(0, 89)}…` : w.example;
    return `    ${w.count} ${w.rule} in ${w.documents} document${w.documents === 1 ? '' : 's'}, e.g. "${example}"`;
  });
  if (s.warnings.length > 8) shown.push(`    … and ${s.warnings.length - 8} other kinds`);
  return [`  warnings ${total} (baocao documents lists each document's count; baocao documents show ID lists them with their place):`, ...shown];
}

export function createProgress(stream: NodeJS.WriteStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 2000;
  const started = now();
  let facts = 0;
  let mismatches = 0;
  let pages = 0;
  let ocrPages = 0;
  let failed = 0;
  let done = 0;
  let total: number | null = null;
  let lastLine = 0;
  let finished = false;
  const tty = Boolean(stream.isTTY);

  const rate = () => done / Math.max(0.001, (now() - started) / 1000);
  // Time left from the files' rate so far; unknown until the total is counted and a file is done.
  const eta = () => (total !== null && done > 0 ? formatDuration(Math.max(0, total - done) / rate()) : null);
  const stats = () =>
    `${pages} pages${ocrPages > 0 ? ` (${ocrPages} by OCR)` : ''} | ${facts} facts | ${mismatches} mismatches | ${failed} failed | ${rate().toFixed(1)} files/s`;

  const bar = tty
    ? new cliProgress.SingleBar(
        {
          stream,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
          format: (opts, params) => {
            const head = total !== null ? `${cliProgress.Format.BarFormat(params.progress, opts)} ${done}/${total} files` : `${done} files`;
            const left = eta();
            return `${head} | ${stats()}${left ? ` | ${left} left` : ''}`;
          },
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(0, 0);

  return {
    update(e, n) {
      done = n;
      facts += e.facts;
      mismatches += e.mismatches;
      pages += e.pages;
      ocrPages += e.ocrPages;
      if (e.status === 'failed') failed++;
      if (bar) {
        bar.setTotal(total ?? n);
        bar.update(n);
      } else if (e.status === 'failed' || now() - lastLine >= interval) {
        lastLine = now();
        const count = total !== null ? `${n}/${total}` : `${n}`;
        const left = eta();
        const what = e.status === 'failed' ? `failed ${e.file}: ${e.reason ?? ''}` : `${e.status} ${e.file}`;
        stream.write(`[${count}] ${what} (${stats()}${left ? `, ${left} left` : ''})\n`);
      }
    },
    setTotal(t) {
      total = t;
      bar?.setTotal(Math.max(t, done));
    },
    note(message) {
      if (bar) {
        // cli-progress redraws on its own timer: write on a fresh line so the message is not overdrawn
        stream.write(`\n${message}\n`);
      } else {
        stream.write(`${message}\n`);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      bar?.stop();
    },
    printSummary(s, db) {
      const lines = [
        `Run ${s.runId} into ${db}: ${s.files} files in ${s.seconds.toFixed(1)} s with ${s.workers} worker${s.workers === 1 ? '' : 's'}` +
          (s.interrupted ? ' (stopped before the end: run the same command again to load the rest)' : ''),
        `  loaded ${s.loaded} (superseding ${s.superseded}), already loaded ${s.skipped}, failed ${s.failed.length}`,
        `  pages ${s.pages} (read by OCR ${s.ocrPages}), facts ${s.facts}, mismatches ${s.mismatches}`,
        ...warningLines(s),
        ...s.failed.map((f) => `  FAILED ${f.file} [${f.stage}]: ${f.reason}`),
      ];
      stream.write(`${lines.join('\n')}\n`);
    },
  };
}
