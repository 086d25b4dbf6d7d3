/**
 * Search, end to end, in Chromium against the built site.
 *
 * Only the public contract is used: the results container `[data-search-results]`,
 * with `aria-busy="true"` while a search runs and `"false"` once its results are
 * rendered; each result an `<li>` whose first `<a>` is its link and whose text shows
 * the section title and the excerpt; `/search/?q=…` runs the search. Besides that,
 * what a reader sees and uses: the search fields (by their label), the status
 * (role `status`), the messages of src/core/strings.ts, links, keys and the URL.
 *
 * Every test also fails on an uncaught page error or an opened dialog.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect as baseExpect, test as base, type Locator, type Page } from '@playwright/test';
import { strings } from '../../src/core/strings';
import { fill } from '../../src/core/fill';
import { applyTypography } from '../../src/core/typography';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { allEssayTexts, readEssayContent } from '../support/essay-content';
import { ROOT_BUILD, builtPath } from '../support/builds';
import { readFragment } from '../../src/search/build/fragments';
import { passageBlocks, type RecordData } from '../../src/search/record';
import type { SearchSettings } from '../../src/search/tokens';

// A first search loads Pagefind's WebAssembly and index; on a busy 2-core machine that can take seconds.
const expect = baseExpect.configure({ timeout: 10_000 });

const t = strings.search;
const sectionTitle = Object.fromEntries(
  readEssayContent().sections.map((section) => [section.slug, applyTypography(section.title)]),
);

/** U+FF0C, the full-width comma the pages show. */
const FW_COMMA = '\uFF0C';
const SOFT_CLASS = '软阶层';

const test = base.extend<{ pageErrors: Error[]; dialogs: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors.map(String), 'uncaught errors on the page').toEqual([]);
    },
    { auto: true },
  ],
  dialogs: [
    async ({ page }, use) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await use(dialogs);
      expect(dialogs, 'dialogs opened').toEqual([]);
    },
    { auto: true },
  ],
});

const resultsOf = (page: Page) => page.locator('[data-search-results]');
const itemsOf = (page: Page) => resultsOf(page).locator(':scope > li');
const linkOf = (item: Locator) => item.locator('a').first();
/** The search field, by its label (its role may be searchbox or combobox). */
const searchField = (page: Page) => page.getByLabel(t.label, { exact: true });
/** The search's status line, once it says something (the page may have other, empty, status regions). */
const statusOf = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });
const queryInUrl = (page: Page) => new URL(page.url()).searchParams.get('q');

/** Opens `/search/?q=query` and waits until its results are rendered. */
async function openSearch(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  // The first search of a page loads Pagefind's WebAssembly and index: allow for a busy machine.
  await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
}

/** The first result's first `<mark>` holds `words` (others mark the other places it shows). */
async function expectFirstMark(page: Page, words: string) {
  const marks = itemsOf(page).first().locator('mark');
  await expect(marks.first()).toHaveText(words);
  await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
}

