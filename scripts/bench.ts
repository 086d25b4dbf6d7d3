/**
 * Search benchmark: prints medians (min–max) over several runs; never a pass/fail test.
 *
 * - cold: the first search on a fresh page (no cache), from its start to its results
 *   rendered, with nothing loaded before: the search engine's script, Pagefind's
 *   script, WebAssembly, index chunks and fragments, and the fold table (a reader's
 *   first search is usually faster, since focusing the field starts these loads);
 * - warm: each further query, from the search starting (after the typing debounce)
 *   to its results rendered (the User Timing measure `search` in src/scripts/search/ui.ts);
 * - bytes of the first search as a compressing static host sends them (text
 *   files gzipped at level 6; Pagefind's index, fragments and wasm are gzip already);
 * - the search bundle's size on disk.
 *
 * Usage: npm run bench [-- --runs 7] [--dir dist]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, dir: { type: 'string', default: 'dist' } },
});
const RUNS = Number(values.runs);
const DIST = values.dir;
const COLD_QUERY = '软阶层';
const WARM_QUERIES = ['站在ChatGPT等巨人肩头', '軟階層', '伟大不能被计划', '性价比', '量化投资公司', '發', '1957年10月4日', '玻璃笼子', '数据蒸馏', '不存在的词语组合'];

if (!existsSync(join(DIST, 'index.html'))) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await serve(DIST, 0);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const TEXT = /\.(js|css|html|json|svg|txt)$/;
function servedBytes(url: string): number {
  const path = join(DIST, decodeURIComponent(new URL(url).pathname));
  const body = readFileSync(path);
  return TEXT.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
}

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const stat = (xs: number[], unit: string, digits = 1) =>
  `${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

async function run(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
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

  // The query arrives without a focus event, so nothing was preloaded.
  await input.evaluate((field: HTMLInputElement, query) => {
    field.value = query;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, COLD_QUERY);
  await busyDone();
  const cold = await page.evaluate(() => (performance.getEntriesByName('search').at(-1) as PerformanceMeasure).duration);
  const firstSearchBytes = fetched.filter((url) => url.startsWith(origin)).reduce((sum, url) => sum + servedBytes(url), 0);
  const firstSearchFiles = fetched.length;

  const warm: number[] = [];
  for (const query of WARM_QUERIES) {
    await page.evaluate(() => performance.clearMeasures('search'));
    await input.fill(query);
    await busyDone();
    warm.push(await page.evaluate(() => (performance.getEntriesByName('search').at(-1) as PerformanceMeasure).duration));
  }
  await context.close();
  return { cold, warm: median(warm), firstSearchBytes, firstSearchFiles };
}

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const results = [];
try {
  await run(browser); // a first, discarded run warms the server and the disk cache
  for (let i = 0; i < RUNS; i++) results.push(await run(browser));
} finally {
  await browser.close();
  server.close();
}

const index = folderSize(join(DIST, 'pagefind'));
const records = readdirSync(join(DIST, 'pagefind', 'fragment')).length;
console.log(`Search benchmark, ${RUNS} runs, Chromium at 390×700, ${new Date().toISOString().slice(0, 10)}`);
console.log(`  cold: first search "${COLD_QUERY}" → results  ${stat(results.map((r) => r.cold), 'ms', 0)}   target < 300 ms`);
console.log(`  warm: search start → results rendered  ${stat(results.map((r) => r.warm), 'ms')}   target < 30 ms (median over ${WARM_QUERIES.length} queries per run; typing debounce of 120 ms comes before)`);
console.log(`  first search fetched                   ${stat(results.map((r) => r.firstSearchBytes / 1024), 'KB')} in ${median(results.map((r) => r.firstSearchFiles))} files   target < 150 KB`);
console.log(`  search bundle on disk                  ${(index / 1024).toFixed(1)} KB (${records} records)`);
