/**
 * Behaviour snapshot: ingests fixed document sets through the CLI and dumps what came out (the CLI's
 * JSON summary and every table and view of the warehouse) as plain files, so that two commits can be
 * compared with tests/snapshot/compare.ts. Made to prove a refactor behaviour-preserving.
 *
 *   node bin/run-ts.js tests/snapshot/snapshot.ts OUT_DIR [--sets seeds,corpus,generated,fixtures] [--count 1000] [--keep]
 *
 * It depends only on what a refactor must not move: `bin/baocao.js ingest … --json` (run as a child
 * process), the warehouse file (read with better-sqlite3, tables and views found in sqlite_master), the
 * input documents and the archive generator (a test helper, imported only when the generated set is
 * asked for). Nothing under pipeline/, extractors/ or schema/ is imported.
 *
 * OUT_DIR gets, per set, `<set>.summary.json` and `<set>/<table>.jsonl` (one row per line, rows sorted by
 * all their columns) plus `<set>/_manifest.json` (exit code, columns kept and dropped, row counts), which
 * compare.ts reads to know the columns of empty tables. Nothing time- or machine-dependent is written, so
 * two runs on one commit give byte-identical folders (`diff -r` works too).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const SHARED = resolve(ROOT, '../shared');
const SETS = ['seeds', 'corpus', 'fixtures', 'generated'] as const;
type SetName = (typeof SETS)[number];

/**
 * Columns that hold when or how fast something ran, or which run it was: they differ between any two
 * runs, so they are left out by name. Content dates (documents.date, v_facts_all.document_date) are not
 * matched: `date` alone is the report's own date. Any other column whose values look like timestamps is
 * reported by the dump (ISO_TIMESTAMP), so a new volatile column is noticed rather than missed.
 */
const VOLATILE_COLUMN = /(^|_)(at|ms|seconds|duration|elapsed|time|timestamp)$|^run_?id$/i;
/** Keys of the JSON summary left out for the same reasons (`runId`, `seconds`, any rate or time). */
const VOLATILE_KEY = /^(runId|run_id|seconds|ms|elapsed|duration|started(At)?|finished(At)?)$|(Ms|Seconds|Rate|PerSecond|At|Time)$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;

interface TableManifest {
  type: 'table' | 'view';
  columns: string[];
  dropped: string[];
  rows: number;
}
export interface SetManifest {
  set: SetName;
  /** the CLI's exit code: 1 (some files failed) is a normal outcome for sets with broken files */
  exitCode: number;
  inputFiles: number;
  tables: Record<string, TableManifest>;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write('usage: snapshot.ts OUT_DIR [--sets seeds,corpus,generated,fixtures] [--count 1000] [--keep]\n');
  process.exit(2);
}

function parseArgs(argv: string[]): { out: string; sets: SetName[]; count: number; keep: boolean } {
  let out: string | undefined;
  let sets: SetName[] = [...SETS];
  let count = 1000;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sets') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      for (const n of names) if (!(SETS as readonly string[]).includes(n)) usage(`unknown set ${JSON.stringify(n)}`);
      sets = SETS.filter((s) => names.includes(s)); // fixed order, whatever order they were named in
    } else if (a === '--count') {
      count = Number(argv[++i]);
      if (!Number.isInteger(count) || count < 1) usage('--count must be a positive whole number');
    } else if (a === '--keep') keep = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (out === undefined) out = a;
    else usage(`unexpected argument ${a}`);
  }
  if (out === undefined) usage();
  return { out: resolve(out), sets, count, keep };
}

/** Copies the files under `src` that `keep` accepts into `dst`, keeping the folder layout. */
function copyTree(src: string, dst: string, keep: (name: string) => boolean = () => true): number {
  let n = 0;
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, e.name);
    if (e.isDirectory()) n += copyTree(from, join(dst, e.name), keep);
    else if (e.isFile() && keep(e.name)) {
      mkdirSync(dst, { recursive: true });
      copyFileSync(from, join(dst, e.name));
      n++;
    }
  }
  return n;
}

/**
 * Puts the set's documents under `input/` of the temp folder and returns how many. The CLI is then run
 * there on the relative path `input`, so the paths the warehouse records (documents.file, run_files.file,
 * runs.args) are the same whichever checkout or temp folder the snapshot is taken from. Returns null when
 * the set cannot be made here.
 */
