import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from '../../extractors/vn-number.ts';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import { FIRST_DATA_ROW, ROWS } from '../fixtures/xlsx/make-main-indicators.ts';

const file = fileURLToPath(new URL('../fixtures/xlsx/main-indicators.xlsx', import.meta.url));

function cellValue(cell: number | string | { result: number }): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return parseVietnameseNumber(cell)!.value;
  return cell.result;
}

/** The report's main indicators as its spreadsheet appendix: every value with its year, kind and catalog id. */
describe('the main-indicator appendix (XLSX)', () => {
  it('yields every indicator value with its year, kind and catalog id', async () => {
    const input = await processFile(file, loadCatalog());
    const byCell = new Map(input.facts.map((f) => [f.source.cell, f]));
    let checked = 0;
    ROWS.forEach((row, i) => {
      if (row.length !== 6) return;
      const [, name, , estimate2023, plan2024, id] = row;
      const r = FIRST_DATA_ROW + i;
      const est = byCell.get(`D${r}`);
      const plan = byCell.get(`E${r}`);
      expect(est, `${name} 2023`).toMatchObject({ value: cellValue(estimate2023), year: 2023, kind: 'estimate', indicatorId: id });
      expect(plan, `${name} 2024`).toMatchObject({ value: cellValue(plan2024), year: 2024, kind: 'plan', indicatorId: id });
      checked += 2;
    });
    expect(checked).toBe(ROWS.filter((r) => r.length === 6).length * 2);
    expect(input.facts).toHaveLength(checked);
    const gross = byCell.get(`D${FIRST_DATA_ROW + 1}`)!;
    expect(gross).toMatchObject({ unit: 'VND', multiplier: 9, baseValue: 6.698e12 });
    expect(gross.source.sheet).toBe('Biểu 01');
  });
});
