import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocksOfPage, cellsOf, type OcrWord, ocrUnavailable, parseTsv, repairWords } from '../../extractors/ocr-reader.ts';
import { anchoredSpans, LOW_CONFIDENCE, ocrOf } from '../../extractors/ocr-spans.ts';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import { allowConsole } from '../console-guard.ts';
import { describe as describeScore, type GoldFact, readGold, score } from '../helpers/gold-score.ts';

const TSV_HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
/** A TSV word row as Tesseract prints it. */
const row = (block: number, par: number, line: number, left: number, top: number, width: number, conf: number, text: string) =>
  ['5', '1', block, par, line, 1, left, top, width, 40, conf, text].join('\t');

describe('Tesseract TSV into blocks', () => {
  const tsv = [
    TSV_HEAD,
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    row(1, 1, 1, 100, 100, 80, 96, 'Toàn'),
    row(1, 1, 1, 190, 100, 80, 95, 'xã'),
    row(1, 1, 1, 280, 100, 60, 91, 'có'),
    row(1, 1, 2, 100, 150, 110, 62, '1.234'),
    row(1, 1, 2, 220, 150, 60, 93, 'hộ.'),
    row(2, 1, 1, 100, 300, 90, 90, 'Xã'),
    row(2, 1, 1, 600, 300, 90, 94, '12'),
    row(2, 1, 1, 1100, 300, 90, 88, '45,6'),
    row(2, 1, 1, 1500, 300, 40, 95, ' '),
  ].join('\n');

  it('keeps word rows with their box and confidence, drops empty words', () => {
    const words = parseTsv(tsv);
    expect(words.map((w) => w.text)).toEqual(['Toàn', 'xã', 'có', '1.234', 'hộ.', 'Xã', '12', '45,6']);
    expect(words[3]).toMatchObject({ conf: 62, box: [100, 150, 210, 190], block: 1, par: 1, line: 2 });
  });

  it('joins the lines of a paragraph, and keeps a line of columns as a table row of cells', () => {
    const blocks = blocksOfPage(parseTsv(tsv), 3, 300, 10);
    expect(blocks.map((b) => [b.index, b.kind, b.text, b.page])).toEqual([
      [10, 'paragraph', 'Toàn xã có 1.234 hộ.', 3],
      [11, 'table-row', 'Xã | 12 | 45,6', 3],
    ]);
    expect(blocks[1]!.cells!.map((c) => c.text)).toEqual(['Xã', '12', '45,6']);
    // each word's place in the text, and its box in PDF points (300 dpi: 72/300 of a pixel)
    const span = blocks[0]!.ocr!.spans.find((s) => s.text === '1.234')!;
    expect(blocks[0]!.text.slice(span.start, span.end)).toBe('1.234');
    expect(span.box).toEqual([24, 36, 50.4, 45.6]);
  });

  it('drops the page number set apart at the top or foot of the page, not a number of the text', () => {
    const page = (first: string, gap: number) =>
      [
        TSV_HEAD,
        row(1, 1, 1, 1200, 100, 30, 90, first),
        row(2, 1, 1, 100, 100 + gap, 80, 96, 'cách'),
        row(2, 1, 1, 190, 100 + gap, 80, 95, 'hành'),
        row(2, 1, 1, 280, 100 + gap, 80, 95, 'chính.'),
        row(2, 1, 2, 100, 150 + gap, 80, 95, 'Tổng'),
        row(2, 1, 2, 190, 150 + gap, 80, 95, 'cộng'),
        row(3, 1, 1, 1200, 300 + gap, 30, 90, '12'),
      ].join('\n');
    expect(blocksOfPage(parseTsv(page('3', 140)), 4, 300, 0).map((b) => b.text)).toEqual(['cách hành chính. Tổng cộng']);
    // a number on the line right above the text is not set apart
    expect(blocksOfPage(parseTsv(page('3', 50)), 4, 300, 0)[0]!.text).toBe('3');
  });

  it('splits cells only at gaps far wider than a space', () => {
    const w = (left: number, right: number): OcrWord => ({ text: 'x', conf: 90, box: [left, 0, right, 40], block: 1, par: 1, line: 1 });
    expect(cellsOf([w(0, 50), w(65, 100), w(120, 160)], 40)).toHaveLength(1);
    expect(cellsOf([w(0, 50), w(300, 340)], 40)).toHaveLength(2);
  });
});

