/**
 * The share image (书摘卡片, src/sharing/client/share-image.ts, issue 12): from a paragraph's or a
 * section's permalink, or a selected quote, the share panel shows a portrait PNG 1080 px
 * wide as an <img>, with the words as laid out (compared with the block's text and with a
 * screenshot of a reference image), a QR code that decodes to the exact link, and that link
 * landing; both editions, light paper in the dark theme, saving, the share sheet with the
 * file, and a failure that leaves copying the link working.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { CONFIGURED_SITE, clipboardText, openSharePanel, pngSize, selectInBlock, t } from '../support/share';

const SECTION = 'why-deepseek';
const sectionUrl = `${CONFIGURED_SITE}/${SECTION}/`;
const ELLIPSIS = '\u2026\u2026';

/** The test server's address for a link on the configured site. */
const local = (url: string, baseURL: string) => {
  expect(url.startsWith(`${CONFIGURED_SITE}/`), url).toBe(true);
  return `${new URL(baseURL).origin}${url.slice(CONFIGURED_SITE.length)}`;
};

/** The panel's image, once drawn: its PNG bytes, the lines it drew and its alt text. */
async function shownImage(panel: Locator) {
  const image = panel.locator('#share-image img');
  await expect(image).toBeVisible();
  const src = (await image.getAttribute('src'))!;
  expect(src).toMatch(/^data:image\/png;base64,/);
  const bytes = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
  return {
    image,
    bytes,
    lines: JSON.parse((await image.getAttribute('data-lines'))!) as string[],
    alt: (await image.getAttribute('alt'))!,
  };
}

/**
 * Decodes the image's QR code: the browser hands over the pixels of the image's lower part
 * (where the code is drawn; the whole image is millions of values), jsQR reads them in Node.
 */
async function readQr(image: Locator): Promise<string | null> {
  const { width, height, base64 } = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const top = Math.floor(img.naturalHeight * 0.6);
    const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight - top });
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, -top);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
  });
  return jsQR(Uint8ClampedArray.from(Buffer.from(base64, 'base64')), width, height)?.data ?? null;
}

/**
 * The image's QR code as a phone would meet it after WeChat: the image downscaled to `width` and
 * recompressed as JPEG at `quality`, or as drawn (no width); its lower part's pixels, with jsQR's
 * reading of them (the text, the version, the symbol's corners in those pixels).
 */
async function qrAfter(image: Locator, recompressed?: { width: number; quality: number }) {
  const { width, height, base64, scale } = await image.evaluate(async (img: HTMLImageElement, recompressed) => {
    await img.decode();
    let source: HTMLImageElement = img;
    if (recompressed) {
      const height = Math.round((img.naturalHeight * recompressed.width) / img.naturalWidth);
      const small = Object.assign(document.createElement('canvas'), { width: recompressed.width, height });
      const context = small.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(img, 0, 0, small.width, small.height);
      source = new Image();
      source.src = small.toDataURL('image/jpeg', recompressed.quality);
      await source.decode();
    }
    const top = Math.floor(source.naturalHeight * 0.6);
    const canvas = Object.assign(document.createElement('canvas'), { width: source.naturalWidth, height: source.naturalHeight - top });
    const context = canvas.getContext('2d')!;
    context.drawImage(source, 0, -top);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: canvas.width, height: canvas.height, base64: btoa(binary), scale: source.naturalWidth / img.naturalWidth };
  }, recompressed);
  const pixels = Uint8ClampedArray.from(Buffer.from(base64, 'base64'));
  return { pixels, width, height, scale, code: jsQR(pixels, width, height) };
}

const blockText = (page: Page, id: string) => page.locator(`[id="${id}"]`).evaluate((block) => block.textContent!.trim());
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Whether a block (or a range of its text) lies in the viewport below the sticky header. */
async function landedOn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const block = document.getElementById(id)!;
    const top = block.getBoundingClientRect().top;
    const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
    return scrollY > 0 && top >= header - 1 && top < innerHeight / 2;
  }, id);
}

