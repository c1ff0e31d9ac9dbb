import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { MismatchType } from '../../schema/mismatch.ts';
import { ofType, processText } from './helpers.ts';

/**
 * Checks that follow the report's own grouping: the parts a parenthesis lists after a total, the share an
 * `a/b` pair states within its own clause, the parts after `gồm` / `bao gồm`. Each shape: a text where the
 * check must fire, and the same text made right, where nothing is raised.
 */
const FIRES: Array<{ name: string; type: MismatchType; fires: string; holds: string; message?: RegExp }> = [
  {
    name: 'parts in parentheses after a total, more than it',
    type: 'sum',
    fires: '- Trong năm, toàn huyện tiếp nhận 5.320 hồ sơ đất đai (3.150 hồ sơ cấp đổi giấy chứng nhận và 2.270 hồ sơ chuyển nhượng).',
    holds: '- Trong năm, toàn huyện tiếp nhận 5.420 hồ sơ đất đai (3.150 hồ sơ cấp đổi giấy chứng nhận và 2.270 hồ sơ chuyển nhượng).',
    message: /3\.150 \+ 2\.270 = 5\.420 hồ sơ/,
  },
  {
    name: 'parts in parentheses after a total, less than it (the list is the whole)',
    type: 'sum',
    fires: '- Giải ngân 12,5 tỷ đồng vốn sự nghiệp (7,2 tỷ đồng vốn tỉnh, 4,8 tỷ đồng vốn huyện).',
    holds: '- Giải ngân 12 tỷ đồng vốn sự nghiệp (7,2 tỷ đồng vốn tỉnh, 4,8 tỷ đồng vốn huyện).',
    message: /được liệt kê đầy đủ/,
  },
  {
    name: 'a bare first part, its unit written once after the last part, a number inside a label left out',
    type: 'sum',
    fires: '- Đã khám sàng lọc 7.915 lượt người (4.603 cho người trên 80 tuổi và 3.412 lượt người cho học sinh).',
    holds: '- Đã khám sàng lọc 8.015 lượt người (4.603 cho người trên 80 tuổi và 3.412 lượt người cho học sinh).',
    message: /4\.603 \+ 3\.412 = 8\.015/,
  },
  {
    name: 'parts after "gồm"',
    type: 'sum',
    fires: '- Tổng số 640 hộ được hỗ trợ nhà ở, gồm: 410 hộ ở các xã vùng cao; 260 hộ ở thị trấn.',
    holds: '- Tổng số 640 hộ được hỗ trợ nhà ở, gồm: 410 hộ ở các xã vùng cao; 230 hộ ở thị trấn.',
    message: /sau "gồm"/,
  },
  {
    name: 'parts after "bao gồm" in a parenthesis',
    type: 'sum',
    fires: '- Trồng mới 915 ha rừng (bao gồm 640 ha rừng sản xuất, 330 ha rừng phòng hộ).',
    holds: '- Trồng mới 915 ha rừng (bao gồm 640 ha rừng sản xuất, 275 ha rừng phòng hộ).',
    message: /sau "bao gồm"/,
  },
  {
    name: 'a/b with the share written before it in its own numbered clause, not the next clause’s',
    type: 'ratio',
    fires:
      '- Chuyển đổi số: (1) 100% văn bản được ký số; (2) tỷ lệ hồ sơ nộp trực tuyến đạt 54% trên tổng số hồ sơ (3.210/5.016 hồ sơ); (3) tỷ lệ người dân có tài khoản số đạt 81,5%.',
    holds:
      '- Chuyển đổi số: (1) 100% văn bản được ký số; (2) tỷ lệ hồ sơ nộp trực tuyến đạt 64% trên tổng số hồ sơ (3.210/5.016 hồ sơ); (3) tỷ lệ người dân có tài khoản số đạt 81,5%.',
    message: /3\.210\/5\.016.*54%/,
  },
  {
    name: 'a/b with the share before it, lettered clauses',
    type: 'ratio',
    fires: '- Y tế dự phòng: a) tỷ lệ trẻ được tiêm chủng đầy đủ đạt 90% (1.840/2.000 trẻ) b) tỷ lệ phụ nữ được khám thai đạt 70,5%.',
    holds: '- Y tế dự phòng: a) tỷ lệ trẻ được tiêm chủng đầy đủ đạt 92% (1.840/2.000 trẻ) b) tỷ lệ phụ nữ được khám thai đạt 70,5%.',
    message: /1\.840\/2\.000.*90%/,
  },
  {
    name: 'a/b with the share after it in its clause',
    type: 'ratio',
    fires: '- Đã cấp 1.530/1.700 giấy chứng nhận quyền sử dụng đất, đạt 80%.',
    holds: '- Đã cấp 1.530/1.700 giấy chứng nhận quyền sử dụng đất, đạt 90%.',
  },
  {
    name: 'a/b that explains, in a parenthesis, the share before it, with a condition after it',
    type: 'ratio',
    fires: '- Tỷ lệ giải ngân vốn đầu tư công đạt 60,1% (đã giải ngân 320,5/500 tỷ đồng, nếu đạt 100% thì chỉ tiêu được điểm tối đa).',
    holds: '- Tỷ lệ giải ngân vốn đầu tư công đạt 64,1% (đã giải ngân 320,5/500 tỷ đồng, nếu đạt 100% thì chỉ tiêu được điểm tối đa).',
    message: /320,5\/500.*60,1%/,
  },
];

