/** Where each page's share card is published, and its size (src/pages/[...edition]/og/[card].png.ts draws them). */
import type { Edition } from '../../core/editions';
import { essayPath } from '../../core/urls';

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

/**
 * Where a page's card is published, in its edition's folder: `og/index.png` for the
 * essay, `og/<slug>.png` for a section. Built by src/pages/[...edition]/og/[card].png.ts.
 */
export function shareCardPath(edition: Edition, slug?: string): string {
  return `${essayPath(edition)}og/${shareCardName(slug)}.png`;
}

/** The search page's card: its name is one of the site's own paths, which no section's slug may take. */
export const SEARCH_CARD = 'search';

/** The file name (without `.png`) of a page's card: `index` for the essay, else the section's slug (or SEARCH_CARD). */
export function shareCardName(slug?: string): string {
  return slug ?? 'index';
}
