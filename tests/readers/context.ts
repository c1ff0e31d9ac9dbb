import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DEFAULT_LIMITS, type ReadContext, ReadError, type Reader, type ReadLimits } from '../../extractors/reader.ts';
import type { ReadMessage } from '../../schema/document.ts';

/** What read.ts hands a format reader: the file's bytes (read from disk unless given), hash and limits. */
export function contextOf(
  format: ReadContext['format'],
  file: string,
  bytes: Uint8Array = new Uint8Array(readFileSync(file)),
  limits: Partial<ReadLimits> = {},
): ReadContext {
  return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), limits: { ...DEFAULT_LIMITS, ...limits }, format };
}

/** The reason a reader refuses `ctx` with; fails the test when it reads the file or throws anything else. */
export async function refusalOf(read: Reader, ctx: ReadContext): Promise<string> {
  try {
    await read(ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).file).toBe(ctx.file);
    return (err as ReadError).reason;
  }
  throw new Error('expected a ReadError');
}

/** The workbook readers' warning for a formula cell saved without its value. Unlike other readers' messages, it starts with the file. */
export const noCachedValue = (file: string, sheet: string, cell: string): ReadMessage => ({
  type: 'warning',
  message: `${file}: sheet ${JSON.stringify(sheet)} cell ${cell}: formula with no cached value, left empty (formulas are never evaluated)`,
  stage: 'read',
  ruleId: 'read:formula-without-value',
  place: { sheet, cell },
});
