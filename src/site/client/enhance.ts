/**
 * The one script every page loads up front: the first step of each enhancement.
 * Each step finds its own elements and does nothing on a page without them; the
 * code behind it (search, sharing, the settings panel, landing on a block, the
 * contents' mark on wide screens) loads on first use.
 *
 * One file rather than a script per component: these steps are small, and as one
 * module they compressed to about half their size as seven, in one request
 * (2.2 KB gzip against 3.7 KB when they were merged).
 */
import '../../search/client/loader';
import '../../editions/client/edition-switch';
import '../../reader/client/settings-loader';
import '../../sharing/client/share-loader';
import { readersCopy } from '../../readers-copy/client/first-step';
import { listening } from '../../listening/client/first-step';
import { offline } from '../../offline/client/first-step';
import { HIGHLIGHT_PARAM } from '../../core/landing-link';
import { WIDE_CONTENTS_QUERY } from '../../core/breakpoints';

// Only an arrival on a block of the essay (from a search result, a quote link or a permalink)
// needs the landing code; a quote link's text directive is hidden from scripts, but its #block is not.
const arriving = location.hash || new URLSearchParams(location.search).has(HIGHLIGHT_PARAM);
if (arriving && document.querySelector('.essay')) void import('../../essay/client/landing');
// The reader's 划线 and place: loaded only when something is kept (or to keep), and silent on an arrival.
readersCopy(!!arriving);
// 「听全文」 and 「从这里听」: the player loads as the reader reaches for one.
listening();
// Kept for reading without a network, once the page has loaded (src/offline/).
offline();

// Engines without popovers open the share and settings panels through this (the panels' own
// code imports it too).
if (typeof HTMLElement.prototype.showPopover !== 'function') void import('../../core/client/panels');

// Opening punctuation at a line's start is trimmed by CSS where the browser has text-spacing-trim,
// and by this script where it has not (Firefox, Safari, older WebViews).
if (document.querySelector('.essay') && !CSS.supports('text-spacing-trim', 'space-first')) {
  void import('../../essay/client/trim-line-starts');
}

// The contents mark the section being read only where they stay beside the text: their code loads
// on a screen that wide, or once it becomes that wide (a window widened, a tablet turned).
if (document.querySelector('.toc')) {
  const wide = matchMedia(WIDE_CONTENTS_QUERY);
  const loadContents = () => void import('../../essay/client/toc');
  if (wide.matches) loadContents();
  else wide.addEventListener('change', loadContents, { once: true });
}
