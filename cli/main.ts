import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { registerDocuments } from './commands/documents.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerNormalize } from './commands/normalize.ts';
import { registerQueries } from './commands/queries.ts';
import { registerReview } from './commands/review.ts';
import { EXIT, UsageError } from './usage.ts';

const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/**
 * Builds the command tree. Each command module imports its heavy dependencies (PDF, DOCX readers)
 * inside its action, so query commands start fast.
 */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('baocao')
    .description('Turn archived Vietnamese government reports into a warehouse of comparable numbers.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  registerIngest(program, setExit);
  registerNormalize(program, setExit);
  registerQueries(program, setExit);
  registerReview(program, setExit);
  registerDocuments(program, setExit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // A reader that has what it wants closes the pipe (`baocao facts --json | head`): stop, as other tools
  // do, instead of dying with a stack trace. Ingest prints to stdout only its final summary.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`baocao: ${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`baocao: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failedFiles;
  }
  return code;
}
