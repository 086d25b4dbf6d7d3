/**
 * The Traditional edition under /zh-hant/: every paragraph is exactly OpenCC's
 * conversion of the Simplified one, the pages say which language they are in, the
 * switch between editions keeps the reader's place, and search in either edition
 * finds phrases typed in either script.
 */
import { expect, test, type Page } from '@playwright/test';
import { SIMPLIFIED, TRADITIONAL, essayPages, toTraditional } from '../support/editions';
import { SETTINGS_STORAGE_KEY } from '../../src/reader/settings';

/** Every block with an id (headings and paragraphs) of main, as shown. */
function shownBlocks(page: Page) {
  return page
    .locator('main :is(p, h1, h2, h3)[id]')
    .evaluateAll((blocks) => blocks.map((block) => ({ id: block.id, text: (block as HTMLElement).innerText })));
}

for (const path of essayPages(SIMPLIFIED)) {
  const counterpart = `/zh-hant${path}`;
  test(`${counterpart}: each paragraph and heading is OpenCC's cn→tw conversion of ${path}'s`, async ({ page }) => {
    await page.goto(path);
    const simplified = await shownBlocks(page);
    const title = await page.title();
    await page.goto(counterpart);
    const traditional = await shownBlocks(page);
    expect(simplified.length).toBeGreaterThan(3);
    expect(traditional).toEqual(simplified.map(({ id, text }) => ({ id, text: toTraditional(text) })));
    // The conversion did change the text: these are not the same characters.
    expect(traditional.map((b) => b.text).join('')).not.toBe(simplified.map((b) => b.text).join(''));
    expect(await page.title()).toBe(toTraditional(title));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  });
}

test('the interface of the Traditional edition is in Traditional characters, but for the switch back to 简体', async ({ page }) => {
  await page.goto('/zh-hant/');
  const header = page.locator('.site-header');
  await expect(header.getByRole('searchbox')).toHaveAttribute('placeholder', toTraditional('搜索文中词句'));
  const switchBack = header.locator('[data-edition-switch]');
  await expect(switchBack).toHaveText('简体');
  await expect(switchBack).toHaveAttribute('lang', 'zh-CN');
  await expect(switchBack).toHaveAttribute('hreflang', 'zh-CN');
  // Text the scripts show comes from the page, converted with it.
  await header.getByRole('searchbox').fill('不存在的词语组合龘');
  await expect(header.getByRole('status')).toContainText(toTraditional('没有找到'));
});

