/**
 * The tokens Pagefind indexes and is asked for.
 *
 * Pagefind segments Chinese into words, at index time and again (differently,
 * with Intl.Segmenter) in the browser, so a remembered stretch that cuts across
 * its words is often not found (Pagefind issues #987, #1237). Like Lucene's
 * CJKBigramFilter and PostgreSQL's pg_bigm, the site indexes stretches of
 * characters instead of words: at each character, those of 1 to `phraseChars`
 * characters that start there (see indexTokens), so a query is looked up by the
 * one token of its start. Each token is written in ASCII (base-36 code points):
 * Pagefind passes letter-and-digit tokens through untouched on both sides, so
 * index and query always agree.
 *
 * Only letters and digits make tokens; punctuation and spaces are skipped, so
 * `业界,对于` and `业界对于` are the same phrase (the ranking step tells them apart).
 */
import type { PackedFoldTable } from './packed-fold-table';

/** The characters that make tokens (and that the ranking compares when punctuation differs). */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The longest stretch of letters and digits that is one token (`phraseChars`) is chosen for each
 * text at build time, from this range (src/search/build/phrase-chars.ts), and written beside the
 * index (`SearchSettings`): longer queries are looked up by their start and checked on the records
 * that hold it, so a longer text needs longer stretches to keep those few, and a short one is the
 * smaller for shorter ones. Three at most: at 48× this essay's length, stretches of four made the
 * build peak at 1,626 MB, over its 1.5 GB budget, and three at 1,297 MB (docs/benchmarks.md).
 */
export const PHRASE_CHARS = { min: 2, max: 3 } as const;

/** What the browser needs beside Pagefind's files to ask them (`search.json` in each bundle). */
export interface SearchSettings {
  /** The longest stretch that is one token, for this text. */
  phraseChars: number;
  /**
   * A long query whose first stretch more records than this hold is narrowed (`narrow`): that may
   * load another index chunk, against a fragment a record (src/search/build/search-index.ts).
   */
  narrowAbove: number;
  /** Traditional → Simplified for the characters the text uses (src/search/build/fold-table.ts), packed. */
  fold: PackedFoldTable;
}

/** The start of a query that the partial fallback looks up by its pairs of neighbours. */
const PARTIAL_CHARS = 16;

/** Code points below this take three base-36 digits (all of the BMP's CJK ideographs; Hangul and beyond do not). */
const SHORT = 34 * 36 ** 2;

/**
 * The mark of a seam's tokens (a stretch that starts in a block and runs into the next): no
 * character's code starts with it, so a search for a block's own words never finds a seam, even as
 * a prefix, and Pagefind needs no filter (whose file every filtered search would load).
 */
const SEAM = 'y';

export function wordChars(folded: string): string[] {
  return Array.from(folded).filter((char) => WORD_CHAR.test(char));
}

/**
 * A character as ASCII: three base-36 digits (the first of them 0–x), or `z` and four for a code
 * point from SHORT on, so that no character's code starts another's: the codes of a stretch of
 * characters, run together, spell that stretch and no other.
 */
function code(char: string): string {
  const point = char.codePointAt(0)!;
  return point < SHORT ? point.toString(36).padStart(3, '0') : `z${point.toString(36).padStart(4, '0')}`;
}

/**
 * A stretch's token: its length, then its characters' codes. So no token starts another but its
 * own crossing mark (CROSSING): asked for a word unquoted, Pagefind also gives the places of the
 * words that start with it, and a passage's places of a stretch's token are then one for each of
 * its blocks holding the stretch, and one more for each holding it only across punctuation
 * (src/search/results.ts counts blocks so).
 */
function gram(chars: readonly string[]): string {
  return `${chars.length}${chars.map(code).join('')}`;
}

/**
 * The tokens of a block's Pagefind record: at each character, the stretches of 1 to
 * `phraseChars` letters and digits that start there (软阶层, for 3: 软 软阶 软阶层, 阶 阶层, 层),
 * each written as its length and its characters' codes (`gram`). A query of up to `phraseChars` is
 * then one token, and the blocks holding it are exactly those whose tokens hold it: Pagefind keeps each
 * token whole in one chunk of its index, so a query loads one chunk (Pagefind cuts the index into
 * chunks of 20,000 positions, a constant in its 1.x source, and a phrase of bigrams needed one
 * chunk per bigram).
 * Each token is written once in a block (the first time), however often its stretch recurs: a
 * search asks which blocks hold a token, never where in them or how often (and the index and the
 * build's memory are the smaller for it).
 */
export function indexTokens(folded: string, phraseChars: number): string {
  const chars = wordChars(folded);
  const tokens = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    for (let end = i + 1; end <= Math.min(chars.length, i + phraseChars); end++) tokens.add(gram(chars.slice(i, end)));
  }
  return [...tokens].join(' ');
}

/**
 * How far before a seam a remembered phrase across it may start, in letters and digits. Eight:
 * each letter of reach costs this essay's index 0.15 KB (16 letters: 2.3 KB more than none, 8: 1.2 KB).
 */
export const SEAM_REACH = 8;

