import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { DocumentModel, Format } from '../schema/document.ts';
import { DEFAULT_LIMITS, ReadError, type ReadLimits } from './reader.ts';

/**
 * Tells a file's format from its first bytes, never from its name.
 * ZIP containers are told apart (DOCX/XLSX) by the readers that open them.
 */
export function sniffFormat(bytes: Uint8Array): Format | 'zip' | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  return 'text';
}

/** Reads one file into the document model, or throws a ReadError with a one-line reason. */
export async function readDocument(file: string, limits: Partial<ReadLimits> = {}): Promise<DocumentModel> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) throw new ReadError(file, 'not a readable file');
  if (info.size === 0) throw new ReadError(file, 'empty file (0 bytes)');
  if (info.size > lim.maxBytes) throw new ReadError(file, `too large: ${info.size} bytes (limit ${lim.maxBytes})`);
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'text') {
    const { readText } = await import('./text-reader.ts');
    return readText({ file, bytes, sha256, limits: lim, format: 'text' });
  }
  throw new ReadError(file, `format not supported yet (${sniffed})`);
}
