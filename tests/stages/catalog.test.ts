import { describe, expect, it } from 'vitest';
import { indexCatalog, loadCatalog, matchIndicator } from '../../pipeline/stages/catalog.ts';

describe('catalog matching', () => {
  const catalog = loadCatalog();

  it.each([
    ['Tổng sản lượng lương thực có hạt', 'tonne', 'agri.grain.output'],
    ['sản lượng lương thực có hạt ước đạt', 'tonne', 'agri.grain.output'],
    ['tỷ lệ che phủ rừng', 'percent', 'env.forest_cover'],
    ['Tỷ lệ che phủ rừng (%)', 'percent', 'env.forest_cover'],
    ['TY LE CHE PHU RUNG', 'percent', 'env.forest_cover'],
    ['che phủ rừng tỷ lệ', 'percent', 'env.forest_cover'],
    ['tổng mức bán lẻ hàng hoá và dịch vụ tiêu dùng', 'VND', 'trade.retail'],
    ['Thu ngân sách nhà nước trên địa bàn', 'VND', 'budget.revenue.local'],
    ['Thu ngân sách nhà nước', 'VND', 'budget.revenue.total'],
  ] as const)('%s → %s', (label, unit, id) => {
    expect(matchIndicator(catalog, label, unit)).toBe(id);
  });

  it.each([
    // `lượng` (amount) is not `lương` (grain): the words must be there, each as often as the name needs.
    ['thực hiện chi trả gạo cứu đói (sản lượng)', 'tonne'],
    // a season is a part of the crop, not the crop's indicator
    ['Lúa Đông xuân 2022-2023 – Diện tích gieo cấy', 'ha'],
    // the same words with a unit of another kind
    ['tỷ lệ che phủ rừng', 'ha'],
  ] as const)('does not match %s', (label, unit) => {
    expect(matchIndicator(catalog, label, unit)).toBeNull();
  });

  it('prefers the most specific name and takes entries added to the catalog file', () => {
    const own = indexCatalog([
      { id: 'x.broad', name: 'giá trị sản xuất', aliases: [], unit: 'VND' },
      { id: 'x.narrow', name: 'giá trị sản xuất công nghiệp', aliases: ['sản xuất công nghiệp'], unit: 'VND' },
    ]);
    expect(matchIndicator(own, 'Giá trị sản xuất công nghiệp ước thực hiện', 'VND')).toBe('x.narrow');
    expect(matchIndicator(own, 'Tổng giá trị sản xuất', 'VND')).toBe('x.broad');
  });
});
