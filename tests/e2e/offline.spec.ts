/**
 * Offline and installable (src/offline/), in Chromium, whose driver can take the network away
 * (`context.setOffline`, for the page and its service worker alike): after a first visit and
 * `navigator.serviceWorker.ready`, the essay reads, its sections open, search finds in both
 * scripts, links copy and 划线 show, with no network; a page not kept shows the offline page.
 * And the manifest: its fields, its icons' sizes, and that their files exist.
 */
import { expect, test, type Page } from '@playwright/test';
import { firstVisit, headerSearch, o, offlineHeading, paragraphs, searchInHeader } from '../support/offline';
import { clearClipboard, clipboardText, CONFIGURED_SITE, openSharePanel, t as share } from '../support/share';
import { blockText, centre, highlightedWords, rc, wordEnds } from '../support/readers-copy';
import { pngSize } from '../support/png';
import { strings } from '../../src/core/strings';
import { LIGHT_PALETTE, DARK_PALETTE } from '../../src/core/brand';
import { readEssayContent } from '../support/essay-content';
import { inEditionScript } from '../../src/editions/build/traditional';
import { TRADITIONAL } from '../../src/core/editions';

// The one file of this project's e2e tier with the service worker (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const SOFT_CLASS = '软阶层';
const essay = readEssayContent();
const section = essay.sections[0]!;

test.describe('after a first visit, with no network', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('/ reloads with the essay; a section opens; 软阶层 and a phrase in 繁體 are found in the header field', async ({ page, context }) => {
    const worker = await firstVisit(page, '/');
    expect(new URL(worker).pathname).toBe('/sw.js');
    const online = await paragraphs(page).allInnerTexts();
    await context.setOffline(true);

    await page.reload();
    await expect(paragraphs(page)).toHaveText(online);
    await page.goto(`/${section.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(paragraphs(page).first()).toBeVisible();
    // and the next, by its link
    await page.getByRole('link', { name: strings.nextSection }).first().click();
    await expect(page).toHaveURL(`/${essay.sections[1]!.slug}/`);
    await expect(paragraphs(page).first()).toBeVisible();

    await page.goto('/');
    await searchInHeader(page, SOFT_CLASS, SOFT_CLASS);
    await headerSearch(page).fill('');
    await searchInHeader(page, '斯普特尼克1號', '斯普特尼克1号');
  });

  test('a link is copied from the share panel', async ({ page, context }) => {
    await firstVisit(page, `/${section.slug}/`);
    await context.setOffline(true);
    await page.reload();
    await clearClipboard(page);
    const panel = await openSharePanel(page, `${section.slug}-2`);
    await panel.getByRole('button', { name: share.copyLink, exact: true }).click();
    expect(await clipboardText(page)).toBe(`${CONFIGURED_SITE}/${section.slug}/#${section.slug}-2`);
    await expect(panel.getByRole('status')).toHaveText(share.copied);
  });

  test('a 划线 made before shows', async ({ page, context }) => {
    const block = 'why-deepseek-3';
    const words = '意味着更好的体验';
    await firstVisit(page, '/why-deepseek/');
    await highlight(page, block, words);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.evaluate(`(${highlightedWords.toString()})(window)`)).toEqual([words]);
    await page.goto('/');
    await expect.poll(() => page.evaluate(`(${highlightedWords.toString()})(window)`)).toEqual([words]);
  });

  test('a page never visited (the other edition, a mistyped address) shows the offline page, which links to what is kept', async ({ page, context }) => {
    await firstVisit(page, '/');
    await context.setOffline(true);
    for (const path of ['/zh-hant/', `/zh-hant/${section.slug}/`, '/no-such-page/']) {
      await page.goto(path);
      await expect(offlineHeading(page)).toBeVisible();
      await expect(page).toHaveURL(path);
    }
    const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/', ...essay.sections.map((s) => `/${s.slug}/`), '/search/']);
    await page.getByRole('link', { name: strings.search.label }).click();
    await expect(page).toHaveURL('/search/');
  });

  test('the Traditional edition keeps its own pages: a first visit there, then offline, reads and searches in 繁體', async ({ page, context }) => {
    const worker = await firstVisit(page, '/zh-hant/');
    expect(new URL(worker).pathname).toBe('/zh-hant/sw.js');
    await context.setOffline(true);
    await page.goto(`/zh-hant/${section.slug}/`);
    await expect(paragraphs(page).first()).toBeVisible();
    await searchInHeader(page, SOFT_CLASS, '軟階層');
  });
});

test('a reader of both editions keeps both: each worker its own, neither deletes the other\u2019s', async ({ page, context }) => {
  await firstVisit(page, '/');
  await firstVisit(page, '/zh-hant/');
  await page.goto('/'); // the worker at the base activated again would not touch the Traditional one's files
  await context.setOffline(true);
  for (const path of ['/', `/${section.slug}/`, '/zh-hant/', `/zh-hant/${section.slug}/`]) {
    await page.goto(path);
    await expect(paragraphs(page).first()).toBeVisible();
  }
  await searchInHeader(page, SOFT_CLASS, '軟階層');
});

