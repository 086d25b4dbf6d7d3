/**
 * The tokens Pagefind indexes and is asked for.
 *
 * Pagefind segments Chinese into words, at index time and again (differently,
 * with Intl.Segmenter) in the browser, so a remembered stretch that cuts across
 * its words is often not found (Pagefind issues #987, #1237). Like Lucene's
 * CJKBigramFilter and PostgreSQL's pg_bigm, the site indexes characters in pairs
 * instead, so any stretch of two or more characters is a phrase of pairs; here
 * each character is paired with each of the next REACH, so that a query's tokens
 * all start with its first character and sort together (see indexTokens). Each
 * token is written in ASCII (base-36 code points): Pagefind passes
 * letter-and-digit tokens through untouched on both sides, so index and query
 * always agree.
 *
 * Only letters and digits make tokens; punctuation and spaces are skipped, so
 * `业界,对于` and `业界对于` are the same phrase (the ranking step tells them apart).
 */

/** The characters that make tokens (and that the ranking compares when punctuation differs). */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The longest stretch of letters and digits that is one token: longer queries are looked up by
 * their start and checked on the few records that hold it. Three, not four: at 48× this essay's
 * length (the bench's scale run) stretches of four made the build peak at 1.57 GB, over its 1.5 GB
 * budget, and three at 1.35 GB, with the first search's bytes a little lower too (docs/benchmarks.md).
 */
export const MAX_PHRASE_CHARS = 3;

/** The start of a query that the partial fallback looks up by its pairs of neighbours. */
const PARTIAL_CHARS = 16;

/** Code points below this take three base-36 digits (all of the BMP's CJK ideographs; Hangul and beyond do not). */
const SHORT = 34 * 36 ** 2;

/**
 * The mark of a seam's tokens (the end of a block and the start of the next): no character's code
 * starts with it, so a block's search never finds a seam, even as a prefix, and Pagefind needs no
 * filter (whose file every filtered search would load).
 */
const SEAM = 'y';

export type RecordKind = 'block' | 'seam';

/** One seam of a seam record, as the browser reads it back (src/search/client/engine.ts), written by src/search/build/search-index.ts. */
export interface SeamWindow {
  /** The end of a block, and the start of the next. */
  text: string;
  next: string;
  title: string;
  /** Where both stand together: the block's anchor on the full essay page. */
  essayUrl: string;
  order: number;
}

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

function gram(chars: readonly string[]): string {
  return chars.map(code).join('');
}

/**
 * The tokens of a block's Pagefind record: at each character, the stretches of 1 to
 * MAX_PHRASE_CHARS letters and digits that start there (软阶层: 软 软阶 软阶层, 阶 阶层, 层), each
 * written as its characters' codes run together. A query of up to MAX_PHRASE_CHARS is then one
 * token, and the blocks holding it are exactly the records holding that token: Pagefind keeps each
 * token whole in one chunk of its index, so a query loads one chunk (Pagefind cuts the index into
 * chunks of 20,000 positions, a constant in its 1.x source, and a phrase of bigrams needed one
 * chunk per bigram). A seam's tokens are the same behind the mark SEAM.
 * Each token is written once (the first time), however often its stretch recurs.
 */
export function indexTokens(folded: string, kind: RecordKind = 'block'): string {
  const chars = wordChars(folded);
  const mark = kind === 'seam' ? SEAM : '';
  // Each token once: a search asks which records hold a token, never where or how often (and the
  // index, the fragments and the build's memory are the smaller for it).
  const tokens = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    for (let end = i + 1; end <= Math.min(chars.length, i + MAX_PHRASE_CHARS); end++) tokens.add(mark + gram(chars.slice(i, end)));
  }
  return [...tokens].join(' ');
}

export interface PagefindQuery {
  /** The search string for `pagefind.search`: the blocks holding the query's first MAX_PHRASE_CHARS letters and digits. */
  exact: string;
  /** The same for seam records, or null for one character (a block holds it). */
  seam: string | null;
  /** An unquoted fallback that finds blocks sharing pairs of neighbours with the query's start. */
  partial: string;
}

/**
 * The token of the query's first MAX_PHRASE_CHARS letters and digits, quoted: Pagefind then looks
 * the word up as it is. Unquoted, it would take the term as a prefix, which is harmless (a longer
 * token that starts with this one stands only where this one does), but for a stretch the text
 * does not hold it would fall back to the longest indexed word that starts the term (the query's
 * first 3 characters, say), whose records would each be fetched only to be rejected.
 */
export function pagefindQuery(folded: string): PagefindQuery | null {
  const all = wordChars(folded);
  if (all.length === 0) return null;
  const start = all.slice(0, PARTIAL_CHARS);
  const pairs = start.length === 1 ? [gram(start)] : start.slice(0, -1).map((char, i) => gram([char, start[i + 1]!]));
  const token = gram(all.slice(0, MAX_PHRASE_CHARS));
  return { exact: `"${token}"`, seam: all.length > 1 ? `"${SEAM}${token}"` : null, partial: pairs.join(' ') };
}