test.describe('the edition switch keeps the reader’s place', () => {
  for (const [from, to] of [
    [SIMPLIFIED, TRADITIONAL],
    [TRADITIONAL, SIMPLIFIED],
  ] as const) {
    test(`${from.name} → ${to.name}: same section, same paragraph`, async ({ page }) => {
      await page.goto(`${from.home}us-china-tech/`);
      await page.locator('#us-china-tech-4').evaluate((block) => block.scrollIntoView({ block: 'start' }));
      // By keyboard: Playwright's click would first scroll the page to bring the (sticky) link into view.
      await page.locator('[data-edition-switch]').focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${to.home}us-china-tech/#us-china-tech-[45]$`));
      const landed = new URL(page.url()).hash.slice(1);
      // The address changes as the page starts to load; it scrolls to the block once laid out.
      const top = async () => (await page.locator(`#${landed}`).boundingBox())!.y;
      await expect.poll(top).toBeLessThan(page.viewportSize()!.height / 2);
      expect(await top()).toBeGreaterThan(0);
      await expect(page.locator('html')).toHaveAttribute('lang', to.lang);
    });
  }

  test('at the top of a page it goes to the top of the other edition’s page; on /search/ it keeps the query', async ({ page }) => {
    await page.goto('/facing-ai/');
    await page.locator('[data-edition-switch]').click();
    await expect(page).toHaveURL(/\/zh-hant\/facing-ai\/$/);

    await page.goto(`/zh-hant/search/?q=${encodeURIComponent('軟階層')}`);
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    await page.locator('[data-edition-switch]').click();
    await expect(page).toHaveURL(`/search/?q=${encodeURIComponent('軟階層')}`);
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
  });

  /** The character at a point of the screen: its block, its offset there (white space left out), and its line's top. */
  const characterAt = (page: Page, y: number) =>
    page.evaluate((y) => {
      const block = [...document.querySelectorAll<HTMLElement>('main p[id]')].find((p) => {
        const rect = p.getBoundingClientRect();
        return rect.top < y && rect.bottom > y;
      })!;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          if (/\s/.test(node.data[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.bottom > y) return { id: block.id, offset, top: rect.top, char: node.data[i]! };
          offset++;
        }
      }
      throw new Error('no character there');
    }, y);
  /** The top of the line holding a block's character `offset`. */
  const lineTop = (page: Page, id: string, offset: number) =>
    page.evaluate(
      ([id, offset]) => {
        const walker = document.createTreeWalker(document.getElementById(id as string)!, NodeFilter.SHOW_TEXT);
        let count = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let i = 0; i < node.data.length; i++) {
            if (/\s/.test(node.data[i]!)) continue;
            if (count++ !== offset) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return { top: range.getBoundingClientRect().top, char: node.data[i]! };
          }
        }
        return null;
      },
      [id, offset] as const,
    );
  /** What the page marks: a :target block (the yellow landing mark), and the words highlighted. */
  const marks = (page: Page) =>
    page.evaluate(() => ({
      target: document.querySelector(':target')?.id ?? null,
      words: [...(CSS.highlights.get('search-landing') ?? [])].map((range) => (range as Range).toString().replace(/\s+/g, '')),
    }));

  test('390 px, scrolled into the middle of a paragraph: the same line at the same height, nothing marked', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    // The longest paragraph's middle at 300 px from the top.
    await page.evaluate(() => {
      const block = [...document.querySelectorAll('main p[id]')].sort((a, b) => b.clientHeight - a.clientHeight)[0]!;
      scrollTo(0, scrollY + block.getBoundingClientRect().top + block.clientHeight / 2 - 300);
    });
    const before = await characterAt(page, 300);
    expect(before.offset).toBeGreaterThan(20); // inside the paragraph, not at its start
    await page.locator('[data-edition-switch]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/#[a-z-]+-\d+$/);
    const after = await lineTop(page, before.id, before.offset);
    expect(after!.char).toBe(toTraditional(before.char));
    expect(Math.abs(after!.top - before.top)).toBeLessThanOrEqual(3);
    expect(await marks(page)).toEqual({ target: null, words: [] });
  });

  test('竖排 (vertical, from the reader settings), scrolled sideways into a paragraph: the same column at the same place, nothing marked', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // The whole essay, many screens wide in columns.
    await page.goto('/');
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ writing: 'vertical' })), SETTINGS_STORAGE_KEY);
    await page.reload();
    await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'vertical-rl');
    // The essay scrolls right to left: bring the middle of a long paragraph to the middle of the screen.
    const before = await page.evaluate(() => {
      const block = [...document.querySelectorAll<HTMLElement>('main p[id]')].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
      block.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      // The character starting the column at the screen's middle, and where it is.
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          if (/\s/.test(node.data[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.left < innerWidth / 2) return { id: block.id, offset, right: rect.right, top: rect.top, char: node.data[i]! };
          offset++;
        }
      }
      throw new Error('no character there');
    });
    expect(before.offset).toBeGreaterThan(20); // inside the paragraph, not at its start
    await page.locator('[data-edition-switch]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/#[a-z-]+-\d+$/);
    await expect(page.locator('.essay')).toHaveCSS('writing-mode', 'vertical-rl');
    const after = await page.evaluate(({ id, offset }) => {
      const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          if (/\s/.test(node.data[i]!) || count++ !== offset) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          return { right: rect.right, top: rect.top, char: node.data[i]! };
        }
      }
      return null;
    }, before);
    expect(after!.char).toBe(toTraditional(before.char));
    expect(Math.abs(after!.right - before.right), 'the same column').toBeLessThanOrEqual(3);
    expect(Math.abs(after!.top - before.top), 'the same place in it').toBeLessThanOrEqual(3);
    expect(await marks(page)).toEqual({ target: null, words: [] });
  });

  test('from a quote link (a text fragment), 繁體 keeps the quote marked, in Traditional, and marks no block', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const quote = '真实与人性，或许是我们最后的堡垒';
    await page.goto(`/facing-ai/#facing-ai-6:~:text=${encodeURIComponent(quote)}`);
    await page.waitForTimeout(300); // the browser scrolls to the quote once laid out
    await page.locator('[data-edition-switch]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/facing-ai\/#facing-ai-\d+$/);
    await expect.poll(() => marks(page)).toEqual({ target: null, words: [toTraditional(quote)] });
  });

  test('from a quote link that names its words by start and end (the share panel’s), 繁體 keeps the whole quote marked', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const quote = '真实与人性，或许是我们最后的堡垒';
    await page.goto(`/facing-ai/#facing-ai-6:~:text=${encodeURIComponent('真实')},${encodeURIComponent('堡垒')}`);
    await page.waitForTimeout(300); // the browser scrolls to the quote once laid out
    await page.locator('[data-edition-switch]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/facing-ai\/#facing-ai-\d+$/);
    await expect.poll(() => marks(page)).toEqual({ target: null, words: [toTraditional(quote)] });
  });

  test('from a search result (?hl=), 繁體 keeps its words marked, in Traditional', async ({ page }) => {
    const words = '软阶层';
    await page.goto(`/facing-ai/?hl=${encodeURIComponent(words)}#facing-ai-3`);
    await expect.poll(async () => (await marks(page)).words).toEqual([words]);
    await page.locator('[data-edition-switch]').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/zh-hant\/facing-ai\/#facing-ai-\d+$/);
    await expect.poll(async () => (await marks(page)).words).toEqual([toTraditional(words)]);
    expect((await marks(page)).target).toBeNull();
  });

  test('without JavaScript the switch still goes to the same page in the other edition', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/why-deepseek/');
    await page.locator('[data-edition-switch]').click();
    await expect(page).toHaveURL(/\/zh-hant\/why-deepseek\/$/);
    await context.close();
  });
});

