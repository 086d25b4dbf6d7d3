/**
 * Probes that measure the essay's typesetting from glyph rectangles (`Range.getClientRects`), the
 * same way in every engine. They run in the page (tests/support/engines.ts), so each is
 * self-contained: no imports, no closures.
 *
 * Positions are glyph *origins*: the left edge of each character's box. A gap between two
 * characters is the distance between their origins less the first one's own advance (measured
 * alone, in the same font), so it does not depend on which box an engine adds a space to.
 * All lengths are in em of the paragraph's font size.
 */

export interface Boundary {
  /** Where: the paragraph's id and a few characters around the boundary. */
  at: string;
  gap: number;
}

export interface TypographyMeasure {
  engine: { autospace: boolean; spacingTrim: boolean };
  /** Han followed by a Latin letter or digit, on one line. */
  hanLatin: Boundary[];
  /** A Latin letter or digit followed by Han, on one line. */
  latinHan: Boundary[];
  /** Lines that start with a Latin run after Han: the run's distance from the line's start. */
  latinLineStarts: Boundary[];
  /** Full-width commas and enumeration commas mid-line: their advance. */
  commas: Boundary[];
  /** Curly quotes “”‘’ next to Han: their advance. */
  chineseQuotes: Boundary[];
  /** Curly quotes between Latin letters: their advance. */
  latinQuotes: Boundary[];
  /** Two adjacent full-width marks (。” ，「 》（ …): the advance of the pair. */
  adjacentPairs: Boundary[];
  /** Lines (not a paragraph's first) that start with opening punctuation: its advance. */
  openingLineStarts: Boundary[];
  /** Closing marks that start a line, and opening marks that end one (kinsoku): must be none. */
  kinsokuBreaches: string[];
  /** Lines that end where Han meets Latin (the space falls at the break), set flush right: how far their last glyph ends short of the line's end. */
  lineEndShortfalls: Boundary[];
  lines: number;
}

/**
 * Measures every paragraph of the essay, set ragged (`align: 'start'`, so that no justification
 * widens a gap) or flush right (`'end'`: a space left at a line's end would show as a shortfall).
 */
