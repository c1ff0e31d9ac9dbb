import { userInfo } from 'node:os';
import { type Command, Option } from 'commander';
import { periodWords } from '../../schema/period.ts';
import { defaultDb, UsageError } from '../usage.ts';

// Only commander and node built-ins at the top: the warehouse and review store load inside the actions.

const TYPES = ['reading', 'shape', 'sum', 'ratio', 'share_of_plan', 'growth', 'product', 'consistency', 'plausibility'];
const STATUSES = ['open', 'accepted', 'corrected', 'rejected'];

interface Common {
  db: string;
  json?: boolean;
  reviewer: string;
}

function osUser(): string {
  try {
    return userInfo().username || process.env.USER || 'reviewer';
  } catch {
    return process.env.USER || 'reviewer';
  }
}

/**
 * A number as a reviewer types it: the report's way (`8.396,5`, `1.500`) or the plain way (`8396.5`).
 * A dot followed by groups of three digits only is a thousands separator.
 */
export function parseReviewNumber(text: string): number {
  const s = text.trim().replace(/\s/g, '');
  let n: number;
  if (/,/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) n = Number(s.replace(/\./g, ''));
  else n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new UsageError(`--value needs a number, not "${text}"`);
  return n;
}

async function open(db: string) {
  const { openStoreForCommand } = await import('../open.ts');
  return openStoreForCommand(db);
}

async function withStore<T>(
  db: string,
  run: (wh: import('../../store/warehouse.ts').AnyWarehouse, store: typeof import('../../store/reviews.ts')) => Promise<T>,
): Promise<T> {
  const store = await import('../../store/reviews.ts');
  const wh = await open(db);
  try {
    return await run(wh, store);
  } catch (err) {
    if (err instanceof store.ReviewError) throw new UsageError(err.message);
    throw err;
  } finally {
    await wh.close();
  }
}

function common(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--reviewer <name>', 'who decides', osUser())
    .option('--json', 'print JSON');
}

