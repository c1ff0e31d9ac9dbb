import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readDocument } from '../../extractors/read.ts';
import { ReadError } from '../../extractors/reader.ts';
import { runIsolated } from '../../extractors/xlsx-isolate.ts';
import { readXls } from '../../extractors/xlsx-reader.ts';
import { guardZip, inspectZip, MAX_ZIP_ENTRIES } from '../../extractors/zip-guard.ts';
import { DocumentFile } from '../../pipeline/file.ts';
import { tableValues } from '../../pipeline/table-values.ts';
import { noCachedValue } from './context.ts';
import { craftedXlsx, minimalPdf } from './hostile-files.ts';
import { deflatedZeros, writeZip } from './zip-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baocao-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** Every refusal: a ReadError naming the file, one line, in bounded time. */
async function refused(file: string, reason: RegExp, maxMs = 5000): Promise<ReadError> {
  const start = performance.now();
  const err = await readDocument(file).then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - start;
  expect(err).toBeInstanceOf(ReadError);
  const e = err as ReadError;
  expect(e.file).toBe(file);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).not.toContain('\n');
  expect(e.reason).toMatch(reason);
  expect(ms).toBeLessThan(maxMs);
  return e;
}

const OFFICE_PARTS = (main: 'word/document.xml' | 'xl/workbook.xml') => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: main, data: Buffer.from('<x/>') },
];

