import { describe, expect, it } from 'vitest';
import { periodWords } from '../../schema/period.ts';

describe('a period in a report’s own words, for reviewers', () => {
  it.each([
    ['2026', 'năm 2026'],
    ['2025-S1', '6 tháng đầu năm 2025'],
    ['2025-S2', '6 tháng cuối năm 2025'],
    ['2026-Q1', 'quý I/2026'],
    ['2024-Q4', 'quý IV/2024'],
    ['2026-M03', 'tháng 3/2026'],
    ['2026-M11', 'tháng 11/2026'],
    ['2026-03-20', 'ngày 20/3/2026'],
    ['2026-01/2026-03', 'tháng 1–3/2026'],
    ['2025-07/2026-02', 'tháng 7/2025–tháng 2/2026'],
    ['2021/2025', 'giai đoạn 2021–2025'],
    ['not a period', 'not a period'],
  ])('%s → %s', (period, words) => {
    expect(periodWords(period)).toBe(words);
  });
});
