import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { DEFAULT_CATALOG_FILE, loadCatalog } from '../../pipeline/stages/catalog.ts';
import { deriveValues } from '../../pipeline/stages/checks/arithmetic.ts';
import { halfUnit, quotientTolerance, toleranceOf } from '../../pipeline/stages/checks/tolerance.ts';
import type { MismatchType } from '../../schema/mismatch.ts';
import { HEADER, ofType, processText } from './helpers.ts';

/** Each check type: a text where it must fire, and the same text made right, where it must not. */
const CASES: Array<{ name: string; type: MismatchType; fires: string; holds: string; message?: RegExp }> = [
  {
    name: 'parts exceed their total',
    type: 'sum',
    fires: '- Tổng diện tích gieo trồng cây hàng năm 100ha, trong đó: diện tích lúa 60ha; diện tích ngô 50ha.',
    holds: '- Tổng diện tích gieo trồng cây hàng năm 100ha, trong đó: diện tích lúa 60ha; diện tích ngô 30ha.',
    message: /60 \+ 50 = 110 ha, lớn hơn tổng số/,
  },
  {
    name: 'a complete list (with a "khác" part) that does not add up',
    type: 'sum',
    fires: '- Tổng diện tích cây ăn quả hiện có 3.928ha (trong đó diện tích chuối 2.500ha, diện tích trồng cây ăn quả khác 1.205,99ha).',
    holds: '- Tổng diện tích cây ăn quả hiện có 3.705,99ha (trong đó diện tích chuối 2.500ha, diện tích trồng cây ăn quả khác 1.205,99ha).',
    message: /3\.705,99 ha, khác tổng số/,
  },
  {
    name: 'a footnote that itemizes the number it hangs on',
    type: 'sum',
    fires:
      'Tổng giá trị thiệt hại 1.017,02 triệu đồng¹.\n\n¹ Trong đó: thiệt hại về nhà ở 908,94 triệu đồng; thiệt hại giao thông 6.019,5 triệu đồng; thiệt hại khác 88,58 triệu đồng.',
    holds:
      'Tổng giá trị thiệt hại 7.017,02 triệu đồng¹.\n\n¹ Trong đó: thiệt hại về nhà ở 908,94 triệu đồng; thiệt hại giao thông 6.019,5 triệu đồng; thiệt hại khác 88,58 triệu đồng.',
    message: /chú thích 1/,
  },
  {
    name: 'an approximate total (khoảng) still bounds its parts beyond 1 %',
    type: 'sum',
    fires:
      'Toàn huyện có 32 dự án thủy điện, tổng công suất lắp máy khoảng 384,9MW, trong đó 11 dự án đang khai thác có công suất 144,3 MW; 04 dự án đang xây dựng có tổng công suất 56,9MW, 06 dự án chưa thi công có tổng công suất 65 MW; 11 dự án đã có quy hoạch với tổng công suất 123,72MW.',
    holds:
      'Toàn huyện có 32 dự án thủy điện, tổng công suất lắp máy khoảng 389MW, trong đó 11 dự án đang khai thác có công suất 144,3 MW; 04 dự án đang xây dựng có tổng công suất 56,9MW, 06 dự án chưa thi công có tổng công suất 65 MW; 11 dự án đã có quy hoạch với tổng công suất 123,72MW.',
  },
  {
    name: 'a/b against its stated share',
    type: 'ratio',
    fires: 'Đến nay đã chuẩn hóa được 28.462/29.433 trẻ, đạt 86,7%.',
    holds: 'Đến nay đã chuẩn hóa được 28.462/29.433 trẻ, đạt 96,7%.',
    message: /28\.462\/29\.433/,
  },
  {
    name: 'a part against the whole named after "chiếm"',
    type: 'ratio',
    fires: 'Tổng dư nợ của các ngân hàng là 731,5 tỷ đồng; các khoản nợ xấu của các ngân hàng 13,33 tỷ đồng chiếm 1,38% tổng dư nợ.',
    holds: 'Tổng dư nợ của các ngân hàng là 731,5 tỷ đồng; các khoản nợ xấu của các ngân hàng 13,33 tỷ đồng chiếm 1,82% tổng dư nợ.',
  },
  {
    name: 'actual/plan against the stated share of plan',
    type: 'share_of_plan',
    fires: '(ii) Lúa mùa: Diện tích gieo cấy 3.743,50ha/3.750, đạt 97,83% so với Kế hoạch.',
    holds: '(ii) Lúa mùa: Diện tích gieo cấy 3.743,50ha/3.750, đạt 99,83% so với Kế hoạch.',
  },
  {
    name: 'actual against a plan named in the sentence',
    type: 'share_of_plan',
    fires:
      'Kế hoạch vốn giao trong năm 2023 là 360.086 triệu đồng, thực hiện giải ngân đến thời điểm báo cáo là 190.265 triệu đồng, bằng 62,84% kế hoạch vốn giao.',
    holds:
      'Kế hoạch vốn giao trong năm 2023 là 360.086 triệu đồng, thực hiện giải ngân đến thời điểm báo cáo là 190.265 triệu đồng, bằng 52,84% kế hoạch vốn giao.',
  },
  {
    name: 'area × yield against output',
    type: 'product',
    fires: '- Cây lúa: Diện tích gieo trồng 4.623,3ha; năng suất 47,85tạ/ha; sản lượng 23.123,83 tấn.',
    holds: '- Cây lúa: Diện tích gieo trồng 4.623,3ha; năng suất 47,85tạ/ha; sản lượng 22.123,83 tấn.',
    message: /4\.623,3 ha × 47,85 tạ\/ha/,
  },
  {
    name: 'a value against its previous value and the stated growth',
    type: 'growth',
    fires: 'Doanh thu từ hoạt động du lịch ước đạt 18,5 tỷ đồng, tăng 12,78% so với cùng kỳ (cùng kỳ 18 tỷ).',
    holds: 'Doanh thu từ hoạt động du lịch ước đạt 18,5 tỷ đồng, tăng 2,78% so với cùng kỳ (cùng kỳ 18 tỷ).',
  },
  {
    name: 'one indicator stated twice with different values',
    type: 'consistency',
    fires: 'Triển khai trồng rừng; tỷ lệ che phủ rừng 44,3% đạt 99,56% so với kế hoạch.\n\n(2). Tỷ lệ che phủ rừng 45,3% (không đạt KH).',
    holds: 'Triển khai trồng rừng; tỷ lệ che phủ rừng 44,3% đạt 99,56% so với kế hoạch.\n\n(2). Tỷ lệ che phủ rừng 44,3% (không đạt KH).',
    message: /44,3%.*45,3%|45,3%.*44,3%/,
  },
  {
    name: 'a rate above 100 %',
    type: 'plausibility',
    fires: 'Tỷ lệ hộ được sử dụng điện lưới quốc gia 109,8%.',
    holds: 'Tỷ lệ hộ được sử dụng điện lưới quốc gia 99,8%.',
  },
  {
    name: 'people beyond the population of a district (a scale word typed wrong)',
    type: 'plausibility',
    fires: 'Số người tham gia bảo hiểm y tế 81.012 nghìn người, nâng tỷ lệ bao phủ bảo hiểm y tế lên 94,94%.',
    holds: 'Số người tham gia bảo hiểm y tế 81.012 người, nâng tỷ lệ bao phủ bảo hiểm y tế lên 94,94%.',
    message: /81\.012\.000 người.*bỏ chữ "nghìn"/,
  },
  {
    name: 'a part larger than its whole',
    type: 'plausibility',
    fires: 'Trong năm đã khám, chữa bệnh cho khoảng 180 nghìn lượt bệnh nhân (trong đó gần 190 nghìn bệnh nhân điều trị nội trú).',
    holds: 'Trong năm đã khám, chữa bệnh cho khoảng 180 nghìn lượt bệnh nhân (trong đó gần 7,12 nghìn bệnh nhân điều trị nội trú).',
  },
  {
    name: 'a number broken by a space (reading anomaly)',
    type: 'reading',
    fires: '- Tội phạm ma túy: Phát hiện và bắt giữ 90 vụ, tang vật thu giữ 1601, 61 gam Heroin.',
    holds: '- Tội phạm ma túy: Phát hiện và bắt giữ 90 vụ, tang vật thu giữ 1.601,61 gam Heroin.',
  },
];