describe('empty, junk and random files', () => {
  it('refuses a zero-byte file', async () => {
    await refused(await put('empty.xlsx', new Uint8Array(0)), /empty file \(0 bytes\)/);
  });

  it('refuses 4 KB of random bytes named .xlsx', async () => {
    await refused(await put('random.xlsx', randomBytes(4096)), /unrecognised binary content/);
  });

  it('refuses a 50 MB file of junk quickly, generated here and never committed', async () => {
    await refused(await put('junk.docx', randomBytes(50 * 1024 * 1024)), /unrecognised binary content/, 5000);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = await put('big.pdf', Buffer.alloc(2048, 0x20));
    await expect(readDocument(file, { maxBytes: 1024 })).rejects.toThrow(/too large: 2048 bytes/);
  });

  it('refuses a truncated XLSX', async () => {
    const good = await readFile(fileURLToPath(new URL('../fixtures/xlsx/appendix.xlsx', import.meta.url)));
    await refused(await put('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2))), /ZIP/);
  });

  it('refuses a ZIP that is neither DOCX nor XLSX', async () => {
    await refused(await put('other.docx', writeZip([{ name: 'hello.txt', data: Buffer.from('hi') }])), /neither DOCX nor XLSX/);
  });
});

describe('ZIP bombs', () => {
  let bomb: Awaited<ReturnType<typeof deflatedZeros>>;
  beforeAll(async () => {
    bomb = await deflatedZeros(200 * 1024 * 1024);
  }, 60_000);

  it.each([
    ['bomb.xlsx', 'xl/workbook.xml'],
    ['bomb.docx', 'word/document.xml'],
  ] as const)('refuses %s (one entry, 200 MB of zeros) before inflating, in bounded time and memory', async (name, main) => {
    const zip = writeZip([...OFFICE_PARTS(main), { name: 'payload.xml', deflated: bomb }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const file = await put(name, zip);
    const before = process.memoryUsage();
    const e = await refused(file, /compression ratio \d+ \(limit 200\).*refused before inflating/, 2000);
    const after = process.memoryUsage();
    expect(e.reason).toContain('payload.xml');
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a bomb whose declared size exceeds the total inflated limit', () => {
    const zip = writeZip([...OFFICE_PARTS('xl/workbook.xml'), { name: 'payload.xml', deflated: bomb }]);
    expect(() => inspectZip(zip, { maxInflatedBytes: 100 * 1024 * 1024, maxCompressionRatio: 1e9 })).toThrow(
      /declares 209715200 bytes uncompressed \(limit 104857600\)/,
    );
  });

  it.each([
    ['xlsx', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'],
    ['docx', 'word/document.xml', 'word/footnotes.xml'],
  ] as const)('catches a %s whose central directory lies about a size, inflating no more than declared + 1 byte', async (kind, main, part) => {
    const lying = writeZip([...OFFICE_PARTS(main), { name: part, deflated: bomb, declaredSize: 1000 }]);
    expect(inspectZip(lying, { maxInflatedBytes: 1e9, maxCompressionRatio: 200 }).kind).toBe(kind);
    expect(() => guardZip(lying, { maxInflatedBytes: 1e9, maxCompressionRatio: 200 })).toThrow(/inflates past its declared 1000 bytes/);
    const before = process.memoryUsage();
    await refused(await put(`lying.${kind}`, lying), /inflates past its declared 1000 bytes: a ZIP bomb/, 2000);
    expect(process.memoryUsage().arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
  });

  it(`refuses more than ${MAX_ZIP_ENTRIES} entries`, async () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('a') }));
    await refused(await put('many.xlsx', writeZip([...OFFICE_PARTS('xl/workbook.xml'), ...entries])), /entries \(limit 10000\)/);
  });
});

describe('wrong extensions', () => {
  it('reads a PDF named .docx as the PDF it is, with a warning', async () => {
    const doc = await readDocument(await put('really-a-pdf.docx', minimalPdf('Bao cao nam 2023: 8.396,5 tan')));
    expect(doc.format).toBe('pdf');
    expect(doc.messages).toEqual([
      {
        type: 'warning',
        message: 'content is PDF, not DOCX: read as PDF (the extension disagrees with the content)',
        stage: 'read',
        ruleId: 'read:format-mismatch',
      },
    ]);
    expect(doc.blocks.map((b) => b.text).join(' ')).toContain('8.396,5');
  });

  it('reads an XLSX named .docx as XLSX, with a warning', async () => {
    const bytes = await readFile(fileURLToPath(new URL('../fixtures/xlsx/appendix.xlsx', import.meta.url)));
    const file = await put('sheet.docx', bytes);
    const doc = await readDocument(file);
    expect(doc.format).toBe('xlsx');
    // The extension's warning first, then the workbook's own (appendix.xlsx's formula without a value).
    expect(doc.messages).toEqual([
      {
        type: 'warning',
        message: 'content is XLSX, not DOCX: read as XLSX (the extension disagrees with the content)',
        stage: 'read',
        ruleId: 'read:format-mismatch',
      },
      noCachedValue(file, 'Biểu 01', 'G8'),
    ]);
  });
});

describe('prototype pollution and formulas', () => {
  const payload = [
    ['STT', 'Chỉ tiêu', 'ĐVT', '__proto__', 'constructor', 'Thực hiện 2023'],
    [1, '__proto__', 'prototype', 5, 6, { f: '1+1' }],
    [2, 'constructor', 'tấn', 7, 8, { f: 'SUM(A1:A2)', v: 42 }],
    [3, 'polluted', 'ha', 9, 10, { f: "cmd|' /C calc'!A0", v: 3 }],
  ];

  it('a sheet named __proto__ is refused by exceljs in the worker; nothing reaches the main process', async () => {
    const file = await put(
      'proto.xlsx',
      craftedXlsx([
        { name: '__proto__', rows: payload },
        { name: 'prototype', rows: [['x']] },
      ]),
    );
    await refused(file, /prototype pollution\), blocked/, 10_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>)[1]).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('__proto__/constructor/prototype as cell values and header keys are read as plain text; formulas never evaluated', async () => {
    const file = await put(
      'keys.xlsx',
      craftedXlsx([
        { name: 'constructor', rows: payload },
        { name: 'prototype', rows: [['polluted', 'yes']] },
      ]),
    );
    const doc = await readDocument(file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(doc.blocks.map((b) => `${b.sheet}: ${b.text}`)).toEqual([
      'constructor: STT | Chỉ tiêu | ĐVT | __proto__ | constructor | Thực hiện 2023',
      'constructor: 1 | __proto__ | prototype | 5 | 6',
      'constructor: 2 | constructor | tấn | 7 | 8 | 42',
      'constructor: 3 | polluted | ha | 9 | 10 | 3',
      'prototype: polluted | yes',
    ]);
    expect(doc.messages).toEqual([noCachedValue(file, 'constructor', 'F2')]);
    const values = tableValues(doc, new DocumentFile(doc.file));
    expect(values.filter((v) => v.columnHeader === 'Thực hiện 2023').map((v) => [v.label, v.value, v.kind, v.year])).toEqual([
      ['constructor', 42, 'actual', 2023],
      ['polluted', 3, 'actual', 2023],
    ]);
    expect(Object.getPrototypeOf(values[0])).toBe(Object.prototype);
  });

  it('SheetJS parses the same payload only in the worker, with prototypes frozen there', async () => {
    const bytes = craftedXlsx([
      { name: '__proto__', rows: payload },
      { name: 'constructor', rows: [['a']] },
    ]);
    const wb = await runIsolated('xls', 'proto.xlsx', bytes, { timeoutMs: 20_000, maxInflatedBytes: 1e8 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['__proto__']);
    expect(wb.warnings).toEqual(['sheet "constructor" could not be read (its name is reserved)']);
    const f3 = wb.sheets[0]!.cells.find(([r, c]) => r === 3 && c === 6);
    expect(f3).toEqual([3, 6, 'n', 42, '']);
  });
});

describe('time and memory limits of the parse worker', () => {
  it('stops a parse that runs past timeoutMs', async () => {
    const ws = XLSX.utils.aoa_to_sheet(Array.from({ length: 20_000 }, (_, i) => [`row ${i}`, i, i * 2, i * 3]));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'big');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    const start = performance.now();
    const ctx = {
      file: 'slow.xls',
      bytes,
      sha256: '0'.repeat(64),
      format: 'xls' as const,
      limits: { maxBytes: 1e9, maxPages: 1, timeoutMs: 20, maxInflatedBytes: 1e8, maxCompressionRatio: 200, ocr: 'never' as const },
    };
    await expect(readXls(ctx)).rejects.toThrow(/slow\.xls: parsing took longer than 20 ms: stopped/);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('stops a parse that needs more heap than allowed', async () => {
    const ws = XLSX.utils.aoa_to_sheet(Array.from({ length: 60_000 }, (_, i) => [`a long text cell number ${i} `.repeat(4), i, i / 3, `x${i}`]));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'big');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    await expect(runIsolated('xls', 'heavy.xls', bytes, { timeoutMs: 60_000, maxInflatedBytes: 1e8 }, { heapMb: 16 })).rejects.toThrow(
      /heavy\.xls: (parsing needed more than 16 MB of memory|parser stopped unexpectedly)/,
    );
  });
});
