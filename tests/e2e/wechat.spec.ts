/**
 * Sharing where Chinese readers share (issue 12): links as WeChat rewrites them land on
 * their block, every page (the search pages too) has a complete card with schema.org
 * microdata beside Open Graph, and each card image keeps its text inside the centred
 * square that WeChat and QQ crop it to.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ROOT_BUILD, builtPath } from '../support/builds';
import { CONFIGURED_SITE, pngSize } from '../support/share';

const ID = 'facing-ai-4';
const PAGE = '/facing-ai/';

/** The block's place after arriving: below the sticky header, in the upper half of a phone's screen. */
async function placement(page: Page, id: string) {
  return page.evaluate((id) => {
    const block = document.getElementById(id)!;
    return {
      top: block.getBoundingClientRect().top,
      header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      height: innerHeight,
      scrollY,
      targeted: block.matches(':target'),
    };
  }, id);
}

test.describe('links as WeChat delivers them', () => {
  test.use({ viewport: { width: 390, height: 700 } });

  const forms = [
    `${PAGE}?from=singlemessage&isappinstalled=0#${ID}`,
    `${PAGE}#${ID}&from=singlemessage`,
    `${PAGE}#${ID}?from=singlemessage&isappinstalled=0`,
    `${PAGE}#${ID}&from=timeline&isappinstalled=0`,
    `${PAGE}?from=groupmessage#${ID}&isappinstalled=0`,
  ];
  for (const form of forms) {
    test(`${form} lands on its paragraph, below the header`, async ({ page }) => {
      await page.goto(form);
      await expect.poll(async () => (await placement(page, ID)).scrollY, { message: 'the page scrolled' }).toBeGreaterThan(0);
      const at = await placement(page, ID);
      expect(at.top).toBeGreaterThanOrEqual(at.header - 1);
      expect(at.top).toBeLessThan(at.height / 2);
      expect(at.targeted, 'marked as the target, as a plain anchor is').toBe(true);
      // Nothing of WeChat's parameters is shown, nor kept in the fragment.
      await expect(page.locator('main')).not.toContainText('singlemessage');
      expect(new URL(page.url()).hash).toBe(`#${ID}`);
    });
  }

  // Near the end of #facing-ai-5: off the screen when the block's start lands, so only the highlight's scroll shows them.
  const words = '\u524D\u671F\u7684\u5B66\u4E60\u6210\u672C';
  for (const form of [
    `${PAGE}?hl=${encodeURIComponent(words)}&from=singlemessage&isappinstalled=0#facing-ai-5`,
    `${PAGE}?hl=${encodeURIComponent(words)}#facing-ai-5&from=singlemessage&isappinstalled=0`,
    `${PAGE}#facing-ai-5?hl=${encodeURIComponent(words)}&from=singlemessage`,
  ]) {
    test(`a search result's link as WeChat delivers it, ${form}, highlights its words in view`, async ({ page }) => {
      await page.goto(form);
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('search-landing'))).toBe(true);
      const seen = await page.evaluate(() => {
        const range = [...(CSS.highlights.get('search-landing') as Highlight)][0] as Range;
        const rect = range.getBoundingClientRect();
        return { text: range.toString(), top: rect.top, bottom: rect.bottom, header: document.querySelector('.site-header')!.getBoundingClientRect().bottom, height: innerHeight };
      });
      expect(seen.text.replace(/\s/g, '')).toContain(words);
      expect(seen.top).toBeGreaterThanOrEqual(seen.header);
      expect(seen.bottom).toBeLessThanOrEqual(seen.height);
    });
  }

  test('a quote link with WeChat\u2019s parameters after its text fragment opens on the quote', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 360 });
    const quote = '\u6846\u67B6\u8FDC\u8FDC\u6BD4\u4FE1\u606F\u91CD\u8981';
    const href = `/facing-ai/#facing-ai-6:~:text=${encodeURIComponent(quote)}&from=singlemessage&isappinstalled=0`;
    await page.goto('/search/');
    await page.evaluate((href) => document.body.prepend(Object.assign(document.createElement('a'), { href, id: 'go', textContent: 'go' })), href);
    await page.locator('#go').click();
    await page.waitForURL((url) => url.pathname === '/facing-ai/');
    await expect
      .poll(() =>
        page.evaluate((quote) => {
          const block = document.getElementById('facing-ai-6')!;
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.nodeValue!.indexOf(quote);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + quote.length);
            const rect = range.getBoundingClientRect();
            return rect.top >= document.querySelector('.site-header')!.getBoundingClientRect().bottom && rect.bottom <= innerHeight;
          }
          return false;
        }, quote),
      )
      .toBe(true);
  });
});

