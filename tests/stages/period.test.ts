import { describe, expect, it } from 'vitest';
import { readColumn } from '../../extractors/table-header.ts';
import { DocumentFile } from '../../pipeline/file.ts';
import { extract } from '../../pipeline/stages/extract.ts';
import { documentPeriods, lastPeriodIn, type Reference } from '../../pipeline/stages/period.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import type { DocumentMetadata, DocumentModel } from '../../schema/document.ts';
import { granularityOf, isPeriod, samePeriodYearBefore, yearOfPeriod } from '../../schema/period.ts';

const MARCH_2026: Reference = { year: 2026, month: 3 };
const NOVEMBER_2025: Reference = { year: 2025, month: 11 };
const YEAR_ONLY: Reference = { year: 2024, month: null };

describe('period wording, as SDMX writes TIME_PERIOD', () => {
  it.each<[string, Reference, string | null]>([
    ['từ đầu năm 2026 đến nay, tiếp nhận', MARCH_2026, '2026-01/2026-03'],
    ['từ đầu năm đến nay đã cấp', NOVEMBER_2025, '2025-01/2025-11'],
    ['lũy kế đạt', MARCH_2026, '2026-01/2026-03'],
    ['trong quý i/2026, toàn tỉnh', MARCH_2026, '2026-Q1'],
    ['quý ii năm 2025 đạt', MARCH_2026, '2025-Q2'],
    ['quý 3 đạt', NOVEMBER_2025, '2025-Q3'],
    ['trong quý, toàn tỉnh phát sinh', MARCH_2026, '2026-Q1'],
    ['trong quý, toàn tỉnh phát sinh', NOVEMBER_2025, '2025-Q4'],
    ['trong tháng, thanh toán', MARCH_2026, '2026-M03'],
    ['trong tháng 3/2026, tổng số lượt', MARCH_2026, '2026-M03'],
    ['tháng 11 năm 2025 có', MARCH_2026, '2025-M11'],
    ['riêng tháng 11 có', NOVEMBER_2025, '2025-M11'],
    ['6 tháng đầu năm 2025, giá trị', NOVEMBER_2025, '2025-S1'],
    ['sáu tháng cuối năm đạt', NOVEMBER_2025, '2025-S2'],
    ['9 tháng đầu năm 2025 đạt', NOVEMBER_2025, '2025-01/2025-09'],
    ['năm học 2023-2024, tỷ lệ học sinh', MARCH_2026, '2023/2024'],
    ['năm học 2023 - 2024 có', MARCH_2026, '2023/2024'],
    ['giai đoạn 2021-2025, tổng vốn', MARCH_2026, '2021/2025'],
    ['trong giai đoạn 2021 - 2025 đã', MARCH_2026, '2021/2025'],
    ['tính đến ngày 20/3/2026, toàn tỉnh đã thu nhận', MARCH_2026, '2026-03-20'],
    ['đến hết ngày 31 tháng 12 năm 2025 có', MARCH_2026, '2025-12-31'],
    ['từ ngày 01/3/2026 đến nay, tiếp nhận', MARCH_2026, '2026-M03'],
    ['đến nay, tổng số', { ...MARCH_2026, period: '2026-M03' }, '2026-M03'],
    // a yearly report's `đến nay` is its year
    ['đến nay, tổng số', MARCH_2026, '2026'],
    ['năm 2024 đạt', MARCH_2026, '2024'],
    // compared against is not the period of the number
    ['tăng so với quý i/2025 là', MARCH_2026, null],
    ['bằng cùng kỳ năm 2025 là', MARCH_2026, null],
    // a document's date is not a period
    ['theo nghị quyết số 21/2025/nq-hđnd ngày 28/8/2025 có', MARCH_2026, null],
    ['ban hành ngày 20 tháng 3 năm 2026 gồm', MARCH_2026, '2026'],
    // what needs the month of the report, where the report gives none
    ['trong tháng, đã cấp', YEAR_ONLY, null],
    ['trong quý, đã cấp', YEAR_ONLY, null],
    // the nearest cue before the number wins
    ['năm 2025 và quý i/2026 đạt', MARCH_2026, '2026-Q1'],
  ])('%s (report of %o) → %s', (text, ref, period) => {
    expect(lastPeriodIn(text, ref)).toBe(period);
    if (period !== null) expect(isPeriod(period)).toBe(true);
  });

  it.each([
    ['2026', 'year', 2026, '2025'],
    ['2026-S1', 'semester', 2026, '2025-S1'],
    ['2026-Q1', 'quarter', 2026, '2025-Q1'],
    ['2026-M03', 'month', 2026, '2025-M03'],
    ['2026-03-20', 'day', 2026, '2025-03-20'],
    ['2026-01/2026-03', 'months', 2026, '2025-01/2025-03'],
    ['2021/2025', 'years', 2025, '2020/2024'],
  ])('%s is a %s about %i; the same period a year earlier is %s', (period, granularity, year, before) => {
    expect(isPeriod(period)).toBe(true);
    expect(granularityOf(period)).toBe(granularity);
    expect(yearOfPeriod(period)).toBe(year);
    expect(samePeriodYearBefore(period)).toBe(before);
  });

  it.each(['2026-Q5', '2026-M13', 'Q1/2026', '2026-13-01', '26', ''])('%s is not a period', (s) => {
    expect(isPeriod(s)).toBe(false);
  });
});