describe('what OCR of a report gets wrong, repaired only where unambiguous', () => {
  const line = (...texts: string[]): OcrWord[] => texts.map((text, i) => ({ text, conf: 95, box: [i * 100, 0, i * 100 + 80, 40], block: 1, par: 1, line: 1 }));
  const texts = (ws: OcrWord[]) => ws.map((w) => w.text).join(' ');
  const flagged = (ws: OcrWord[]) => ws.filter((w) => w.doubt !== undefined).map((w) => w.text);

  it('gives a unit read with a tone mark dropped or misread its one form, and says so on every word it changed', () => {
    const r = repairWords(line('giải', 'quyết', '517.204', 'hô', 'SƠ,', 'và', '38.915', 'hỗ', 'sơ'));
    expect(texts(r)).toBe('giải quyết 517.204 hồ sơ, và 38.915 hồ sơ');
    expect(flagged(r)).toEqual(['hồ', 'sơ,', 'hồ', 'sơ']);
    expect(r[3]!.doubt).toBe('OCR đọc «hô SƠ,», đơn vị được sửa thành «hồ sơ»');
    // Tesseract's confidence stays what it said: the repair is its own reason
    expect(r.every((w) => w.conf === 95)).toBe(true);
    expect(texts(repairWords(line('là', '204.375', 'triệu', 'đông.')))).toBe('là 204.375 triệu đồng.');
  });

  it('flags a lone syllable it repairs, and never changes a word that has marks the form lacks', () => {
    const r = repairWords(line('có', '12', 'hô', 'và'));
    expect(texts(r)).toBe('có 12 hộ và');
    expect(flagged(r)).toEqual(['hộ']);
    expect(texts(repairWords(line('có', '3', 'hồ', 'chứa')))).toBe('có 3 hồ chứa');
    // an age is no figure, and the grammar knows it only by its tone mark
    expect(texts(repairWords(line('từ', 'đủ', '14', 'tuôi,')))).toBe('từ đủ 14 tuổi,');
    expect(texts(repairWords(line('đạt', '52,37ta/ha')))).toBe('đạt 52,37tạ/ha');
    expect(flagged(repairWords(line('đạt', '52,37ta/ha')))).toEqual(['52,37tạ/ha']);
  });

  it('gives back the tone mark of the words a number is read by, and nothing whose marks differ', () => {
    const r = repairWords(line('đạt', 'ty', 'lệ', '86,7%;', 'đạt', '56%', 'trên', 'tông', 'lượt'));
    expect(texts(r)).toBe('đạt tỷ lệ 86,7%; đạt 56% trên tổng lượt');
    expect(flagged(r)).toEqual(['tỷ', 'lệ', 'trên', 'tổng']);
    expect(texts(repairWords(line('Ty', 'lệ', 'hộ')))).toBe('Tỷ lệ hộ');
    expect(texts(repairWords(line('đường', 'bê', 'tông', 'và', 'công', 'ty')))).toBe('đường bê tông và công ty');
  });

  it('reads a letter inside a number as the digit it stands for, and flags it', () => {
    const r = repairWords(line('từ', 'đủ', 'l4', 'tuổi', 'năm', '2O24.'));
    expect(texts(r)).toBe('từ đủ 14 tuổi năm 2024.');
    expect(flagged(r)).toEqual(['14', '2024.']);
    expect(texts(repairWords(line('Mục', 'I.', 'lo', 'O')))).toBe('Mục I. lo O');
    expect(texts(repairWords(line('toán', '(2ó.', '770\u204447.826', 'lượt);')))).toBe('toán (26.770/47.826 lượt);');
  });

  it('joins a number whose thousands dot was read as a space, and flags it; never two numbers apart as columns', () => {
    const spaced = repairWords(line('cấp', '6', '815', 'tài', 'khoản'));
    expect(texts(spaced)).toBe('cấp 6.815 tài khoản');
    expect(flagged(spaced)).toEqual(['6.815']);
    expect(spaced[1]!.box).toEqual([100, 0, 280, 40]);
    expect(texts(repairWords(line('tiếp', 'nhận', '29,', '695', 'hồ', 'sơ')))).toBe('tiếp nhận 29.695 hồ sơ');
    expect(texts(repairWords(line('khớp', '1.156.', '846', 'trường', 'hợp')))).toBe('khớp 1.156.846 trường hợp');
    // no unit after it, or a column's gap between: left as read
    expect(texts(repairWords(line('đạt', '86,', '154).')))).toBe('đạt 86, 154).');
    const apart = line('Xã', '12', '345', 'hộ');
    apart[2]!.box = [900, 0, 980, 40];
    expect(texts(repairWords(apart))).toBe('Xã 12 345 hộ');
    expect(texts(repairWords(line('đạt', '2.767\u20442.778', 'trung', 'tâm')))).toBe('đạt 2.767/2.778 trung tâm');
  });

  it('finds the footnote area under the separator rule, and the mark glued in the flow', () => {
    const rows = [TSV_HEAD];
    const w = (block: number, line: number, left: number, top: number, width: number, height: number, text: string): void => {
      rows.push(['5', '1', block, 1, line, 1, left, top, width, height, 95, text].join('\t'));
    };
    for (let l = 0; l < 12; l++) {
      const words = l === 11 ? ['đã', 'ban', 'hành', '07', 'văn', 'bản!', 'chỉ', 'đạo.'] : ['Toàn', 'tỉnh', 'đã', 'triển', 'khai', 'các', 'nhiệm', 'vụ'];
      words.forEach((t, i) => {
        w(1, l + 1, 300 + i * 200, 300 + l * 150, 150, 50, t);
      });
    }
    w(2, 1, 300, 2600, 600, 8, ' ');
    w(3, 1, 300, 2640, 10, 20, "'");
    for (const [i, t] of ['Công', 'văn', 'số', '12/UBND', 'về', 'việc', 'triển', 'khai.'].entries()) w(3, 1, 330 + i * 150, 2640, 120, 38, t);
    const blocks = blocksOfPage(parseTsv(rows.join('\n')), 1, 300, 0);
    expect(blocks.at(-1)!.text).toBe('¹ Công văn số 12/UBND về việc triển khai.');
    expect(blocks.some((b) => b.text.includes('văn bản¹ chỉ đạo.'))).toBe(true);
  });

  it('links a mark read as its digit when another mark of the page was not read at all', () => {
    const rows = [TSV_HEAD];
    const w = (block: number, line: number, left: number, top: number, width: number, height: number, text: string): void => {
      rows.push(['5', '1', block, 1, line, 1, left, top, width, height, 95, text].join('\t'));
    };
    for (let l = 0; l < 12; l++) {
      const words = l === 10 ? ['đã', 'ban', 'hành', '07', 'văn', 'bản!', 'chỉ', 'đạo.'] : ['Toàn', 'tỉnh', 'đã', 'triển', 'khai', 'các', 'nhiệm', 'vụ'];
      words.forEach((t, i) => {
        w(1, l + 1, 300 + i * 200, 300 + l * 150, 150, 50, t);
      });
    }
    w(2, 1, 300, 2600, 600, 8, ' ');
    for (const [n, top] of [
      [1, 2640],
      [2, 2700],
    ] as const) {
      w(3 + n, 1, 300, top, 10, 20, "'");
      for (const [i, t] of ['Công', 'văn', 'số', `1${n}/UBND`, 'về', 'việc', 'triển', 'khai.'].entries()) w(3 + n, 1, 330 + i * 150, top, 120, 38, t);
    }
    const blocks = blocksOfPage(parseTsv(rows.join('\n')), 1, 300, 0);
    expect(blocks.slice(-2).map((b) => b.text.slice(0, 2))).toEqual(['¹ ', '² ']);
    expect(blocks.some((b) => b.text.includes('văn bản¹ chỉ đạo.'))).toBe(true);
  });
});

