import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { liftFootnotes } from '../../pipeline/stages/footnotes.ts';
import type { DocumentModel } from '../../schema/document.ts';

function doc(lines: string[]): DocumentModel {
  return {
    file: 't.txt',
    sha256: 'a'.repeat(64),
    format: 'text',
    blocks: lines.map((text, index) => ({ index, kind: 'paragraph', text })),
    footnotesLinked: false,
    messages: [],
  };
}

/** The stage with a context of its own; the messages it gave are `file.messages`. */
function lift(d: DocumentModel): DocumentModel & { file: DocumentFile } {
  const file = new DocumentFile(d.file);
  return Object.assign(liftFootnotes(d, file), { file });
}

const flow = (d: DocumentModel) => d.blocks.filter((b) => b.kind !== 'footnote').map((b) => b.text);
const notes = (d: DocumentModel) => Object.fromEntries(d.blocks.filter((b) => b.kind === 'footnote').map((b) => [b.footnote, b.text]));

describe('footnotes stage (text converted from Word)', () => {
  it('lifts the bodies out and rejoins the paragraph they cut at a page break', () => {
    const out = lift(
      doc([
        'Trồng mới 337,3ha cây Dong riêng¹, 113ha cây Mía². Đồng thời mở rộng diện tích cây được',
        '¹ Tăng 231,60ha so với cùng kỳ.',
        '² Trong đó: diện tích mía liên kết là 105ha.',
        'liệu quý; lũy kế 18,469ha.',
      ]),
    );
    expect(flow(out)).toEqual(['Trồng mới 337,3ha cây Dong riêng¹, 113ha cây Mía². Đồng thời mở rộng diện tích cây được liệu quý; lũy kế 18,469ha.']);
    expect(notes(out)).toEqual({ 1: 'Tăng 231,60ha so với cùng kỳ.', 2: 'Trong đó: diện tích mía liên kết là 105ha.' });
    expect(out.footnotesLinked).toBe(true);
    expect(out.file.messages).toEqual([]);
  });

  it('continues a footnote that ran over a page before the next page’s own footnotes', () => {
    // Page 1 ends with footnote 1 cut short; page 2's text is cut too, and its footnote area starts
    // with the rest of footnote 1 before footnote 2.
    const out = lift(
      doc([
        'Xử lý vi phạm lâm luật¹.',
        '¹ Cấp huyện xử lý 13 vụ (hành vi ken',
        'Tỷ lệ hộ dân sống ở',
        'cây trái phép: 04 vụ).',
        '² Tăng do diện tích nuôi cá nước lạnh.',
        'nông thôn được sử dụng nước hợp vệ sinh là 89%².',
      ]),
    );
    expect(flow(out)).toEqual(['Xử lý vi phạm lâm luật¹.', 'Tỷ lệ hộ dân sống ở nông thôn được sử dụng nước hợp vệ sinh là 89%².']);
    expect(notes(out)[1]).toBe('Cấp huyện xử lý 13 vụ (hành vi ken cây trái phép: 04 vụ).');
  });

  it('keeps a numbered list and bullets inside the footnote that holds them', () => {
    const out = lift(
      doc([
        'Thiệt hại do thiên tai¹ được khắc phục kịp thời, đảm bảo',
        '¹1. Thiệt hại về nhà ở: 167 nhà.',
        '2. Thiệt hại về nông nghiệp: 713,42 ha.',
        '- Chăn nuôi: 07 con gia súc.',
        'an toàn cho nhân dân.',
        '2. Lĩnh vực văn hóa – Xã hội',
      ]),
    );
    expect(notes(out)[1]).toBe('1. Thiệt hại về nhà ở: 167 nhà.\n2. Thiệt hại về nông nghiệp: 713,42 ha.\n- Chăn nuôi: 07 con gia súc.');
    expect(flow(out)).toEqual(['Thiệt hại do thiên tai¹ được khắc phục kịp thời, đảm bảo an toàn cho nhân dân.', '2. Lĩnh vực văn hóa – Xã hội']);
  });

  it('reports a mark without a body and a body without a mark, and never takes m² for a mark', () => {
    const out = lift(doc(['Xây dựng 2.500m² nhà văn hóa³.', '⁴ Một chú thích lạc.']));
    expect(out.file.messages).toEqual([
      { type: 'warning', message: 'footnote mark 3 has no body', stage: 'footnotes', ruleId: 'footnotes:no-body', place: { block: 0, start: 28, end: 29 } },
      { type: 'warning', message: 'footnote 4 has no mark in the text', stage: 'footnotes', ruleId: 'footnotes:no-mark', place: { block: 1 } },
    ]);
  });
});
