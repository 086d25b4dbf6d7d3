/**
 * The sitemap lists exactly the essay's pages (the full essay and each section) in
 * both editions, by their canonical URLs, each with its counterpart in the other
 * edition as an alternate; robots.txt points to it and keeps crawlers off search results.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ALL_ESSAY_PAGES as ESSAY_PAGES } from '../support/editions';

async function canonicalOf(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(canonical, `${path} has a canonical URL`).toBeTruthy();
  return canonical!;
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

test('the sitemap lists every page of the essay, in both editions, by its canonical URL, and nothing else', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemaps = locs(await index.text());
  expect(sitemaps.length).toBeGreaterThan(0);

  const listed: string[] = [];
  const alternates: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await request.get(new URL(sitemap).pathname);
    expect(response.status(), sitemap).toBe(200);
    const xml = await response.text();
    listed.push(...locs(xml));
    alternates.push(...[...xml.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`));
  }
  const canonicals = await Promise.all(ESSAY_PAGES.map((path) => canonicalOf(request, path)));
  expect(listed.toSorted()).toEqual(canonicals.toSorted());
  // Each page names both editions' versions of itself.
  for (const path of ESSAY_PAGES) {
    const html = await (await request.get(path)).text();
    for (const [, lang, href] of html.matchAll(/<link rel="alternate" hreflang="(zh-[^"]+)" href="([^"]+)"/g)) {
      expect(alternates, `${path}: ${lang} ${href}`).toContain(`${lang} ${href}`);
    }
  }
});

test('each page names its counterpart in the other edition (hreflang), both ways', async ({ request }) => {
  const alternatesOf = async (path: string) => {
    const html = await (await request.get(path)).text();
    return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  };
  for (const path of ESSAY_PAGES.filter((p) => !p.startsWith('/zh-hant/'))) {
    const counterpart = `/zh-hant${path}`;
    const [simplified, traditional] = await Promise.all([alternatesOf(path), alternatesOf(counterpart)]);
    expect(simplified['zh-CN']).toBe(await canonicalOf(request, path));
    expect(simplified['zh-Hant']).toBe(await canonicalOf(request, counterpart));
    expect(traditional).toEqual(simplified);
    expect(simplified['x-default']).toBe(simplified['zh-CN']);
  }
});

test('robots.txt names the sitemap with an absolute URL and keeps crawlers off search results', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const robots = await response.text();
  const home = await canonicalOf(request, '/');
  expect(robots).toContain(`Sitemap: ${new URL('sitemap-index.xml', home).href}`);
  expect(robots).toMatch(/^Disallow: \/search\/$/m);
  expect(robots).toMatch(/^Disallow: \/zh-hant\/search\/$/m);
  expect(robots).toMatch(/^User-agent: \*$/m);
});