const PAGES = ['/', '/why-deepseek/', '/us-china-tech/', '/facing-ai/', '/search/'].flatMap((path) => [path, `/zh-hant${path}`]);

test.describe('cards', () => {
  for (const path of PAGES) {
    test(`${path}: a complete card, with schema.org microdata (name, description, image) beside Open Graph`, async ({ page, request, baseURL }) => {
      await page.goto(path);
      const head = await page.evaluate(() => {
        const meta = (selector: string) => document.head.querySelector(selector)?.getAttribute('content') ?? null;
        const root = document.documentElement;
        return {
          itemscope: root.hasAttribute('itemscope'),
          itemtype: root.getAttribute('itemtype'),
          name: meta('meta[itemprop="name"]'),
          description: meta('meta[itemprop="description"]'),
          image: meta('meta[itemprop="image"]'),
          og: Object.fromEntries(['og:type', 'og:title', 'og:description', 'og:url', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt'].map((key) => [key, meta(`meta[property="${key}"]`)])),
          twitter: [meta('meta[name="twitter:card"]'), meta('meta[name="twitter:image"]')],
          jsonLd: JSON.parse(document.head.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'),
        };
      });
      const isSearch = path.endsWith('/search/');
      expect(head.itemscope).toBe(true);
      expect(head.itemtype).toBe(`https://schema.org/${isSearch ? 'WebPage' : 'Article'}`);
      expect(head.name).toBe(head.og['og:title']);
      expect(head.description).toBe(head.og['og:description']);
      expect(head.image).toBe(head.og['og:image']);
      for (const [key, value] of Object.entries(head.og)) expect(value, key).toBeTruthy();
      expect(head.og['og:type']).toBe(isSearch ? 'website' : 'article');
      expect(head.og['og:url']).toBe(`${CONFIGURED_SITE}${path}`);
      expect(head.twitter).toEqual(['summary_large_image', head.og['og:image']]);
      expect(head.jsonLd['@type']).toBe(isSearch ? 'WebPage' : 'Article');
      const image = head.image!;
      expect(image.startsWith(`${CONFIGURED_SITE}/`)).toBe(true);
      if (isSearch) expect(image).toBe(`${CONFIGURED_SITE}${path.replace('search/', '')}og/search.png`);
      const response = await request.get(`${new URL(baseURL!).origin}${image.slice(CONFIGURED_SITE.length)}`);
      expect(response.status()).toBe(200);
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    });
  }

  const cards = ['og', 'zh-hant/og'].flatMap((dir) => readdirSync(builtPath(ROOT_BUILD, dir)).map((file) => `/${dir}/${file}`));
  test('every card image draws only inside the centred square that WeChat and QQ crop it to', async ({ page }) => {
    expect(cards.length).toBe(10);
    for (const card of cards) {
      await page.goto(card);
      const ink = await page.evaluate(async () => {
        const img = document.querySelector('img')!;
        await img.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
        const paper = [data[0], data[1], data[2]];
        let outside = 0;
        let inside = 0;
        const left = (width - height) / 2;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            const differs = Math.abs(data[i]! - paper[0]!) + Math.abs(data[i + 1]! - paper[1]!) + Math.abs(data[i + 2]! - paper[2]!) > 24;
            if (!differs) continue;
            if (x < left || x >= left + height) outside++;
            else inside++;
          }
        }
        return { outside, inside };
      });
      expect(ink.outside, `${card}: nothing drawn outside the centred square`).toBe(0);
      expect(ink.inside, `${card}: its text is drawn`).toBeGreaterThan(5000);
    }
  });
});
