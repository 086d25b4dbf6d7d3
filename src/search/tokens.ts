/**
 * The tokens Pagefind indexes and is asked for.
 *
 * Pagefind segments Chinese into words, at index time and again (differently,
 * with Intl.Segmenter) in the browser, so a remembered stretch that cuts across
 * its words is often not found (Pagefind issues #987, #1237). Like Lucene's
 * CJKBigramFilter and PostgreSQL's pg_bigm, the site indexes overlapping
 * character bigrams instead, so any stretch of two or more characters is a
 * phrase of bigrams. Each bigram is written in ASCII (two code points, four
 * base-36 digits each): Pagefind passes letter-and-digit tokens through
 * untouched on both sides, so index and query always agree.
 *
 * Only letters and digits make tokens; punctuation and spaces are skipped, so
 * `业界,对于` and `业界对于` are the same phrase (the ranking step tells them apart).
 */

/** The characters that make tokens (and that the ranking compares when punctuation differs). */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every paragraph's last character gets a bigram with this, so one-character queries find it too. */
const END = 'zzzz';

/** The Pagefind filter `kind` of each record: a block's own words, or the seam between two blocks. */
export const RECORD_KIND = { block: 'block', seam: 'seam' } as const;

/** Queries longer than this are looked up by their start; the full match is checked on the text. */
export const MAX_PHRASE_CHARS = 16;

export function wordChars(folded: string): string[] {
  return Array.from(folded).filter((char) => WORD_CHAR.test(char));
}

function code(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(4, '0');
}

function bigrams(chars: readonly string[]): string[] {
  return chars.slice(0, -1).map((char, i) => code(char) + code(chars[i + 1]!));
}

/** The content of a paragraph's Pagefind record. */
export function indexTokens(folded: string): string {
  const chars = wordChars(folded);
  if (chars.length === 0) return '';
  return [...bigrams(chars), code(chars.at(-1)!) + END].join(' ');
}

export interface PagefindQuery {
  /** The search string for `pagefind.search`. */
  exact: string;
  /** An unquoted fallback that finds paragraphs sharing some of the bigrams. */
  partial: string;
}

/**
 * Two or more characters: a quoted phrase of bigrams, matched exactly and in order.
 * One character: its code unquoted, which Pagefind matches as the prefix of every
 * bigram that starts with it.
 */
export function pagefindQuery(folded: string): PagefindQuery | null {
  const chars = wordChars(folded).slice(0, MAX_PHRASE_CHARS);
  if (chars.length === 0) return null;
  if (chars.length === 1) return { exact: code(chars[0]!), partial: code(chars[0]!) };
  const tokens = bigrams(chars);
  return { exact: `"${tokens.join(' ')}"`, partial: tokens.join(' ') };
}
