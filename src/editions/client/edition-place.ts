/**
 * The edition switch keeps the reader's place: the same line at the same height, and the words
 * that were marked (a search result's, or a quote link's) marked again, in the other script.
 *
 * The Traditional text is the Simplified one character for one (src/core/traditional-script.ts),
 * so a place is a block and a character offset within it, which hold in both editions without
 * converting anything (the browser has no OpenCC). Offsets count the characters of the text nodes
 * from the block's start, white space left out, as the landing script finds words.
 *
 * The link itself (copied, middle-clicked, or without this script) goes to the block being read,
 * and on /search/ to the same query. A plain click goes to `?place=block.offset.top.right` (and
 * `&mark=block.offset.length`): not a `#block`, which the browser would mark as a link arrival
 * (:target) and scroll to the block's start. On arrival this script sets the line where it was,
 * marks the words, and writes the plain `#block` in the address, which marks nothing.
 */
import { blockInView, hasScrolled } from '../../core/client/reading-position';

const BLOCKS = 'main :is(p, h1, h2, h3)[id]';
const MARK_NAME = 'search-landing'; // the landing script's: the same look (src/essay/essay.css)

interface Unit {
  node: Text;
  offset: number;
}

/** `block`'s characters, white space left out; `across`: on to the end of main (marked words may run into the next block), up to `limit`. */
function units(block: Element, across = false, limit = Infinity): Unit[] {
  const walker = document.createTreeWalker(block.closest('main') ?? document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = block;
  const found: Unit[] = [];
  for (let node = walker.nextNode() as Text | null; node && found.length < limit; node = walker.nextNode() as Text | null) {
    if (!across && !block.contains(node)) break;
    for (let i = 0; i < node.data.length && found.length < limit; i++) if (!/\s/.test(node.data[i]!)) found.push({ node, offset: i });
  }
  return found;
}

function unitRect({ node, offset }: Unit): DOMRect {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  return range.getBoundingClientRect();
}

const isVertical = () => getComputedStyle(document.querySelector('.essay') ?? document.body).writingMode.startsWith('vertical');

/** The first character wholly on screen, below the header (horizontal) or within the essay's scroller (vertical). */
function placeOnScreen(): { block: HTMLElement; offset: number; rect: DOMRect } | undefined {
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const scroller = document.querySelector('.essay')!.getBoundingClientRect();
  const vertical = isVertical();
  const visible = (rect: DOMRect) => (vertical ? rect.right <= Math.min(innerWidth, scroller.right) + 0.5 : rect.top >= header - 0.5);
  for (const block of document.querySelectorAll<HTMLElement>(BLOCKS)) {
    const chars = units(block);
    if (chars.length === 0 || !visible(unitRect(chars.at(-1)!))) continue;
    // In reading order each character is at or past the one before, so the first visible one is found by halving.
    let low = 0;
    let high = chars.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (visible(unitRect(chars[middle]!))) high = middle;
      else low = middle + 1;
    }
    return { block, offset: low, rect: unitRect(chars[low]!) };
  }
  return undefined;
}

/** The words marked on arrival (the landing script's highlight, or a quote link's text), as a range. */
function markedRange(): Range | undefined {
  const highlight = 'highlights' in CSS ? CSS.highlights.get(MARK_NAME) : undefined;
  for (const range of highlight ?? []) if (range instanceof Range) return range;
  const mark = document.querySelector('mark.landing-mark');
  if (mark) {
    const range = document.createRange();
    range.selectNodeContents(mark);
    return range;
  }
  return quoteRange();
}

/**
 * A quote link's text (`#block:~:text=…`), which the browser marked: the browser hides the
 * directive from `location`, but not from the navigation's entry (Chromium). Found in the text
 * from its block on, as the browser finds it: the start (after its prefix), then the end.
 */
function quoteRange(): Range | undefined {
  const address = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? '';
  const [fragment, directive] = (location.hash.includes(':~:') ? location.href : address).split(':~:text=');
  if (!directive || !fragment!.endsWith(location.hash.split(':~:')[0]!)) return undefined;
  const parts = directive.split('&')[0]!.split(',').map((part) => decodeURIComponent(part).replace(/\s+/g, ''));
  const prefix = parts[0]!.endsWith('-') ? parts.shift()!.slice(0, -1) : '';
  if (parts.at(-1)?.startsWith('-')) parts.pop();
  const [start, end] = parts;
  const block = document.getElementById(decodeURIComponent(fragment!.split('#')[1] ?? ''));
  if (!block || !start) return undefined;
  const chars = units(block, true, 20_000);
  const text = chars.map(({ node, offset }) => node.data[offset]).join('');
  const at = text.indexOf(prefix + start);
  if (at < 0) return undefined;
  const from = at + prefix.length;
  const to = end ? text.indexOf(end, from + start.length) + end.length : from + start.length;
  if (to <= from) return undefined;
  const range = document.createRange();
  range.setStart(chars[from]!.node, chars[from]!.offset);
  range.setEnd(chars[to - 1]!.node, chars[to - 1]!.offset + 1);
  return range;
}

