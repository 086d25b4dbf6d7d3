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
