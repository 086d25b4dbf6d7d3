/**
 * The site built under a base path, as it would be published in a folder of
 * another site: `BASE_PATH=/essay/ SITE_URL=https://example.org` (the second
 * webServer of playwright.config.ts, served under /essay/ on the port after the main
 * build's; the `base-path` project points its baseURL there).
 * Every link and asset resolves, every shared URL is under the base, search and
 * sharing work, and an unknown address gets the 404 page.
 */
import { expect, test, type Page } from '@playwright/test';
import { readEssayContent } from '../support/essay-content';
import { BASE_BUILD } from '../support/builds';
import { clearClipboard, clipboardText, openSharePanel, pngSize, t } from '../support/share';
import { firstVisit, offlineHeading, paragraphs, searchInHeader } from '../support/offline';

const { site, base } = BASE_BUILD;
const SITE_BASE = `${site}${base}`;
const sections = readEssayContent().sections;
const HOMES = [base, `${base}zh-hant/`];
const pagesUnder = (home: string) => [home, ...sections.map((section) => `${home}${section.slug}/`)];
/** Both editions' essay pages: the Simplified at the base, the Traditional in its folder. */
const ESSAY_PAGES = HOMES.flatMap(pagesUnder);

/** What a page refers to on its own origin, and the ids its blocks can be linked by. */
async function pageReferences(page: Page) {
  return page.evaluate(() => {
    const urls = [
      ...[...document.querySelectorAll('a[href], link[href]')].map((element) => (element as HTMLAnchorElement).href),
      ...[...document.querySelectorAll('script[src], img[src]')].map((element) => (element as HTMLImageElement).src),
    ];
    return {
      urls: urls.filter((url) => new URL(url).origin === location.origin),
      ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
    };
  });
}

test(`on every page under ${base}, every link, stylesheet, script and image resolves and stays under ${base}`, async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const pages = new Map<string, string[]>(); // page path → its ids
  const references = new Map<string, string>(); // URL → the page that refers to it
  // The full essay links to its sections by anchor only: the section pages and search are seeds too.
  const queue = [...ESSAY_PAGES, `${base}search/`, `${base}zh-hant/search/`];
  while (queue.length) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const { urls, ids } = await pageReferences(page);
    pages.set(path, ids);
    for (const url of urls) {
      const { pathname, search } = new URL(url);
      expect(pathname.startsWith(base), `${url} on ${path} is under ${base}`).toBe(true);
      if (!references.has(url)) references.set(url, path);
      const isPage = pathname.endsWith('/') && !search;
      if (isPage && !pages.has(pathname) && !queue.includes(pathname)) queue.push(pathname);
    }
  }
  expect(pages.size).toBe(ESSAY_PAGES.length + 2);

  for (const [url, from] of references) {
    const { pathname, hash } = new URL(url);
    const response = await request.get(url);
    expect(response.status(), `${url} (linked from ${from})`).toBe(200);
    // A link to an anchor lands on an element that has it.
    if (hash && pages.has(pathname)) {
      expect(pages.get(pathname), `${url} (linked from ${from})`).toContain(decodeURIComponent(hash.slice(1)));
    }
  }
  expect(references.size).toBeGreaterThan(20);
});

for (const path of ESSAY_PAGES) {
  test(`${path}: canonical, Open Graph, Twitter and JSON-LD URLs are under ${SITE_BASE}, and its card image is there`, async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto(path);
    const found = await page.evaluate(() => {
      const attribute = (selector: string, name: string) =>
        [...document.head.querySelectorAll(selector)].map((element) => element.getAttribute(name)!);
      return {
        canonical: attribute('link[rel="canonical"]', 'href'),
        meta: attribute('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]', 'content'),
        jsonLd: JSON.parse(document.head.querySelector('script[type="application/ld+json"]')!.textContent!),
        image: document.head.querySelector('meta[property="og:image"]')!.getAttribute('content')!,
      };
    });
    expect(found.canonical).toEqual([`${site}${path}`]);
    const urls = [
      ...found.canonical,
      ...found.meta,
      found.jsonLd.url,
      found.jsonLd.mainEntityOfPage,
      found.jsonLd.image.url,
      ...(HOMES.includes(path) ? [] : [found.jsonLd.isPartOf.url]),
    ];
    expect(found.meta).toHaveLength(3);
    for (const url of urls) expect(url, url).toMatch(new RegExp(`^${SITE_BASE}`));
    // A section is part of the full essay of its own edition.
    const home = HOMES.findLast((candidate) => path.startsWith(candidate))!;
    if (path !== home) expect(found.jsonLd.isPartOf.url).toBe(`${site}${home}`);

    const image = await request.get(`${baseURL}${found.image.slice(site.length)}`);
    expect(image.status(), found.image).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 });
  });
}

