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
 *   files gzipped at level 6; Pagefind's index, fragments and wasm are gzip already),
 *   file by file, each file sorted into its kind (FILE_KINDS).
 *
 * Each run searches each of `coldQueries` first on a fresh page of its own, and the later
 * queries on the first of those pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { median } from './stats.ts';

export const COLD_QUERY = '软阶层';
export const WARM_QUERIES = ['站在ChatGPT等巨人肩头', '軟階層', '伟大不能被计划', '性价比', '量化投资公司', '發', '1957年10月4日', '玻璃笼子', '数据蒸馏', '不存在的词语组合'];

/** What the first search fetches, by kind, in the order the bench prints them; anything else is `other` (the favicon). */
export const FILE_KINDS = [
  { kind: 'search code', what: "the site's search code (`_astro/*.js`, gzip)", path: /\/_astro\/[^/]+\.js$/ },
  { kind: 'pagefind.js', what: "`pagefind.js`, Pagefind's script (gzip)", path: /\/pagefind\/pagefind\.js$/ },
  { kind: 'wasm', what: '`wasm.*.pagefind`, its WebAssembly', path: /\/pagefind\/wasm\.[^/]+\.pagefind$/ },
  { kind: 'entry', what: '`pagefind-entry.json` (gzip)', path: /\/pagefind\/pagefind-entry\.json$/ },
  { kind: 'meta', what: '`*.pf_meta`: a line per record, and the chunk list', path: /\/pagefind\/[^/]+\.pf_meta$/ },
  { kind: 'settings', what: '`search.json`: the search settings, Traditional → Simplified fold table among them (gzip)', path: /\/pagefind\/search\.json$/ },
  { kind: 'index', what: "`index/*.pf_index`: the chunks holding the query's tokens", path: /\/pagefind\/index\/[^/]+\.pf_index$/ },
  { kind: 'filter', what: '`filter/*.pf_filter`', path: /\/pagefind\/filter\/[^/]+\.pf_filter$/ },
  { kind: 'fragment', what: '`fragment/*.pf_fragment`: one per result shown', path: /\/pagefind\/fragment\/[^/]+\.pf_fragment$/ },
] as const;
export type FileKind = (typeof FILE_KINDS)[number]['kind'] | 'other';

export interface SearchFile {
  path: string;
  kind: FileKind;
  /** As a compressing host sends it. */
  bytes: number;
}

export interface FirstSearch {
  query: string;
  /** From its start after the typing pause. */
  coldMs: number;
  /** The same search, from the keystroke that started it. */
  coldFromKeystrokeMs: number;
  /** Every file of the site it fetched, in the order they finished. */
  files: SearchFile[];
}

export interface SearchRun {
  /** One for each of the cold queries, each on a fresh page. */
  first: FirstSearch[];
  /** Median over the later queries. */
  warmMs: number;
}

const TEXT = /\.(js|css|html|json|svg|txt)$/;

const kindOf = (path: string): FileKind => FILE_KINDS.find((kind) => kind.path.test(path))?.kind ?? 'other';

export async function measureSearch(
  browser: Browser,
  origin: string,
  dist: string,
  runs: number,
  coldQueries: readonly string[] = [COLD_QUERY],
  warmQueries: readonly string[] = WARM_QUERIES,
): Promise<SearchRun[]> {
  const served = (url: string): SearchFile => {
    const path = decodeURIComponent(new URL(url).pathname);
    const body = readFileSync(join(dist, path));
    return { path, kind: kindOf(path), bytes: TEXT.test(path) ? gzipSync(body, { level: 6 }).length : body.length };
  };

  /** The first search of `coldQuery` on a fresh page, then each of `later` on that page. */
  async function search(coldQuery: string, later: readonly string[]): Promise<{ first: FirstSearch; warm: number[] }> {
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
    const files = fetched.filter((url) => url.startsWith(origin)).map(served);

    const warm: number[] = [];
    for (const query of later) {
      await page.evaluate(() => performance.clearMeasures('search'));
      await input.fill(query);
      await busyDone();
      warm.push(await page.evaluate(() => (performance.getEntriesByName('search').at(-1) as PerformanceMeasure).duration));
    }
    await context.close();
    return { first: { query: coldQuery, coldMs, coldFromKeystrokeMs, files }, warm };
  }

  async function run(): Promise<SearchRun> {
    const searches = [];
    for (const [i, query] of coldQueries.entries()) searches.push(await search(query, i === 0 ? warmQueries : []));
    return { first: searches.map((s) => s.first), warmMs: median(searches[0]!.warm) };
  }

  await run(); // a first, discarded run warms the server and the disk cache
  const results: SearchRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  return results;
}
