/** Printing the essay to PDF in both editions: the slow tier (npm run test:slow). */
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS_STORAGE_KEY } from '../../src/reader/settings';
import { SIMPLIFIED, TRADITIONAL } from '../support/editions';
import { readEssayContent } from '../support/essay-content';

const essay = readEssayContent();
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

function store(page: Page, settings: Record<string, string>) {
  return page.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [SETTINGS_STORAGE_KEY, JSON.stringify(settings)],
  );
}

test.describe('print', () => {
  for (const edition of [SIMPLIFIED, TRADITIONAL]) {
    test(`${edition.name}: the essay alone, section links with their address, horizontal even if read vertically`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(90_000); // printing the whole essay with its CJK fonts to PDF is slow on a busy machine
      await store(page, { writing: 'vertical', theme: 'dark' });
      await page.goto(edition.home);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.site-footer', '.permalink', '.search', '.back-to-top', '.settings-panel']) {
        for (const element of await page.locator(selector).all()) await expect(element).toBeHidden();
      }
      await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'horizontal-tb');
      expect(await background(page)).toBe('rgb(255, 255, 255)');
      const firstSection = page.locator('.toc a').first();
      const address = await firstSection.evaluate((link) => getComputedStyle(link, '::after').content);
      expect(address).toContain(`${edition.home}${essay.sections[0]!.slug}/`);
      expect(address).toMatch(/^"\s*\(https?:\/\//);

      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(6);
      await testInfo.attach(`print-${edition.name}.pdf`, { body: pdf, contentType: 'application/pdf' });
    });
  }
});
