import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { UsageError } from '../usage.ts';

/** `baocao normalize TEXT… [--json]`: the quantity grammar, from the command line. */
export function registerNormalize(program: Command, _setExit: (code: number) => void): void {
  program
    .command('normalize')
    .description('Read the quantities in Vietnamese text (arguments, or one input per line on stdin).')
    .argument('[text...]', 'text to read; with none, reads one input per line from stdin')
    .option('--json', 'print one JSON array of quantities per input')
    .addHelpText(
      'after',
      '\nExamples:\n  baocao normalize "sản lượng 36.595,83 tấn, đạt 100,43% so với kế hoạch"\n  printf "8.396,5ha\\n17 triệu viên\\n" | baocao normalize --json\n',
    )
    .action(async (texts: string[], opts: { json?: boolean }) => {
      const { findQuantities } = await import('../../extractors/quantity-grammar.ts');
      const { formatQuantity } = await import('../../output/quantity-text.ts');
      const emit = (text: string) => {
        const qs = findQuantities(text);
        if (opts.json) process.stdout.write(`${JSON.stringify(qs)}\n`);
        else if (qs.length === 0) process.stdout.write('(no quantity)\n');
        else for (const q of qs) process.stdout.write(`${formatQuantity(q)}\n`);
      };
      if (texts.length > 0) {
        // Several arguments are one input: the shell split it on spaces.
        emit(texts.join(' '));
        return;
      }
      if (process.stdin.isTTY) throw new UsageError('normalize: give TEXT, or pipe one input per line on stdin');
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) emit(line);
    });
}
