/**
 * Arriving on a block from a link.
 *
 * - From a search result (`?hl=words#block`): highlight the words in or after the
 *   block and bring them into view, below the sticky header.
 * - From a quote link (`#block:~:text=…`) whose text the browser could not match:
 *   Chromium then stays at the top of the page, so go to the block itself.
 *
 * - From a link WeChat rewrote (`#block&from=singlemessage`, `#block?from=…`): the
 *   browser found no element by that name, so go to the block (src/essay/client/arrival.ts).
 *
 * Without this script the anchor alone still lands on the block (not the rewritten forms).
 */
import { parseArrival } from './arrival';
import { markRanges } from '../../core/client/mark-words';

const HIGHLIGHT_NAME = 'search-landing';

/**
 * Ranges over `words` in the text from `start` onward, ignoring white space between blocks: its
 * first place, then every other place within the block that first place starts in (a paragraph
 * may say 软阶层 twice, and both are what the reader searched for).
 */
function findWords(start: Element, words: string): Range[] {
  const wanted = words.replace(/\s+/g, '');
  if (!wanted) return [];
  const scope = start.closest('main') ?? document.body;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  const units: Array<{ node: Text; offset: number }> = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i]!)) continue;
      units.push({ node: node as Text, offset: i });
      text += value[i];
    }
    if (text.length > wanted.length + 4000) break;
  }
  const ranges: Range[] = [];
  let block: Element | null | undefined;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length)) {
    const first = units[at]!;
    const last = units[at + wanted.length - 1]!;
    block ??= start.contains(first.node) ? start : (first.node.parentElement?.closest('[id]') ?? start);
    if (!block.contains(first.node)) break;
    const range = document.createRange();
    range.setStart(first.node, first.offset);
    range.setEnd(last.node, last.offset + 1);
    ranges.push(range);
  }
  return ranges;
}

function inView(rect: DOMRect, header: number): boolean {
  return rect.top >= header && rect.bottom <= innerHeight;
}

function land() {
  const { id, highlight: words, dirty } = parseArrival(location.hash, location.search);
  const block = id ? document.getElementById(id) : null;
  if (!block) return;
  if (dirty && !location.hash.includes(':~:')) {
    // The fragment as the page's own links write it: a same-document navigation, which
    // scrolls to the block below the header (its scroll margin) and marks it (:target), as a
    // plain anchor does, and leaves no entry in the history. The query is kept as it is.
    location.replace(`#${encodeURIComponent(id)}`);
  }
  const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
  const [range, ...others] = words ? findWords(block, words) : [];
  if (range) {
    // The page's one way of marking words (a Highlight, or <mark> in older engines).
    markRanges(HIGHLIGHT_NAME, [range, ...others], 'landing-mark');
    // The first place is the one brought into view.
    const rect = range.getBoundingClientRect();
    if (!inView(rect, header)) scrollTo({ top: scrollY + rect.top - header - (innerHeight - header) / 3, behavior: 'instant' });
    return;
  }
  const rect = block.getBoundingClientRect();
  if (rect.bottom < header || rect.top > innerHeight) block.scrollIntoView({ block: 'start', behavior: 'instant' });
}

land();
