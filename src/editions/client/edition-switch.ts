/**
 * The edition switch keeps the reader's place: it links to the paragraph or heading
 * being read (and, on /search/, to the same query), not just to the page.
 */
import { blockInView, hasScrolled } from '../../core/client/reading-position';

const switchLink = document.querySelector<HTMLAnchorElement>('[data-edition-switch]');

function placeHere() {
  if (!switchLink) return;
  const url = new URL(switchLink.href);
  url.search = location.search;
  const block = hasScrolled() ? blockInView() : undefined;
  url.hash = block ? `#${block.id}` : '';
  switchLink.href = url.href;
}

// Updated before a click is followed, and before a middle-click or a copied link reads it.
for (const type of ['pointerdown', 'focus', 'click'] as const) switchLink?.addEventListener(type, placeHere);
