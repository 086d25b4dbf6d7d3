/**
 * The search field's behaviour: results as you type, keyboard use, announced
 * counts. Used by the header field on every page (`popup`) and by /search/
 * (`page`, whose URL follows the query). This module and the engine's code load
 * together when a field is first used (src/search/client/loader.ts); Pagefind and
 * the fold table when the field is focused or typed in.
 *
 * One file of about 280 lines: it is one class, the search box's state (query, pages of
 * results, status, panel), and it loads as one lazy chunk with the engine.
 */
import t from 'virtual:client-strings/search';
import { fill } from '../../core/fill';
import { setTypeset } from '../../core/client/typeset';
import { trackComposition, type Composition } from '../../core/client/composition';
import { MAX_QUERY_LENGTH, cutQuery } from '../query-length';
import { prepare, search, type SearchHit, type SearchOutcome } from './engine';
import { showUnavailable } from './unavailable';
import './styles';
import { foundStatus, renderHit } from './render';

const DEBOUNCE_MS = 120;
const SLOW_SEARCH_MS = 200;

type Mode = 'popup' | 'page';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class SearchBox {
  private readonly input: HTMLInputElement;
  private readonly form: HTMLFormElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLOListElement;
  /** This edition's search bundle, full essay and search page. */
  private readonly bundle: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;
  /** ArrowDown was pressed while a search was on its way: its first result takes the focus. */
  private focusFirstResult = false;
  /** Page mode: the URL of the query the current history entry stands for (as opened, or as submitted). */
  private committedUrl = location.href;
  /** The field's input method: letters being composed are not searched (src/core/client/composition.ts). */
  private readonly composition: Composition;

  private readonly root: HTMLElement;
  private readonly mode: Mode;

  constructor(root: HTMLElement, mode: Mode) {
    this.root = root;
    this.mode = mode;
    this.form = root.querySelector('form')!;
    this.input = root.querySelector('input[type="search"]')!;
    this.panel = root.querySelector('.search-panel')!;
    this.status = root.querySelector('.search-status')!;
    this.results = root.querySelector('[data-search-results]')!;
    this.bundle = root.dataset.searchBundle!;

    this.input.addEventListener('focus', () => {
      this.headStart();
      // Back to what the panel showed; nothing yet when this code has just loaded (an input method's
      // letters, typed while it loaded, may still be composed: they are not searched).
      if (this.mode === 'popup' && this.input.value.trim() && this.status.textContent) this.showPanel(true);
    });
    this.composition = trackComposition(this.input, () => this.scheduleSearch());
    this.input.addEventListener('keydown', (event) => this.onInputKey(event));
    this.results.addEventListener('keydown', (event) => this.onResultsKey(event));
    this.form.addEventListener('submit', (event) => this.onSubmit(event));
    if (this.mode === 'popup') {
      document.addEventListener('pointerdown', (event) => {
        if (!this.root.contains(event.target as Node)) this.showPanel(false);
      });
      this.root.addEventListener('focusout', (event) => {
        if (!this.root.contains(event.relatedTarget as Node | null)) this.showPanel(false);
      });
    } else {
      this.root.hidden = false;
      window.addEventListener('popstate', () => this.fromUrl());
      this.fromUrl();
    }
  }

  /**
   * The engine starts loading when a field is focused, and each keystroke loads the index
   * for its query, so both happen while the reader types, not after the pause that starts the
   * search (as Pagefind's own debouncedSearch does). Only a head start: a failure (offline,
   * say) is the search's to report.
   */
  private headStart(query = '') {
    prepare(query, this.bundle).catch(() => undefined);
  }

  private fromUrl() {
    this.committedUrl = location.href;
    this.input.value = new URLSearchParams(location.search).get('q') ?? '';
    void this.run(this.input.value);
  }

  private scheduleSearch() {
    this.headStart(this.input.value);
    this.focusFirstResult = false;
    this.cancelTimer();
    if (this.mode === 'page') this.updateUrl('replace');
    this.timer = setTimeout(() => this.searchAfterPause(), DEBOUNCE_MS);
  }

  /**
   * The pause is over, but a composition began in it: its letters are not searched; the search
   * waits for its end. A committed composition schedules a search of its own (which replaces this
   * one); a cancelled one leaves the value this was for, searched within a pause of the end.
   */
  private searchAfterPause() {
    if (this.composition.composing) {
      this.timer = setTimeout(() => this.searchAfterPause(), DEBOUNCE_MS);
      return;
    }
    this.timer = undefined;
    void this.run(this.input.value);
  }

  private cancelTimer() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A search is waiting for the typing pause, or running: the results shown are about to go. */
  private pending(): boolean {
    return this.timer !== undefined || this.results.getAttribute('aria-busy') === 'true';
  }

  /**
   * While typing, the current entry's URL follows the query (replaced); Enter makes the
   * query an entry of its own, after the entry of the query before it, so Back returns there.
   */
  private updateUrl(how: 'push' | 'replace') {
    const url = new URL(location.href);
    // The URL holds what is searched for: a 10,000-character paste would make it too long for servers.
    const query = cutQuery(this.input.value).query;
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (how === 'replace') {
      if (url.href !== location.href) history.replaceState(null, '', url);
      return;
    }
    if (url.href === this.committedUrl) return;
    if (location.href !== this.committedUrl) history.replaceState(null, '', this.committedUrl);
    history.pushState(null, '', url);
    this.committedUrl = url.href;
  }

  private onSubmit(event: SubmitEvent) {
    if (this.composition.busy) {
      // Enter that picks the input method's candidate commits letters, not the search.
      event.preventDefault();
      return;
    }
    if (this.mode === 'popup') {
      // The form goes to /search/?q=…, which works without scripts too; only the start of a long query.
      this.input.value = cutQuery(this.input.value).query;
      return;
    }
    event.preventDefault();
    this.cancelTimer();
    this.updateUrl('push');
    void this.run(this.input.value);
  }

  private showPanel(show: boolean) {
    if (this.mode === 'popup') this.panel.hidden = !show;
  }

  private links(): HTMLAnchorElement[] {
    return Array.from(this.results.querySelectorAll<HTMLAnchorElement>('.search-result-link'));
  }

  private onInputKey(event: KeyboardEvent) {
    // Enter, Escape and the arrows while composing choose, commit or cancel the input method's candidates.
    if (this.composition.owns(event)) {
      // Nor does a search field's own Escape (it empties the field) apply: the reader cancelled letters, not the query.
      if (event.key === 'Escape') event.preventDefault();
      return;
    }
    if (event.key === 'ArrowDown' && this.pending()) {
      // Not into results that the search on its way will replace (the focus would be lost with them).
      event.preventDefault();
      this.focusFirstResult = true;
    } else if (event.key === 'ArrowDown' && this.links().length) {
      event.preventDefault();
      this.showPanel(true);
      this.links()[0]!.focus();
    } else if (event.key === 'Escape' && this.mode === 'popup') {
      this.focusFirstResult = false;
      this.showPanel(false);
    }
  }

  private onResultsKey(event: KeyboardEvent) {
    const links = this.links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) this.input.focus();
      else links[Math.min(next, links.length - 1)]!.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.input.focus();
      this.showPanel(false);
    }
  }

  private async run(query: string) {
    const ticket = ++this.latest;
    // User Timing marks, read by `npm run bench` and visible in the browser's performance panel.
    performance.mark('search-start');
    this.results.setAttribute('aria-busy', 'true');
    // Only a slow search (the first, while the engine loads) says so: a message on every keystroke would be noise.
    const slow = setTimeout(() => {
      if (ticket === this.latest) setTypeset(this.status, t.searching);
    }, SLOW_SEARCH_MS);
    let outcome: SearchOutcome | Error;
    try {
      outcome = await search(query, this.bundle);
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error));
    }
    clearTimeout(slow);
    if (ticket !== this.latest) return; // a newer query is on its way
    this.render(outcome);
    this.results.setAttribute('aria-busy', 'false');
    performance.measure('search', 'search-start');
  }

  /**
   * Where the focus was on a result, or was asked for while the search ran, it goes to the new
   * first result (or back to the field, if there is none) instead of being lost with the old list.
   */
  private render(outcome: SearchOutcome | Error) {
    const more = this.root.querySelector('.search-more');
    // Asked for only while the reader stays in the field: not once they have gone elsewhere.
    const asked = this.focusFirstResult && document.activeElement === this.input;
    const refocus = asked || this.results.contains(document.activeElement) || (more !== null && more === document.activeElement);
    this.focusFirstResult = false;
    this.draw(outcome);
    if (refocus) (this.links()[0] ?? this.input).focus();
  }

  private draw(outcome: SearchOutcome | Error) {
    this.results.replaceChildren();
    this.root.querySelector('.search-more')?.remove();
    this.status.replaceChildren();

    if (outcome instanceof Error) {
      showUnavailable(this.root);
      this.showPanel(true);
      return;
    }
    if (outcome.status === 'empty') {
      setTypeset(this.status, this.mode === 'page' ? t.hint : '');
      this.showPanel(false);
      return;
    }
    this.showPanel(true);
    if (outcome.status === 'no-words') {
      setTypeset(this.status, t.noWords);
      return;
    }

    const messages: string[] = [];
    if (outcome.truncated) messages.push(fill(t.truncated, { max: MAX_QUERY_LENGTH }));
    if (outcome.hits.length === 0) {
      messages.push(fill(t.noResults, { query: outcome.query }), t.suggestion);
      setTypeset(this.status, messages.join(''));
      this.status.append(this.suggestionLinks());
      return;
    }
    messages.push(outcome.kind === 'found' ? foundStatus(outcome) : t.foundPartial);
    setTypeset(this.status, messages.join(''));
    this.results.append(...outcome.hits.map(renderHit));
    this.showMore(outcome);
  }

  /**
   * 更多: the next page of results, appended, with focus on its first link (a reader using the
   * keyboard goes on where the new results start). Gone when nothing is left.
   */
  private showMore(outcome: Extract<SearchOutcome, { status: 'results' }>) {
    this.root.querySelector('.search-more')?.remove();
    const left = outcome.remaining();
    if (left === 0) return;
    const button = element('button', 'search-more');
    setTypeset(button, outcome.kind === 'found' ? fill(t.more, { count: left }) : t.morePartial);
    button.type = 'button';
    const ticket = this.latest;
    button.addEventListener('click', async () => {
      button.disabled = true;
      let hits: SearchHit[];
      try {
        hits = await outcome.more();
      } catch {
        button.disabled = false;
        return;
      }
      if (ticket !== this.latest) return; // a newer search replaced these results
      const items = hits.map(renderHit);
      this.results.append(...items);
      items[0]?.querySelector('a')?.focus();
      this.showMore(outcome);
    });
    this.results.after(button);
  }

  private suggestionLinks(): HTMLElement {
    const list = element('span', 'search-suggestions');
    for (const word of t.suggestions) {
      const link = element('a', undefined, word);
      link.href = `${this.form.action}?q=${encodeURIComponent(word)}`;
      list.append(' ', link);
    }
    return list;
  }
}

/** Mounts every search field of the page (called by src/search/client/loader.ts). */
export function mountSearchBoxes() {
  for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) {
    new SearchBox(root, root.dataset.search === 'page' ? 'page' : 'popup');
  }
}
