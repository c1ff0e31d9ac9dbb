import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { sniffFormat } from '../../extractors/read.ts';
import { minimalPdf } from './hostile-files.ts';
import { writeZip } from './zip-writer.ts';

const CORPUS = '/work/shared/corpus/real';

function biff8(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1]]), 'S');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

describe('sniffFormat', () => {
  it.each([
    ['a PDF', minimalPdf('x'), 'pdf'],
    ['a PDF after junk bytes', Buffer.concat([Buffer.from('\r\n\r\n'), minimalPdf('x')]), 'pdf'],
    ['a ZIP', writeZip([{ name: 'a', data: Buffer.from('b') }]), 'zip'],
    ['an empty ZIP', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'zip'],
    ['an Excel 97 workbook', biff8(), 'xls'],
    ['UTF-8 Vietnamese text', Buffer.from('Tổng sản lượng 8.396,5 tấn\n'), 'text'],
    ['Windows-1258 text', Buffer.from([0x54, 0xf4, 0x6e, 0x67, 0x20, 0xd2, 0x0a]), 'text'],
    ['UTF-16 text with a BOM', Buffer.from('\ufeffABC', 'utf16le'), 'text'],
    ['binary with NUL bytes', Buffer.from([1, 2, 0, 4, 5, 6]), 'unknown'],
    ['nothing', Buffer.alloc(0), 'unknown'],
  ] as const)('%s', (_what, bytes, format) => {
    expect(sniffFormat(bytes)).toBe(format);
  });

  it('an OLE file with no known stream is neither XLS nor DOC', () => {
    const bytes = biff8();
    // Rename the Workbook stream in the directory: the file is then an OLE container of unknown kind.
    const renamed = Buffer.from(bytes.toString('latin1').replace('W\0o\0r\0k\0b\0o\0o\0k\0', 'X\0o\0r\0k\0b\0o\0o\0k\0'), 'latin1');
    expect(sniffFormat(renamed)).toBe('ole');
  });

  it.skipIf(!existsSync(CORPUS))('tells the corpus .doc and .xls apart by their OLE directory', () => {
    expect(sniffFormat(readFileSync(join(CORPUS, 'lamdong_bc_de_an_06_2025-11-20.doc')))).toBe('doc');
    expect(sniffFormat(readFileSync(join(CORPUS, 'gso_so_lieu_2018.xls')))).toBe('xls');
    expect(sniffFormat(readFileSync(join(CORPUS, 'dahuoai_so_lieu_2015-2025_cuc_thong_ke.xls')))).toBe('xls');
    expect(sniffFormat(readFileSync(join(CORPUS, 'lamdong_bc_cchc_nam2025.docx')))).toBe('zip');
    expect(sniffFormat(readFileSync(join(CORPUS, 'lamdong_ttr239_de_an_06_2026-03_scanned.pdf')))).toBe('pdf');
  });
});
