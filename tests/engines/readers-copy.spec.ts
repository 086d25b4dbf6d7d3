/**
 * The reader's own copy in Chromium, Firefox and WebKit, and in an engine without the Highlight API
 * (Chromium made older, so the page marks with <mark>): a 划线 made from a selection is drawn behind
 * its words (measured in a screenshot), is there again after a reload and in the other edition on
 * the same words, leaves the text as it was, and 「继续阅读」 brings back the place read.
 */
import { ENGINES, waitFor, type EnginePage } from '../support/engines';
import { blockText, centre, highlightedWords, markColourShare, rc, selectFirst, selectedText, wordBoxes, wordEnds } from '../support/readers-copy';
import { expect, test, type EngineVariant } from './fixtures';

const BLOCK = 'why-deepseek-3';
const WORDS = '意味着更好的体验';
const WORDS_HANT = '意味著更好的體驗';

/** Whether the selection's group shows a button of that name. */
function shownButton(win: Window, name: string): true | undefined {
  const found = Array.from(win.document.querySelectorAll<HTMLButtonElement>('.quote-actions button')).find((b) => b.textContent === name && !b.hidden);
  return found && found.getBoundingClientRect().width > 0 ? true : undefined;
}

/** Opens `path` as a reader with nothing kept: storage cleared, then the page loaded again. */
async function openFresh(page: EnginePage, path: string): Promise<void> {
  await page.open(path, { width: 1024, height: 800 });
  await page.run((win) => win.localStorage.clear());
  await page.open(path, { width: 1024, height: 800 });
}

/** Share of each line of the words painted in the 划线's colour. */
async function painted(page: EnginePage, start: number, end: number): Promise<number[]> {
  const boxes = await page.run(wordBoxes, BLOCK, start, end);
  expect(boxes.length).toBeGreaterThan(0);
  return page.run(markColourShare, (await page.screenshot()).toString('base64'), boxes);
}

for (const engine of [...ENGINES, 'chromium-older'] as EngineVariant[]) {
  test.describe(`the reader's copy in ${engine}`, () => {
    test('a 划线 is drawn behind its words, kept after a reload and shown in 繁體 on the same words', async ({ open }) => {
      test.setTimeout(90_000);
      const page = await open(engine);
      await openFresh(page, '/why-deepseek/');
      await page.run(centre, BLOCK);
      const text = (await page.run(blockText, BLOCK))!;
      const start = text.indexOf(WORDS);
      const end = start + WORDS.length;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(Math.max(...(await painted(page, start, end))), 'nothing marked before').toBeLessThan(0.05);

      // The selection as a reader makes it: the pointer dragged over the words, then the group's button.
      const ends = (await page.run(wordEnds, BLOCK, start, end))!;
      await page.drag(ends.from, ends.to);
      await expect.poll(() => page.run(selectedText)).toBe(WORDS);
      await waitFor(page, shownButton, rc.highlight);
      await page.click('.quote-actions button[data-quote-action="highlight"]');
      await expect.poll(() => page.run(highlightedWords)).toEqual([WORDS]);
      // Drawn: the background of every line of the words, but not of the words around them.
      await page.run((win) => win.getSelection()!.removeAllRanges());
      for (const share of await painted(page, start, end)) expect(share, 'the 划线 painted behind its words').toBeGreaterThan(0.3);
      expect(Math.max(...(await painted(page, end + 2, end + 6))), 'the words after it unmarked').toBeLessThan(0.05);
      expect(await page.run(blockText, BLOCK), 'the text unchanged').toBe(text);

      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await expect.poll(() => page.run(highlightedWords)).toEqual([WORDS]);
      await page.open('/zh-hant/why-deepseek/', { width: 1024, height: 800 });
      await expect.poll(() => page.run(highlightedWords)).toEqual([WORDS_HANT]);
      await page.run(centre, BLOCK);
      const hant = (await page.run(blockText, BLOCK))!;
      for (const share of await painted(page, hant.indexOf(WORDS_HANT), hant.indexOf(WORDS_HANT) + WORDS.length)) expect(share).toBeGreaterThan(0.3);
      await page.run((win) => win.localStorage.clear());
    });

    test('a selection made with Shift and the arrow keys reaches 「划线」 with Tab, and Enter makes it', async ({ open }) => {
      test.setTimeout(60_000);
      const page = await open(engine);
      await openFresh(page, '/why-deepseek/');
      await page.run(centre, BLOCK);
      const text = (await page.run(blockText, BLOCK))!;
      // The first character selected (no engine moves a caret through a page's text without caret
      // browsing), then Shift+→ over the rest of the words.
      await page.run(selectFirst, BLOCK, text.indexOf(WORDS));
      await page.press(...Array.from({ length: WORDS.length - 1 }, () => 'Shift+ArrowRight'));
      await expect.poll(() => page.run(selectedText)).toBe(WORDS);
      await waitFor(page, shownButton, rc.highlight);
      // Tab from the selection reaches the group's buttons in turn: 划线 is the third.
      const focused = [];
      for (let i = 0; i < 3; i++) {
        await page.press('Tab');
        focused.push(await page.run((win) => win.document.activeElement?.textContent ?? ''));
      }
      expect(focused).toEqual(["复制引用链接", "生成书摘图片", rc.highlight]);
      // Firefox over WebDriver BiDi delivers Enter's key events to a focused button without its
      // activation (no click follows, on any button of the page): there the button is clicked.
      if (engine === 'firefox') await page.click('.quote-actions button[data-quote-action="highlight"]');
      else await page.press('Enter');
      await expect.poll(() => page.run(highlightedWords)).toEqual([WORDS]);
      await page.run((win) => win.localStorage.clear());
    });

    test('「继续阅读」 after a new visit brings back the paragraph that was at the top', async ({ open }) => {
      test.setTimeout(60_000);
      const page = await open(engine);
      await openFresh(page, '/');
      await page.run((win) => win.document.getElementById('facing-ai-3')!.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await page.run((win) => win.scrollBy(0, 1));
      // Kept as the reader scrolls (after a pause): wait until it is.
      await waitFor(page, (win) => win.localStorage.getItem('essay-place')?.includes('facing-ai-3') || undefined);
      await page.open('/', { width: 1024, height: 800 });
      const name = await waitFor(page, (win) => win.document.querySelector<HTMLButtonElement>('.continue-go')?.textContent || undefined);
      expect(name).toContain(rc.continueReading);
      await page.click('.continue-go');
      const at = await waitFor(page, (win) => {
        const top = win.document.getElementById('facing-ai-3')!.getBoundingClientRect().top;
        const header = win.document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        return win.scrollY > 0 ? { top, header, height: win.innerHeight } : undefined;
      });
      expect(at.top).toBeGreaterThanOrEqual(at.header - 2);
      expect(at.top).toBeLessThan(at.height / 2);
      await page.run((win) => win.localStorage.clear());
    });
  });
}
