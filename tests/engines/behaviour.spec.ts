/**
 * What a reader does, in Chromium, Firefox and WebKit, with real input (clicks and keystrokes
 * through each engine's driver): search and land on the words, share a paragraph, change the
 * settings, read vertically; and nothing fetched from another origin.
 */
import { strings } from '../../src/core/strings';
import { ENGINES, waitFor } from '../support/engines';
import { decodeQr, imagePixels } from '../support/image-probes';
import { inkIn, type Box } from '../support/typography-probes';
import { expect, test } from './fixtures';

/** Everything the page fetched that is not on its own origin. */
function offOrigin(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith(win.location.origin) && !name.startsWith('data:'));
}

for (const engine of ENGINES) {
  test.describe(`reading in ${engine}`, () => {
    test('search: type a phrase, follow the first result, land on the words highlighted and in view', async ({ open }) => {
      const page = await open(engine);
      await page.open('/', { width: 1024, height: 800 });
      await page.click('#search-popup-input');
      await page.type('软阶层');
      const first = await waitFor(
        page,
        (win) => win.document.querySelector('#search-popup-results .search-result-link mark')?.textContent,
      );
      expect(first).toBe('软阶层');
      await page.click('#search-popup-results .search-result-link');
      await expect.poll(() => page.url()).toMatch(/\?hl=[^#]+#[a-z-]+-\d+$/);
      const landed = await waitFor(page, (win) => {
        const css = (win as unknown as typeof globalThis).CSS;
        const highlight = css.highlights?.get('search-landing') as unknown as Iterable<Range> | undefined;
        const marked = highlight ? [...highlight][0] : win.document.querySelector('mark.landing-mark');
        if (!marked) return undefined;
        const rect = marked.getBoundingClientRect();
        const header = win.document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        const text = 'textContent' in marked ? (marked.textContent ?? '') : marked.toString();
        return { text, top: rect.top, bottom: rect.bottom, header, height: win.innerHeight };
      });
      expect(landed.text.replace(/\s/g, '')).toContain('软阶层');
      expect(landed.top).toBeGreaterThanOrEqual(landed.header);
      expect(landed.bottom).toBeLessThanOrEqual(landed.height);
      expect(await page.run(offOrigin)).toEqual([]);
    });

    test('share: a paragraph’s share button opens the panel, copies its link and shows a QR code of it', async ({ open }) => {
      const page = await open(engine);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.click('#why-deepseek-2 > a.permalink');
      const link = await waitFor(page, (win) => {
        const panel = win.document.querySelector('#share-panel')!;
        const open = panel.matches(':popover-open') || panel.hasAttribute('data-open');
        return open && win.document.querySelector<HTMLInputElement>('#share-panel .share-url')!.value;
      });
      expect(link).toMatch(/\/why-deepseek\/#why-deepseek-2$/);
      await page.click('#share-panel [data-share-action="copy"]');
      const status = await waitFor(page, (win) => win.document.querySelector('#share-panel .share-panel-status')?.textContent);
      expect(status).toBe(strings.share.copied);
      await page.click('#share-panel [data-share-action="qr"]');
      const pixels = await waitFor(page, imagePixels, '#share-panel .share-qr:not([hidden]) img', 0);
      expect(decodeQr(pixels)).toBe(link);
      expect(await page.run(offOrigin)).toEqual([]);
    });

    test('settings: dark theme, larger text and vertical layout apply; vertical reads right to left, years legible', async ({ open }) => {
      const page = await open(engine);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.run((win) => win.localStorage.clear());
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      const sizeBefore = await page.run((win) => parseFloat(win.getComputedStyle(win.document.querySelector('.prose p')!).fontSize));
      await page.click('.settings-button');
      for (const [name, value] of [['theme', 'dark'], ['textSize', 'large'], ['writing', 'vertical']] as const) {
        const option = `#reader-settings label:has(> input[name="${name}"][value="${value}"])`;
        await waitFor(page, (win, selector) => win.document.querySelector(selector)?.getBoundingClientRect().width, option);
        await page.click(option);
      }
      await page.click('#reader-settings .settings-close');
      const applied = await waitFor(page, (win) => {
        const doc = win.document;
        if (win.getComputedStyle(doc.querySelector('.essay')!).writingMode !== 'vertical-rl') return undefined;
        if (doc.querySelector('#reader-settings')!.matches(':popover-open')) return undefined;
        const paragraphs = [...doc.querySelectorAll('.prose p')].slice(0, 2).map((p) => p.getBoundingClientRect());
        // Each digit of a number stacked upright has its own cell, one below the other.
        const year = doc.querySelector('#why-deepseek-2 .digits-upright')!;
        const box = (range: Range | Element) => {
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x, y, width, height };
        };
        const cells = [...year.children].map(box);
        // The first full-width comma of the paragraph.
        const walker = doc.createTreeWalker(doc.querySelector('#why-deepseek-2')!, NodeFilter.SHOW_TEXT);
        let comma: Box | undefined;
        for (let node = walker.nextNode(); node && !comma; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf('\uFF0C');
          if (at < 0) continue;
          const range = doc.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          comma = box(range);
        }
        return {
          theme: doc.documentElement.dataset.theme,
          background: win.getComputedStyle(doc.body).backgroundColor,
          size: parseFloat(win.getComputedStyle(doc.querySelector('.prose p')!).fontSize),
          firstRight: paragraphs[0]!.right,
          secondRight: paragraphs[1]!.right,
          year: year.textContent,
          cells,
          comma: comma!,
        };
      });
      const ink = await page.run(inkIn, (await page.screenshot()).toString('base64'), [applied.comma, ...applied.cells]);
      expect(applied.theme).toBe('dark');
      const [r, g, b] = applied.background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!, applied.background).toBeLessThan(150);
      expect(applied.size).toBeGreaterThan(sizeBefore);
      expect(applied.firstRight, 'the first paragraph stands right of the second').toBeGreaterThan(applied.secondRight);
      expect(applied.year).toMatch(/^\d{3,4}$/);
      // A cell of its own: as tall as a Han character (digits drawn in half an em overlap).
      for (const cell of applied.cells) expect(cell.height, `a digit's cell in ${applied.year}`).toBeGreaterThan(0.9 * applied.size);
      applied.cells.slice(1).forEach((cell, i) => {
        expect(cell.y, `digit ${i + 2} of ${applied.year} below digit ${i + 1}`).toBeGreaterThanOrEqual(applied.cells[i]!.y + applied.cells[i]!.height - 1);
      });
      // Legible: each digit's cell holds its own ink, centred (not drawn over its neighbours).
      const [commaInk, ...digitInk] = ink;
      digitInk.forEach((cell, i) => {
        expect(cell.count, `ink in the cell of digit ${i + 1} of ${applied.year}`).toBeGreaterThan(8);
        expect(Math.abs(cell.y - 0.5), `digit ${i + 1} centred in its cell`).toBeLessThan(0.2);
      });
      // The comma in its vertical place: high and to the right of its cell (Simplified forms).
      expect(commaInk!.count).toBeGreaterThan(4);
      expect(commaInk!.y, 'the comma stands in the top half').toBeLessThan(0.5);
      expect(commaInk!.x, 'the comma stands in the right half').toBeGreaterThan(0.5);
      await page.run((win) => win.localStorage.clear());
    });
  });
}
