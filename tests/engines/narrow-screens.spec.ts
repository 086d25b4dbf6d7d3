/**
 * Narrow screens and touch in Chromium, Firefox and WebKit (issue 24; tests/e2e/narrow-screens.spec.ts
 * measures more pages and widths in Chromium): no page is wider than a 320 px window at any text
 * size or writing mode, and at 390 px every control takes a tap within 44×44 px. WebKit's window
 * cannot be that narrow: there the page is loaded in an iframe of the width (tests/support/engines.ts).
 */
import { ENGINES } from '../support/engines';
import { expect, test } from './fixtures';

const PAGES = ['/', '/facing-ai/', '/search/', '/zh-hant/', '/zh-hant/search/'];

/** For each text size and writing mode, how much wider than its window the page is (none listed: none). */
function overflows(win: Window): string[] {
  const root = win.document.documentElement;
  const found: string[] = [];
  for (const textSize of ['small', 'medium', 'large', 'x-large']) {
    for (const writing of ['horizontal', 'vertical']) {
      root.dataset.textSize = textSize;
      root.dataset.writing = writing;
      const wide = root.scrollWidth - root.clientWidth;
      if (wide > 0) found.push(`${textSize}, ${writing}: ${wide} px too wide`);
    }
  }
  delete root.dataset.textSize;
  delete root.dataset.writing;
  return found;
}

/**
 * Each visible control's tap area, measured as a finger meets it: the points at the edges and
 * corners of a 44×44 box around its centre (or its own box, where larger), 3 px in, must hit the
 * control itself (its padding, or a pseudo-element that extends it). /search/'s own field and
 * results are that page's and measured in Chromium.
 */
function smallTargets(win: Window): string[] {
  const doc = win.document;
  const small: string[] = [];
  for (const control of doc.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')) {
    const visible = control.checkVisibility?.({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions) ?? true;
    if (!visible || control.closest('[hidden], [popover]:not(:popover-open), .search-page')) continue;
    const target = control.matches('input[type="radio"], input[type="checkbox"]') ? (control.closest('label') ?? control) : control;
    target.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = target.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.bottom < 0) continue; // off screen until focused (the skip link)
    const half = { x: Math.max(rect.width, 44) / 2 - 3, y: Math.max(rect.height, 44) / 2 - 3 };
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const misses = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => [cx + dx * half.x, cy + dy * half.y] as const)).filter(([x, y]) => {
      const hit = doc.elementFromPoint(x, y);
      return !hit || !(target.contains(hit) || (hit.contains(target) && hit === control));
    });
    if (misses.length) {
      const name = (control.getAttribute('aria-label') ?? control.textContent ?? control.className).trim().slice(0, 12);
      small.push(`${control.localName}.${control.className.split(' ')[0]} 「${name}」 ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
  }
  return [...new Set(small)];
}

for (const engine of ENGINES) {
  test.describe(`narrow screens in ${engine}`, () => {
    test(`no page is wider than a 320 px window, at any text size and writing mode`, async ({ open }) => {
      test.setTimeout(120_000);
      const page = await open(engine);
      const found: string[] = [];
      for (const path of PAGES) {
        await page.open(path, { width: 320, height: 640 });
        found.push(...(await page.run(overflows)).map((wide) => `${path}: ${wide}`));
      }
      expect(found).toEqual([]);
    });

    test('at 390 px every control takes a tap within 44×44 px', async ({ open }) => {
      test.setTimeout(120_000);
      const page = await open(engine);
      const found: string[] = [];
      for (const path of PAGES) {
        await page.open(path, { width: 390, height: 844 });
        found.push(...(await page.run(smallTargets)).map((small) => `${path}: ${small}`));
      }
      expect(found).toEqual([]);
    });
  });
}
