/**
 * What the search shows, set as the pages set the same words (src/core/client/typeset.ts): a
 * result's section title and excerpt, and the status's counts. The record's text is the page's
 * text after the character rules (src/search/build/search-index.ts reads it from the built
 * pages), so only the runs are added here, and no character changes.
 */
import t from 'virtual:client-strings/search';
import { fill } from '../../core/fill';
import { setTypeset, typesetNodes } from '../../core/client/typeset';
import type { SearchHit, SearchOutcome } from './engine';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/**
 * `text` typeset with [start, end) in one `<mark>` around the runs it covers whole (its spaces
 * between Han and Latin highlighted with them, and no padding of a mark between runs); only a run
 * the match starts or ends inside (the middle of a Latin word) holds a `<mark>` of its own part.
 */
export function highlightedNodes(text: string, start: number, end: number): Node[] {
  const nodes = typesetNodes(text, { start, end });
  const out: Node[] = [];
  let mark: HTMLElement | undefined;
  let offset = 0;
  for (const node of nodes) {
    const length = node.textContent!.length;
    const inside = offset >= start && offset + length <= end && length > 0;
    offset += length;
    if (!inside) {
      mark = undefined;
      out.push(node);
      continue;
    }
    // Wholly marked: a <mark> of a plain run, or a run's element whose text is one <mark>.
    const whole = node instanceof Element && node.localName === 'mark' ? document.createTextNode(node.textContent!) : node;
    if (whole instanceof Element && whole.firstChild instanceof Element && whole.firstChild.localName === 'mark') {
      whole.firstChild.replaceWith(...whole.firstChild.childNodes);
    }
    if (!mark) out.push((mark = document.createElement('mark')));
    mark.append(whole);
  }
  return out;
}

/** A result: its section's title, then the excerpt with its cuts (…), the match marked. */
export function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = hit.href;
  const title = element('span', 'search-result-title');
  setTypeset(title, hit.title);
  const excerpt = element('span', 'search-result-excerpt');
  const { before, match, after, cutBefore, cutAfter } = hit.excerpt;
  const start = `${cutBefore ? '\u2026' : ''}${before}`;
  excerpt.append(...highlightedNodes(`${start}${match}${after}${cutAfter ? '\u2026' : ''}`, start.length, start.length + match.length));
  link.append(title, excerpt);
  item.append(link);
  if (hit.kind === 'partial') {
    const kind = element('span', 'search-result-kind');
    setTypeset(kind, t.partialLabel);
    item.append(kind);
  }
  return item;
}

/**
 * How many paragraphs hold the words as typed, and apart from them how many only with other
 * punctuation (src/search/results.ts `counts`), or where that is not known, the letters' count.
 */
export function foundStatus({ count, counts }: Extract<SearchOutcome, { status: 'results' }>): string {
  if (!counts) return fill(t.foundLetters, { count });
  if (counts.exact === 0) return fill(t.foundOnlyOther, { other: counts.other });
  return fill(counts.other ? t.foundWithOther : t.found, { count: counts.exact, other: counts.other });
}
