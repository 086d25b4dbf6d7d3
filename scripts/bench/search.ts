/**
 * Search, in Chromium against the built site:
 *
 * - cold: the first search on a fresh page (no cache), the query arriving without a
 *   focus, from its keystroke to its results rendered: what the reader waits. The search
 *   code, Pagefind's script, WebAssembly, index chunk and fragments, and the search
 *   settings start loading at the keystroke, while the search waits for the typing pause
 *   (a reader who first focuses the field gives them a longer head start). Also from the
 *   search's start, after that pause, which hides what loaded during it;
 * - warm: each further query, from the search starting (after the typing debounce)
 *   to its results rendered (the User Timing measure `search` in src/search/client/ui.ts);
 * - bytes of the first search as a compressing static host sends them (text
 *   files gzipped at level 6; Pagefind's index, fragments and wasm are gzip already).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { median } from './stats.ts';

export const COLD_QUERY = '软阶层';
export const WARM_QUERIES = ['站在ChatGPT等巨人肩头', '軟階層', '伟大不能被计划', '性价比', '量化投资公司', '發', '1957年10月4日', '玻璃笼子', '数据蒸馏', '不存在的词语组合'];

export interface SearchRun {
  /** The first search, from its start after the typing pause. */
  coldMs: number;
  /** The same first search, from the keystroke that started it. */
  coldFromKeystrokeMs: number;
  /** Median over WARM_QUERIES. */
  warmMs: number;
  firstSearchBytes: number;
  firstSearchFiles: number;
}

const TEXT = /\.(js|css|html|json|svg|txt)$/;

export async function measureSearch(
  browser: Browser,
  origin: string,
  dist: string,
  runs: number,
  coldQuery = COLD_QUERY,
  warmQueries: readonly string[] = WARM_QUERIES,
): Promise<SearchRun[]> {
  const servedBytes = (url: string) => {
    const path = join(dist, decodeURIComponent(new URL(url).pathname));
    const body = readFileSync(path);
    return TEXT.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
  };

  async function run(): Promise<SearchRun> {
    // Without the service worker (src/offline/): its install after the load would fetch what it keeps
    // during the first search, which is measured alone, as before it (scripts/bench/offline.ts measures the worker).
    const context = await browser.newContext({ viewport: { width: 390, height: 700 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(request.url()));
    const input = page.locator('[data-search="popup"] input[type="search"]');
    const busyDone = () =>
      page.waitForFunction(() => {
        const results = document.querySelector('[data-search="popup"] [data-search-results]');
        return results?.getAttribute('aria-busy') === 'false' && performance.getEntriesByName('search').length > 0;
      });

    // The query arrives without a focus event: nothing loads before this keystroke.
    await input.evaluate((field: HTMLInputElement, query) => {
      performance.mark('bench-keystroke');
      field.value = query;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, coldQuery);
    await busyDone();
    const [coldMs, coldFromKeystrokeMs] = await page.evaluate(() => {
      const search = performance.getEntriesByName('search').at(-1) as PerformanceMeasure;
      const keystroke = performance.getEntriesByName('bench-keystroke')[0]!;
      return [search.duration, search.startTime + search.duration - keystroke.startTime];
    });
    const firstSearchBytes = fetched.filter((url) => url.startsWith(origin)).reduce((sum, url) => sum + servedBytes(url), 0);
    const firstSearchFiles = fetched.length;

    const warm: number[] = [];
    for (const query of warmQueries) {
      await page.evaluate(() => performance.clearMeasures('search'));
      await input.fill(query);
      await busyDone();
      warm.push(await page.evaluate(() => (performance.getEntriesByName('search').at(-1) as PerformanceMeasure).duration));
    }
    await context.close();
    return { coldMs, coldFromKeystrokeMs, warmMs: median(warm), firstSearchBytes, firstSearchFiles };
  }

  await run(); // a first, discarded run warms the server and the disk cache
  const results: SearchRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  return results;
}
