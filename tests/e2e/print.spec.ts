/**
 * Print is light, horizontal and spaced whatever the reader chose on screen: measured under print
 * emulation in Chromium, in both writing modes, both themes and the largest text size (the PDF
 * itself is printed in tests/slow/print.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS_STORAGE_KEY } from '../../src/reader/settings';

/** What print shows, measured in the page. */
function measurePrint(page: Page) {
  return page.evaluate(() => {
    const essay = document.querySelector<HTMLElement>('.essay')!;
    const styles = [essay, ...essay.querySelectorAll<HTMLElement>('p, h1, h2, span')].map((el) => getComputedStyle(el));
    // The Han/Latin space on each side of a run marked for it (the digits of 「1月26日」 among them):
    // the distance from the Han character beside it to the run's first or last character, in em.
    const gaps: Array<{ at: string; gap: number }> = [];
    for (const run of essay.querySelectorAll<HTMLElement>('.prose p .space-before, .prose p .space-after')) {
      const text = run.firstChild;
      const before = run.previousSibling;
      if (!(text instanceof Text) || !(before instanceof Text) || !run.classList.contains('space-before')) continue;
      const range = document.createRange();
      range.setStart(before, before.length - 1);
      range.setEnd(before, before.length);
      const han = range.getBoundingClientRect();
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect();
      if (Math.abs(first.top - han.top) > 2) continue; // across a line break: no space there
      const em = parseFloat(getComputedStyle(run).fontSize);
      gaps.push({ at: `${before.data.slice(-2)}|${text.data.slice(0, 4)}`, gap: (first.left - han.right) / em });
    }
    // Every painted background behind the essay, with its lightness (0–255 average of its channels).
    const backgrounds = [document.documentElement, document.body, ...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el: el.className || el.tagName, color: getComputedStyle(el).backgroundColor }))
      .filter(({ color }) => !/^rgba\(.*, 0\)$/.test(color) && color !== 'transparent');
    const textColor = getComputedStyle(essay).color;
    return {
      writingModes: [...new Set(styles.map((s) => s.writingMode))],
      features: [...new Set(styles.map((s) => s.fontFeatureSettings))],
      combined: styles.filter((s) => s.textCombineUpright !== 'none').length,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      gaps,
      backgrounds,
      textColor,
    };
  });
}

const lightness = (color: string) => {
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
  return (r! + g! + b!) / 3;
};

for (const writing of ['horizontal', 'vertical'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`print with ${writing} layout and the ${theme} theme saved: light, horizontal, spaced`, async ({ page }) => {
      await page.addInitScript(
        ([key, value]) => localStorage.setItem(key!, value!),
        [SETTINGS_STORAGE_KEY, JSON.stringify({ writing, theme, textSize: 'x-large' })],
      );
      await page.goto('/'); // the whole essay, with its contents
      await page.emulateMedia({ media: 'print' });
      const print = await measurePrint(page);
      expect.soft(print.writingModes).toEqual(['horizontal-tb']);
      // No vertical glyph forms (，。（） turned and set high) in horizontal lines.
      for (const features of print.features) expect.soft(features).not.toContain('vert');
      expect.soft(print.combined).toBe(0);
      expect.soft(parseFloat(print.rootFontSize)).toBeCloseTo((11 * 96) / 72, 1); // 11pt at any text size
      // 「1月26日」, 「558万美元」, 「的DeepSeek在」: the space between Han and a Latin or numeric run.
      expect.soft(print.gaps.length).toBeGreaterThan(20);
      expect.soft(print.gaps.filter(({ at }) => /\d/.test(at)).length).toBeGreaterThan(5);
      for (const gap of print.gaps) expect.soft(gap.gap, gap.at).toBeGreaterThan(0.1);
      // Black on white: every background painted is light (the contents' box printed dark in the dark theme).
      for (const { el, color } of print.backgrounds) expect.soft(lightness(color), `${el}: ${color}`).toBeGreaterThan(230);
      expect.soft(lightness(print.textColor)).toBeLessThan(60);
    });
  }
}
