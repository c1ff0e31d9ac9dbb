/**
 * Query benchmark: builds a warehouse of one million generated facts in a temp folder, then times
 * `baocao facts` and `baocao compare` as whole commands (`node bin/baocao.js …`, start-up included),
 * which must each answer in under a second.
 *
 *   node bin/run-ts.js tests/bench/query-bench.ts [--facts N] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Fact } from '../../schema/fact.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import { DocumentWriter, loadDocument } from '../../store/documents.ts';
import { openWarehouse } from '../../store/warehouse.ts';
import { writeTestSeeds } from '../warehouse/fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const FACTS_PER_DOCUMENT = 500;
const INDICATORS = 250;
/** each document states, per indicator, the year's result and next year's plan */
const INDICATORS_PER_DOCUMENT = FACTS_PER_DOCUMENT / 2;

const SYLLABLES = [
  'diện',
  'tích',
  'sản',
  'lượng',
  'tỷ',
  'lệ',
  'hộ',
  'nghèo',
  'trồng',
  'mới',
  'cây',
  'lúa',
  'ngô',
  'chè',
  'quế',
  'thu',
  'ngân',
  'sách',
  'vốn',
  'đầu',
  'tư',
  'học',
  'sinh',
  'trường',
  'đạt',
  'chuẩn',
  'bảo',
  'hiểm',
  'y',
  'tế',
  'đàn',
  'gia',
  'súc',
];

interface Catalog {
  id: string;
  name: string;
  unit: string;
  unitText: string;
}

/** A deterministic pseudo-random stream, so every bench run measures the same warehouse. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function catalog(): Catalog[] {
  const rand = rng(7);
  const list: Catalog[] = [{ id: 'env.forest.cover', name: 'Tỷ lệ che phủ rừng', unit: 'percent', unitText: '%' }];
  for (let i = 1; i < INDICATORS; i++) {
    const words = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]);
    list.push({ id: `gen.indicator.${String(i).padStart(3, '0')}`, name: `${words.join(' ')} ${i}`, unit: 'ha', unitText: 'ha' });
  }
  return list;
}

function areas(count: number): string[] {
  return ['Phong Thổ', 'Đạ Huoai', ...Array.from({ length: count - 2 }, (_, i) => `Huyện mẫu ${i + 1}`)];
}

function documentInput(area: string, year: number, indicators: Catalog[], rand: () => number): LoadInput {
  const id = createHash('sha256').update(`${area}|${year}`).digest('hex');
  const file = `${area}/bao-cao-${year}.pdf`;
  const facts: Fact[] = [];
  for (const ind of indicators.slice(0, INDICATORS_PER_DOCUMENT)) {
    const base = ind.unit === 'percent' ? 40 + rand() * 20 : 100 + rand() * 10_000;
    for (const [kind, y] of [
      ['estimate', year],
      ['plan', year + 1],
    ] as const) {
      const value = Math.round(base * (kind === 'plan' ? 1.05 : 1) * 100) / 100;
      const n = facts.length;
      facts.push({
        id: `${ind.id}:${kind}:${n}`,
        documentId: id,
        indicator: ind.name.toLowerCase(),
        indicatorId: ind.id,
        value,
        unit: ind.unit as Fact['unit'],
        unitText: ind.unitText,
        multiplier: 0,
        baseValue: value,
        year: y,
        period: String(y),
        kind,
        qualifier: null,
        relatesTo: null,
        footnotes: [],
        inFootnote: null,
        source: { file, page: 1 + Math.floor(n / 40), block: n, start: 0, end: 12, text: `${ind.name} ${kind === 'plan' ? 'kế hoạch' : 'ước đạt'} ${value}` },
        status: rand() < 0.02 ? 'flagged' : 'ok',
        raw: String(value).replace('.', ','),
        headingPath: ['I. KINH TẾ'],
        decimals: 2,
      });
    }
  }
  return {
    document: {
      id,
      file,
      format: 'pdf',
      pages: 40,
      metadata: {
        number: `${year % 1000}/BC-UBND`,
        issuer: `UBND huyện ${area}`,
        place: area,
        date: `${year}-12-10`,
        month: 12,
        type: 'báo cáo',
        title: null,
        reportYear: year,
        planYear: year + 1,
        area,
        province: null,
      },
    },
    facts,
    mismatches: [],
    footnotes: [],
    messages: [],
  };
}

/** Builds the warehouse; returns its path and how long loading took. */
export async function buildBenchWarehouse(dir: string, totalFacts = 1_000_000): Promise<{ db: string; seeds: string; loadMs: number; docIdPrefix: string }> {
  const indicators = catalog();
  const seeds = writeTestSeeds(
    dir,
    indicators.map((i) => ({ id: i.id, name: i.name, aliases: [], unit: i.unit })),
  );
  const db = join(dir, 'bench.sqlite');
  const wh = await openWarehouse(db, { seeds });
  const documents = Math.ceil(totalFacts / FACTS_PER_DOCUMENT);
  const areaNames = areas(Math.ceil(documents / YEARS.length));
  const rand = rng(42);
  const writer = new DocumentWriter(wh);
  const started = performance.now();
  let n = 0;
  let docIdPrefix = '';
  outer: for (const area of areaNames) {
    for (const year of YEARS) {
      if (n++ >= documents) break outer;
      const input = documentInput(area, year, indicators, rand);
      const outcome = await loadDocument(writer, input);
      if (outcome.status !== 'loaded') throw new Error(`bench load failed: ${JSON.stringify(outcome)}`);
      if (area === 'Phong Thổ' && year === 2023) docIdPrefix = input.document.id.slice(0, 12);
    }
  }
  const loadMs = performance.now() - started;
  wh.sqlite.exec('analyze');
  await wh.close();
  return { db, seeds, loadMs, docIdPrefix };
}