test('a reader of the Traditional edition only: offline, a Simplified page shows the Traditional offline page (a stand-in at the base); the Simplified worker replaces it without a prompt', async ({ page, context }) => {
  await firstVisit(page, '/zh-hant/');
  const atBase = () =>
    page.evaluate(async () => {
      for (;;) {
        const root = await navigator.serviceWorker.getRegistration('/');
        if (root && new URL(root.scope).pathname === '/' && root.active?.state === 'activated') return new URL(root.active.scriptURL).pathname + new URL(root.active.scriptURL).search;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  expect(await atBase()).toBe('/sw.js?for=zh-hant/');
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: inEditionScript(TRADITIONAL, o.title) })).toBeVisible();
  expect(await page.locator('main a').first().getAttribute('href')).toBe('/zh-hant/');
  await page.goto(`/zh-hant/${section.slug}/`);
  await expect(paragraphs(page).first()).toBeVisible();

  await context.setOffline(false);
  await page.goto('/');
  await expect.poll(atBase, { timeout: 20_000 }).toBe('/sw.js');
  await expect(page.getByText(o.updateAvailable)).toHaveCount(0);
  await context.setOffline(true);
  await page.reload();
  await expect(paragraphs(page).first()).toBeVisible();
  await page.goto(`/${section.slug}/`);
  await expect(paragraphs(page).first()).toBeVisible();
});

test('online, nothing changes: the first view registers the worker only after the load, and a page offers no prompt on a first visit', async ({ page }) => {
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      (window as unknown as { registeredAfterLoad: boolean }).registeredAfterLoad = document.readyState === 'complete';
      return register(...args);
    };
  });
  await firstVisit(page, '/');
  expect(await page.evaluate(() => (window as unknown as { registeredAfterLoad: boolean }).registeredAfterLoad)).toBe(true);
  await expect(page.getByText(o.updateAvailable)).toHaveCount(0);
});

test.describe('the web app manifest', () => {
  for (const [edition, home] of [['hans', '/'], ['hant', '/zh-hant/']] as const) {
    test(`${edition}: ${home} links a manifest that names the site, starts at the essay, with icons of 192 and 512 px (one maskable) whose files exist`, async ({ page, request }) => {
      await page.goto(home);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe(`${home}manifest.webmanifest`);
      const response = await request.get(href!);
      expect(response.headers()['content-type']).toContain('application/manifest+json');
      const manifest = await response.json();
      // The essay's title, as the page's own title gives it.
      expect(manifest.name).toBe(await page.title());
      expect(manifest.short_name.length).toBeGreaterThan(0);
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      expect(manifest).toMatchObject({
        start_url: home,
        id: home,
        scope: '/',
        display: 'standalone',
        lang: edition === 'hans' ? 'zh-CN' : 'zh-Hant',
        theme_color: LIGHT_PALETTE.paper,
        background_color: LIGHT_PALETTE.paper,
        color_scheme_dark: { theme_color: DARK_PALETTE.paper, background_color: DARK_PALETTE.paper },
      });
      if (edition === 'hant') expect(manifest.name).toContain('熱潮');
      const icons = manifest.icons as Array<{ src: string; sizes: string; type: string; purpose: string }>;
      expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
      for (const icon of icons) {
        const file = await request.get(icon.src);
        expect(file.status(), icon.src).toBe(200);
        expect(file.headers()['content-type']).toBe('image/png');
        const size = Number(icon.sizes.split('x')[0]);
        expect(pngSize(await file.body())).toEqual({ width: size, height: size });
      }
      const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
      const touchFile = await request.get(touch!);
      expect(pngSize(await touchFile.body())).toEqual({ width: 180, height: 180 });
    });
  }

  test('the maskable and iOS icons fill their square with the mark\u2019s red; the others keep its rounded corners', async ({ page }) => {
    await page.goto('/');
    const corner = (path: string) =>
      page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return Array.from(context.getImageData(0, 0, 1, 1).data);
      }, path);
    const red = [0x9c, 0x2f, 0x25, 255];
    expect(await corner('/icons/icon-maskable-512.png')).toEqual(red);
    expect(await corner('/icons/apple-touch-icon.png')).toEqual(red);
    expect((await corner('/icons/icon-192.png'))[3]).toBe(0);
    expect((await corner('/icons/icon-512.png'))[3]).toBe(0);
  });

  test('the content security policy allows the worker and the manifest from the site only', async ({ page }) => {
    await page.goto('/');
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directives = policy.split(';').map((d) => d.trim());
    expect(directives).toContain("worker-src 'self'");
    expect(directives).toContain("manifest-src 'self'");
  });
});

/** Makes a 划线 as a reader does: the words selected with the pointer, then 「划线」. */
async function highlight(page: Page, id: string, words: string) {
  const run = <A extends unknown[], R>(probe: (win: Window, ...args: A) => R, ...args: A) =>
    page.evaluate(`(${probe.toString()})(window, ...${JSON.stringify(args)})`) as Promise<R>;
  await run(centre, id);
  const text = (await run(blockText, id))!;
  const start = text.indexOf(words);
  const ends = (await run(wordEnds, id, start, start + words.length))!;
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: rc.highlight, exact: true }).click();
  await expect.poll(() => run(highlightedWords)).toContain(words);
}
