/**
 * The scale run: the site built from this essay (1×) and from 古文观止 (scripts/bench/scale-text.ts,
 * about 48× as long, 222 sections), each measured the same way: build time and peak memory, the
 * first search's bytes and time, a later search's time, and found@1 on random phrases of the text,
 * a third of them typed in Traditional characters.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { measureBuilds, type BuildResult } from './build.ts';
import { host } from './host.ts';
import { copyProjectWithContent } from './project-copy.ts';
import { scaleContent, textLength } from './scale-text.ts';
import { measureSearch, type SearchRun } from './search.ts';
import { fold } from '../../src/search/fold.ts';
import { keptTotal, measureOffline, offlineSearch } from './offline.ts';

/** Letters and digits, folded: the page shows ASCII punctuation full-width and Markdown marks not at all. */
const words = (text: string) => fold(text).text.replace(/[^\p{L}\p{N}]/gu, '');

/** A common word of each text, some of whose paragraphs hold its characters only across punctuation (君，子). */
const COMMON_WORD: Record<string, string> = { '1× (this essay)': '功不', '48× (古文观止)': '君子' };

export interface ScaleResult {
  label: string;
  /** The status of a search for COMMON_WORD on a fresh page, and what that search fetched. */
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
    const query = i % 3 === 2 ? toTraditional(phrase) : phrase;
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

export async function measureScale(browser: Browser, root: string, runs: number, log: (line: string) => void): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const [label, files] of [['1× (this essay)', ownContent(root)], ['48× (古文观止)', scaleContent()]] as const) {
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
        const search = await measureSearch(browser, origin, dist, runs, asked[0]!, asked.slice(1, 11));
        const found = await foundAt1(browser, origin, asked);
        const common = await commonWord(browser, origin, dist, COMMON_WORD[label]!);
        log(`scale ${label}: offline`);
        const kept = await measureOffline(origin, '/');
        const online = asked.slice(0, 10);
        const others = asked.slice(10, 40);
        const offlineFound = await offlineSearch(browser, origin, online, others);
        const keptSizes = keptTotal(kept);
        results.push({
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