/**
 * The tokens of the seam after a block, behind the mark SEAM, from which a phrase that runs from
 * the block (`end`, folded) into the next (`next`, folded) is looked up by its start: the
 * stretches of `phraseChars` that start in the block's last SEAM_REACH letters and digits, and
 * the shorter ones that run across (a short phrase across the seam is its own start). Each block's
 * own tokens stand apart, so that the records holding them are exactly the blocks that do.
 */
export function seamTokens(end: string, next: string, phraseChars: number): string {
  const before = wordChars(end).slice(-SEAM_REACH);
  const run = [...before, ...wordChars(next).slice(0, phraseChars - 1)];
  const tokens = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    for (let stop = i + 1; stop <= Math.min(run.length, i + phraseChars); stop++) {
      if (stop > before.length || stop - i === phraseChars) tokens.add(SEAM + gram(run.slice(i, stop)));
    }
  }
  return [...tokens].join(' ');
}

/**
 * The mark of a crossing token: a block's stretch of 2 to `phraseChars` letters and digits that
 * it holds only with punctuation or a space between them (`君，子`), never in a row (`君子`), is
 * written a second time, as its token followed by this mark (`crossingTokens`). So the blocks
 * holding a short query's token are every block that holds its letters, and those also holding
 * the marked token are the blocks where they stand only with other punctuation: both counts are
 * known without fetching a fragment (src/search/results.ts). A stretch's token is its length and
 * whole codes (of 3 or 5 characters, none of them ever a prefix of another), so no stretch's token is a marked one,
 * and a marked token stands only where its stretch's does; as a suffix the marked token
 * sorts right after its stretch's, in the same index chunk (Pagefind cuts the sorted words into
 * chunks), so asking for it costs no chunk more.
 */
const CROSSING = '0';

/**
 * The marked tokens of `folded` (CROSSING): its stretches of 2 to `phraseChars` letters and digits
 * that stand somewhere with other characters between their letters and nowhere in a row, where
 * the search tells a match with other punctuation from the query as typed (src/search/match.ts).
 */
export function crossingTokens(folded: string, phraseChars: number): string[] {
  const chars = Array.from(folded);
  const letters = chars.flatMap((char, at) => (WORD_CHAR.test(char) ? [{ char, at }] : []));
  const inRow = new Set<string>();
  const across = new Set<string>();
  for (let i = 0; i < letters.length; i++) {
    for (let end = i + 2; end <= Math.min(letters.length, i + phraseChars); end++) {
      const token = gram(letters.slice(i, end).map((letter) => letter.char));
      (letters[end - 1]!.at - letters[i]!.at === end - 1 - i ? inRow : across).add(token);
    }
  }
  return [...across].filter((token) => !inRow.has(token)).map((token) => token + CROSSING);
}

/** The stretch's token of a marked one (`crossingTokens`; a stretch's own token may end in the same digit). */
export function unmarked(marked: string): string {
  return marked.slice(0, -CROSSING.length);
}

export interface PagefindQuery {
  /** The search string for `pagefind.search`: the passages holding the query's first `phraseChars` letters and digits. */
  exact: string;
  /**
   * The same token unquoted: its places in each passage are one for each block holding those
   * letters in a row, and one for each holding them only across punctuation (`gram`). Unquoted, a
   * word the index does not hold is looked up by its longest start it holds, so these places
   * count only in the passages `exact` finds.
   */
  places: string;
  /** The blocks near whose end those letters stand before a seam (`seamTokens`), or null for one character (a block holds it). */
  seam: string | null;
  /**
   * For a query longer than `phraseChars`, the blocks holding both its first and its last
   * `phraseChars` letters and digits (unquoted terms: Pagefind returns the records holding every
   * one), or null: fewer to fetch and check when the query's start is common.
   */
  narrow: string | null;
  /**
   * For a query of 2 to `phraseChars` letters and digits, the passages with blocks that hold them
   * only with other characters between (`crossingTokens`), quoted, and the same unquoted, for a
   * place in each such block (counted only in the passages the quoted one finds, as `places`); or null.
   */
  crossing: { exact: string; places: string } | null;
  /** An unquoted fallback that finds blocks sharing pairs of neighbours with the query's start. */
  partial: string;
}

/**
 * The token of the query's first `phraseChars` letters and digits, quoted: Pagefind then looks
 * the word up as it is. Unquoted, it would take the term as a prefix, which is harmless (a longer
 * token that starts with this one stands only where this one does), but for a stretch the text
 * does not hold it would fall back to the longest indexed word that starts the term (the query's
 * first 3 characters, say), whose records would each be fetched only to be rejected.
 */
export function pagefindQuery(folded: string, phraseChars: number): PagefindQuery | null {
  const all = wordChars(folded);
  if (all.length === 0) return null;
  const start = all.slice(0, PARTIAL_CHARS);
  const pairs = start.length === 1 ? [gram(start)] : start.slice(0, -1).map((char, i) => gram([char, start[i + 1]!]));
  const token = gram(all.slice(0, phraseChars));
  return {
    exact: `"${token}"`,
    places: token,
    seam: all.length > 1 ? `"${SEAM}${token}"` : null,
    narrow: all.length > phraseChars ? `${token} ${gram(all.slice(-phraseChars))}` : null,
    crossing: all.length > 1 && all.length <= phraseChars ? { exact: `"${token}${CROSSING}"`, places: `${token}${CROSSING}` } : null,
    partial: pairs.join(' '),
  };
}