async function prepareInputs(set: SetName, input: string, count: number): Promise<number | null> {
  switch (set) {
    case 'seeds':
      return copyTree(join(ROOT, 'seeds'), join(input, 'seeds'), (n) => n.endsWith('.txt'));
    case 'corpus': {
      if (!existsSync(SHARED)) {
        process.stdout.write(`corpus: skipped, ${SHARED} is absent\n`);
        return null;
      }
      // SOURCES.md files say where the documents came from; they are not reports
      const notMd = (n: string) => !n.endsWith('.md');
      return copyTree(join(SHARED, 'corpus/real'), join(input, 'real'), notMd) + copyTree(join(SHARED, 'corpus/peer'), join(input, 'peer'), notMd);
    }
    case 'fixtures': {
      const fx = join(ROOT, 'tests/fixtures');
      let n = copyTree(join(fx, 'rendered'), join(input, 'rendered'));
      n += copyTree(join(fx, 'gold'), join(input, 'gold'), (f) => f.endsWith('.txt'));
      n += copyTree(join(fx, 'xlsx'), join(input, 'xlsx'), (f) => f.endsWith('.xlsx'));
      const shared = join(SHARED, 'gold/agriculture-2023.txt');
      if (existsSync(shared)) {
        mkdirSync(join(input, 'shared-gold'), { recursive: true });
        copyFileSync(shared, join(input, 'shared-gold/agriculture-2023.txt'));
        n++;
      } else process.stdout.write(`fixtures: ${shared} is absent, left out (this set then differs from one taken with it)\n`);
      return n;
    }
    case 'generated': {
      // imported here, not at the top, so that the other sets still work if the helper moves
      const { generateArchive } = await import('../archive/generate.ts');
      return generateArchive(join(input, 'archive'), { count, seed: 1 }).length;
    }
  }
}

/** Rewrites the machine-specific paths that could reach the output (error messages, reasons) to placeholders. */
function makeRewriter(tmp: string): (s: string) => string {
  const pairs: Array<[string, string]> = [];
  for (const [path, label] of [
    [tmp, '<TMP>'],
    [SHARED, '<SHARED>'],
    [ROOT, '<REPO>'],
  ] as const) {
    pairs.push([path, label]);
    try {
      const real = realpathSync(path);
      if (real !== path) pairs.push([real, label]);
    } catch {
      // an absent path (../shared) cannot appear anyway
    }
  }
  // longest first: the temp folder may sit inside the repo or /tmp inside something else
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (s) => {
    for (const [path, label] of pairs) if (s.includes(path)) s = s.split(path).join(label);
    return s;
  };
}

/** The CLI's summary without its volatile keys, paths rewritten; keys kept in the CLI's order. */
function sanitize(value: unknown, rewrite: (s: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((v) => sanitize(v, rewrite));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!VOLATILE_KEY.test(k)) out[k] = sanitize(v, rewrite);
    return out;
  }
  return value;
}

/** One SQLite value as JSON: integers read as BigInt so none loses precision, blobs as hex. */
function cell(v: unknown, rewrite: (s: string) => string): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : `${v}n`;
  if (typeof v === 'string') return rewrite(v);
  if (Buffer.isBuffer(v)) return { blob: v.toString('hex') };
  return v;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes a JSONL file line by line: the generated set's facts and views are hundreds of MB. */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

