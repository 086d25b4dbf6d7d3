/**
 * Every page of the site in Chromium: it renders cleanly and stays on its own origin,
 * its links go where they say, its blocks can be linked, it reads without JavaScript,
 * and its lines break the Chinese way. (axe-core's sweeps of every page: tests/slow/axe.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { applyTypography } from '../../src/core/typography';
import { strings } from '../../src/core/strings';
import { PROJECT_ROOT, readEssayContent } from '../support/essay-content';
import { ALL_ESSAY_PAGES, editionOf } from '../support/editions';

const essay = readEssayContent();
const { sections } = essay;
/** Both editions' pages. */
const ESSAY_PAGES = ALL_ESSAY_PAGES;
const SEARCH_PAGES = ['/search/', '/zh-hant/search/'];
const sectionPath = (slug: string) => `/${slug}/`;
const NOT_FOUND = '/404.html';
/** A URL the site does not have: the server must answer 404 with the 404 page. */
const UNKNOWN = '/no-such-page/';

/** Written as escapes: full-width punctuation looks like ASCII in most editors. */
const CLOSING = new Set([
  ...'\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300B\u300D\u300F\u3011\u3015\u3009\u201D\u2019\u2026\u00B7',
  ...',.;:?!)]}',
]);
const OPENING = new Set([...'\uFF08\u300A\u300C\u300E\u3010\u3014\u3008\u201C\u2018', ...'([{']);

/** Records what must not happen while a page loads: console errors, page errors, foreign or failed requests. */
function watchProblems(page: Page, origin: string, expectedStatus: number) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium reports the document's own status as a console error; on the unknown URL that 404 is the point.
    const ownStatus =
      expectedStatus === 404 &&
      message.location().url === page.url() &&
      message.text().includes('status of 404');
    if (!ownStatus) problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin)
      problems.push(`request outside the site: ${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const isDocument = request.isNavigationRequest() && request.frame() === page.mainFrame();
    if (!(isDocument && response.status() === expectedStatus)) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

test.describe('every page renders cleanly', () => {
  for (const path of [...ESSAY_PAGES, ...SEARCH_PAGES, NOT_FOUND, UNKNOWN]) {
    const status = path === UNKNOWN ? 404 : 200;
    const { lang } = editionOf(path);
    test(`${path} answers ${status}, is lang="${lang}", logs no error and requests nothing from another origin`, async ({
      page,
      baseURL,
    }) => {
      const problems = watchProblems(page, new URL(baseURL!).origin, status);
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('main h1')).toBeVisible();
      expect(problems).toEqual([]);
    });
  }
});

/** Where the element is relative to the sticky header and the viewport. */
async function placement(page: Page, id: string) {
  return page.evaluate((id) => {
    const target = document.getElementById(id);
    const header = document.querySelector('.site-header');
    if (!target || !header) throw new Error(`no #${id} or no .site-header`);
    const box = target.getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      headerBottom: header.getBoundingClientRect().bottom,
      viewportHeight: window.innerHeight,
      remPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
    };
  }, id);
}

/**
 * The element is in the viewport and not under the sticky header. `snug`: also close
 * below the header (within 2rem), where the page is long enough to scroll it there.
 */
async function expectLandedBelowHeader(page: Page, id: string, { snug }: { snug: boolean }) {
  const landed = async () => {
    const p = await placement(page, id);
    const below = p.top >= p.headerBottom - 0.5 && p.bottom <= p.viewportHeight;
    return below && (!snug || p.top <= p.headerBottom + 2 * p.remPx);
  };
  await expect
    .poll(landed, {
      message: `#${id} should sit ${snug ? 'just ' : ''}below the sticky header: ${JSON.stringify(await placement(page, id))}`,
    })
    .toBe(true);
}

test.describe('table of contents on /', () => {
  for (const width of [360, 1280]) {
    test(`each link lands its section heading just below the sticky header (${width}px)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 720 });
      await page.goto('/');
      const links = page.locator('main nav.toc a');
      await expect(links).toHaveCount(sections.length);
      for (const [i, section] of sections.entries()) {
        await expect(links.nth(i)).toHaveAttribute('href', `#${section.slug}`);
        await expect(links.nth(i)).toHaveText(applyTypography(section.title));
        await links.nth(i).click();
        await expect(page).toHaveURL(`/#${section.slug}`);
        await expect(page.locator(`#${section.slug}`)).toHaveText(applyTypography(section.title));
        await expectLandedBelowHeader(page, section.slug, { snug: true });
      }
    });
  }
});