function timeCommand(args: string[], env: NodeJS.ProcessEnv, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/baocao.js'), ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`baocao ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    // the first run warms the page cache and tsx's transform cache
    if (i > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

/** Whole-command medians in milliseconds (plus the load time), keyed by what was run. */
export async function runQueryBench(options: { facts?: number; keep?: boolean; log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'baocao-query-bench-'));
  try {
    const total = options.facts ?? 1_000_000;
    log(`query bench: loading ${total} generated facts into ${dir}`);
    const { db, seeds, loadMs, docIdPrefix } = await buildBenchWarehouse(dir, total);
    const env = { ...process.env, BAOCAO_DB: db, BAOCAO_SEEDS: seeds };
    const results: Record<string, number> = {
      'load facts/s': Math.round(total / (loadMs / 1000)),
    };
    const commands: Array<[string, string[]]> = [
      ['facts --indicator "che phu rung" --year 2023 (ms)', ['facts', '--indicator', 'che phu rung', '--year', '2023']],
      ['facts --indicator "che phu rung" --year 2023 --json (ms)', ['facts', '--indicator', 'che phu rung', '--year', '2023', '--json']],
      ['facts --doc PREFIX --json (ms)', ['facts', '--doc', docIdPrefix, '--json']],
      ['facts (unfiltered, first 1000) (ms)', ['facts']],
      ['compare "che phu rung" --area "Phong Thổ" (ms)', ['compare', 'che phu rung', '--area', 'Phong Thổ']],
      ['compare env.forest.cover --from 2020 --to 2024 (ms)', ['compare', 'env.forest.cover', '--from', '2020', '--to', '2024']],
      ['compare --from 2023 --to 2024 --area "Phong Thổ" (ms)', ['compare', '--from', '2023', '--to', '2024', '--area', 'Phong Thổ']],
    ];
    for (const [name, args] of commands) {
      results[name] = timeCommand(args, env);
      log(`  ${name}: ${results[name]}`);
    }
    return results;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => process.argv.indexOf(name);
  const facts = arg('--facts') > 0 ? Number(process.argv[arg('--facts') + 1]) : undefined;
  const results = await runQueryBench({ ...(facts !== undefined && { facts }), keep: arg('--keep') > 0 });
  const slow = Object.entries(results).filter(([k, v]) => k.endsWith('(ms)') && v >= 1000);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (slow.length > 0) {
    process.stderr.write(`over one second: ${slow.map(([k]) => k).join(', ')}\n`);
    process.exitCode = 1;
  }
}
