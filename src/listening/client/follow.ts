/**
 * The page following the voice: the sentence being said is highlighted (core/client/mark-words.ts:
 * the Highlight API where the engine has it, else a <mark> that adds no character) and kept in
 * view, scrolled to when it would leave the screen. A reader who scrolls away is left there:
 * `onAway` is told, and listening offers 「回到朗读处」, until the sentence is in view again.
 */
import { clearMarks, markWords, rangeOf } from '../../core/client/mark-words';
import type { Item } from './script';

const NAME = 'listening';

export interface Follower {
  /** Highlights an item's words and, while following, scrolls them into view. */
  show(item: Item): void;
  /** Scrolls back to the item being read and follows again. */
  back(): void;
  clear(): void;
}

/** The part of the window the text is read in: below the sticky header, above the player. */
function readingArea(player: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const bottom = player.isConnected ? player.getBoundingClientRect().top : innerHeight;
  return { top: Math.max(0, header), bottom, left: 0, right: innerWidth };
}

export function follower(player: HTMLElement, onAway: (away: boolean) => void): Follower {
  let current: Item | null = null;
  let following = true;
  let ownScrollUntil = 0;
  const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

  const rect = () => {
    if (!current?.element) return null;
    const range = rangeOf({ element: current.element, start: current.start, end: current.end });
    const box = range?.getBoundingClientRect();
    return box && (box.width || box.height) ? box : current.element.getBoundingClientRect();
  };

  const inView = () => {
    const box = rect();
    if (!box) return true; // beyond the page: nothing to come back to
    const area = readingArea(player);
    return box.bottom > area.top && box.top < area.bottom && box.right > area.left && box.left < area.right;
  };

  const bringIntoView = (always: boolean) => {
    const box = rect();
    if (!box || !current?.element) return;
    const area = readingArea(player);
    ownScrollUntil = performance.now() + 900;
    if (document.documentElement.dataset.writing === 'vertical') {
      // The essay scrolls sideways in vertical layout: the sentence's block is brought into its view.
      if (always || box.left < area.left || box.right > area.right) current.element.scrollIntoView({ behavior: smooth(), inline: 'center', block: 'nearest' });
      return;
    }
    // The sentence a third of the way down the reading area, when it is out of its comfortable part.
    const height = area.bottom - area.top;
    if (always || box.top < area.top || box.bottom > area.top + height * 0.8) {
      // To a place, not by a distance: WebKit adds a smooth scrollBy to where a smooth scroll still
      // under way will end, so sentences said in quick succession scrolled past the one being said.
      window.scrollTo({ top: scrollY + box.top - (area.top + height / 3), behavior: smooth() });
    }
  };

  let pending = false;
  let later: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    pending = false;
    if (!current) return;
    const wait = ownScrollUntil - performance.now();
    // Our own smooth scroll is still under way: looked at again when it has ended.
    if (wait > 0) {
      clearTimeout(later);
      later = setTimeout(check, wait + 50);
      return;
    }
    const visible = inView();
    if (visible !== following) {
      following = visible;
      onAway(!visible);
    }
  };
  const onScroll = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(check);
  };
  addEventListener('scroll', onScroll, { passive: true });
  document.querySelector('.essay')?.addEventListener('scroll', onScroll, { passive: true });

  return {
    show(item) {
      current = item;
      if (item.element) markWords(NAME, [{ element: item.element, start: item.start, end: item.end }]);
      else clearMarks(NAME);
      if (following) bringIntoView(false);
    },
    back() {
      following = true;
      onAway(false);
      bringIntoView(true);
    },
    clear() {
      current = null;
      clearTimeout(later);
      following = true;
      clearMarks(NAME);
      removeEventListener('scroll', onScroll);
      document.querySelector('.essay')?.removeEventListener('scroll', onScroll);
    },
  };
}
