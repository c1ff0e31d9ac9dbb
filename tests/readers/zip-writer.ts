/**
 * A small ZIP writer for tests: real entries, or entries whose central directory lies about their size,
 * to build ZIP bombs and crafted Office files without committing them.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  /** bytes to store deflated */
  data?: Buffer;
  /** an already deflated stream, with the size and CRC it inflates to */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** uncompressed size to write in the headers instead of the true one */
  declaredSize?: number;
}

export function writeZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ?? { bytes: deflateRawSync(e.data ?? Buffer.alloc(0)), size: e.data?.length ?? 0, crc: crc32(e.data ?? Buffer.alloc(0)) };
    const size = e.declaredSize ?? body.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.crc >>> 0, 14);
    local.writeUInt32LE(body.bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.crc >>> 0, 16);
    central.writeUInt32LE(body.bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body.bytes);
    centrals.push(central, name);
    offset += 30 + name.length + body.bytes.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** `size` bytes of zeros as one deflate stream, built 1 MB at a time so the test never holds them all. */
export async function deflatedZeros(size: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  async function* zeros(): AsyncGenerator<Buffer> {
    for (let done = 0; done < size; done += chunk.length) {
      const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
      crc = crc32(piece, crc);
      yield piece;
    }
  }
  const parts: Buffer[] = [];
  await pipeline(Readable.from(zeros()), createDeflateRaw({ level: 9 }), async (source: AsyncIterable<Buffer>) => {
    for await (const part of source) parts.push(part);
  });
  return { bytes: Buffer.concat(parts), size, crc };
}
