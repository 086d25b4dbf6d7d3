/**
 * The reader's own copy (src/readers-copy/) in the built site, in Chromium: 划线 made with real
 * selections (pointer and keyboard), seen again after a reload on the section's page, the full
 * essay and the other edition; notes, removal and undo; 我的划线 and its exports and import; two
 * tabs; storage full or unavailable; 继续阅读 after a reload and never on a link's arrival.
 *
 * One file of about 300 lines: its tests share the selections and probes above and are the one
 * feature's behaviour, end to end.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fill } from '../../src/core/fill';
import { blockPlacement, blockText, centre, highlightedWords, rc, selectFirst, wordEnds } from '../support/readers-copy';

type Probe<A extends unknown[], R> = (win: Window, ...args: A) => R;
const run = <A extends unknown[], R>(page: Page, probe: Probe<A, R>, ...args: A): Promise<R> =>
  page.evaluate(`(${probe.toString()})(window, ...${JSON.stringify(args)})`) as Promise<R>;

const BLOCK = 'why-deepseek-3';
const WORDS = '意味着更好的体验';
const WORDS_HANT = '意味著更好的體驗';

/** Selects `words` in a block by dragging the mouse over them. */
async function dragOver(page: Page, id: string, words: string) {
  await run(page, centre, id);
  const text = (await run(page, blockText, id))!;
  const start = text.indexOf(words);
  expect(start, `${words} in #${id}`).toBeGreaterThanOrEqual(0);
  const ends = (await run(page, wordEnds, id, start, start + words.length))!;
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move((ends.from.x + ends.to.x) / 2, ends.to.y, { steps: 4 });
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe(words);
}

const highlightButton = (page: Page) => page.getByRole('button', { name: rc.highlight, exact: true });

async function highlight(page: Page, id: string, words: string) {
  await dragOver(page, id, words);
  await highlightButton(page).click();
  await expect.poll(() => run(page, highlightedWords)).toContain(words);
}

