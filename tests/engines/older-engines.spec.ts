/**
 * Older engines: WeChat's XWeb seen at Chromium 78, Safari before 17. Chromium and Firefox with
 * Intl.Segmenter, popovers, the Highlight API and the async Clipboard API removed before the
 * page's scripts run (and Firefox without text-autospace): reading, search, landing, sharing and
 * the settings still work, through fallbacks, and no script fails.
 */
import { strings } from '../../src/core/strings';
import { waitFor, type EnginePage } from '../support/engines';
import { decodeQr, imagePixels } from '../support/image-probes';
import { expect, test, type EngineVariant } from './fixtures';

const OLDER: EngineVariant[] = ['chromium-older', 'firefox-older'];

async function expectRemoved(page: EnginePage) {
  const features = await page.run((win) => ({
    segmenter: 'Segmenter' in Intl,
    popover: typeof (win as unknown as typeof globalThis).HTMLElement.prototype.showPopover === 'function',
    highlights: 'highlights' in (win as unknown as typeof globalThis).CSS,
    clipboard: 'clipboard' in win.navigator,
  }));
  expect(features).toEqual({ segmenter: false, popover: false, highlights: false, clipboard: false });
}

for (const variant of OLDER) {
  test.describe(`an older engine (${variant})`, () => {
    test('reading: the whole essay, and its panels hidden until asked for', async ({ open }) => {
      const page = await open(variant);
      await page.open('/', { width: 390, height: 700 });
      await expectRemoved(page);
      const shown = await page.run((win) => ({
        paragraphs: win.document.querySelectorAll('.prose p').length,
        panels: [...win.document.querySelectorAll<HTMLElement>('[popover]')].map((panel) => panel.getBoundingClientRect().height),
      }));
      expect(shown.paragraphs).toBeGreaterThan(20);
      expect(shown.panels).toEqual([0, 0]);
      expect(page.errors).toEqual([]);
    });

    test('search and landing: the first result leads to the words, marked and in view', async ({ open }) => {
      const page = await open(variant);
      await page.open('/', { width: 1024, height: 800 });
      await page.click('#search-popup-input');
      await page.type('技术尝鲜');
      const first = await waitFor(page, (win) => win.document.querySelector('#search-popup-results .search-result-link mark')?.textContent);
      expect(first).toBe('技术尝鲜');
      await page.click('#search-popup-results .search-result-link');
      const landed = await waitFor(page, (win) => {
        const mark = win.document.querySelector('mark.landing-mark');
        if (!mark) return undefined;
        const rect = mark.getBoundingClientRect();
        const header = win.document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        return { text: mark.textContent, inView: rect.top >= header && rect.bottom <= win.innerHeight };
      });
      expect(landed).toEqual({ text: '技术尝鲜', inView: true });
      expect(page.errors).toEqual([]);
    });

    test('sharing: the panel opens, copies the link, shows its QR code, and closes on Escape', async ({ open }) => {
      const page = await open(variant);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.click('#why-deepseek-2 > a.permalink');
      const link = await waitFor(page, (win) => {
        const panel = win.document.querySelector<HTMLElement>('#share-panel')!;
        return panel.getBoundingClientRect().height > 0 && win.document.querySelector<HTMLInputElement>('#share-panel .share-url')!.value;
      });
      expect(link).toMatch(/#why-deepseek-2$/);
      await page.click('#share-panel [data-share-action="copy"]');
      expect(await waitFor(page, (win) => win.document.querySelector('#share-panel .share-panel-status')?.textContent)).toBe(
        strings.share.copied,
      );
      await page.click('#share-panel [data-share-action="qr"]');
      const pixels = await waitFor(page, imagePixels, '#share-panel .share-qr:not([hidden]) img', 0);
      expect(decodeQr(pixels)).toBe(link);
      await page.click('#share-panel .share-close');
      await waitFor(page, (win) => win.document.querySelector('#share-panel')!.getBoundingClientRect().height === 0);
      expect(page.errors).toEqual([]);
    });

    test('a quote link: selecting words offers it, and it is copied with the quote', async ({ open }) => {
      const page = await open(variant);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.run((win) => {
        const paragraph = win.document.querySelector('#why-deepseek-3')!;
        const text = [...paragraph.childNodes].find((node) => node.nodeType === 3 && (node.textContent ?? '').length > 10)!;
        const range = win.document.createRange();
        range.setStart(text, 2);
        range.setEnd(text, 8);
        win.getSelection()!.removeAllRanges();
        win.getSelection()!.addRange(range);
      });
      await waitFor(page, (win) => !win.document.querySelector<HTMLElement>('.quote-button')!.hidden);
      await page.click('.quote-button');
      expect(await waitFor(page, (win) => win.document.querySelector('#share-status')?.textContent)).toBe(strings.share.quoteCopied);
      expect(page.errors).toEqual([]);
    });

    test('settings: the panel opens from its button and a theme applies', async ({ open }) => {
      const page = await open(variant);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.click('.settings-button');
      const option = '#reader-settings label:has(> input[name="theme"][value="dark"])';
      await waitFor(page, (win, selector) => win.document.querySelector(selector)?.getBoundingClientRect().width, option);
      await page.click(option);
      expect(await waitFor(page, (win) => win.document.documentElement.dataset.theme)).toBe('dark');
      await page.run((win) => win.localStorage.clear());
      expect(page.errors).toEqual([]);
    });
  });
}
