/**
 * Search, first step, on every page: the keyboard shortcuts (`/`, Ctrl/⌘+K), and
 * the search interface and engine (ui.ts) imported when a field is first used.
 * Events that arrive while it loads are handed to it once mounted.
 */
import { showUnavailable as showMessage } from './unavailable';
import { isImeKey } from '../../core/client/ime-key';

// This script runs, so it is the search, not the page's fallback notice, that tells the reader if
// search cannot load (/search/, src/pages/[...edition]/search.astro).
document.querySelector('[data-search-fallback]')?.remove();

let mounted: Promise<void> | undefined;
let ready = false;

function whenUsed(root: HTMLElement, event: Event) {
  if (ready) return; // the mounted field handles its own events
  if (!mounted) {
    mounted = import('./ui').then(({ mountSearchBoxes }) => {
      mountSearchBoxes();
      ready = true;
    });
    headStart(root);
  }
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  mounted.then(
    () => {
      // A copy of what was typed, with its isComposing (an event is a valid init dictionary of its
      // kind): letters an input method is still composing are not searched (ui.ts follows the
      // composition from here on, src/core/client/composition.ts).
      if (event.type === 'input' || event.type === 'compositionend') input.dispatchEvent(new (event.constructor as typeof Event)(event.type, event));
      else if (document.activeElement === input) input.dispatchEvent(new FocusEvent('focus'));
    },
    () => {
      // The interface itself could not be loaded (offline, blocked): the next use tries again, and
      // a reader who typed is told, as when the engine fails, with the full essay to search in.
      mounted = undefined;
      if (input.value.trim() || root.dataset.search === 'page') showUnavailable(root);
    },
  );
}

/** Work of the first search done while the search code downloads, instead of after. */
function headStart(root: HTMLElement) {
  // Pagefind's script, which the engine imports first, downloads alongside the interface.
  const pagefind = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `${root.dataset.searchBundle}pagefind.js` });
  document.head.append(pagefind);
  // Pagefind segments every query with an Intl.Segmenter for the page's language, and a page's
  // first Chinese word segmenter loads the browser's dictionary: 40–150 ms measured here, which
  // otherwise fall on the first search's path. The browser keeps the dictionary for the page.
  // (A browser without Intl.Segmenter: Pagefind does without it too.)
  if ('Segmenter' in Intl) new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'word' });
}

function showUnavailable(root: HTMLElement) {
  showMessage(root);
  const panel = root.querySelector<HTMLElement>('.search-panel')!;
  root.hidden = false;
  panel.hidden = false;
  if (root.dataset.search !== 'popup') return;
  const close = (event: Event) => {
    if (event instanceof KeyboardEvent ? event.key === 'Escape' && !isImeKey(event) : !root.contains((event as FocusEvent).relatedTarget as Node | null)) {
      panel.hidden = true;
      root.removeEventListener('focusout', close);
      root.removeEventListener('keydown', close);
    }
  };
  root.addEventListener('focusout', close);
  root.addEventListener('keydown', close);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) {
  // The search page starts with the query in its URL; the header's field waits for a reader.
  if (root.dataset.search === 'page') whenUsed(root, new Event('load'));
  for (const type of ['focusin', 'input', 'compositionend'] as const) root.addEventListener(type, (event) => whenUsed(root, event));
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

const shortcutField = document.querySelector<HTMLInputElement>('[data-search-shortcuts] input[type="search"]');
document.addEventListener('keydown', (event) => {
  // Not a key of an input method composing in any field: it is the input method's.
  if (!shortcutField || isImeKey(event)) return;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (slash || commandK) {
    event.preventDefault();
    shortcutField.focus();
    shortcutField.select();
  }
});