/** Dumps every table and view of the warehouse into `dir`; returns what was dumped. */
async function dumpWarehouse(dbFile: string, dir: string, rewrite: (s: string) => string): Promise<Record<string, TableManifest>> {
  const db = new Database(dbFile, { readonly: true });
  try {
    db.defaultSafeIntegers(true);
    const objects = db
      .prepare<[], { type: 'table' | 'view'; name: string }>(
        // sqlite_* are SQLite's own (sequence counters, ANALYZE statistics): not the product's contents
        "select type, name from sqlite_master where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' order by name",
      )
      .all();
    const tables: Record<string, TableManifest> = {};
    // v_facts breaks ties between reports by load time (then by fact rowid): two documents loaded in the
    // same millisecond would make its choice depend on timing. Not seen so far (gaps ≥ 5 ms), but a faster
    // loader could get there, and then a difference in v_facts would not be the refactor's doing.
    if (objects.some((o) => o.name === 'documents')) {
      const cols = db
        .prepare<[], { name: string }>("select name from pragma_table_info('documents')")
        .all()
        .map((c) => c.name);
      if (cols.includes('loaded_at')) {
        const ties = db.prepare('select count(*) from (select loaded_at from documents group by loaded_at having count(*) > 1)').pluck().get();
        if (Number(ties) > 0) process.stdout.write(`  WARNING documents: ${ties} load time(s) shared by several documents: v_facts may vary between runs\n`);
      }
    }
    for (const { type, name } of objects) {
      const all = db
        .prepare<[string], { name: string }>('select name from pragma_table_info(?) order by cid')
        .all(name)
        .map((c) => c.name);
      const columns = all.filter((c) => !VOLATILE_COLUMN.test(c));
      const dropped = all.filter((c) => VOLATILE_COLUMN.test(c));
      // Ordered by every kept column (never by a dropped one, whose values would reorder the rows), in
      // SQLite's own collation, so the order does not depend on the order rows were written or planned.
      const select = columns.length
        ? `select ${columns.map(quote).join(', ')} from ${quote(name)} order by ${columns.map((_, i) => i + 1).join(', ')}`
        : `select 1 from ${quote(name)}`;
      const stmt = db.prepare(select).raw(true);
      let rows = 0;
      const timestampLike = new Set<string>();
      function* lines(): Generator<string> {
        for (const raw of stmt.iterate() as IterableIterator<unknown[]>) {
          rows++;
          const obj: Record<string, unknown> = {};
          columns.forEach((c, i) => {
            const v = raw[i];
            if (typeof v === 'string' && ISO_TIMESTAMP.test(v)) timestampLike.add(c);
            obj[c] = cell(v, rewrite);
          });
          yield JSON.stringify(obj);
        }
      }
      await writeLines(join(dir, `${name}.jsonl`), lines());
      tables[name] = { type, columns, dropped, rows };
      if (timestampLike.size) process.stdout.write(`  WARNING ${name}: kept column(s) ${[...timestampLike].join(', ')} hold timestamps: volatile?\n`);
    }
    return tables;
  } finally {
    db.close();
  }
}

async function snapshotSet(set: SetName, out: string, count: number, keep: boolean): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), `baocao-snapshot-${set}-`));
  const rewrite = makeRewriter(tmp);
  try {
    const t0 = performance.now();
    const inputFiles = await prepareInputs(set, join(tmp, 'input'), count);
    if (inputFiles === null) return;
    const t1 = performance.now();
    // BAOCAO_DB / BAOCAO_SEEDS of the caller's shell would point the CLI at another warehouse or catalog
    const env = { ...process.env };
    delete env.BAOCAO_DB;
    delete env.BAOCAO_SEEDS;
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/baocao.js'), 'ingest', 'input', '--db', 'warehouse.sqlite', '--workers', '1', '--json'], {
      cwd: tmp,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const t2 = performance.now();
    // 0: all loaded, 1: some files failed (the fixtures hold encrypted PDFs); anything else is a broken run
    const exitCode = r.status ?? -1;
    if (exitCode !== 0 && exitCode !== 1) {
      throw new Error(`${set}: ingest exited with ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}\n${(r.stderr ?? '').slice(-4000)}`);
    }
    let summary: unknown;
    try {
      summary = JSON.parse(r.stdout);
    } catch {
      throw new Error(`${set}: the --json output is not JSON:\n${r.stdout.slice(0, 2000)}`);
    }
    const setDir = join(out, set);
    rmSync(setDir, { recursive: true, force: true });
    mkdirSync(setDir, { recursive: true });
    writeFileSync(join(out, `${set}.summary.json`), `${JSON.stringify(sanitize(summary, rewrite), null, 2)}\n`);
    const tables = await dumpWarehouse(join(tmp, 'warehouse.sqlite'), setDir, rewrite);
    const manifest: SetManifest = { set, exitCode, inputFiles, tables };
    writeFileSync(join(setDir, '_manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const t3 = performance.now();

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    process.stdout.write(
      `${set}: ${inputFiles} files, exit ${exitCode}; inputs ${s(t1 - t0)}, ingest ${s(t2 - t1)}, dump ${s(t3 - t2)}, total ${s(t3 - t0)}\n`,
    );
    for (const [name, t] of Object.entries(tables)) {
      process.stdout.write(`  ${name} (${t.type}, ${t.rows} rows)${t.dropped.length ? `: dropped ${t.dropped.join(', ')}` : ''}\n`);
    }
  } finally {
    if (keep) process.stdout.write(`  kept ${tmp}\n`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

const args = parseArgs(process.argv.slice(2));
if (existsSync(args.out) && !statSync(args.out).isDirectory()) usage(`${args.out} is not a folder`);
mkdirSync(args.out, { recursive: true });
for (const set of args.sets) await snapshotSet(set, args.out, args.count, args.keep);
process.stdout.write(`snapshot in ${args.out}\n`);
