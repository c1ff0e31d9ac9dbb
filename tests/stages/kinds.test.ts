import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { extract } from '../../pipeline/stages/extract.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import type { DocumentModel } from '../../schema/document.ts';

/**
 * The kind of a number in a monthly report (tests/eval/README.md conventions 4–6): running totals,
 * portions, shares of plan and planned amounts, read from the wording. Sentences are invented.
 */
const MONTHLY = ['Hà Nam, ngày 25 tháng 5 năm 2027', 'BÁO CÁO', 'Kết quả công tác số hóa tháng 5/2027', 'I. KẾT QUẢ'];
const YEARLY = ['Hà Nam, ngày 10 tháng 12 năm 2027', 'BÁO CÁO', 'Tình hình thực hiện năm 2027 và kế hoạch năm 2028', 'A. KẾT QUẢ THỰC HIỆN NĂM 2027'];

function kinds(head: string[], ...paragraphs: string[]) {
  const d: DocumentModel = {
    file: 't.txt',
    sha256: 'd'.repeat(64),
    format: 'text',
    blocks: [...head, ...paragraphs].map((text, index) => ({ index, kind: 'paragraph' as const, text })),
    footnotesLinked: true,
    messages: [],
  };
  const file = new DocumentFile(d.file);
  return extract(segment(d, file), file).candidates.map((c) => [c.value, c.kind]);
}

describe('extract: kinds from the wording around a number', () => {
  it.each<[string, string[], string[], [number, string][]]>([
    // running totals: from the year's start, the cue reaches the whole sentence and its `trong đó`
    [
      'year to date',
      MONTHLY,
      ['Từ đầu năm 2027 đến nay, toàn huyện tiếp nhận 4.310 hồ sơ, đã giải quyết 4.002 hồ sơ; trong đó, đúng hạn 3.950 hồ sơ.'],
      [
        [4310, 'cumulative'],
        [4002, 'cumulative'],
        [3950, 'cumulative'],
      ],
    ],
    [
      'a shorter period after the cue ends its reach',
      MONTHLY,
      ['Lũy kế từ đầu năm cấp 920 hồ sơ; trong tháng, cấp 75 hồ sơ.'],
      [
        [920, 'cumulative'],
        [75, 'actual'],
      ],
    ],
    ['up to a date', MONTHLY, ['Tính đến ngày 20/5/2027, toàn tỉnh đã kích hoạt 61.200 hồ sơ.'], [[61200, 'cumulative']]],
    [
      'up to a date: the whole of a pair is a stock',
      MONTHLY,
      ['Tính đến ngày 20/5/2027, đã phê duyệt 1.702/2.031 hồ sơ (đạt tỷ lệ 83,8%). Trong đó, cơ quan: 310/402 hồ sơ.'],
      [
        [1702, 'cumulative'],
        [2031, 'actual'],
        [83.8, 'share'],
        [310, 'cumulative'],
        [402, 'actual'],
      ],
    ],
    [
      'up to a date: what a place has then is a stock',
      MONTHLY,
      ['Tính đến ngày 20/5/2027, cấp xã có 118/124 xã đạt chuẩn.'],
      [
        [118, 'actual'],
        [124, 'actual'],
      ],
    ],
    [
      'a target before the number',
      MONTHLY,
      ['Tỷ lệ hồ sơ trực tuyến đạt 71% (chỉ tiêu đề ra là tối thiểu 80%); đã triển khai 12/15 nhiệm vụ đề ra (đạt 80% theo kế hoạch).'],
      [
        [71, 'actual'],
        [80, 'plan'],
        [12, 'actual'],
        [15, 'plan'],
        [80, 'share_of_plan'],
      ],
    ],
    ['since a date', MONTHLY, ['Từ ngày 01/7/2026 đến nay, đã cấp 5.300 hồ sơ.'], [[5300, 'cumulative']]],
    ['since the first of the month reported on: that month’s flow', MONTHLY, ['Từ ngày 01/5/2027 đến nay, tiếp nhận 870 hồ sơ.'], [[870, 'actual']]],
    ['`đến nay` with `đã`', MONTHLY, ['Đến nay, đã đăng tải 48 tin bài.'], [[48, 'cumulative']]],
    ['`đến nay` without `đã`: a stock', MONTHLY, ['Đến nay, tổng số thủ tục của tỉnh là 1.940 thủ tục.'], [[1940, 'actual']]],
    [
      '`đến nay`: what is still in progress is no total',
      MONTHLY,
      ['Đến nay, đã hoàn thành 9 hồ sơ, đang giải quyết 4 hồ sơ.'],
      [
        [9, 'cumulative'],
        [4, 'actual'],
      ],
    ],
    ['a percent is no running total', MONTHLY, ['Từ đầu năm đến nay, tỷ lệ hồ sơ trực tuyến đạt 91,2%.'], [[91.2, 'actual']]],
    [
      'a register’s records with no period stated',
      MONTHLY,
      ['Cập nhật dữ liệu 23.400 hồ sơ vào hệ thống, còn 1.200 hồ sơ chưa cập nhật.'],
      [
        [23400, 'cumulative'],
        [1200, 'actual'],
      ],
    ],
    ['a yearly report: from the year’s start is the year', YEARLY, ['Từ đầu năm đến nay, tiếp nhận 4.310 hồ sơ.'], [[4310, 'actual']]],
    ['a yearly report: `đến nay` is the year', YEARLY, ['Đến nay, đã chuẩn hóa được 210 hồ sơ.'], [[210, 'actual']]],
    // portions
    [
      'the portion of the count before',
      MONTHLY,
      ['Trong tháng, giải quyết 412 hồ sơ, đạt tỷ lệ 97,1%, quá hạn 12 hồ sơ, chiếm tỷ lệ 2,9%.'],
      [
        [412, 'actual'],
        [97.1, 'share'],
        [12, 'actual'],
        [2.9, 'share'],
      ],
    ],
    ['a whole named after the percent', MONTHLY, ['Trong tháng, thu học phí qua ngân hàng đạt 64,5% trên tổng số tiền.'], [[64.5, 'share']]],
    [
      'a named rate is its value',
      MONTHLY,
      ['Trong tháng, tỷ lệ hồ sơ trực tuyến đạt 88,4%; tỷ lệ trả kết quả điện tử là 12,5% trên tổng số hồ sơ.'],
      [
        [88.4, 'actual'],
        [12.5, 'actual'],
      ],
    ],
    [
      'a bare share on an amount disbursed',
      MONTHLY,
      ['Năm 2027, đã giải ngân được 6.310 triệu đồng (đạt 11,2%).'],
      [
        [6310, 'actual'],
        [11.2, 'share_of_plan'],
      ],
    ],
    // plans
    [
      'an allocated budget and the items under it',
      MONTHLY,
      [
        '- Tổng kinh phí năm 2027 giao cho chuyển đổi số là 98.000 triệu đồng. Trong đó:',
        '+ Chi cấp tỉnh là 61.000 triệu đồng (chưa trừ 10% tiết kiệm).',
        '+ Chi cấp xã là 37.000 triệu đồng.',
        '- Kinh phí chuyển nguồn sang năm 2027 là 4.100 triệu đồng.',
      ],
      [
        [98000, 'plan'],
        [61000, 'plan'],
        [10, 'plan'],
        [37000, 'plan'],
        [4100, 'actual'],
      ],
    ],
    [
      'a budget for the year not over yet',
      MONTHLY,
      ['Kinh phí chi đầu tư của Sở năm 2027 là 15.600 triệu đồng; kinh phí đã phân bổ năm 2027 là 8.100 triệu đồng.'],
      [
        [15600, 'plan'],
        [8100, 'actual'],
      ],
    ],
    ['tasks ahead', MONTHLY, ['+ Các nhiệm vụ trọng tâm trong thời gian tới: bảo đảm cấp thẻ cho 100% học sinh.'], [[100, 'plan']]],
    [
      'what one strives for',
      MONTHLY,
      ['Thu ngân sách đạt 92% so với mục tiêu phấn đấu tăng thu 15% so với dự toán.'],
      [
        [92, 'share_of_plan'],
        [15, 'plan'],
      ],
    ],
    [
      'a quota not to be exceeded, or allocated',
      MONTHLY,
      ['Sử dụng không vượt quá số biên chế (1.120/1.200 biên chế) và số hợp đồng (310/330 người) được giao.'],
      [
        [1120, 'actual'],
        [1200, 'plan'],
        [310, 'actual'],
        [330, 'plan'],
      ],
    ],
    ['a percent of the number of something is a portion of it', MONTHLY, ['Còn chậm (gần 30% số quyết định công bố trễ hạn).'], [[30, 'share']]],
    [
      'a target stated in a clause of its own after a pair is not the pair’s base',
      MONTHLY,
      ['Đã kiểm tra 12/40 cơ quan, đạt tỷ lệ 30% (5/9 sở và 7/31 xã, chỉ tiêu đề ra là tối thiểu 20%).'],
      [
        [12, 'actual'],
        [40, 'actual'],
        [30, 'share'],
        [5, 'actual'],
        [9, 'actual'],
        [7, 'actual'],
        [31, 'actual'],
        [20, 'plan'],
      ],
    ],
    // the terms of a rule quoted beside a result are no figures (eval convention 7)
    [
      'a condition',
      MONTHLY,
      ['Tỷ lệ hồ sơ đúng hạn đạt 91% (trường hợp dưới 95% thì tiêu chí này đạt 0 điểm); nếu đạt 100% thì được 2 điểm. Có 40 trường hợp trễ hạn.'],
      [
        [91, 'actual'],
        [40, 'actual'],
      ],
    ],
  ])('%s', (_name, head, paragraphs, expected) => {
    expect(kinds(head, ...paragraphs)).toEqual(expected);
  });
});

