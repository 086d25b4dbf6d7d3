/**
 * Layout shift of a page whose content arrives after its first paint (`/search/?q=…`: the search
 * box shown by its script, then the status and the results), in Chromium against the built site.
 *
 * Every shift is summed, those Chromium flags `hadRecentInput` included: a navigation started
 * by a click or a typed address can mark a page's first shifts as following input, so
 * Lighthouse's CLS may leave them out, but the reader sees them all. The page is measured from
 * its load until its results are drawn and a moment after (the status and 更多 settle then).
 */
import type { Browser } from '@playwright/test';

export const SHIFT_PATH = `/search/?q=${encodeURIComponent('软阶层')}`;
/** A phone (the 390 px) and a desktop window. */
export const SHIFT_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

export interface LayoutShiftRun {
  width: number;
  /** Every shift's score, summed. */
  all: number;
  /** Only those without recent input, as Lighthouse's CLS counts them. */
  withoutInput: number;
}

export async function measureLayoutShift(browser: Browser, origin: string, runs: number): Promise<LayoutShiftRun[]> {
  const results: LayoutShiftRun[] = [];
  for (let i = 0; i < runs; i++) {
    for (const viewport of SHIFT_VIEWPORTS) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${origin}${SHIFT_PATH}`);
      await page.waitForFunction(() => document.querySelector('[data-search="page"] [data-search-results]')?.getAttribute('aria-busy') === 'false');
      await page.waitForTimeout(500);
      const sums = await page.evaluate(
        () =>
          new Promise<{ all: number; withoutInput: number }>((resolve) => {
            new PerformanceObserver((list) => {
              const shifts = list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
              const sum = (entries: typeof shifts) => entries.reduce((total, entry) => total + entry.value, 0);
              resolve({ all: sum(shifts), withoutInput: sum(shifts.filter((entry) => !entry.hadRecentInput)) });
            }).observe({ type: 'layout-shift', buffered: true });
            // No shift at all: the observer is never called.
            setTimeout(() => resolve({ all: 0, withoutInput: 0 }), 200);
          }),
      );
      results.push({ width: viewport.width, ...sums });
      await context.close();
    }
  }
  return results;
}
