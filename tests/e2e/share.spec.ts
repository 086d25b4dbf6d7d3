/**
 * Sharing the essay (issue 4): every page's card (meta tags, JSON-LD, image),
 * the permalinks on every heading and paragraph with and without JavaScript, the
 * share panel (copy link, share sheet, QR code), keyboard use, quote links with
 * text fragments, and arriving on an anchor below the sticky header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { applyTypography } from '../../src/core/typography';
import { fill } from '../../src/core/fill';
import { PROJECT_ROOT, readEssayContent } from '../support/essay-content';
import {
  CONFIGURED_SITE,
  clearClipboard,
  clipboardText,
  openSharePanel,
  pngSize,
  readClipboard,
  readQrImage,
  selectInBlock,
  sharePanel,
  t,
} from '../support/share';

const essay = readEssayContent();
const essayYaml = readFileSync(join(PROJECT_ROOT, 'content/essay.yaml'), 'utf8');
const yamlField = (key: string) => new RegExp(`^${key}:\\s*(.+?)\\s*$`, 'm').exec(essayYaml)![1]!;
const AUTHOR = yamlField('author');
const TITLE_FROM = yamlField('titleFrom');
const ESSAY_TITLE = applyTypography(essay.lede.paragraphs[Number(TITLE_FROM.replace('lede-', '')) - 1]!);

interface EssayPage {
  path: string;
  headline: string;
  /** The page's own words, from which its description is cut. */
  text: string;
  card: string;
  partOf?: boolean;
}

const PAGES: EssayPage[] = [
  { path: '/', headline: ESSAY_TITLE, text: essay.lede.paragraphs.map(applyTypography).join(''), card: 'og/index.png' },
  ...essay.sections.map((section) => ({
    path: `/${section.slug}/`,
    headline: applyTypography(section.title),
    text: section.paragraphs.map(applyTypography).join(''),
    card: `og/${section.slug}.png`,
    partOf: true,
  })),
];

const ELLIPSIS = '\u2026';
const charCount = (text: string) => Array.from(text).length;

/** The URL a shared link points to, served by the test server instead of the configured site. */
const local = (url: string, baseURL: string) => {
  expect(url.startsWith(`${CONFIGURED_SITE}/`), `${url} is on the configured site ${CONFIGURED_SITE}`).toBe(true);
  return `${new URL(baseURL).origin}${url.slice(CONFIGURED_SITE.length)}`;
};

/** Everything the page's head says to link-card readers. */
async function headMeta(page: Page) {
  return page.evaluate(() => {
    const all = (selector: string, attribute: string) =>
      [...document.head.querySelectorAll(selector)].map((element) => element.getAttribute(attribute) ?? '');
    const meta: Record<string, string[]> = {};
    for (const element of document.head.querySelectorAll('meta[property], meta[name]')) {
      const key = element.getAttribute('property') ?? element.getAttribute('name')!;
      (meta[key] ??= []).push(element.getAttribute('content') ?? '');
    }
    return {
      title: document.title,
      titles: document.head.querySelectorAll('title').length,
      canonical: all('link[rel="canonical"]', 'href'),
      meta,
      jsonLd: all('script[type="application/ld+json"]', 'textContent').length
        ? [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.textContent ?? '')
        : [],
    };
  });
}

/** Every string value under a key named like a URL in a JSON-LD object. */
function jsonLdUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /url|mainEntityOfPage|@id/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdUrls(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonLdUrls(v, k));
  return [];
}