test(`search under ${base}: /essay/search/?q=\u8F6F\u9636\u5C42 finds the words and its results land on them under ${base}`, async ({
  page,
  baseURL,
}) => {
  await page.goto(`${base}search/?q=${encodeURIComponent('\u8F6F\u9636\u5C42')}`);
  const links = page.locator('[data-search-results] > li a');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^${base}[^#]*#[\\w-]+$`));

  const target = new URL(hrefs[0]!, baseURL);
  await links.first().click();
  await page.waitForURL((url) => url.pathname === target.pathname && url.hash === target.hash);
  const block = page.locator(`[id="${target.hash.slice(1)}"]`);
  await expect(block).toBeInViewport();
  await expect(block).toContainText('\u8F6F\u9636\u5C42');
});

test.describe('sharing under the base path', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test(`copy link gives ${SITE_BASE} URLs, from a section page and from the full essay`, async ({ page }) => {
    const section = sections[0]!;
    const paragraphUrl = `${SITE_BASE}${section.slug}/#${section.slug}-2`;
    for (const path of [`${base}${section.slug}/`, base]) {
      await page.goto(path);
      await clearClipboard(page);
      const panel = await openSharePanel(page, `${section.slug}-2`);
      await panel.getByRole('button', { name: t.copyLink, exact: true }).click();
      expect(await clipboardText(page), path).toBe(paragraphUrl);
      await page.keyboard.press('Escape');
    }
    await page.goto(base);
    const panel = await openSharePanel(page, section.slug);
    await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(`${SITE_BASE}${section.slug}/`);
  });
});

test.describe('404 under the base path', () => {
  for (const path of [`${base}no-such-page/`, `${base}a/b/c/`, '/no-such-page/']) {
    test(`${path} answers 404 with the styled 404 page, whose links go to the essay under ${base}`, async ({
      page,
      request,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('main h1')).toBeVisible();
      const { urls } = await pageReferences(page);
      const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) =>
        links.map((link) => (link as HTMLLinkElement).href),
      );
      expect(stylesheets.length).toBeGreaterThan(0);
      // The stylesheet applied, from any depth of unknown address.
      await expect(page.locator('.site-header')).toHaveCSS('position', 'sticky');
      const pageLinks = await page.locator('main a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
      expect(pageLinks).toEqual(expect.arrayContaining(pagesUnder(base)));
      // Links within the 404 page itself (the skip link) are not addresses of their own.
      for (const url of urls.filter((url) => new URL(url).pathname !== new URL(page.url()).pathname)) {
        expect(new URL(url).pathname.startsWith(base), url).toBe(true);
        expect((await request.get(url)).status(), url).toBe(200);
      }
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
    });
  }
});

test.describe(`offline under ${base}`, () => {
  test.use({ serviceWorkers: 'allow' });

  test(`the worker is ${base}sw.js, keeps the pages under ${base}, and offline reads, searches and shows the offline page there`, async ({ page, context, request }) => {
    const worker = await firstVisit(page, base);
    expect(new URL(worker).pathname).toBe(`${base}sw.js`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe(base);
    const manifest = await (await request.get(`${base}manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ start_url: base, scope: base, id: base });
    for (const icon of manifest.icons as Array<{ src: string }>) expect(icon.src.startsWith(`${base}icons/`)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(paragraphs(page).first()).toBeVisible();
    await page.goto(`${base}${sections[0]!.slug}/`);
    await expect(paragraphs(page).first()).toBeVisible();
    await searchInHeader(page, '软阶层', '软阶层');
    await page.goto(`${base}zh-hant/`);
    await expect(offlineHeading(page)).toBeVisible();
    expect(await page.locator('main a').first().getAttribute('href')).toBe(base);
  });
});