test.describe('划线', () => {
  test('a phrase selected with the pointer: 「划线」, then after a reload on both pages and in 繁體', async ({ page }) => {
    await page.goto('/why-deepseek/');
    await highlight(page, BLOCK, WORDS);
    // Marking changes nothing of the text.
    expect(await run(page, blockText, BLOCK)).toContain(WORDS);
    await page.reload();
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
    await page.goto('/');
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
    await page.goto('/zh-hant/why-deepseek/');
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS_HANT]);
    await page.goto('/zh-hant/');
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS_HANT]);
  });

  test('a selection made with Shift and the arrow keys reaches 「划线」 with Tab', async ({ page }) => {
    await page.goto('/why-deepseek/');
    await run(page, centre, BLOCK);
    const text = (await run(page, blockText, BLOCK))!;
    // The words' first character selected (Chromium moves no caret through a page's text without
    // caret browsing, which a test cannot switch on), then Shift+→ over the rest of them.
    await run(page, selectFirst, BLOCK, text.indexOf(WORDS));
    for (let i = 1; i < WORDS.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe(WORDS);
    await expect(highlightButton(page)).toBeVisible();
    // The sharing feature's buttons come with its code, which the first selection loads.
    await expect(page.getByRole('button', { name: '生成书摘图片' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '复制引用链接' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(highlightButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
  });

  test('overlapping and touching 划线 merge; a selection across paragraphs makes one per paragraph', async ({ page }) => {
    await page.goto('/why-deepseek/');
    await highlight(page, BLOCK, '意味着更好');
    await dragOver(page, BLOCK, '更好的体验');
    await highlightButton(page).click();
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
    await dragOver(page, BLOCK, '，更是对于');
    await highlightButton(page).click();
    await expect.poll(() => run(page, highlightedWords)).toEqual([`${WORDS}，更是对于`]);
    // From the end of one paragraph into the next.
    const first = (await run(page, blockText, 'why-deepseek-1'))!;
    await page.evaluate(() => {
      const from = document.getElementById('why-deepseek-1')!;
      const to = document.getElementById('why-deepseek-2')!;
      const range = document.createRange();
      range.setStart(from.lastChild!.previousSibling ?? from.firstChild!, 0);
      const walker = document.createTreeWalker(to, NodeFilter.SHOW_TEXT);
      walker.nextNode();
      const text = walker.nextNode() as Text; // 月 after the digit's cell
      range.setEnd(text, 1);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await highlightButton(page).click();
    await expect.poll(async () => (await run(page, highlightedWords)).length).toBe(3);
    const words = await run(page, highlightedWords);
    expect(first.endsWith(words.find((w) => first.includes(w))!)).toBe(true);
    expect(words).toContain('1月');
    await page.getByRole('button', { name: /我的划线/ }).click();
    await expect(page.locator('.readers-copy-entry')).toHaveCount(3);
  });
});

test.describe('a 划线 and its note', () => {
  test('note, remove with undo, the menu from a click on the words', async ({ page }) => {
    await page.goto('/why-deepseek/');
    await highlight(page, BLOCK, WORDS);
    const text = (await run(page, blockText, BLOCK))!;
    const ends = (await run(page, wordEnds, BLOCK, text.indexOf(WORDS) + 2, text.indexOf(WORDS) + 3))!;
    await page.mouse.click(ends.from.x + 2, ends.from.y);
    const menu = page.getByRole('dialog', { name: rc.menuTitle });
    await expect(menu).toBeVisible();
    await menu.getByRole('button', { name: rc.writeNote }).click();
    await menu.getByLabel(rc.noteLabel).fill('性价比的另一面');
    await menu.getByRole('button', { name: rc.saveNote }).click();
    await expect(page.getByRole('status').filter({ hasText: rc.noteSaved })).toHaveCount(1);
    await page.reload();
    await page.getByRole('button', { name: /我的划线/ }).click();
    const list = page.getByRole('dialog', { name: rc.myHighlights });
    await expect(list.locator('.readers-copy-entry')).toContainText(WORDS);
    await expect(list.locator('.readers-copy-entry')).toContainText('性价比的另一面');
    await list.getByRole('button', { name: rc.remove }).click();
    await expect(list.locator('.readers-copy-entry')).toHaveCount(0);
    await expect.poll(() => run(page, highlightedWords)).toEqual([]);
    await expect(page.getByRole('status').filter({ hasText: rc.removed })).toHaveCount(1);
    await page.getByRole('button', { name: rc.undo }).click();
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
    await page.reload();
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
  });
});

test.describe('我的划线', () => {
  test('lists the phrase, lands on it, exports Markdown with the link that holds it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: /我的划线/ })).toHaveCount(0);
    await highlight(page, BLOCK, WORDS);
    await page.goto('/facing-ai/');
    await page.getByRole('button', { name: /我的划线/ }).click();
    const list = page.getByRole('dialog', { name: rc.myHighlights });
    await expect(list).toContainText(WORDS);
    await expect(list).toContainText('DeepSeek为何那么惊艳');
    const download = page.waitForEvent('download');
    await list.getByRole('button', { name: /导出/ }).first().click();
    const file = readFileSync((await (await download).path())!, 'utf8');
    expect(file).toContain(`> ${WORDS}`);
    expect(file).toMatch(/\]\(http:\/\/localhost:4321\/why-deepseek\/#why-deepseek-3:~:text=/);
    // The entry lands on its words, on the page that holds them.
    await list.getByRole('link', { name: WORDS }).click();
    await expect(page).toHaveURL(/\/why-deepseek\/\?hl=.*#why-deepseek-3$/);
    await expect.poll(() => run(page, highlightedWords)).toEqual([WORDS]);
  });

  test('exported as a file and imported in a clean profile, the 划线 and notes come back; a foreign or corrupt file changes nothing', async ({ page, browser }) => {
    await page.goto('/why-deepseek/');
    await highlight(page, BLOCK, WORDS);
    await page.getByRole('button', { name: /我的划线/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: rc.exportFile }).click();
    const json = readFileSync((await (await download).path())!, 'utf8');
    const clean = await browser.newPage();
    await clean.goto(page.url());
    await expect.poll(() => run(clean, highlightedWords)).toEqual([]);
    // Nothing kept: the list opens from the code that comes with a scroll or selection; here, from a selection.
    await dragOver(clean, BLOCK, '性价比，不仅');
    await highlightButton(clean).click();
    await clean.getByRole('button', { name: /我的划线/ }).click();
    const chooser = async (name: string, text: string) => {
      const picked = clean.waitForEvent('filechooser');
      await clean.getByRole('button', { name: rc.importFile }).click();
      await (await picked).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await chooser('other.json', json.replace(/"id": "http:\/\/localhost:4321\/"/, '"id": "https://example.org/another-essay/"'));
    await expect(clean.getByRole('status').filter({ hasText: rc.importOtherEssay })).toHaveCount(1);
    await chooser('broken.json', '{"format": "essay-highlights-export", "marks": [');
    await expect(clean.getByRole('status').filter({ hasText: rc.importNotExport })).toHaveCount(1);
    await expect.poll(() => run(clean, highlightedWords)).toEqual(['性价比，不仅']);
    await chooser('mine.json', json);
    await expect(clean.getByRole('status').filter({ hasText: fill(rc.imported, { count: '1' }) })).toHaveCount(1);
    await expect.poll(async () => (await run(clean, highlightedWords)).sort()).toEqual([WORDS, '性价比，不仅'].sort());
    await clean.close();
  });

  test('全部删除 asks first, then removes every 划线, with undo', async ({ page }) => {
    await page.goto('/why-deepseek/');
    await highlight(page, BLOCK, WORDS);
    await highlight(page, 'why-deepseek-1', '美国市场');
    await page.getByRole('button', { name: /我的划线/ }).click();
    await page.getByRole('button', { name: rc.removeAll }).click();
    expect(await run(page, highlightedWords)).toHaveLength(2);
    await page.getByRole('button', { name: fill(rc.confirmRemoveAll, { count: '2' }) }).click();
    await expect.poll(() => run(page, highlightedWords)).toEqual([]);
    await page.getByRole('button', { name: rc.undo }).click();
    await expect.poll(async () => (await run(page, highlightedWords)).length).toBe(2);
  });
});

test.describe('storage', () => {
  test('two tabs stay consistent', async ({ page, context }) => {
    await page.goto('/why-deepseek/');
    const other = await context.newPage();
    await other.goto('/why-deepseek/');
    await highlight(other, 'why-deepseek-1', '美国市场');
    await expect.poll(() => run(page, highlightedWords)).toEqual(['美国市场']);
    await highlight(page, BLOCK, WORDS);
    await expect.poll(async () => (await run(other, highlightedWords)).sort()).toEqual(['美国市场', WORDS].sort());
  });

  for (const fault of ['full', 'unavailable'] as const) {
    test(`storage ${fault}: told once, reading goes on, what was saved stays`, async ({ page }) => {
      await page.goto('/why-deepseek/');
      await highlight(page, 'why-deepseek-1', '美国市场');
      await page.addInitScript(
        ({ fault, message }) => {
          const error = fault === 'full' ? new DOMException('full', 'QuotaExceededError') : new DOMException('denied', 'SecurityError');
          Storage.prototype.setItem = () => {
            throw error;
          };
          // Each time a live region is given the storage message.
          (window as unknown as { told: number }).told = 0;
          new MutationObserver((records) => {
            for (const record of records) {
              const target = record.target as Element;
              if (target.getAttribute?.('role') === 'status' && target.textContent === message) (window as unknown as { told: number }).told++;
            }
          }).observe(document, { subtree: true, childList: true });
        },
        { fault, message: rc.storageUnavailable },
      );
      await page.reload();
      await expect.poll(() => run(page, highlightedWords)).toEqual(['美国市场']);
      // The 划线 still show for this visit; the reader is told once that they will not be kept.
      await highlight(page, BLOCK, WORDS);
      await highlight(page, BLOCK, '性价比，不仅');
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => (window as unknown as { told: number }).told)).toBe(1);
      const kept = await page.evaluate(() => localStorage.getItem('essay-highlights'));
      expect(kept).toContain('美国市场');
      expect(kept).not.toContain(WORDS);
    });
  }
});

test.describe('继续阅读', () => {
  test('after a reload, 「继续阅读」 brings back the paragraph that was at the top; never on a link arrival', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto('/');
    await page.evaluate(() => document.getElementById('facing-ai-3')!.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.mouse.wheel(0, 1);
    await page.waitForTimeout(800);
    await page.goto('/');
    await page.evaluate(() => scrollTo(0, 0));
    const resume = page.getByRole('button', { name: /继续阅读/ });
    await expect(resume).toBeVisible();
    await resume.click();
    const at = (await run(page, blockPlacement, 'facing-ai-3'))!;
    expect(at.top).toBeGreaterThanOrEqual(at.header - 2);
    expect(at.top).toBeLessThan(at.height / 2);
    await expect(resume).toHaveCount(0);
    // On the section's page and in the other edition, the same place is offered.
    await page.goto('/zh-hant/facing-ai/');
    await expect(page.getByRole('button', { name: /繼續閱讀/ })).toBeVisible();
    // A link's arrival lands as it did, and says nothing.
    await page.goto('/#why-deepseek-2');
    await page.waitForTimeout(600);
    await expect(page.getByRole('button', { name: /继续阅读/ })).toHaveCount(0);
    await page.goto('/why-deepseek/?hl=%E6%80%A7%E4%BB%B7%E6%AF%94#why-deepseek-3');
    await page.waitForTimeout(600);
    await expect(page.getByRole('button', { name: /继续阅读/ })).toHaveCount(0);
  });

  test('the contents show the sections read', async ({ page }) => {
    await page.setViewportSize({ width: 1300, height: 800 });
    await page.goto('/');
    const last = page.locator('#why-deepseek ~ .prose p[id]').last();
    await last.evaluate((p) => p.scrollIntoView({ block: 'end', behavior: 'instant' }));
    await page.mouse.wheel(0, 1);
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.locator('.toc a[href="#why-deepseek"] .toc-read')).toHaveText(rc.read);
    await expect(page.locator('.toc a[href="#facing-ai"] .toc-read')).toHaveCount(0);
  });
});
