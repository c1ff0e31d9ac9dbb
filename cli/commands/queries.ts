import { type Command, Option } from 'commander';
import type { Kind, Status } from '../../schema/fact.ts';
import type { Granularity } from '../../schema/period.ts';
import { defaultDb, UsageError } from '../usage.ts';

// Only commander and node built-ins at the top: query commands must start without the readers.

const KINDS = ['actual', 'estimate', 'plan', 'previous', 'cumulative', 'average', 'share_of_plan', 'over_plan', 'growth', 'change', 'share'];
const STATUSES = ['ok', 'flagged', 'accepted', 'corrected', 'rejected'];
/** schema/period.ts GRANULARITIES, written out so the command starts without zod */
const GRANULARITIES: Granularity[] = ['year', 'semester', 'quarter', 'month', 'day', 'months', 'years'];

interface FilterOpts {
  db: string;
  doc?: string;
  indicator?: string;
  year?: string;
  period?: string;
  kind?: string;
  area?: string;
  status?: string;
  history?: boolean;
}

function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--doc <id>', 'document id, id prefix, or file name')
    .option('--indicator <text>', 'catalog id or words, with or without diacritics')
    .option('--year <year>', 'period year')
    .option('--period <period>', 'period as SDMX writes it: 2026, 2026-S1, 2026-Q1, 2026-M03, 2026-01/2026-03, 2021/2025')
    .addOption(new Option('--kind <kind>', 'kind of number').choices(KINDS))
    .option('--area <area>', 'district or province name, or GSO code')
    .addOption(new Option('--status <status>', 'review status').choices(STATUSES))
    .option('--history', 'include facts of superseded documents');
}

function parseYear(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${flag} needs a four-digit year, not "${text}"`);
  return Number(text);
}

/** Written as stored: `2026-Q1`, not `Q1/2026` (schema/period.ts, kept here as text so the command starts without zod). */
const PERIOD_TEXT = /^\d{4}(?:-S[12]|-Q[1-4]|-M(?:0[1-9]|1[0-2])|-(?:0[1-9]|1[0-2])-\d{2}|\/\d{4}|-(?:0[1-9]|1[0-2])\/\d{4}-(?:0[1-9]|1[0-2]))?$/;

function parsePeriod(text: string): string {
  const t = text.trim();
  if (!PERIOD_TEXT.test(t))
    throw new UsageError(`--period needs a period such as 2026, 2026-S1, 2026-Q1, 2026-M03, 2026-01/2026-03 or 2021/2025, not "${text}"`);
  return t;
}

function parseCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} needs a whole number, not "${text}"`);
  return Number(text);
}

function filterFrom(o: FilterOpts) {
  return {
    ...(o.doc !== undefined && { doc: o.doc }),
    ...(o.indicator !== undefined && { indicator: o.indicator }),
    ...(o.year !== undefined && { year: parseYear(o.year, '--year')! }),
    ...(o.period !== undefined && { period: parsePeriod(o.period) }),
    ...(o.kind !== undefined && { kind: o.kind as Kind }),
    ...(o.area !== undefined && { area: o.area }),
    ...(o.status !== undefined && { status: o.status as Status }),
    history: Boolean(o.history),
  };
}

/**
 * Query commands read an existing warehouse; opening a missing path would create an empty one. A
 * PostgreSQL database is opened as it is (its schema created if it has none).
 */
async function openExisting(db: string) {
  const { openStoreForCommand } = await import('../open.ts');
  return openStoreForCommand(db);
}

/** `facts`, `compare`, `export`: read-only commands over the warehouse. */
export function registerQueries(program: Command, _setExit: (code: number) => void): void {
  registerFacts(program);
  registerCompare(program);
  registerExport(program);
}

function registerFacts(program: Command): void {
  addFilterOptions(program.command('facts').description('List facts, filtered by document, indicator, year, kind, area or status.'))
    .option('--limit <n>', `at most N facts (default: all when filtered, 1000 when not; 0 for no limit)`)
    .option('--offset <n>', 'skip the first N facts', '0')
    .option('--json', 'print a JSON array of Fact objects')
    .addHelpText('after', '\nExamples:\n  baocao facts --indicator "che phu rung" --year 2023\n  baocao facts --doc 35c0ecef --json\n')
    .action(async (o: FilterOpts & { limit?: string; offset: string; json?: boolean }) => {
      const filter = filterFrom(o);
      const { DEFAULT_UNFILTERED_LIMIT, hasNarrowingFilter, queryFacts } = await import('../../output/facts-query.ts');
      const asked = parseCount(o.limit, '--limit');
      const limit = asked === undefined ? (hasNarrowingFilter(filter) ? null : DEFAULT_UNFILTERED_LIMIT) : asked === 0 ? null : asked;
      const wh = await openExisting(o.db);
      try {
        const facts = await queryFacts(wh, { ...filter, limit, offset: parseCount(o.offset, '--offset') ?? 0 });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
        } else {
          const { renderFactsTable } = await import('../../output/facts-table.ts');
          process.stdout.write(renderFactsTable(facts));
        }
        if (limit !== null && facts.length === limit) {
          process.stderr.write(`(first ${limit} facts; narrow with filters, or use --limit 0 / --offset ${limit})\n`);
        }
      } finally {
        await wh.close();
      }
    });
}