test.describe('link cards', () => {
  for (const essayPage of PAGES) {
    test(`${essayPage.path}: title, description, canonical, Open Graph, Twitter and JSON-LD Article, all absolute on the configured site`, async ({
      page,
    }) => {
      await page.goto(essayPage.path);
      const head = await headMeta(page);
      const one = (key: string) => {
        expect(head.meta[key], `exactly one ${key}`).toHaveLength(1);
        return head.meta[key]![0]!;
      };
      const pageUrl = `${CONFIGURED_SITE}${essayPage.path}`;
      const imageUrl = `${CONFIGURED_SITE}/${essayPage.card}`;

      expect(head.titles).toBe(1);
      expect(head.title).toBe(essayPage.partOf ? `${essayPage.headline} | ${ESSAY_TITLE}` : ESSAY_TITLE);

      const description = one('description');
      expect(charCount(description)).toBeGreaterThanOrEqual(80);
      expect(charCount(description)).toBeLessThanOrEqual(120);
      const kept = description.endsWith(ELLIPSIS) ? description.slice(0, -1) : description;
      expect(essayPage.text.startsWith(kept), `the description is the page's opening words: ${description}`).toBe(true);

      expect(head.canonical).toEqual([pageUrl]);
      expect(one('og:url')).toBe(pageUrl);
      expect(one('og:type')).toBe('article');
      expect(one('og:title')).toBe(essayPage.headline);
      expect(one('og:description')).toBe(description);
      expect(one('og:locale')).toBe('zh_CN');
      expect(one('og:site_name')).not.toBe('');
      expect(one('og:image')).toBe(imageUrl);
      expect(one('og:image:width')).toBe('1200');
      expect(one('og:image:height')).toBe('630');
      expect(one('og:image:alt')).toContain(essayPage.headline);
      expect(one('article:author')).toBe(AUTHOR);
      expect(one('twitter:card')).toBe('summary_large_image');
      expect(one('twitter:title')).toBe(essayPage.headline);
      expect(one('twitter:description')).toBe(description);
      expect(one('twitter:image')).toBe(imageUrl);

      expect(head.jsonLd).toHaveLength(1);
      const article = JSON.parse(head.jsonLd[0]!);
      expect(article).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: essayPage.headline,
        description,
        author: { '@type': 'Person', name: AUTHOR },
        inLanguage: 'zh-CN',
        url: pageUrl,
        mainEntityOfPage: pageUrl,
        image: { url: imageUrl, width: 1200, height: 630 },
      });
      if (essayPage.partOf) {
        expect(article.isPartOf).toMatchObject({ '@type': 'Article', headline: ESSAY_TITLE, url: `${CONFIGURED_SITE}/` });
      } else {
        expect(article.isPartOf).toBeUndefined();
      }

      // Every URL the page gives a card reader is absolute, on the one configured site.
      const urls = [
        ...head.canonical,
        ...Object.entries(head.meta)
          .filter(([key]) => /url|image$|image:url/.test(key))
          .flatMap(([, values]) => values),
        ...jsonLdUrls(article),
      ];
      expect(urls.length).toBeGreaterThanOrEqual(7);
      for (const url of urls) expect(new URL(url).origin, url).toBe(CONFIGURED_SITE);
    });

    test(`${essayPage.path}: its card image ${essayPage.card} is in the build, a 1200\u00D7630 PNG`, async ({
      page,
      request,
      baseURL,
    }) => {
      await page.goto(essayPage.path);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      const response = await request.get(local(image!, baseURL!));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    });
  }

  test('no two pages share a title, a description, a canonical URL or a card image', async ({ page }) => {
    const seen = { title: new Set<string>(), description: new Set<string>(), canonical: new Set<string>(), image: new Set<string>() };
    for (const { path } of PAGES) {
      await page.goto(path);
      const head = await headMeta(page);
      seen.title.add(head.title);
      seen.description.add(head.meta.description![0]!);
      seen.canonical.add(head.canonical[0]!);
      seen.image.add(head.meta['og:image']![0]!);
    }
    for (const values of Object.values(seen)) expect(values.size).toBe(PAGES.length);
  });
});

/** The ids of the blocks a page's permalinks belong to: section headings and paragraphs. */
const blockIds = (page: Page) =>
  page.locator('main .section-heading[id], main .prose p[id]').evaluateAll((blocks) => blocks.map((block) => block.id));

