import { isUtf8, transcode } from 'node:buffer';
import type { Block, DocumentModel } from '../schema/document.ts';
import { cleanText } from './clean-text.ts';
import { toUnicode } from './legacy-encoding.ts';
import type { ReadContext } from './reader.ts';
import { ReadError } from './reader.ts';

/**
 * Reads plain text and Markdown: one block per non-empty line (reports converted from Word put one
 * paragraph on a line). Footnote bodies stay in the flow here; the footnotes stage lifts them out.
 */
export async function readText(ctx: ReadContext): Promise<DocumentModel> {
  const messages: DocumentModel['messages'] = [];
  const buf = Buffer.from(ctx.bytes.buffer, ctx.bytes.byteOffset, ctx.bytes.byteLength);
  let decoded: string;
  /** the message about replaced bytes, given its block once the lines are blocks */
  let replaced = -1;
  // isUtf8 is as strict as a fatal TextDecoder (no surrogates, no overlongs) and several times faster.
  if (isUtf8(buf)) {
    decoded = utf8ToString(buf);
    // What TextDecoder would have dropped: one byte-order mark.
    if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
  } else {
    const evidence = utf8Evidence(buf);
    if (looksUtf8(evidence)) {
      // One stray byte (a truncated copy, a byte appended by a tool) must not turn a UTF-8 report into
      // Windows-1258 mojibake: the bytes that are not UTF-8 are replaced, said, and the rest kept.
      decoded = new TextDecoder('utf-8', { fatal: false }).decode(buf);
      if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
      const where = lineOf(buf, evidence.firstInvalid);
      messages.push({
        type: 'warning',
        message: `${evidence.invalid} byte${evidence.invalid === 1 ? ' is' : 's are'} not UTF-8 (first on line ${where}): replaced with U+FFFD, the rest read as UTF-8`,
        stage: 'read',
        ruleId: 'read:invalid-utf8',
      });
      replaced = messages.length - 1;
    } else if (mixesEncodings(evidence)) {
      // Either reading would lose a large part of the text, silently: better a failure that says why.
      throw new ReadError(
        ctx.file,
        `mixed encodings: ${evidence.multibyte} UTF-8 letters and ${evidence.invalid} bytes that are not UTF-8 (first on line ${lineOf(buf, evidence.firstInvalid)}); save the file as UTF-8 and load it again`,
      );
    } else {
      // Old archives hold Windows-1258 text too; read it as such rather than refuse it.
      decoded = new TextDecoder('windows-1258').decode(ctx.bytes);
      messages.push({ type: 'warning', message: 'not UTF-8: read as Windows-1258', stage: 'read', ruleId: 'read:not-utf8' });
    }
  }
  if (decoded.includes('\u0000')) throw new ReadError(ctx.file, 'binary content: not a text file');
  decoded = decoded.replace(/^\uFEFF/, '');
  const legacy = toUnicode(decoded);
  if (legacy.encoding !== 'unicode') {
    messages.push({
      type: 'info',
      message: `legacy ${legacy.encoding.toUpperCase()} text converted to Unicode`,
      stage: 'read',
      ruleId: 'read:legacy-encoding',
    });
  }
  // Cleaned in one pass: NFC never composes across a line break, so this equals cleaning line by line,
  // and the lines keep their count. Offsets still count the uncleaned text.
  const raw = legacy.text;
  const cleaned = cleanText(raw).split('\n');
  const blocks: Block[] = [];
  let offset = 0;
  for (const line of cleaned) {
    const text = line.trim();
    const end = raw.indexOf('\n', offset);
    if (text) blocks.push({ index: blocks.length, kind: 'paragraph', text, sourceOffset: offset });
    offset = end < 0 ? raw.length + 1 : end + 1;
  }
  if (blocks.length === 0) throw new ReadError(ctx.file, 'empty: no text in the file');
  const message = messages[replaced];
  if (message) {
    const block = blocks.find((b) => b.text.includes('\uFFFD'));
    if (block) {
      const start = block.text.indexOf('\uFFFD');
      message.place = { block: block.index, start, end: start + 1 };
    }
  }
  return { file: ctx.file, sha256: ctx.sha256, format: 'text', blocks, footnotesLinked: false, messages };
}

interface Utf8Evidence {
  /** well-formed sequences of two to four bytes: the non-ASCII letters UTF-8 spells */
  multibyte: number;
  /** bytes that start no well-formed sequence */
  invalid: number;
  /** runs of such bytes: one damaged spot, however many bytes it spans */
  runs: number;
  firstInvalid: number;
}

/**
 * Counts, in one pass, what says UTF-8 and what says otherwise. A Windows-1258 (or Latin) file has
 * almost no byte runs that happen to be well-formed UTF-8, since its accented letters are single bytes
 * above 0x7F followed by ASCII; a UTF-8 file damaged in places has many.
 */
export function utf8Evidence(buf: Uint8Array): Utf8Evidence {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let runs = 0;
  let lastInvalid = -2;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const c = buf[i + k]!;
      if (c < 0x80 || c > 0xbf) ok = false;
    }
    // the shortest form only, and no surrogates or code points past U+10FFFF, as isUtf8 holds
    if (ok && len === 3) {
      const c = buf[i + 1]!;
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) ok = false;
    }
    if (ok && len === 4) {
      const c = buf[i + 1]!;
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) ok = false;
    }
    if (ok) {
      multibyte++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      if (lastInvalid !== i - 1) runs++;
      lastInvalid = i;
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid, runs, firstInvalid };
}

/**
 * UTF-8 with a few bad bytes, rather than another encoding: well-formed sequences outnumber the bad
 * spots many times over. Vietnamese in UTF-8 has a multi-byte letter every few characters, so even a
 * short damaged report passes; a Windows-1258 file has next to none and fails.
 */
function looksUtf8(e: Utf8Evidence): boolean {
  return e.multibyte >= 8 && e.multibyte >= 10 * e.runs;
}

/** Both encodings have a large share of the text: a file pasted together from two. */
function mixesEncodings(e: Utf8Evidence): boolean {
  return e.multibyte >= 8 && 10 * e.multibyte > e.runs;
}

/** 1-based line of a byte offset. */
function lineOf(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/**
 * Valid UTF-8 to a string. On Node 20 `toString('utf8')` and TextDecoder are slow on non-ASCII text;
 * ICU's transcoding to UTF-16 and a copy into a string is much faster, with the same result (the input
 * is known valid). A Node built without ICU has no transcode: then the slow way.
 */
function utf8ToString(buf: Buffer): string {
  try {
    return transcode(buf, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return buf.toString('utf8');
  }
}
