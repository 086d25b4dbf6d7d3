/**
 * Line breaking for short Chinese display text drawn by code (the share cards' headings at
 * build time, the quote image's title in the browser), after the rules of clreq (Requirements
 * for Chinese Text Layout) and JIS X 4051:
 *
 * - a line breaks only between the pieces the caller gives: a title's phrases
 *   (core/phrase-breaks.ts, cut with `piecesAt`), so that "中产" or "DeepSeek" is never cut
 *   in two, unless one piece is wider than a line; other text between characters
 *   (`characterPieces`);
 * - no line starts with closing punctuation (，。？） …) and no line ends with
 *   opening punctuation (（《「 …): such a mark stays with its neighbour;
 * - the lines of a heading are balanced: for the fewest lines the text needs, the
 *   breaks that make the lines most even, preferring a break after a punctuation mark.
 *
 * Pure: the caller supplies `measure`, the width of a line of text as it will be drawn.
 */
import { CLAUSE_ENDS, DASH_MARK, ELLIPSIS_MARK, NO_LINE_END as NO_LINE_END_MARKS, NO_LINE_START as NO_LINE_START_MARKS, charClass, charSet } from './punctuation';

/** Marks that may not start a line (closing punctuation, clreq's 行首禁则). */
const NO_LINE_START = charSet(NO_LINE_START_MARKS);

/** Marks that may not end a line (opening punctuation, clreq's 行尾禁则). */
const NO_LINE_END = charSet(NO_LINE_END_MARKS);

/** A break after one of these reads as a pause: preferred when the lines are otherwise as even. */
const PAUSE = new RegExp(`[${charClass(CLAUSE_ENDS + ELLIPSIS_MARK + DASH_MARK)}]$`, 'u');

export function mayStartLine(char: string): boolean {
  return !NO_LINE_START.has(char);
}

export function mayEndLine(char: string): boolean {
  return !NO_LINE_END.has(char);
}

/** `text` cut at `breaks` (code-unit offsets, in order): the pieces a line may not break inside. */
export function piecesAt(text: string, breaks: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const at of breaks) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces.filter((piece) => piece !== '');
}

/** Text that may break between any two characters, but for the punctuation rules. */
export function characterPieces(text: string): string[] {
  return glue(Array.from(graphemes.segment(text), (s) => s.segment));
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Joins `parts` (words, or single characters) into unbreakable pieces: a closing mark
 * joins the part before it and an opening mark the part after it, so no line that breaks
 * between pieces starts with a closing mark or ends with an opening one. Whitespace
 * stays a piece of its own.
 */
export function glue(parts: string[]): string[] {
  const pieces: string[] = [];
  for (const part of parts) {
    const previous = pieces.at(-1);
    const isSpace = /^\s+$/u.test(part);
    if (
      previous !== undefined &&
      !isSpace &&
      !/^\s+$/u.test(previous) &&
      (!mayStartLine(Array.from(part)[0]!) || !mayEndLine(Array.from(previous).at(-1)!))
    ) {
      pieces[pieces.length - 1] = previous + part;
    } else {
      pieces.push(part);
    }
  }
  return pieces;
}



export interface BreakOptions {
  /** Width of a line of text as drawn (same unit as maxWidth). */
  measure: (line: string) => number;
  maxWidth: number;
}

const isSpace = (piece: string) => /^\s+$/u.test(piece);

/** The pieces without the whitespace at the text's ends. */
function trimmed(pieces: readonly string[]): string[] {
  const text = pieces.join('');
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const breaks: number[] = [];
  let at = 0;
  for (const piece of pieces.slice(0, -1)) breaks.push((at += piece.length));
  return piecesAt(text.slice(start, end), breaks.filter((b) => b > start && b < end).map((b) => b - start));
}

/**
 * Set `pieces` (joined, the text) in the fewest lines no wider than `maxWidth`, balanced. A
 * piece wider than a line is cut between characters. Returns the lines (whitespace at their
 * ends removed), or `undefined` when a character that may not be parted from its neighbour is
 * wider than `maxWidth` with it.
 */
export function breakLines(textPieces: readonly string[], { measure, maxWidth }: BreakOptions): string[] | undefined {
  const pieces = trimmed(textPieces).flatMap((piece) =>
    !isSpace(piece) && measure(piece) > maxWidth ? characterPieces(piece) : [piece],
  );
  if (pieces.some((piece) => !isSpace(piece) && measure(piece) > maxWidth)) return undefined;
  const n = pieces.length;
  if (n === 0) return [];

  const lineText = (from: number, to: number) => pieces.slice(from, to).join('').trim();
  // Whitespace at a line's ends is dropped; a line of whitespace alone is impossible.
  const width = new Map<string, number>();
  const widthOf = (from: number, to: number) => {
    const key = `${from}:${to}`;
    let w = width.get(key);
    if (w === undefined) {
      const line = lineText(from, to);
      w = line === '' ? Infinity : measure(line);
      width.set(key, w);
    }
    return w;
  };

  // Fewest lines: greedy filling is optimal for that count.
  let lineCount = 0;
  for (let from = 0; from < n; lineCount++) {
    let to = from + 1;
    while (to < n && widthOf(from, to + 1) <= maxWidth) to++;
    from = to;
    while (from < n && isSpace(pieces[from]!)) from++;
  }

  // Balanced breaks for that many lines: minimise the squared slack of every line
  // (the widths add up to about the same, so this evens them out), plus a penalty for
  // a break that does not fall after a pause mark, worth an imbalance of about 2 em:
  // a heading with a comma near its middle breaks at the comma.
  const em = measure('\u4E00');
  const penalty = (line: string) => (PAUSE.test(line) ? 0 : (2 * em) ** 2);
  // best[k][i]: cost of setting pieces[0..i) on k lines; start[k][i]: where its last line starts.
  const best = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const start = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= lineCount; k++) {
    for (let i = 1; i <= n; i++) {
      // Longer lines first: once a line is too wide, starting it earlier only widens it.
      for (let j = i - 1; j >= 0; j--) {
        const w = widthOf(j, i);
        if (w > maxWidth && w !== Infinity) break;
        const before = best[k - 1]![j]!;
        if (before === Infinity || w === Infinity) continue;
        const line = lineText(j, i);
        const cost = before + (maxWidth - w) ** 2 + (i < n ? penalty(line) : 0);
        if (cost < best[k]![i]!) {
          best[k]![i] = cost;
          start[k]![i] = j;
        }
      }
    }
  }

  const lines: string[] = [];
  for (let k = lineCount, i = n; k > 0; k--) {
    const j = start[k]![i]!;
    lines.unshift(lineText(j, i));
    i = j;
  }
  return lines;
}