test.describe('search in the Traditional edition', () => {
  const cases = [
    { typed: '软阶层', script: 'Simplified' },
    { typed: '軟階層', script: 'Traditional' },
    { typed: '想象', script: 'Simplified, where OpenCC chose 想像 by phrase' },
    { typed: '想像', script: 'Traditional' },
  ];
  for (const { typed, script } of cases) {
    test(`“${typed}” (${script}) is found, shown and linked in the Traditional edition`, async ({ page }) => {
      await page.goto(`/zh-hant/search/?q=${encodeURIComponent(typed)}`);
      const first = page.locator('[data-search-results] .search-result-link').first();
      await expect(first).toBeVisible();
      expect(new URL((await first.getAttribute('href'))!, page.url()).pathname).toMatch(/^\/zh-hant\//);
      const mark = first.locator('mark');
      // As the Traditional edition shows it: OpenCC turns 想象 into 想像, 软阶层 into 軟階層 (each place marked).
      await expect(mark.first()).toHaveText(toTraditional(typed));
      for (const each of await mark.all()) await expect(each).toHaveText(toTraditional(typed));
      await first.click();
      await expect(page).toHaveURL(/\/zh-hant\/[^?]*\?hl=/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    });
  }

  test('the Simplified edition finds a Traditional query too, and shows Simplified text', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('想像')}`);
    const first = page.locator('[data-search-results] .search-result-link').first();
    await expect(first.locator('mark')).toHaveText('想象');
    expect(new URL((await first.getAttribute('href'))!, page.url()).pathname).not.toMatch(/^\/zh-hant\//);
  });
});
