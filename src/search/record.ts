/**
 * What a search reads back from a Pagefind record (written by src/search/build/search-index.ts,
 * read by src/search/client/engine.ts): a passage of the text (src/search/build/passages.ts).
 */

/** A block of a passage: its id on the page, its text as shown, and, where folding cannot undo the conversion, its text in the other script. */
export interface PassageBlock {
  id: string;
  text: string;
  alternate?: string;
}

/**
 * A record's data, each value a list of one. It travels in Pagefind's `filters`, not its `meta`:
 * Pagefind (1.5 on) indexes every meta value as words, which put the whole text into the index a
 * query fetches, while filter values go only to filter files that a search without filters never loads.
 */
export type RecordData = {
  /** The section the passage is in. */
  title: [string];
  /** Its phrase breaks, space-separated offsets: a result's title breaks there only, like the page's. */
  titleBreaks: [string];
  /** The passage's blocks, in order, as JSON (`PassageBlock[]`): a filter value is a string. */
  blocks: [string];
  /** The start of the block after the passage's last, for a phrase across that seam. */
  next?: [string];
};

export function passageBlocks(data: RecordData): PassageBlock[] {
  const blocks: unknown = JSON.parse(data.blocks[0]);
  if (!Array.isArray(blocks)) throw new Error('search: a record without its blocks');
  return blocks as PassageBlock[];
}
