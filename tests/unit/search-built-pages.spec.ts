/**
 * src/search/build/built-pages.ts: what the search index reads of the built pages, on pages
 * written to a folder as Astro writes them. The full essay page is read as a stream (`scanPage`),
 * so these check that the stream gives what a tree of the page would: the ids of `<main>` in
 * order, and the search sources whole, with what they nest, void elements and entities.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { editionBlocks, readEditions, scanPage } from '../../src/search/build/built-pages';
import { SIMPLIFIED, TRADITIONAL } from '../../src/core/editions';

const page = (main: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>标题</title><script>const id = "<p id=x>";</script></head>` +
  `<body><header id="top"><nav id="nav"></nav></header><main>${main}</main><footer id="end"></footer></body></html>`;

test('a page read as a stream gives the ids inside <main> in document order, none of the header or footer', () => {
  const { mainIds } = scanPage(page('<h1 id="t">题</h1><section id="s1"><p id="p1">一</p><p id="p2">二<br id="b"></p></section><p id="p3">三</p>'));
  expect(mainIds).toEqual(['t', 's1', 'p1', 'p2', 'b', 'p3']);
});

test('a search source is kept whole, with what it nests, void elements and entities, and nothing after it', () => {
  const source =
    '<section data-search-source="一、开头" data-search-title-breaks="2"><h2 id="h">一、开头</h2>' +
    '<p id="p1">AI&amp;人<br>第二行<img src="a.png" alt=""></p><div><p id="p2">二</p></div></section>';
  const { sources } = scanPage(page(`<p id="before">前</p>${source}<p id="after">后</p>`));
  expect(sources).toBe(source);
});

test('several sources on a page are all kept, and a page without one gives none', () => {
  const { sources } = scanPage(page('<div data-search-source="题"><p id="a">甲</p></div><p id="x">乙</p><aside data-search-source="注"><p id="b">丙</p></aside>'));
  expect(sources).toBe('<div data-search-source="题"><p id="a">甲</p></div><aside data-search-source="注"><p id="b">丙</p></aside>');
  expect(scanPage(page('<p id="x">乙</p>')).sources).toBe('');
});

test("a source whose paragraphs' closing tags are left implied ends where it closes", () => {
  const { sources } = scanPage(page('<section data-search-source="题"><p id="a">甲<p id="b">乙</section><p id="c">丙</p>'));
  expect(sources).toBe('<section data-search-source="题"><p id="a">甲<p id="b">乙</section>');
});

test.describe('an edition read from its built pages', () => {
  let outDir = '';
  const write = (path: string, html: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), html);
  };

  test.beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'built-pages-'));
  });
  test.afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test("gives each block once, from the page it is a source on, in the order of the full essay page", async () => {
    const lede = '<div data-search-source="题目" data-search-title-breaks="2"><h1 id="title">题目</h1><p id="lede">导语 AI&nbsp;时代</p></div>';
    write('index.html', page(`${lede}<section><h2 id="s2">二</h2><p id="p3">丙</p></section><section><h2 id="s1">一</h2><p id="p1">甲</p><p id="p2">乙</p></section>`));
    // Section pages, in an order of file names other than the essay's.
    write('a/index.html', page('<section data-search-source="二"><h1 id="s2">二</h1><p id="p3">丙</p></section>'));
    write('b/index.html', page('<section data-search-source="一"><h1 id="s1">一</h1><p id="p1">甲</p><p id="p2">乙</p></section>'));
    write('zh-hant/index.html', page('<div data-search-source="題目"><h1 id="title">題目</h1></div>'));
    const read = await readEditions(outDir, '/');
    const blocks = editionBlocks(read.get(SIMPLIFIED)!, '/');
    expect(blocks.map(({ id, url, title, text }) => `${id} ${url} ${title} ${text}`)).toEqual([
      'title / 题目 题目',
      'lede / 题目 导语 AI\u00a0时代',
      's2 /a/ 二 二',
      'p3 /a/ 二 丙',
      's1 /b/ 一 一',
      'p1 /b/ 一 甲',
      'p2 /b/ 一 乙',
    ]);
    expect(blocks[0]!.titleBreaks).toBe('2');
    expect(editionBlocks(read.get(TRADITIONAL)!, '/zh-hant/').map((block) => block.text)).toEqual(['題目']);
  });

  test('says so when a block is a source on two pages, or missing from the full essay page', async () => {
    write('index.html', page('<p id="p1">甲</p>'));
    write('a/index.html', page('<section data-search-source="一"><p id="p1">甲</p><p id="p9">乙</p></section>'));
    const read = await readEditions(outDir, '/');
    expect(() => editionBlocks(read.get(SIMPLIFIED)!, '/')).toThrow('#p9 not on the full essay page /');
    write('b/index.html', page('<section data-search-source="一"><p id="p1">甲</p></section>'));
    const twice = await readEditions(outDir, '/');
    expect(() => editionBlocks(twice.get(SIMPLIFIED)!, '/')).toThrow('block #p1 is marked as a search source twice under /');
    expect(() => editionBlocks(twice.get(TRADITIONAL)!, '/zh-hant/')).toThrow('no page at /zh-hant/');
  });
});
