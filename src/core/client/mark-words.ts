/**
 * Marking words on the page without changing them: the one way the site marks text, for every
 * feature (the words a link landed on, the reader's 划线, a sentence read aloud).
 *
 * Words are given as spans of an element's text (`start` and `end` in code units of its
 * `textContent`), so they can be kept and found again whatever markup the text is set in.
 * Where the browser has the CSS Custom Highlight API, each name is one `Highlight` in
 * `CSS.highlights`, styled by `::highlight(<name>)`: no node of the page changes, so the text,
 * its copy, search and reading aloud are untouched. Elsewhere each piece of text is wrapped in a
 * `<mark>` (class `<name>-mark`, or `className`), which adds no character either; clearing a name
 * unwraps them again.
 */

export interface Span {
  element: Element;
  start: number;
  end: number;
}

const native = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** A Range over `start`–`end` of `element`'s text, or null when the text is shorter. */
export function rangeOf({ element, start, end }: Span): Range | null {
  if (end <= start) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** The offset in `element`'s text of a point (a node and an offset in it, as a Range or a selection gives it). */
export function textOffset(element: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function wrap(range: Range, className: string, name: string) {
  // Each text node the range covers, split at the range's ends, goes into a <mark> of its own.
  const texts: Text[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode instanceof Text ? walker.currentNode : walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) texts.push(node as Text);
  }
  const { startContainer, startOffset, endContainer, endOffset } = range;
  for (let text of texts) {
    if (text === endContainer && endOffset < text.length) text.splitText(endOffset);
    if (text === startContainer && startOffset > 0) text = text.splitText(startOffset);
    if (!text.length) continue;
    const mark = document.createElement('mark');
    mark.className = className;
    mark.dataset.mark = name;
    text.replaceWith(mark);
    mark.append(text);
  }
}

function unwrap(name: string, within: ParentNode = document) {
  for (const mark of within.querySelectorAll<HTMLElement>(`mark[data-mark="${name}"]`)) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

/** Marks `spans` (replacing what `name` marked before), and gives the ranges they cover. */
export function markWords(name: string, spans: readonly Span[], className = `${name}-mark`): Range[] {
  if (!native) unwrap(name);
  const ranges: Range[] = [];
  for (const span of spans) {
    // Without the Highlight API each span is wrapped before the next is found: wrapping moves
    // text nodes, which would move the ends of ranges found before.
    const range = rangeOf(span);
    if (!range) continue;
    if (native) ranges.push(range);
    else {
      wrap(range, className, name);
      ranges.push(range);
    }
  }
  if (native) {
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
  return ranges;
}

/** Marks Ranges as they are (a landing's words, which may cross blocks), in document order, none overlapping. */
export function markRanges(name: string, ranges: readonly Range[], className = `${name}-mark`): void {
  if (native) {
    CSS.highlights.set(name, new Highlight(...ranges));
    return;
  }
  unwrap(name);
  // The last first: wrapping splits and moves the text nodes at and after a range's start, which
  // would move the ends of ranges after it, never of those before.
  for (const range of [...ranges].reverse()) wrap(range, className, name);
}

export function clearMarks(name: string): void {
  if (native) CSS.highlights.delete(name);
  else unwrap(name);
}
