import { inflateRawSync } from 'node:zlib';
import type { ReadLimits } from './reader.ts';

/**
 * Checks a ZIP container (DOCX, XLSX) from its central directory before any library inflates it, so a
 * ZIP bomb is refused in bounded time and memory. Then each entry is inflated once with its declared size
 * as a hard cap, which proves the directory told the truth before a library trusts it.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipInspection {
  /** what the entry names say the container is */
  kind: 'docx' | 'xlsx' | 'zip';
  entries: ZipEntry[];
  totalUncompressed: number;
}

/** More entries than any report needs; thousands of tiny entries are a bomb of another kind. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Entries below this size may compress as well as they like: small XML parts of real files reach ratios near 100. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export class ZipRefused extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

function findEocd(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused('not a ZIP container: no end-of-central-directory record');
}

function need(buf: Buffer, at: number, len: number, what: string): void {
  if (at < 0 || at + len > buf.length) throw new ZipRefused(`damaged ZIP: ${what} lies outside the file`);
}

/** Reads the central directory; throws ZipRefused when it is damaged or breaks a limit. */
export function inspectZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxInflatedBytes' | 'maxCompressionRatio'>): ZipInspection {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw new ZipRefused('not a ZIP container: too short');
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    need(buf, at, 56, 'ZIP64 directory record');
    if (buf.readUInt32LE(at) !== EOCD64) throw new ZipRefused('damaged ZIP: bad ZIP64 directory record');
    count = Number(buf.readBigUInt64LE(at + 32));
    dirSize = Number(buf.readBigUInt64LE(at + 40));
    dirOffset = Number(buf.readBigUInt64LE(at + 48));
  }
  if (count > MAX_ZIP_ENTRIES) throw new ZipRefused(`ZIP has ${count} entries (limit ${MAX_ZIP_ENTRIES})`);
  need(buf, dirOffset, dirSize, 'central directory');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    need(buf, p, 46, 'central directory entry');
    if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('damaged ZIP: bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    need(buf, p + 46, nameLen + extraLen + commentLen, 'entry name');
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf, p + 46 + nameLen, extraLen, entry);
    checkEntry(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxInflatedBytes) {
      throw new ZipRefused(`ZIP would inflate to more than ${limits.maxInflatedBytes} bytes (limit); refused before inflating`);
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  const names = new Set(entries.map((e) => e.name));
  const kind = names.has('word/document.xml') ? 'docx' : names.has('xl/workbook.xml') ? 'xlsx' : 'zip';
  return { kind, entries, totalUncompressed: total };
}

/** Sizes of 0xFFFFFFFF mean "see the ZIP64 extra field", where a bomb may declare anything. */
function readZip64Extra(buf: Buffer, at: number, len: number, entry: ZipEntry): void {
  const end = at + len;
  while (at + 4 <= end) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let q = at + 4;
      const next = (): number => {
        need(buf, q, 8, 'ZIP64 field');
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function checkEntry(e: ZipEntry, limits: Pick<ReadLimits, 'maxInflatedBytes' | 'maxCompressionRatio'>): void {
  if (e.flags & 0x1) throw new ZipRefused(`encrypted ZIP entry ${JSON.stringify(e.name)}`);
  if (e.method !== 0 && e.method !== 8)
    throw new ZipRefused(`ZIP entry ${JSON.stringify(e.name)} uses compression method ${e.method} (only stored and deflate are read)`);
  if (e.uncompressedSize > limits.maxInflatedBytes) {
    throw new ZipRefused(
      `ZIP entry ${JSON.stringify(e.name)} declares ${e.uncompressedSize} bytes uncompressed (limit ${limits.maxInflatedBytes}); refused before inflating`,
    );
  }
  if (e.uncompressedSize > RATIO_FLOOR_BYTES) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (ratio > limits.maxCompressionRatio) {
      throw new ZipRefused(
        `ZIP entry ${JSON.stringify(e.name)} has compression ratio ${Math.round(ratio)} (limit ${limits.maxCompressionRatio}): a ZIP bomb; refused before inflating`,
      );
    }
  }
}

/**
 * Inflates every entry with its declared size as the cap (memory stays within one entry's declared
 * size). Throws ZipRefused when an entry holds more than declared: a directory that lies.
 */
export function verifyZipSizes(bytes: Uint8Array, inspection: ZipInspection): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of inspection.entries) {
    const at = e.localHeaderOffset;
    need(buf, at, 30, `local header of ${e.name}`);
    if (buf.readUInt32LE(at) !== LOCAL) throw new ZipRefused(`damaged ZIP: bad local header for ${JSON.stringify(e.name)}`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    need(buf, start, e.compressedSize, `data of ${e.name}`);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw new ZipRefused(`damaged ZIP: stored entry ${JSON.stringify(e.name)} has two sizes`);
      continue;
    }
    let out: Buffer;
    try {
      // One byte over the declared size is enough to catch a lie without inflating the rest.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize + 1) });
    } catch (err) {
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipRefused(`ZIP entry ${JSON.stringify(e.name)} inflates past its declared ${e.uncompressedSize} bytes: a ZIP bomb`);
      }
      throw new ZipRefused(`damaged ZIP: entry ${JSON.stringify(e.name)} does not inflate (${(err as Error).message})`);
    }
    if (out.length !== e.uncompressedSize) {
      throw new ZipRefused(`damaged ZIP: entry ${JSON.stringify(e.name)} inflates to ${out.length} bytes, not the declared ${e.uncompressedSize}`);
    }
  }
}

/** Both checks: the directory before inflating, then the truth of its sizes. */
export function guardZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxInflatedBytes' | 'maxCompressionRatio'>): ZipInspection {
  const inspection = inspectZip(bytes, limits);
  verifyZipSizes(bytes, inspection);
  return inspection;
}
