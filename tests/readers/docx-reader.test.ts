import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../extractors/docx-reader.ts';
import type { ReadContext } from '../../extractors/reader.ts';
import { type Block, DocumentModel, type ReadMessage } from '../../schema/document.ts';
import { renderDocx, zip } from '../fixtures/render/render.ts';
import { contextOf, refusalOf } from './context.ts';
import { encodeTcvn3 } from './legacy-encoders.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERED = join(ROOT, 'tests/fixtures/rendered');
const GOLD = resolve(ROOT, '../shared/gold/agriculture-2023.txt');
const CORPUS = resolve(ROOT, '../shared/corpus');

const ctxOf = (file: string, bytes?: Uint8Array): ReadContext => contextOf('docx', file, bytes);
const refusal = (ctx: ReadContext): Promise<string> => refusalOf(readDocx, ctx);

const flowOf = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'footnote');
const info = (message: string, ruleId = 'read:mammoth'): ReadMessage => ({ type: 'info', stage: 'read', message, ruleId });
const notesOf = (blocks: Block[]) => blocks.filter((b) => b.kind === 'footnote');

/** The gold text's sentences, flow and footnote bodies (marks kept where they sit), as the reader must give them. */
function goldSentences(): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(GOLD, 'utf8').split('\n')) {
    const line = raw.trim().replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/u, '');
    if (!line) continue;
    for (const s of line.split(/(?<=[.;])\s+/u)) if (s.length > 12) out.push(s);
  }
  return out;
}

function goldFootnotes(): Map<number, string> {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const notes = new Map<number, string>();
  for (const line of readFileSync(GOLD, 'utf8').split('\n')) {
    const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/u.exec(line.trim());
    if (m) notes.set(Number([...m[1]!].map((c) => digits.indexOf(c)).join('')), m[2]!);
  }
  return notes;
}

describe('readDocx on the gold excerpt rendered with real Word footnotes', async () => {
  const doc = await readDocx(ctxOf(join(RENDERED, 'agriculture-2023.docx')));

  it('returns a valid document model with linked footnotes, and nothing to warn about', () => {
    expect(() => DocumentModel.parse(doc)).not.toThrow();
    expect(doc.format).toBe('docx');
    expect(doc.messages).toEqual([]);
    expect(doc.footnotesLinked).toBe(true);
    expect(doc.blocks.map((b) => b.index)).toEqual(doc.blocks.map((_, i) => i));
    // Bodies come after the flow.
    const firstNote = doc.blocks.findIndex((b) => b.kind === 'footnote');
    expect(doc.blocks.slice(firstNote).every((b) => b.kind === 'footnote')).toBe(true);
  });

  it('writes reference marks as superscript digits where they sat', () => {
    const block = doc.blocks.find((b) => b.text.includes('Diện tích gieo trồng 4.623,3ha¹ đạt 100,8%'));
    expect(block?.kind).toBe('paragraph');
    expect(block!.text).toContain('Diện tích 3.773,2ha² đạt 100,08%');
    expect(block!.text).toContain('sản lượng 14.472 tấn, đạt 98,85% so với kế hoạch³.');
    const all = flowOf(doc.blocks)
      .map((b) => b.text)
      .join('\n');
    for (const mark of ['cây cao su⁴;', '754,2ha chè⁵,', 'Dong riêng⁶,', 'cây Mía⁷;', 'cây thảo quả⁸.', '18,469ha⁹.']) expect(all).toContain(mark);
    // Nothing of mammoth's `[1]` link text survives.
    expect(all).not.toMatch(/\[\d+\]|↑/);
  });

  it('yields the nine footnote bodies numbered 1..9, starting as in the text', () => {
    const notes = notesOf(doc.blocks);
    expect(notes.map((b) => b.footnote)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const gold = goldFootnotes();
    for (const b of notes) {
      expect(b.text.startsWith(gold.get(b.footnote!)!.slice(0, 40))).toBe(true);
      expect(b.text).not.toMatch(/^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]/u);
    }
  });

  it('keeps the paragraph the page break cut ("cây được … liệu quý") whole', () => {
    const whole = doc.blocks.filter((b) => b.text.includes('cây được liệu quý'));
    expect(whole).toHaveLength(1);
    expect(whole[0]!.text.startsWith('- *Một số cây trồng khác*: Triển khai trồng mới 337,3ha')).toBe(true);
    expect(whole[0]!.text.endsWith('trên địa bàn huyện 18,469ha⁹.')).toBe(true);
  });

  it('writes italic topic labels as *…* and records them as emphasis', () => {
    const b = doc.blocks.find((x) => x.text.startsWith('- *Cây lương thực có hạt*: Tổng diện tích'))!;
    expect(b).toBeDefined();
    const ranges = (b.emphasis ?? []).map(([s, e]) => b.text.slice(s, e));
    expect(ranges).toContain('Cây lương thực có hạt');
    const fn1 = notesOf(doc.blocks)[0]!;
    expect(fn1.text).toContain('(i) *Lúa Đông xuân 2022-2023*: Diện tích gieo cấy 754,80ha');
    // Bold headings are emphasis only: no markup that would hide their numbering from the segmenter.
    const heading = doc.blocks.find((x) => x.text.startsWith('1.1.1. Sản xuất nông nghiệp'))!;
    expect(heading.text).toBe('1.1.1. Sản xuất nông nghiệp');
    expect(heading.emphasis).toEqual([[0, heading.text.length]]);
  });

  it('holds every sentence of the gold text', () => {
    const joined = doc.blocks.map((b) => b.text).join('\n');
    const sentences = goldSentences();
    expect(sentences.length).toBeGreaterThan(40);
    for (const s of sentences) expect(joined, s).toContain(s);
  });
});

