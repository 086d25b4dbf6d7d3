/**
 * After `astro build`: the search index, with Pagefind as the engine.
 *
 * Pagefind is fed custom records (its Node API), one per paragraph or heading,
 * taken from the built pages' blocks marked `data-search-source`. So only the
 * essay's words are indexed (no navigation, contents or footer), and each
 * paragraph once, from one page, although it is shown on two. A record's content
 * is the tokens of its folded text (see src/search/tokens.ts); its
 * meta carries the text as shown, for the excerpt and the ranking.
 *
 * A remembered phrase may run on into the next block: the original's last line
 * holds both the final paragraph and the author's note, which the site shows
 * apart. So each seam between neighbouring blocks is indexed too (the end of one
 * and the start of the next, as on the full essay page, one record a page), kept
 * apart (their own tokens, src/search/tokens.ts), so that a block's record
 * holds its own words only and the number of blocks holding a phrase is the
 * number of records Pagefind finds.
 *
 * Each edition (src/core/editions.ts) has its own bundle in its folder, made from
 * its own pages, so results show and link to the edition being read. Beside each
 * index it writes `fold-table.json`, the Traditional → Simplified table for the
 * characters the essay uses (src/search/build/fold-table.ts): queries and text fold
 * to Simplified in both editions, so either script finds the same paragraphs.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import * as pagefind from 'pagefind';
import { fold } from '../fold';
import { buildFoldTable } from './fold-table';
import { MAX_PHRASE_CHARS, WORD_CHAR, indexTokens, type SeamWindow } from '../tokens';
import { SEARCH_BUNDLE_DIR, editionOfPath, withTrailingSlash } from '../../core/urls';
import { EDITIONS, SIMPLIFIED, TRADITIONAL } from '../../core/editions';
import { CustomConverter } from 'opencc-js/core';


interface Block {
  url: string;
  id: string;
  title: string;
  text: string;
}

/** How much of each side a seam record holds: enough for a remembered phrase across the seam (it is looked up by its start). */
const NEXT_CHARS = 16;

/**
 * The start of the next block that a seam record indexes: a phrase is looked up by its first
 * MAX_PHRASE_CHARS letters and digits (tokens.ts), so a phrase across the seam is found by a token
 * that starts in the first block and reaches at most that many letters and digits less one into
 * the next; the whole seam (NEXT_CHARS each side) is in the record's meta, for the check.
 */