export async function measureTypography(
  win: Window,
  options: { align: 'start' | 'end'; blocks?: string },
): Promise<TypographyMeasure> {
  const doc = win.document;
  const css = (win as unknown as typeof globalThis).CSS;
  // Where the browser lacks text-spacing-trim, a script sets the essay's line starts after layout.
  if (!css.supports('text-spacing-trim', 'space-first') && doc.querySelector('.essay')) {
    const deadline = Date.now() + 10_000;
    while (!doc.querySelector('.essay[data-line-starts]') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await doc.fonts.ready;
  const CLOSING = /[，。、；：？！）」』”’》〉】〕〗〙〛｝．·…—]/u;
  const CLOSING_STRICT = /[，。、；：？！）」』”’》〉】〕〗〙〛｝]/u;
  const OPENING = /[（「『“‘《〈【〔〖〘〚｛]/u;
  const FULL_WIDTH_MARK = /[，。、；：？！（）「」『』“”‘’《》〈〉【】]/u;
  const HAN = /\p{Script=Han}/u;
  const LATIN = /[\p{Script=Latin}\p{Nd}]/u;

  // The essay's paragraphs, or other blocks of text (`blocks`: search results, say).
  const paragraphs = Array.from(doc.querySelectorAll<HTMLElement>(options.blocks ?? '.prose p'));
  for (const p of paragraphs) p.style.textAlign = options.align;

  interface Glyph {
    char: string;
    left: number;
    right: number;
    top: number;
    node: Text;
  }
  const advances = new Map<string, number>();
  function advanceOf(glyph: Glyph): number {
    const parent = glyph.node.parentElement!;
    const style = win.getComputedStyle(parent);
    const key = `${glyph.char}|${style.fontFamily}|${style.fontWeight}|${style.fontSize}|${parent.lang || doc.documentElement.lang}`;
    let advance = advances.get(key);
    if (advance === undefined) {
      const probe = doc.createElement('span');
      probe.textContent = glyph.char;
      probe.style.cssText = 'position:absolute;white-space:pre;text-autospace:no-autospace;margin:0;padding:0';
      parent.append(probe);
      advance = probe.getBoundingClientRect().width;
      probe.remove();
      advances.set(key, advance);
    }
    return advance;
  }

  const result: TypographyMeasure = {
    engine: {
      autospace: css.supports('text-autospace', 'normal'),
      spacingTrim: css.supports('text-spacing-trim', 'normal'),
    },
    hanLatin: [],
    latinHan: [],
    latinLineStarts: [],
    commas: [],
    chineseQuotes: [],
    latinQuotes: [],
    adjacentPairs: [],
    openingLineStarts: [],
    kinsokuBreaches: [],
    lineEndShortfalls: [],
    lines: 0,
  };

  for (const p of paragraphs) {
    const em = parseFloat(win.getComputedStyle(p).fontSize);
    const box = p.getBoundingClientRect();
    const style = win.getComputedStyle(p);
    const contentLeft = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const contentRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const glyphs: Glyph[] = [];
    const walker = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      let offset = 0;
      for (const char of Array.from(node.data)) {
        const range = doc.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + char.length);
        offset += char.length;
        const rect = Array.from(range.getClientRects()).find((r) => r.width > 0) ?? range.getBoundingClientRect();
        if (char === ' ' && rect.width === 0) continue;
        glyphs.push({ char, left: rect.left, right: rect.right, top: rect.top, node });
      }
    }
    // Lines: a glyph left of its predecessor starts a new line (horizontal, left to right).
    const lines: Glyph[][] = [];
    for (const glyph of glyphs) {
      const line = lines.at(-1);
      const last = line?.at(-1);
      if (!line || !last || glyph.left < last.left - 0.5 * em) lines.push([glyph]);
      else line.push(glyph);
    }
    result.lines += lines.length;
    const context = (line: Glyph[], i: number) =>
      `#${p.id} ${line
        .slice(Math.max(0, i - 3), i + 4)
        .map((g) => g.char)
        .join('')}`;
    const round = (n: number) => Math.round(n * 1000) / 1000;

    lines.forEach((line, lineIndex) => {
      const first = line[0]!;
      const lastGlyph = line.at(-1)!;
      const previousLine = lines[lineIndex - 1];
      if (lineIndex > 0 && CLOSING_STRICT.test(first.char)) {
        result.kinsokuBreaches.push(`line starts with ${first.char}: ${context(line, 0)}`);
      }
      if (lineIndex < lines.length - 1 && OPENING.test(lastGlyph.char)) {
        result.kinsokuBreaches.push(`line ends with ${lastGlyph.char}: ${context(line, line.length - 1)}`);
      }
      if (previousLine && LATIN.test(first.char) && HAN.test(previousLine.at(-1)!.char)) {
        result.latinLineStarts.push({ at: context(line, 0), gap: round((first.left - contentLeft) / em) });
      }
      if (previousLine && OPENING.test(first.char) && line[1]) {
        result.openingLineStarts.push({ at: context(line, 0), gap: round((line[1].left - contentLeft) / em) });
      }
      const next = lines[lineIndex + 1]?.[0];
      const boundary = next && ((HAN.test(lastGlyph.char) && LATIN.test(next.char)) || (LATIN.test(lastGlyph.char) && HAN.test(next.char)));
      if (options.align === 'end' && boundary) {
        const end = lastGlyph.left + advanceOf(lastGlyph);
        // A mark that hangs past the end (hanging-punctuation) is not short of it.
        result.lineEndShortfalls.push({ at: context(line, line.length - 1), gap: round(Math.max(0, contentRight - end) / em) });
      }
      for (let i = 0; i + 1 < line.length; i++) {
        const a = line[i]!;
        const b = line[i + 1]!;
        const gap = (b.left - a.left - advanceOf(a)) / em;
        const advance = (b.left - a.left) / em;
        const at = context(line, i);
        if (HAN.test(a.char) && LATIN.test(b.char)) result.hanLatin.push({ at, gap: round(gap) });
        if (LATIN.test(a.char) && HAN.test(b.char)) result.latinHan.push({ at, gap: round(gap) });
        if ((a.char === '，' || a.char === '、') && HAN.test(b.char)) result.commas.push({ at, gap: round(advance) });
        // A quote's own advance, away from another mark (a pair is measured as a pair, below).
        if (/[“”‘’]/u.test(a.char) && !FULL_WIDTH_MARK.test(b.char) && !FULL_WIDTH_MARK.test(line[i - 1]?.char ?? '')) {
          const before = line[i - 1]?.char ?? '';
          if (HAN.test(before) || HAN.test(b.char)) result.chineseQuotes.push({ at, gap: round(advance) });
          else if (/\p{Script=Latin}/u.test(before) && /\p{Script=Latin}/u.test(b.char)) {
            result.latinQuotes.push({ at, gap: round(advance) });
          }
        }
        const c = line[i + 2];
        if (c && FULL_WIDTH_MARK.test(a.char) && FULL_WIDTH_MARK.test(b.char) && !FULL_WIDTH_MARK.test(c.char)) {
          const pairs = (CLOSING.test(a.char) && (CLOSING.test(b.char) || OPENING.test(b.char))) ||
            (OPENING.test(a.char) && OPENING.test(b.char));
          if (pairs && !FULL_WIDTH_MARK.test(line[i - 1]?.char ?? '')) {
            result.adjacentPairs.push({ at, gap: round((c.left - a.left) / em) });
          }
        }
      }
    });
  }
  for (const p of paragraphs) p.style.textAlign = '';
  return result;
}

