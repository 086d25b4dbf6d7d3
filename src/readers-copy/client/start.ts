/**
 * The reader's own copy on a page of the essay: shows the kept 划线, offers 「划线」 for a
 * selection, keeps the place read as the reader scrolls and offers 「继续阅读」 to it on the next
 * visit, marks the sections read in the contents, and shows 「我的划线」 once a 划线 exists. The
 * list, the 划线's menu, notes and the exports load when first asked for (./panel.ts).
 *
 * Loaded by ./first-step.ts: at once when something is kept, else with the first scroll or selection.
 */
import './styles';
import t from 'virtual:client-strings/readersCopy';
import { fill } from '../../core/fill';
import { readStored, writeStored } from '../../core/client/storage';
import { blockInView, hasScrolled } from '../../core/client/reading-position';
import { textOffset } from '../../core/client/mark-words';
import { addSelectionAction, hideSelectionActions, selectedRange } from '../../core/client/selection-actions';
import { setTypeset } from '../../core/client/typeset';
import { addMark, newId, type Mark } from '../marks';
import { PLACE_FORMAT, isPlace, type Place } from '../place';
import { blockOf, edition, load, onChange, positions, render, save, saved, say, storageResult } from './state';

const panel = () => import('./panel');

/* 划线 ------------------------------------------------------------------------------------ */

const highlightButton = Object.assign(document.createElement('button'), { type: 'button', className: 'quote-button' });
setTypeset(highlightButton, t.highlight);
highlightButton.dataset.quoteAction = 'highlight';

function blockText(block: HTMLElement): string {
  return block.textContent ?? '';
}

/** The part of `range` in `block`, as offsets in its text, without white space at its ends. */
function spanIn(range: Range, block: HTMLElement): { start: number; end: number } | null {
  const text = blockText(block);
  const inBlock = document.createRange();
  inBlock.selectNodeContents(block);
  let start = 0;
  let end = text.length;
  if (range.compareBoundaryPoints(Range.START_TO_START, inBlock) > 0) start = textOffset(block, range.startContainer, range.startOffset);
  if (range.compareBoundaryPoints(Range.END_TO_END, inBlock) < 0) end = textOffset(block, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

function makeHighlight(range: Range, blocks: HTMLElement[]) {
  const group = blocks.length > 1 ? newId() : undefined;
  let marks = saved.marks;
  const now = Date.now();
  for (const block of blocks) {
    const span = spanIn(range, block);
    if (!span) continue;
    // Each block is its own: a block's merge looks only at its own 划线, anchored on this page.
    marks = addMark(marks, blockText(block), block.id, edition, span.start, span.end, { id: newId(), now, group }, positions);
  }
  const kept = save(marks);
  getSelection()?.removeAllRanges();
  hideSelectionActions();
  // When storage failed, its message stays (told once a visit).
  if (kept) say(t.saved);
}

highlightButton.addEventListener('click', () => {
  const range = selectedRange();
  if (!range) return;
  const blocks = Array.from(document.querySelectorAll<HTMLElement>('.essay :is(.prose p[id], .section-heading)')).filter((block) => range.intersectsNode(block) && spanIn(range, block));
  if (blocks.length) makeHighlight(range, blocks);
});

/** A click on marked words opens their menu. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = (document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function markAt(event: MouseEvent): Mark | undefined {
  if (!getSelection()?.isCollapsed) return undefined;
  if ((event.target as Element).closest('a, button, input, textarea')) return undefined;
  const caret = caretAt(event.clientX, event.clientY);
  const element = caret && (caret.node instanceof Element ? caret.node : caret.node.parentElement);
  const block = element?.closest<HTMLElement>('.essay :is(.prose p[id], .section-heading)');
  if (!caret || !block) return undefined;
  const offset = textOffset(block, caret.node, caret.offset);
  return saved.marks.find((mark) => {
    const at = mark.block === block.id && positions.get(mark.id);
    return at && at.start <= offset && offset <= at.end && (offset < at.end || at.end > at.start);
  });
}

document.querySelector('.essay')?.addEventListener('click', (event) => {
  const mark = markAt(event as MouseEvent);
  if (mark) void panel().then((code) => code.openMenu(mark.id, event.target as HTMLElement));
});

/* 我的划线 ------------------------------------------------------------------------------------ */

const listButton = Object.assign(document.createElement('button'), { type: 'button', className: 'my-highlights-button', hidden: true });
listButton.setAttribute('aria-haspopup', 'dialog');
listButton.addEventListener('click', () => void panel().then((code) => code.openList(listButton)));
document.body.append(listButton);

function showListButton() {
  const count = saved.marks.length + saved.unreadable.length;
  listButton.hidden = count === 0;
  if (count) setTypeset(listButton, fill(t.myHighlightsCount, { count: String(count) }));
}
onChange(showListButton);

/* 继续阅读 ------------------------------------------------------------------------------------ */

function headerBottom(): number {
  return document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
}

function sectionOf(block: Element): string {
  return block.closest('.essay-section')?.querySelector('.section-heading')?.id ?? '';
}

function storedPlace(): Place | undefined {
  const read = readStored(PLACE_FORMAT);
  return read.kind === 'ok' && isPlace(read.data) ? read.data : undefined;
}

let place = storedPlace();

/** Sections on this page whose last paragraph the screen has reached. */
function sectionsRead(): string[] {
  return Array.from(document.querySelectorAll('.essay .essay-section'), (section) => {
    const paragraphs = section.querySelectorAll('.prose p[id]');
    const last = paragraphs[paragraphs.length - 1];
    return last && last.getBoundingClientRect().bottom <= innerHeight ? sectionOf(last) : '';
  }).filter(Boolean);
}

function record() {
  if (!hasScrolled()) return;
  const block = blockInView();
  if (!block || !block.id) return;
  const rect = block.getBoundingClientRect();
  const within = Math.min(1, Math.max(0, rect.height ? (headerBottom() - rect.top) / rect.height : 0));
  const read = [...new Set([...(place?.read ?? []), ...sectionsRead()])];
  const hasNext = document.querySelector('.section-nav a[rel="next"]');
  const note = document.querySelector('.author-note');
  const lastSection = document.querySelector('.essay .essay-section:last-of-type .section-heading')?.id;
  const finished = (place?.finished ?? false) || (!hasNext && !!lastSection && read.includes(lastSection) && !!note && note.getBoundingClientRect().top < innerHeight);
  place = { block: block.id, within, edition, path: location.pathname, section: sectionOf(block), at: Date.now(), read, finished };
  storageResult(writeStored(PLACE_FORMAT, place));
  markRead();
}

let recordTimer: ReturnType<typeof setTimeout> | undefined;
addEventListener(
  'scroll',
  () => {
    clearTimeout(recordTimer);
    recordTimer = setTimeout(record, 300);
  },
  { passive: true },
);
// The scroll that loaded this code (./first-step.ts) is kept too.
recordTimer = setTimeout(record, 300);

/** The contents (on the full essay) mark the sections read. */
function markRead() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) {
    const read = place?.read.includes(decodeURIComponent(link.hash.slice(1))) ?? false;
    const label = link.querySelector('.toc-read');
    if (read && !label) {
      const span = Object.assign(document.createElement('span'), { className: 'toc-read' });
      setTypeset(span, t.read);
      link.append(span);
    }
  }
}