describe('a number keeps how sure OCR was', () => {
  const block = {
    text: 'Có 1.234 hộ',
    ocr: {
      spans: [
        { text: 'Có', start: 0, end: 2, conf: 95, box: [0, 0, 10, 10] as [number, number, number, number] },
        { text: '1.234', start: 3, end: 8, conf: 61.26, box: [12, 0, 40, 10] as [number, number, number, number] },
        { text: 'hộ', start: 9, end: 11, conf: 97, box: [42, 0, 52, 10] as [number, number, number, number] },
      ],
    },
  };

  it('takes the lowest confidence and the union box of the words under it', () => {
    expect(ocrOf(anchoredSpans(block), 3, 11)).toEqual({ confidence: 61.3, box: [12, 0, 52, 10] });
    expect(ocrOf(anchoredSpans(block), 20, 22)).toBeNull();
    const doubted = { ...block, ocr: { spans: block.ocr.spans.map((sp, i) => (i === 2 ? { ...sp, doubt: 'sửa đơn vị' } : sp)) } };
    expect(ocrOf(anchoredSpans(doubted), 3, 11)).toEqual({ confidence: 61.3, box: [12, 0, 52, 10], doubt: 'sửa đơn vị' });
  });

  it('finds its words again in a text a later stage rewrote', () => {
    const moved = anchoredSpans({ ...block, text: '¹ Có 1.234 hộ' });
    expect(moved.map((s) => [s.start, s.end])).toEqual([
      [2, 4],
      [5, 10],
      [11, 13],
    ]);
  });
});

