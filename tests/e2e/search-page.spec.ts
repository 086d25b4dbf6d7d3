/**
 * The /search/ page as a careful reader finds it (issue 24): its header laid out as every other
 * page's, its submit button a tap target, and its results arriving without moving the page.
 */
import { expect, test, type Page } from '@playwright/test';

const WIDTHS = [320, 390, 480, 768, 1280];

/** The header's controls' left and right edges, in CSS px. */
function headerControls(page: Page) {
  return page.evaluate(() => {
    const edges = (selector: string) => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { left: Math.round(rect.left), right: Math.round(rect.right) };
    };
    return { title: edges('.site-title'), edition: edges('.edition-switch'), settings: edges('.settings-button'), inner: edges('.site-header-inner') };
  });
}

for (const edition of ['', '/zh-hant']) {
  test(`${edition}/search/: 繁體/简体 and Aa stand at the header's end, where every other page has them, at ${WIDTHS.join(', ')} px`, async ({ page }) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(`${edition}/`);
      const essay = await headerControls(page);
      await page.goto(`${edition}/search/`);
      const search = await headerControls(page);
      expect(search.edition, `${width} px: the edition switch`).toEqual(essay.edition);
      expect(search.settings, `${width} px: Aa`).toEqual(essay.settings);
      // The title stays at the start, and Aa ends where the header's padding begins.
      expect(search.title.left, `${width} px: the title`).toBe(essay.title.left);
      expect(search.inner.right - search.settings.right, `${width} px: Aa at the end`).toBeLessThanOrEqual(16);
    }
  });
}

/** Every layout shift's score since the page loaded, summed: those Chromium flags as after input too. */
function shiftsSummed(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, entry) => sum + (entry as PerformanceEntry & { value: number }).value, 0))).observe({
          type: 'layout-shift',
          buffered: true,
        });
        setTimeout(() => resolve(0), 200); // no shift: the observer is never called
      }),
  );
}

for (const viewport of [{ width: 320, height: 640 }, { width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`/search/?q=软阶层 at ${viewport.width} px: the results' room is reserved, every layout shift summed ≤ 0.05 (was 0.22 at 390 px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/search/?q=${encodeURIComponent('软阶层')}`);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    await expect(page.locator('[data-search-results] > li')).toHaveCount(3);
    expect(await shiftsSummed(page)).toBeLessThanOrEqual(0.05);
  });
}

for (const edition of ['', '/zh-hant']) {
  test(`${edition}/search/: its submit button is a tap target of 44×44 px at least at 390 px, at every text size`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${edition}/search/`);
    const submit = page.locator('.search-page .search-submit');
    await expect(submit).toBeVisible();
    for (const textSize of ['small', 'medium', 'large', 'x-large']) {
      await page.evaluate((size) => (document.documentElement.dataset.textSize = size), textSize);
      const box = (await submit.boundingBox())!;
      expect(box.width, `${textSize}: width`).toBeGreaterThanOrEqual(44);
      expect(box.height, `${textSize}: height`).toBeGreaterThanOrEqual(44);
    }
  });
}