test.describe('results on /search/?q=', () => {
  test('软阶层 shows its three paragraphs; each excerpt marks every 软阶层 it shows, each as one <mark>, under the section title', async ({ page }) => {
    await openSearch(page, SOFT_CLASS);
    const items = itemsOf(page);
    await expect(items).toHaveCount(3);
    for (const item of await items.all()) {
      await expect(linkOf(item)).toHaveAttribute('href', /^\/facing-ai\/.*#facing-ai-\d+$/);
      await expect(item).toContainText(sectionTitle['facing-ai']!);
      const excerpt = (await item.locator('.search-result-excerpt').textContent())!;
      await expect(item.locator('mark')).toHaveText(excerpt.split(SOFT_CLASS).slice(1).map(() => SOFT_CLASS));
    }
    // 「称之为软阶层。DeepSeek的出现，更是带来加剧软阶层的焦虑」: both, not only the first.
    await expect(items.first().locator('mark')).toHaveText([SOFT_CLASS, SOFT_CLASS]);
    expect(await items.first().textContent(), 'title, then excerpt').toMatch(new RegExp(`^\\s*${sectionTitle['facing-ai']}`));
    await expect(items.first()).toContainText(`\u79F0\u4E4B\u4E3A${SOFT_CLASS}\u3002`); // 称之为软阶层。
  });

  test('the Traditional 軟階層 finds the same three paragraphs, marking the Simplified text', async ({ page }) => {
    await openSearch(page, SOFT_CLASS);
    const simplified = await itemsOf(page).evaluateAll((items) => items.map((li) => li.querySelector('a')!.href));
    expect(simplified).toHaveLength(3);
    await openSearch(page, '軟階層');
    await expect(itemsOf(page)).toHaveCount(3);
    expect(await itemsOf(page).evaluateAll((items) => items.map((li) => li.querySelector('a')!.href))).toEqual(simplified);
    await expectFirstMark(page, SOFT_CLASS);
  });

  test('a query pasted with ASCII commas finds the text the page shows with full-width ones', async ({ page }) => {
    await openSearch(page, '这种性价比,不仅对于用户来说');
    await expectFirstMark(page, `这种性价比${FW_COMMA}不仅对于用户来说`);
    await expect(statusOf(page)).toHaveText(fill(t.found, { count: 1 }));
  });

  test('full-width Latin letters and digits find their ASCII forms', async ({ page }) => {
    // ＤｅｅｐＳｅｅｋ－Ｖ３ … ５５８
    await openSearch(page, '披露\uFF24\uFF45\uFF45\uFF50\uFF33\uFF45\uFF45\uFF4B\uFF0D\uFF36\uFF13模型的训练费用仅为\uFF15\uFF15\uFF18万美元');
    await expectFirstMark(page, '披露DeepSeek-V3模型的训练费用仅为558万美元');
  });

  test('letter case does not matter', async ({ page }) => {
    await openSearch(page, 'deepseek在苹果APP STORE免费');
    await expectFirstMark(page, 'DeepSeek在苹果App Store免费');
  });

  test('a space typed between Chinese and Latin does not matter', async ({ page }) => {
    await openSearch(page, '站在 ChatGPT 等巨人肩头');
    await expectFirstMark(page, '站在ChatGPT等巨人肩头');
  });

  test('a match that starts or ends inside a Latin word is still one <mark>, the word\u2019s spaces kept at its ends', async ({ page }) => {
    await openSearch(page, 'epSeek在苹果App');
    await expectFirstMark(page, 'epSeek在苹果App');
    const mark = itemsOf(page).first().locator('mark');
    // The runs of DeepSeek and App Store, each split at the match's edge into two of its elements.
    expect(await mark.evaluate((element) => Array.from(element.children, (child) => `${child.className}:${child.textContent}`))).toEqual([
      'space-after:epSeek',
      'space-before unbroken:App',
    ]);
    expect(await mark.evaluate((element) => element.previousElementSibling?.className)).toBe('');
  });

  test('a one-character query finds the paragraph that holds it', async ({ page }) => {
    await openSearch(page, '韭');
    await expect(itemsOf(page)).toHaveCount(1);
    await expect(linkOf(itemsOf(page).first())).toHaveAttribute('href', /#facing-ai-5$/);
    await expectFirstMark(page, '韭');
  });

  test('an exact match comes first, before a paragraph holding the same words with other punctuation, against the essay order', async ({ page }) => {
    // 换而言之，DeepSeek的成功， stands in why-deepseek-5; why-deepseek-4, earlier, has 换而言之，DeepSeek的成功恰恰.
    await openSearch(page, `换而言之${FW_COMMA}DeepSeek的成功${FW_COMMA}`);
    const items = itemsOf(page);
    await expect(items).toHaveCount(2);
    await expect(linkOf(items.nth(0))).toHaveAttribute('href', /#why-deepseek-5$/);
    await expect(linkOf(items.nth(1))).toHaveAttribute('href', /#why-deepseek-4$/);
    await expect(items.nth(0).locator('mark')).toHaveText([`换而言之${FW_COMMA}DeepSeek的成功${FW_COMMA}`]);
    await expect(items.nth(1).locator('mark')).toHaveText([`换而言之${FW_COMMA}DeepSeek的成功`]);
    await expect(items.filter({ hasText: t.partialLabel })).toHaveCount(0);
    await expect(statusOf(page)).toHaveText(fill(t.foundWithOther, { count: 1, other: 1 }));
  });

  test('the count says how many paragraphs hold the words as typed, and apart how many hold them only across other punctuation', async ({ page }) => {
    // 功不: in a row in 其成功不在于 (one paragraph); across a comma only in 的成功，不仅 and 的成功，不是 (two others).
    // Two characters are one token of this essay's index: the count comes without checking each paragraph's text.
    await openSearch(page, '功不');
    await expect(statusOf(page)).toHaveText(fill(t.foundWithOther, { count: 1, other: 2 }));
    const items = itemsOf(page);
    await expect(items).toHaveCount(3);
    await expect(items.nth(0).locator('mark')).toHaveText(['功不']);
    for (const i of [1, 2]) await expect(items.nth(i).locator('mark')).toHaveText([`功${FW_COMMA}不`]);
    expect(t.foundWithOther).toBe('在{count}段中找到，另有{other}段标点不同');

    // 注甚: only across the comma of 关注，甚至.
    await openSearch(page, '注甚');
    await expect(statusOf(page)).toHaveText(fill(t.foundOnlyOther, { other: 1 }));
    await expect(itemsOf(page)).toHaveCount(1);
    await expect(itemsOf(page).first().locator('mark')).toHaveText([`注${FW_COMMA}甚`]);

    // Typed with the comma, the one paragraph holding it so is the exact one.
    await openSearch(page, `关注${FW_COMMA}甚`);
    await expect(statusOf(page)).toHaveText(fill(t.found, { count: 1 }));
  });

  test('a phrase that runs from the last paragraph into the author\u2019s note is found once, and leads to the full essay where they stand together', async ({ page }) => {
    const essay = readEssayContent();
    const last = Array.from(applyTypography(essay.sections.at(-1)!.paragraphs.at(-1)!));
    const note = Array.from(applyTypography(essay.note.paragraphs[0]!));
    const noteText = applyTypography(essay.note.paragraphs[0]!);
    // Its first letters inside the paragraph (found by the paragraph's own token), and running
    // across from its last letter, 要 before 。 (found by the seam's tokens).
    expect(last.at(-1)).toBe('\u3002');
    for (const query of [[...last.slice(-6), ...note.slice(0, 4)].join(''), [...last.slice(-2), ...note.slice(0, 4)].join('')]) {
      expect(allEssayTexts(essay).some((text) => applyTypography(text).includes(query)), query).toBe(false);
      await openSearch(page, query);
      await expect(statusOf(page), query).toHaveText(fill(t.found, { count: 1 }));
      const href = new URL((await linkOf(itemsOf(page).first()).getAttribute('href'))!, 'http://x');
      expect(href.pathname, query).toBe('/');
      await page.goto(href.pathname + href.search + href.hash);
      const target = page.locator(`[id="${decodeURIComponent(href.hash.slice(1))}"]`);
      await expect(target).toContainText(last.slice(-6).join(''));
      expect(await target.evaluate((element) => element.closest('main') !== null)).toBe(true);
      await expect(page.locator('main')).toContainText(noteText);
    }
  });

  test('with no exact match, partial matches are shown after a message saying so, each labelled 部分匹配', async ({ page }) => {
    // The book is 《伟大不能被计划》: 规划 instead of 计划 matches only in part.
    await openSearch(page, '伟大不能被规划');
    const items = itemsOf(page);
    await expect(items.first()).toBeVisible();
    const count = await items.count();
    await expect(statusOf(page)).toHaveText(fill(t.foundPartial, { count }));
    await expect(items.filter({ hasText: t.partialLabel })).toHaveCount(count);
    await expectFirstMark(page, '伟大不能被');
    expect(t.partialLabel).toBe('部分匹配');

    await openSearch(page, '伟大不能被计划');
    await expect(itemsOf(page)).toHaveCount(2);
    await expect(itemsOf(page).filter({ hasText: t.partialLabel })).toHaveCount(0);
  });

  test('a query with no result says so in Chinese and suggests words that do find something', async ({ page }) => {
    await openSearch(page, '龘靐齉');
    await expect(itemsOf(page)).toHaveCount(0);
    const status = statusOf(page);
    await expect(status).toContainText(fill(t.noResults, { query: '龘靐齉' }));
    await expect(status).toContainText(t.suggestion);
    const suggestions = status.getByRole('link');
    await expect(suggestions).toHaveText([...t.suggestions]);
    await suggestions.first().click();
    await expect.poll(() => queryInUrl(page)).toBe(t.suggestions[0]);
    await expect(itemsOf(page).first()).toBeVisible();
    await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
  });

  test('an empty query shows the hint, and so does clearing the field', async ({ page }) => {
    await openSearch(page, '');
    await expect(statusOf(page)).toHaveText(t.hint);
    await expect(itemsOf(page)).toHaveCount(0);

    await openSearch(page, SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    await searchField(page).fill('');
    await expect(statusOf(page)).toHaveText(t.hint);
    await expect(itemsOf(page)).toHaveCount(0);
    await expect.poll(() => queryInUrl(page)).toBeNull();
  });

  test('the number of results is announced in a polite live status region', async ({ page }) => {
    await openSearch(page, SOFT_CLASS);
    const status = page.getByRole('status').filter({ hasText: fill(t.found, { count: 3 }) });
    await expect(status).toHaveCount(1);
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(fill(t.found, { count: 3 }));
  });
});

test.describe('the header field', () => {
  test('typing on / shows results as you type, without Enter, and aria-busy is true until they are rendered', async ({ page }) => {
    // Hold Pagefind's files, to see the search in progress.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    const results = resultsOf(page);
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await searchField(page).pressSequentially(SOFT_CLASS);
    await expect(results).toHaveAttribute('aria-busy', 'true');
    await expect(itemsOf(page)).toHaveCount(0);
    release();
    await expect(itemsOf(page)).toHaveCount(3);
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await expect(itemsOf(page).first().locator('mark').first()).toHaveText(SOFT_CLASS);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('results wait for a pause in typing (debounced): no search while keys arrive, one search for the phrase', async ({ page }) => {
    // The page's clock stands still while typing, so the proof does not depend on how fast keys arrive.
    await page.clock.install();
    await page.goto('/');
    await page.evaluate(() => {
      // Count the searches: each one sets aria-busy to true.
      const results = document.querySelector('[data-search-results]')!;
      const w = window as unknown as { searchesRun: number };
      w.searchesRun = 0;
      new MutationObserver((records) => {
        for (const record of records) if (record.oldValue !== 'true' && results.getAttribute('aria-busy') === 'true') w.searchesRun++;
      }).observe(results, { attributeFilter: ['aria-busy'], attributeOldValue: true });
    });
    const searchesRun = () => page.evaluate(() => (window as unknown as { searchesRun: number }).searchesRun);
    await page.clock.pauseAt(Date.now() + 60_000);
    await searchField(page).pressSequentially('伟大不能被计划');
    expect(await searchesRun()).toBe(0);
    await expect(itemsOf(page)).toHaveCount(0);

    await page.clock.resume();
    await expect(itemsOf(page)).toHaveCount(2);
    await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
    expect(await searchesRun()).toBe(1);
  });

  test('/ and Ctrl+K focus the header field from the page', async ({ page }) => {
    await page.goto('/');
    const field = searchField(page);
    await expect(field).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(''); // the key only focuses

    await field.blur();
    await expect(field).not.toBeFocused();
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused();
  });

  test('/ typed in another text field is typed there and does not move focus', async ({ page }) => {
    await page.goto('/');
    // A text field of the reader's (a browser extension, a future comment box).
    await page.evaluate(() => {
      const field = Object.assign(document.createElement('textarea'), { id: 'other-field' });
      document.querySelector('main')!.prepend(field);
    });
    const other = page.locator('#other-field');
    await other.focus();
    await page.keyboard.type('a/b');
    await expect(other).toHaveValue('a/b');
    await expect(other).toBeFocused();
    await expect(searchField(page)).not.toBeFocused();
  });

  test('/ typed in the search page field is part of the query', async ({ page }) => {
    await openSearch(page, '');
    const field = searchField(page);
    await field.focus();
    await page.keyboard.type('1/20');
    await expect(field).toHaveValue('1/20');
    await expect(field).toBeFocused();
  });

  test('ArrowDown pressed while a newer search is on its way takes the focus to that search\u2019s first result, not into the list it replaces', async ({ page }) => {
    await page.goto('/');
    const field = searchField(page);
    await field.pressSequentially(SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    // The next search's fragments arrive late, so that ArrowDown surely comes while it runs.
    await page.route('**/*.pf_fragment', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await field.fill('\u6027\u4EF7\u6BD4'); // 性价比
    await field.press('ArrowDown');
    await expect(field).toBeFocused(); // not on a result of 软阶层, about to be removed
    const first = linkOf(itemsOf(page).first());
    await expect(first.locator('mark').first()).toHaveText('\u6027\u4EF7\u6BD4');
    await expect(first).toBeFocused();

    // Focus on a result when a newer search replaces the list: it moves to the new first result.
    await field.focus();
    await field.fill(SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    await field.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(linkOf(itemsOf(page).nth(1))).toBeFocused();
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-search="popup"] input[type="search"]')!;
      input.value = '\u6027\u4EF7\u6BD4';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(first.locator('mark').first()).toHaveText('\u6027\u4EF7\u6BD4');
    await expect(first).toBeFocused();

    // ArrowDown, then the reader leaves the field before the results arrive: they do not pull the focus back.
    await field.focus();
    await field.fill(SOFT_CLASS);
    await field.press('ArrowDown');
    await page.keyboard.press('Shift+Tab');
    await expect(field).not.toBeFocused();
    const left = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    await expect(first.locator('mark').first()).toHaveText(SOFT_CLASS);
    await expect(first).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(left);
  });

  test('on /search/, Enter pressed during the typing pause leaves ArrowDown working', async ({ page }) => {
    await page.goto('/search/');
    const field = searchField(page);
    await field.fill(SOFT_CLASS);
    await field.press('Enter'); // within the 120 ms pause: the pending search is replaced by Enter's
    await expect(itemsOf(page)).toHaveCount(3);
    await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
    await field.press('ArrowDown');
    await expect(linkOf(itemsOf(page).first())).toBeFocused();
  });

  test('ArrowDown and ArrowUp move through the results, and Escape returns to the field', async ({ page }) => {
    await page.goto('/');
    const field = searchField(page);
    await field.pressSequentially(SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    const links = { nth: (i: number) => linkOf(itemsOf(page).nth(i)), first: () => linkOf(itemsOf(page).first()) };

    await field.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowDown'); // stays on the last
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(field).toBeFocused();

    await field.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(SOFT_CLASS);
    await expect(links.first()).toBeHidden(); // the panel closed
  });
});

test.describe('the /search/ page URL', () => {
  test('follows the query while typing without adding history, Enter adds an entry, Back and Forward restore query and results', async ({ page }) => {
    await openSearch(page, SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    const historyLength = () => page.evaluate(() => history.length);
    const before = await historyLength();

    const field = searchField(page);
    await field.fill('性价比');
    await expect.poll(() => queryInUrl(page)).toBe('性价比');
    await expectFirstMark(page, '性价比');
    expect(await historyLength()).toBe(before);

    await field.press('Enter');
    await expect.poll(historyLength).toBe(before + 1);
    expect(queryInUrl(page)).toBe('性价比');

    await page.goBack();
    await expect.poll(() => queryInUrl(page)).toBe(SOFT_CLASS);
    await expect(field).toHaveValue(SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);
    await expectFirstMark(page, SOFT_CLASS);

    await page.goForward();
    await expect.poll(() => queryInUrl(page)).toBe('性价比');
    await expect(field).toHaveValue('性价比');
    await expectFirstMark(page, '性价比');
  });

  test('is the URL of the query, so opening it again shows the same results', async ({ page }) => {
    await openSearch(page, '');
    await searchField(page).fill('伟大不能被计划');
    await expect(itemsOf(page)).toHaveCount(2);
    await searchField(page).press('Enter');
    await page.reload();
    await expect(searchField(page)).toHaveValue('伟大不能被计划');
    await expect(itemsOf(page)).toHaveCount(2);
  });
});

test.describe('landing on the words, on a phone', () => {
  test.use({ viewport: { width: 390, height: 700 } });

  /** The 'search-landing' highlight's text and where it is, and the bottom of the sticky header. */
  async function landing(page: Page) {
    await page.waitForFunction(() => CSS.highlights.has('search-landing'));
    return page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('search-landing') as unknown as Iterable<Range>)];
      const rect = ranges[0]!.getBoundingClientRect();
      const stickyBottom = Math.max(
        0,
        ...[...document.querySelectorAll('body *')]
          .filter((element) => ['sticky', 'fixed'].includes(getComputedStyle(element).position))
          .map((element) => element.getBoundingClientRect())
          .filter((box) => box.top <= 0 + 1 && box.height > 0)
          .map((box) => box.bottom),
      );
      return { texts: ranges.map(String), top: rect.top, bottom: rect.bottom, stickyBottom, viewport: innerHeight };
    });
  }

  function expectInView(found: Awaited<ReturnType<typeof landing>>) {
    expect(found.top, 'below the sticky header').toBeGreaterThanOrEqual(found.stickyBottom);
    expect(found.bottom, 'above the bottom of the screen').toBeLessThanOrEqual(found.viewport);
    expect(found.stickyBottom).toBeGreaterThan(0);
  }

  test('a result on /search/ leads to its section page, the words highlighted in view below the sticky header', async ({ page }) => {
    const words = `对${SOFT_CLASS}而言`;
    await openSearch(page, words);
    await linkOf(itemsOf(page).first()).click();
    await expect(page).toHaveURL(/\/facing-ai\/\?hl=[^#]+#facing-ai-6$/);
    const found = await landing(page);
    expect(found.texts).toEqual([words]);
    expectInView(found);
  });

  test('the landed paragraph marks every place of the words, not only the first; the first is the one in view', async ({ page }) => {
    await openSearch(page, SOFT_CLASS);
    await linkOf(itemsOf(page).first()).click();
    await expect(page).toHaveURL(/\/facing-ai\/\?hl=[^#]+#facing-ai-\d+$/);
    const found = await landing(page);
    expect(found.texts).toEqual([SOFT_CLASS, SOFT_CLASS]);
    expectInView(found);
    // Both in the paragraph landed on.
    const blocks = await page.evaluate(() =>
      [...(CSS.highlights.get('search-landing') as unknown as Iterable<Range>)].map((range) => range.startContainer.parentElement!.closest('[id]')!.id),
    );
    expect(blocks).toEqual([new URL(page.url()).hash.slice(1), new URL(page.url()).hash.slice(1)]);
  });

  test('a result in the header panel on / leads to the words on their page, found from Traditional input', async ({ page }) => {
    await page.goto('/');
    await searchField(page).pressSequentially('斯普特尼克1號');
    await expectFirstMark(page, '斯普特尼克1号');
    await linkOf(itemsOf(page).first()).click();
    await expect(page).toHaveURL(/\/us-china-tech\/\?hl=[^#]+#us-china-tech-\d+$/);
    const found = await landing(page);
    expect(found.texts).toEqual(['斯普特尼克1号']);
    expectInView(found);
  });
});

test.describe('cost on first view', () => {
  test('nothing is fetched from /pagefind/ on first view of / until the header field is focused', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) fetched.push(request.url());
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 600);
    await page.keyboard.press('Tab');
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);

    await searchField(page).focus();
    await expect.poll(() => fetched.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  test('a long query fetches the fragments of the passages holding its start, or, where those weigh more than an index chunk, of those holding its start and its end', async ({ page }) => {
    const query = '\u8BA1\u5212\u5B98\u50DA\u62DF\u5B9A\u7684'; // 计划官僚拟定的
    // The passages of the build (src/search/build/passages.ts), each block's letters and digits.
    const dir = builtPath(ROOT_BUILD, 'pagefind/fragment');
    const passages = await Promise.all(
      readdirSync(dir).map(async (name) => {
        const { filters } = (await readFragment(join(dir, name))) as unknown as { filters: RecordData };
        return passageBlocks(filters).map((block) => block.text.replace(/[^\p{L}\p{N}]/gu, '')).join('\n');
      }),
    );
    const holding = (...stretches: string[]) => passages.filter((text) => stretches.every((stretch) => text.includes(stretch))).length;
    // The essay's stretches are two letters long (src/search/build/phrase-chars.ts).
    const start = holding('\u8BA1\u5212'); // 计划
    const both = holding('\u8BA1\u5212', '\u5B9A\u7684'); // 计划 … 定的
    expect(both).toBeLessThan(start);
    // Narrowed by the end only where the start's fragments would weigh more than the end's chunk (search-index.ts `measureBundle`).
    const { narrowAbove } = JSON.parse(readFileSync(builtPath(ROOT_BUILD, 'pagefind/search.json'), 'utf8')) as SearchSettings;
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_fragment')) fragments.push(request.url());
    });
    await openSearch(page, query);
    const letters = allEssayTexts(readEssayContent()).map((text) => applyTypography(text).replace(/[^\p{L}\p{N}]/gu, ''));
    await expect(statusOf(page)).toHaveText(fill(t.found, { count: letters.filter((text) => text.includes(query)).length }));
    expect(fragments.length).toBeGreaterThanOrEqual(holding(query));
    expect(fragments.length).toBe(start > narrowAbove ? both : start);
  });
});

test.describe('bad input', () => {
  const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

  for (const payload of PAYLOADS) {
    test(`${payload} is shown as text and never runs, on /search/ and in the header field`, async ({ page }) => {
      await openSearch(page, payload);
      await expect(statusOf(page)).toContainText(payload);
      await expect(page.locator('[data-search-results] img, [role="status"] img, [role="status"] script')).toHaveCount(0);

      await page.goto('/');
      const images = await page.locator('img').count();
      await searchField(page).fill(payload);
      await expect(statusOf(page)).toContainText(payload);
      await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
      expect(await page.locator('img').count()).toBe(images);
      // The auto fixtures fail the test if a dialog opened or a script threw.
    });
  }

  test('a 10,000-character query is cut with a message and still answers', async ({ page }) => {
    const long = `对于${SOFT_CLASS}来说${'放弃无谓焦虑'.repeat(2000)}`.slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    await openSearch(page, '');
    await searchField(page).fill(long);
    await expect(statusOf(page)).toContainText(fill(t.truncated, { max: 200 }));
    await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
  });

  test('a 10,000-character query submitted from the header field opens the search page, which answers', async ({ page }) => {
    const long = `对于${SOFT_CLASS}来说${'放弃无谓焦虑'.repeat(2000)}`.slice(0, 10_000);
    await page.goto('/');
    await searchField(page).fill(long);
    await expect(statusOf(page)).toContainText(fill(t.truncated, { max: 200 }));
    await searchField(page).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await expect(resultsOf(page)).toHaveAttribute('aria-busy', 'false');
    await expect(statusOf(page)).not.toBeEmpty();
  });

  test('a too-long query is counted in characters, not UTF-16 units, in the message', async ({ page }) => {
    await openSearch(page, '');
    await searchField(page).fill('\u{20000}'.repeat(300)); // 𠀀, Han extension B
    await expect(statusOf(page)).toContainText(fill(t.truncated, { max: 200 }));
  });

  const INVISIBLE_OR_ODD: Array<[string, string]> = [
    ['emoji only', '\u{1F600}\u{1F389}\u{1F44D}\u{1F3FD}'],
    ['control characters', '\u0007\u0001\u001B'],
    ['zero-width characters', '\u200B\u200C\u200D\uFEFF'],
    ['right-to-left marks', '\u202E\u200F\u2067'],
  ];
  for (const [what, query] of INVISIBLE_OR_ODD) {
    test(`${what} get a message, not an error`, async ({ page }) => {
      await openSearch(page, query);
      await expect(statusOf(page)).toHaveText(t.noWords);
      await expect(itemsOf(page)).toHaveCount(0);
    });
  }

  test('zero-width and right-to-left marks pasted inside a phrase do not stop it being found exactly', async ({ page }) => {
    await openSearch(page, `\u200F\u8F6F\u200B\u9636\u5C42\u202C`);
    await expect(itemsOf(page)).toHaveCount(3);
    await expect(statusOf(page)).toHaveText(fill(t.found, { count: 3 }));
    await expectFirstMark(page, SOFT_CLASS);
  });
});

test.describe('without JavaScript', () => {
  // A browser with scripting switched off in its settings, as a reader would: Playwright's
  // `javaScriptEnabled: false` stops scripts but leaves Chromium parsing <noscript> as if they ran.
  test('the header form goes to /search/?q=, which says search needs JavaScript and links to the full essay', async ({ playwright, baseURL }) => {
    const browser = await playwright.chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'],
    });
    try {
      const page = await browser.newPage({ baseURL: baseURL!, locale: 'zh-CN' });
      await page.goto('/');
      await searchField(page).fill(SOFT_CLASS);
      await searchField(page).press('Enter');
      await expect(page).toHaveURL(`/search/?q=${encodeURIComponent(SOFT_CLASS)}`);
      // As the reader sees it: once its stylesheets are in (they block the first paint), the search page's own among them.
      await page.waitForLoadState('load');
      // (getByText does not look inside <noscript>; the paragraph's role does.)
      await expect(page.getByRole('paragraph').filter({ hasText: t.needsJavaScript })).toBeVisible();
      const essayLink = page.getByRole('link', { name: t.openFullEssay });
      await expect(essayLink).toBeVisible();
      await expect(essayLink).toHaveAttribute('href', '/');
      // The notice for scripts that failed to load is for browsers that run scripts: never shown here.
      expect(await page.locator('[data-search-fallback]').evaluate((notice) => getComputedStyle(notice).display)).toBe('none');
      await expect(searchField(page)).toBeHidden();
      await expect(resultsOf(page)).toBeHidden();
      await essayLink.click();
      await expect(page.getByRole('heading', { level: 2, name: sectionTitle['facing-ai']! })).toBeVisible();
    } finally {
      await browser.close();
    }
  });
});

test.describe('when the search files cannot be loaded', () => {
  test('the search says so in Chinese with a link to the full essay, the page keeps working, and a later search succeeds', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await openSearch(page, SOFT_CLASS);
    const status = statusOf(page);
    await expect(status).toContainText(t.failed);
    expect(t.failed).toMatch(/\p{Script=Han}/u);
    const essayLink = status.getByRole('link', { name: t.openFullEssay });
    await expect(essayLink).toHaveAttribute('href', '/');

    // The field still takes input and answers (with the same message) ...
    await searchField(page).fill('性价比');
    await expect.poll(() => queryInUrl(page)).toBe('性价比');
    await expect(status).toContainText(t.failed);
    // ... and once the files load again, the next search works.
    await page.unroute('**/pagefind/**');
    await searchField(page).fill(SOFT_CLASS);
    await expect(itemsOf(page)).toHaveCount(3);

    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto('/');
    await searchField(page).fill(SOFT_CLASS);
    await expect(statusOf(page)).toContainText(t.failed);
    await statusOf(page).getByRole('link', { name: t.openFullEssay }).click();
    await expect(page).toHaveURL('/');
    await page.getByRole('navigation').getByRole('link', { name: sectionTitle['facing-ai']! }).first().click();
    await expect(page).toHaveURL(/#facing-ai$/);
  });
});