function goTo(target: Place) {
  const block = blockOf(target.block);
  if (!block) {
    // This edition's home is the header's title link (core/urls.ts would be one more file on /search/'s first view).
    const home = document.querySelector<HTMLAnchorElement>('.site-title')?.pathname ?? '/';
    location.assign(`${home}${target.section ? `${target.section}/` : ''}#${encodeURIComponent(target.block)}`);
    return;
  }
  const rect = block.getBoundingClientRect();
  scrollTo({ top: scrollY + rect.top + target.within * rect.height - headerBottom(), behavior: 'instant' });
  // Where a screen reader and the keyboard go on from.
  if (!block.hasAttribute('tabindex')) block.tabIndex = -1;
  block.focus({ preventScroll: true });
}

function offer(target: Place) {
  const bar = Object.assign(document.createElement('div'), { className: 'continue-bar' });
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t.continueReading);
  const go = Object.assign(document.createElement('button'), { type: 'button', className: 'continue-go' });
  const heading = target.section && document.getElementById(target.section);
  const section = heading ? (heading.textContent ?? '').trim() : '';
  setTypeset(go, section ? fill(t.continueReadingAt, { section }) : t.continueReading);
  const close = Object.assign(document.createElement('button'), { type: 'button', className: 'continue-close' });
  close.setAttribute('aria-label', t.dismiss);
  close.textContent = '\u00D7';
  bar.append(go, close);
  document.body.append(bar);
  const shownAt = performance.now();
  let baseline = scrollY;
  const remove = () => {
    bar.remove();
    removeEventListener('scroll', onScroll);
  };
  // Goes away when the reader scrolls on (after the browser's own restoring of the scroll position).
  const onScroll = () => {
    if (performance.now() - shownAt < 1200) baseline = scrollY;
    else if (Math.abs(scrollY - baseline) > innerHeight / 2) remove();
  };
  addEventListener('scroll', onScroll, { passive: true });
  go.addEventListener('click', () => {
    remove();
    goTo(target);
  });
  close.addEventListener('click', remove);
}

/* Start ------------------------------------------------------------------------------------ */

export function start(arriving: boolean): void {
  load();
  render();
  addSelectionAction({ button: highlightButton, accepts: (_range, blocks) => blocks.length > 0, order: 2 });
  markRead();
  const offered = place;
  if (offered && !arriving && !(offered.within === 0 && offered.block === document.querySelector('.essay :is(p, h1, h2)[id]')?.id)) offer(offered);
}
