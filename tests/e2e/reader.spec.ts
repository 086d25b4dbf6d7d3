/**
 * The reader's settings and aids, in both editions: theme (before the first paint),
 * text size, vertical layout, reading time, progress, contents, back to top. (Printing to
 * PDF: tests/slow/print.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { EDITIONS, TRADITIONAL } from '../support/editions';
import { readEssayContent } from '../support/essay-content';

const essay = readEssayContent();
const LIGHT_PAGE = 'rgb(251, 250, 247)';
const DARK_PAGE = 'rgb(22, 23, 26)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** A choice applies as soon as the panel's code is in (it loads when the panel first opens). */
// (The code loads on a busy machine too: a generous wait, the same colour.)
const expectBackground = (page: Page, colour: string) => expect.poll(() => background(page), { timeout: 15_000 }).toBe(colour);
const settingsButton = (page: Page) => page.locator('.site-header .settings-button');

async function choose(page: Page, label: string) {
  if (!(await page.locator('#reader-settings').evaluate((panel) => panel.matches(':popover-open')))) {
    await settingsButton(page).click();
  }
  await page.locator('#reader-settings').getByText(label, { exact: true }).click();
}

test.describe('reading settings', () => {
  test('without JavaScript the settings button is not shown, since nothing could apply the settings', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await expect(settingsButton(page)).toBeHidden();
    await context.close();
  });

  for (const edition of EDITIONS) {
    test(`${edition.name}: the theme follows the system until chosen, then stays chosen, applied before any script file runs`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(edition.home);
      await expectBackground(page, LIGHT_PAGE);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectBackground(page, DARK_PAGE);

      await page.emulateMedia({ colorScheme: 'light' });
      await choose(page, edition.script('深色'));
      await expectBackground(page, DARK_PAGE);

      // Reload with every script file blocked: only the inline boot script can apply the stored theme.
      await page.route('**/*.js', (route) => route.abort());
      await page.reload();
      await expectBackground(page, DARK_PAGE);
      await page.unroute('**/*.js');

      await page.reload();
      await choose(page, edition.script('跟随系统'));
      await expectBackground(page, LIGHT_PAGE);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectBackground(page, DARK_PAGE);
    });
  }

  test('text size: four steps from the browser’s own size, remembered', async ({ page }) => {
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.goto('/why-deepseek/');
    expect(await rootSize()).toBe(16);
    const steps: Array<[string, number]> = [
      ['小', 15],
      ['大', 18],
      ['特大', 20],
      ['标准', 16],
    ];
    for (const [label, px] of steps) {
      await choose(page, label);
      await expect.poll(rootSize).toBe(px);
    }
    await choose(page, '特大');
    await expect.poll(rootSize).toBe(20); // applied, and so stored, before the reload
    await page.reload();
    expect(await rootSize()).toBe(20);
    await settingsButton(page).click();
    await expect(page.locator('#reader-settings input[value="x-large"]')).toBeChecked();
  });

  test('keyboard: Tab into the panel, arrows choose, the focus is visible, Escape closes and returns focus', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await settingsButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#reader-settings')).toBeVisible();
    await expect(page.locator('#reader-settings .settings-close')).toBeFocused(); // the panel's first control
    await page.keyboard.press('Tab'); // the theme group's checked radio
    const focused = page.locator('#reader-settings input:focus');
    await expect(focused).toHaveAttribute('value', 'system');
    await page.keyboard.press('ArrowRight');
    await expect(focused).toHaveAttribute('value', 'light');
    await page.keyboard.press('ArrowRight');
    await expect(focused).toHaveAttribute('value', 'dark');
    await expectBackground(page, DARK_PAGE);
    const outline = await focused.evaluate((input) => getComputedStyle(input.closest('label')!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect(page.locator('#reader-settings')).toBeHidden();
    await expect(settingsButton(page)).toBeFocused();
  });

  test('on wide screens the panel hangs below its Aa button, at its end; on phones it is a sheet at the screen’s bottom', async ({ page }) => {
    const placed = async () => {
      await settingsButton(page).click();
      await expect(page.locator('#reader-settings')).toBeVisible();
      const rects = await page.evaluate(() => {
        const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
        return { button: box(document.querySelector('.site-header .settings-button')!), panel: box(document.getElementById('reader-settings')!), width: document.documentElement.clientWidth, height: innerHeight };
      });
      await page.keyboard.press('Escape');
      return rects;
    };
    for (const [width, textSize] of [[768, 'medium'], [1024, 'medium'], [1440, 'medium'], [1024, 'x-large'], [1440, 'small']] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/why-deepseek/');
      await page.evaluate((size) => (document.documentElement.dataset.textSize = size), textSize);
      const { button, panel, width: clientWidth } = await placed();
      const at = `${width} px, ${textSize}`;
      expect(panel.top - button.bottom, `${at}: just below Aa`).toBeGreaterThanOrEqual(0);
      expect(panel.top - button.bottom, `${at}: just below Aa`).toBeLessThanOrEqual(16);
      expect(Math.abs(panel.right - button.right), `${at}: its end at Aa's end`).toBeLessThanOrEqual(2);
      expect(panel.left, `${at}: on screen`).toBeGreaterThanOrEqual(0);
      expect(panel.right, `${at}: on screen`).toBeLessThanOrEqual(clientWidth);
    }
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto('/why-deepseek/');
      const { panel, width: clientWidth, height } = await placed();
      expect(Math.round(panel.bottom), `${width} px: at the bottom`).toBe(height);
      expect(Math.round(panel.left + panel.right), `${width} px: centred`).toBe(clientWidth);
    }
  });

  test('vertical layout is offered on the essay’s pages only', async ({ page }) => {
    await page.goto('/facing-ai/');
    await settingsButton(page).click();
    await expect(page.locator('#reader-settings input[name="writing"]')).toHaveCount(2);
    await page.goto('/search/');
    await settingsButton(page).click();
    await expect(page.locator('#reader-settings input[name="theme"]')).toHaveCount(3);
    await expect(page.locator('#reader-settings input[name="writing"]')).toHaveCount(0);
  });
});

