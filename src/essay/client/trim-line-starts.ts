/**
 * Opening punctuation at the start of a line (not a block's first line) set half-width, as CSS
 * `text-spacing-trim: space-first` sets it in Chromium, for the browsers without that property:
 * Firefox, Safari, and older Chromium WebViews such as WeChat's XWeb. enhance.ts loads this only
 * there (the stylesheet's `.line-start-trim` rule applies only there too).
 *
 * Where lines break depends on the width, the fonts and the text size, which only layout knows, so
 * this measures after layout and again whenever the essay's box changes size. No library does it:
 * heti and others of its kind handle spacing and adjacent marks, not line starts.
 */
import { BLANK_START, charSet } from '../../core/punctuation';

/** Opening brackets and quotes, blank on their starting side (typography's `PUNCTUATION.opening`). */
const OPENING = charSet(BLANK_START);

const TRIMMED = 'line-start-trim';
const BLOCK = 'p, h1, h2, h3, li';

/** Wraps each opening mark of the essay's blocks in a span, once, so its position can be moved. */
function wrapOpeningMarks(root: ParentNode): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const block of root.querySelectorAll(BLOCK)) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    for (const text of texts) {
      const parent = text.parentElement!;
      // After another opening mark (squeeze-start) a mark never starts a line.
      if (parent.classList.contains('squeeze-start')) continue;
      if (parent !== block && parent.matches('.cjk-quote, .squeeze-end') && OPENING.has(text.data)) {
        marks.push(parent); // the mark has its own element already (rule 4's marks): move that
        continue;
      }
      let node: Text | null = text;
      while (node) {
        const chars = Array.from(node.data);
        const at = chars.findIndex((char) => OPENING.has(char));
        if (at < 0) break;
        const mark = node.splitText(chars.slice(0, at).join('').length);
        node = mark.data.length > 1 ? mark.splitText(1) : null;
        const span = document.createElement('span');
        mark.replaceWith(span);
        span.append(mark);
        marks.push(span);
      }
    }
  }
  return marks;
}

/** The character box before `mark` in its block, or undefined at the block's start. */
function previousCharacter(mark: HTMLElement, block: Element): DOMRect | undefined {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = mark;
  for (let node = walker.previousNode(); node; node = walker.previousNode()) {
    const text = node as Text;
    if (mark.contains(text)) continue;
    const end = text.data.trimEnd().length;
    if (end === 0) continue;
    const range = document.createRange();
    range.setStart(text, end - 1);
    range.setEnd(text, end);
    return range.getBoundingClientRect();
  }
  return undefined;
}

function startsLine(mark: HTMLElement): boolean {
  const block = mark.closest(BLOCK)!;
  const previous = previousCharacter(mark, block);
  if (!previous) return false; // the block's first line keeps its mark full-width (space-first)
  const own = mark.getBoundingClientRect();
  const vertical = getComputedStyle(block).writingMode.startsWith('vertical');
  const half = parseFloat(getComputedStyle(mark).fontSize) / 2;
  return vertical ? Math.abs(own.right - previous.right) > half : Math.abs(own.bottom - previous.bottom) > half;
}

function trim(marks: HTMLElement[]): void {
  for (const mark of marks) mark.classList.remove(TRIMMED);
  // Trimming one line's start gives that line room, which can move later lines' starts: measure
  // again until nothing changes (twice is the most this essay has needed).
  for (let pass = 0; pass < 4; pass++) {
    const starts = marks.map(startsLine);
    let changed = false;
    marks.forEach((mark, i) => {
      if (mark.classList.contains(TRIMMED) !== starts[i]) {
        mark.classList.toggle(TRIMMED, starts[i]);
        changed = true;
      }
    });
    if (!changed) return;
  }
}

const essay = document.querySelector<HTMLElement>('.essay');
if (essay) {
  const marks = wrapOpeningMarks(essay);
  let frame = 0;
  let measured = '';
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const box = essay.getBoundingClientRect();
      const key = `${box.width}×${box.height}:${document.documentElement.dataset.writing ?? ''}`;
      if (key === measured) return;
      trim(marks);
      // Says the line starts are set for this layout (tests measure after it).
      essay.dataset.lineStarts = 'trimmed';
      const after = essay.getBoundingClientRect();
      measured = `${after.width}×${after.height}:${document.documentElement.dataset.writing ?? ''}`;
    });
  };
  new ResizeObserver(schedule).observe(essay);
  void document.fonts?.ready.then(schedule);
}