describe.each(CASES)('$name', ({ type, fires, holds, message }) => {
  it(`raises a ${type} mismatch when the numbers disagree`, async () => {
    const input = await processText(fires);
    const found = ofType(input, type);
    expect(found.length).toBeGreaterThan(0);
    if (message) expect(found.map((m) => m.message).join('\n')).toMatch(message);
    for (const m of found) {
      expect(m.status).toBe('open');
      expect(m.factIds.length).toBeGreaterThan(0);
      expect(m.source?.text.length).toBeGreaterThan(0);
      const flagged = input.facts.filter((f) => m.factIds.includes(f.id));
      if (type !== 'reading') expect(flagged.every((f) => f.status === 'flagged')).toBe(true);
    }
  });
  it('stays quiet when they agree', async () => {
    const input = await processText(holds);
    expect(input.mismatches.map((m) => `${m.type}: ${m.message}`)).toEqual([]);
  });
});

describe('mismatch records', () => {
  it('carry the arithmetic with numbers written the Vietnamese way', async () => {
    const [m] = ofType(await processText(CASES[0]!.fires), 'sum');
    expect(m).toMatchObject({ expected: 100, found: 110, difference: 10 });
    expect(m!.tolerance).toBeCloseTo(1.5, 6);
    expect(m!.message).toContain('"');
  });
  it('keep every fact: validation flags, never drops', async () => {
    const input = await processText(CASES[0]!.fires);
    expect(input.facts.map((f) => f.value)).toEqual([100, 60, 50]);
  });
});

