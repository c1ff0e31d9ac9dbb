import type { Format } from '../schema/document.ts';

/**
 * Tells a file's format from its bytes, never from its name. ZIP containers (DOCX/XLSX) are told apart
 * by the zip guard from their entry names; OLE containers (XLS/DOC) here, from their directory.
 */
export type Sniffed = Format | 'zip' | 'ole' | 'encrypted-office' | 'unknown';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** How far into a file a PDF header may sit (Acrobat accepts junk before it). */
const PDF_HEADER_WINDOW = 1024;
/** Bytes looked at to tell text from binary. */
const TEXT_WINDOW = 8192;

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) return 'unknown';
  if (buf.subarray(0, PDF_HEADER_WINDOW).indexOf('%PDF-', 0, 'latin1') !== -1) return 'pdf';
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05) && (buf[3] === 0x04 || buf[3] === 0x06)) return 'zip';
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) return sniffOle(buf);
  return looksLikeText(buf.subarray(0, TEXT_WINDOW)) ? 'text' : 'unknown';
}

/** UTF-8, UTF-16 with a BOM, or a legacy 8-bit code page: no NUL bytes and few control characters. */
function looksLikeText(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= head.length * 0.01;
}

/** Names of the OLE streams that say what a compound file holds. */
const OLE_STREAMS: ReadonlyArray<readonly [string, Sniffed]> = [
  ['EncryptedPackage', 'encrypted-office'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
  ['WordDocument', 'doc'],
];

/**
 * Walks the OLE directory chain (bounded: a looping or out-of-range chain stops the walk) and looks for
 * the stream names that say what the file is.
 */
function sniffOle(buf: Buffer): Sniffed {
  if (buf.length < 512) return 'unknown';
  const sectorSize = 1 << buf.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return 'unknown';
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const fatSectors: number[] = [];
  const fatCount = buf.readUInt32LE(0x2c);
  for (let i = 0; i < Math.min(109, fatCount); i++) fatSectors.push(buf.readInt32LE(0x4c + 4 * i));
  const entriesPerFat = sectorSize / 4;
  const next = (s: number): number => {
    const fat = fatSectors[Math.floor(s / entriesPerFat)];
    if (fat === undefined || fat < 0) return -1;
    const at = sectorOffset(fat) + 4 * (s % entriesPerFat);
    return at + 4 <= buf.length ? buf.readInt32LE(at) : -1;
  };
  const names = new Set<string>();
  let sector = buf.readInt32LE(0x30);
  const seen = new Set<number>();
  while (sector >= 0 && !seen.has(sector) && seen.size < 4096) {
    seen.add(sector);
    const start = sectorOffset(sector);
    if (start + sectorSize > buf.length) break;
    for (let e = start; e < start + sectorSize; e += 128) {
      const nameLen = buf.readUInt16LE(e + 64);
      if (nameLen >= 2 && nameLen <= 64) names.add(buf.toString('utf16le', e, e + nameLen - 2));
    }
    sector = next(sector);
  }
  for (const [name, format] of OLE_STREAMS) if (names.has(name)) return format;
  return 'ole';
}

/** What a file's extension promises, to warn when the content says otherwise. */
export const EXTENSION_FORMATS: Readonly<Record<string, Format>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.docm': 'docx',
  '.doc': 'doc',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.txt': 'text',
  '.md': 'text',
};
