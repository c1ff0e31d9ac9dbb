import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { type Command, Option } from 'commander';
import { OCR_MODES, type OcrMode } from '../../schema/document.ts';
import { defaultDb, EXIT, UsageError } from '../usage.ts';

interface IngestFlags {
  db: string;
  workers?: string;
  json?: boolean;
  maxBytes?: string;
  maxPages?: string;
  timeout?: string;
  workerMemory?: string;
  ocr: OcrMode;
  exclude: string[];
  retryFailed?: boolean;
}

/** `--exclude` may be given many times: each adds a glob. */
function collect(value: string, previous: string[]): string[] {
  if (value.trim() === '') throw new UsageError('--exclude needs a glob (e.g. --exclude "*.tmp" --exclude "drafts/**")');
  return [...previous, value];
}

/**
 * Each worker is a fresh V8 isolate that compiles pdf.js, mammoth and our stages anew. With V8's default
 * interrupt budget it optimized thousands of functions that then ran for a few documents, and V8's
 * compiler threads took more CPU than extraction itself. A larger budget optimizes only what stays hot
 * (the README's "Measured speed" has the figures). Set before any worker starts; flags are process-wide
 * and read when a function is first run, so code already compiled keeps its tiering.
 */
function tuneJit(): void {
  setFlagsFromString('--interrupt-budget=1000000');
}

/** Exit code of a run stopped by Ctrl-C: the shell's convention for SIGINT (128 + 2). */
const EXIT_INTERRUPTED = 130;

