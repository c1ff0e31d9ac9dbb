import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { headingLevel, readMetadata, sectionOf, segment } from '../../pipeline/stages/segment.ts';
import type { DocumentModel } from '../../schema/document.ts';

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
