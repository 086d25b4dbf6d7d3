/**
 * After Astro's pages (src/site/build/after-pages.ts): the search index, with Pagefind as the engine.
 *
 * Pagefind is fed custom records (its Node API), one per passage (a section's
 * blocks, paragraphs and headings, gathered up to about 1,000 characters:
 * src/search/build/passages.ts), taken from the built pages' blocks marked
 * `data-search-source` (src/search/build/built-pages.ts). So only the essay's words
 * are indexed (no navigation, contents or footer), and each paragraph once, from
 * one page, although it is shown on two. A record's content is the tokens of its
 * blocks' folded texts, each block's apart (see src/search/tokens.ts); the texts as
 * shown, for the check and the excerpt, travel in the record's `filters` (`RecordData`).
 *
 * A remembered phrase may run on into the next block: the original's last line
 * holds both the final paragraph and the author's note, which the site shows
 * apart. So each block's tokens also hold the starts of phrases that may run
 * across the seam after it, kept apart (their own mark, src/search/tokens.ts), and
 * a passage's record carries the start of the block after it, so that the places
 * of a block's own words count the blocks holding them.
 *
 * Each edition (src/core/editions.ts) has its own bundle in its folder, made from
 * its own pages, so results show and link to the edition being read. Beside each
 * index it writes the search's settings (SEARCH_SETTINGS_FILE, `SearchSettings`):
 * the length of the stretches that are tokens, chosen for this text
 * (src/search/build/phrase-chars.ts), and the Traditional → Simplified table for
 * the characters the essay uses (src/search/build/fold-table.ts): queries and text
 * fold to Simplified in both editions, so either script finds the same paragraphs.
 */
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { fold } from '../fold';
import { buildFoldTable } from './fold-table';
import { packFoldTable } from '../packed-fold-table';
import { CHECKED_ON_AVERAGE, choosePhraseChars } from './phrase-chars';
import { crossingTokens, indexTokens, seamTokens, unmarked, type SearchSettings } from '../tokens';
import type { PassageBlock, RecordData } from '../record';
import { passages } from './passages';
import { emptyFragmentContent, readFragment } from './fragments';
import { shortenNames } from './short-names';
import { SEARCH_BUNDLE_DIR, SEARCH_SETTINGS_FILE } from '../../core/urls';
import { SIMPLIFIED, TRADITIONAL } from '../../core/editions';
import { editionBlocks, readEditions, type Block } from './built-pages';
import { CustomConverter } from 'opencc-js/core';

/** How much of the next block a passage's record holds, for the check of a phrase across the seam after it. */
const NEXT_CHARS = 16;

/**
 * A fragment (a passage's text, fetched for each passage a page of results shows) heavier than this
 * is named at build time: it weighs about as much as a page of ordinary results (a passage of 1,000
 * characters weighs 1.65 KB; a paragraph of 2,868 characters, a passage alone, 5.1 KB), and a page
 * of ten such would pass the first search's budget of 150 KB.
 */
const HEAVY_FRAGMENT_BYTES = 10 * 1024;

/**
 * How many places (and pages of each word) Pagefind puts in an index chunk, where its 1.x source
 * has 20,000 (`chunk_index`), settable only through its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE. A query
 * loads the chunk of its token, and the metadata every first search loads names every chunk (about
 * 16 bytes each). On a text 150 times this essay's length, 20,000 made chunks of 43 KB (median) and
 * 12,000 of 28 KB for 1.9 KB more metadata (docs/search-scale.md); fewer still would make the
 * metadata grow with the text faster than the chunk shrinks. The book test (tests/slow/book.spec.ts)
 * and the bench's scale rows show it if a Pagefind release drops the setting.
 */
const INDEX_CHUNK_PLACES = 12_000;

export async function buildSearchIndex(outDir: string, base: string, warn: (message: string) => void = console.warn) {
  const read = await readEditions(outDir, base);
  const blocks = new Map([...read].map(([edition, pages]) => [edition, editionBlocks(pages, `${base}${edition.folder}`)] as const));
  read.clear();

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

  // One length for both editions, so that a query finds the same paragraphs in either.
  const { phraseChars, checked } = choosePhraseChars(simplified.map((block) => fold(block.text, convert).text));
  if (checked > CHECKED_ON_AVERAGE) {
    warn(
      `search index: even with stretches of ${phraseChars} characters, the longest the build affords, a long query is ` +
        `checked on ${checked.toFixed(1)} blocks on average (more than ${CHECKED_ON_AVERAGE}): searches fetch more fragments`,
    );
  }
  let passagesWritten = 0;
  // Read by Pagefind's process, which the first call below starts with this process's environment.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_PLACES);
  try {
    for (const [edition, inEdition] of blocks) {
      const bundle = join(outDir, edition.folder, SEARCH_BUNDLE_DIR);
      passagesWritten = await writeIndex(inEdition, phraseChars, convert, bundle, (id) => {
        const texts = alternates.get(id);
        return texts && (edition === TRADITIONAL ? texts.hans : texts.hant);
      });
      const { heavy, narrowAbove } = await measureBundle(bundle);
      for (const { url, bytes } of heavy) {
        warn(
          `search index: ${url} is a long block: each search that shows it fetches its ${(bytes / 1024).toFixed(0)} KB ` +
            `(its text), as much as a page of results of ordinary passages`,
        );
      }
      const settings: SearchSettings = { phraseChars, narrowAbove, fold: packFoldTable(foldTable) };
      await writeFile(join(bundle, SEARCH_SETTINGS_FILE), JSON.stringify(settings));
    }
  } finally {
    await pagefind.close(); // Pagefind runs as a separate process: stop it on failure too
  }
  return { blocks: simplified.length, passages: passagesWritten, editions: blocks.size, foldEntries: foldTable.length, phraseChars };
}

