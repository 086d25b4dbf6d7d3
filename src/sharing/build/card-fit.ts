/**
 * Fitting the share card's text: each line measured by HarfBuzz in the subset fonts that will
 * draw it, with the site's autospace and line-start adjustment, broken by the site's line
 * breaking (src/core/line-breaking.ts), at the largest size that fits.
 */
import * as hb from 'harfbuzzjs';
import { breakLines, characterPieces, piecesAt } from '../../core/line-breaking';
import { ELLIPSIS_MARK, OPENING_BRACKETS, charClass } from '../../core/punctuation';
import { AUTOSPACE_EM, autospaceRuns } from '../../core/typography';
import { codePoint, type SubsetFont, type Warn } from './card-fonts';

/** Satori measures glyphs itself; keep lines a little short of the box so none can overflow. */
const SLACK = 0.98;

/**
 * The width of `text` in em, shaped by HarfBuzz with the first font that covers each
 * character. Widths scale with the font size, so one measure serves every size tried.
 */
function measureEm(fonts: SubsetFont[]): (text: string) => number {
  const cache = new Map<string, number>();
  const shapeRun = (run: string, font: SubsetFont) => {
    const buffer = new hb.Buffer();
    buffer.addText(run);
    buffer.guessSegmentProperties();
    hb.shape(font.font, buffer);
    return buffer.getGlyphPositions().reduce((sum, position) => sum + position.xAdvance / font.upem, 0);
  };
  return (text) => {
    let width = cache.get(text);
    if (width !== undefined) return width;
    width = 0;
    let run = '';
    let runFont: SubsetFont | undefined;
    for (const char of text) {
      const font = fonts.find((f) => f.covers.has(codePoint(char))) ?? fonts[0]!;
      if (font !== runFont && runFont) {
        width += shapeRun(run, runFont);
        run = '';
      }
      runFont = font;
      run += char;
    }
    if (runFont) width += shapeRun(run, runFont);
    cache.set(text, width);
    return width;
  };
}

/** A line as drawn: its runs, each with the autospace before it. */
export function lineRuns(line: string): Array<{ text: string; spaceBefore: boolean }> {
  const runs = autospaceRuns(line);
  return runs.map((run, i) => ({
    text: run.text,
    spaceBefore: i > 0 && Boolean(run.spaceBefore || runs[i - 1]!.spaceAfter),
  }));
}

/**
 * Full-width opening brackets draw in the right half of their em; at the start of a line
 * that half-em of blank would look like an indent, so it is pulled back (clreq's
 * line-start adjustment). （［｛〔〈《「『【〖〘〚
 */
const OPENING_BRACKET = new RegExp(`^[${charClass(OPENING_BRACKETS)}]`, 'u');
export const lineStartPullEm = (line: string) => (OPENING_BRACKET.test(line) ? 0.5 : 0);

/** A line's width in em, with the autospace between Han and Latin runs. */
function lineWidthEm(fonts: SubsetFont[]): (line: string) => number {
  const measure = measureEm(fonts);
  const cache = new Map<string, number>();
  return (line) => {
    let width = cache.get(line);
    if (width === undefined) {
      width =
        lineRuns(line).reduce((sum, run) => sum + measure(run.text) + (run.spaceBefore ? AUTOSPACE_EM : 0), 0) -
        lineStartPullEm(line);
      cache.set(line, width);
    }
    return width;
  };
}

export interface SetText {
  lines: string[];
  size: number;
}

/** Ends a text cut to fit the card. */
const ELLIPSIS = ELLIPSIS_MARK;

/**
 * The largest size from `size` down to `minSize` (in 2 px steps) at which `text` takes
 * at most `preferredLines` lines, else at most `maxLines`, within `maxHeight`. A text that
 * does not fit even at the smallest size (a very long section title is valid content) is
 * cut, at that size, to the longest start that fits with an ellipsis, and the build warns.
 */
export function setText(
  text: string,
  fonts: SubsetFont[],
  { size, minSize, maxWidth, maxHeight = Infinity, lineHeight, preferredLines, maxLines, breaks }: {
    size: number;
    minSize: number;
    maxWidth: number;
    maxHeight?: number;
    lineHeight: number;
    preferredLines: number;
    maxLines: number;
    /**
     * A title's phrase breaks (core/phrase-breaks.ts), the only places its lines may break;
     * without them, any two characters may part. Unused if the fonts drew some character in
     * a form of another length (a missing astral character drawn as one square).
     */
    breaks?: readonly number[];
  },
  warn: Warn,
): SetText {
  const em = lineWidthEm(fonts);
  const pieces = (shown: string) =>
    breaks && shown.length <= text.length ? piecesAt(shown, breaks.filter((at) => at < shown.length)) : characterPieces(shown);
  const fitsAt = (shown: string, s: number): SetText | undefined => {
    const lines = breakLines(pieces(shown), { measure: (line) => em(line) * s, maxWidth: maxWidth * SLACK });
    return lines && lines.length <= maxLines && blockHeight({ lines, size: s }, lineHeight) <= maxHeight
      ? { lines, size: s }
      : undefined;
  };
  const tries: SetText[] = [];
  for (let s = size; s >= minSize; s -= 2) {
    const set = fitsAt(text, s);
    if (set) tries.push(set);
  }
  const fit = tries.find((t) => t.lines.length <= preferredLines) ?? tries[0];
  if (fit) return fit;
  // Binary search for the longest start (in code points) that fits with the ellipsis.
  const chars = Array.from(text);
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
  let [low, high] = [0, chars.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsAt(cut(mid), minSize)) low = mid;
    else high = mid - 1;
  }
  const set = fitsAt(cut(low), minSize) ?? { lines: [ELLIPSIS], size: minSize };
  warn(
    `share card: "${text}" does not fit in ${maxLines} lines of ${maxWidth}px` +
      (maxHeight < Infinity ? ` within ${Math.round(maxHeight)}px of height` : '') +
      ` even at ${minSize}px; drawn cut to "${set.lines.join('')}"`,
  );
  return set;
}

export const blockHeight = (set: SetText, lineHeight: number) => set.lines.length * set.size * lineHeight;
