/**
 * Compares two snapshots made by tests/snapshot/snapshot.ts (before and after a change):
 *
 *   node bin/run-ts.js tests/snapshot/compare.ts A_DIR B_DIR
 *
 * For every set both hold: the CLI's exit code, its summary (on the keys both have) and every table and
 * view both have, row by row on the columns both have. A table, column or summary key that only one side
 * has is printed as information, not counted as a difference: a refactor may add a column (a migration)
 * without changing what the existing ones hold. Rows are compared as a multiset of their common columns,
 * so a column added or moved, which changes how the dump was sorted, does not misalign them.
 *
 * Exit code: 0 when everything both sides have is identical, 1 when something differs, 2 bad usage.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { SetManifest } from './snapshot.ts';

/** differences shown per table; the rest are only counted */
const SHOW = 5;
/** rows held per side to pair up into the examples shown */
const COLLECT = 200;
/**
 * Columns to pair a row of A with its changed counterpart in B, so that an example shows which columns
 * changed instead of two whole rows; the first set whose columns both sides have is used.
 */
const KEYS: string[][] = [
  ['id'],
  ['fact_id'],
  ['document_id', 'seq'],
  ['indicator_key', 'area', 'year', 'kind'],
  ['indicator_key', 'area', 'year'],
  ['key'],
  ['code'],
  ['name'],
  ['folded'],
];

type Row = Record<string, unknown>;

let differences = 0;
const say = (line: string) => process.stdout.write(`${line}\n`);
const differ = (line: string) => {
  differences++;
  say(line);
};

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

async function* readRows(file: string): AsyncGenerator<Row> {
  if (!existsSync(file)) return;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Row;
}

/** A row reduced to the common columns, in one fixed order whatever order either side wrote them in. */
const canonical = (row: Row, columns: readonly string[]) => JSON.stringify(columns.map((c) => row[c] ?? null));
/** Rows are counted by a digest, not kept: the generated set's largest tables are hundreds of MB. */
const digest = (s: string) => createHash('sha1').update(s).digest('base64');

/** A value for display, long strings cut around where the two sides start to differ. */
function shown(v: unknown, other?: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  if (s.length <= 120) return s;
  let at = 0;
  const o = other === undefined ? '' : (JSON.stringify(other) ?? '');
  while (at < s.length && s[at] === o[at]) at++;
  const from = Math.max(0, at - 40);
  return `${from > 0 ? '…' : ''}${s.slice(from, from + 120)}…`;
}

