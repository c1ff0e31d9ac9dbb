import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../output/compare.ts';
import { renderCompareHtml } from '../../output/compare-html.ts';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';
import { fixtureWarehouse } from './fixture.ts';

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
let page: string;
beforeAll(async () => {
  fx = await fixtureWarehouse();
  page = join(fx.dir, 'so-sanh.html');
  writeFileSync(page, renderCompareHtml(await compare(fx.wh, { from: 2023, to: 2024 })));
});
afterAll(async () => {
  await fx.cleanup();
});

describe('HTML comparison page', () => {
  it('is one self-contained UTF-8 file', async () => {
    const html = renderCompareHtml(await compare(fx.wh, { query: 'che phu rung' }));
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|url\(|https?:/);
  });

  it('escapes text from documents', async () => {
    const cmp = await compare(fx.wh, { query: 'che phu rung' });
    cmp.rows[0]!.indicator = '<img src=x onerror=alert(1)>';
    expect(renderCompareHtml(cmp)).not.toContain('<img');
  });

  it.skipIf(!hasChromium)('renders charts and Vietnamese labels in headless Chromium', async () => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.evaluate('document.characterSet')).toBe('UTF-8');
      const charts = tab.locator('svg.chart');
      expect(await charts.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeGreaterThan(100);
        expect(await charts.nth(i).locator('circle').count()).toBeGreaterThan(0);
      }
      // Phong Thổ's forest chart: two plan points and two result points, lines between them
      const forest = tab.locator('section', { hasText: 'Tỷ lệ che phủ rừng — Phong Thổ' });
      expect(await forest.locator('svg polyline.plan').count()).toBe(1);
      expect(await forest.locator('svg polyline.result').count()).toBe(1);
      expect(await forest.locator('svg circle.result.estimate').count()).toBe(1);
      const text = await tab.locator('body').innerText();
      for (const label of [
        'So sánh các chỉ tiêu chủ yếu',
        'Tổng sản lượng lương thực có hạt',
        'Kế hoạch',
        'Thực hiện / ước',
        'So năm trước',
        'Nguồn',
        'bao-cao-2024.txt',
      ]) {
        expect(text).toContain(label);
      }
      expect(await forest.locator('svg').getAttribute('aria-label')).toBe('Biểu đồ kế hoạch và thực hiện: Tỷ lệ che phủ rừng — Phong Thổ');
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