/** What selecting a paragraph and copying it gives, beside its text in the DOM. */
export function copiedParagraphs(win: Window): Array<{ id: string; copied: string; text: string }> {
  const doc = win.document;
  return Array.from(doc.querySelectorAll<HTMLElement>('.prose p')).map((p) => {
    const selection = win.getSelection()!;
    selection.removeAllRanges();
    const range = doc.createRange();
    range.selectNodeContents(p);
    selection.addRange(range);
    const copied = selection.toString();
    selection.removeAllRanges();
    return { id: p.id, copied, text: p.textContent ?? '' };
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the ink is in each box of a screenshot of the window: its centre relative to the box
 * ((0, 0) top left, (1, 1) bottom right) and how many pixels are ink, that is, far in lightness
 * from the page's background (so it works in both themes).
 */
export async function inkIn(win: Window, pngBase64: string, boxes: Box[]): Promise<Array<{ x: number; y: number; count: number }>> {
  const doc = win.document;
  const img = doc.createElement('img');
  img.src = `data:image/png;base64,${pngBase64}`;
  await img.decode();
  const canvas = Object.assign(doc.createElement('canvas'), { width: img.width, height: img.height });
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(img, 0, 0);
  const [br, bg, bb] = win.getComputedStyle(doc.body).backgroundColor.match(/\d+/g)!.map(Number);
  const lightness = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const background = lightness(br!, bg!, bb!);
  // A probe in an iframe measures the iframe's boxes; the screenshot is of the whole window.
  const frame = win.frameElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const scale = win.devicePixelRatio;
  return boxes.map((box) => {
    const left = Math.round((box.x + frame.left) * scale);
    const top = Math.round((box.y + frame.top) * scale);
    const width = Math.max(1, Math.round(box.width * scale));
    const height = Math.max(1, Math.round(box.height * scale));
    const { data } = context.getImageData(left, top, width, height);
    let sumX = 0;
    let sumY = 0;
    let count = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (Math.abs(lightness(data[i]!, data[i + 1]!, data[i + 2]!) - background) > 90) {
          sumX += x;
          sumY += y;
          count++;
        }
      }
    }
    return { x: count ? sumX / count / width : NaN, y: count ? sumY / count / height : NaN, count };
  });
}
