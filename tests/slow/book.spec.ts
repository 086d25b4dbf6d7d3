/**
 * A book: the site built from a text 150 times this essay's length (scripts/bench/scale-text.ts
 * `bookContent`: 古文观止, 诗经, 楚辞, 论语, 孟子, 大学, 中庸 and 元曲, about 490,000 characters in
 * 8,000 paragraphs), as a user who replaces content/ would publish it. Its search keeps a record
 * for each passage of paragraphs (src/search/build/passages.ts): the first search fetches one
 * index chunk and a metadata file that lists passages, not paragraphs; the counts are still of
 * paragraphs, exact and apart for other punctuation; 更多 reaches each paragraph once; random
 * phrases, a quarter typed in Traditional characters, are found first.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { copyProjectWithContent } from '../../scripts/bench/project-copy';
import { bookContent, textLength } from '../../scripts/bench/scale-text';
import { serve } from '../../scripts/serve';
import { PROJECT_ROOT } from '../support/essay-content';
import { clientStrings } from '../../src/core/strings';
import { fill } from '../../src/core/fill';
import { fold } from '../../src/search/fold';
import { wordChars } from '../../src/search/tokens';

const t = clientStrings.search;
const run = promisify(execFile);
const PORT = Number(process.env.TEST_PORT ?? 4329) + 8;
const origin = `http://127.0.0.1:${PORT}`;

/** This essay's content/ files, whose length the book's is measured against. */
function essayFiles(): Record<string, string> {
  const content = join(PROJECT_ROOT, 'content');
  return Object.fromEntries(
    readdirSync(content, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
}

const files = bookContent(150, textLength(essayFiles()));

/** The book's paragraphs and titles, as the site shows them (the classics hold no ASCII punctuation to typeset). */
const blocks = Object.entries(files)
  .filter(([path]) => path.endsWith('.md'))
  .flatMap(([, text]) => {
    const title = /^title: "(.*)"$/m.exec(text)?.[1];
    return [...(title ? [title] : []), ...text.replace(/^---[\s\S]*?---/, '').split(/\n\n+/).map((p) => p.trim()).filter(Boolean)];
  });

/** What the status says for a query of letters alone: the paragraphs holding it as typed, and apart those holding its letters only across punctuation. */
function expectedStatus(query: string): string {
  const letters = (text: string) => wordChars(fold(text).text).join('');
  const exact = blocks.filter((block) => block.includes(query)).length;
  const other = blocks.filter((block) => !block.includes(query) && letters(block).includes(query)).length;
  return other ? fill(t.foundWithOther, { count: exact, other }) : fill(t.found, { count: exact });
}

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let dir = '';
let output = '';
let close = () => {};

test.beforeAll(async () => {
  test.setTimeout(900_000); // the book's build takes 100 s on a quiet machine, several minutes on a busy one
  dir = copyProjectWithContent(PROJECT_ROOT, files, 'book-');
  const built = await run(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], {
    cwd: dir,
    env: { ...process.env, ASTRO_CACHE_DIR: join(dir, '.astro-cache') },
    maxBuffer: 1 << 28,
  });
  output = built.stdout + built.stderr;
  const server = await serve(join(dir, 'dist'), PORT);
  close = () => server.close();
});

test.afterAll(() => {
  close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the book is indexed in passages, far fewer records than paragraphs, and its metadata lists them alone', () => {
  const [, paragraphs, passages] = /indexed (\d+) blocks in (\d+) passages/.exec(output) ?? [];
  expect(Number(paragraphs)).toBeGreaterThan(7000);
  expect(Number(passages)).toBeLessThan(Number(paragraphs) / 8);
  // About 14 bytes a record, and its index chunks' names: a record a paragraph made it 78 KB.
  const meta = readdirSync(join(dir, 'dist/pagefind')).filter((name) => name.endsWith('.pf_meta'));
  expect(meta).toHaveLength(1);
  expect(statSync(join(dir, 'dist/pagefind', meta[0]!)).size).toBeLessThan(16 * 1024);
});

/** The first search on a fresh page, typed in the front page's header field; what it fetched from the search bundle. */
async function firstSearch(page: Page, query: string) {
  await page.goto(`${origin}/`);
  const fetched: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().includes('/pagefind/')) fetched.push(new URL(request.url()).pathname);
  });
  await page.locator('[data-search="popup"] input[type="search"]').fill(query);
  // The status first, so that a failed search says why; a busy machine takes seconds over a first search.
  await expect(page.locator('[data-search="popup"] .search-status')).toHaveText(/找到/u, { timeout: 20_000 });
  await expect(page.locator('[data-search="popup"] .search-result').first()).toContainText(query);
  return fetched;
}

