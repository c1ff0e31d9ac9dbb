import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { hasReportHeader, headingLevel, readMetadata, sectionOf, segment } from '../../pipeline/stages/segment.ts';
import type { Block, DocumentModel } from '../../schema/document.ts';

function doc(lines: string[]): DocumentModel {
  return {
    file: 't.txt',
    sha256: 'b'.repeat(64),
    format: 'text',
    blocks: lines.map((text, index) => ({ index, kind: 'paragraph', text })),
    footnotesLinked: true,
    messages: [],
  };
}

describe('segment stage', () => {
  it.each([
    ['A. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023', 1],
    ['III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU', 2],
    ['1. Về phát triển kinh tế', 3],
    ['1.1. Sản xuất nông – lâm nghiệp', 4],
    ['1.1.1. Sản xuất nông nghiệp', 5],
    ['- Tổng sản lượng lương thực có hạt đạt 36.100 tấn; diện tích cây chè 804,2ha.', null],
    ['(1). Tổng giá trị sản xuất ước đạt 6.698 tỷ đồng (*vượt KH*).', null],
  ])('reads the outline level of %s', (text, level) => {
    expect(headingLevel(text)).toBe(level);
  });

  it('gives every block its heading path', () => {
    const out = segment(
      doc(['BÁO CÁO', 'A. KẾT QUẢ NĂM 2023', '1. Kinh tế', '1.1. Nông nghiệp', 'Sản lượng 10 tấn.', '2. Xã hội', 'Có 5 trường.']),
      new DocumentFile('t.txt'),
    );
    const para = out.blocks.find((b) => b.text === 'Có 5 trường.')!;
    expect(para.headingPath).toEqual(['A. KẾT QUẢ NĂM 2023', '2. Xã hội']);
    expect(out.blocks.find((b) => b.text === 'Sản lượng 10 tấn.')!.headingPath).toEqual(['A. KẾT QUẢ NĂM 2023', '1. Kinh tế', '1.1. Nông nghiệp']);
  });

  it('reads a heading style on a passage of running text as a paragraph, and a short one as a heading', () => {
    const long = `Thực hiện chỉ đạo của tỉnh về cắt giảm thủ tục, ${'các sở, ngành đã rà soát toàn bộ quy trình nội bộ, '.repeat(4)}đã ban hành 03 văn bản hướng dẫn.`;
    const d = doc(['1. Về thể chế', 'Công tác rà soát văn bản', long]);
    d.blocks[1] = { ...d.blocks[1]!, kind: 'heading' };
    d.blocks[2] = { ...d.blocks[2]!, kind: 'heading' };
    const out = segment(d, new DocumentFile('t.txt'));
    expect(out.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph']);
  });

  it('reads a report year from the month or quarter its title names', () => {
    const meta = readMetadata(doc(['Hà Nam, ngày 02 tháng 3 năm 2026', 'BÁO CÁO', 'Kết quả công tác chuyển đổi số tháng 02/2026']).blocks);
    expect(meta.reportYear).toBe(2026);
    const quarter = readMetadata(doc(['Hà Nam, ngày 02 tháng 1 năm 2026', 'BÁO CÁO', 'Kết quả công tác quý IV/2025']).blocks);
    expect(quarter.reportYear).toBe(2025);
  });

  it('reads number, place, date, type, report and plan year from the header', () => {
    const meta = readMetadata(
      doc([
        'Số: 712/BC-UBND',
        'Phong Thổ, ngày 08 tháng 12 năm 2023',
        'BÁO CÁO',
        'Tình hình thực hiện kế hoạch năm 2023 và Kế hoạch năm 2024',
        'UBND huyện Phong Thổ báo cáo như sau.',
      ]).blocks,
    );
    expect(meta).toMatchObject({
      number: '712/BC-UBND',
      place: 'Phong Thổ',
      date: '2023-12-08',
      month: 12,
      type: 'BÁO CÁO',
      reportYear: 2023,
      planYear: 2024,
      issuer: 'UBND huyện Phong Thổ',
    });
  });

  it('keeps the month and year of a draft whose day is blank, and reads a plan for the next year', () => {
    const meta = readMetadata(doc(['Số: /UBND-NV', 'Phong Thổ, ngày   tháng 12 năm 2023', 'PHÁT ĐỘNG THI ĐUA', 'Quyết tâm hoàn thành các chỉ tiêu']).blocks);
    expect(meta).toMatchObject({ number: null, date: '2023-12', month: 12, type: 'PHÁT ĐỘNG THI ĐUA', reportYear: 2023, planYear: 2024 });
  });

  it('tells result sections from plan sections', () => {
    const meta = readMetadata(doc(['Phong Thổ, ngày 08 tháng 12 năm 2023', 'BÁO CÁO', 'Tình hình năm 2023 và Kế hoạch năm 2024']).blocks);
    expect(sectionOf(['A. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023'], meta)).toEqual({ mode: 'report', year: 2023 });
    expect(sectionOf(['B. KẾ HOẠCH PHÁT TRIỂN NĂM 2024', 'II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024'], meta)).toEqual({ mode: 'plan', year: 2024 });
  });
});

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';

/** A header as the DOCX reader gives it: table rows whose text joins the cells (the lines of a cell joined by spaces). */
function row(index: number, ...cells: string[]): Block {
  return { index, kind: 'table-row', text: cells.join(' | '), cells: cells.map((text) => ({ text })) };
}

function lines(...texts: string[]): Block[] {
  return texts.map((text, index) => ({ index, kind: 'paragraph', text }));
}

function numbered(blocks: Block[]): Block[] {
  return blocks.map((b, index) => ({ ...b, index }));
}

describe('the header block', () => {
  it('reads a DOCX header table: issuer | motto, then number | place and date', () => {
    const meta = readMetadata(
      numbered([
        row(0, 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', `${MOTTO} ${MOTTO_2}`),
        row(1, 'Số: 45/BC-UBND', '*Lai Châu, ngày 03 tháng 4 năm 2024*'),
        ...lines('BÁO CÁO', 'Kết quả thực hiện nhiệm vụ quý I năm 2024', 'UBND huyện Sìn Hồ và UBND xã Pa Tần báo cáo; tỉnh Điện Biên, tỉnh Điện Biên.'),
      ]),
    );
    expect(meta).toMatchObject({
      number: '45/BC-UBND',
      issuer: 'UBND tỉnh Lai Châu',
      place: 'Lai Châu',
      date: '2024-04-03',
      area: 'tỉnh Lai Châu',
      province: 'Lai Châu',
      type: 'BÁO CÁO',
    });
  });

  it('reads PDF lines where both columns share a line, and a type line that carries the title', () => {
    const meta = readMetadata(
      lines(
        `ỦY BAN NHÂN DÂN ${MOTTO}`,
        `HUYỆN TAM ĐƯỜNG ${MOTTO_2}`,
        'Số: 12      /BC-UBND Tam Đường, ngày 05 tháng 01 năm 2024',
        'BÁO CÁO Tình hình kinh tế - xã hội năm 2023 và kế hoạch năm 2024',
      ),
    );
    expect(meta).toMatchObject({
      number: '12/BC-UBND',
      issuer: 'UBND huyện Tam Đường',
      place: 'Tam Đường',
      date: '2024-01-05',
      area: 'huyện Tam Đường',
      province: null,
      type: 'BÁO CÁO',
      reportYear: 2023,
      planYear: 2024,
    });
  });

  it('gives a body under its committee the same name whether the lines were kept (PDF) or joined (DOCX cell)', () => {
    const pdf = readMetadata(lines('UBND TỈNH ĐIỆN BIÊN', 'SỞ TÀI CHÍNH', MOTTO, MOTTO_2, 'Số: 7/BC-STC', 'Điện Biên, ngày 1 tháng 2 năm 2024', 'BÁO CÁO'));
    const docx = readMetadata(
      numbered([
        row(0, 'UBND TỈNH ĐIỆN BIÊN SỞ TÀI CHÍNH', `${MOTTO} ${MOTTO_2}`),
        row(1, 'Số: 7/BC-STC', 'Điện Biên, ngày 1 tháng 2 năm 2024'),
        ...lines('BÁO CÁO'),
      ]),
    );
    for (const meta of [pdf, docx]) {
      expect(meta).toMatchObject({ number: '7/BC-STC', issuer: 'Sở tài chính tỉnh Điện Biên', province: 'Điện Biên', date: '2024-02-01' });
    }
  });

  it('reads a body whose name runs over lines and ends on its level, and a number inside the issuer cell', () => {
    const council = readMetadata(
      lines('UBND TỈNH LAI CHÂU', 'HỘI ĐỒNG THI ĐUA,', 'KHEN THƯỞNG TỈNH', MOTTO, MOTTO_2, 'Số: 3/BC-HĐTĐKT', 'Lai Châu, ngày 9 tháng 1 năm 2024'),
    );
    expect(council).toMatchObject({ issuer: 'Hội đồng thi đua, khen thưởng tỉnh Lai Châu', number: '3/BC-HĐTĐKT', province: 'Lai Châu' });
    const joined = readMetadata(
      numbered([
        row(0, 'UBND TỈNH LAI CHÂU BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Số: 21/BC-BCĐ', `${MOTTO} ${MOTTO_2} *Lai Châu, ngày 2 tháng 4 năm 2026*`),
        ...lines('BÁO CÁO'),
      ]),
    );
    expect(joined).toMatchObject({ issuer: 'Ban chỉ đạo chuyển đổi số tỉnh Lai Châu', number: '21/BC-BCĐ', date: '2026-04-02', place: 'Lai Châu' });
  });

  it('finds the header after the title and a paragraph that a PDF text layer put first', () => {
    const meta = readMetadata(
      lines(
        'BÁO CÁO Kết quả chấm điểm năm 2025 của UBND các xã',
        'Căn cứ Quyết định số 12/QĐ-UBND của UBND xã Nậm Tăm, UBND xã Nậm Tăm và UBND xã Nậm Tăm.',
        'UBND TỈNH LAI CHÂU',
        'HỘI ĐỒNG THẨM ĐỊNH',
        MOTTO,
        MOTTO_2,
        'Số: 36 /BC-HĐTĐ',
        'Lai Châu, ngày 02 tháng 02 năm 2026',
      ),
    );
    expect(meta).toMatchObject({
      number: '36/BC-HĐTĐ',
      issuer: 'Hội đồng thẩm định tỉnh Lai Châu',
      province: 'Lai Châu',
      area: 'tỉnh Lai Châu',
      date: '2026-02-02',
    });
  });

  it.each([
    ['Số:329/BC-UBND', '329/BC-UBND'],
    ['Số 329/BC-UBND', '329/BC-UBND'],
    ['Số: 329      /BC-UBND', '329/BC-UBND'],
    ['SỐ: 329/BC-UBND', '329/BC-UBND'],
    ['Số: 239 /TTr-CAT-PC06', '239/TTr-CAT-PC06'],
    ['Số: 15/2023/NĐ-CP', '15/2023/NĐ-CP'],
    ['Số:      /BC-BCĐ', null],
    ['Số: ....../BC-UBND', null],
  ])('reads the number of %j', (line, number) => {
    expect(readMetadata(lines('UBND HUYỆN SÌN HỒ', MOTTO, line, 'Sìn Hồ, ngày 1 tháng 3 năm 2024')).number).toBe(number);
  });

  it('does not take a number quoted in a sentence, nor a committee of another place named in the body', () => {
    const meta = readMetadata(lines('BÁO CÁO', 'Thực hiện Công văn Số 12/UBND-VP của UBND tỉnh Điện Biên, UBND tỉnh Điện Biên, UBND tỉnh Điện Biên.'));
    expect(meta).toMatchObject({ number: null, issuer: null, province: null, area: null });
  });

  it('tells a report header from a note', () => {
    expect(hasReportHeader(lines('ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU', MOTTO))).toBe(true);
    expect(hasReportHeader(lines('Số: /BC-UBND', 'BÁO CÁO'))).toBe(true);
    expect(hasReportHeader(lines('# Sources', 'The signed version (Số 329/BC-UBND, 19/12/2025) of the report.', 'Lai Châu, 2024.'))).toBe(false);
  });
});