describe('readDocx on the seed renderings', () => {
  it('links all 42 footnotes of the district report and keeps its text', async () => {
    const doc = await readDocx(ctxOf(join(RENDERED, '000_35c0ecef09102edc.docx')));
    expect(doc.messages).toEqual([]);
    expect([...new Set(notesOf(doc.blocks).map((b) => b.footnote))]).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('hỗ trợ 2.500m²');
    // Footnote 19 is a numbered list: one block per item, all under 19.
    expect(notesOf(doc.blocks).filter((b) => b.footnote === 19).length).toBeGreaterThanOrEqual(9);
  });

  it('reads the emulation call', async () => {
    const doc = await readDocx(ctxOf(join(RENDERED, '001_5b44daab30250fa8.docx')));
    expect(doc.messages).toEqual([]);
    expect(doc.blocks.some((b) => b.text === '- Giá trị sản xuất đạt 7.367.800 triệu đồng. Thu nhập bình quân đầu người đạt 42 triệu đồng/năm.')).toBe(true);
    expect(notesOf(doc.blocks)).toHaveLength(0);
  });
});

describe('readDocx says what it changed or could not keep', () => {
  it('converts a report typed in a TCVN3 font to Unicode, once for the whole document', async () => {
    const text = 'Báo cáo tình hình kinh tế - xã hội huyện năm 2023\nTổng sản lượng lương thực đạt 8.396,5 tấn¹.\n¹ Trong đó lúa 4.000 tấn.\n';
    const doc = await readDocx(ctxOf('tcvn3.docx', renderDocx(text, encodeTcvn3)));
    expect(doc.messages).toEqual([info('legacy TCVN3 text converted to Unicode', 'read:legacy-encoding')]);
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Báo cáo tình hình kinh tế - xã hội huyện năm 2023',
      'Tổng sản lượng lương thực đạt 8.396,5 tấn¹.',
      'Trong đó lúa 4.000 tấn.',
    ]);
  });

  it('says that an automatically numbered list lost its numbers', async () => {
    const doc = await readDocx(ctxOf('numbered.docx', numberedListDocx(['Trồng lúa 754,8ha', 'Trồng ngô 320ha'])));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Kết quả:', 'Trồng lúa 754,8ha', 'Trồng ngô 320ha']);
    expect(doc.messages).toEqual([info('1 automatically numbered lists: their numbers are not in the text', 'read:numbered-lists')]);
  });
});