test.describe('the header', () => {
  const author = /^author:\s*(.+)$/m.exec(readFileSync(join(PROJECT_ROOT, 'content/essay.yaml'), 'utf8'))![1]!.trim();
  const siteTitle = (page: Page) => page.locator('.site-header .site-title');

  test('on a phone it names the site, whole, and the search field has room to show its placeholder', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 720 });
    await page.goto('/why-deepseek/');
    await expect(siteTitle(page)).toHaveText(author, { useInnerText: true });
    expect(await siteTitle(page).evaluate((link) => link.scrollWidth <= link.clientWidth), 'not cut off').toBe(true);
    const field = page.locator('[data-search="popup"] input[type="search"]');
    const room = await field.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
      return { needed: context.measureText(input.placeholder).width + padding, has: input.clientWidth };
    });
    expect(room.has, `the placeholder needs ${Math.ceil(room.needed)} px`).toBeGreaterThanOrEqual(room.needed);
  });

  test('on a wide screen it shows the essay’s title, as the full essay’s heading does', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/');
    await expect(siteTitle(page)).toHaveText(await page.locator('main h1').innerText(), { useInnerText: true });
  });
});

test.describe('section pages', () => {
  sections.forEach((section, i) => {
    const previous = sections[i - 1];
    const next = sections[i + 1];
    test(`${sectionPath(section.slug)} links to ${previous?.slug ?? 'no previous'} and ${next?.slug ?? 'no next'}, and both links work`, async ({
      page,
    }) => {
      await page.goto(sectionPath(section.slug));
      await expect(page.locator('main h1.section-heading')).toHaveText(applyTypography(section.title));
      for (const [rel, target] of [
        ['prev', previous],
        ['next', next],
      ] as const) {
        const link = page.locator(`main a[rel="${rel}"]`);
        if (!target) {
          await expect(link).toHaveCount(0);
          continue;
        }
        await expect(link).toHaveAttribute('href', sectionPath(target.slug));
        await expect(link).toContainText(applyTypography(target.title));
        await link.click();
        await expect(page).toHaveURL(sectionPath(target.slug));
        await expect(page.locator('main h1.section-heading')).toHaveText(applyTypography(target.title));
        await page.goBack();
        await expect(page).toHaveURL(sectionPath(section.slug));
      }
    });

    test(`${sectionPath(section.slug)}: “${strings.samePlaceInFullEssay}” lands on the section in the full essay`, async ({
      page,
    }) => {
      await page.goto(sectionPath(section.slug));
      const link = page.getByRole('link', { name: strings.samePlaceInFullEssay, exact: true });
      await expect(link).toHaveAttribute('href', `/#${section.slug}`);
      await link.click();
      await expect(page).toHaveURL(`/#${section.slug}`);
      await expect(page.locator(`#${section.slug}`)).toHaveText(applyTypography(section.title));
      await expectLandedBelowHeader(page, section.slug, { snug: true });
    });
  });
});

test.describe('stable ids', () => {
  const paragraphIds = (slug: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${slug}-${i + 1}`);
  const sectionIds = (section: (typeof sections)[number]) => [
    section.slug,
    ...paragraphIds(section.slug, section.paragraphs.length),
  ];
  const noteIds = paragraphIds('note', essay.note.paragraphs.length);

  /** Ids of the section headings and essay paragraphs in document order; every one must have an id. */
  async function blockIds(page: Page) {
    return page.evaluate(() => {
      const blocks = [...document.querySelectorAll('main .section-heading, main .prose p')];
      const all = [...document.querySelectorAll('[id]')].map((element) => element.id);
      return {
        ids: blocks.map((block) => block.id),
        duplicates: all.filter((id, i) => all.indexOf(id) !== i),
      };
    });
  }

  test('/: every section heading and paragraph has its own id, derived from its part and position', async ({
    page,
  }) => {
    await page.goto('/');
    const { ids, duplicates } = await blockIds(page);
    expect(ids).toEqual([
      ...paragraphIds('lede', essay.lede.paragraphs.length),
      ...sections.flatMap(sectionIds),
      ...noteIds,
    ]);
    expect(duplicates).toEqual([]);
  });

  for (const section of sections) {
    test(`${sectionPath(section.slug)}: the same ids as in the full essay, each linkable`, async ({
      page,
    }) => {
      await page.goto(sectionPath(section.slug));
      const { ids, duplicates } = await blockIds(page);
      expect(ids).toEqual([...sectionIds(section), ...noteIds]);
      expect(duplicates).toEqual([]);
      // A shared link to a paragraph opens with that paragraph in view, below the header.
      const middle = paragraphIds(section.slug, section.paragraphs.length)[section.paragraphs.length >> 1]!;
      await page.goto(`${sectionPath(section.slug)}#${middle}`);
      await expectLandedBelowHeader(page, middle, { snug: false });
    });
  }
});

