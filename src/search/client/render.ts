/**
 * What the search shows, set as the pages set the same words (src/core/client/typeset.ts): a
 * result's section title and excerpt, and the status's counts. The record's text is the page's
 * text after the character rules (src/search/build/search-index.ts reads it from the built
 * pages), so only the runs are added here, and no character changes.
 */
import t from 'virtual:client-strings/search';
import { fill } from '../../core/fill';
import { setTypeset, typesetNodes, type Highlight } from '../../core/client/typeset';
import type { SearchHit, SearchOutcome } from './engine';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/**
 * `text` typeset with each of `spans` (in order, none overlapping) in one `<mark>` (its spaces
 * between Han and Latin highlighted with it, no edge of a mark between runs): a run a span starts
 * or ends inside (the middle of a Latin word) is split there into elements of its classes, the
 * space before it kept on the first and the space after it on the last.
 */
export function highlightedNodes(text: string, spans: readonly Highlight[]): Node[] {
  const out: Node[] = [];
  let mark: HTMLElement | undefined;
  let markedSpan: Highlight | undefined;
  let offset = 0;
  const edges = spans.flatMap(({ start, end }) => [start, end]);
  // Highlighted, so that no run's digits are cells of their own (those are for vertical text).
  for (const node of typesetNodes(text, { highlight: spans[0] ?? { start: 0, end: 0 } })) {
    const content = node.textContent!;
    const at = offset;
    offset += content.length;
    const cuts = [...new Set([at, ...edges.filter((edge) => edge > at && edge < offset), offset])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i]!, cuts[i + 1]!];
      const piece = content.slice(from - at, to - at);
      let made: Node = document.createTextNode(piece);
      if (node instanceof HTMLElement && node.localName !== 'mark') {
        const run = document.createElement(node.localName);
        run.className = node.className;
        if (i > 0) run.classList.remove('space-before');
        if (i + 2 < cuts.length) run.classList.remove('space-after');
        run.textContent = piece;
        made = run;
      }
      const span = spans.find(({ start, end }) => start <= from && to <= end);
      if (!span) {
        mark = undefined;
        out.push(made);
        continue;
      }
      if (!mark || markedSpan !== span) out.push((mark = document.createElement('mark')));
      markedSpan = span;
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
  const { before, match, after, cutBefore, cutAfter, others } = hit.excerpt;
  const shift = cutBefore ? 1 : 0;
  // Every place of the query the excerpt shows is marked, the match and the others alike.
  const spans = [{ start: before.length, end: before.length + match.length }, ...others]
    .map(({ start, end }) => ({ start: start + shift, end: end + shift }))
    .sort((a, b) => a.start - b.start);
  excerpt.append(...highlightedNodes(`${cutBefore ? '\u2026' : ''}${before}${match}${after}${cutAfter ? '\u2026' : ''}`, spans));
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
