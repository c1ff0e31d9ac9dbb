/**
 * The OCR part of `npm run bench` (`--skip-ocr` leaves it out, `--only-ocr` runs it alone). In one run:
 *
 * - OCR pages per second through baocao (`readDocument` on the 2-page scan fixture: pdf.js finds no text
 *   layer, then pdftoppm + Tesseract per page, the TSV parsed and the layout rebuilt) against the bare
 *   tools on the same pages (per page `pdftoppm -r 300 -gray -png`, then `tesseract … tsv`, the output
 *   thrown away), one thread each (`OMP_THREAD_LIMIT=1`), rounds alternating, the median round of each;
 * - text throughput beside scans: in-process `ingest` (2 workers, the default on this machine) of a folder
 *   of generated text and DOCX documents, and of the same folder with a few scans among them (copies of
 *   the fixture, each with a PDF comment appended after `%%EOF` so its hash differs). The text documents'
 *   rate is (text documents) / (time from the start of ingest to the last text document's load), from
 *   the `onFile` events; the same folder read by 1 worker is measured beside it as the reference for
 *   "OCR takes one of the two workers".
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ocrUnavailable } from '../../extractors/ocr-reader.ts';
import { readDocument } from '../../extractors/read.ts';
import { checkAcrossDocuments } from '../../pipeline/cross-checks.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { walkFiles } from '../../pipeline/walk.ts';
import { openWarehouse } from '../../store/warehouse.ts';
import { generateArchive } from '../archive/generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCAN_FIXTURE = join(ROOT, 'tests/fixtures/scans/agriculture-2023-scan-200dpi.pdf');
const SCAN_PAGES = 2;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface OcrBenchOptions {
  log: (line: string) => void;
  /** rounds of each measurement (the median is reported) */
  rounds: number;
  /** text and DOCX documents in the folder */
  textDocs: number;
  /** scans added among them */
  scans: number;
  /** ingest workers for the mixed folder */
  workers: number;
  /** a scratch folder, removed by the caller */
  dir: string;
}

/* ---------- OCR pages per second ---------- */

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } }, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * CPU seconds of this process (every thread) and of its children waited for (pdftoppm, tesseract):
 * on a shared machine the wall clock of one thread moves with the other sessions' load, CPU time far less.
 */