for (const query of ['君子', '天下之', '关关雎鸠', '学而时习之', '不亦乐乎']) {
  test(`${query}: the first search fetches one index chunk, the metadata, and the fragments of one page of passages`, async ({ page }) => {
    const fetched = await firstSearch(page, query);
    expect(fetched.filter((path) => path.endsWith('.pf_index'))).toHaveLength(1);
    expect(fetched.filter((path) => path.endsWith('.pf_meta'))).toHaveLength(1);
    expect(fetched.filter((path) => path.endsWith('.pf_fragment')).length).toBeLessThanOrEqual(10);
  });
}

for (const query of ['君子', '之', '天下之', '而不']) {
  test(`${query}: the count is every paragraph holding it, as typed and apart with other punctuation, from the index alone`, async ({ page }) => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('.search-status')).toHaveText(expectedStatus(query));
  });
}

test('天下之: 更多 shows each paragraph holding it once, in the book\u2019s order, a page of about ten at a time', async ({ page }) => {
  const expected = blocks.filter((block) => wordChars(fold(block).text).join('').includes('天下之')).length;
  expect(expected).toBeGreaterThan(50);
  await page.goto(`${origin}/search/?q=${encodeURIComponent('天下之')}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
  const counts: number[] = [await page.locator('.search-result').count()];
  const more = page.locator('.search-more');
  while (await more.count()) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await expect(page.locator('.search-result')).not.toHaveCount(before);
    counts.push((await page.locator('.search-result').count()) - before);
  }
  // A page is the passages that make ten hits: ten or a few more, the last what is left.
  for (const shown of counts.slice(0, -1)) expect(shown).toBeGreaterThanOrEqual(10);
  for (const shown of counts) expect(shown).toBeLessThan(30);
  const hrefs = await page.locator('.search-result-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs).toHaveLength(expected);
  expect(new Set(hrefs).size).toBe(expected);
  // In the book's order: by section page, then by paragraph.
  const place = (href: string) => {
    const [, section, paragraph] = /\/p(\d+)\/#p\d+-(\d+)/.exec(href) ?? [];
    return Number(section) * 10_000 + Number(paragraph);
  };
  const places = hrefs.filter((href) => /\/p\d+\/#p\d+-\d+/.test(href)).map(place);
  expect(places).toEqual([...places].sort((a, b) => a - b));
});

test('random phrases of the book, a quarter typed in Traditional characters, are each found first', async ({ page }) => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const long = blocks.filter((block) => Array.from(block).length >= 30);
  const missed: string[] = [];
  for (let i = 0; i < 24; i++) {
    const chars = Array.from(long[(i * 7919) % long.length]!);
    const start = (i * 31) % (chars.length - 12);
    const phrase = chars.slice(start, start + 4 + (i % 9)).join('');
    const query = i % 4 === 3 ? toTraditional(phrase) : phrase;
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
    const first = await page.locator('.search-result mark').first().textContent({ timeout: 2000 }).catch(() => null);
    const letters = (text: string) => wordChars(fold(text).text).join('');
    if (first === null || letters(first) !== letters(phrase)) missed.push(`${query} → ${first}`);
  }
  expect(missed).toEqual([]);
});