/** The centre of the ink of a character on screen, relative to its box: (0,0) top left, (1,1) bottom right. */
async function inkCentre(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const png = await page.screenshot({ clip: box });
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, img.width, img.height);
    let sumX = 0;
    let sumY = 0;
    let count = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * 4]! < 128) {
          sumX += x;
          sumY += y;
          count++;
        }
      }
    }
    return { x: sumX / count / width, y: sumY / count / height, count };
  }, png.toString('base64'));
}

/** The box of the first occurrence of `char` in a block. */
function charBox(page: Page, blockId: string, char: string) {
  return page.evaluate(
    ([id, char]) => {
      const walker = document.createTreeWalker(document.getElementById(id!)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(char!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + char!.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      }
      throw new Error(`no ${char} in #${id}`);
    },
    [blockId, char],
  );
}

test.describe('vertical layout (竖排)', () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

  for (const edition of EDITIONS) {
    test(`${edition.name}: right to left, punctuation in its vertical place, short numbers upright, Latin sideways`, async ({
      page,
    }, testInfo) => {
      await page.goto(`${edition.home}why-deepseek/`);
      const comma = '\uFF0C';
      // Where the comma sits in its box: Simplified Chinese sets it low and to the left of its box,
      // and in vertical text high and to the right; Traditional (Taiwan's standard, the font chosen
      // by lang="zh-Hant") centres it in both.
      const expectCommaPlace = (place: { x: number; y: number }, vertical: boolean) => {
        if (edition === TRADITIONAL) {
          expect(Math.abs(place.x - 0.5)).toBeLessThan(0.2);
          expect(Math.abs(place.y - 0.5)).toBeLessThan(0.2);
        } else if (vertical) {
          expect(place.y).toBeLessThan(0.5);
          expect(place.x).toBeGreaterThan(0.5);
        } else {
          expect(place.y).toBeGreaterThan(0.5);
          expect(place.x).toBeLessThan(0.5);
        }
      };
      expectCommaPlace(await inkCentre(page, await charBox(page, 'why-deepseek-2', comma)), false);

      await choose(page, edition.script('竖排'));
      await page.keyboard.press('Escape');
      const essayBox = page.locator('.essay');
      await expect(essayBox).toHaveCSS('writing-mode', 'vertical-rl');
      await testInfo.attach('vertical', { body: await page.screenshot(), contentType: 'image/png' });

      // Columns run right to left: the heading stands right of the first paragraph, which starts at the top.
      const heading = (await page.locator('h1.section-heading').boundingBox())!;
      const first = (await page.locator('#why-deepseek-1').boundingBox())!;
      expect(heading.x).toBeGreaterThan(first.x + first.width - 1);
      expect(first.height).toBeGreaterThan(first.width);

      // The font's vertical form.
      expectCommaPlace(await inkCentre(page, await charBox(page, 'why-deepseek-2', comma)), true);

      // 26 (in 1月26日) stands upright in one column cell; DeepSeek lies along the column.
      const digits = page.locator('#why-deepseek-2 .digits-combined').nth(1);
      await expect(digits).toHaveText('26');
      await expect(digits).toHaveCSS('text-combine-upright', 'all');
      const digitsBox = (await digits.boundingBox())!;
      expect(digitsBox.height).toBeLessThan(digitsBox.width * 1.3);
      const latin = await charBox(page, 'why-deepseek-2', 'DeepSeek');
      expect(latin.height).toBeGreaterThan(latin.width * 2);

      // On the whole essay, wider than the screen, a mouse wheel moves along the lines: leftwards.
      await page.goto(edition.home);
      await page.mouse.move(640, 400);
      const before = await essayBox.evaluate((element) => element.scrollLeft);
      await page.mouse.wheel(0, 600);
      await expect.poll(() => essayBox.evaluate((element) => element.scrollLeft)).toBeLessThan(before - 100);

      // Remembered.
      await page.reload();
      await expect(essayBox).toHaveCSS('writing-mode', 'vertical-rl');
    });
  }
});