/** `review list|show|accept|correct|reject|serve`. */
export function registerReview(program: Command, _setExit: (code: number) => void): void {
  const review = program.command('review').description('Go through mismatches: list, show, accept, correct or reject them, or open the review page.');

  common(review.command('list').description('List mismatches (open ones first).'))
    .addOption(new Option('--type <type>', 'kind of mismatch').choices(TYPES))
    .addOption(new Option('--status <status>', 'review status').choices(STATUSES))
    .option('--doc <id>', 'document id or prefix')
    .option('--history', 'include mismatches of superseded documents')
    .option('--limit <n>', 'at most N mismatches')
    .action(async (o: Common & { type?: string; status?: string; doc?: string; history?: boolean; limit?: string }) => {
      if (o.limit !== undefined && !/^\d+$/.test(o.limit)) throw new UsageError(`--limit needs a whole number, not "${o.limit}"`);
      await withStore(o.db, async (wh, store) => {
        const list = await store.listMismatchesOf(wh, {
          ...(o.type && { type: o.type }),
          ...(o.status && { status: o.status }),
          ...(o.doc && { documentId: o.doc }),
          history: Boolean(o.history),
          ...(o.limit && { limit: Number(o.limit) }),
        });
        if (o.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        const { renderTable } = await import('../../output/format.ts');
        const rows = list.map((m) => [m.id.slice(0, 12), m.type, m.status, m.message.length > 110 ? `${m.message.slice(0, 109)}…` : m.message]);
        process.stdout.write(renderTable(['id', 'type', 'status', 'message'], rows));
        process.stderr.write(`${list.length} mismatches\n`);
      });
    });

  common(review.command('show').description('Show one mismatch: its sentence with the numbers marked, its arithmetic and decisions.'))
    .argument('<id>', 'mismatch id or a unique prefix of it')
    .option('--image <file.png>', 'for a number read by OCR: write the region of the scan it came from to this PNG')
    .action(async (id: string, o: Common & { image?: string }) => {
      await withStore(o.db, async (wh, store) => {
        const m = await store.getMismatchOf(wh, id);
        process.stdout.write(o.json ? `${JSON.stringify(m, null, 2)}\n` : showText(m));
        if (o.image) {
          const f = m.facts.find((x) => x.source.ocr && x.source.page !== undefined);
          if (!f) throw new UsageError(`--image: no fact of mismatch ${m.id.slice(0, 12)} was read by OCR`);
          const { cropPage } = await import('../../output/page-crop.ts');
          const { writeFile } = await import('node:fs/promises');
          await writeFile(o.image, await cropPage({ file: m.file, page: f.source.page!, box: f.source.ocr!.box }));
          process.stderr.write(`scan region of page ${f.source.page} written to ${o.image}\n`);
        }
      });
    });

  const decision = (action: 'accept' | 'correct' | 'reject', description: string) => {
    const cmd = common(review.command(action).description(description)).argument('<id>', 'mismatch id or a unique prefix of it').option('--note <text>', 'why');
    if (action !== 'accept') cmd.option('--fact <id>', 'the fact of the mismatch to decide on (default: its first)');
    if (action === 'correct')
      cmd
        .requiredOption('--value <number>', 'the right number, in the scale the report wrote it (8.396,5 or 8396.5)')
        .option('--unit <code>', 'the right canonical unit, if the unit was wrong');
    cmd.action(async (id: string, o: Common & { note?: string; fact?: string; value?: string; unit?: string }) => {
      const value = action === 'correct' ? parseReviewNumber(o.value ?? '') : null;
      if (!o.reviewer.trim()) throw new UsageError('--reviewer must not be empty');
      await withStore(o.db, async (wh, store) => {
        const m = await store.decide(wh, {
          mismatchId: id,
          action,
          reviewer: o.reviewer,
          value,
          unit: o.unit ?? null,
          note: o.note ?? null,
          factId: o.fact ?? null,
        });
        if (o.json) process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
        else process.stdout.write(`${m.id.slice(0, 12)} ${m.status} by ${o.reviewer}\n`);
      });
    });
  };
  decision('accept', 'The numbers are right as read: accept every fact of the mismatch.');
  decision('correct', "Give the right value of the mismatch's fact; the original is kept.");
  decision('reject', 'The number is wrong or not a fact: leave it out of compare and export.');

  review
    .command('serve')
    .description('Open the review page on http://127.0.0.1 (local only).')
    .option('--db <file>', 'warehouse file (env BAOCAO_DB)', defaultDb())
    .option('--reviewer <name>', 'who decides', osUser())
    .option('--port <n>', 'port; 0 picks a free one', '8765')
    .addOption(new Option('--status <status>', 'which mismatches to list (default open)').choices([...STATUSES, 'all']))
    .action(async (o: { db: string; reviewer: string; port: string; status?: string }) => {
      if (!/^\d+$/.test(o.port) || Number(o.port) > 65535) throw new UsageError(`--port needs a port number, not "${o.port}"`);
      const { startReviewServer } = await import('../../output/review-server.ts');
      const wh = await open(o.db);
      if (wh.engine !== 'sqlite') {
        await wh.close();
        throw new UsageError(
          'review serve needs a SQLite warehouse for now: the review page does not run on PostgreSQL yet (list, show, accept, correct and reject do)',
        );
      }
      const server = await startReviewServer(wh, { port: Number(o.port), reviewer: o.reviewer, ...(o.status && { status: o.status }) }).catch(
        async (err: NodeJS.ErrnoException) => {
          await wh.close();
          if (err.code === 'EADDRINUSE')
            throw new UsageError(`port ${o.port} is in use (another review page?): pass --port 0 to take a free one, or another --port`);
          if (err.code === 'EACCES')
            throw new UsageError(`port ${o.port} needs privileges this user lacks: pass --port 0 to take a free one, or a port above 1024`);
          throw err;
        },
      );
      process.stderr.write(`review page: ${server.url}  (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await wh.close();
    });
}

function showText(m: import('../../store/reviews.ts').MismatchView): string {
  const lines = [`${m.id}  ${m.type}  ${m.status}`, `file: ${m.file}${m.source?.page ? `, page ${m.source.page}` : ''}`, '', m.message, ''];
  for (const f of m.facts) {
    const t = f.source.text;
    const marked =
      f.source.textStart !== undefined && f.source.textEnd !== undefined
        ? `${t.slice(0, f.source.textStart)}«${t.slice(f.source.textStart, f.source.textEnd)}»${t.slice(f.source.textEnd)}`
        : t;
    lines.push(
      `- ${f.id.slice(0, 12)} ${f.indicator}: ${f.raw.trim()} (${f.kind}, ${f.period !== null ? periodWords(f.period) : (f.year ?? '—')}, ${f.status})${f.correctedValue !== null ? ` corrected to ${f.correctedValue}` : ''}`,
    );
    lines.push(`  ${marked}`);
    const ocr = f.source.ocr;
    if (ocr) {
      const box = ocr.box.map((n) => Math.round(n)).join(', ');
      lines.push(`  read by OCR, confidence ${ocr.confidence}%, page ${f.source.page ?? '—'}, box ${box} pt (--image FILE.png writes that region)`);
    }
  }
  if (m.expected !== null || m.found !== null) {
    lines.push('', `expected ${m.expected ?? '—'}  found ${m.found ?? '—'}  difference ${m.difference ?? '—'}  tolerance ±${m.tolerance ?? '—'}`);
  }
  for (const d of m.decisions)
    lines.push(
      `decision: ${d.factId.slice(0, 12)} ${d.action}${d.value !== null ? ` ${d.value}` : ''} by ${d.reviewer} at ${d.decidedAt}${d.note ? ` (${d.note})` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