describe('extract: what is a fact and what it counts', () => {
  const units = (...paragraphs: string[]) => {
    const d: DocumentModel = {
      file: 't.txt',
      sha256: 'd'.repeat(64),
      format: 'text',
      blocks: [...MONTHLY, ...paragraphs].map((text, index) => ({ index, kind: 'paragraph' as const, text })),
      footnotesLinked: true,
      messages: [],
    };
    const file = new DocumentFile(d.file);
    return extract(segment(d, file), file).candidates.map((c) => [c.value, c.unit]);
  };
  it('takes no fact from a paragraph that is one number alone (a chart’s tick, a stray cell)', () => {
    expect(units('10,000%', '4,74', 'Tỷ lệ đạt 64%.')).toEqual([[64, 'percent']]);
  });
  it('reads a heading’s figure only where it is a count in parentheses', () => {
    expect(units('1. Nhóm 1: các cơ quan được xếp hạng (12/14 đơn vị)', 'Có 9 xã.', '2. Kết quả quý 2 của 3 xã')).toEqual([
      [12, 'count:đơn vị'],
      [14, 'count:đơn vị'],
      [9, 'count:xã'],
    ]);
  });
  it('gives a bare part in parentheses the noun of its total, where another part says it', () => {
    expect(units('Phát sinh 5.400 hồ sơ liên thông (3.100 đăng ký khai sinh và 2.300 hồ sơ đăng ký khai tử).')).toEqual([
      [5400, 'count:hồ sơ'],
      [3100, 'count:hồ sơ'],
      [2300, 'count:hồ sơ'],
    ]);
  });
});