const META: DocumentMetadata = {
  number: null,
  issuer: null,
  place: null,
  date: null,
  month: null,
  type: 'BÁO CÁO',
  title: null,
  reportYear: null,
  planYear: null,
  area: null,
  province: null,
};

describe('the document as the fallback', () => {
  it('takes the month from the date, else from the period the title names', () => {
    expect(documentPeriods({ ...META, date: '2026-03-25', month: 3, reportYear: 2025 }).ref).toEqual({ year: 2026, month: 3, period: null });
    expect(documentPeriods({ ...META, title: 'Kết quả công tác tháng 3/2026' })).toEqual({
      ref: { year: 2026, month: 3, period: '2026-M03' },
      titlePeriod: '2026-M03',
      titleYear: null,
      reportPeriod: '2026-M03',
    });
    expect(documentPeriods({ ...META, title: 'Kết quả quý II năm 2025' }).ref).toEqual({ year: 2025, month: 6, period: '2025-Q2' });
    // a title of two years (results and plan) names no one period: the sections decide
    expect(documentPeriods({ ...META, title: 'Kết quả năm 2023 và kế hoạch năm 2024', reportYear: 2023 })).toEqual({
      ref: { year: 2023, month: null, period: null },
      titlePeriod: null,
      titleYear: 2023,
      reportPeriod: null,
    });
    // a report dated before its year is over, whose title names no year: its figures are the state at its month
    expect(documentPeriods({ ...META, date: '2025-11-06', month: 11 })).toEqual({
      ref: { year: 2025, month: 11, period: '2025-M11' },
      titlePeriod: null,
      titleYear: null,
      reportPeriod: '2025-M11',
    });
    // written in December, or about a year before the one it is dated in: no month
    expect(documentPeriods({ ...META, date: '2025-12-20', month: 12 }).reportPeriod).toBeNull();
    // an opening line holding the type and the title together
    expect(documentPeriods(META, ['BÁO CÁO Kết quả thẩm định chỉ số năm 2025']).titleYear).toBe(2025);
  });
});

/** A synthetic report: its opening lines, then one paragraph (or several) under one heading. */
function periodsOf(head: string[], heading: string, sentence: string | string[]) {
  const texts = [...head, heading, ...(typeof sentence === 'string' ? [sentence] : sentence)];
  const d: DocumentModel = {
    file: 'p.txt',
    sha256: 'd'.repeat(64),
    format: 'text',
    blocks: texts.map((text, index) => ({ index, kind: 'paragraph' as const, text })),
    footnotesLinked: true,
    messages: [],
  };
  const file = new DocumentFile(d.file);
  return extract(segment(d, file), file).candidates.map((c) => [c.value, c.kind, c.year, c.period]);
}

const MONTHLY = ['Hà Nam, ngày 25 tháng 3 năm 2026', 'BÁO CÁO', 'Kết quả công tác chuyển đổi số tháng 3/2026'];
const UNDATED_MONTHLY = ['BÁO CÁO', 'Kết quả công tác chuyển đổi số tháng 3/2026'];
const MONTHLY_WRITTEN_LATER = ['Hà Nam, ngày 02 tháng 4 năm 2026', 'BÁO CÁO', 'Kết quả công tác chuyển đổi số tháng 3/2026'];
const YEARLY = ['Hà Nam, ngày 10 tháng 12 năm 2025', 'BÁO CÁO', 'Tình hình thực hiện năm 2025 và kế hoạch năm 2026'];

