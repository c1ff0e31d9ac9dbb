/**
 * Generates an archive of synthetic district reports from the two seed reports: other districts and
 * years, other document numbers, numbers varied, as text, DOCX and PDF, in a province/district/year
 * folder tree, with a few broken files among them. Deterministic: the same seed and count give the same
 * bytes, and document i is the same whatever the count (a 200-document archive is the first 200 of a
 * 1,000-document one).
 *
 *   node bin/run-ts.js tests/archive/generate.ts OUT_DIR [--count N] [--seed S] [--broken B]
 *
 * PDFs: the seeds' PDF renderings need LibreOffice and fonts with Vietnamese glyphs (a hand-written PDF
 * with the standard Type1 fonts cannot show them), which is slow and not byte-deterministic. So a PDF
 * here is a committed rendering (tests/fixtures/rendered/) with a comment after `%%EOF` naming the copy:
 * different bytes (so a new document id), same content. The copies of the large seed share its number and
 * issuer, so each later copy supersedes the one before: the archive exercises supersession too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocx } from '../fixtures/render/render.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ArchiveFormat = 'text' | 'docx' | 'pdf';

export interface ArchiveOptions {
  count: number;
  seed?: number;
  /** broken files added to the documents: zero bytes, a truncated PDF, junk named .docx, a cut ZIP */
  broken?: number;
  /** relative weights of the formats; PDFs are the slowest to read */
  formats?: Partial<Record<ArchiveFormat, number>>;
  /** share of documents made from the long seed (a 110 kB full-year report) rather than the short one */
  longShare?: number;
}

export interface ArchiveFile {
  /** relative to the archive folder */
  path: string;
  format: ArchiveFormat | 'broken';
  /** what is wrong with a broken file */
  broken?: string;
  bytes: number;
}

const PLACES: ReadonlyArray<{ province: string; district: string }> = [
  ...['Tam Đường', 'Mường Tè', 'Sìn Hồ', 'Phong Thổ', 'Than Uyên', 'Tân Uyên', 'Nậm Nhùn'].map((d) => ({ province: 'Lai Châu', district: d })),
  ...['Đam Rông', 'Lạc Dương', 'Lâm Hà', 'Đơn Dương', 'Đức Trọng', 'Di Linh', 'Bảo Lâm', 'Đạ Huoai', 'Đạ Tẻh', 'Cát Tiên'].map((d) => ({
    province: 'Lâm Đồng',
    district: d,
  })),
];
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const SEEDS = {
  long: { text: 'seeds/000_35c0ecef09102edc.txt', pdf: 'tests/fixtures/rendered/000_35c0ecef09102edc.pdf' },
  short: { text: 'seeds/001_5b44daab30250fa8.txt', pdf: 'tests/fixtures/rendered/001_5b44daab30250fa8.pdf' },
} as const;

/** mulberry32: small, fast and the same on every platform */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Moves a seed report to another district and year: place names, years (shifted together, so plan years
 * stay one ahead), the document number, and about a third of the decimal numbers nudged in their last
 * digit, so totals no longer always add up, as in real archives.
 */
export function varyReport(text: string, place: { province: string; district: string }, year: number, number: number, rand: () => number): string {
  const shift = year - 2023;
  let out = text.replaceAll('Phong Thổ', place.district).replaceAll('PHONG THỔ', place.district.toUpperCase());
  if (place.province !== 'Lai Châu') out = out.replaceAll('Lai Châu', place.province).replaceAll('LAI CHÂU', place.province.toUpperCase());
  out = out.replace(/(?<![\d.,/])(20[12]\d)(?![\d.,])/g, (y) => String(Number(y) + shift));
  out = out.replace(/Số:\s*\d+\//, `Số: ${number}/`);
  out = out.replace(/(\d+,)(\d+)/g, (m, head: string, tail: string) => {
    if (rand() > 0.33) return m;
    const last = (Number(tail.at(-1)) + 1 + Math.floor(rand() * 8)) % 10;
    return `${head}${tail.slice(0, -1)}${last}`;
  });
  return out;
}

function pick<T>(rand: () => number, weights: ReadonlyArray<[T, number]>): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weights) {
    r -= w;
    if (r < 0) return v;
  }
  return weights.at(-1)![0];
}

