/**
 * What a page loads, and when: one script and one stylesheet up front
 * (src/site/client/enhance.ts; the search page adds its own stylesheet); the code behind search, sharing and the settings
 * panel when a reader first uses them, and only what that use needs.
 */
import { expect, test, type Page } from '@playwright/test';
import { readEssayContent } from '../support/essay-content';

const { sections } = readEssayContent();

/** The paths of the scripts the page has fetched so far, with a way to wait for one. */
function watchScripts(page: Page) {
  const fetched: string[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) fetched.push(path);
  });
  return {
    fetched,
    /** Whether a script of this module (`share`, `ui`, …; the file name adds a hash) was fetched. */
    has: (module: string) => fetched.some((path) => new RegExp(`/_astro/${module}\\.[\\w-]+\\.js$`).test(path)),
  };
}

const PHONE = { width: 390, height: 844 };

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  for (const path of ['/', '/why-deepseek/', '/zh-hant/', '/search/?q=%E8%BD%AF%E9%98%B6%E5%B1%82']) {
    const searchPage = path.startsWith('/search/');
    test(`${path}: the first view loads one script and ${searchPage ? 'the site’s stylesheet and its own' : 'one stylesheet'}`, async ({ page }) => {
      const scripts = watchScripts(page);
      const stylesheets: string[] = [];
      page.on('requestfinished', (request) => request.resourceType() === 'stylesheet' && stylesheets.push(request.url()));
      await page.goto(path, { waitUntil: 'networkidle' });
      const entries = scripts.fetched.filter((script) => script.startsWith('/_astro/') && !/\/_astro\/(ui|fill|typeset)\./.test(script));
      expect(entries, 'scripts other than the search page’s own search code').toHaveLength(1);
      // The search page's own styles (src/search/search-page.css) are its alone: no other page carries them.
      const names = stylesheets.map((url) => new URL(url).pathname.replace(/^\/_astro\/|\.[\w-]+\.css$/g, ''));
      expect(names.sort()).toEqual(searchPage ? ['BaseLayout', 'search'] : ['BaseLayout']);
      // The search page searches at once; every other page loads nothing of search until it is used.
      expect(scripts.has('ui'), 'the search interface').toBe(path.startsWith('/search/'));
      expect(scripts.fetched.some((script) => script.includes('/pagefind/')), 'Pagefind').toBe(path.startsWith('/search/'));
    });
  }
});

test('the contents’ code loads where they stay beside the text: on a wide screen, or once a phone’s screen turns wide', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.setViewportSize(PHONE);
  await page.goto('/', { waitUntil: 'networkidle' });
  expect(scripts.has('toc')).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => scripts.has('toc')).toBe(true);
  // And it marks the section being read.
  await page.locator(`[id="${sections[1]!.slug}"]`).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect(page.locator('.toc a[aria-current="location"]')).toHaveCount(1);
});

test('typing in the header search loads the search code and Pagefind, and not the sharing code', async ({ page }) => {
  const scripts = watchScripts(page);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && failed.push(`${response.url()}: ${response.status()}`));
  await page.goto('/', { waitUntil: 'networkidle' });
  const field = page.locator('[data-search="popup"] input[type="search"]');
  await field.click();
  await page.keyboard.type('软阶层');
  await expect(page.locator('[data-search="popup"] .search-result').first()).toBeVisible();
  expect(scripts.has('ui')).toBe(true);
  expect(scripts.fetched.some((script) => script.endsWith('/pagefind/pagefind.js'))).toBe(true);
  expect(scripts.has('share'), 'the caret moving in the field is a selection change, but not a selection in the essay').toBe(false);
  // Every file the search asked for (and preloaded: src/site/client/preload-dependencies.ts) was there.
  expect(failed).toEqual([]);
});

test('the scripts run dynamic imports through the site’s small preload helper, not Vite’s', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  const [entry] = scripts.fetched.filter((script) => script.startsWith('/_astro/'));
  const source = await (await page.request.get(entry!)).text();
  // Vite's helper announces failures as `vite:preloadError` and loads stylesheets; the site's does neither.
  expect(source).toContain('modulepreload');
  expect(source).not.toContain('vite:preloadError');
  expect(scripts.fetched.some((script) => /preload-helper/.test(script))).toBe(false);
});

test('selecting words in the essay loads the sharing code, which offers a quote link', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/why-deepseek/', { waitUntil: 'networkidle' });
  expect(scripts.has('share')).toBe(false);
  await page.locator('#why-deepseek-1').click({ clickCount: 3 });
  await expect(page.locator('.quote-button').first()).toBeVisible();
  expect(scripts.has('share')).toBe(true);
});

test('the share image\u2019s code loads when a reader first asks for an image, not with the share panel', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/why-deepseek/', { waitUntil: 'networkidle' });
  await page.locator('#why-deepseek-2').hover();
  await page.locator('#why-deepseek-2 > a.permalink').click();
  await expect(page.locator('#share-panel')).toBeVisible();
  expect(scripts.has('share')).toBe(true);
  expect(scripts.has('share-image'), 'opening the panel').toBe(false);
  await page.getByRole('button', { name: /\u56FE\u7247/ }).click();
  await expect(page.locator('#share-image img')).toBeVisible();
  expect(scripts.has('share-image')).toBe(true);
});

test('opening the reading settings loads their panel’s code, which applies a choice', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  expect(scripts.has('settings-panel')).toBe(false);
  await page.locator('.site-header .settings-button').click();
  await page.locator('#reader-settings input[value="dark"]').check();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(scripts.has('settings-panel')).toBe(true);
});