test.describe('permalinks without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path } of PAGES) {
    test(`${path}: every heading and paragraph has a named permalink to its own anchor`, async ({ page }) => {
      await page.goto(path);
      const ids = await blockIds(page);
      expect(ids.length).toBeGreaterThan(1);
      for (const id of ids) {
        const permalink = page.locator(`[id="${id}"] > a.permalink`);
        await expect(permalink, `#${id}`).toHaveCount(1);
        await expect(permalink).toHaveAttribute('href', `#${id}`);
        await expect(permalink).toHaveAccessibleName(/\S/);
        // A plain link: nothing turned it into a button.
        await expect(permalink).not.toHaveAttribute('role', 'button');
      }
      const headings = page.locator('main .section-heading > a.permalink');
      const paragraphs = page.locator('main .prose p[id] > a.permalink');
      await expect(page.getByRole('link', { name: t.headingLink, exact: true })).toHaveCount(await headings.count());
      await expect(page.getByRole('link', { name: t.paragraphLink, exact: true })).toHaveCount(await paragraphs.count());
    });
  }

  test('every permalink mark lies inside the window, from a phone-sized window to a wide one', async ({ page }) => {
    for (const width of [400, 720, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/', `/${essay.sections[0]!.slug}/`]) {
        await page.goto(path);
        const outside = await page.locator('main a.permalink').evaluateAll((links) =>
          links
            .map((link) => ({ id: link.parentElement!.id, box: link.getBoundingClientRect() }))
            .filter(({ box }) => box.width === 0 || box.left < 0 || box.right > document.documentElement.clientWidth)
            .map(({ id, box }) => `#${id}: ${Math.round(box.left)}..${Math.round(box.right)}`),
        );
        expect(outside, `${path} at ${width}px`).toEqual([]);
      }
    }
  });

  test('the keyboard reaches a permalink, shows its mark and follows it', async ({ page }) => {
    const section = essay.sections[0]!;
    await page.goto(`/${section.slug}/`);
    const heading = page.locator(`[id="${section.slug}"] > a.permalink`);
    const paragraph = page.locator(`[id="${section.slug}-1"] > a.permalink`);
    for (let i = 0; i < 15 && !(await heading.evaluate((link) => link === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(heading).toBeFocused();
    // Shown on focus (it is drawn only on hover or focus where a pointer can hover), and not empty.
    await expect(heading).toHaveCSS('opacity', '1');
    const box = await heading.boundingBox();
    expect(box!.width).toBeGreaterThan(4);
    expect(box!.height).toBeGreaterThan(4);
    await page.keyboard.press('Tab');
    await expect(paragraph).toBeFocused();
    await expect(paragraph).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${section.slug}-1$`));
  });
});

test.describe('share panel', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  const section = essay.sections[0]!;
  const paragraphId = `${section.slug}-2`;
  const sectionUrl = `${CONFIGURED_SITE}/${section.slug}/`;
  const paragraphUrl = `${sectionUrl}#${paragraphId}`;

  test("a paragraph's permalink opens the panel with the paragraph's absolute URL; copy puts it on the clipboard and says \u300C\u5DF2\u590D\u5236\u300D", async ({
    page,
  }) => {
    await page.goto(`/${section.slug}/`);
    await clearClipboard(page);
    const panel = await openSharePanel(page, paragraphId);
    await expect(panel).toHaveAccessibleName(t.shareParagraph);
    await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(paragraphUrl);
    // Nothing was copied yet: only the button copies.
    expect(await readClipboard(page)).toBe('');

    await panel.getByRole('button', { name: t.copyLink, exact: true }).click();
    expect(await clipboardText(page)).toBe(paragraphUrl);
    const status = panel.getByRole('status');
    await expect(status).toHaveText(t.copied);
    await expect(status).toHaveAttribute('aria-live', 'polite');
  });

  test('「已复制」 is cleared by the next action: it no longer speaks of what the panel shows', async ({ page }) => {
    await page.goto(`/${section.slug}/`);
    const panel = await openSharePanel(page, paragraphId);
    await panel.getByRole('button', { name: t.copyLink, exact: true }).click();
    const status = panel.getByRole('status');
    await expect(status).toHaveText(t.copied);
    await panel.getByRole('button', { name: t.showQr, exact: true }).click();
    await expect(panel.getByRole('img', { name: t.qrAlt })).toBeVisible();
    // At once, not when the message's 2.5 s have run out.
    expect(await status.textContent()).toBe('');
  });

  test("the same paragraph shared from the full essay links to its section's page", async ({ page }) => {
    await page.goto('/');
    await clearClipboard(page);
    const panel = await openSharePanel(page, paragraphId);
    await panel.getByRole('button', { name: t.copyLink, exact: true }).click();
    expect(await clipboardText(page)).toBe(paragraphUrl);
  });

  test("a section heading's permalink shares the section's page", async ({ page }) => {
    await page.goto('/');
    const panel = await openSharePanel(page, section.slug);
    await expect(panel).toHaveAccessibleName(t.shareSection);
    await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(sectionUrl);
  });

  test("the author's note and the lede share the essay's page, not the address the reader came by", async ({ page }) => {
    await page.goto('/?hl=x#lede-2');
    let panel = await openSharePanel(page, 'lede-2');
    await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(`${CONFIGURED_SITE}/#lede-2`);
    await page.keyboard.press('Escape');
    await page.goto(`/${section.slug}/`);
    panel = await openSharePanel(page, 'note-1');
    await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(`${CONFIGURED_SITE}/#note-1`);
  });

  test('the share button opens the system share sheet where the browser has one, and copies nothing', async ({ page }) => {
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      Object.defineProperty(window, '__shareCalls', { value: calls });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: unknown) => void calls.push(data),
      });
    });
    await page.goto(`/${section.slug}/`);
    await clearClipboard(page);
    const panel = await openSharePanel(page, paragraphId);
    await panel.getByRole('button', { name: t.share, exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shareCalls: unknown[] }).__shareCalls))
      .toEqual([{ title: `${applyTypography(section.title)} | ${ESSAY_TITLE}`, url: paragraphUrl }]);
    expect(await readClipboard(page)).toBe('');
  });

  test('without navigator.share there is no share button: it could only copy the link, as 「复制链接」 does', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as Partial<Navigator>).share;
      delete (Navigator.prototype as Partial<Navigator>).canShare;
    });
    await page.goto(`/${section.slug}/`);
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    await clearClipboard(page);
    const panel = await openSharePanel(page, paragraphId);
    await expect(panel.getByRole('button', { name: t.copyLink, exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: t.share, exact: true })).toBeHidden();
  });

  test('where the Clipboard API refuses, copy falls back to the copy command and keeps the focus in the panel', async ({
    page,
  }) => {
    await page.goto(`/${section.slug}/`);
    await clearClipboard(page);
    await page.addInitScript(() => {
      Object.defineProperty(Clipboard.prototype, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('refused', 'NotAllowedError')),
      });
    });
    await page.reload();
    const panel = await openSharePanel(page, paragraphId);
    const copyButton = panel.getByRole('button', { name: t.copyLink, exact: true });
    await copyButton.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText(t.copied);
    expect(await clipboardText(page)).toBe(paragraphUrl);
    await expect(copyButton).toBeFocused();
    await expect(panel).toBeVisible();
  });

  test('the QR code is a PNG image that decodes to the panel\'s URL, made without any request', async ({ page }) => {
    await page.goto(`/${section.slug}/`);
    const panel = await openSharePanel(page, paragraphId);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const qrButton = panel.getByRole('button', { name: t.showQr, exact: true });
    await expect(qrButton).toHaveAttribute('aria-expanded', 'false');
    await qrButton.click();
    await expect(panel.getByRole('button', { name: t.hideQr, exact: true })).toHaveAttribute('aria-expanded', 'true');
    const image = panel.getByRole('img', { name: t.qrAlt });
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
    const qr = await readQrImage(image);
    expect(qr.text).toBe(paragraphUrl);
    // Four light modules around the code, as the standard asks: scanners need them, and the panel is dark in dark mode.
    expect(qr.quietZoneModules).toBeGreaterThanOrEqual(4);
    expect(await panel.getByRole('textbox', { name: t.linkLabel }).inputValue()).toBe(paragraphUrl);
    // The QR library is part of the page's own scripts: whatever loaded came from the site.
    for (const url of requests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  });

  test('keyboard: Tab reaches a permalink, Enter and Space open the panel, Escape closes it and focus returns', async ({
    page,
  }) => {
    await page.goto(`/${section.slug}/`);
    const permalink = page.locator(`[id="${section.slug}-1"] > a.permalink`);
    for (let i = 0; i < 15 && !(await permalink.evaluate((link) => link === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(permalink).toBeFocused();
    await expect(permalink).toHaveAccessibleName(t.shareParagraph);
    await expect(permalink).toHaveCSS('opacity', '1');
    const panel = sharePanel(page);
    for (const key of ['Enter', ' ']) {
      await page.keyboard.press(key);
      await expect(panel, `${JSON.stringify(key)} opens the panel`).toBeVisible();
      await expect(panel.getByRole('button', { name: t.close, exact: true })).toBeFocused(); // its first control
      await expect(panel.getByRole('textbox', { name: t.linkLabel })).toHaveValue(`${CONFIGURED_SITE}/${section.slug}/#${section.slug}-1`);
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(permalink).toBeFocused();
      // The page did not follow the link (or scroll for Space): the permalink is a button now.
      expect(new URL(page.url()).hash).toBe('');
    }
  });
});

/** Where a run of a block's text is on screen, and where the sticky header ends. */
async function textPlacement(page: Page, id: string, quote: string) {
  return page.evaluate(
    ({ id, quote }) => {
      const block = document.getElementById(id)!;
      const text = block.textContent!;
      const at = text.indexOf(quote);
      if (at < 0 || text.indexOf(quote, at + 1) >= 0) throw new Error(`"${quote}" is not once in #${id}`);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.nodeValue!.length;
        if (at >= offset && at < offset + length) range.setStart(node, at - offset);
        if (at + quote.length > offset && at + quote.length <= offset + length) range.setEnd(node, at + quote.length - offset);
        offset += length;
      }
      const rect = range.getBoundingClientRect();
      return {
        top: rect.top,
        bottom: rect.bottom,
        blockTop: block.getBoundingClientRect().top,
        headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        viewportHeight: innerHeight,
        // Where a linked block lands: its scroll margin below the sticky header.
        scrollMarginTop: parseFloat(getComputedStyle(block).scrollMarginTop) || 0,
      };
    },
    { id, quote },
  );
}

test.describe('quote links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 360, height: 360 } });
  // Two pages, a selection, the clipboard and a navigation: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 60_000 });

  /** Where the words are picked: the end of a paragraph taller than the viewport, so only a matched text fragment shows them. */
  const cases = [
    {
      name: 'a selection on word boundaries, across inline elements',
      section: 'why-deepseek',
      id: 'why-deepseek-2',
      // 而OpenAI的GPT-4o价格达到10美元
      pick: (text: string) => {
        const end = text.lastIndexOf('\u7F8E\u5143') + 2;
        return { start: text.lastIndexOf('\u800COpenAI'), end };
      },
      midWord: false,
    },
    {
      name: 'a selection starting inside a word',
      section: 'facing-ai',
      id: 'facing-ai-6',
      // 架远远比信息重要: starts inside 框架
      pick: (text: string) => {
        const start = text.lastIndexOf('\u6846\u67B6') + 1;
        return { start, end: text.lastIndexOf('\u91CD\u8981') + 2 };
      },
      midWord: true,
    },
  ];

  for (const quoteCase of cases) {
    test(`${quoteCase.name}: \u300C${t.quoteLink}\u300D copies the quote, its attribution and a text-fragment link that lands on it`, async ({
      page,
      context,
      baseURL,
    }) => {
      await page.goto(`/${quoteCase.section}/`);
      await clearClipboard(page);
      const blockText = await page.locator(`[id="${quoteCase.id}"]`).evaluate((block) => block.textContent!);
      const { start, end } = quoteCase.pick(blockText);
      expect(start).toBeGreaterThan(0);
      const quote = blockText.slice(start, end);
      const startsMidWord = await page.evaluate(
        ({ text, start }) => {
          const segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' });
          return ![...segmenter.segment(text)].some((segment) => segment.index === start);
        },
        { text: blockText, start },
      );
      expect(startsMidWord, `the selection ${quoteCase.midWord ? 'starts' : 'does not start'} inside a word`).toBe(quoteCase.midWord);

      const quoteButton = page.getByRole('button', { name: t.quoteLink, exact: true });
      await expect(quoteButton).toBeHidden();
      expect(await selectInBlock(page, quoteCase.id, start, end)).toBe(quote);
      await expect(quoteButton).toBeVisible();
      // The button sits below the selection, where the phone's own selection menu is not.
      const selectionBottom = await page.evaluate(() => getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
      expect((await quoteButton.boundingBox())!.y).toBeGreaterThanOrEqual(selectionBottom);
      await quoteButton.click();

      const copied = await clipboardText(page);
      const [quoted, attribution, url, ...rest] = copied.split('\n');
      expect(rest).toEqual([]);
      // The site's wrapper is the author's own quotation marks, as the page and the quote image show them (not 「」).
      expect(quoted).toBe(`\u201C${quote}\u201D`);
      expect(attribution).toBe(fill(t.quoteAttribution, { author: AUTHOR, title: ESSAY_TITLE }));
      expect(url).toMatch(new RegExp(`^${CONFIGURED_SITE}/${quoteCase.section}/#${quoteCase.id}:~:text=`));
      await expect(page.getByRole('status').filter({ hasText: t.quoteCopied })).toHaveCount(1);

      // The fragment is honest: the block-start landing alone could not show these words in this viewport.
      await page.locator(`[id="${quoteCase.id}"]`).evaluate((block) => block.scrollIntoView({ block: 'start' }));
      const atBlockStart = await textPlacement(page, quoteCase.id, quote);
      expect(atBlockStart.bottom - atBlockStart.blockTop).toBeGreaterThan(
        atBlockStart.viewportHeight - atBlockStart.scrollMarginTop,
      );

      // Text fragments act on a navigation the reader started: click a link to the URL from another page.
      const reader = await context.newPage();
      await reader.goto('/search/');
      await reader.evaluate((href) => {
        const link = Object.assign(document.createElement('a'), { href, textContent: 'quote link', id: 'quote-link' });
        document.body.prepend(link);
      }, local(url!, baseURL!));
      await reader.locator('#quote-link').click();
      await reader.waitForURL((address) => address.pathname === `/${quoteCase.section}/`);
      expect(await reader.evaluate(() => location.hash)).toBe(`#${quoteCase.id}`);
      await expect
        .poll(async () => {
          const landed = await textPlacement(reader, quoteCase.id, quote);
          return landed.top >= landed.headerBottom && landed.bottom <= landed.viewportHeight;
        }, { message: `the quote is in the viewport, below the sticky header` })
        .toBe(true);
    });
  }
});

/**
 * Which characters of a block, from one before `start` to one after `end`, the browser painted as
 * its text-fragment match (::target-text, given a colour of its own here): each character's
 * centre is read from a screenshot.
 */
async function paintedAsMatch(page: Page, id: string, start: number, end: number): Promise<Array<{ char: string; painted: boolean }>> {
  await page.addStyleTag({ content: '::target-text { background-color: rgb(255, 0, 255) !important; color: rgb(255, 0, 255) !important; }' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shot = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ id, start, end, shot }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${shot}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(image, 0, 0);
      const block = document.getElementById(id)!;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const units: Array<{ node: Text; offset: number }> = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) units.push({ node, offset: i });
      }
      return units.slice(Math.max(0, start - 1), end + 1).flatMap(({ node, offset }) => {
        const char = node.data[offset]!;
        if (/\s/.test(char)) return [];
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rect = range.getBoundingClientRect();
        const [r, g, b] = context.getImageData(Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2), 1, 1).data;
        return [{ char, painted: r! > 200 && g! < 80 && b! > 200 }];
      });
    },
    { id, start, end, shot },
  );
}

