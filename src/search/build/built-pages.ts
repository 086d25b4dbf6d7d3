/**
 * What the search index reads of the built pages (src/search/build/search-index.ts): each
 * edition's blocks marked `data-search-source`, in the order of its full essay page, each once.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { Parser } from 'htmlparser2';
import { editionOfPath } from '../../core/urls';
import { EDITIONS, type Edition } from '../../core/editions';

/** A paragraph or heading of the essay, as the index reads it from the page it is a search source on. */
export interface Block {
  url: string;
  id: string;
  title: string;
  /** Where the title may break into lines, as the page found it (core/phrase-breaks.ts). */
  titleBreaks: string;
  text: string;
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

/** The paragraphs and headings of a tree's search sources, each with its source's title. */
function blocksOf(tree: Root, url: string): Block[] {
  return selectAll('[data-search-source]', tree).flatMap((source) => {
    const title = String(source.properties.dataSearchSource ?? '');
    const titleBreaks = String(source.properties.dataSearchTitleBreaks ?? '');
    return selectAll('p[id], h1[id], h2[id], h3[id]', source).map((block: Element) => ({
      url,
      id: String(block.properties.id),
      title,
      titleBreaks,
      text: toText(block, { whitespace: 'pre' }).trim(),
    }));
  });
}

/** What an edition's pages give the index: their blocks, and the ids of its full essay page in document order. */
export interface EditionPages {
  blocks: Block[];
  essayIds?: string[];
}

/** What the index reads of a built page: the ids inside its `<main>`, in document order, and the HTML of its search sources. */
export interface PageScan {
  mainIds: string[];
  sources: string;
}

/**
 * A page read as a stream, keeping the ids inside `<main>` and the HTML of the elements marked
 * `data-search-source`, which alone are then parsed into a tree (`blocksOf`). A book's full essay
 * page holds every block (2.5 MB of HTML at 150x): its whole hast tree took some 200 MB of heap,
 * which stayed in the process (V8 keeps what it grew to) while Pagefind indexed beside it, and of
 * that page the index needs only the order and its few sources (the lede, the author's note).
 */
export function scanPage(html: string): PageScan {
  const mainIds: string[] = [];
  const sources: string[] = [];
  let inMain = false;
  /** Inside a search source: where its open tag starts, and how many elements deep the parser is in it. */
  let source: { start: number; depth: number } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (inMain && attributes.id !== undefined) mainIds.push(attributes.id);
        if (name === 'main') inMain = true;
        if (source) source.depth += 1;
        else if (attributes['data-search-source'] !== undefined) source = { start: parser.startIndex, depth: 1 };
      },
      // Called for every element opened, void ones and those closed by implication included.
      onclosetag(name) {
        if (name === 'main') inMain = false;
        if (source && --source.depth === 0) {
          sources.push(html.slice(source.start, parser.endIndex + 1));
          source = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { mainIds, sources: sources.join('') };
}

/**
 * The blocks of each edition's pages, read one page at a time, keeping only what the index needs
 * of each (`scanPage`; at 150x, holding every page and its tree kept the build's heap 370 MB larger
 * while Pagefind indexed, docs/search-scale.md).
 */
export async function readEditions(outDir: string, base: string): Promise<Map<Edition, EditionPages>> {
  const read = new Map<Edition, EditionPages>(EDITIONS.map((edition) => [edition, { blocks: [] }]));
  for (const file of await htmlFiles(outDir)) {
    const url = pageUrl(base, file, outDir);
    const edition = editionOfPath(url, base);
    const pages = read.get(edition)!;
    const { mainIds, sources } = scanPage(await readFile(file, 'utf8'));
    if (sources) pages.blocks.push(...blocksOf(fromHtml(sources, { fragment: true }), url));
    if (url === `${base}${edition.folder}`) pages.essayIds = mainIds;
  }
  return read;
}

/** An edition's blocks in the order of its full essay page, each once. */
export function editionBlocks({ blocks, essayIds }: EditionPages, home: string): Block[] {
  if (!essayIds) throw new Error(`search index: no page at ${home}`);
  const byId = new Map<string, Block>();
  for (const block of blocks) {
    if (byId.has(block.id)) throw new Error(`search index: block #${block.id} is marked as a search source twice under ${home}`);
    byId.set(block.id, block);
  }
  const inEssayOrder = essayIds.filter((id) => byId.has(id));
  const placed = new Set(inEssayOrder);
  const missing = [...byId.keys()].filter((id) => !placed.has(id));
  if (missing.length) throw new Error(`search index: #${missing.join(', #')} not on the full essay page ${home}`);
  return inEssayOrder.map((id) => byId.get(id)!);
}
