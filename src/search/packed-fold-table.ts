/**
 * The fold table (src/search/build/fold-table.ts) as the search's settings carry it to the browser.
 *
 * Most entries are one character to one character: written as two strings, the Traditional
 * characters and, at the same places, their Simplified ones, they weigh 11.8 KB gzip instead of
 * 14.5 as pairs of JSON strings, for the 2,635 entries of a text 150 times this essay's length (the
 * first search loads them). The phrase entries stay pairs.
 */
import type { FoldTable } from './build/fold-table';

export interface PackedFoldTable {
  /** Single characters, each folding to the character at the same place (by code point) of `to`. */
  from: string;
  to: string;
  /** Entries of more than one character on either side. */
  phrases: FoldTable;
}

const single = ([from, to]: FoldTable[number]) => Array.from(from).length === 1 && Array.from(to).length === 1;

export function packFoldTable(table: FoldTable): PackedFoldTable {
  const chars = table.filter(single);
  return { from: chars.map(([from]) => from).join(''), to: chars.map(([, to]) => to).join(''), phrases: table.filter((entry) => !single(entry)) };
}

export function unpackFoldTable(packed: PackedFoldTable): FoldTable {
  const [from, to] = [Array.from(packed.from), Array.from(packed.to)];
  if (from.length !== to.length) throw new Error('search settings: a fold table whose two sides differ in length');
  return [...from.map((char, i): FoldTable[number] => [char, to[i]!]), ...packed.phrases];
}
