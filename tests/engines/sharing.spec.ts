/**
 * Sharing as Chinese readers share, in Chromium, Firefox and WebKit: the share image (a PNG whose
 * QR code opens the paragraph) and links as WeChat rewrites them, landing on their block.
 */
import jsQR from 'jsqr';
import { CONFIGURED_SITE } from '../support/share';
import { ENGINES, waitFor, type EnginePage } from '../support/engines';
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
      const drawn = await waitFor(page, async (win) => {
        const img = win.document.querySelector<HTMLImageElement>('#share-panel #share-image img[src^="data:image/png"]');
        if (!img) return undefined;
        await img.decode();
        // The QR code is drawn in the image's lower part: hand over those pixels only.
        const top = Math.floor(img.naturalHeight * 0.6);
        const canvas = Object.assign(win.document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight - top });
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, -top);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { width: img.naturalWidth, height: img.naturalHeight, crop: { width: canvas.width, height: canvas.height }, base64: win.btoa(binary) };
      });
      expect(drawn.width).toBe(1080);
      expect(drawn.height).toBeGreaterThan(drawn.width);
      const pixels = Uint8ClampedArray.from(Buffer.from(drawn.base64, 'base64'));
      const link = jsQR(pixels, drawn.crop.width, drawn.crop.height)?.data;
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
