/**
 * Where a link means to land, read from its address as the reader's app delivered it.
 *
 * WeChat appends its own parameters to a shared link (`from=singlemessage`,
 * `groupmessage` or `timeline`, and `isappinstalled=0`): usually to the query, but it has
 * been seen to write them after the `#`, as `#block&from=…` or `#block?from=…`. The
 * browser then looks for an element with the id `block&from=…`, finds none and stays at
 * the top of the page. So the block's id is the fragment up to its first `&` or `?` (no
 * id on the site has either: they are slugs and numbers, src/core/block-ids.ts), and the
 * search highlight (`hl`) is read from the query or from such a tail. Every other
 * parameter is ignored. A text directive (`:~:text=…`) is the browser's: it removes it
 * from `location.hash` where it supports text fragments, and a browser that does not
 * leaves it there, to be cut off here like a tail.
 */
import { HIGHLIGHT_PARAM } from '../../core/landing-link';

export interface Arrival {
  /** The block's id, or '' when the address names none. */
  id: string;
  /** The words to highlight (`hl`), if the address has them. */
  highlight: string | null;
  /** Whether the fragment carried more than the id (a tail the browser could not land on). */
  dirty: boolean;
}

/** `hash` and `search` as `location` gives them (`#…`, `?…`, or empty). */
export function parseArrival(hash: string, search: string): Arrival {
  const fragment = hash.replace(/^#/, '');
  const directive = fragment.indexOf(':~:');
  const beforeDirective = directive < 0 ? fragment : fragment.slice(0, directive);
  const tailAt = beforeDirective.search(/[&?]/);
  const rawId = tailAt < 0 ? beforeDirective : beforeDirective.slice(0, tailAt);
  const tail = tailAt < 0 ? '' : beforeDirective.slice(tailAt + 1);
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = ''; // a malformed escape in a hand-typed address: nothing to land on
  }
  const highlight = new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? new URLSearchParams(tail).get(HIGHLIGHT_PARAM);
  return { id, highlight, dirty: rawId !== fragment };
}
