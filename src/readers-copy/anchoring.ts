/**
 * Where a 划线 stands, kept so that it is found again: the block's id and, within the block's
 * text, the W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors):
 * a TextQuoteSelector (the words, with a few characters of context on each side) and a
 * TextPositionSelector (their offsets in the block's text), plus the block's length then.
 *
 * Finding (`anchor`) is pure, on the block's text as the page has it now:
 * - `found`: the words stand where they were;
 * - `moved`: they stand elsewhere in the block (the occurrence whose context matches best, then
 *   the nearest); the text around them changed;
 * - `found` too in the other edition (简体 ↔ 繁體): its text has the same length block by block
 *   (OpenCC cn → tw converts one character for one, core/traditional-script.ts), so the
 *   position is taken when the block's length is unchanged and the characters there are the
 *   quote's or, both Han, its conversion;
 * - `not-found`: none of these; the 划线 is kept and listed as not found on the page.
 *
 * Written for this site rather than with @apache-annotator/dom, which anchors in a DOM: here
 * the same function runs in Node's unit tests, and knows the two editions.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The block's text length when the 划线 was made. */
  length: number;
}

export type Anchored = { status: 'found' | 'moved'; start: number; end: number } | { status: 'not-found' };

/** Characters of context kept on each side (enough for a text fragment's few words). */
export const CONTEXT = 24;

export function describe(text: string, start: number, end: number): Anchor {
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    position: { type: 'TextPositionSelector', start, end },
    length: text.length,
  };
}

const HAN = /\p{Script=Han}/u;

/** The same characters, or, where they differ, Han on both sides (a character and its conversion). */
function sameOrConverted(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(HAN.test(a[i]!) && HAN.test(b[i]!))) return false;
  }
  return true;
}

/** How many characters of context agree: the prefix's end and the suffix's start. */
function contextScore(text: string, at: number, { exact, prefix, suffix }: TextQuoteSelector): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && text[at - i] === prefix[prefix.length - i]; i++) score++;
  const after = at + exact.length;
  for (let i = 0; i < suffix.length && text[after + i] === suffix[i]; i++) score++;
  return score;
}

/** `converted`: `text` is the other edition's (the 划线 was made in the other script). */
export function anchor(text: string, { quote, position, length }: Anchor, converted = false): Anchored {
  const { exact } = quote;
  if (!exact) return { status: 'not-found' };
  const { start, end } = position;
  if (text.slice(start, end) === exact) return { status: 'found', start, end };
  // Elsewhere in the block: every occurrence, the best context first, then the nearest.
  let best: { at: number; score: number } | undefined;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, quote);
    if (!best || score > best.score || (score === best.score && Math.abs(at - start) < Math.abs(best.at - start))) best = { at, score };
  }
  if (best) return { status: 'moved', start: best.at, end: best.at + exact.length };
  // The other edition: same length, same place, the characters converted.
  if (converted && text.length === length && end <= text.length && sameOrConverted(text.slice(start, end), exact)) {
    const before = text.slice(Math.max(0, start - quote.prefix.length), start);
    const after = text.slice(end, end + quote.suffix.length);
    if (sameOrConverted(before, quote.prefix) && sameOrConverted(after, quote.suffix)) return { status: 'found', start, end };
  }
  return { status: 'not-found' };
}

/** Spans of one block that overlap or touch, merged; in the order of the text. */
export function mergeSpans<T extends { start: number; end: number }>(spans: readonly T[]): Array<{ start: number; end: number; parts: T[] }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number; parts: T[] }> = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.parts.push(span);
    } else merged.push({ start: span.start, end: span.end, parts: [span] });
  }
  return merged;
}
