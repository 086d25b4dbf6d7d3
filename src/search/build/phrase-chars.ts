/**
 * Build time: how long a stretch of letters and digits is one token, for this text
 * (`phraseChars`, src/search/tokens.ts).
 *
 * A query longer than that is looked up by its first `phraseChars` letters and digits, and every
 * block holding them is fetched and checked (or, where they are common, every block holding both
 * them and its last ones), so that the count is exact. Longer stretches keep those blocks few in a
 * long text (古文观止, 1,016 paragraphs: a query's first two characters stand in 9.1 paragraphs on
 * average, its first three in 1.4); shorter ones keep a short text's index small, and the index is
 * what a first search fetches (this essay: one chunk of 21 KB with stretches of two, two of 36 and
 * 1 KB with three; docs/benchmarks.md). So the stretch is the shortest for which a query starting
 * anywhere in the text is checked on at most CHECKED_ON_AVERAGE blocks, on average over the
 * text's letters, or the longest the build can afford (PHRASE_CHARS), which the build then says.
 */
import { PHRASE_CHARS, wordChars } from '../tokens';

/** Blocks a long query is checked on, on average over where in the text it starts. */
export const CHECKED_ON_AVERAGE = 3;

/**
 * The average, over the starting points of `length` letters and digits in the blocks, of the
 * number of blocks that hold the stretch starting there.
 */
export function averageHolders(folded: readonly string[], length: number): number {
  const stretchesOf = folded.map((block) => {
    const chars = wordChars(block);
    return Array.from({ length: Math.max(0, chars.length - length + 1) }, (_, i) => chars.slice(i, i + length).join(''));
  });
  const holders = new Map<string, number>();
  for (const stretches of stretchesOf) for (const stretch of new Set(stretches)) holders.set(stretch, (holders.get(stretch) ?? 0) + 1);
  const starts = stretchesOf.flat();
  return starts.length === 0 ? 0 : starts.reduce((sum, stretch) => sum + holders.get(stretch)!, 0) / starts.length;
}

/** `folded`: each block's text, folded (src/search/fold.ts). `checked`: averageHolders for the length chosen. */
export function choosePhraseChars(folded: readonly string[]): { phraseChars: number; checked: number } {
  for (let length: number = PHRASE_CHARS.min; ; length++) {
    const checked = averageHolders(folded, length);
    if (checked <= CHECKED_ON_AVERAGE || length === PHRASE_CHARS.max) return { phraseChars: length, checked };
  }
}