test.describe('reading aids', () => {
  test('reading time: the essay’s characters at 255 a minute, on the essay and on each section', async ({ page }) => {
    // Independently of the site's code: Han characters and Latin words or numbers.
    const units = (text: string) => text.match(/\p{Script=Han}|[A-Za-z\d]+(?:[-.'][A-Za-z\d]+)*/gu)?.length ?? 0;
    const minutes = (text: string) => Math.max(1, Math.round(units(text) / 255));
    const whole = [...essay.lede.paragraphs, ...essay.sections.flatMap((s) => s.paragraphs), ...essay.note.paragraphs].join('');
    await page.goto('/');
    await expect(page.locator('.essay-header .reading-time')).toHaveText(`约${minutes(whole)}分钟读完`);
    await page.goto('/zh-hant/');
    await expect(page.locator('.essay-header .reading-time')).toHaveText(`約${minutes(whole)}分鐘讀完`);
    for (const section of essay.sections) {
      await page.goto(`/${section.slug}/`);
      await expect(page.locator('.essay-kicker .reading-time')).toHaveText(`本节阅读约${minutes(section.paragraphs.join(''))}分钟`);
    }
  });

  test('the progress bar follows the scroll, from none at the top to full at the end', async ({ page }) => {
    await page.goto('/');
    const scale = () =>
      page.locator('.reading-progress').evaluate((bar) => new DOMMatrix(getComputedStyle(bar).transform).a);
    expect(await scale()).toBeLessThan(0.05);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(scale).toBeGreaterThan(0.3);
    expect(await scale()).toBeLessThan(0.7);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(scale).toBeGreaterThan(0.95);
  });

  test('on a wide screen the contents stay beside the text and mark the section being read', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 800 });
    await page.goto('/');
    const toc = page.locator('nav.toc');
    const links = toc.locator('a');
    for (const [i, section] of essay.sections.entries()) {
      await page.locator(`#${section.slug}`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await expect(links.nth(i)).toHaveAttribute('aria-current', 'location');
      await expect(toc).toBeInViewport();
      expect(await toc.locator('a[aria-current]').count()).toBe(1);
    }
  });

  test('back to top returns to the start of the page', async ({ page }) => {
    await page.goto('/us-china-tech/');
    await page.locator('.back-to-top a').click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  });
});