/** The size of each file in a folder of the bundle, by name. */
async function fileSizes(dir: string): Promise<Array<{ path: string; bytes: number }>> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), bytes: (await stat(join(dir, name))).size })));
}

/**
 * What the written bundle tells about its cost: the fragments over HEAVY_FRAGMENT_BYTES as served
 * (Pagefind writes them gzipped), with their records' URLs; and how many records a long query's
 * start may hold before the search also asks for its end (`narrowAbove`, tokens.ts): where the
 * index is one chunk, that costs nothing, so at once; else when the fragments it would fetch weigh
 * more than an index chunk, on this bundle's averages.
 */
async function measureBundle(bundle: string): Promise<{ heavy: Array<{ url: string; bytes: number }>; narrowAbove: number }> {
  const [chunks, fragments] = await Promise.all([fileSizes(join(bundle, 'index')), fileSizes(join(bundle, 'fragment'))]);
  const heavy = await Promise.all(
    fragments
      .filter(({ bytes }) => bytes > HEAVY_FRAGMENT_BYTES)
      .map(async ({ path, bytes }) => {
        const { url } = await readFragment(path);
        return { url, bytes };
      }),
  );
  const mean = (files: Array<{ bytes: number }>) => files.reduce((sum, file) => sum + file.bytes, 0) / files.length;
  const narrowAbove = chunks.length <= 1 || fragments.length === 0 ? 1 : Math.max(1, Math.round(mean(chunks) / mean(fragments)));
  return { heavy, narrowAbove };
}

/**
 * A block's tokens (tokens.ts), in the order its record holds them: its stretches, in either
 * script where it has an `alternate`; the marked stretches it holds only with punctuation between
 * their letters; the starts of phrases that may run across the seam into `next`. Each token once,
 * so that in a passage's record a token stands once for each block holding it.
 */
function blockTokens(text: string, alternate: string | undefined, next: string | undefined, phraseChars: number, convert: (text: string) => string): string[] {
  const folded = [text, alternate].filter((each): each is string => Boolean(each)).map((each) => fold(each, convert).text);
  const tokens = new Set(folded.flatMap((each) => indexTokens(each, phraseChars).split(' ')));
  // The stretches held only with punctuation between their letters, marked (tokens.ts): in the
  // block's own text, and in the other script's where its own text holds the stretch nowhere
  // (the search checks the block's own text first, engine.ts `locateInBlock`).
  const [own, other] = folded as [string, string?];
  const ownStretches = new Set(indexTokens(own, phraseChars).split(' '));
  const crossing = [
    ...crossingTokens(own, phraseChars),
    ...(other ? crossingTokens(other, phraseChars).filter((token) => !ownStretches.has(unmarked(token))) : []),
  ];
  for (const token of crossing) tokens.add(token);
  // The seam after the block: the starts of phrases that may run across it (tokens.ts).
  if (next) for (const token of seamTokens(own, fold(next, convert).text, phraseChars).split(' ')) tokens.add(token);
  tokens.delete('');
  return [...tokens];
}

async function writeIndex(
  blocks: Block[],
  phraseChars: number,
  convert: (text: string) => string,
  bundle: string,
  alternateOf: (id: string) => string | undefined,
) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const startOf = (block: Block | undefined) => block && Array.from(block.text).slice(0, NEXT_CHARS).join('');
  const grouped = passages(blocks.map((block) => ({ section: `${block.url} ${block.title}`, text: block.text })));
  const placeOf = new Map<string, number>();
  for (const [place, members] of grouped.entries()) {
    const inPassage = members.map((i) => blocks[i]!);
    const first = inPassage[0]!;
    const content = members.flatMap((i) => blockTokens(blocks[i]!.text, alternateOf(blocks[i]!.id), startOf(blocks[i + 1]), phraseChars, convert));
    const next = startOf(blocks[members.at(-1)! + 1]);
    const data: RecordData = {
      title: [first.title],
      titleBreaks: [first.titleBreaks],
      blocks: [JSON.stringify(inPassage.map(({ id, text }): PassageBlock => {
        const alternate = alternateOf(id);
        return alternate ? { id, text, alternate } : { id, text };
      }))],
      ...(next ? { next: [next] } : {}),
    };
    const url = `${first.url}#${first.id}`;
    // Its place in the text names the record (record-names.ts), and orders the results.
    placeOf.set(url, place);
    const added = await index.addCustomRecord({ url, content: content.join(' '), language: 'zh', filters: data });
    if (added.errors.length) throw new Error(`Pagefind, #${first.id}: ${added.errors.join('; ')}`);
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
  await shortenNames(bundle, placeOf);
  await emptyFragmentContent(join(bundle, 'fragment'));
  return grouped.length;
}
