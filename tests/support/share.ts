/**
 * Helpers for the sharing tests (tests/e2e/share.spec.ts, tests/e2e/base-path.spec.ts):
 * the configured site, the share panel, the clipboard and QR decoding.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { strings } from '../../src/core/strings';

/** The site the main test build is configured with: astro.config.ts reads SITE_URL, else this default. */
export const CONFIGURED_SITE = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;

export const t = strings.share;

/** The share panel, by its role and the heading that names it. */
export const sharePanel = (page: Page): Locator => page.locator('#share-panel[role="dialog"]');

/** Opens the share panel from a block's permalink with a pointer, as a reader on a wide screen would. */
export async function openSharePanel(page: Page, blockId: string): Promise<Locator> {
  const block = page.locator(`[id="${blockId}"]`);
  await block.hover();
  await block.locator(':scope > a.permalink').click();
  const panel = sharePanel(page);
  await expect(panel).toBeVisible();
  return panel;
}

/** Empties the clipboard, so a later read proves what the page put there. */
export async function clearClipboard(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
}

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Waits until the clipboard holds something, and returns it. */
export async function clipboardText(page: Page): Promise<string> {
  await expect.poll(() => readClipboard(page), { message: 'the clipboard should be filled' }).not.toBe('');
  return readClipboard(page);
}

/**
 * Reads the QR code image shown in the panel: the browser draws the PNG on a
 * canvas and hands over its pixels, jsQR decodes them in Node. Also measures the
 * light margin around the code (its quiet zone), in modules.
 */
export async function readQrImage(image: Locator): Promise<{ text: string | null; quietZoneModules: number }> {
  const pixels = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), {
      width: img.naturalWidth,
      height: img.naturalHeight,
    });
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  const data = Uint8ClampedArray.from(pixels.data);
  const code = jsQR(data, pixels.width, pixels.height);
  if (!code) return { text: null, quietZoneModules: 0 };
  // The first dark column from the left, the last from the right: the code's extent.
  const dark = (x: number, y: number) => data[(y * pixels.width + x) * 4]! < 128;
  const columns = Array.from({ length: pixels.width }, (_, x) =>
    Array.from({ length: pixels.height }, (_, y) => dark(x, y)).some(Boolean),
  );
  const first = columns.indexOf(true);
  const last = columns.lastIndexOf(true);
  const modules = 17 + 4 * code.version;
  const moduleSize = (last - first + 1) / modules;
  return { text: code.data, quietZoneModules: Math.min(first, pixels.width - 1 - last) / moduleSize };
}

/** The one PNG reader (tests/support/png.ts), for the tests that import their helpers from here. */
export { pngSize } from './png';

/** Selects `[start, end)` of a block's text (as a reader would with a mouse or a long press) and returns what was selected. */
export async function selectInBlock(page: Page, id: string, start: number, end: number): Promise<string> {
  return page.evaluate(
    ({ id, start, end }) => {
      const block = document.getElementById(id)!;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.nodeValue!.length;
        if (start >= offset && start < offset + length) range.setStart(node, start - offset);
        if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
        offset += length;
      }
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    { id, start, end },
  );
}