function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('Plan against estimate/actual per indicator and year, every number with its source.')
    .argument('[query]', 'catalog id or words with or without diacritics; none: every catalog indicator')
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--area <area>', 'district or province name, or GSO code')
    .addOption(new Option('--by <granularity>', 'periods of the columns: years, or quarters, months… (never mixed)').choices(GRANULARITIES).default('year'))
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--json', 'print the comparison as JSON')
    .option('--csv', 'print the comparison as CSV')
    .option('--html <file>', 'write a self-contained HTML page with charts')
    .addHelpText(
      'after',
      '\nExamples:\n  baocao compare "che phu rung"\n  baocao compare --from 2023 --to 2024 --html so-sanh.html\n  baocao compare "ho so truc tuyen" --by quarter\n',
    )
    .action(
      async (
        query: string | undefined,
        o: { from?: string; to?: string; area?: string; by: string; db: string; json?: boolean; csv?: boolean; html?: string },
      ) => {
        const outputs = [o.json, o.csv, o.html !== undefined].filter(Boolean).length;
        if (outputs > 1) throw new UsageError('compare: choose one of --json, --csv, --html');
        const from = parseYear(o.from, '--from');
        const to = parseYear(o.to, '--to');
        if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
        const { compare } = await import('../../output/compare.ts');
        const wh = await openExisting(o.db);
        try {
          const cmp = await compare(wh, {
            ...(query !== undefined && query.trim() !== '' && { query }),
            ...(from !== undefined && { from }),
            ...(to !== undefined && { to }),
            ...(o.area !== undefined && { area: o.area }),
            by: o.by as Granularity,
          });
          await emitComparison(cmp, o);
        } finally {
          await wh.close();
        }
      },
    );
}

async function emitComparison(cmp: import('../../output/compare.ts').Comparison, o: { json?: boolean; csv?: boolean; html?: string }): Promise<void> {
  if (o.json) {
    process.stdout.write(`${JSON.stringify(cmp, null, 2)}\n`);
  } else if (o.csv) {
    const { renderCompareCsv } = await import('../../output/compare-table.ts');
    const { BOM } = await import('../../output/format.ts');
    process.stdout.write(BOM + renderCompareCsv(cmp));
  } else if (o.html !== undefined) {
    const { renderCompareHtml } = await import('../../output/compare-html.ts');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(o.html, renderCompareHtml(cmp), 'utf8');
    process.stderr.write(`${cmp.rows.length} indicators written to ${o.html}\n`);
  } else {
    const { renderCompareText } = await import('../../output/compare-table.ts');
    // a terminal's own width; piped, a width a wide editor window shows (COLUMNS overrides both)
    const width = Number(process.env.COLUMNS) || process.stdout.columns || 160;
    process.stdout.write(renderCompareText(cmp, { width }));
  }
}

/** An export's folder must be there and writable before facts are read: said once, in words. */
async function checkWritable(out: string): Promise<void> {
  const { accessSync, constants, statSync } = await import('node:fs');
  const { dirname, resolve } = await import('node:path');
  const folder = dirname(resolve(out));
  const info = (() => {
    try {
      return statSync(folder);
    } catch {
      return null;
    }
  })();
  if (!info) throw new UsageError(`cannot write ${out}: the folder ${folder} does not exist (create it first, or give --out another path)`);
  if (!info.isDirectory()) throw new UsageError(`cannot write ${out}: ${folder} is a file, not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${out}: the folder ${folder} is not writable by this user (check its permissions, or give --out another path)`);
  }
  try {
    if (statSync(out).isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder; give --out a file name`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
}

function registerExport(program: Command): void {
  addFilterOptions(program.command('export').description('Write facts to CSV (UTF-8 with BOM), XLSX or JSON.'))
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx', 'json']).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write')
    .addOption(
      new Option('--headers <names>', "column names: Vietnamese (XLSX's default) or the Fact contract's field names (CSV's default)").choices(['vi', 'fields']),
    )
    .addOption(new Option('--delimiter <char>', 'CSV field separator (";" for Excel in a Vietnamese locale; "tab")').choices([',', ';', 'tab']).default(','))
    .addOption(new Option('--decimal <mark>', 'CSV decimal mark of numbers ("," for Excel in a Vietnamese locale)').choices(['.', ',']).default('.'))
    .addHelpText(
      'after',
      '\nExamples:\n  baocao export --format xlsx --out facts-2023.xlsx --year 2023\n  baocao export --format csv --delimiter ";" --decimal "," --out facts.csv   # Excel set to Vietnamese\n',
    )
    .action(async (o: FilterOpts & { format: 'csv' | 'xlsx' | 'json'; out: string; headers?: 'vi' | 'fields'; delimiter: string; decimal: '.' | ',' }) => {
      const filter = filterFrom(o);
      const delimiter = (o.delimiter === 'tab' ? '\t' : o.delimiter) as ',' | ';' | '\t';
      if (delimiter === o.decimal)
        throw new UsageError(`--delimiter and --decimal are both "${o.decimal}": a Vietnamese-locale CSV is --delimiter ";" --decimal ","`);
      await checkWritable(o.out);
      const { exportFacts } = await import('../../output/export.ts');
      const wh = await openExisting(o.db);
      try {
        const result = await exportFacts(wh, filter, o.format, o.out, { ...(o.headers && { headers: o.headers }), delimiter, decimal: o.decimal });
        process.stderr.write(`${result.rows} facts written to ${result.file}\n`);
      } finally {
        await wh.close();
      }
    });
}
