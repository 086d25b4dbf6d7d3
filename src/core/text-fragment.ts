/**
 * A text fragment (`#:~:text=`) for words a reader selected, so the link opens
 * on them and the browser highlights them.
 *
 * Browsers accept a text fragment only if it starts and ends on word boundaries
 * (ICU's, which for Chinese come from a dictionary), and a selection can start
 * or end inside a word. So the directive carries the rest of the selection's
 * first and last words as `prefix-,` and `,-suffix`, widened to whole words with
 * `Intl.Segmenter` (the same kind of segmentation the browser checks against);
 * a prefix and suffix also keep the match unique on the page.
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

const MAX_CONTEXT_WORDS = 3;

/** Percent-encodes a directive part: `-`, `,` and `&` are its syntax. */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Word boundaries (UTF-16 offsets) of `text`, start and end included. */
function boundaries(text: string, segmenter: Segmenter): number[] {
  const cuts = [0];
  for (const { index, segment } of segmenter.segment(text)) cuts.push(index + segment.length);
  return cuts;
}

export function textDirective(text: string, start: number, end: number, segmenter: Segmenter): string {
  const cuts = boundaries(text, segmenter);
  // A few whole words on each side: the context starts and ends on boundaries even when the selection doesn't.
  const prefixStart = cuts.filter((cut) => cut < start).at(-MAX_CONTEXT_WORDS) ?? 0;
  const suffixEnd = cuts.filter((cut) => cut > end).at(MAX_CONTEXT_WORDS - 1) ?? text.length;
  const prefix = text.slice(prefixStart, start).trim();
  const suffix = text.slice(end, suffixEnd).trim();
  const parts = [prefix && `${encodePart(prefix)}-`, encodePart(text.slice(start, end).trim()), suffix && `-${encodePart(suffix)}`];
  return `:~:text=${parts.filter(Boolean).join(',')}`;
}
