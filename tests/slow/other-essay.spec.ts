/**
 * Another essay, as a user who replaces content/ would publish it: thirty-odd sections of
 * 古文观止 (public domain; scripts/bench/texts/) in Simplified characters, with what a
 * long classical text brings. Titles with characters the card's face lacks (碏, drawn from
 * the other face) and that no face has (䓨, 𬭁, drawn as a box); text whose Simplified forms
 * lie outside the BMP (紞 → 𬘘, 駃騠), a paragraph typed in Traditional characters inside
 * the Simplified source, a very long paragraph. The build succeeds, with warnings that name
 * the characters; search finds the rare phrases typed in either script in both editions,
 * counts every paragraph holding a phrase, and 更多 reaches each of them.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { copyProjectWithContent } from '../../scripts/bench/project-copy';
import { anthology, scaleContent } from '../../scripts/bench/scale-text';
import { serve } from '../../scripts/serve';
import { PROJECT_ROOT } from '../support/essay-content';
import { clientStrings } from '../../src/core/strings';
import { fill } from '../../src/core/fill';

const t = clientStrings.search;
const run = promisify(execFile);
const PORT = Number(process.env.TEST_PORT ?? 4329) + 7;
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Pieces of the anthology in the fixture (0-based): 石碏 (2), 紞 (5), 䓨 (21), 駃騠 (70), 隤 (87), 𬭁 (150). */
const PIECES = [...Array(30).keys(), 70, 87, 150];

function fixture(): Record<string, string> {
  const all = scaleContent();
  const files: Record<string, string> = Object.fromEntries(
    Object.entries(all).filter(([path]) => !path.startsWith('sections/')),
  );
  PIECES.forEach((piece, i) => {
    const [path, text] = Object.entries(all).find(([name]) => name.startsWith(`sections/${piece + 1}-`))!;
    let body = text.replace(/order: \d+/, `order: ${i + 1}`);
    if (piece === 0) {
      // A paragraph typed in Traditional characters, as pasted from another source.
      body += `\n${anthology().pieces[1]!.paragraphs[0]!}\n`;
    }
    if (piece === 87) {
      // The whole piece, and the eight after it, as one very long paragraph (16,131 characters, a fragment of 24 KB).
      const [front, ...paragraphs] = body.split(/\n\n+/);
      const following = anthology().pieces.slice(88, 96).flatMap((next) => next.paragraphs.map((paragraph) => toSimplified(paragraph.trim())));
      body = `${front}\n\n${[...paragraphs.map((p) => p.trim()), ...following].join('')}\n`;
    }
    files[path] = body;
  });
  return files;
}

const blocksOf = (files: Record<string, string>) =>
  Object.entries(files)
    .filter(([path]) => path.endsWith('.md'))
    .flatMap(([, text]) => {
      const title = /^title: "(.*)"$/m.exec(text)?.[1];
      return [...(title ? [title] : []), ...text.replace(/^---[\s\S]*?---/, '').split(/\n\n+/).map((p) => p.trim()).filter(Boolean)];
    });

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let dir = '';
let output = '';
let close = () => {};
const files = fixture();

test.beforeAll(async () => {
  test.setTimeout(300_000); // a hook's own timeout: the copy's build takes over 30 s on a busy machine
  dir = copyProjectWithContent(PROJECT_ROOT, files, 'other-essay-');
  const built = await run(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], {
    cwd: dir,
    env: { ...process.env, ASTRO_CACHE_DIR: join(dir, '.astro-cache') },
    maxBuffer: 1 << 26,
  });
  output = built.stdout + built.stderr;
  const server = await serve(join(dir, 'dist'), PORT);
  close = () => server.close();
});

test.afterAll(() => {
  close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the build succeeds, warning by name of each character the cards draw from another face or as a box', () => {
  expect(output).toMatch(/has no glyph for "碏" \(U\+788F\) in "石碏谏宠州吁"; drawn in Noto Serif TC/u);
  expect(output).toMatch(/no face .* has a glyph for "䓨" \(U\+44E8\) .*drawn as □/u);
  expect(output).toMatch(/no face .* has a glyph for "𬭁" \(U\+2CB41\) .*drawn as □/u);
  expect(output).toContain('Complete!');
});

test('the build names the very long paragraph, whose search fragment weighs as much as a page of ordinary passages, in each edition', () => {
  const warnings = [...output.matchAll(/search index: (\S+) is a long block: each search that shows it fetches its (\d+) KB/gu)];
  expect(warnings.map(([, url]) => url!.replace(/-\d+$/, ''))).toEqual(['/p88/#p88', '/zh-hant/p88/#p88']);
  for (const [, , kb] of warnings) expect(Number(kb)).toBeGreaterThanOrEqual(10);
});

async function search(page: Page, path: string, query: string) {
  await page.goto(`http://127.0.0.1:${PORT}${path}search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
}

// Each phrase as in the Traditional original; its Simplified form (OpenCC) holds characters outside the BMP.
for (const phrase of ['衡紞紘綖', '駿良駃騠', '隤其家聲']) {
  const simplified = toSimplified(phrase);
  for (const [edition, path] of [['Simplified', '/'], ['Traditional', '/zh-hant/']] as const) {
    test(`${phrase} (${simplified}) is found typed in either script in the ${edition} edition`, async ({ page }) => {
      const expected = blocksOf(files).filter((block) => block.includes(simplified)).length;
      expect(expected).toBeGreaterThan(0);
      for (const query of [phrase, simplified]) {
        await search(page, path, query);
        await expect(page.locator('.search-status')).toHaveText(fill(t.found, { count: expected }));
        await expect(page.locator('.search-result mark').first()).toHaveText(edition === 'Simplified' ? simplified : OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified));
      }
    });
  }
}

test('a paragraph typed in Traditional inside the Simplified source is found in both scripts', async ({ page }) => {
  const phrase = anthology().pieces[1]!.paragraphs[0]!.slice(0, 8);
  for (const query of [phrase, toSimplified(phrase)]) {
    await search(page, '/', query);
    await expect(page.locator('.search-result')).not.toHaveCount(0);
    await expect(page.locator('.search-result mark').first()).toHaveText(phrase);
  }
});

test('不可: the count is every paragraph holding it, and 更多 shows each of them once, in the essay\u2019s order', async ({ page }) => {
  // Every block holding its letters in a row, whatever punctuation stands between them; the status
  // counts apart those holding them only across a mark (none here: each mark below is 不可 itself).
  const expected = blocksOf(files).filter((block) => block.replace(/[^\p{L}\p{N}]/gu, '').includes('不可')).length;
  expect(blocksOf(files).filter((block) => block.includes('不可')).length).toBe(expected);
  expect(expected).toBeGreaterThan(10); // more than a page
  await search(page, '/', '不可');
  await expect(page.locator('.search-status')).toHaveText(fill(t.found, { count: expected }));
  await expect(page.locator('.search-result')).toHaveCount(10);
  const more = page.locator('.search-more');
  while (await more.count()) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await expect(page.locator('.search-result')).not.toHaveCount(before);
  }
  const hrefs = await page.locator('.search-result-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs).toHaveLength(expected);
  expect(new Set(hrefs).size).toBe(expected);
  // Each result marks every place of the words in its excerpt, and nothing else.
  const marks = await page.locator('.search-result').evaluateAll((results) => results.map((result) => Array.from(result.querySelectorAll('mark'), (mark) => mark.textContent)));
  expect(marks).toHaveLength(expected);
  for (const each of marks) {
    expect(each.length).toBeGreaterThan(0);
    expect(new Set(each)).toEqual(new Set(['不可']));
  }
});
