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

  it('scores only the variants sharing a word with the label, and finds what scoring all of them finds', () => {
    const fresh = () => ({ ...catalog, memo: new Map<string, Map<string, string | null>>() });
    const all = catalog.variants.map((_, at) => at);
    const everyVariant = { get: () => all } as unknown as ReadonlyMap<string, readonly number[]>;
    const words = [...new Set(catalog.entries.flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.split(/\s+/)))];
    const extra = ['vụ', 'xuân', 'khác', 'tổng', 'số', 'lượng', 'lương', 'hoá', 'hóa', 'thuỷ', 'thủy', 'năm', '2023', '(%)'];
    const pool = [...words, ...words.map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '')), ...extra];
    const units = [null, 'ha', 'tonne', 'percent', 'VND', 'count:người', 'quintal_per_ha'] as const;
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const indexed = fresh();
    const scanned = { ...fresh(), byWord: everyVariant, bySyllable: everyVariant };
    let matched = 0;
    for (let n = 0; n < 4000; n++) {
      // a catalog name or alias, maybe without diacritics, short of a word, among other words; or words at random
      const names = catalog.entries.flatMap((e) => [e.name, ...e.aliases]);
      let base = next() < 0.7 ? names[Math.floor(next() * names.length)]!.split(/\s+/) : [];
      if (next() < 0.3) base = base.map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      if (next() < 0.3) base.splice(Math.floor(next() * base.length), 1);
      const k = Math.floor(next() * 4);
      const label = [...base, ...Array.from({ length: k }, () => pool[Math.floor(next() * pool.length)])].sort(() => next() - 0.5).join(' ');
      const unit = units[Math.floor(next() * units.length)]!;
      const id = matchIndicator(indexed, label, unit);
      expect(id, `${label} / ${unit}`).toBe(matchIndicator(scanned, label, unit));
      if (id) matched++;
    }
    expect(matched).toBeGreaterThan(100);
  });
});
