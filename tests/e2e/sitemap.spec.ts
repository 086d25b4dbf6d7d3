/**
 * The sitemap lists exactly the essay's pages (the full essay and each section),
 * by their canonical URLs; robots.txt points to it and keeps crawlers off search results.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readEssayContent } from '../support/essay-content';

const ESSAY_PAGES = ['/', ...readEssayContent().sections.map((section) => `/${section.slug}/`)];

async function canonicalOf(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(canonical, `${path} has a canonical URL`).toBeTruthy();
  return canonical!;
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

test('the sitemap lists every page of the essay by its canonical URL, and nothing else', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemaps = locs(await index.text());
  expect(sitemaps.length).toBeGreaterThan(0);

  const listed: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await request.get(new URL(sitemap).pathname);
    expect(response.status(), sitemap).toBe(200);
    listed.push(...locs(await response.text()));
  }
  const canonicals = await Promise.all(ESSAY_PAGES.map((path) => canonicalOf(request, path)));
  expect(listed.toSorted()).toEqual(canonicals.toSorted());
});

test('robots.txt names the sitemap with an absolute URL and keeps crawlers off search results', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const robots = await response.text();
  const home = await canonicalOf(request, '/');
  expect(robots).toContain(`Sitemap: ${new URL('sitemap-index.xml', home).href}`);
  expect(robots).toMatch(/^Disallow: \/search\/$/m);
  expect(robots).toMatch(/^User-agent: \*$/m);
});