test.describe('quote links name their words by start and end', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 390, height: 700 } });
  test.describe.configure({ timeout: 60_000 });

  test('a 30-character quote: a link under 160 characters (about 400 before) that opens with exactly its words highlighted', async ({ page, browser, baseURL }) => {
    await page.goto('/facing-ai/');
    await clearClipboard(page);
    const id = await page.evaluate(() => [...document.querySelectorAll('.prose p[id]')].find((block) => block.textContent!.includes('\u79F0\u4E4B\u4E3A'))!.id);
    const blockText = await page.locator(`[id="${id}"]`).evaluate((block) => block.textContent!);
    // 「称之为软阶层。DeepSeek的出现，更是带来加剧软阶层的焦虑」 and around: 软阶层 twice, DeepSeek on the page many times.
    const start = blockText.indexOf('\u79F0\u4E4B\u4E3A');
    const end = start + 30;
    const quote = await selectInBlock(page, id, start, end);
    expect(Array.from(quote)).toHaveLength(30);
    await page.getByRole('button', { name: t.quoteLink, exact: true }).click();
    const url = (await clipboardText(page)).split('\n')[2]!;
    expect(url).toMatch(new RegExp(`^${CONFIGURED_SITE}/facing-ai/#${id}:~:text=[^,]+,[^,]+`));
    expect(url.length, url).toBeLessThan(160);

    // Followed from a link, as a reader in a chat follows it (text fragments act on such navigations).
    const context = await browser.newContext({ viewport: { width: 390, height: 700 }, bypassCSP: true });
    const reader = await context.newPage();
    await reader.goto('/search/');
    await reader.evaluate((href) => document.body.prepend(Object.assign(document.createElement('a'), { href, textContent: 'quote', id: 'quote-link' })), local(url, baseURL!));
    await reader.locator('#quote-link').click();
    await reader.waitForURL((address) => address.pathname === '/facing-ai/');
    await reader.waitForTimeout(300); // the browser scrolls to the match once laid out
    const painted = await paintedAsMatch(reader, id, start, end);
    const shown = (want: boolean) => painted.filter(({ painted }) => painted === want).map(({ char }) => char).join('');
    expect(shown(true), 'highlighted').toBe(quote.replace(/\s/g, ''));
    expect(shown(false), 'the characters either side, not highlighted').toBe(blockText[start - 1]! + blockText[end]!);
    await context.close();
  });
});

