/**
 * Text that scripts show, typeset as the build typesets the pages: the same runs
 * (core/typography.ts `typesetRuns`) in the same markup (core/typeset-markup.ts), so a search
 * status, a result or a panel's message is spaced and marked like the essay around it.
 *
 * The text comes typeset by the character rules already (interface strings are, in
 * core/strings.ts; records and titles are the page's own text); this adds the runs, and
 * nothing here changes a character: `textContent` of the result is `text`.
 */
import { typesetRuns } from '../typography';
import { runMarkup } from '../typeset-markup';

/** A stretch to wrap, in code units of `text` (a search hit's words, say). */
export interface Highlight {
  start: number;
  end: number;
  /** The element that wraps it: `<mark>` unless told. */
  tagName?: string;
}

/** `text` as typeset nodes; the characters of `highlight` wrapped, within each run they cross. */
export function typesetNodes(text: string, highlight?: Highlight): Node[] {
  const nodes: Node[] = [];
  let offset = 0;
  for (const run of typesetRuns(text)) {
    const start = offset;
    offset += run.text.length;
    const markup = runMarkup(run);
    const content = highlighted(run.text, start, highlight);
    if (!markup) {
      nodes.push(...content);
      continue;
    }
    const span = document.createElement('span');
    span.className = markup.className.join(' ');
    if (markup.digitCells && !highlight) {
      for (const digit of run.text) span.append(Object.assign(document.createElement('span'), { textContent: digit }));
    } else span.append(...content);
    nodes.push(span);
  }
  return nodes;
}

function highlighted(text: string, at: number, highlight: Highlight | undefined): Node[] {
  if (!highlight) return [document.createTextNode(text)];
  const from = Math.max(0, Math.min(text.length, highlight.start - at));
  const to = Math.max(from, Math.min(text.length, highlight.end - at));
  if (from === to) return [document.createTextNode(text)];
  const wrap = document.createElement(highlight.tagName ?? 'mark');
  wrap.textContent = text.slice(from, to);
  return [text.slice(0, from), wrap, text.slice(to)].filter((part) => part !== '').map((part) => (typeof part === 'string' ? document.createTextNode(part) : part));
}

/** Replaces `element`'s content with `text`, typeset. */
export function setTypeset(element: Element, text: string, highlight?: Highlight): void {
  element.replaceChildren(...typesetNodes(text, highlight));
}