test.describe('the 404 page', () => {
  for (const path of [NOT_FOUND, UNKNOWN]) {
    test(`${path} explains and links to the full essay and to every section`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('main h1')).toHaveText(strings.notFoundTitle);
      const hrefs = await page
        .locator('main a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['/', ...sections.map((section) => sectionPath(section.slug))]);
      await page.locator('main a[href="/"]').click();
      await expect(page).toHaveURL('/');
      await expect(page.locator('main article .essay-header h1')).toBeVisible();
    });
  }
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of ESSAY_PAGES) {
    test(`${path} shows all of its paragraphs`, async ({ page }) => {
      await page.goto(path);
      const edition = editionOf(path);
      const section = sections.find((s) => path === `${edition.home}${s.slug}/`);
      const paragraphs = section
        ? [...section.paragraphs, ...essay.note.paragraphs]
        : [...essay.lede.paragraphs, ...sections.flatMap((s) => s.paragraphs), ...essay.note.paragraphs];
      const shown = page.locator('main .prose p');
      await expect(shown).toHaveText(paragraphs.map((p) => edition.script(applyTypography(p))));
      for (const paragraph of await shown.all()) await expect(paragraph).toBeVisible();
    });
  }
});

/**
 * The lines of every paragraph, heading and list item in main, measured from the
 * line boxes Chromium drew: one Range per character, grouped by the top of its rect.
 */
async function renderedLines(page: Page): Promise<Array<{ block: string; lines: string[] }>> {
  return page.evaluate(() => {
    const range = document.createRange();
    return [...document.querySelectorAll<HTMLElement>('main :is(p, h1, h2, h3, li)')]
      .filter((element) => !element.querySelector('p, h1, h2, h3, li') && element.checkVisibility())
      .map((element) => {
        const lines: string[] = [];
        let line = '';
        let lineBottom = -Infinity;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.nodeValue ?? '';
          for (let i = 0; i < text.length;) {
            const length = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
            const char = text.slice(i, i + length);
            range.setStart(node, i);
            range.setEnd(node, i + length);
            i += length;
            if (/\s/.test(char)) continue;
            const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
            if (!rect) continue;
            // A character whose top is below the current line's characters starts a new line.
            if (line && rect.top >= lineBottom - 1) {
              lines.push(line);
              line = '';
              lineBottom = -Infinity;
            }
            line += char;
            lineBottom = Math.max(lineBottom, rect.bottom);
          }
        }
        if (line) lines.push(line);
        const name = element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}.${element.className}`;
        return { block: name, lines };
      });
  });
}

test.describe('Chinese line breaking', () => {
  test.describe.configure({ timeout: 60_000 });
  for (const path of [...ESSAY_PAGES, NOT_FOUND]) {
    test(`${path}: no line starts with closing or ends with opening punctuation at 360, 768 and 1280 px`, async ({
      page,
    }) => {
      await page.goto(path);
      const offences: string[] = [];
      const lineCounts: number[] = [];
      for (const width of [360, 768, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const blocks = await renderedLines(page);
        expect(blocks.length).toBeGreaterThan(0);
        lineCounts.push(blocks.reduce((sum, block) => sum + block.lines.length, 0));
        for (const { block, lines } of blocks) {
          lines.forEach((line, i) => {
            const first = Array.from(line)[0]!;
            const last = Array.from(line).at(-1)!;
            if (i > 0 && CLOSING.has(first))
              offences.push(`${width}px ${block} line ${i + 1} starts with ${first}: ${line}`);
            if (i < lines.length - 1 && OPENING.has(last))
              offences.push(`${width}px ${block} line ${i + 1} ends with ${last}: ${line}`);
          });
        }
      }
      expect(offences).toEqual([]);
      // The measurement saw real line boxes: a narrow page has more lines than a wide one.
      expect(lineCounts[0]).toBeGreaterThan(lineCounts[2]!);
    });
  }
});