function positive(flag: string, value: string | undefined, integer = true): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be a positive ${integer ? 'whole ' : ''}number (got ${JSON.stringify(value)})`);
  }
  return n;
}

/** `baocao ingest <file-or-folder>... [--db FILE] [--workers N] [--json]` */
export function registerIngest(program: Command, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('Read report files (PDF, DOCX, XLSX, XLS, text) and load their facts into the warehouse.')
    .argument('<paths...>', 'files or folders (walked recursively; files are picked by content)')
    .option('--db <file>', 'warehouse file (default: $BAOCAO_DB or baocao.sqlite)', defaultDb())
    .option('--workers <n>', 'parallel readers (default: number of cores)')
    .option('--json', 'print the run summary as JSON on stdout; progress stays on stderr')
    .option('--max-bytes <n>', 'refuse files larger than this many bytes (default 64 MiB)')
    .option('--max-pages <n>', 'refuse PDFs with more pages than this (default 2000)')
    .option('--timeout <seconds>', 'fail a file that takes longer than this to read and extract (default 120)')
    .addOption(
      new Option('--ocr <mode>', 'pages with no text layer (scans): auto reads them with Tesseract OCR, always OCRs every page, never leaves them unread')
        .choices(OCR_MODES)
        .default('auto'),
    )
    .option('--retry-failed', 'read again the files that failed in an earlier run (without it their old reason is reported and they are not read)')
    .option('--worker-memory <MB>', 'fail a file whose reading needs more memory than this per worker (default 256)')
    .option(
      '--exclude <glob>',
      'do not walk files or folders matching the glob (repeatable; "*.tmp" matches names at any depth, "drafts/**" paths)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      '\nRe-running the same command loads only what is missing. Ctrl-C finishes the document being written and\n' +
        'stops (a second Ctrl-C aborts at once; nothing is ever half-loaded).\n' +
        'Inside folders, notes that are not reports (a README, a markdown file with no report header) are\n' +
        'skipped with their reason; --exclude GLOB (repeatable) passes over anything else.\n' +
        'Exit codes: 0 all files loaded or already loaded, 1 some files failed (listed), 2 bad usage,\n' +
        '130 stopped by Ctrl-C before the end.\n',
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const workers = positive('--workers', flags.workers);
      const maxBytes = positive('--max-bytes', flags.maxBytes);
      const maxPages = positive('--max-pages', flags.maxPages);
      const timeout = positive('--timeout', flags.timeout, false);
      const workerMemoryMb = positive('--worker-memory', flags.workerMemory);
      // below this a worker cannot even load the PDF and Word libraries, and every file would fail
      if (workerMemoryMb !== undefined && workerMemoryMb < 64) throw new UsageError(`--worker-memory must be at least 64 (MB); got ${workerMemoryMb}`);
      const { CATALOG_FILE } = await import('../../schema/seeds-dir.ts');
      // every worker would fail on its first file: say it once, before any is started
      if (!existsSync(CATALOG_FILE)) throw new UsageError(`no indicator catalog at ${CATALOG_FILE} (BAOCAO_SEEDS names the seeds folder)`);
      const { isPostgresTarget } = await import('../../store/target.ts');
      if (isPostgresTarget(flags.db)) {
        throw new UsageError(
          'ingest into PostgreSQL is not there yet: ingest into a SQLite file; facts, compare, export and review list/show/accept/correct/reject read PostgreSQL',
        );
      }
      tuneJit();
      const { openForCommand } = await import('../open.ts');
      const { ingest } = await import('../../pipeline/ingest.ts');
      const { createProgress } = await import('../progress.ts');
      const { walkFiles, globMatcher } = await import('../../pipeline/walk.ts');
      for (const glob of flags.exclude) {
        try {
          globMatcher(glob);
        } catch {
          throw new UsageError(`--exclude: not a glob that can be read: ${JSON.stringify(glob)}`);
        }
      }
      // The writer appends and checks recent documents: a small page cache loads as fast as a large one
      // and leaves the memory to the workers; queries open with the larger one.
      const wh = await openForCommand(flags.db, { cacheMb: 16, mustExist: false });
      const progress = createProgress(process.stderr);
      const stop = new AbortController();
      const onSigint = () => {
        // The writer is synchronous per document, so exiting here can never cut a transaction in half.
        if (stop.signal.aborted) process.exit(EXIT_INTERRUPTED);
        stop.abort();
        progress.note('stopping after the document being written (Ctrl-C again to abort)');
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      // A first pass that only counts names gives the bar its total and time left; it holds no list.
      void (async () => {
        let total = 0;
        for await (const _ of walkFiles(paths, { exclude: flags.exclude })) {
          if (stop.signal.aborted) return;
          total++;
        }
        progress.setTotal(total);
      })().catch(() => undefined);
      try {
        // A run killed between a document's load and its checks left them pending: finish them first.
        const pending = await (await import('../../pipeline/cross-checks.ts')).checkPending(wh);
        if (pending > 0) progress.note(`checks of a previous, interrupted run finished: ${pending} mismatches`);
        const summary = await ingest(wh, paths, {
          limits: {
            ...(maxBytes !== undefined ? { maxBytes } : {}),
            ...(maxPages !== undefined ? { maxPages } : {}),
            ...(timeout !== undefined ? { timeoutMs: Math.round(timeout * 1000) } : {}),
            ocr: flags.ocr,
          },
          ...(workers !== undefined ? { workers } : {}),
          ...(flags.exclude.length > 0 ? { exclude: flags.exclude } : {}),
          ...(workerMemoryMb !== undefined ? { workerMemoryMb } : {}),
          ...(flags.retryFailed ? { retryFailed: true } : {}),
          onFile: (e, done) => progress.update(e, done),
          // OCR takes seconds a page: each page read is shown, so a long scan is seen to move
          onOcrPage: (file, done, total) => progress.note(`OCR ${file}: page ${done} of ${total} read`),
          // Checks against the documents already in the warehouse (same indicator, year and kind stated
          // differently; reviewers' decisions carried to a superseding version) run after each load.
          afterLoad: async (id, written) => (await import('../../pipeline/cross-checks.ts')).checkAcrossDocuments(wh, id, written),
          signal: stop.signal,
          args: process.argv.slice(2),
        });
        progress.finish();
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          progress.printSummary(summary, flags.db);
          for (const n of summary.notReports) process.stderr.write(`  SKIPPED ${n.file}: ${n.reason}\n`);
        }
        if (summary.interrupted) setExit(EXIT_INTERRUPTED);
        else if (summary.failed.length > 0) setExit(EXIT.failedFiles);
      } finally {
        progress.finish();
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        await wh.close();
      }
    });
}