/** A range as a block, an offset from its start and a length, in characters without white space. */
function rangePlace(range: Range): string | undefined {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const block = start?.closest<HTMLElement>(BLOCKS);
  if (!block) return undefined;
  const chars = units(block, true, 20_000);
  const first = chars.findIndex(({ node, offset }) => range.comparePoint(node, offset) >= 0);
  let last = first;
  // A character is in the range if its end is (its start may be the range's end).
  while (last + 1 < chars.length && range.comparePoint(chars[last + 1]!.node, chars[last + 1]!.offset + 1) === 0) last++;
  return first < 0 ? undefined : `${block.id}.${first}.${last - first + 1}`;
}

function counterpart(switchLink: HTMLAnchorElement): URL {
  const url = new URL(switchLink.href);
  url.search = document.querySelector('.essay') ? '' : location.search;
  url.hash = '';
  return url;
}

/** The link's address: the block being read (for a middle-click, a copy, or a script that failed). */
export function placeHere(switchLink: HTMLAnchorElement) {
  const url = counterpart(switchLink);
  const block = hasScrolled() ? (placeOnScreen()?.block ?? blockInView()) : undefined;
  url.hash = block ? `#${block.id}` : '';
  switchLink.href = url.href;
}

/** A plain click: to the other edition with the exact place and the marked words, for `arrive` to restore. */
export function switchHere(switchLink: HTMLAnchorElement) {
  placeHere(switchLink);
  const place = hasScrolled() && document.querySelector('.essay') ? placeOnScreen() : undefined;
  const marked = markedRange();
  const url = place || marked ? counterpart(switchLink) : new URL(switchLink.href);
  if (place) url.searchParams.set('place', `${place.block.id}.${place.offset}.${Math.round(place.rect.top)}.${Math.round(place.rect.right)}`);
  const mark = marked && rangePlace(marked);
  if (mark) url.searchParams.set('mark', mark);
  location.assign(url.href);
}

function mark(range: Range) {
  if ('highlights' in CSS) CSS.highlights.set(MARK_NAME, new Highlight(range));
  else {
    try {
      range.surroundContents(Object.assign(document.createElement('mark'), { className: 'landing-mark' }));
    } catch {
      /* across elements in an engine without highlights: left unmarked rather than broken */
    }
  }
}

/** Arriving from the switch: the line where it was, the words marked, and the address a plain link would give. */
export function arrive() {
  const params = new URLSearchParams(location.search);
  const [placeId, placeOffset, top, right] = (params.get('place') ?? '').split('.');
  const [markId, markOffset, markLength] = (params.get('mark') ?? '').split('.');
  if (!params.has('place') && !params.has('mark')) return;
  const markBlock = markId ? document.getElementById(markId) : null;
  if (markBlock) {
    const chars = units(markBlock, true, Number(markOffset) + Number(markLength));
    const first = chars[Number(markOffset)];
    const last = chars[Number(markOffset) + Number(markLength) - 1];
    if (first && last) {
      const range = document.createRange();
      range.setStart(first.node, first.offset);
      range.setEnd(last.node, last.offset + 1);
      mark(range);
      if (!params.has('place')) range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  }
  const block = placeId ? document.getElementById(placeId) : null;
  const char = block && units(block)[Number(placeOffset)];
  if (char) {
    const rect = unitRect(char);
    document.querySelector('.essay')!.scrollLeft += rect.right - Number(right);
    scrollBy({ top: unitRect(char).top - Number(top), behavior: 'instant' });
  }
  // The address as the switch's link gives it: no place or mark (a reload or a copy starts plain).
  // Once the page has loaded: Chromium scrolls to an address's fragment until then (to the block's start).
  const address = new URL(location.href);
  address.searchParams.delete('place');
  address.searchParams.delete('mark');
  address.hash = block ? `#${block.id}` : markBlock ? `#${markBlock.id}` : '';
  const plainAddress = () => history.replaceState(history.state, '', address.href);
  if (document.readyState === 'complete') plainAddress();
  else addEventListener('load', plainAddress, { once: true });
}
