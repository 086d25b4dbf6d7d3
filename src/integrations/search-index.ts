/**
 * After `astro build`: the search index, with Pagefind as the engine.
 *
 * Pagefind is fed custom records (its Node API), one per paragraph or heading,
 * taken from the built pages' blocks marked `data-search-source`. So only the
 * essay's words are indexed (no navigation, contents or footer), and each
 * paragraph once, from one page, although it is shown on two. A record's content
 * is the bigram tokens of its folded text (see src/lib/search/tokens.ts); its
 * meta carries the text as shown, for the excerpt and the ranking.
 *
 * A remembered phrase may run on into the next block: the original's last line
 * holds both the final paragraph and the author's note, which the site shows
 * apart. So each record also indexes the start of the block that follows it on
 * the full essay page (`next`), where the two stand together.
 *
 * Beside the index it writes `fold-table.json`, the Traditional → Simplified
 * table for the characters the corpus uses (src/lib/search/fold-table.ts).
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
import { fold } from '../lib/search/fold';
import { buildFoldTable } from '../lib/search/fold-table';
import { MAX_PHRASE_CHARS, indexTokens } from '../lib/search/tokens';
import { SEARCH_BUNDLE_DIR } from '../lib/urls';
import { CustomConverter } from 'opencc-js/core';


interface Block {
  url: string;
  id: string;
  title: string;
  text: string;
}

/** How much of the following block a record indexes: enough for any phrase the engine looks up. */
const NEXT_CHARS = MAX_PHRASE_CHARS;

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

/** The ids of the full essay page, in document order. */
function essayIds(html: string): string[] {
  return selectAll('main [id]', fromHtml(html)).map((element) => String(element.properties.id));
}

export async function buildSearchIndex(outDir: string, base: string) {
  const files = await htmlFiles(outDir);
  const pages = await Promise.all(
    files.map(async (file) => ({ url: pageUrl(base, file, outDir), html: await readFile(file, 'utf8') })),
  );
  const home = pages.find((page) => page.url === base);
  if (!home) throw new Error(`search index: no ${base}index.html in ${outDir}`);
  const byId = new Map<string, Block>();
  for (const block of pages.flatMap((page) => blocksOf(page.html, page.url))) {
    if (byId.has(block.id)) throw new Error(`search index: block #${block.id} is marked as a search source twice`);
    byId.set(block.id, block);
  }
  const inEssayOrder = essayIds(home.html).filter((id) => byId.has(id));
  const missing = [...byId.keys()].filter((id) => !inEssayOrder.includes(id));
  if (missing.length) throw new Error(`search index: #${missing.join(', #')} not on the full essay page`);
  const blocks = inEssayOrder.map((id) => byId.get(id)!);

  const foldTable = buildFoldTable(blocks.map((block) => block.text).join('\n'));
  const convert = CustomConverter(foldTable);

  try {
    await writeIndex(blocks, base, convert, join(outDir, SEARCH_BUNDLE_DIR));
  } finally {
    await pagefind.close(); // Pagefind runs as a separate process: stop it on failure too
  }
  await writeFile(join(outDir, SEARCH_BUNDLE_DIR, 'fold-table.json'), JSON.stringify(foldTable));
  return { records: blocks.length, foldEntries: foldTable.length };
}

async function writeIndex(blocks: Block[], base: string, convert: (text: string) => string, bundle: string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  for (const [i, block] of blocks.entries()) {
    const next = Array.from(blocks[i + 1]?.text ?? '').slice(0, NEXT_CHARS).join('');
    const added = await index.addCustomRecord({
      url: `${block.url}#${block.id}`,
      content: indexTokens(fold(`${block.text}\n${next}`, convert).text),
      language: 'zh',
      meta: { title: block.title, text: block.text, next, essayUrl: `${base}#${block.id}` },
    });
    if (added.errors.length) throw new Error(`Pagefind, #${block.id}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Pagefind always writes its ready-made UIs and its Web Worker; the site has its own UI, in
  // Chinese, and runs Pagefind without a worker (src/scripts/search/engine.ts).
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
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { records, foldEntries } = await buildSearchIndex(fileURLToPath(dir), base);
        logger.info(`indexed ${records} blocks; fold table of ${foldEntries} entries`);
      },
    },
  };
}
