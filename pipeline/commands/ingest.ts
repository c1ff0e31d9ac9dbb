import type { Command } from 'commander';
import { defaultDb, EXIT, UsageError } from '../cli.ts';

interface IngestFlags {
  db: string;
  workers?: string;
  json?: boolean;
  maxBytes?: string;
  timeout?: string;
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
    .option('--max-bytes <n>', 'refuse files larger than this many bytes')
    .option('--timeout <seconds>', 'fail a file that takes longer than this to read')
    .addHelpText('after', '\nExit codes: 0 all files loaded or already loaded, 1 some files failed (listed), 2 bad usage.\n')
    .action(async (paths: string[], flags: IngestFlags) => {
      if (flags.workers !== undefined && !(Number(flags.workers) >= 1)) throw new UsageError('--workers must be a positive number');
      const { openWarehouse } = await import('../../schema/warehouse.ts');
      const { ingest } = await import('../ingest.ts');
      const { createProgress } = await import('../progress.ts');
      const wh = await openWarehouse(flags.db);
      const progress = createProgress(process.stderr);
      let interrupted = false;
      const onSigint = () => {
        if (interrupted) process.exit(130);
        interrupted = true;
        process.stderr.write('\nbaocao: stopping after the current document (Ctrl-C again to abort)\n');
      };
      process.on('SIGINT', onSigint);
      try {
        const limits = {
          ...(flags.maxBytes ? { maxBytes: Number(flags.maxBytes) } : {}),
          ...(flags.timeout ? { timeoutMs: Number(flags.timeout) * 1000 } : {}),
        };
        const summary = await ingest(wh, paths, {
          limits,
          onFile: (e, done) => progress.update(e, done),
          shouldStop: () => interrupted,
          args: process.argv.slice(2),
        });
        progress.finish();
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else progress.printSummary(summary, flags.db);
        if (summary.failed.length > 0) setExit(EXIT.failedFiles);
      } finally {
        process.off('SIGINT', onSigint);
        await wh.close();
      }
    });
}
