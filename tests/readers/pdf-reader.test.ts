import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../extractors/docx-reader.ts';
import { readPdf } from '../../extractors/pdf-reader.ts';
import type { ReadContext, ReadLimits } from '../../extractors/reader.ts';
import { type Block, DocumentModel, type ReadMessage } from '../../schema/document.ts';
import { buildPdf, emptyPagePdf, imageOnlyPdf } from '../fixtures/render/mini-pdf.ts';
import { contextOf, refusalOf } from './context.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERED = join(ROOT, 'tests/fixtures/rendered');
const GOLD = resolve(ROOT, '../shared/gold/agriculture-2023.txt');
const REAL = resolve(ROOT, '../shared/corpus/real');

const ctxOf = (file: string, bytes?: Uint8Array, limits?: Partial<ReadLimits>): ReadContext => contextOf('pdf', file, bytes, limits);
const refusal = (ctx: ReadContext): Promise<string> => refusalOf(readPdf, ctx);

const notesOf = (blocks: Block[]) => blocks.filter((b) => b.kind === 'footnote');
const dropped = (n: number): ReadMessage => ({
  type: 'info',
  stage: 'read',
  ruleId: 'read:running-lines-dropped',
  message: `${n} running header, footer or page-number lines dropped`,
});
const plain = (s: string) => s.replace(/\*/g, '');

function goldSentences(): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(GOLD, 'utf8').split('\n')) {
    const line = plain(raw.trim().replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/u, ''));
    if (!line) continue;
    for (const s of line.split(/(?<=[.;])\s+/u)) if (s.length > 12) out.push(s);
  }
  return out;
}

describe('readPdf on the gold excerpt rendered by LibreOffice', async () => {
  const doc = await readPdf(ctxOf(join(RENDERED, 'agriculture-2023.pdf')));

  it('returns a valid document model with pages and linked footnotes', () => {
    expect(() => DocumentModel.parse(doc)).not.toThrow();
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(2);
    // The second page's number: the first page, a title page, has none.
    expect(doc.messages).toEqual([dropped(1)]);
    expect(doc.footnotesLinked).toBe(true);
    expect(doc.blocks.every((b) => b.page === 1 || b.page === 2)).toBe(true);
    expect(doc.blocks.map((b) => b.index)).toEqual(doc.blocks.map((_, i) => i));
  });

  it('tells small raised marks from digits: 4.623,3ha¹, not 4.623,3ha1', () => {
    const block = doc.blocks.find((b) => b.text.includes('Diện tích gieo trồng 4.623,3ha¹ đạt 100,8%'));
    expect(block?.kind).toBe('paragraph');
    expect(block!.text).toContain('Diện tích 3.773,2ha² đạt 100,08%');
    expect(block!.text).toContain('sản lượng 14.472 tấn, đạt 98,85% so với kế hoạch³.');
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/4\.623,3ha1|3\.773,2ha2/);
    for (const mark of ['cây cao su⁴;', '754,2ha chè⁵,', 'Dong riêng⁶,', 'cây Mía⁷;', 'cây thảo quả⁸.', '18,469ha⁹.']) expect(all).toContain(mark);
  });

  it('separates the nine footnote bodies at the pages’ feet, numbered 1..9', () => {
    const notes = notesOf(doc.blocks);
    expect(notes.map((b) => b.footnote)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(notes[0]!.text.startsWith('Trong đó: (i) Lúa Đông xuân 2022-2023: Diện tích gieo cấy 754,80ha')).toBe(true);
    expect(notes[8]!.text).toBe('Trong đó diện tích trồng Sâm Lai Châu 17,939ha, diện tích trồng cây bảy lá một hoa 0,53ha.');
    // A body spread over several lines is one block.
    expect(notes[0]!.text.endsWith('sản lượng đạt 150,2 tấn, đạt 125,11% so với kế hoạch.')).toBe(true);
  });

  it('keeps the paragraph cut by footnotes ("cây được … liệu quý") whole', () => {
    const whole = doc.blocks.filter((b) => b.text.includes('cây được liệu quý'));
    expect(whole).toHaveLength(1);
    expect(whole[0]!.text.startsWith('- Một số cây trồng khác: Triển khai trồng mới 337,3ha')).toBe(true);
    expect(whole[0]!.text.endsWith('trên địa bàn huyện 18,469ha⁹.')).toBe(true);
  });

  it('drops the page number and rejoins wrapped titles', () => {
    expect(doc.blocks.some((b) => /^\d+$/.test(b.text))).toBe(false);
    expect(doc.blocks.map((b) => b.text)).toContain(
      'Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2023 và Kế hoạch năm 2024',
    );
  });

  it('holds every sentence of the gold text', () => {
    const joined = doc.blocks.map((b) => b.text).join('\n');
    const sentences = goldSentences();
    expect(sentences.length).toBeGreaterThan(40);
    for (const s of sentences) expect(joined, s).toContain(s);
  });
});