function lookupStart(next: string): string {
  let words = 0;
  let end = 0;
  for (const char of next) {
    if (words === MAX_PHRASE_CHARS - 1) break;
    if (WORD_CHAR.test(char)) words++;
    end += char.length;
  }
  return next.slice(0, end);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function pageUrl(base: string, file: string, outDir: string): string {
  const path = relative(outDir, file).split(sep).join('/');
  return base + path.replace(/(^|\/)index\.html$/, '$1');
}

function blocksOf(html: string, url: string): Block[] {
  const tree = fromHtml(html);
  return selectAll('[data-search-source]', tree).flatMap((source) => {
    const title = String(source.properties.dataSearchSource ?? '');
    return selectAll('p[id], h1[id], h2[id], h3[id]', source).map((block: Element) => ({
      url,
      id: String(block.properties.id),
      title,
      text: toText(block, { whitespace: 'pre' }).trim(),
    }));
  });
}

/** The ids of a full essay page, in document order. */
function essayIds(html: string): string[] {
  return selectAll('main [id]', fromHtml(html)).map((element) => String(element.properties.id));
}

/** An edition's blocks in the order of its full essay page, each once. */
function editionBlocks(pages: Array<{ url: string; html: string }>, home: string): Block[] {
  const homePage = pages.find((page) => page.url === home);
  if (!homePage) throw new Error(`search index: no page at ${home}`);
  const byId = new Map<string, Block>();
  for (const block of pages.flatMap((page) => blocksOf(page.html, page.url))) {
    if (byId.has(block.id)) throw new Error(`search index: block #${block.id} is marked as a search source twice under ${home}`);
    byId.set(block.id, block);
  }
  const inEssayOrder = essayIds(homePage.html).filter((id) => byId.has(id));
  const missing = [...byId.keys()].filter((id) => !inEssayOrder.includes(id));
  if (missing.length) throw new Error(`search index: #${missing.join(', #')} not on the full essay page ${home}`);
  return inEssayOrder.map((id) => byId.get(id)!);
}

export async function buildSearchIndex(outDir: string, base: string, warn: (message: string) => void = console.warn) {
  const files = await htmlFiles(outDir);
  const pages = await Promise.all(
    files.map(async (file) => ({ url: pageUrl(base, file, outDir), html: await readFile(file, 'utf8') })),
  );
  const blocks = new Map(
    EDITIONS.map((edition) => {
      const own = pages.filter((page) => editionOfPath(page.url, base) === edition);
      return [edition, editionBlocks(own, `${base}${edition.folder}`)] as const;
    }),
  );

  // One table for both editions: it folds Traditional characters to the Simplified ones the essay has.
  const simplified = blocks.get(SIMPLIFIED)!;
  const traditional = blocks.get(TRADITIONAL)!;
  const foldTable = buildFoldTable(
    simplified.map((block) => block.text).join('\n'),
    traditional.map((block, i) => [block.text, simplified[i]?.text ?? ''] as [string, string]),
  );
  const convert = CustomConverter(foldTable);
  // A query must find the same paragraphs in either edition, typed in either script. Where the
  // table cannot undo OpenCC's conversion of a character (a phrase whose two forms differ in
  // length, say), that character folds to itself: the block is then indexed in both forms in both
  // editions (`alternate`), so either script still finds it, and the build says so.
  const alternates = new Map<string, { hans: string; hant: string }>();
  for (const [i, block] of traditional.entries()) {
    const counterpart = simplified[i];
    if (counterpart?.id !== block.id) {
      throw new Error(`search index: #${block.id} of the Traditional edition has no counterpart at the same place in the Simplified one`);
    }
    const [hant, hans] = [fold(block.text, convert).text, fold(counterpart.text, convert).text];
    if (hant === hans) continue;
    alternates.set(block.id, { hans: counterpart.text, hant: block.text });
    const differing = [...new Set(Array.from(hant).filter((char, at) => Array.from(hans)[at] !== char))].join('');
    warn(
      `search index: #${block.id}: the fold table cannot undo OpenCC's conversion of "${differing}" ` +
        `(the Traditional edition's text does not fold to the Simplified one); indexed in both forms, so either script finds it`,
    );
  }

  try {
    for (const [edition, inEdition] of blocks) {
      const bundle = join(outDir, edition.folder, SEARCH_BUNDLE_DIR);
      await writeIndex(inEdition, `${base}${edition.folder}`, convert, bundle, (id) => {
        const texts = alternates.get(id);
        return texts && (edition === TRADITIONAL ? texts.hans : texts.hant);
      });
      await writeFile(join(bundle, 'fold-table.json'), JSON.stringify(foldTable));
    }
  } finally {
    await pagefind.close(); // Pagefind runs as a separate process: stop it on failure too
  }
  return { records: simplified.length, editions: blocks.size, foldEntries: foldTable.length };
}

async function writeIndex(
  blocks: Block[],
  base: string,
  convert: (text: string) => string,
  bundle: string,
  alternateOf: (id: string) => string | undefined,
) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const add = async (id: string, record: Parameters<typeof index.addCustomRecord>[0]) => {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`Pagefind, #${id}: ${added.errors.join('; ')}`);
  };
  for (const [i, block] of blocks.entries()) {
    const alternate = alternateOf(block.id);
    // A block's own words only, so that the phrase's records are exactly the blocks holding it (the
    // count the reader is told), in the essay's order (`sort`, zero-padded: Pagefind sorts strings).
    await add(block.id, {
      url: `${block.url}#${block.id}`,
      content: [
        ...new Set(
          [block.text, alternate]
            .filter((text): text is string => Boolean(text))
            .flatMap((text) => indexTokens(fold(text, convert).text).split(' ')),
        ),
      ].join(' '),
      language: 'zh',
      sort: { order: String(i).padStart(6, '0') },
      meta: { title: block.title, text: block.text, ...(alternate ? { alternate } : {}) },
    });
  }
  // The seams between neighbouring blocks, for a phrase that runs on from one into the next (see
  // the top of this file): the end of a block and the start of the next, as on the full essay
  // page. One record holds the seams after each page's blocks (a record per seam would double
  // Pagefind's metadata, which every first search loads); its tokens are a seam's (tokens.ts), so
  // a block's search never finds it, and each seam's tokens are apart from the next one's (a run
  // of tokens never reaches past its own seam). Searched only when no block holds the phrase.
  const seamsByPage = new Map<string, SeamWindow[]>();
  blocks.forEach((block, i) => {
    const following = blocks[i + 1];
    if (!following) return;
    const windows = seamsByPage.get(block.url) ?? [];
    windows.push({
      text: Array.from(block.text).slice(-NEXT_CHARS).join(''),
      next: Array.from(following.text).slice(0, NEXT_CHARS).join(''),
      title: block.title,
      essayUrl: `${base}#${block.id}`,
      order: i,
    });
    seamsByPage.set(block.url, windows);
  });
  for (const [url, windows] of seamsByPage) {
    await add(`${url} seams`, {
      // Its own URL: Pagefind keeps one record per URL. Never shown.
      url: `${base}#seams-${windows[0]!.order}`,
      content: windows.map((window) => indexTokens(fold(`${window.text}\n${lookupStart(window.next)}`, convert).text, 'seam')).join(' '),
      language: 'zh',
      sort: { order: String(windows[0]!.order).padStart(6, '0') },
      meta: { seams: JSON.stringify(windows.map(({ order: _, ...window }) => window)) },
    });
  }
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Pagefind's process keeps an index until it is deleted: free this edition's before the next one's.
  await index.deleteIndex();
  // Pagefind always writes its ready-made UIs and its Web Worker; the site has its own UI, in
  // Chinese, and runs Pagefind without a worker (src/search/client/engine.ts).
  const unused = (await readdir(bundle)).filter((name) =>
    /^pagefind-(component-ui|modular-ui|ui|highlight|worker)\./.test(name),
  );
  await Promise.all(unused.map((name) => rm(join(bundle, name))));
}

export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'essay-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { records, editions, foldEntries } = await buildSearchIndex(fileURLToPath(dir), base, (message) => logger.warn(message));
        logger.info(`indexed ${records} blocks in each of ${editions} editions; fold table of ${foldEntries} entries`);
      },
    },
  };
}
