/**
 * Scores the site's search on a query file, as a reader on a phone would see it
 * (the method of ../shared/search-eval/README.md), in Chromium:
 *
 * - found@1: the first result's visible text contains the query;
 * - landed@1: after following the first result, the query stands inside the viewport;
 * - clean (negatives): no result shows the query, no dialog opens, no page error.
 *
 * Texts are compared after normalisation: NFKC, Traditional → Simplified (full
 * OpenCC, independent of the site's own fold table), lower case, curly quotes as
 * straight, spaces between Chinese and Latin removed.
 *
 * Usage: npm run eval:search -- <queries.jsonl> [--url http://host:port] [--min-found 98] [--min-landed 98] [--min-clean 100]
 * Without --url it serves ./dist (building it first if missing) on a free local port.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { serve } from './serve.ts';

interface Query {
  id: string;
  q: string;
  kind: string;
  lines: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    'min-found': { type: 'string', default: '0' },
    'min-landed': { type: 'string', default: '0' },
    'min-clean': { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run eval:search -- <queries.jsonl> [--url URL] [--min-found N] [--min-landed N] [--min-clean N]');
  process.exit(2);
}
const queries: Query[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Query);

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFF65';
function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'gu'), '')
    .replace(/\s+/g, ' ');
}

async function serveDist(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync('dist/index.html')) {
    console.log('No dist/: building the site first.');
    await new Promise<void>((resolve, reject) =>
      spawn('npm', ['run', 'build'], { stdio: 'inherit' }).on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`build failed (${code})`)),
      ),
    );
  }
  const server = await serve('dist', 0);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

interface Score {
  query: Query;
  found: boolean;
  landed: boolean;
  clean: boolean;
  note: string;
}

async function score(page: Page, base: string, query: Query): Promise<Score> {
  const errors: string[] = [];
  let dialog = false;
  const onError = (error: Error) => errors.push(error.message);
  const onDialog = () => {
    dialog = true;
  };
  page.on('pageerror', onError);
  page.on('dialog', onDialog);
  try {
    await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`);
    const results = page.locator('[data-search-results]');
    await results.and(page.locator('[aria-busy="false"]')).waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false');
    const items = await results.locator('li').allInnerTexts();
    const wanted = normalise(query.q);
    if (query.kind === 'negative') {
      const shown = items.some((text) => normalise(text).includes(wanted));
      return { query, found: false, landed: false, clean: !shown && !dialog && errors.length === 0, note: errors.join('; ') };
    }
    const first = items[0];
    const found = first !== undefined && normalise(first).includes(wanted);
    if (first === undefined) return { query, found, landed: false, clean: true, note: 'no results' };

    await Promise.all([page.waitForEvent('load'), results.locator('li').first().locator('a').first().click()]);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(150);
    const landed = await page.evaluate((wantedText) => {
      // The same normalisation cannot run here (no OpenCC in the page), so the page sends its blocks back.
      const blocks = Array.from(document.querySelectorAll('main p, main h1, main h2, main h3, main li, main aside'));
      return blocks
        .filter((block) => {
          const rect = block.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < innerHeight && rect.height > 0;
        })
        .map((block) => ({ text: (block as HTMLElement).innerText, rect: block.getBoundingClientRect().toJSON() as DOMRect }))
        .filter(() => wantedText.length > 0);
    }, wanted);
    const landedBlock = landed.find((block) => normalise(block.text).includes(wanted));
    return { query, found, landed: Boolean(landedBlock), clean: errors.length === 0 && !dialog, note: landedBlock ? '' : `landed on ${page.url()}` };
  } catch (error) {
    return { query, found: false, landed: false, clean: false, note: String(error) };
  } finally {
    page.off('pageerror', onError);
    page.off('dialog', onDialog);
  }
}

const served = values.url ? { url: values.url.replace(/\/$/, ''), stop: () => {} } : await serveDist();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const scores: Score[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 }, locale: 'zh-CN', hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const query of queries) scores.push(await score(page, served.url, query));
} finally {
  await browser.close();
  served.stop();
}

const percent = (part: number, whole: number) => (whole ? (100 * part) / whole : 100);
const format = (value: number) => `${value.toFixed(1)}%`.padStart(7);
const kinds = [...new Set(scores.map((s) => s.query.kind))];
const rows = [...kinds.map((kind) => [kind, scores.filter((s) => s.query.kind === kind)] as const), ['all', scores] as const];
console.log(`\n${'kind'.padEnd(14)}${'n'.padStart(5)}${'found@1'.padStart(9)}${'landed@1'.padStart(10)}${'clean'.padStart(9)}`);
const totals = { found: 0, landed: 0, clean: 0 };
for (const [kind, group] of rows) {
  const positives = group.filter((s) => s.query.kind !== 'negative');
  const negatives = group.filter((s) => s.query.kind === 'negative');
  const found = percent(positives.filter((s) => s.found).length, positives.length);
  const landed = percent(positives.filter((s) => s.landed).length, positives.length);
  const clean = percent(negatives.filter((s) => s.clean).length, negatives.length);
  console.log(
    `${kind.padEnd(14)}${String(group.length).padStart(5)}${positives.length ? format(found) + '  ' : '      -  '}${positives.length ? format(landed) + '  ' : '       -  '}${negatives.length ? format(clean) : '      -'}`,
  );
  if (kind === 'all') Object.assign(totals, { found, landed, clean });
}
const misses = scores.filter((s) => (s.query.kind === 'negative' ? !s.clean : !s.found || !s.landed));
if (misses.length) {
  console.log('\nMisses:');
  for (const miss of misses) console.log(`  ${miss.query.id} ${JSON.stringify(miss.query.q)} found=${miss.found} landed=${miss.landed} clean=${miss.clean} ${miss.note}`);
}
const failed =
  totals.found < Number(values['min-found']) || totals.landed < Number(values['min-landed']) || totals.clean < Number(values['min-clean']);
if (failed) {
  console.log(`\nBelow the thresholds (found@1 ≥ ${values['min-found']}%, landed@1 ≥ ${values['min-landed']}%, clean ≥ ${values['min-clean']}%).`);
  process.exit(1);
}