test.describe('arriving on an anchor', () => {
  const targets = [
    { path: `/${essay.sections[1]!.slug}/`, id: `${essay.sections[1]!.slug}-3`, what: 'a paragraph on its section page' },
    { path: '/', id: essay.sections[2]!.slug, what: 'a section heading in the full essay' },
  ];
  for (const { path, id, what } of targets) {
    test(`${what} (#${id}) lands below the sticky header and is marked`, async ({ page }) => {
      await page.goto(`${path}#${id}`);
      const placement = await page.evaluate((id) => {
        const target = document.getElementById(id)!;
        return {
          top: target.getBoundingClientRect().top,
          headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
          viewportHeight: innerHeight,
          scrollY,
          targeted: target.matches(':target'),
          animations: target.getAnimations().map((animation) => (animation as CSSAnimation).animationName),
        };
      }, id);
      expect(placement.scrollY, 'the page scrolled to the anchor').toBeGreaterThan(0);
      expect(placement.top).toBeGreaterThanOrEqual(placement.headerBottom);
      expect(placement.top).toBeLessThan(placement.viewportHeight / 2);
      expect(placement.targeted).toBe(true);
      expect(placement.animations).toContain('arrived');
    });
  }

  test('a malformed anchor is ignored without a script error', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/${essay.sections[0]!.slug}/#%E4%B8`);
    await page.waitForLoadState('load');
    // The share script ran after the landing script: the permalinks became buttons.
    await expect(page.locator('a.permalink').first()).toHaveAttribute('role', 'button');
    expect(errors).toEqual([]);
  });

  test('with reduced motion the arrival mark stays, without animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const id = `${essay.sections[1]!.slug}-3`;
    await page.goto(`/${essay.sections[1]!.slug}/#${id}`);
    const target = page.locator(`[id="${id}"]`);
    await expect(target).toHaveCSS('animation-name', 'none');
    await expect(target).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });
});
