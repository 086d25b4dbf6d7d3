/**
 * Where the titles of a page break into lines, measured from glyph rectangles
 * (`Range.getClientRects`), the same way in every engine. A probe runs in the page
 * (tests/support/engines.ts): self-contained, no imports, no closures.
 */

export interface TitleLines {
  /** The selector that found it, and its text (`textContent`: what copy and search see). */
  selector: string;
  text: string;
  /** Code-unit offsets into `text` where a new line starts. */
  breaks: number[];
  lines: number;
}

/** Every visible element matching `selectors`, with the offsets at which its lines break (horizontal text). */
export function titleLineBreaks(win: Window, selectors: string[]): TitleLines[] {
  const doc = win.document;
  const found: TitleLines[] = [];
  for (const selector of selectors) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
      const range = doc.createRange();
      const breaks: number[] = [];
      let offset = 0;
      let lineTop: number | undefined;
      let lineBottom = 0;
      let lines = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const value = node.data;
        for (let i = 0; i < value.length; ) {
          const size = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
          range.setStart(node, i);
          range.setEnd(node, i + size);
          const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
          if (rect && !/\s/.test(value[i]!)) {
            // A glyph whose top is below the current line's middle starts a new line.
            if (lineTop === undefined) {
              lineTop = rect.top;
              lineBottom = rect.bottom;
              lines = 1;
            } else if (rect.top >= (lineTop + lineBottom) / 2) {
              breaks.push(offset + i);
              lineTop = rect.top;
              lineBottom = rect.bottom;
              lines++;
            } else lineBottom = Math.max(lineBottom, rect.bottom);
          }
          i += size;
        }
        offset += value.length;
      }
      if (lines > 0) found.push({ selector, text: element.textContent ?? '', breaks, lines });
    }
  }
  return found;
}
