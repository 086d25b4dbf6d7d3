/**
 * A text fragment (`#:~:text=`) for words a reader selected, so the link opens
 * on them and the browser highlights them, in a link short enough to paste in a chat
 * and to scan from the quote image's QR code.
 *
 * The words are named by their start and end (`start,end`), a word or a few each, not
 * written out: a 30-character quote is some 270 characters of `%E4%BA…` escapes, its
 * start and end about 60. The browser finds the first place in the page where the start
 * stands (after its prefix, if any), then the first place after it where the end stands, and
 * highlights from one to the other. So the start (with its prefix) is chosen to stand
 * nowhere else in the page, and the end to stand nowhere between the start and the quote's
 * own end; a short quote is written out whole.
 *
 * Browsers accept a text fragment only if it starts and ends on word boundaries
 * (ICU's, which for Chinese come from a dictionary), and a selection can start
 * or end inside a word. So the directive carries the rest of the selection's
 * first and last words as `prefix-,` and `,-suffix`, found with `Intl.Segmenter`
 * (the same kind of segmentation the browser checks against); the start and end
 * themselves are whole words. The prefix takes more words where the start alone
 * is not unique.
 */

type Segmenter = { segment(text: string): Iterable<{ index: number; segment: string }> };

/**
 * The browser's word segmenter for a language. An engine without Intl.Segmenter (WeChat's XWeb
 * before Chromium 87) gets one that cuts between characters: the context is then a few characters
 * instead of a few words, which an engine that checks word boundaries may not match, and the
 * link still opens on its paragraph.
 */
export function wordSegmenter(locale: string): Segmenter {
  if (typeof Intl.Segmenter === 'function') return new Intl.Segmenter(locale, { granularity: 'word' });
  return {
    *segment(text: string) {
      let index = 0;
      for (const segment of text) {
        yield { index, segment };
        index += segment.length;
      }
    },
  };
}

/** Most words a directive's part takes before the search gives up on a shorter link. */
const MAX_PART_WORDS = 6;
const MAX_CONTEXT_WORDS = 4;

/** Percent-encodes a directive part: `-`, `,` and `&` are its syntax. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Word boundaries (UTF-16 offsets) of `text`, start and end included, in order. */
function boundaries(text: string, segmenter: Segmenter): number[] {
  const cuts = [0];
  for (const { index, segment } of segmenter.segment(text)) cuts.push(index + segment.length);
  return cuts;
}

/** Text as the browser compares it: any case, white space as one space. */
const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * The directive for `text` [start, end) (a block's text, as its text nodes hold it). `page` is
 * all the text the browser searches, the block's included (its `innerText`: blocks apart, hidden
 * text left out); without it the words are made unique within the block alone.
 */
export function textDirective(text: string, start: number, end: number, segmenter: Segmenter, page: string = text): string {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const cuts = boundaries(text, segmenter);
  const pageText = comparable(page);
  const blockText = comparable(text);
  const lower = text.toLowerCase();
  /** Whether the browser's first match of `from`–`to` of the text is the one there (once in the page, or at most once where the page's text differs). */
  const unique = (from: number, to: number) => {
    // As written: a part's white space at its ends is left out.
    const needle = comparable(text.slice(from, to).trimEnd());
    return occurrences(pageText, needle) <= 1 && blockText.indexOf(needle) === comparable(text.slice(0, from)).length;
  };
  // The rest of a word the selection starts or ends inside, then whole words: where the context may start, and end.
  const before = cuts.filter((cut) => cut < start).reverse().slice(0, MAX_CONTEXT_WORDS);
  const prefixStarts = cuts.includes(start) ? [start, ...before] : before;
  const suffixEnd = cuts.includes(end) ? end : (cuts.find((cut) => cut > end) ?? text.length);
  const suffix = text.slice(end, suffixEnd).trim();
  // Where the start may end, and the end may start: whole words of the quote.
  const inside = cuts.filter((cut) => cut > start && cut < end);
  const startEnds = inside.slice(0, MAX_PART_WORDS);
  const endStarts = inside.slice(-MAX_PART_WORDS).reverse();

  const part = (from: number, to: number) => encodePart(text.slice(from, to).trim());
  const written = (prefixFrom: number, startTo: number, endFrom?: number) =>
    [
      prefixFrom < start && `${part(prefixFrom, start)}-`,
      part(start, startTo),
      endFrom !== undefined && part(endFrom, end),
      suffix && `-${encodePart(suffix)}`,
    ]
      .filter(Boolean)
      .join(',');

  let best: string | undefined;
  const consider = (directive: string) => {
    if (best === undefined || directive.length < best.length) best = directive;
  };
  for (const prefixFrom of prefixStarts) {
    // The quote written out whole, found where it is.
    if (unique(prefixFrom, end)) consider(written(prefixFrom, end));
    for (const startTo of startEnds) {
      if (!unique(prefixFrom, startTo)) continue;
      // The end: the first place after the start where it stands is the quote's end.
      const endFrom = endStarts.find((from) => {
        const written = lower.slice(from, end).trimStart();
        return from >= startTo && lower.indexOf(written, startTo) === end - written.length;
      });
      if (endFrom !== undefined) consider(written(prefixFrom, startTo, endFrom));
      break; // a longer start only lengthens the link
    }
  }
  // Not unique with the context tried (a sentence the page says twice): the quote whole, its widest context.
  return `:~:text=${best ?? written(prefixStarts.at(-1) ?? start, end)}`;
}
