/**
 * Narrow screens and touch (issue 24): no page scrolls sideways at any width from 320 px, any
 * text size, either writing mode, either edition; every control is a tap target of at least
 * 44×44 px (WCAG 2.2's minimum is 24×24).
 */
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS } from '../../src/reader/settings';

const PAGES = ['/', '/why-deepseek/', '/us-china-tech/', '/facing-ai/', '/search/', '/no-such-page/'];
const EDITIONS = ['', '/zh-hant'];
const WIDTHS = [320, 360, 390, 768];

/** Every setting combination at every width: where the page is wider than its window. */
async function overflows(page: Page) {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 700 });
    for (const textSize of SETTINGS.textSize) {
      for (const writing of SETTINGS.writing) {
        const wide = await page.evaluate(
          ([textSize, writing]) => {
            document.documentElement.dataset.textSize = textSize!;
            document.documentElement.dataset.writing = writing!;
            const root = document.documentElement;
            return root.scrollWidth > root.clientWidth ? root.scrollWidth - root.clientWidth : 0;
          },
          [textSize, writing],
        );
        if (wide) found.push(`${width} px, ${textSize}, ${writing}: ${wide} px too wide`);
      }
    }
  }
  return found;
}

for (const edition of EDITIONS) {
  for (const path of PAGES) {
    test(`${edition}${path}: never wider than the window, from 320 px, at any text size and writing mode`, async ({ page }) => {
      await page.goto(`${edition}${path}`);
      expect(await overflows(page)).toEqual([]);
    });
  }
}

/**
 * Each visible control's tap area at 390 px, measured as a finger meets it: the points at the
 * edges and corners of a 44×44 box around its centre (or of its own box, where larger) must hit
 * the control itself (its padding, or a pseudo-element that extends it), not a neighbour or the page.
 */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')];
    const small: string[] = [];
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || control.closest('[hidden], [popover]:not(:popover-open)')) continue;
      // A radio or checkbox is tapped through its label (the settings' options).
      const target = control.matches('input[type="radio"], input[type="checkbox"]') ? (control.closest('label') ?? control) : control;
      target.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const rect = target.getBoundingClientRect();
      // Off screen until focused (the skip link); /search/'s own field and results are that page's.
      if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || control.closest('.search-page')) continue;
      // 3 px in from the box's edges: a control's own rounded corners (0.5rem) are not part of it.
      const half = { x: Math.max(rect.width, 44) / 2 - 3, y: Math.max(rect.height, 44) / 2 - 3 };
      const cx = rect.left + rect.width / 2;
      const cy = rect.top + rect.height / 2;
      const misses = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => [cx + dx * half.x, cy + dy * half.y] as const)).filter(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !hit || !(target.contains(hit) || hit.contains(target) && hit === control);
      });
      if (misses.length) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? control.className).trim().slice(0, 12);
        small.push(`${control.tagName.toLowerCase()}.${control.className.split(' ')[0]} 「${name}」 ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return [...new Set(small)];
  });
}

for (const edition of EDITIONS) {
  for (const path of PAGES) {
    test(`${edition}${path}: at 390 px every control takes a tap within 44×44 px`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${edition}${path}`);
      expect(await smallTargets(page)).toEqual([]);
    });
  }
}

test('the header search’s suggestions: each on one line, each tapped within 44×44 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/');
  await page.locator('.site-header .search-input').fill('龘龘龘'); // no paragraph holds any of it: the suggestions
  const suggestions = page.locator('.search-suggestions a');
  await expect(suggestions.first()).toBeVisible();
  for (const suggestion of await suggestions.all()) {
    // One line: its characters' rectangles share one top.
    const tops = await suggestion.evaluate((link) => {
      const range = document.createRange();
      range.selectNodeContents(link);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(tops, await suggestion.innerText()).toBe(1);
  }
  expect((await smallTargets(page)).filter((target) => target.includes('search-suggestion') || /a\. 「(软阶层|DeepSeek|伟大|性价比|中美)/.test(target))).toEqual([]);
});