describe('tolerance from the written precision', () => {
  it('is half a unit of the last written digit', () => {
    expect(halfUnit(2)).toBeCloseTo(0.005, 12);
    expect(toleranceOf({ value: 96.7, decimals: 1, qualifier: null })).toBeCloseTo(0.05, 12);
    expect(toleranceOf({ value: 3750, decimals: 0, qualifier: null })).toBe(0.5);
  });
  it('widens to 1 % for an approximate number (khoảng)', () => {
    expect(toleranceOf({ value: 384.9, decimals: 1, qualifier: 'about' })).toBeCloseTo(3.849, 9);
  });
  it('propagates through a quotient', () => {
    expect(quotientTolerance(28462, 0.5, 29433, 0.5)).toBeGreaterThan(0);
    expect(quotientTolerance(1, 0.5, 0.2, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('derived values', () => {
  it('stores the plan implied by a share of plan and the previous year implied by a growth', async () => {
    const input = await processText('- Cây lúa: sản lượng 22.123,83 tấn, đạt 101,49% so với kế hoạch, tăng 1,16% so với năm trước.');
    const derived = deriveValues(input.facts);
    const plan = derived.find((d) => d.kind === 'plan');
    const previous = derived.find((d) => d.kind === 'previous');
    expect(plan?.value).toBeCloseTo(22123.83 / 1.0149, 2);
    expect(plan?.year).toBe(2023);
    expect(previous?.value).toBeCloseTo(22123.83 / 1.0116, 2);
    expect(previous?.year).toBe(2022);
  });
});

describe('people against a population the areas catalog gives', () => {
  it('reads populations from the areas file at load, and bounds a district count by its own population', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-pop-'));
    try {
      const areas = join(dir, 'areas.json');
      writeFileSync(
        areas,
        JSON.stringify({
          areas: [
            { code: '109', name: 'Phong Thổ', level: 'district', population: 80_000 },
            { code: '1', name: 'Không số', level: 'district' },
          ],
        }),
      );
      const catalog = loadCatalog(DEFAULT_CATALOG_FILE, areas);
      expect(catalog.populations).toEqual([{ name: 'Phong Thổ', folded: 'phong tho', population: 80_000 }]);
      const body = 'Số người tham gia bảo hiểm y tế 95.000 người.';
      const file = join(dir, 'report.txt');
      writeFileSync(file, `${HEADER}\n\n${body}\n`, 'utf8');
      const bounded = ofType(await processFile(file, catalog), 'plausibility');
      expect(bounded.map((m) => m.message)).toEqual([expect.stringMatching(/lớn hơn dân số Phong Thổ \(80\.000 người\)/)]);
      // without the population, 95.000 is well within a district's bound: no finding
      expect(ofType(await processFile(file, loadCatalog(DEFAULT_CATALOG_FILE, join(dir, 'missing.json'))), 'plausibility')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('units baocao inferred rather than read', () => {
  it('become warnings naming the number and why, and only those', async () => {
    const input = await processText('Tỷ lệ che phủ rừng đạt 44,3. Tổng vốn đầu tư đạt 120 tỷ, trong đó vốn ngân sách 80 tỷ. Diện tích lúa đạt 1.200 ha.');
    const warnings = input.messages.filter((m) => m.type === 'warning' && m.stage === 'validate').map((m) => m.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^"44,3" \(.*che phủ rừng.*\): unit % inferred: the indicator is a rate/),
      expect.stringMatching(/^"120 tỷ" .*unit VND inferred: an amount of money written without "đồng"/),
      expect.stringMatching(/^"80 tỷ" .*unit VND inferred from the amount before it/),
    ]);
    // the facts carry the inferred units; the hectares were read, so they raise nothing
    expect(input.facts.map((f) => [f.raw.trim(), f.unit])).toEqual([
      ['44,3', 'percent'],
      ['120 tỷ', 'VND'],
      ['80 tỷ', 'VND'],
      ['1.200 ha', 'ha'],
    ]);
  });
});

describe('facts and what was read around them', () => {
  it('travel as pairs: a fact that fails its schema takes nothing from the facts after it', async () => {
    const { readDocument } = await import('../../extractors/read.ts');
    const { DocumentFile } = await import('../../pipeline/file.ts');
    const { liftFootnotes } = await import('../../pipeline/stages/footnotes.ts');
    const { segment } = await import('../../pipeline/stages/segment.ts');
    const { extract } = await import('../../pipeline/stages/extract.ts');
    const { normalize } = await import('../../pipeline/stages/normalize.ts');
    const { validate } = await import('../../pipeline/stages/validate.ts');
    const dir = mkdtempSync(join(tmpdir(), 'baocao-pairs-'));
    try {
      const path = join(dir, 'report.txt');
      // a number before the breakdown, then parts that do not add up to their total: a finding
      writeFileSync(path, `${HEADER}\n\nSản lượng chè 50 tấn. Tổng diện tích gieo trồng 1.000 ha, trong đó: lúa 600 ha, ngô 300 ha, rau 200 ha.\n`, 'utf8');
      const file = new DocumentFile(path);
      const normalized = normalize(extract(segment(liftFootnotes(await readDocument(path, {}), file), file), file), file, loadCatalog());
      for (const { fact, reading } of normalized.facts) {
        expect(reading.block.index).toBe(fact.source.block);
        expect(fact.source.start).toBeGreaterThanOrEqual(reading.sentence.start);
        expect(fact.source.end).toBeLessThanOrEqual(reading.sentence.end);
      }
      const whole = validate(normalized, file);
      const sum = whole.mismatches.filter((m) => m.type === 'sum').map((m) => m.factIds);
      expect(sum).toHaveLength(1);
      // the first fact broken: it becomes a shape mismatch, and the sum is still found on the same facts
      const [first, ...rest] = normalized.facts;
      const broken = { ...first!, fact: { ...first!.fact, year: 1800 } };
      const short = validate({ ...normalized, facts: [broken, ...rest] }, new DocumentFile(path));
      expect(short.mismatches.filter((m) => m.type === 'shape').map((m) => m.source?.start)).toEqual([first!.fact.source.start]);
      expect(short.mismatches.filter((m) => m.type === 'sum').map((m) => m.factIds)).toEqual(sum);
      expect(short.facts).toHaveLength(normalized.facts.length - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