describe('extract: every number gets its period from its words, its heading, its title or its date', () => {
  it.each<[string[], string, string, unknown[][]]>([
    [
      MONTHLY,
      'I. KẾT QUẢ',
      'Từ đầu năm 2026 đến nay, tiếp nhận 1.200 hồ sơ; trong tháng, tiếp nhận 450 hồ sơ.',
      [
        [1200, 'cumulative', 2026, '2026-01/2026-03'],
        [450, 'actual', 2026, '2026-M03'],
      ],
    ],
    [UNDATED_MONTHLY, 'I. KẾT QUẢ', 'Trong quý, toàn tỉnh phát sinh 12.000 hồ sơ.', [[12000, 'actual', 2026, '2026-Q1']]],
    // a report on March dated in April: the wording that leaves out the month means the month reported on
    [
      MONTHLY_WRITTEN_LATER,
      'I. KẾT QUẢ',
      'Từ đầu năm 2026 đến nay, tiếp nhận 1.200 hồ sơ; trong tháng, tiếp nhận 450 hồ sơ; trong quý, tiếp nhận 1.200 hồ sơ.',
      [
        [1200, 'cumulative', 2026, '2026-01/2026-03'],
        [450, 'actual', 2026, '2026-M03'],
        [1200, 'actual', 2026, '2026-Q1'],
      ],
    ],
    // no wording: the period the title names
    [UNDATED_MONTHLY, 'I. KẾT QUẢ', 'Toàn tỉnh tiếp nhận 300 hồ sơ.', [[300, 'actual', 2026, '2026-M03']]],
    // a heading's period reaches every number under it
    [YEARLY, '1. Kết quả 6 tháng đầu năm 2025', 'Toàn huyện trồng 120 ha rừng.', [[120, 'actual', 2025, '2025-S1']]],
    [YEARLY, 'A. KẾT QUẢ THỰC HIỆN NĂM 2025', 'Năm học 2024-2025, có 1.500 học sinh.', [[1500, 'actual', 2025, '2024/2025']]],
    [YEARLY, 'A. KẾT QUẢ THỰC HIỆN NĂM 2025', 'Giai đoạn 2021-2025, đã trồng 800 ha rừng.', [[800, 'actual', 2025, '2021/2025']]],
    // further on in a sentence, a span of years names what a resolution covers, not the numbers after it
    [
      YEARLY,
      'A. KẾT QUẢ THỰC HIỆN NĂM 2025',
      'Năm 2025 tiếp tục thực hiện Nghị quyết nhiệm kỳ 2020-2025, mặc dù khó khăn, đã trồng 800 ha rừng.',
      [[800, 'actual', 2025, '2025']],
    ],
    // a yearly report's `đến nay` is about its year
    [YEARLY, 'A. KẾT QUẢ THỰC HIỆN NĂM 2025', 'Đến nay, tỷ lệ hộ nghèo là 12,5%.', [[12.5, 'actual', 2025, '2025']]],
    // the seeds' reading stays: a yearly report's numbers are about its years
    [YEARLY, 'A. KẾT QUẢ THỰC HIỆN NĂM 2025', 'Sản lượng lương thực đạt 3.600 tấn.', [[3600, 'actual', 2025, '2025']]],
    [YEARLY, 'B. KẾ HOẠCH NĂM 2026', 'Sản lượng lương thực 3.700 tấn.', [[3700, 'plan', 2026, '2026']]],
  ])('%j / %s / %s', (head, heading, sentence, expected) => {
    expect(periodsOf(head, heading, sentence)).toEqual(expected);
  });

  // the period a paragraph opens with, a lead-in's, a target's, a report's month (invented sentences)
  const DATED_NOVEMBER = ['Hà Nam, ngày 06 tháng 11 năm 2025', 'BÁO CÁO', 'Tình hình thực hiện các chỉ số cải cách hành chính'];
  it.each<[string, string[], string, string | string[], unknown[][]]>([
    [
      'a period the paragraph opens with reaches its later sentences',
      MONTHLY,
      'I. KẾT QUẢ',
      'Về số hóa: Tính đến ngày 15/3/2026, tỷ lệ số hóa hồ sơ đạt 70%. Tỷ lệ tái sử dụng dữ liệu đạt 60%.',
      [
        [70, 'actual', 2026, '2026-03-15'],
        [60, 'actual', 2026, '2026-03-15'],
      ],
    ],
    [
      'and so does its running total',
      MONTHLY,
      'I. KẾT QUẢ',
      'Từ đầu năm 2026 đến nay, đã cấp 1.200 giấy phép. Cơ quan thuế đã kiểm tra 300 doanh nghiệp.',
      [
        [1200, 'cumulative', 2026, '2026-01/2026-03'],
        [300, 'cumulative', 2026, '2026-01/2026-03'],
      ],
    ],
    [
      'but not past a sentence that opens a new matter',
      MONTHLY,
      'I. KẾT QUẢ',
      'Trong quý I/2026, tiếp nhận 500 hồ sơ. Ngoài ra, có 12 xã đang triển khai mô hình.',
      [
        [500, 'actual', 2026, '2026-Q1'],
        [12, 'actual', 2026, '2026-M03'],
      ],
    ],
    [
      'nor past a later sentence with a period of its own',
      MONTHLY,
      'I. KẾT QUẢ',
      'Tỉnh đã cấp 40 giấy phép. Từ ngày 01/02/2026 đến nay, đã trả lại 5 hồ sơ. Có 90% hồ sơ được giải quyết đúng hạn.',
      [
        [40, 'actual', 2026, '2026-M03'],
        [5, 'cumulative', 2026, '2026-02/2026-03'],
        [90, 'actual', 2026, '2026-M03'],
      ],
    ],
    [
      'a lead-in names the period of the items under it, not of an item at its own level',
      MONTHLY,
      'I. KẾT QUẢ',
      [
        '- Hồ sơ trực tuyến (trong quý I/2026):',
        '+ Cấp tỉnh tiếp nhận 800 hồ sơ trực tuyến.',
        '+ Cấp xã tiếp nhận 900 hồ sơ trực tuyến.',
        '- Toàn tỉnh có 40 xã.',
      ],
      [
        [800, 'actual', 2026, '2026-Q1'],
        [900, 'actual', 2026, '2026-Q1'],
        [40, 'actual', 2026, '2026-M03'],
      ],
    ],
    [
      'a target is set for the year, whatever date its result is measured at',
      MONTHLY,
      'I. KẾT QUẢ',
      'Tính đến ngày 15/3/2026, tỷ lệ số hóa hồ sơ đạt 70% (chỉ tiêu đề ra là tối thiểu 80%).',
      [
        [70, 'actual', 2026, '2026-03-15'],
        [80, 'plan', 2026, '2026'],
      ],
    ],
    [
      'a share of a plan named with its year after it is of that year; `đến nay` is no period of a target',
      DATED_NOVEMBER,
      '2. Tình hình thực hiện năm 2025',
      'Tỉnh đã hoàn thành 100% kế hoạch tập huấn năm 2025. Đến nay, đã triển khai 30/40 nhiệm vụ đề ra.',
      [
        [100, 'share_of_plan', 2025, '2025'],
        [30, 'cumulative', 2025, '2025-M11'],
        [40, 'plan', 2025, '2025'],
      ],
    ],
    [
      'a fiscal flow up to a date is the year to that date, and so are the shares of the plan after it; a rate at a date is at that date',
      DATED_NOVEMBER,
      '2. Tình hình thực hiện năm 2025',
      'Tổng thu ngân sách đến ngày 05/11/2025 đạt 1.200 tỷ đồng, bằng 90% dự toán. Tính đến ngày 05/11/2025, tỷ lệ số hóa hồ sơ đạt 70%.',
      [
        [1200, 'cumulative', 2025, '2025-01/2025-11'],
        [90, 'share_of_plan', 2025, '2025-01/2025-11'],
        [70, 'actual', 2025, '2025-11-05'],
      ],
    ],
    [
      'a closed span of dates is a flow over its months, not a running total',
      MONTHLY,
      'I. KẾT QUẢ',
      'Từ ngày 01/02/2026 đến ngày 28/02/2026 đã thu được 2.100 phiếu khảo sát; từ ngày 01/01/2026 đến ngày 15/3/2026, đã cấp 300 giấy phép.',
      [
        [2100, 'actual', 2026, '2026-M02'],
        [300, 'actual', 2026, '2026-01/2026-03'],
      ],
    ],
    [
      'a report dated before its year is over, whose title names no year: the month it was written in',
      DATED_NOVEMBER,
      '2. Tình hình thực hiện năm 2025',
      'Tỷ lệ hồ sơ giải quyết đúng hẹn đạt 97%. Đến nay, đã kiểm tra 42 cơ quan.',
      [
        [97, 'actual', 2025, '2025-M11'],
        [42, 'cumulative', 2025, '2025-M11'],
      ],
    ],
  ])('%s', (_why, head, heading, sentence, expected) => {
    expect(periodsOf(head, heading, sentence)).toEqual(expected);
  });

  it('puts `cùng kỳ` a year earlier, in the period of the number it goes with', () => {
    const read = periodsOf(MONTHLY, 'I. KẾT QUẢ', 'Trong quý I/2026 tiếp nhận 500 hồ sơ (cùng kỳ 400 hồ sơ).');
    expect(read).toEqual([
      [500, 'actual', 2026, '2026-Q1'],
      [400, 'previous', 2025, '2025-Q1'],
    ]);
  });

  it('leaves the year and the period unknown only where nothing in the document says them', () => {
    expect(periodsOf(['BÁO CÁO', 'Công tác chuyển đổi số'], 'I. KẾT QUẢ', 'Toàn tỉnh tiếp nhận 300 hồ sơ.')).toEqual([[300, 'actual', null, null]]);
  });
});

describe('table columns of a span of years', () => {
  it.each([
    [['Giai đoạn 2016-2020'], '2016/2020'],
    [['Thực hiện', '2021 - 2025'], '2021/2025'],
    [['Thực hiện 2023'], null],
    [['Giai đoạn'], null],
  ])('%j → %s', (texts, years) => {
    expect(readColumn(texts).years).toBe(years);
  });
});
