/**
 * Probes of the reader's own copy (src/readers-copy/), run in the page by the e2e tests (Chromium)
 * and the engine tests (Chromium, Firefox, WebKit): plain functions of the window they measure,
 * sent as source text, so they close over nothing.
 */
import { strings } from '../../src/core/strings';

export const rc = strings.readersCopy;

/** Points (viewport px) in the first character's left quarter and the last one's right quarter, on their middle line. */
export function wordEnds(win: Window, id: string, start: number, end: number): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const block = win.document.getElementById(id);
  if (!block) return null;
  const at = (offset: number) => {
    const walker = win.document.createTreeWalker(block, 4);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (offset < seen + node.data.length) {
        const range = win.document.createRange();
        range.setStart(node, offset - seen);
        range.setEnd(node, offset - seen + 1);
        return range.getClientRects()[0]!;
      }
      seen += node.data.length;
    }
    return null;
  };
  const first = at(start);
  const last = at(end - 1);
  if (!first || !last) return null;
  return { from: { x: first.left + first.width * 0.25, y: first.top + first.height / 2 }, to: { x: last.right - last.width * 0.25, y: last.top + last.height / 2 } };
}

/** Scrolls a block to the middle of the screen (instantly), so that its words can be pointed at. */
export function centre(win: Window, id: string): boolean {
  const block = win.document.getElementById(id);
  if (!block) return false;
  block.scrollIntoView({ block: 'center', behavior: 'instant' });
  return true;
}

/** The words the page marks as the reader's 划线: the ranges of the named highlight, or the text of its <mark>s. */
export function highlightedWords(win: Window): string[] {
  const css = (win as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS;
  const highlight = css.highlights?.get('reader-highlight');
  if (highlight) return Array.from(highlight, (range) => range.toString());
  return Array.from(win.document.querySelectorAll('mark[data-mark="reader-highlight"]'), (mark) => mark.textContent ?? '');
}

/** The text of a block, as the page has it. */
export function blockText(win: Window, id: string): string | null {
  return win.document.getElementById(id)?.textContent ?? null;
}

/** Selects the one character at `offset` in a block's text (`extend`: 0, a caret just before it). */
export function selectFirst(win: Window, id: string, offset: number, extend = 1): boolean {
  const block = win.document.getElementById(id);
  if (!block) return false;
  const walker = win.document.createTreeWalker(block, 4);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (offset < seen + node.data.length) {
      const selection = win.getSelection()!;
      selection.removeAllRanges();
      selection.setBaseAndExtent(node, offset - seen, node, offset - seen + extend);
      return true;
    }
    seen += node.data.length;
  }
  return false;
}

export function selectedText(win: Window): string {
  return win.getSelection()?.toString() ?? '';
}

/** Where a block's top stands against the header's bottom and the screen. */
export function blockPlacement(win: Window, id: string): { top: number; bottom: number; header: number; height: number } | null {
  const block = win.document.getElementById(id);
  if (!block) return null;
  const rect = block.getBoundingClientRect();
  return { top: rect.top, bottom: rect.bottom, header: win.document.querySelector('.site-header')!.getBoundingClientRect().bottom, height: win.innerHeight };
}

/** The boxes (viewport px) of the words a block shows from `start` to `end` in its text, a box per line. */
export function wordBoxes(win: Window, id: string, start: number, end: number): Array<{ x: number; y: number; width: number; height: number }> {
  const block = win.document.getElementById(id);
  if (!block) return [];
  const range = win.document.createRange();
  const walker = win.document.createTreeWalker(block, 4);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (start >= seen && start < seen + node.data.length) range.setStart(node, start - seen);
    if (end > seen && end <= seen + node.data.length) range.setEnd(node, end - seen);
    seen += node.data.length;
  }
  return Array.from(range.getClientRects(), (rect) => ({ x: rect.left, y: rect.top, width: rect.width, height: rect.height })).filter((box) => box.width > 1);
}

/**
 * How much of each box, in a screenshot of the window, is painted in the 划线's colour (within a
 * few levels per channel): the background behind the words, less their glyphs' ink.
 */
export async function markColourShare(win: Window, pngBase64: string, boxes: Array<{ x: number; y: number; width: number; height: number }>): Promise<number[]> {
  const doc = win.document;
  const probe = doc.body.appendChild(doc.createElement('div'));
  probe.style.background = 'var(--reader-mark)';
  const colour = win.getComputedStyle(probe).backgroundColor.match(/\d+/g)!.map(Number);
  probe.remove();
  const img = doc.createElement('img');
  img.src = `data:image/png;base64,${pngBase64}`;
  await img.decode();
  const canvas = Object.assign(doc.createElement('canvas'), { width: img.width, height: img.height });
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(img, 0, 0);
  const frame = win.frameElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const scale = win.devicePixelRatio;
  return boxes.map((box) => {
    const width = Math.max(1, Math.round(box.width * scale));
    const height = Math.max(1, Math.round(box.height * scale));
    const { data } = context.getImageData(Math.round((box.x + frame.left) * scale), Math.round((box.y + frame.top) * scale), width, height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ([0, 1, 2].every((c) => Math.abs(data[i + c]! - colour[c]!) <= 6)) painted++;
    }
    return painted / (width * height);
  });
}
