/**
 * Build time: the blocks of the text gathered into passages, one Pagefind record each.
 *
 * Pagefind's metadata file, which every first search loads before its first result, lists
 * every record: about 10 bytes each, which no compression shrinks (a hash and a word count).
 * With a record a block, a book of 8,000 paragraphs paid 78 KB for it before its first result
 * (docs/search-scale.md). A record for a run of blocks of one section (a passage) keeps that list
 * short; each block's own tokens stay apart inside the record (src/search/build/search-index.ts),
 * so the index still tells how many blocks hold a word.
 *
 * What a passage costs instead is its fragment, fetched for each passage a page of results shows:
 * its blocks' texts. So passages are about PASSAGE_CHARS long: a page of ten results from ten
 * passages then weighs about as much as the metadata of a text 150 times this essay's length
 * (figures in docs/search-scale.md). A block longer than that is a passage alone; blocks of two
 * sections never share one (a result's title is its passage's).
 */

/** The characters a passage holds at most, unless one block alone is longer. */
export const PASSAGE_CHARS = 1000;

export interface PassageInput {
  /** The section (`data-search-source`) the block is in: passages never run across two. */
  section: string;
  text: string;
}

/**
 * The blocks in passages, in order: each passage a list of the indices of its blocks, which stand
 * together in the text, in one section, and hold up to `limit` characters together (or are one block).
 */
export function passages(blocks: readonly PassageInput[], limit = PASSAGE_CHARS): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  let length = 0;
  for (const [i, block] of blocks.entries()) {
    const chars = Array.from(block.text).length;
    const sameSection = current.length > 0 && blocks[current[0]!]!.section === block.section;
    if (!sameSection || length + chars > limit) {
      if (current.length) result.push(current);
      current = [];
      length = 0;
    }
    current.push(i);
    length += chars;
  }
  if (current.length) result.push(current);
  return result;
}
