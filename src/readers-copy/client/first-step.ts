/**
 * The reader's own copy, first step, in the script every page loads: only whether anything is
 * kept. When a 划线 or a place is, its code loads at once to show them (src/readers-copy/client/
 * start.ts); when nothing is, it loads with the reader's first scroll (a place to keep) or
 * selection (a 划线 to make), so a first visit's view carries none of it.
 */
import { HIGHLIGHTS_KEY, PLACE_KEY } from '../keys';

/** `arriving`: the page was opened by a link to a block, a quote or a search hit (no 继续阅读 then). */
export function readersCopy(arriving: boolean): void {
  if (!document.querySelector('.essay')) return;
  const start = () => void import('./start').then((code) => code.start(arriving), () => undefined);
  let kept: unknown = null;
  try {
    kept = localStorage.getItem(HIGHLIGHTS_KEY) || localStorage.getItem(PLACE_KEY);
  } catch {
    // Storage disabled: nothing kept; the code still comes with a scroll or selection, to say so.
  }
  if (kept) return start();
  const onSelection = () => getSelection()?.isCollapsed === false && first();
  const first = () => {
    removeEventListener('scroll', first);
    document.removeEventListener('selectionchange', onSelection);
    start();
  };
  addEventListener('scroll', first, { passive: true });
  // A 划线 made in another tab shows here too.
  addEventListener('storage', (event) => event.key === HIGHLIGHTS_KEY && first(), { once: true });
  document.addEventListener('selectionchange', onSelection);
}