function cpuNow(): number {
  const own = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // cutime and cstime (fields 16 and 17), in clock ticks of 1/100 s
  return (own.user + own.system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timed> {
  const c0 = cpuNow();
  const t0 = performance.now();
  await work();
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0 };
}

/** The bare tools on every page of the fixture, as ocr-reader.ts calls them, output unparsed. */
async function bareTools(dir: string): Promise<void> {
  for (let p = 1; p <= SCAN_PAGES; p++) {
    const prefix = join(dir, `bare-p${p}`);
    await run('pdftoppm', ['-r', '300', '-f', String(p), '-l', String(p), '-gray', '-png', '-singlefile', SCAN_FIXTURE, prefix]);
    await new Promise<void>((resolve, reject) =>
      execFile(
        'tesseract',
        [`${prefix}.png`, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'],
        { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    rmSync(`${prefix}.png`, { force: true });
  }
}

async function throughBaocao(): Promise<void> {
  const doc = await readDocument(SCAN_FIXTURE);
  const ocr = doc.messages.find((m) => m.ruleId === 'read:ocr');
  if (!ocr || !new RegExp(`^${SCAN_PAGES} page`).test(ocr.message)) throw new Error(`bench OCR: expected ${SCAN_PAGES} pages read by OCR, got ${ocr?.message}`);
}

async function ocrPages(dir: string, o: OcrBenchOptions) {
  // warm-up: pdf.js and the readers' modules, Tesseract's model in the page cache (one page each)
  await readDocument(SCAN_FIXTURE, { ocr: 'never' }).catch(() => undefined);
  await run('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-gray', '-png', '-singlefile', SCAN_FIXTURE, join(dir, 'warm')]);
  await run('tesseract', [join(dir, 'warm.png'), join(dir, 'warm'), '-l', 'vie', '--psm', '3', 'tsv']);
  const bare: Timed[] = [];
  const ours: Timed[] = [];
  for (let i = 1; i <= o.rounds; i++) {
    // alternating, and each side first in turn, so a busier minute on the shared machine falls on both alike
    if (i % 2 === 1) {
      bare.push(await timed(() => bareTools(dir)));
      ours.push(await timed(throughBaocao));
    } else {
      ours.push(await timed(throughBaocao));
      bare.push(await timed(() => bareTools(dir)));
    }
    const b = bare.at(-1)!;
    const u = ours.at(-1)!;
    o.log(
      `  round ${i} of ${o.rounds}: bare tools ${round(b.seconds)} s (${round(b.cpuSeconds)} CPU s), baocao ${round(u.seconds)} s (${round(u.cpuSeconds)} CPU s) for ${SCAN_PAGES} pages`,
    );
  }
  const bareSeconds = median(bare.map((t) => t.seconds));
  const oursSeconds = median(ours.map((t) => t.seconds));
  const ratios = bare.map((b, i) => b.seconds / ours[i]!.seconds);
  const cpuRatios = bare.map((b, i) => b.cpuSeconds / ours[i]!.cpuSeconds);
  return {
    pages: SCAN_PAGES,
    bareToolsSeconds: round(bareSeconds, 3),
    baocaoSeconds: round(oursSeconds, 3),
    bareToolsPagesPerSecond: round(SCAN_PAGES / bareSeconds, 3),
    baocaoPagesPerSecond: round(SCAN_PAGES / oursSeconds, 3),
    bareToolsCpuSecondsPerPage: round(median(bare.map((t) => t.cpuSeconds)) / SCAN_PAGES, 3),
    baocaoCpuSecondsPerPage: round(median(ours.map((t) => t.cpuSeconds)) / SCAN_PAGES, 3),
    roundRatios: ratios.map((r) => round(r)),
    /** the median of the rounds' ratios: a busier minute slows both sides of a round, not one round's pair */
    ratio: round(median(ratios)),
    /** the same in CPU seconds (ours: this process, every thread, and its children): little moved by the other sessions' load */
    roundCpuRatios: cpuRatios.map((r) => round(r)),
    cpuRatio: round(median(cpuRatios)),
  };
}

/* ---------- text throughput beside scans ---------- */

/** A wait between two text documents' loads this long is a stall: text alone loads several a second. */
const STALL_SECONDS = 1;

interface MixedRun {
  workers: number;
  textDocs: number;
  /** from the start of ingest to the last text document's load */
  textSeconds: number;
  textDocsPerSecond: number;
  totalSeconds: number;
  /** the longest wait between two text documents' loads: a stall behind a scan shows here */
  longestTextGapSeconds: number;
  /** the waits between two text documents' loads longer than STALL_SECONDS, summed */
  stalledSeconds: number;
  scansLoaded: number;
  /** pages read by OCR, from the run's summary */
  ocrPages: number;
}

async function ingestOnce(folder: string, db: string, workers: number, expectScans: number): Promise<MixedRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const wh = await openWarehouse(db);
  const textTimes: number[] = [];
  let scansLoaded = 0;
  let t0 = 0;
  try {
    t0 = performance.now();
    const summary = await ingest(wh, [folder], {
      workers,
      // as `baocao ingest` runs them
      afterLoad: (id, written) => checkAcrossDocuments(wh, id, written),
      onFile: (e) => {
        if (e.status !== 'loaded') throw new Error(`bench OCR: ${e.file} ${e.status}: ${e.reason ?? ''}`);
        if (e.file.endsWith('.pdf')) scansLoaded++;
        else textTimes.push((performance.now() - t0) / 1000);
      },
    });
    if (scansLoaded !== expectScans) throw new Error(`bench OCR: ${scansLoaded} scans loaded, expected ${expectScans}`);
    if (summary.ocrPages !== expectScans * SCAN_PAGES)
      throw new Error(`bench OCR: ${summary.ocrPages} pages read by OCR, expected ${expectScans * SCAN_PAGES}`);
    const textSeconds = textTimes.at(-1)!;
    const gaps = textTimes.map((t, i) => t - (textTimes[i - 1] ?? 0));
    return {
      workers,
      textDocs: textTimes.length,
      textSeconds: round(textSeconds, 3),
      textDocsPerSecond: round(textTimes.length / textSeconds),
      totalSeconds: round(summary.seconds, 3),
      longestTextGapSeconds: round(Math.max(...gaps.slice(1)), 3),
      stalledSeconds: round(
        gaps
          .slice(1)
          .filter((g) => g > STALL_SECONDS)
          .reduce((sum, g) => sum + g, 0),
        3,
      ),
      scansLoaded,
      ocrPages: summary.ocrPages,
    };
  } finally {
    await wh.close();
  }
}

/** The folder's files in the order ingest walks them (it loads them as they are read). */
async function walkOrder(folder: string): Promise<string[]> {
  const files: string[] = [];
  for await (const e of walkFiles([folder])) files.push(e.file);
  return files;
}

async function textBesideScans(dir: string, o: OcrBenchOptions) {
  const alone = join(dir, 'ocr-text');
  const mixed = join(dir, 'ocr-mixed');
  generateArchive(alone, { count: o.textDocs, seed: 3, formats: { text: 1, docx: 1, pdf: 0 } });
  cpSync(alone, mixed, { recursive: true });
  // the scans sit among the text files, spread through the walk (a scanned report filed with the others);
  // each with its own bytes, or it would be skipped as already loaded
  const order = await walkOrder(mixed);
  const fixture = readFileSync(SCAN_FIXTURE);
  const placed: string[] = [];
  for (let k = 1; k <= o.scans; k++) {
    const beside = order[Math.floor((order.length * k) / (o.scans + 1))]!;
    const file = join(dirname(beside), `ban-chup-${k}.pdf`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.concat([fixture, Buffer.from(`\n% baocao bench scan ${k}\n`, 'latin1')]));
    placed.push(file);
  }
  const positions = (await walkOrder(mixed)).flatMap((f, i) => (f.endsWith('.pdf') ? [i + 1] : []));
  o.log(`  ${o.textDocs} text/DOCX documents; ${o.scans} scans of ${SCAN_PAGES} pages at walk positions ${positions.join(', ')} of ${o.textDocs + o.scans}`);

  const rounds: { alone: MixedRun; oneWorker: MixedRun; mixed: MixedRun }[] = [];
  for (let i = 1; i <= o.rounds; i++) {
    const a = await ingestOnce(alone, join(dir, 'ocr-alone.sqlite'), o.workers, 0);
    const one = await ingestOnce(alone, join(dir, 'ocr-one.sqlite'), 1, 0);
    const b = await ingestOnce(mixed, join(dir, 'ocr-mixed.sqlite'), o.workers, o.scans);
    rounds.push({ alone: a, oneWorker: one, mixed: b });
    o.log(
      `  round ${i} of ${o.rounds}: text alone ${a.textDocsPerSecond} docs/s (${o.workers} workers), ${one.textDocsPerSecond} docs/s (1 worker); ` +
        `beside scans ${b.textDocsPerSecond} docs/s (last text doc at ${b.textSeconds} s, longest wait between text docs ${b.longestTextGapSeconds} s, waits over ${STALL_SECONDS} s ${b.stalledSeconds} s in all, run ${b.totalSeconds} s)`,
    );
  }
  const ratio = (r: (typeof rounds)[number]) => r.mixed.textDocsPerSecond / r.alone.textDocsPerSecond;
  const pick = [...rounds].sort((x, y) => ratio(x) - ratio(y))[Math.floor(rounds.length / 2)]!;
  return {
    textDocs: o.textDocs,
    scans: o.scans,
    scanPages: SCAN_PAGES,
    scanPositions: positions,
    workers: o.workers,
    ...pick,
    roundRatios: rounds.map((r) => round(ratio(r))),
    roundOneWorkerVsAlone: rounds.map((r) => round(r.oneWorker.textDocsPerSecond / r.alone.textDocsPerSecond)),
  };
}

/* ---------- the section ---------- */

export type OcrBench = Awaited<ReturnType<typeof runOcrBench>>;

/** Null (with the reason logged) when Tesseract, its Vietnamese model or pdftoppm is missing. */
export async function runOcrBench(o: OcrBenchOptions) {
  const missing = await ocrUnavailable();
  if (missing) {
    o.log(`OCR benchmark skipped: ${missing}`);
    return null;
  }
  const dir = mkdtempSync(join(o.dir, 'ocr-'));
  try {
    o.log(`OCR pages/s: baocao readDocument against bare pdftoppm + tesseract on the same ${SCAN_PAGES} pages, one thread each, ${o.rounds} rounds`);
    const pages = await ocrPages(dir, o);
    o.log(
      `  baocao ${pages.baocaoPagesPerSecond} pages/s, bare tools ${pages.bareToolsPagesPerSecond} pages/s (ratio by round ${pages.roundRatios.join(', ')})`,
    );
    o.log(`text throughput beside scans: ingest, ${o.workers} workers, ${o.rounds} rounds`);
    const beside = await textBesideScans(dir, o);
    const ratios = {
      ocrVsBareTools: pages.ratio,
      ocrVsBareToolsCpu: pages.cpuRatio,
      textBesideScansVsAlone: round(beside.mixed.textDocsPerSecond / beside.alone.textDocsPerSecond),
      textBesideScansVs1Worker: round(beside.mixed.textDocsPerSecond / beside.oneWorker.textDocsPerSecond),
      text1WorkerVsAlone: round(beside.oneWorker.textDocsPerSecond / beside.alone.textDocsPerSecond),
    };
    const targets = {
      'OCR pages/s >= 0.9 x bare pdftoppm + tesseract': ratios.ocrVsBareTools >= 0.9,
      [`text docs/s beside scans >= 0.9 x alone (${o.workers} workers)`]: ratios.textBesideScansVsAlone >= 0.9,
    };
    return { pages, textBesideScans: beside, ratios, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