test.describe('share image', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test.describe.configure({ timeout: 60_000 });

  test("a paragraph's image: a 1080 px wide portrait PNG of its words, whose QR code opens the paragraph", async ({ page, baseURL }) => {
    await page.goto(`/${SECTION}/`);
    const id = `${SECTION}-3`;
    const panel = await openSharePanel(page, id);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const button = panel.getByRole('button', { name: /\u56FE\u7247/ });
    await expect(button).toHaveAccessibleName(t.makeImage);
    await button.click();
    const { image, bytes, lines, alt } = await shownImage(panel);
    const size = pngSize(bytes);
    expect(size.width).toBe(1080);
    expect(size.height).toBeGreaterThan(size.width);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1080);

    // The drawing's text input: the paragraph's words, whole and in order, as the page shows them.
    const words = await blockText(page, id);
    expect(squeeze(lines.join(''))).toBe(squeeze(words));
    expect(lines.length).toBeGreaterThan(2);
    // No line starts with a closing mark or ends with an opening one.
    for (const line of lines.slice(1)) expect(line, lines.join(' | ')).not.toMatch(/^[\uFF0C\u3002\u3001\uFF1A\uFF1B\uFF1F\uFF01\uFF09\u300B\u300D\u201D]/u);
    for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/[\uFF08\u300A\u300C\u201C]$/u);
    expect(alt).toContain(words.slice(0, 10));

    const qr = await readQr(image);
    expect(qr).toBe(`${sectionUrl}#${id}`);
    // Drawn in the page: nothing was fetched but the site's own code.
    for (const url of requests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);

    await page.goto(local(qr!, baseURL!));
    await expect.poll(() => landedOn(page, id), { message: 'the QR link lands on the paragraph' }).toBe(true);
  });

  test('the image matches its reference screenshot, and the paper is light in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/${SECTION}/`);
    const panel = await openSharePanel(page, `${SECTION}-3`);
    await panel.getByRole('button', { name: t.makeImage }).click();
    const { image, bytes } = await shownImage(panel);
    const corner = await image.evaluate((img: HTMLImageElement) => {
      const canvas = Object.assign(document.createElement('canvas'), { width: img.naturalWidth, height: img.naturalHeight });
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      return Array.from(context.getImageData(4, 4, 1, 1).data);
    });
    expect(corner).toEqual([0xfb, 0xfa, 0xf7, 255]);
    // The whole drawing, pixel by pixel, against the reference made in this Chromium with its Noto CJK fonts.
    expect(bytes).toMatchSnapshot('why-deepseek-3.png', { maxDiffPixels: 200 });
  });

  test("a section's image shows its opening paragraph and its QR code opens the section", async ({ page }) => {
    await page.goto('/');
    const panel = await openSharePanel(page, SECTION);
    await panel.getByRole('button', { name: t.makeImage }).click();
    const { image, lines } = await shownImage(panel);
    const first = await blockText(page, `${SECTION}-1`);
    expect(squeeze(lines.join(''))).toBe(squeeze(first));
    expect(await readQr(image)).toBe(sectionUrl);
  });

  test('a paragraph too long for one image is cut after a sentence, with \u300C\u2026\u2026\u300D', async ({ page }) => {
    await page.goto(`/${SECTION}/`);
    const id = `${SECTION}-2`;
    const panel = await openSharePanel(page, id);
    await panel.getByRole('button', { name: t.makeImage }).click();
    const { lines, alt } = await shownImage(panel);
    const shown = lines.join('');
    expect(shown.endsWith(ELLIPSIS)).toBe(true);
    const kept = shown.slice(0, -ELLIPSIS.length);
    expect(kept).toMatch(/[\u3002\uFF01\uFF1F][\u201D\u300D]*$/u);
    expect(squeeze(await blockText(page, id)).startsWith(squeeze(kept))).toBe(true);
    expect(alt).toContain(ELLIPSIS);
  });

  test("a selected quote: 「生成书摘图片」 shows its words, and the QR code's text-fragment link lands on them", async ({ page, context, baseURL }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/facing-ai/');
    const id = 'facing-ai-6';
    const text = await blockText(page, id);
    const start = text.lastIndexOf('\u6846\u67B6');
    const end = text.lastIndexOf('\u91CD\u8981') + 2;
    const quote = await selectInBlock(page, id, start, end);
    const imageButton = page.getByRole('button', { name: t.quoteImage, exact: true });
    await expect(imageButton).toBeVisible();
    await imageButton.click();
    const panel = page.locator('#share-panel');
    await expect(panel).toHaveAccessibleName(t.shareQuote);
    const { image, lines } = await shownImage(panel);
    expect(lines.join('')).toBe(quote);
    const link = (await readQr(image))!;
    expect(link).toMatch(new RegExp(`^${CONFIGURED_SITE}/facing-ai/#${id}:~:text=`));
    expect(await panel.getByRole('textbox', { name: t.linkLabel }).inputValue()).toBe(link);

    // A text fragment acts on a navigation the reader started: follow a link to it.
    const reader = await context.newPage();
    await reader.setViewportSize({ width: 360, height: 640 });
    await reader.goto('/search/');
    await reader.evaluate((href) => {
      document.body.prepend(Object.assign(document.createElement('a'), { href, textContent: 'quote', id: 'quote-link' }));
    }, local(link, baseURL!));
    await reader.locator('#quote-link').click();
    await reader.waitForURL((address) => address.pathname === '/facing-ai/');
    await expect
      .poll(() =>
        reader.evaluate(
          ({ id, quote }) => {
            const block = document.getElementById(id)!;
            const at = block.textContent!.indexOf(quote);
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            let offset = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.nodeValue!.length;
              if (at >= offset && at < offset + length) {
                const range = document.createRange();
                range.setStart(node, at - offset);
                range.setEnd(node, at - offset + 1);
                const top = range.getBoundingClientRect().top;
                return top >= document.querySelector('.site-header')!.getBoundingClientRect().bottom && top < innerHeight;
              }
              offset += length;
            }
            return false;
          },
          { id, quote },
        ),
      )
      .toBe(true);
  });

  test('a 30-character quote’s QR code: 4 px a module at least, a quiet zone of 4 modules, read again after a downscale to 540 px and JPEG at quality 70', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/facing-ai/');
    const id = await page.evaluate(() => [...document.querySelectorAll('.prose p[id]')].find((block) => block.textContent!.includes('\u79F0\u4E4B\u4E3A'))!.id);
    const text = await blockText(page, id);
    const start = text.indexOf('\u79F0\u4E4B\u4E3A'); // 称之为软阶层。DeepSeek的出现…
    await selectInBlock(page, id, start, start + 30);
    await page.getByRole('button', { name: t.quoteImage, exact: true }).click();
    const panel = page.locator('#share-panel');
    const { image } = await shownImage(panel);
    const link = await panel.getByRole('textbox', { name: t.linkLabel }).inputValue();

    const drawn = await qrAfter(image);
    expect(drawn.code?.data).toBe(link);
    const modules = 17 + 4 * drawn.code!.version;
    const { topLeftCorner: topLeft, topRightCorner: topRight, bottomLeftCorner: bottomLeft } = drawn.code!.location;
    const modulePx = (topRight.x - topLeft.x) / modules;
    expect(modulePx, `${modules} modules`).toBeGreaterThanOrEqual(4 - 0.05);
    // The quiet zone: four modules of white all round the symbol.
    const quiet = 4 * modulePx;
    const light = (x: number, y: number) => {
      const i = (Math.round(y) * drawn.width + Math.round(x)) * 4;
      return Math.min(drawn.pixels[i]!, drawn.pixels[i + 1]!, drawn.pixels[i + 2]!) > 200;
    };
    const size = bottomLeft.y - topLeft.y;
    const dark: string[] = [];
    for (let along = -quiet + 1; along < size + quiet - 1; along += 1) {
      for (let out = 1; out < quiet - 1; out += 2) {
        const points = [
          [topLeft.x + along, topLeft.y - out],
          [topLeft.x + along, topLeft.y + size + out],
          [topLeft.x - out, topLeft.y + along],
          [topLeft.x + size + out, topLeft.y + along],
        ];
        for (const [x, y] of points) if (!light(x!, y!)) dark.push(`${Math.round(x!)},${Math.round(y!)}`);
      }
    }
    expect(dark.slice(0, 5), 'dark pixels in the quiet zone').toEqual([]);

    // As WeChat passes it on: half the size, JPEG.
    const recompressed = await qrAfter(image, { width: 540, quality: 0.7 });
    expect(recompressed.scale).toBe(0.5);
    expect(recompressed.code?.data, 'read after a downscale and JPEG').toBe(link);
  });

  test('the Traditional edition: Traditional words, drawn in the page\u2019s TC font stack', async ({ page }) => {
    await page.goto(`/zh-hant/${SECTION}/`);
    const id = `${SECTION}-3`;
    const panel = await openSharePanel(page, id);
    await panel.getByRole('button', { name: /\u5716\u7247/ }).click();
    const { image, lines } = await shownImage(panel);
    expect(squeeze(lines.join(''))).toBe(squeeze(await blockText(page, id)));
    const font = (await image.getAttribute('data-font'))!;
    expect(font).toContain('PingFang TC');
    expect(font).not.toContain('PingFang SC');
    expect(await readQr(image)).toBe(`${CONFIGURED_SITE}/zh-hant/${SECTION}/#${id}`);
  });

  test('save downloads the PNG; where the browser can share files, the share sheet gets it', async ({ page }) => {
    await page.addInitScript(() => {
      const calls: Array<{ name: string; type: string; size: number; title: string | undefined }> = [];
      Object.defineProperty(window, '__shared', { value: calls });
      Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: (data: ShareData) => Boolean(data.files?.length) });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: ShareData) => void calls.push(...(data.files ?? []).map((file) => ({ name: file.name, type: file.type, size: file.size, title: data.title }))),
      });
    });
    await page.goto(`/${SECTION}/`);
    const panel = await openSharePanel(page, `${SECTION}-3`);
    await panel.getByRole('button', { name: t.makeImage }).click();
    await shownImage(panel);

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: t.saveImage }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`${SECTION}-3.png`);
    expect(pngSize(readFileSync(await saved.path())).width).toBe(1080);

    await panel.getByRole('button', { name: t.shareImage }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
      .toEqual([expect.objectContaining({ name: `${SECTION}-3.png`, type: 'image/png' })]);
  });

  test('without file sharing there is no share-image button', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as Partial<Navigator>).canShare;
    });
    await page.goto(`/${SECTION}/`);
    const panel = await openSharePanel(page, `${SECTION}-3`);
    await panel.getByRole('button', { name: t.makeImage }).click();
    await shownImage(panel);
    await expect(panel.getByRole('button', { name: t.shareImage })).toHaveCount(0);
  });

  test('when the image cannot be drawn, the panel says so and copying the link still works', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(HTMLCanvasElement.prototype, 'toDataURL', {
        configurable: true,
        value: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`/${SECTION}/`);
    const panel = await openSharePanel(page, `${SECTION}-3`);
    await panel.getByRole('button', { name: t.makeImage }).click();
    await expect(panel.getByRole('status')).toHaveText(t.imageFailed);
    await expect(panel.locator('#share-image')).toBeHidden();
    await panel.getByRole('button', { name: t.copyLink, exact: true }).click();
    expect(await clipboardText(page)).toBe(`${sectionUrl}#${SECTION}-3`);
  });
});
