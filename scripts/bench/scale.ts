/**
 * The scale run: the site built from texts of several lengths (SCALE_SIZES: this essay, 古文观止, and
 * two books of the classics, scripts/bench/scale-text.ts), each measured the same way: build time and
 * peak memory, the first search's bytes (file by file) and time on a few random phrases of the text,
 * later searches' time, found@1 on random phrases of the text, a quarter of them typed in Traditional
 * characters, a common word's search, and the offline cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { measureBuilds, type BuildResult } from './build.ts';
import { host } from './host.ts';
import { copyProjectWithContent } from './project-copy.ts';
import { bookContent, scaleContent, textLength } from './scale-text.ts';
import { measureSearch, type SearchRun } from './search.ts';
import { fold } from '../../src/search/fold.ts';
import { keptTotal, measureOffline, offlineSearch } from './offline.ts';

/** Letters and digits, folded: the page shows ASCII punctuation full-width and Markdown marks not at all. */
const words = (text: string) => fold(text).text.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The sizes the scale run can build, by their multiple of this essay's length. 48× is 古文观止 alone
 * (the size the 60 s build budget was set at); 50× and 150× are the book of the classics, the longer
 * holding the shorter, so that what the first search gains between them is what the added text costs.
 * `commonWord`: a common word of the text, some of whose paragraphs hold its characters only across
 * punctuation (君，子).
 */
export const SCALE_SIZES = {
  1: { label: '1× (this essay)', content: (root: string) => ownContent(root), commonWord: '功不' },
  48: { label: '48× (古文观止)', content: () => scaleContent(), commonWord: '君子' },
  50: { label: '50× (古文观止, part of 诗经)', content: (root: string) => bookContent(50, textLength(ownContent(root))), commonWord: '君子' },
  150: { label: '150× (古文观止, 诗经 … 元曲)', content: (root: string) => bookContent(150, textLength(ownContent(root))), commonWord: '君子' },
} as const;
export type ScaleSize = keyof typeof SCALE_SIZES;

/** Phrases searched first, each on a fresh page: the first search's figures are medians over them. */
export const FIRST_SEARCHES = 4;
/** Phrases searched after the first, on its page. */
export const LATER_SEARCHES = 10;

export interface ScaleResult {
  size: ScaleSize;
  label: string;
  /** The status of a search for the size's `commonWord` on a fresh page, and what that search fetched. */
  common: { query: string; status: string; bytes: number; chunks: number };
  chars: number;
  sections: number;
  build: BuildResult;
  search: SearchRun[];
  found: number;
  asked: number;
  /** The service worker's cache after a first visit of / (gzip, as stored), and search offline after 10 searches online. */
  offline: { files: number; gzip: number; raw: number; again: number; others: number; online: number; asked: number };
}

/** The content/ files of the checkout, as the copies' are given. */
function ownContent(root: string): Record<string, string> {
  const dir = join(root, 'content');
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
      }),
  );
}

/** A small seeded generator (mulberry32), so that every run asks the same phrases. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random stretches of 4–12 characters of the text's paragraphs, without line breaks. */
function phrases(files: Record<string, string>, count: number): string[] {
  const paragraphs = Object.entries(files)
    .filter(([path]) => path.endsWith('.md'))
    .flatMap(([, text]) => text.replace(/^---[\s\S]*?---/, '').split(/\n\n+/))
    .map((paragraph) => Array.from(paragraph.trim()))
    .filter((chars) => chars.length >= 12);
  const next = random(13);
  return Array.from({ length: count }, () => {
    const chars = paragraphs[Math.floor(next() * paragraphs.length)]!;
    const length = 4 + Math.floor(next() * 9);
    const start = Math.floor(next() * (chars.length - length));
    return chars.slice(start, start + length).join('');
  });
}

async function foundAt1(browser: Browser, origin: string, asked: string[]): Promise<number> {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const page = await browser.newPage();
  let found = 0;
  for (const [i, phrase] of asked.entries()) {
    const query = i % 4 === 3 ? toTraditional(phrase) : phrase;
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false');
    const first = await page.locator('.search-result mark').first().textContent({ timeout: 1000 }).catch(() => null);
    if (first !== null && words(first) === words(phrase)) found++;
  }
  await page.close();
  return found;
}

async function commonWord(browser: Browser, origin: string, dist: string, query: string): Promise<ScaleResult['common']> {
  const page = await browser.newPage();
  const fetched: string[] = [];
  page.on('requestfinished', (request) => fetched.push(request.url()));
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false');
  const status = (await page.locator('[data-search="page"] .search-status').textContent()) ?? '';
  await page.close();
  const search = fetched.filter((url) => /\/pagefind\//.test(url));
  // As a compressing host serves them (scripts/bench/search.ts): Pagefind's own files are gzip already.
  const served = (path: string) => (/\.(js|json)$/.test(path) ? gzipSync(readFileSync(path), { level: 6 }).length : statSync(path).size);
  const bytes = search.reduce((sum, url) => sum + served(join(dist, decodeURIComponent(new URL(url).pathname))), 0);
  return { query, status, bytes, chunks: search.filter((url) => url.endsWith('.pf_index')).length };
}

export async function measureScale(browser: Browser, root: string, runs: number, sizes: readonly ScaleSize[], log: (line: string) => void): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const size of sizes) {
    const { label, content, commonWord: word } = SCALE_SIZES[size];
    const files = content(root);
    const dir = copyProjectWithContent(root, files, 'bench-scale-');
    const cache = mkdtempSync('/tmp/bench-scale-cache-');
    const dist = join(dir, 'dist');
    try {
      log(`scale ${label}: building`);
      const build = await measureBuilds(dir, runs, dist, cache, log);
      const asked = phrases(files, 60);
      const { origin, close } = await host(dist);
      try {
        log(`scale ${label}: searching`);
        const first = asked.slice(0, FIRST_SEARCHES);
        const later = asked.slice(FIRST_SEARCHES, FIRST_SEARCHES + LATER_SEARCHES);
        const search = await measureSearch(browser, origin, dist, runs, first, later);
        const found = await foundAt1(browser, origin, asked);
        const common = await commonWord(browser, origin, dist, word);
        log(`scale ${label}: offline`);
        const kept = await measureOffline(origin, '/');
        const online = asked.slice(0, 10);
        const others = asked.slice(10, 40);
        const offlineFound = await offlineSearch(browser, origin, online, others);
        const keptSizes = keptTotal(kept);
        results.push({
          size,
          label,
          common,
          chars: textLength(files),
          sections: Object.keys(files).filter((path) => path.startsWith('sections/')).length,
          build,
          search,
          found,
          asked: asked.length,
          offline: { files: kept.kept.length, gzip: keptSizes.gzip, raw: keptSizes.raw, ...offlineFound, online: online.length, asked: others.length },
        });
      } finally {
        close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  }
  return results;
}
