/**
 * The link from a search result to the words it found: the block's anchor (which
 * works with scripts off) plus `hl`, the words as shown, which the page's landing
 * script highlights and scrolls to (src/essay/client/landing.ts).
 *
 * Not a text fragment (`#:~:text=`): browsers accept those only on word
 * boundaries, which Chinese text has no reliable marks for, and Chromium does not
 * fall back to the anchor when one fails, so a reader could land at the top of
 * the page. The landing script is exact and falls back to the anchor.
 */
export const HIGHLIGHT_PARAM = 'hl';

export function landingLink(pageUrl: string, blockId: string, shownWords: string): string {
  return `${pageUrl}?${HIGHLIGHT_PARAM}=${encodeURIComponent(shownWords)}#${blockId}`;
}