/** Writes the archive under `dir` and lists what it wrote, documents first, in generation order. */
export function generateArchive(dir: string, options: ArchiveOptions): ArchiveFile[] {
  const seed = options.seed ?? 1;
  const weights: Array<[ArchiveFormat, number]> = [
    ['text', options.formats?.text ?? 4],
    ['docx', options.formats?.docx ?? 4],
    ['pdf', options.formats?.pdf ?? 1],
  ];
  const longShare = options.longShare ?? 0.3;
  const cache = new Map<string, Buffer>();
  const source = (path: string) => {
    let b = cache.get(path);
    if (!b) cache.set(path, (b = readFileSync(join(ROOT, path))));
    return b;
  };
  const files: ArchiveFile[] = [];
  const write = (rel: string, bytes: Uint8Array | string, format: ArchiveFile['format'], broken?: string) => {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    files.push({ path: rel, format, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, ...(broken ? { broken } : {}) });
  };

  for (let i = 0; i < options.count; i++) {
    // one stream per document, so document i does not depend on how many came before
    const rand = rng(seed * 1_000_003 + i);
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    const year = YEARS[Math.floor(rand() * YEARS.length)]!;
    const kind = rand() < longShare ? 'long' : 'short';
    const format = pick(rand, weights);
    const folder = join(slug(place.province), slug(place.district), String(year));
    const name = `bao-cao-${kind === 'long' ? 'kt-xh' : 'thi-dua'}-${String(i).padStart(5, '0')}`;
    if (format === 'pdf') {
      const copy = Buffer.concat([source(SEEDS[kind].pdf), Buffer.from(`\n% baocao archive copy ${seed}/${i}\n`, 'latin1')]);
      write(join(folder, `${name}.pdf`), copy, 'pdf');
      continue;
    }
    const text = varyReport(source(SEEDS[kind].text).toString('utf8'), place, year, 100 + i, rand);
    if (format === 'text') write(join(folder, `${name}.txt`), text, 'text');
    else write(join(folder, `${name}.docx`), renderDocx(text), 'docx');
  }

  const broken = options.broken ?? 0;
  for (let k = 0; k < broken; k++) {
    const rand = rng(seed * 7_919 + k);
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    const folder = join(slug(place.province), slug(place.district), String(YEARS[Math.floor(rand() * YEARS.length)]!));
    const pdf = source(SEEDS.short.pdf);
    switch (k % 4) {
      case 0:
        write(join(folder, `hong-${k}-rong.pdf`), new Uint8Array(0), 'broken', 'zero bytes');
        break;
      case 1:
        write(join(folder, `hong-${k}-cut.pdf`), pdf.subarray(0, Math.floor(pdf.length * 0.4)), 'broken', 'truncated PDF');
        break;
      case 2: {
        // bytes no format claims: not text (NULs), not a ZIP, not PDF
        const junk = Buffer.alloc(4096);
        for (let b = 0; b < junk.length; b++) junk[b] = Math.floor(rand() * 256);
        junk[0] = 0x00;
        junk[1] = 0xff;
        write(join(folder, `hong-${k}-junk.docx`), junk, 'broken', 'junk named .docx');
        break;
      }
      default: {
        const docx = Buffer.from(renderDocx(source(SEEDS.short.text).toString('utf8')));
        write(join(folder, `hong-${k}-cut.docx`), docx.subarray(0, Math.floor(docx.length / 2)), 'broken', 'truncated DOCX');
      }
    }
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const out = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!out) {
    process.stderr.write('usage: generate.ts OUT_DIR [--count N] [--seed S] [--broken B]\n');
    process.exit(2);
  }
  const files = generateArchive(resolve(out), { count: flag('--count', 200), seed: flag('--seed', 1), broken: flag('--broken', 0) });
  const by = new Map<string, number>();
  for (const f of files) by.set(f.format, (by.get(f.format) ?? 0) + 1);
  process.stdout.write(`wrote ${files.length} files to ${out}: ${[...by].map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
}
