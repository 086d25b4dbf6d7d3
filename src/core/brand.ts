/**
 * The site's colours and mark where code draws them (the share card at build time, the quote
 * image in the browser). The stylesheet states the same colours (src/site/global.css, `:root`)
 * and public/favicon.svg the same mark: tests/unit/architecture.spec.ts and
 * tests/unit/share-card.spec.ts check that they agree.
 */

/** The light scheme's colours, by the stylesheet's names: paper is `--page`. */
export const LIGHT_PALETTE = { paper: '#fbfaf7', text: '#1f2328', muted: '#5b6069', rule: '#dedad2', accent: '#9c2f25' } as const;
/** The dark scheme's, by the same names (the installed app's colours in a dark system theme). */
export const DARK_PALETTE = { paper: '#16171a', text: '#e4e2dd', muted: '#a9a8a3', rule: '#34363b', accent: '#f08f7f' } as const;

/** The site's mark, the same drawing as public/favicon.svg. */
export const SITE_MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#9c2f25"/><path d="M9 10.5h14M9 16h14M9 21.5h8" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>';
