/**
 * axe-core over every page of the site, in light and dark, and with search results, the
 * reading settings and the share panel open: the slow tier (npm run test:slow), since a full
 * axe run over the whole essay takes seconds.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ALL_ESSAY_PAGES } from '../support/editions';

/** Both editions' pages. */
const ESSAY_PAGES = ALL_ESSAY_PAGES;
const SEARCH_PAGES = ['/search/', '/zh-hant/search/'];
const NOT_FOUND = '/404.html';

test.describe('accessibility (axe-core)', () => {
  // A full axe run over the whole essay takes seconds; more on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} colour scheme`, () => {
      test.use({ colorScheme });
      for (const path of [...ESSAY_PAGES, ...SEARCH_PAGES, NOT_FOUND]) {
        test(`${path} has no axe violations`, async ({ page }) => {
          await page.goto(path);
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
            colorScheme === 'dark',
          );
          const { violations } = await new AxeBuilder({ page }).analyze();
          const summary = violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
          expect(summary).toEqual([]);
        });
      }
    });
  }
});

test.describe('accessibility (axe-core) with search results and the share panel open', () => {
  test.describe.configure({ timeout: 90_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} colour scheme`, () => {
      test.use({ colorScheme });
      const analyse = async (page: import('@playwright/test').Page) => {
        const { violations } = await new AxeBuilder({ page }).analyze();
        return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };

      for (const home of ['/', '/zh-hant/']) {
        test(`${home}search/ with results has no axe violations`, async ({ page }) => {
          await page.goto(`${home}search/?q=${encodeURIComponent('\u8F6F\u9636\u5C42')}`);
          await expect(page.locator('[data-search-results] li').first()).toBeVisible();
          await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
          expect(await analyse(page)).toEqual([]);
        });

        test(`${home}: the header search panel with results has no axe violations`, async ({ page }) => {
          await page.goto(home);
          await page.getByRole('searchbox').first().fill('\u6027\u4EF7\u6BD4');
          await expect(page.locator('[data-search="popup"] [data-search-results] li').first()).toBeVisible();
          expect(await analyse(page)).toEqual([]);
        });

        test(`${home}: the reading settings open, and the essay set vertically, have no axe violations`, async ({ page }) => {
          await page.goto(`${home}why-deepseek/`);
          await page.locator('.settings-button').click();
          await page.locator('#reader-settings input[value="vertical"]').check();
          await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'vertical-rl');
          expect(await analyse(page)).toEqual([]);
          await page.keyboard.press('Escape');
          expect(await analyse(page)).toEqual([]);
        });

        test(`${home}: the share panel, its QR code shown, has no axe violations`, async ({ page }) => {
          await page.goto(`${home}why-deepseek/`);
          await page.locator('#why-deepseek-2 .permalink').focus();
          await page.keyboard.press('Enter');
          await page.locator('[data-share-action="qr"]').click();
          await expect(page.locator('#share-qr img')).toBeVisible();
          expect(await analyse(page)).toEqual([]);
        });

        test(`${home}: the share panel, its share image shown, has no axe violations`, async ({ page }) => {
          await page.goto(`${home}why-deepseek/`);
          await page.locator('#why-deepseek-2 .permalink').focus();
          await page.keyboard.press('Enter');
          await page.locator('[data-share-action="image"]').click();
          await expect(page.locator('#share-image img')).toBeVisible();
          expect(await analyse(page)).toEqual([]);
        });
      }
    });
  }
});