const missing = await ocrUnavailable();
if (missing) {
  allowConsole();
  process.stdout.write(`OCR tests skipped: ${missing}\n`);
}

const SCANS = fileURLToPath(new URL('../fixtures/scans/', import.meta.url));
const GOLD = fileURLToPath(new URL('../../../shared/gold/agriculture-2023.expected.jsonl', import.meta.url));

/** Scans made here (tests/fixtures/scans/make.ts): the gold excerpt's PDF rasterized at 200 dpi, and a mixed PDF. */
describe.skipIf(missing !== null)('scans made from documents whose facts are known', () => {
  it.skipIf(!existsSync(GOLD))(
    'reads the gold excerpt from its 200 dpi scan, footnote marks and bodies included',
    async () => {
      const input = await processFile(join(SCANS, 'agriculture-2023-scan-200dpi.pdf'), loadCatalog(), { timeoutMs: 600_000 });
      const s = score(readGold(GOLD), input.facts);
      allowConsole();
      process.stdout.write(`${describeScore('agriculture-2023 scanned at 200 dpi (OCR)', s).split('\n')[0]}\n`);
      expect(s.recall).toBeGreaterThanOrEqual(0.9);
      expect(s.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.footnoteLinks).toBeGreaterThanOrEqual(0.9 * s.footnoteTotal);
    },
    600_000,
  );

  it('reads a PDF with a text page and a scanned page: the text as text, the scan by OCR, in page order', async () => {
    const { readDocument } = await import('../../extractors/read.ts');
    const doc = await readDocument(join(SCANS, 'mixed-text-and-scan.pdf'), { timeoutMs: 600_000 });
    expect(doc.blocks[0]).toMatchObject({ page: 1, text: 'Bao cao so 7: san luong lua dat 1.234,5 tan.' });
    expect(doc.blocks[0]!.ocr).toBeUndefined();
    const scanned = doc.blocks.filter((b) => b.page === 2);
    expect(scanned.length).toBeGreaterThan(3);
    expect(scanned.every((b) => b.ocr !== undefined)).toBe(true);
    expect(scanned.map((b) => b.text).join(' ')).toMatch(/BÁO CÁO/);
    expect(doc.blocks.map((b) => b.index)).toEqual(doc.blocks.map((_, i) => i));
    expect(doc.messages.find((m) => m.ruleId === 'read:ocr')?.message).toMatch(/^1 page\(s\) read by OCR/);
    const off = await readDocument(join(SCANS, 'mixed-text-and-scan.pdf'), { ocr: 'never' });
    expect(off.blocks.map((b) => b.page)).toEqual([1]);
    expect(off.messages.map((m) => m.ruleId)).toContain('read:no-text-layer');
  }, 600_000);
});

/**
 * Held out from the tuning of the OCR reader: pages 3–5 of a seed's rendering scanned at 200 dpi
 * (tests/fixtures/scans/make.ts), whose facts must agree with those of the seed's own text on those pages.
 * The pages hold no report header, so what the header decides (the report's date, and with it each fact's
 * year and kind) is not compared: the reading is, with its unit, scale and footnote.
 */