describe('readPdf agrees with readDocx on the same rendered document', () => {
  // The seed report runs over many pages: paragraphs continue across page breaks and footnote areas,
  // so block-for-block equality checks line joining, page-break joining and footnote separation together.
  it.each([
    ['agriculture-2023', 1],
    ['000_35c0ecef09102edc', 30],
    ['001_5b44daab30250fa8', 4],
  ] as const)('%s', async (name, pageLines) => {
    const pdf = await readPdf(ctxOf(join(RENDERED, `${name}.pdf`)));
    const docx = await readDocx({ ...ctxOf(join(RENDERED, `${name}.docx`)), format: 'docx' });
    // The PDF's page numbers (and nothing else) are what the DOCX does not have.
    expect(pdf.messages).toEqual([dropped(pageLines)]);
    expect(docx.messages).toEqual([]);
    const key = (b: Block) => `${b.kind}|${b.footnote ?? ''}|${plain(b.text)}`;
    expect(pdf.blocks.map(key).sort()).toEqual(docx.blocks.map(key).sort());
    expect(pdf.pages).toBeGreaterThan(0);
  });
});

describe('readPdf refuses what it cannot read', () => {
  it('zero bytes', async () => {
    expect(await refusal(ctxOf('empty.pdf', new Uint8Array()))).toBe('empty file (0 bytes)');
  });

  it('a truncated PDF', async () => {
    const full = readFileSync(join(RENDERED, 'agriculture-2023.pdf'));
    expect(await refusal(ctxOf('cut.pdf', new Uint8Array(full.subarray(0, Math.floor(full.length * 0.6)))))).toMatch(/^damaged PDF: /);
  });

  it('a PDF whose body is garbage', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(500)}\nstartxref\n12345\n%%EOF\n`);
    expect(await refusal(ctxOf('garbage.pdf', bytes))).toMatch(/^damaged PDF: /);
  });

  it('an encrypted PDF without its password', async () => {
    expect(await refusal(ctxOf(join(RENDERED, 'encrypted-user-password.pdf')))).toBe('encrypted PDF: cannot read without password');
  });

  it('but reads one encrypted with an owner password only, as viewers do', async () => {
    const doc = await readPdf(ctxOf(join(RENDERED, 'encrypted-owner-only.pdf')));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Bao cao so 12: san luong 1.234,5 tan.']);
    expect(doc.messages).toEqual([]);
  });

  it('an empty page: no text layer (OCR off)', async () => {
    expect(await refusal(ctxOf('blank.pdf', emptyPagePdf(), { ocr: 'never' }))).toBe('no text layer: needs OCR');
  });

  it('an image-only page: no text layer (OCR off)', async () => {
    expect(await refusal(ctxOf('scan.pdf', imageOnlyPdf(), { ocr: 'never' }))).toBe('no text layer: needs OCR');
  });

  it('but reads the text pages of a PDF with a page that has none, and says which', async () => {
    const ops = 'BT /F1 12 Tf 72 700 Td (San luong dat 8.396,5 tan) Tj ET';
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>',
      '<< /Length 0 >>\nstream\n\nendstream',
    ]);
    const doc = await readPdf(ctxOf('half-scanned.pdf', pdf, { ocr: 'never' }));
    expect(doc.pages).toBe(2);
    expect(doc.blocks.map((b) => b.text)).toEqual(['San luong dat 8.396,5 tan']);
    expect(doc.messages).toEqual([{ type: 'warning', stage: 'read', ruleId: 'read:no-text-layer', message: '1 of 2 pages have no text layer (needs OCR): 2' }]);
  });

  it('more pages than the limit allows', async () => {
    expect(await refusal(ctxOf(join(RENDERED, '000_35c0ecef09102edc.pdf'), undefined, { maxPages: 3 }))).toMatch(/^too many pages: \d+ \(limit 3\)$/);
  });

  it('a file that is no PDF at all', async () => {
    expect(await refusal(ctxOf('x.pdf', new TextEncoder().encode('PK\u0003\u0004 not a pdf')))).toBe('not a PDF: no %PDF- header');
  });
});

describe('readPdf on hand-made text', () => {
  it('joins lines into paragraphs only when a line was full', async () => {
    const lines = (ops: string) =>
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      ]);
    // Line 1 runs to the right margin (the widest line), line 2 continues it and ends short with a mark set
    // smaller and raised by text rise, as Word does; line 3 is a new paragraph, indented.
    const ops = [
      'BT /F1 12 Tf 72 700 Td (San luong lua ca nam dat 22.123,83 tan, dat 101,49% so voi ke hoach, tang) Tj ET',
      'BT /F1 12 Tf 72 686 Td (1,16% so voi nam truoc 4.600 tan) Tj /F1 7 Tf 4 Ts (7) Tj 0 Ts /F1 12 Tf (.) Tj ET',
      'BT /F1 12 Tf 100 672 Td (Dien tich ngo 3.773,2ha dat 100,08% so voi ke hoach.) Tj ET',
    ].join('\n');
    const doc = await readPdf(ctxOf('hand.pdf', lines(ops)));
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'San luong lua ca nam dat 22.123,83 tan, dat 101,49% so voi ke hoach, tang 1,16% so voi nam truoc 4.600 tan⁷.',
      'Dien tich ngo 3.773,2ha dat 100,08% so voi ke hoach.',
    ]);
    expect(doc.messages).toEqual([]);
  });
});

/** A PDF of Helvetica pages, each given as its content stream. */
function pagesPdf(pages: string[]): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const kids: string[] = [];
  for (const ops of pages) {
    kids.push(`${objs.length + 1} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length + 2} 0 R >>`);
    objs.push(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  return buildPdf(objs);
}

const at = (x: number, y: number, size: number, text: string) => `BT /F1 ${size} Tf ${x} ${y} Td (${text}) Tj ET`;
/** Lines of body text, the first full to the margin, the second with a small raised mark (text rise). */
const bodyWith = (...marks: string[]) => [
  at(72, 700, 12, 'Tong dien tich gieo trong cay luong thuc co hat uoc dat 7.512,4ha, dat 100,2% ke'),
  `BT /F1 12 Tf 72 686 Td (hoach, san luong 31.204,6 tan) Tj /F1 7 Tf 4 Ts (${marks[0] ?? ''}) Tj 0 Ts /F1 12 Tf (, tang 2,1% so voi nam truoc.) Tj ET`,
  `BT /F1 12 Tf 100 672 Td (Dien tich ngo xuan he uoc dat 2.915ha) Tj /F1 7 Tf 4 Ts (${marks[1] ?? ''}) Tj 0 Ts /F1 12 Tf (, dat 99,4% ke hoach.) Tj ET`,
];
const BODY = bodyWith('1');

describe('readPdf finds footnote bodies from evidence, not from one renderer', () => {
  // Each case: the marks in the text, the small line at the page's foot (9 pt), and what the reader makes of it.
  it.each([
    { name: 'a plain number and a stop, called by a mark', marks: ['1'], foot: '1. Trong do lua xuan 1.204ha.', note: 1, text: 'Trong do lua xuan 1.204ha.' },
    { name: 'a plain number and a space', marks: ['1'], foot: '1 Trong do lua xuan 1.204ha.', note: 1, text: 'Trong do lua xuan 1.204ha.' },
    { name: 'a number no mark called', marks: [], foot: '1. Trong do lua xuan 1.204ha.', note: undefined, text: '1. Trong do lua xuan 1.204ha.' },
    { name: 'a number out of sequence', marks: ['1', '2'], foot: '2. Trong do lua xuan 1.204ha.', note: undefined, text: '2. Trong do lua xuan 1.204ha.' },
    { name: 'a number that is a quantity', marks: ['1'], foot: '1.204ha lua xuan.', note: undefined, text: '1.204ha lua xuan.' },
  ])('$name', async ({ marks, foot, note, text }) => {
    const ops = [...bodyWith(...marks), at(72, 120, 9, foot)].join('\n');
    const doc = await readPdf(ctxOf('notes.pdf', pagesPdf([ops])));
    const block = doc.blocks.find((b) => b.text === text);
    expect(block?.kind).toBe(note === undefined ? 'paragraph' : 'footnote');
    expect(block?.footnote).toBe(note);
    expect(doc.blocks[0]!.text).toContain(`31.204,6 tan${marks.length > 0 ? '¹' : ''}, tang`);
  });

  // Word's 12/10, LibreOffice's 12/10, Vietnamese reports' 14/12 and 13/11, Google Docs' 11/10: a
  // footnote may be only a point smaller than the text.
  // A second page calls a mark after the first page's body, so that body is no endnote.
  it.each([9, 10, 11])('a body with a raised number in %i pt under 12 pt text', async (size) => {
    const foot = (n: number, text: string) => `BT /F1 ${size * 0.6} Tf 72 124 Td (${n}) Tj /F1 ${size} Tf 6 -4 Td (${text}) Tj ET`;
    const pages = [
      [...BODY, foot(1, 'Trong do lua xuan 1.204ha.')],
      [...bodyWith('2'), foot(2, 'Ngo dong uoc 930ha.')],
    ];
    const doc = await readPdf(ctxOf('raised.pdf', pagesPdf(pages.map((p) => p.join('\n')))));
    expect(notesOf(doc.blocks).map((b) => [b.footnote, b.text])).toEqual([
      [1, 'Trong do lua xuan 1.204ha.'],
      [2, 'Ngo dong uoc 930ha.'],
    ]);
  });

  it('a numbered table row at the foot is no footnote body: it has columns', async () => {
    const row = 'BT /F1 9 Tf 72 120 Td (1) Tj 35 0 Td (Dien tich lua) Tj 85 0 Td (1.204) Tj ET';
    const doc = await readPdf(ctxOf('table.pdf', pagesPdf([[...BODY, row].join('\n')])));
    expect(doc.blocks.map((b) => b.text)).toContain('1 Dien tich lua 1.204');
    expect(notesOf(doc.blocks)).toEqual([]);
  });

  // Endnotes in the body's own size (12 pt): only their place after the last mark and their numbers tell.
  it.each([
    { name: 'called by the marks, in sequence', marks: ['1', '2'], notes: [1, 2] },
    { name: 'a list no mark calls', marks: [], notes: [] },
    { name: 'a list that stops short of the highest mark', marks: ['1', '3'], notes: [] },
  ])('endnotes in the text’s own size: $name', async ({ marks, notes }) => {
    const end = [at(72, 600, 12, '1. Trong do lua xuan 1.204ha.'), at(72, 586, 12, '2. Trong do ngo dong 930ha.')];
    const doc = await readPdf(ctxOf('endnotes.pdf', pagesPdf([[...bodyWith(...marks), ...end].join('\n')])));
    expect(notesOf(doc.blocks).map((b) => b.footnote)).toEqual(notes);
    if (notes.length > 0) expect(notesOf(doc.blocks)[1]!.text).toBe('Trong do ngo dong 930ha.');
  });

  it('a body that hangs (its number out to the left) is one footnote', async () => {
    const foot = [
      at(72, 120, 9, '1. Trong do lua dong xuan gieo cay 754,8ha dat 102,3% ke hoach, tang 16,8ha so voi cung ky nam truoc; lua mua'),
      at(84, 109, 9, 'gieo cay 3.743,5ha dat 99,8% ke hoach.'),
    ];
    const doc = await readPdf(ctxOf('hang.pdf', pagesPdf([[...BODY, ...foot].join('\n')])));
    expect(notesOf(doc.blocks).map((b) => [b.footnote, b.text])).toEqual([
      [1, 'Trong do lua dong xuan gieo cay 754,8ha dat 102,3% ke hoach, tang 16,8ha so voi cung ky nam truoc; lua mua gieo cay 3.743,5ha dat 99,8% ke hoach.'],
    ]);
  });

  it('a header repeated on both pages of a two-page report is dropped', async () => {
    const header = (n: number) => `${at(200, 800, 8, 'Bao cao thu nghiem - ban in thu')}\n${at(500, 40, 8, `Trang ${n}/2`)}`;
    const doc = await readPdf(ctxOf('two.pdf', pagesPdf([`${header(1)}\n${BODY.join('\n')}`, `${header(2)}\n${at(72, 700, 12, 'Ket qua khac.')}`])));
    expect(doc.blocks.map((b) => b.text)).not.toContain('Bao cao thu nghiem - ban in thu');
    expect(doc.messages).toEqual([dropped(4)]);
  });
});

describe('readPdf reads the text an e-signature stamps into a widget', () => {
  // A signing tool fills the header's blanks with the appearance of a signature field, outside the page's
  // own content: the number between `So:` and `/BC-UBND`, the day between `ngay` and `thang`.
  const stamped = (withWidgets: boolean) => {
    const page = [at(100, 705, 12, 'So:'), at(160, 705, 12, '/BC-UBND'), at(300, 705, 12, 'Ha Noi, ngay'), at(400, 705, 12, 'thang 11 nam 2025')].join('\n');
    const ap = (text: string) => `BT /F1 12 Tf 2 5 Td (${text}) Tj ET`;
    const widget = (rect: string, ref: number) => `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Sig${ref}) /F 4 /Rect [${rect}] /AP << /N ${ref} 0 R >> >>`;
    const form = (ops: string, w: number) =>
      `<< /Type /XObject /Subtype /Form /BBox [0 0 ${w} 20] /Resources << /Font << /F1 3 0 R >> >> /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
    return buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R${withWidgets ? ' /Annots [6 0 R 7 0 R]' : ''} >>`,
      `<< /Length ${page.length} >>\nstream\n${page}\nendstream`,
      widget('140 700 200 720', 8),
      widget('372 700 398 720', 9),
      form(ap('45'), 60),
      form(ap('07'), 26),
    ]);
  };

  it.each([
    { widgets: true, lines: ['So: 45 /BC-UBND', 'Ha Noi, ngay 07 thang 11 nam 2025'] },
    { widgets: false, lines: ['So: /BC-UBND', 'Ha Noi, ngay thang 11 nam 2025'] },
  ])('widgets on the page: $widgets', async ({ widgets, lines }) => {
    const doc = await readPdf(ctxOf('signed.pdf', stamped(widgets)));
    expect(doc.blocks.map((b) => b.text)).toEqual(lines);
  });
});

describe('readPdf agrees with readDocx on renderings by other tool chains', () => {
  // tests/fixtures/renderings/make.ts: the same DOCX content laid out by LibreOffice, Chromium and WeasyPrint.
  const RENDERINGS = join(ROOT, 'tests/fixtures/renderings');
  const key = (b: Block) => `${b.kind}|${b.footnote ?? ''}|${plain(b.text)}`;
  const read = async (name: string, chain: string) => ({
    pdf: await readPdf(ctxOf(join(RENDERINGS, `${name}.${chain}.pdf`))),
    docx: await readDocx({ ...ctxOf(join(RENDERED, `${name}.docx`)), format: 'docx' }),
  });
  const NAMES = ['agriculture-2023', '000_35c0ecef09102edc', '001_5b44daab30250fa8'];

  it.each(NAMES.flatMap((name) => ['libreoffice', 'chromium', 'weasyprint'].map((chain) => ({ name, chain }))))(
    '$name through $chain: block for block',
    async ({ name, chain }) => {
      const { pdf, docx } = await read(name, chain);
      expect(pdf.messages.map((m) => m.ruleId)).toEqual(['read:running-lines-dropped']);
      expect(pdf.blocks.map(key).sort()).toEqual(docx.blocks.map(key).sort());
    },
  );

  // Ragged-right text: whether a line was full is judged from the next word's width, a guess that may
  // miss by a hair, so one block in a hundred may be split; the footnotes must all be there.
  it.each(NAMES)('%s through chromium-plain (endnotes in the text’s own size)', async (name) => {
    const { pdf, docx } = await read(name, 'chromium-plain');
    expect(pdf.messages).toEqual([]);
    const got = new Set(pdf.blocks.map(key));
    const same = docx.blocks.filter((b) => got.has(key(b))).length;
    expect(same / docx.blocks.length).toBeGreaterThanOrEqual(0.99);
    expect(new Set(notesOf(pdf.blocks).map((b) => b.footnote))).toEqual(new Set(notesOf(docx.blocks).map((b) => b.footnote)));
  });
});

/** What each real PDF reads as: pages, footnotes (each with its mark in the text) and the reader's messages. */
const REAL_PDFS: Record<string, { pages: number; footnotes: number; messages: ReadMessage[] }> = {
  'lamdong_bc329_cchc_nam2025_signed.pdf': { pages: 35, footnotes: 17, messages: [dropped(32)] },
  // The reader finds no running header, footer or page number on its pages.
  'lamdong_bc_cac_chi_so_2025-11-06.pdf': { pages: 16, footnotes: 3, messages: [] },
  'lamdong_bc_tham_dinh_chi_so_cchc_2025.pdf': { pages: 43, footnotes: 14, messages: [dropped(42)] },
};

describe.skipIf(!existsSync(REAL))('readPdf on the real Lâm Đồng documents', () => {
  const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.pdf') && !f.includes('scanned')) : [];

  it('knows every text PDF of the corpus', () => {
    expect([...files].sort()).toEqual(Object.keys(REAL_PDFS).sort());
  });

  it.each(files)('%s reads without a crash, with text and footnotes', async (name) => {
    const doc = await readPdf(ctxOf(join(REAL, name)));
    expect(() => DocumentModel.parse(doc)).not.toThrow();
    const text = doc.blocks.map((b) => b.text).join('\n');
    const notes = new Set(notesOf(doc.blocks).map((b) => b.footnote));
    const marks = text.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu) ?? [];
    const expected = REAL_PDFS[name]!;
    expect(doc.messages).toEqual(expected.messages);
    expect(doc.pages).toBe(expected.pages);
    expect(notes.size).toBe(expected.footnotes);
    expect(marks).toHaveLength(expected.footnotes);
    expect(text.length).toBeGreaterThan(5000);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/[\u00a0\u2009\u202f]/u);
  });

  it('reports the scanned PDF as needing OCR when OCR is off', async () => {
    expect(await refusal(ctxOf(join(REAL, 'lamdong_ttr239_de_an_06_2026-03_scanned.pdf'), undefined, { ocr: 'never' }))).toBe('no text layer: needs OCR');
  });

  it('agrees with the DOCX of the same report (lamdong_bc_cac_chi_so_2025-11-06)', async () => {
    const base = join(REAL, 'lamdong_bc_cac_chi_so_2025-11-06');
    const pdf = await readPdf(ctxOf(`${base}.pdf`));
    const docx = await readDocx({ ...ctxOf(`${base}.docx`), format: 'docx' });
    expect(pdf.messages).toEqual([]);
    // mammoth's word on the Word styles it does not know: docx-reader.test.ts checks it exactly.
    expect(docx.messages.map((m) => [m.type, m.message.slice(0, 9)])).toEqual([['info', 'mammoth: ']]);
    const count = (blocks: Block[]) => {
      const m = new Map<string, number>();
      for (const b of blocks) for (const t of plain(b.text).match(/\d[\d.,]*\d|\d/g) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
      return m;
    };
    const inDocx = count(docx.blocks);
    const inPdf = count(pdf.blocks);
    let total = 0;
    let shared = 0;
    for (const [k, n] of inDocx) {
      total += n;
      shared += Math.min(n, inPdf.get(k) ?? 0);
    }
    // 857 of 865 when this was written.
    expect(shared / total, `DOCX numbers found in the signed PDF: ${shared}/${total}`).toBeGreaterThanOrEqual(0.95);
    // The same footnotes, with the same marks.
    const marks = (blocks: Block[]) =>
      (
        blocks
          .map((b) => b.text)
          .join('\n')
          .match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu) ?? []
      ).sort();
    expect(marks(pdf.blocks)).toEqual(marks(docx.blocks));
    expect(notesOf(pdf.blocks).map((b) => b.footnote)).toEqual(notesOf(docx.blocks).map((b) => b.footnote));
  });
});

describe('built-ins after pdf.js is loaded', () => {
  it('leaves V8 its own Array.prototype.push and JSON.parse, which the legacy build polyfills away', async () => {
    // core-js dresses its polyfills as native in this realm's Function.prototype.toString: ask another realm's
    const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    const isNative = (f: unknown) => /\{\s*\[native code\]\s*\}$/.test(sourceOf.call(f));
    const ops = 'BT /F1 12 Tf 72 700 Td (San luong dat 8.396,5 tan) Tj ET';
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ]);
    const doc = await readPdf(ctxOf('natives.pdf', pdf));
    expect(doc.blocks.map((b) => b.text).join(' ')).toContain('8.396,5 tan');
    expect(doc.messages).toEqual([]);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    // and pdf.js still parses what it hands back with them
    expect(JSON.parse('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });
});
