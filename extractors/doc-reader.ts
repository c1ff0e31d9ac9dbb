import type { Block, DocumentModel, ReadMessage } from '../schema/document.ts';
import { cleanText } from './clean-text.ts';
import { detectEncoding, toUnicode } from './legacy-encoding.ts';
import type { Reader } from './reader.ts';
import { ReadError } from './reader.ts';
import { runIsolated } from './xlsx-isolate.ts';

/**
 * Legacy Word 97-2003 `.doc` through word-extractor, in the isolated worker (a binary OLE parser fed
 * hostile bytes gets the same time and memory limits as SheetJS). Paragraphs become blocks; footnote
 * bodies become `footnote` blocks numbered in order. The binary format's reference marks are not
 * recovered, so footnotes are not linked: the footnotes stage treats them like a text file's.
 */
export const readDoc: Reader = async (ctx) => {
  const doc = await runIsolated('doc', ctx.file, ctx.bytes, ctx.limits);
  const messages: ReadMessage[] = [];
  const encoding = detectEncoding(`${doc.body}\n${doc.footnotes}`);
  if (encoding !== 'unicode')
    messages.push({ type: 'info', message: `legacy ${encoding.toUpperCase()} text converted to Unicode`, stage: 'read', ruleId: 'read:legacy-encoding' });
  const decode = (s: string): string => toUnicode(s, encoding).text;
  const blocks: Block[] = [];
  let offset = 0;
  for (const line of decode(doc.body).split('\n')) {
    const text = cleanText(line).replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ index: blocks.length, kind: 'paragraph', text, sourceOffset: offset });
    offset += line.length + 1;
  }
  if (blocks.length === 0) throw new ReadError(ctx.file, 'no text in the Word document');
  const notes = decode(doc.footnotes)
    .split('\n')
    .map((l) => cleanText(l).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const [i, text] of notes.entries()) blocks.push({ index: blocks.length, kind: 'footnote', text, footnote: i + 1 });
  if (notes.length > 0) {
    messages.push({
      type: 'info',
      message: `${notes.length} footnote bodies read; their reference marks are not recovered from .doc`,
      stage: 'read',
      ruleId: 'read:doc-marks-lost',
    });
  }
  return { file: ctx.file, sha256: ctx.sha256, format: 'doc', blocks, footnotesLinked: false, messages } satisfies DocumentModel;
};
