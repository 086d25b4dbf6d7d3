/**
 * Sharing as Chinese readers share, in Chromium, Firefox and WebKit: the share image (a PNG whose
 * QR code opens the paragraph) and links as WeChat rewrites them, landing on their block.
 */
import { CONFIGURED_SITE } from '../support/share';
import { ENGINES, waitFor, type EnginePage } from '../support/engines';
import { decodeQr, imagePixels } from '../support/image-probes';
import { expect, test } from './fixtures';

/** Where a block stands after arriving: below the sticky header, in the upper half of the screen. */
function placement(win: Window, id: string) {
  const block = win.document.getElementById(id);
  if (!block || win.scrollY === 0) return undefined;
  return {
    top: block.getBoundingClientRect().top,
    header: win.document.querySelector('.site-header')!.getBoundingClientRect().bottom,
    height: win.innerHeight,
    hash: win.location.hash,
  };
}

async function expectLanded(page: EnginePage, id: string) {
  const at = await waitFor(page, placement, id);
  expect(at.top).toBeGreaterThanOrEqual(at.header - 1);
  expect(at.top).toBeLessThan(at.height / 2);
  return at;
}

for (const engine of ENGINES) {
  test.describe(`sharing in ${engine}`, () => {
    test('the share image: a PNG at least 750 px wide in the panel, whose QR code opens the paragraph', async ({ open, baseURL }) => {
      test.setTimeout(60_000);
      const page = await open(engine);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.click('#why-deepseek-3 > a.permalink');
      await waitFor(page, (win) => win.document.querySelector('#share-panel [data-share-action="image"]')?.getBoundingClientRect().width);
      const name = await page.run((win) => win.document.querySelector('#share-panel [data-share-action="image"]')!.textContent);
      expect(name).toContain('图片');
      await page.click('#share-panel [data-share-action="image"]');
      // The QR code is drawn in the image's lower part: only those pixels are handed over.
      const drawn = await waitFor(page, imagePixels, '#share-panel #share-image img', 0.6);
      expect(drawn.width).toBe(1080);
      expect(drawn.height).toBeGreaterThan(drawn.width);
      const link = decodeQr(drawn);
      expect(link).toBe(`${CONFIGURED_SITE}/why-deepseek/#why-deepseek-3`);
      await page.open(`${new URL(baseURL!).origin}${link!.slice(CONFIGURED_SITE.length)}`, { width: 390, height: 700 });
      await expectLanded(page, 'why-deepseek-3');
    });

    for (const form of [
      '/facing-ai/?from=singlemessage&isappinstalled=0#facing-ai-4',
      '/facing-ai/#facing-ai-4&from=singlemessage',
      '/facing-ai/#facing-ai-4?from=singlemessage&isappinstalled=0',
    ]) {
      test(`a link as WeChat rewrites it, ${form}, lands on its paragraph on a phone`, async ({ open }) => {
        const page = await open(engine);
        // From another page, as from a chat: not a same-document jump from the last test's URL.
        await page.open('/', { width: 390, height: 700 });
        await page.open(form, { width: 390, height: 700 });
        const at = await expectLanded(page, 'facing-ai-4');
        expect(at.hash).toBe('#facing-ai-4');
      });
    }
  });
}
