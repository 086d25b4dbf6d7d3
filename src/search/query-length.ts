/**
 * How long a query may be. The search field takes anything pasted into it, but the
 * search (and the /search/ URL, which must stay within what servers accept) uses
 * only the start of a very long query, and the reader is told.
 */

/** In characters (code points): a remembered phrase is never this long. */
export const MAX_QUERY_LENGTH = 200;

/** The query cut to MAX_QUERY_LENGTH characters, never half a character. */
export function cutQuery(query: string): { query: string; truncated: boolean } {
  const chars = Array.from(query);
  if (chars.length <= MAX_QUERY_LENGTH) return { query, truncated: false };
  return { query: chars.slice(0, MAX_QUERY_LENGTH).join(''), truncated: true };
}