const HELD_OUT_PAGES = [3, 5] as const;
describe.skipIf(missing !== null)('a held-out scan of a seed', () => {
  it('yields the facts the seed text yields on its pages', async () => {
    const { readDocument } = await import('../../extractors/read.ts');
    const { foldText } = await import('../../extractors/clean-text.ts');
    const seed = fileURLToPath(new URL('../../seeds/001_5b44daab30250fa8.txt', import.meta.url));
    const rendering = fileURLToPath(new URL('../fixtures/rendered/001_5b44daab30250fa8.pdf', import.meta.url));
    const catalog = loadCatalog();
    const [scan, text, pdf] = await Promise.all([
      processFile(join(SCANS, '001_5b44daab30250fa8-p3-5-scan-200dpi.pdf'), catalog, { timeoutMs: 600_000 }),
      processFile(seed, catalog),
      readDocument(rendering),
    ]);
    const squash = (s: string) => foldText(s).replace(/ /g, '');
    const [first, last] = HELD_OUT_PAGES;
    const pages = squash(
      pdf.blocks
        .filter((b) => (b.page ?? 0) >= first && (b.page ?? 0) <= last)
        .map((b) => b.text)
        .join(' '),
    );
    // the seed's facts whose words around the number are on the scanned pages
    const around = (f: (typeof text.facts)[number]) => {
      const at = f.source.textStart ?? f.source.text.indexOf(f.raw);
      return squash(f.source.text.slice(Math.max(0, at - 12), at + f.raw.length + 12));
    };
    const asRead = <T extends { year: number | null; kind: string }>(f: T): T => ({ ...f, year: null, kind: 'actual' });
    const expected: GoldFact[] = text.facts
      .filter((f) => pages.includes(around(f)))
      .map((f) => asRead({ ...f, footnotes: f.footnotes, inFootnote: f.inFootnote }));
    const s = score(expected, scan.facts.map(asRead));
    allowConsole();
    process.stdout.write(`${describeScore('held-out seed scan (OCR) against its text', s).split('\n')[0]}\n`);
    expect(expected.length).toBeGreaterThan(20);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});

describe.skipIf(missing !== null)('OCR in a bulk load', () => {
  it('tells each page read and loads the scan beside the text files', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { ingest } = await import('../../pipeline/ingest.ts');
    const { openWarehouse } = await import('../../store/warehouse.ts');
    const dir = mkdtempSync(join(tmpdir(), 'baocao-ocr-ingest-'));
    const { mkdirSync } = await import('node:fs');
    const archive = join(dir, 'archive');
    mkdirSync(archive);
    copyFileSync(join(SCANS, 'mixed-text-and-scan.pdf'), join(archive, 'mixed.pdf'));
    copyFileSync(fileURLToPath(new URL('../../seeds/001_5b44daab30250fa8.txt', import.meta.url)), join(archive, 'call.txt'));
    const wh = await openWarehouse(join(dir, 'w.sqlite'));
    try {
      const pages: [string, number, number][] = [];
      const summary = await ingest(wh, [archive], { workers: 2, onOcrPage: (file, done, total) => pages.push([file.split('/').at(-1)!, done, total]) });
      expect(summary.failed).toEqual([]);
      expect(summary.loaded).toBe(2);
      expect(pages).toEqual([['mixed.pdf', 1, 1]]);
    } finally {
      await wh.close();
    }
  }, 600_000);
});

describe.skipIf(missing !== null)('a reviewer of numbers read by OCR', () => {
  it('sees the region of the scan each came from, on the page and from review show --image', async () => {
    const { mkdtempSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('../ingest/helpers.ts');
    const { openWarehouse } = await import('../../store/warehouse.ts');
    const { listMismatches } = await import('../../store/reviews.ts');
    const { startReviewServer } = await import('../../output/review-server.ts');
    const dir = mkdtempSync(join(tmpdir(), 'baocao-ocr-review-'));
    const db = join(dir, 'w.sqlite');
    const scan = join(SCANS, 'agriculture-2023-scan-200dpi.pdf');
    expect((await runCli(['ingest', scan, '--db', db])).code).toBe(0);
    const wh = await openWarehouse(db);
    try {
      const withScan = listMismatches(wh, {}).find((m) => m.facts.some((f) => f.source.ocr));
      expect(withScan).toBeDefined();
      const fact = withScan!.facts.find((f) => f.source.ocr)!;
      const png = join(dir, 'region.png');
      const shown = await runCli(['review', 'show', withScan!.id, '--db', db, '--image', png]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/read by OCR, confidence [\d.]+%, page \d+, box/);
      expect(read(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const server = await startReviewServer(wh, { reviewer: 'lan', status: 'all' });
      try {
        const page = await (await fetch(server.url)).text();
        expect(page).toContain(`/crop/${withScan!.id}/${fact.id}.png`);
        const img = await fetch(new URL(`/crop/${withScan!.id}/${fact.id}.png`, server.url));
        expect(img.headers.get('content-type')).toBe('image/png');
        expect(Buffer.from(await img.arrayBuffer()).length).toBeGreaterThan(500);
        expect((await fetch(new URL(`/crop/${withScan!.id}/${'0'.repeat(12)}.png`, server.url))).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      await wh.close();
    }
  }, 600_000);
});

/**
 * The real scan of the corpus, scored against labels made by reading its page images (tests/ocr/labels).
 * Needs Tesseract with the Vietnamese model and pdftoppm: `.ci/run` installs them; elsewhere the test
 * says what is missing and skips.
 */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const LABELS = fileURLToPath(new URL('./labels/', import.meta.url));
const labelled = readdirSync(LABELS).filter((n) => n.endsWith('.expected.jsonl'));
const scanFor = (sha: string): string | undefined =>
  existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .map((n) => join(CORPUS, n))
        .find((p) => createHash('sha256').update(readFileSync(p)).digest('hex') === sha)
    : undefined;

/**
 * The misses a reviewer is shown anyway: a labelled fact is covered when an unmatched fact that went out as
 * a `reading` mismatch has its value (its unit or kind misread), or its unit and as many digits on its page
 * or the next (a digit misread). Each such fact covers one miss.
 */
function coveredMisses(
  misses: readonly (GoldFact & { page?: number })[],
  extras: readonly LoadInput['facts'][number][],
  doubtful: ReadonlySet<string>,
): number {
  const pool = extras.filter((f) => doubtful.has(f.id));
  const digits = (n: number) => String(Math.round(n * 100)).length;
  const covered = new Set<GoldFact>();
  for (const byDigits of [false, true])
    for (const g of misses) {
      if (covered.has(g)) continue;
      const i = pool.findIndex((f) =>
        byDigits
          ? f.unit === g.unit && digits(f.value) === digits(g.value) && g.page !== undefined && Math.abs((f.source.page ?? 0) - g.page) <= 1
          : Math.abs(f.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value)),
      );
      if (i < 0) continue;
      pool.splice(i, 1);
      covered.add(g);
    }
  return covered.size;
}

describe.skipIf(missing !== null || !existsSync(CORPUS))('the real scan, read by OCR', () => {
  const entry = labelled[0]!;
  const sha = entry.slice(0, 64);
  let input: LoadInput;
  beforeAll(async () => {
    const file = scanFor(sha);
    if (!file) throw new Error(`no corpus file has the labelled sha256 ${sha}`);
    input = await processFile(file, loadCatalog(), { timeoutMs: 900_000 });
  }, 900_000);

  it('yields its quantities, each with its page, box and confidence', () => {
    allowConsole();
    process.stdout.write(`scan: ${input.facts.length} facts read by OCR\n`);
    expect(input.facts.length).toBeGreaterThan(40);
    for (const f of input.facts) {
      expect(f.source.page, f.raw).toBeGreaterThan(0);
      expect(f.source.ocr, f.raw).toBeDefined();
    }
    expect(input.messages.some((m) => m.ruleId === 'read:ocr')).toBe(true);
  });

  it('scores against its hand labels, and every doubtful reading goes to a reviewer', () => {
    const gold = readGold(join(LABELS, entry)) as (GoldFact & { page?: number })[];
    const s = score(gold, input.facts);
    allowConsole();
    process.stdout.write(`${describeScore('scan (OCR)', s).split('\n')[0]}\n`);
    const doubtful = new Set(input.mismatches.filter((m) => m.type === 'reading').flatMap((m) => m.factIds));
    const lowConfidence = input.facts.filter((f) => (f.source.ocr?.confidence ?? 100) < LOW_CONFIDENCE || f.source.ocr?.doubt !== undefined);
    expect(lowConfidence.every((f) => doubtful.has(f.id))).toBe(true);
    const covered = coveredMisses(s.misses as (GoldFact & { page?: number })[], s.extras, doubtful);
    process.stdout.write(`scan (OCR): ${covered}/${s.misses.length} misses are before a reviewer as a reading mismatch; floors count right facts only\n`);
    // just below today's level (0.769 / 0.784); the target is recall 0.85 and precision 0.9
    expect(s.recall).toBeGreaterThanOrEqual(0.76);
    expect(s.precision).toBeGreaterThanOrEqual(0.77);
    // every footnote body is found under its separator rule; a mark is linked where the page's marks are all read, or it reads as its digit
    expect(input.footnotes).toHaveLength(8);
    expect(s.footnoteLinks).toBeGreaterThanOrEqual(2);
  });
});
