import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../extractors/read.ts';
import type { ReadContext } from '../../extractors/reader.ts';
import { readText } from '../../extractors/text-reader.ts';
import type { ReadMessage } from '../../schema/document.ts';
import { contextOf, refusalOf } from './context.ts';
import { encodeTcvn3, encodeVni } from './legacy-encoders.ts';

const ctxOf = (file: string, bytes: Uint8Array): ReadContext => contextOf('text', file, bytes);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const REPORT = 'Báo cáo tình hình kinh tế - xã hội huyện năm 2023\n\nTổng sản lượng lương thực đạt 8.396,5 tấn\n';
const LINES = ['Báo cáo tình hình kinh tế - xã hội huyện năm 2023', 'Tổng sản lượng lương thực đạt 8.396,5 tấn'];
const legacy = (encoding: string): ReadMessage => ({
  type: 'info',
  message: `legacy ${encoding} text converted to Unicode`,
  stage: 'read',
  ruleId: 'read:legacy-encoding',
});

describe('readText', () => {
  it('reads UTF-8 one block per non-empty line, with nothing to say', async () => {
    const doc = await readText(ctxOf('report.txt', utf8(REPORT)));
    expect(doc.blocks.map((b) => [b.text, b.sourceOffset])).toEqual([
      [LINES[0], 0],
      [LINES[1], REPORT.indexOf('Tổng')],
    ]);
    expect(doc.footnotesLinked).toBe(false);
    expect(doc.messages).toEqual([]);
  });

  it('drops a byte-order mark, silently', async () => {
    const doc = await readText(ctxOf('bom.txt', utf8(`\ufeff${REPORT}`)));
    expect(doc.blocks.map((b) => b.text)).toEqual(LINES);
    expect(doc.messages).toEqual([]);
  });

  it('reads bytes that are not UTF-8 as Windows-1258, and warns', async () => {
    // "Tông" in Windows-1258: 0xF4 is ô.
    const doc = await readText(ctxOf('cp1258.txt', new Uint8Array([0x54, 0xf4, 0x6e, 0x67, 0x0a])));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Tông']);
    expect(doc.messages).toEqual([{ type: 'warning', message: 'not UTF-8: read as Windows-1258', stage: 'read', ruleId: 'read:not-utf8' }]);
  });

  it.each([
    ['one byte appended', (b: Uint8Array) => concat(b, [0xff]), 1, 7],
    ['one byte inside a line', (b: Uint8Array) => concat(b.subarray(0, 5), [0xc0], b.subarray(5)), 1, 1],
    ['a multi-byte letter cut short at the end', (b: Uint8Array) => concat(b, [0xe1, 0xba]), 2, 7],
  ])('reads UTF-8 with %s as UTF-8, the bad bytes replaced and said once', async (_, damage, bad, line) => {
    const doc = await readText(ctxOf('damaged.txt', damage(utf8(`${REPORT}${REPORT}`))));
    const texts = doc.blocks.map((b) => b.text.replace(/\uFFFD/g, '')).filter(Boolean);
    expect(texts).toEqual([...LINES, ...LINES]);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]).toMatchObject({ type: 'warning', ruleId: 'read:invalid-utf8', stage: 'read' });
    expect(doc.messages[0]!.message).toContain(`${bad} byte`);
    expect(doc.messages[0]!.message).toContain(`line ${line}`);
    const block = doc.messages[0]!.place!.block!;
    expect(doc.blocks[block]!.text.charAt(doc.messages[0]!.place!.start!)).toBe('\uFFFD');
  });

  it('refuses text pasted together from UTF-8 and Windows-1258, saying why', async () => {
    // "Tông " fifty times in Windows-1258, after a UTF-8 report
    const cp1258 = Array.from({ length: 50 }, () => [0x54, 0xf4, 0x6e, 0x67, 0x20]).flat();
    const bytes = concat(utf8(REPORT.repeat(2)), cp1258);
    await expect(readText(ctxOf('mixed.txt', bytes))).rejects.toThrow(/mixed encodings: \d+ UTF-8 letters and 50 bytes/);
  });

  it.each([
    ['TCVN3', encodeTcvn3],
    ['VNI', encodeVni],
  ])('converts text typed in %s to Unicode, and says so once', async (encoding, encode) => {
    const doc = await readText(ctxOf('legacy.txt', utf8(encode(REPORT))));
    expect(doc.blocks.map((b) => b.text)).toEqual(LINES);
    expect(doc.messages).toEqual([legacy(encoding)]);
  });

  it('refuses what holds NUL bytes or no text', async () => {
    expect(await refusalOf(readText, ctxOf('nul.txt', new Uint8Array([0x41, 0x00, 0x42])))).toBe('binary content: not a text file');
    expect(await refusalOf(readText, ctxOf('blank.txt', utf8(' \n\n\t\n')))).toBe('empty: no text in the file');
  });
});

describe('readDocument on text', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baocao-text-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a .txt or .md file with the text reader, with its messages only', async () => {
    for (const name of ['report.txt', 'report.md']) {
      const file = join(dir, name);
      await writeFile(file, encodeTcvn3(REPORT));
      const doc = await readDocument(file);
      expect(doc.format).toBe('text');
      expect(doc.messages).toEqual([legacy('TCVN3')]);
    }
  });
});
