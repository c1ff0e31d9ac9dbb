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
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(ctx.bytes);
  } catch {
    // Old archives hold Windows-1258 text too; read it as such rather than refuse it.
    decoded = new TextDecoder('windows-1258').decode(ctx.bytes);
    messages.push({ type: 'warning', message: 'not UTF-8: read as Windows-1258', stage: 'read' });
  }
  if (decoded.includes('\u0000')) throw new ReadError(ctx.file, 'binary content: not a text file');
  decoded = decoded.replace(/^\uFEFF/, '');
  const legacy = toUnicode(decoded);
  if (legacy.encoding !== 'unicode') {
    messages.push({ type: 'info', message: `legacy ${legacy.encoding.toUpperCase()} text converted to Unicode`, stage: 'read' });
  }
  const blocks: Block[] = [];
  let offset = 0;
  for (const line of legacy.text.split('\n')) {
    const text = cleanText(line.replace(/\r$/, '')).trim();
    if (text) blocks.push({ index: blocks.length, kind: 'paragraph', text, sourceOffset: offset });
    offset += line.length + 1;
  }
  if (blocks.length === 0) throw new ReadError(ctx.file, 'empty: no text in the file');
  return { file: ctx.file, sha256: ctx.sha256, format: 'text', blocks, footnotesLinked: false, messages };
}