/** A DOCX whose list items are numbered by Word (numbering.xml), as mammoth turns into an `<ol>`. */
function numberedListDocx(items: string[]): Uint8Array {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (text: string, numbered: boolean) =>
    `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      'word/_rels/document.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/numbering" Target="numbering.xml"/></Relationships>`,
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${para('Kết quả:', false)}${items.map((t) => para(t, true)).join('')}</w:body></w:document>`,
    ],
    [
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    ],
  ]);
}

describe('readDocx refuses what it cannot read', () => {
  it('zero bytes', async () => {
    expect(await refusal(ctxOf('empty.docx', new Uint8Array()))).toBe('empty file (0 bytes)');
  });

  it('a file that is not a ZIP container', async () => {
    expect(await refusal(ctxOf('letter.docx', new TextEncoder().encode('Kính gửi: UBND huyện')))).toBe('not a DOCX: not a ZIP container');
  });

  it('a ZIP without a Word document inside', async () => {
    const bytes = zip([['hello.txt', 'xin chào']]);
    expect(await refusal(ctxOf('other.docx', bytes))).toMatch(/^damaged DOCX: /);
  });

  it('a truncated DOCX', async () => {
    const full = readFileSync(join(RENDERED, 'agriculture-2023.docx'));
    expect(await refusal(ctxOf('cut.docx', new Uint8Array(full.subarray(0, full.length >> 1))))).toMatch(/^damaged DOCX: /);
  });
});

describe.skipIf(!existsSync(join(CORPUS, 'peer')))('readDocx on mammoth’s own footnote fixtures', () => {
  const peer = (name: string) => ctxOf(join(CORPUS, 'peer', name));

  it('links footnotes by id', async () => {
    const doc = await readDocx(peer('mammoth_footnotes.docx'));
    expect(doc.messages).toEqual([]);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.footnote])).toEqual([
      ['paragraph', 'Ouch¹.²', undefined],
      ['footnote', 'A tachyon walks into a bar.', 1],
      ['footnote', 'Fin.', 2],
    ]);
  });

  it('treats endnotes like footnotes', async () => {
    const doc = await readDocx(peer('mammoth_endnotes.docx'));
    expect(doc.messages).toEqual([]);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.footnote])).toEqual([
      ['paragraph', 'Ouch¹.²', undefined],
      ['footnote', 'A tachyon walks into a bar.', 1],
      ['footnote', 'Fin.', 2],
    ]);
  });

  it('keeps a hyperlink’s text in a footnote body', async () => {
    const doc = await readDocx(peer('mammoth_footnote-hyperlink.docx'));
    expect(doc.messages).toEqual([]);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.footnote])).toEqual([
      ['paragraph', '¹', undefined],
      ['footnote', 'Example', 1],
    ]);
  });

  it('reads a table as rows of cells, in place', async () => {
    const doc = await readDocx(peer('mammoth_tables.docx'));
    expect(doc.messages).toEqual([]);
    expect(doc.blocks.map((b) => [b.kind, b.cells?.map((c) => c.text) ?? b.text])).toEqual([
      ['paragraph', 'Above'],
      ['table-row', ['Top left', 'Top right']],
      ['table-row', ['Bottom left', 'Bottom right']],
      ['paragraph', 'Below'],
    ]);
  });
});

/**
 * What each real document reads as: its table rows and footnotes, and the reader's messages (mammoth's
 * warnings about Word styles it does not know, passed on as one `info`, since the text is read whatever
 * the style).
 */
const REAL: Record<string, { tableRows: number; footnotes: number; messages: ReadMessage[] }> = {
  'lamdong_bc_cac_chi_so_2025-11-06.docx': {
    tableRows: 81,
    footnotes: 3,
    messages: [
      info(
        "mammoth: An unrecognised element was ignored: v:line; Unrecognised run style: 'fontstyle01' (Style ID: fontstyle01); " +
          "Unrecognised paragraph style: 'Body Text' (Style ID: BodyText)",
      ),
    ],
  },
  'lamdong_bc_cchc_nam2025.docx': {
    tableRows: 144,
    footnotes: 17,
    messages: [
      info(
        "mammoth: An unrecognised element was ignored: v:line; Unrecognised paragraph style: 'Normal (Web)' (Style ID: NormalWeb); " +
          "Unrecognised paragraph style: 'footer' (Style ID: Footer)",
      ),
    ],
  },
  'lamdong_bc_de_an_06_2026-03.docx': {
    tableRows: 2,
    footnotes: 8,
    messages: [
      info(
        "mammoth: Unrecognised paragraph style: 'No Spacing' (Style ID: KhngDncch); Unrecognised paragraph style: 'Body Text' (Style ID: ThnVnban); " +
          "Unrecognised paragraph style: 'Body Text Indent' (Style ID: ThutlThnVnban); Unrecognised run style: 'fontstyle01' (Style ID: fontstyle01); " +
          "Unrecognised paragraph style: 'Normal (Web)' (Style ID: ThngthngWeb) (+1 more)",
      ),
    ],
  },
  'lamdong_qd_cong_bo_chi_so_cchc_2025.docx': {
    tableRows: 151,
    footnotes: 0,
    messages: [info("mammoth: An unrecognised element was ignored: v:line; Unrecognised paragraph style: 'Body Text' (Style ID: BodyText)")],
  },
};

describe.skipIf(!existsSync(join(CORPUS, 'real')))('readDocx on the real Lâm Đồng documents', () => {
  const files = existsSync(join(CORPUS, 'real')) ? readdirSync(join(CORPUS, 'real')).filter((f) => f.endsWith('.docx')) : [];

  it('knows every DOCX of the corpus', () => {
    expect([...files].sort()).toEqual(Object.keys(REAL).sort());
  });

  it.each(files)('%s reads without a crash', async (name) => {
    const doc = await readDocx(ctxOf(join(CORPUS, 'real', name)));
    expect(() => DocumentModel.parse(doc)).not.toThrow();
    const marks =
      doc.blocks
        .map((b) => b.text)
        .join('\n')
        .match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu) ?? [];
    const notes = new Set(notesOf(doc.blocks).map((b) => b.footnote));
    const expected = REAL[name]!;
    expect(doc.messages).toEqual(expected.messages);
    expect(doc.blocks.filter((b) => b.kind === 'table-row')).toHaveLength(expected.tableRows);
    expect(notes.size).toBe(expected.footnotes);
    expect(marks).toHaveLength(expected.footnotes);
    expect(doc.blocks.length).toBeGreaterThan(20);
    // Every footnote body has its mark in the text.
    for (const n of notes) expect(marks).toContain(String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!));
  });

  it('drops the brackets of `(4)`-style marks', async () => {
    const doc = await readDocx(ctxOf(join(CORPUS, 'real', 'lamdong_bc_de_an_06_2026-03.docx')));
    expect(doc.messages).toEqual(REAL['lamdong_bc_de_an_06_2026-03.docx']!.messages);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/[⁽⁾]/u);
    expect(notesOf(doc.blocks).every((b) => !b.text.startsWith('('))).toBe(true);
  });

  it('keeps merged table headers over every column they span', async () => {
    const doc = await readDocx(ctxOf(join(CORPUS, 'real', 'lamdong_bc_cac_chi_so_2025-11-06.docx')));
    expect(doc.messages).toEqual(REAL['lamdong_bc_cac_chi_so_2025-11-06.docx']!.messages);
    const rows = doc.blocks.filter((b) => b.kind === 'table-row' && b.cells?.[0]?.text === 'STT');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]!.cells!.length).toBe(rows[1]!.cells!.length);
    expect(doc.blocks.some((b) => b.cells?.some((c) => c.text === '9,49/9,5'))).toBe(true);
  });
});
