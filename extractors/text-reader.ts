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
  // isUtf8 is as strict as a fatal TextDecoder (no surrogates, no overlongs) and several times faster.
  if (isUtf8(buf)) {
    decoded = utf8ToString(buf);
    // What TextDecoder would have dropped: one byte-order mark.
    if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
  } else {
    // Old archives hold Windows-1258 text too; read it as such rather than refuse it.
    decoded = new TextDecoder('windows-1258').decode(ctx.bytes);
    messages.push({ type: 'warning', message: 'not UTF-8: read as Windows-1258', stage: 'read', ruleId: 'read:not-utf8' });
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
  return { file: ctx.file, sha256: ctx.sha256, format: 'text', blocks, footnotesLinked: false, messages };
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
