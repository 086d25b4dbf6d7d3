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

/** A stretch to wrap in `<mark>`, in code units of `text` (a search hit's words, say). */
export interface Highlight {
  start: number;
  end: number;
}

export interface TypesetOptions {
  highlight?: Highlight;
  breaks?: readonly number[];
}

/**
 * `text` as typeset nodes; the characters of `highlight` wrapped, within each run they cross; a
 * `<wbr>` at each of `breaks` (a title's phrase breaks, as the build found them: they fall in
 * plain text or between runs, core/phrase-breaks.ts), for a `.phrases` element to break at.
 */
export function typesetNodes(text: string, { highlight, breaks = [] }: TypesetOptions = {}): Node[] {
  const nodes: Node[] = [];
  let offset = 0;
  for (const run of typesetRuns(text)) {
    const start = offset;
    offset += run.text.length;
    if (start > 0 && breaks.includes(start)) nodes.push(document.createElement('wbr'));
    const markup = runMarkup(run);
    const content = highlighted(run.text, start, highlight);
    if (!markup) {
      for (const at of breaks.filter((at) => at > start && at < offset).reverse()) breakText(content, at - start);
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
  const wrap = document.createElement('mark');
  wrap.textContent = text.slice(from, to);
  return [text.slice(0, from), wrap, text.slice(to)].filter((part) => part !== '').map((part) => (typeof part === 'string' ? document.createTextNode(part) : part));
}

/** Puts a `<wbr>` at `at` (an offset into the nodes' text) in plain text nodes, splitting the one it falls in. */
function breakText(nodes: Node[], at: number) {
  let offset = 0;
  for (const [i, node] of nodes.entries()) {
    const length = node.textContent?.length ?? 0;
    if (at > offset && at < offset + length && node instanceof Text) {
      nodes.splice(i, 1, document.createTextNode(node.data.slice(0, at - offset)), document.createElement('wbr'), document.createTextNode(node.data.slice(at - offset)));
      return;
    }
    if (at === offset + length && i < nodes.length - 1) {
      nodes.splice(i + 1, 0, document.createElement('wbr'));
      return;
    }
    offset += length;
  }
}

/** Replaces `element`'s content with `text`, typeset. */
export function setTypeset(element: Element, text: string, options?: TypesetOptions): void {
  element.replaceChildren(...typesetNodes(text, options));
}