async function compareTable(name: string, dirA: string, dirB: string, columns: readonly string[]): Promise<void> {
  const fileA = join(dirA, `${name}.jsonl`);
  const fileB = join(dirB, `${name}.jsonl`);
  // + for a row of A, − for a row of B: what is left non-zero is in one side only
  const counts = new Map<string, number>();
  let rowsA = 0;
  let rowsB = 0;
  for await (const row of readRows(fileA)) {
    rowsA++;
    const d = digest(canonical(row, columns));
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  for await (const row of readRows(fileB)) {
    rowsB++;
    const d = digest(canonical(row, columns));
    counts.set(d, (counts.get(d) ?? 0) - 1);
  }
  let onlyA = 0;
  let onlyB = 0;
  for (const n of counts.values())
    if (n > 0) onlyA += n;
    else onlyB -= n;
  if (onlyA === 0 && onlyB === 0) {
    say(`  ${name}: identical (${rowsA} rows)`);
    return;
  }
  differ(`  ${name}: ${Math.max(onlyA, onlyB)} rows differ (${onlyA} of A's ${rowsA} rows not in B, ${onlyB} of B's ${rowsB} not in A)`);

  // A second pass picks up a few of the differing rows themselves, to show them.
  const pick = async (file: string, sign: 1 | -1): Promise<Row[]> => {
    const left = new Map([...counts].filter(([, n]) => n * sign > 0).map(([d, n]) => [d, n * sign]));
    const out: Row[] = [];
    for await (const row of readRows(file)) {
      const d = digest(canonical(row, columns));
      const n = left.get(d);
      if (!n) continue;
      left.set(d, n - 1);
      out.push(row);
      if (out.length >= COLLECT) break;
    }
    return out;
  };
  const a = await pick(fileA, 1);
  const b = await pick(fileB, -1);
  const key = KEYS.find((k) => k.every((c) => columns.includes(c)));
  const keyOf = (r: Row) => (key ? JSON.stringify(key.map((c) => r[c] ?? null)) : '');
  const unpairedB = new Map<string, Row[]>();
  if (key) for (const r of b) unpairedB.set(keyOf(r), [...(unpairedB.get(keyOf(r)) ?? []), r]);
  let printed = 0;
  for (const ra of a) {
    if (printed >= SHOW) break;
    const rb = key ? unpairedB.get(keyOf(ra))?.shift() : undefined;
    if (rb) {
      const changed = columns.filter((c) => JSON.stringify(ra[c] ?? null) !== JSON.stringify(rb[c] ?? null));
      say(
        `    ${key!.map((c) => `${c}=${shown(ra[c])}`).join(' ')}: ${changed.map((c) => `${c} A ${shown(ra[c], rb[c])} → B ${shown(rb[c], ra[c])}`).join('; ')}`,
      );
    } else say(`    only in A: ${shown(Object.fromEntries(columns.map((c) => [c, ra[c]])))}`);
    printed++;
  }
  for (const rows of unpairedB.size ? unpairedB.values() : [b]) {
    for (const rb of rows) {
      if (printed >= SHOW) break;
      say(`    only in B: ${shown(Object.fromEntries(columns.map((c) => [c, rb[c]])))}`);
      printed++;
    }
  }
}

/** Keys both summaries have, compared as JSON; keys one side lacks are information. */
function compareSummary(a: Record<string, unknown>, b: Record<string, unknown>): void {
  const keys = Object.keys(a).filter((k) => k in b);
  const info = [
    ...Object.keys(a)
      .filter((k) => !(k in b))
      .map((k) => `${k} only in A`),
    ...Object.keys(b)
      .filter((k) => !(k in a))
      .map((k) => `${k} only in B`),
  ];
  if (info.length) say(`  info: summary keys ${info.join(', ')}`);
  const changed = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (changed.length === 0) say('  summary: identical');
  else differ(`  summary: ${changed.map((k) => `${k} A ${shown(a[k], b[k])} → B ${shown(b[k], a[k])}`).join('; ')}`);
}

async function compareSet(set: string, a: string, b: string): Promise<void> {
  say(`== ${set}`);
  const ma = readJson<SetManifest>(join(a, set, '_manifest.json'));
  const mb = readJson<SetManifest>(join(b, set, '_manifest.json'));
  if (ma.inputFiles !== mb.inputFiles) differ(`  input files: A ${ma.inputFiles} → B ${mb.inputFiles} (not the same documents)`);
  if (ma.exitCode !== mb.exitCode) differ(`  exit code: A ${ma.exitCode} → B ${mb.exitCode}`);
  const summaryA = join(a, `${set}.summary.json`);
  const summaryB = join(b, `${set}.summary.json`);
  if (existsSync(summaryA) && existsSync(summaryB)) compareSummary(readJson(summaryA), readJson(summaryB));
  else say('  info: a summary is missing');

  const names = [...new Set([...Object.keys(ma.tables), ...Object.keys(mb.tables)])].sort();
  for (const name of names) {
    const ta = ma.tables[name];
    const tb = mb.tables[name];
    if (!ta || !tb) {
      say(`  info: ${ta?.type ?? tb?.type} ${name} only in ${ta ? 'A' : 'B'} (${(ta ?? tb)!.rows} rows)`);
      continue;
    }
    // in A's order, for display; rows are read by column name, so B's order does not matter
    const columns = ta.columns.filter((c) => tb.columns.includes(c));
    const onlyA = ta.columns.filter((c) => !tb.columns.includes(c));
    const onlyB = tb.columns.filter((c) => !ta.columns.includes(c));
    if (onlyA.length) say(`  info: ${name}: column(s) only in A: ${onlyA.join(', ')}`);
    if (onlyB.length) say(`  info: ${name}: column(s) only in B: ${onlyB.join(', ')}`);
    await compareTable(name, join(a, set), join(b, set), columns);
  }
}

const [dirA, dirB, ...rest] = process.argv.slice(2);
if (!dirA || !dirB || rest.length) {
  process.stderr.write('usage: compare.ts A_DIR B_DIR\n');
  process.exit(2);
}
const sets = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, '_manifest.json')))
        .map((e) => e.name)
    : [];
const a = resolve(dirA);
const b = resolve(dirB);
const setsA = sets(a);
const setsB = sets(b);
if (setsA.length === 0 || setsB.length === 0) {
  process.stderr.write(`no snapshot in ${setsA.length === 0 ? a : b}\n`);
  process.exit(2);
}
for (const s of setsA.filter((s) => !setsB.includes(s))) say(`info: set ${s} only in A: not compared`);
for (const s of setsB.filter((s) => !setsA.includes(s))) say(`info: set ${s} only in B: not compared`);
for (const set of setsA.filter((s) => setsB.includes(s)).sort()) await compareSet(set, a, b);
say(differences === 0 ? 'IDENTICAL on everything both snapshots hold' : `DIFFERENT: ${differences} difference(s)`);
process.exitCode = differences === 0 ? 0 : 1;
