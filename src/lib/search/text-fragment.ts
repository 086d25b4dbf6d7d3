/**
 * A text fragment (`#id:~:text=…`) that opens a result's page on the matched
 * words and highlights them (Chromium, Safari and Firefox support it).
 *
 * Browsers accept a text fragment only where it starts and ends on word
 * boundaries, and they search the whole page for it. So the directive carries
 * the rest of the clause before and after the match as `prefix-,` and `,-suffix`:
 * clauses end at punctuation, which is always a boundary, and the context makes
 * the match unique on the page. Where the browser still finds nothing, it falls
 * back to the paragraph's id and lands on the paragraph.
 */

const CLAUSE_END = /[\u3002\uFF0C\uFF1B\uFF1A\uFF1F\uFF01\u3001\u300A\u300B\u201C\u201D\uFF08\uFF09]/u;
const MAX_CONTEXT = 24;

/** Percent-encodes a text directive part: `-`, `,` and `&` are its syntax. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function clauseBefore(text: string, at: number): string {
  const chars = Array.from(text.slice(0, at));
  const stop = chars.findLastIndex((char) => CLAUSE_END.test(char));
  return chars.slice(stop + 1).slice(-MAX_CONTEXT).join('');
}

function clauseAfter(text: string, at: number): string {
  const chars = Array.from(text.slice(at));
  const stop = chars.findIndex((char) => CLAUSE_END.test(char));
  return chars.slice(0, stop < 0 ? undefined : stop).slice(0, MAX_CONTEXT).join('');
}

export function textFragment(text: string, start: number, end: number): string {
  const prefix = clauseBefore(text, start);
  const suffix = clauseAfter(text, end);
  const parts = [
    prefix && `${encodePart(prefix)}-`,
    encodePart(text.slice(start, end)),
    suffix && `-${encodePart(suffix)}`,
  ].filter(Boolean);
  return `:~:text=${parts.join(',')}`;
}
