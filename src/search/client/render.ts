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
 * `text` typeset with [start, end) in one `<mark>` (its spaces between Han and Latin highlighted
 * with it, no edge of a mark between runs): a run the match starts or ends inside (the middle of
 * a Latin word) is split there into two elements of its classes, the space before it kept on the
 * first and the space after it on the last.
 */
export function highlightedNodes(text: string, start: number, end: number): Node[] {
  const out: Node[] = [];
  let mark: HTMLElement | undefined;
  let offset = 0;
  // Highlighted, so that no run's digits are cells of their own (those are for vertical text).
  for (const node of typesetNodes(text, { highlight: { start, end } })) {
    const content = node.textContent!;
    const at = offset;
    offset += content.length;
    const cuts = [at, Math.min(Math.max(start, at), offset), Math.min(Math.max(end, at), offset), offset];
    const pieces = [0, 1, 2].filter((i) => cuts[i + 1]! > cuts[i]!);
    for (const i of pieces) {
      const piece = content.slice(cuts[i]! - at, cuts[i + 1]! - at);
      let made: Node = document.createTextNode(piece);
      if (node instanceof HTMLElement && node.localName !== 'mark') {
        const run = document.createElement(node.localName);
        run.className = node.className;
        if (i !== pieces[0]) run.classList.remove('space-before');
        if (i !== pieces.at(-1)) run.classList.remove('space-after');
        run.textContent = piece;
        made = run;
      }
      if (i !== 1) {
        mark = undefined;
        out.push(made);
        continue;
      }
      if (!mark) out.push((mark = document.createElement('mark')));
      mark.append(made);
    }
  }
  return out;
}

/** A result: its section's title, then the excerpt with its cuts (…), the match marked. */
export function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = hit.href;
  // Broken between phrases only, as the page's titles are (the `.phrases` rule of global.css).
  const title = element('span', 'search-result-title phrases');
  setTypeset(title, hit.title, { breaks: hit.titleBreaks });
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
