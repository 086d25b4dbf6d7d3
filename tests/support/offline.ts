/**
 * Helpers for the offline tests (tests/e2e/offline.spec.ts, tests/e2e/base-path.spec.ts,
 * tests/slow/offline-update.spec.ts): a first visit that waits for the service worker to have kept
 * its files, and what the pages show.
 */
import { expect, type Page } from '@playwright/test';
import { strings } from '../../src/core/strings';

export const o = strings.offline;

/**
 * Opens `url` and waits for `navigator.serviceWorker.ready` and the worker's activation: its
 * install, which keeps every file of its list, is over. Returns the worker's script URL.
 */
export async function firstVisit(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // The page's own edition's worker, beside its manifest: `ready` may also be a worker at the base.
    const own = new URL('sw.js', document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href).href;
    for (;;) {
      const registrations = await navigator.serviceWorker.getRegistrations();
      const worker = registrations.map((registration) => registration.active).find((active) => active?.scriptURL === own);
      if (worker?.state === 'activated') return worker.scriptURL;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

/** The essay's paragraphs the page shows. */
export const paragraphs = (page: Page) => page.locator('main .prose p');

/** The search field of the header, by its label. */
export const headerSearch = (page: Page) => page.getByLabel(strings.search.label, { exact: true });

/** Types `query` in the header's field and waits for its results, the first one's <mark>s (one for each place) holding `marked`. */
export async function searchInHeader(page: Page, query: string, marked: string): Promise<void> {
  await headerSearch(page).pressSequentially(query);
  const results = page.locator('[data-search-results]');
  await expect(results.locator(':scope > li').first().locator('mark').first()).toHaveText(marked, { timeout: 15_000 });
  for (const mark of await results.locator(':scope > li').first().locator('mark').all()) await expect(mark).toHaveText(marked);
  await expect(results).toHaveAttribute('aria-busy', 'false');
}

/** The offline page, by its heading. */
export const offlineHeading = (page: Page) => page.getByRole('heading', { level: 1, name: o.title });