describe.each(FIRES)('$name', ({ type, fires, holds, message }) => {
  it(`raises a ${type} mismatch when the numbers disagree`, async () => {
    const found = ofType(await processText(fires), type);
    expect(found.length).toBeGreaterThan(0);
    if (message) expect(found.map((m) => m.message).join('\n')).toMatch(message);
  });
  it('stays quiet when they agree', async () => {
    const input = await processText(holds);
    expect(input.mismatches.map((m) => `${m.type}: ${m.message}`)).toEqual([]);
  });
});

/** Texts whose numbers are not a total and its parts, or not a pair and its share: nothing is compared. */
const QUIET: Array<{ name: string; text: string }> = [
  {
    name: 'a parenthesis that restates the total (tương đương)',
    text: '- Diện tích trồng mới 1.200 ha (tương đương 800 ha rừng sản xuất và 300 ha rừng phòng hộ theo quy hoạch cũ).',
  },
  {
    name: 'a parenthesis in a different unit',
    text: '- Hỗ trợ vay vốn cho 350 hộ (1.200 triệu đồng vốn vay và 800 triệu đồng vốn đối ứng).',
  },
  {
    name: 'parts that break down a different total (the number right before the parenthesis)',
    text: '- Toàn tỉnh tiếp nhận 9.500 hồ sơ, trong đó 6.200 hồ sơ trực tuyến (4.100 hồ sơ cấp tỉnh và 2.100 hồ sơ cấp xã).',
  },
  {
    name: 'a parenthesis of relations, not parts',
    text: '- Thu ngân sách trên địa bàn 420 tỷ đồng (tăng 35 tỷ đồng so với cùng kỳ và 20 tỷ đồng so với kế hoạch).',
  },
  {
    name: 'a parenthesis that opens with words, not a list of parts',
    text: '- Tổ chức 12 lớp tập huấn (mỗi lớp 40 học viên và 2 báo cáo viên).',
  },
  {
    name: 'a share after a semicolon is another clause’s, never the pair’s',
    text: '- Đã cấp 1.530/1.700 giấy chứng nhận; đạt 95% kế hoạch năm về đo đạc bản đồ.',
  },
  {
    name: 'a share in the next numbered clause is never the pair’s',
    text: '- Số hóa hồ sơ: (1) số lượt tra cứu trực tuyến 3.210/5.016 lượt, (2) tỷ lệ hồ sơ được số hóa đạt 83,5%.',
  },
  {
    name: 'a share of plan before a parenthesis of its rate’s count',
    text: '- Tỷ lệ thôn có tổ tự quản về rác đạt 58,8%, đạt 100% KH (10/17 thôn).',
  },
];

describe.each(QUIET)('$name', ({ text }) => {
  it('raises no sum, ratio or share-of-plan mismatch', async () => {
    const input = await processText(text);
    const compared = input.mismatches.filter((m) => m.type === 'sum' || m.type === 'ratio' || m.type === 'share_of_plan');
    expect(compared.map((m) => `${m.type}: ${m.message}`)).toEqual([]);
  });
});

const REAL = '/work/shared/corpus/real/lamdong_bc_de_an_06_2026-03.docx';

describe.skipIf(!existsSync(REAL))('a provincial thematic report nobody here wrote', () => {
  it('finds the sum its parenthesis breaks, and no longer checks a pair against the next clause’s share', async () => {
    const input = await processFile(REAL, loadCatalog());
    const sums = ofType(input, 'sum');
    expect(sums.some((m) => m.expected === 82_438 && m.found === 83_438)).toBe(true);
    const ratios = ofType(input, 'ratio');
    expect(ratios.filter((m) => /26\.770\/47\.826/.test(m.message))).toEqual([]);
  });
});
