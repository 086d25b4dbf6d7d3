/**
 * The layout of the words on a share image (书摘卡片, src/sharing/client/share-image.ts): body
 * text broken into lines as the page's stylesheet breaks it, and a quote too long for
 * one image cut at a sentence's end.
 *
 * Written here rather than taken from a library: canvas has no line breaking at all,
 * and the JavaScript line breakers (linebreak, Knuth–Plass ports) follow UAX #14, whose
 * Chinese rules are looser than the page's `line-break: strict` (clreq's 禁则) and know
 * nothing of the half-width punctuation at a line's ends or of the space between Han and
 * Latin that the page draws. The punctuation classes are those of ./line-breaking.ts
 * (the share cards' headings) and the Han/Latin runs those of ./typography.ts.
 *
 * Like the page (`word-break: normal` for Chinese), a line may break between any two Han
 * characters, never inside a Latin word or number (`DeepSeek`, `GPT-4o`, `0.28`), never
 * before a closing mark (，。」…) or after an opening one (「《（), and never inside `——`
 * or `……`. Lines are filled greedily and justified by the drawing, the last one excepted,
 * as the page's `text-align: justify` does.
 *
 * Pure: the caller supplies `measure`, the width of a run of text in its font.
 */
import { glue } from '../../core/line-breaking';
import { AUTOSPACE_EM, autospaceRuns } from '../../core/typography';
import {
  ASCII_CLOSING_BRACKETS,
  ASCII_SENTENCE_STOPS,
  CLAUSE_PAUSES,
  CLOSING_BRACKETS,
  CLOSING_QUOTES,
  OPENING_BRACKETS,
  SENTENCE_STOPS,
  charClass,
} from '../../core/punctuation';

/** Space between Han and a Latin or numeric run, in em (src/core/typography.ts). */
export { AUTOSPACE_EM };

/** Opening brackets, drawn in the right half of their em: pulled back by half an em at a line's start. （［｛〔〈《「『【〖〘〚 */
const OPENING_BRACKET = new RegExp(`^[${charClass(OPENING_BRACKETS)}]`, 'u');
/**
 * Closing marks drawn in the left half of their em in mainland (SC) fonts: at a line's end
 * their blank half is trimmed, as `text-spacing-trim` lets a line end (its `allow-end`).
 * ，。、」』）》】〕〉］｝. Taiwan's (TC) fonts centre ，。、, so the option is off for them.
 */
const HALF_BLANK_CLOSER = new RegExp(`[${charClass(CLOSING_BRACKETS + '\uFF0C\u3002\u3001')}]$`, 'u');
/** Where a sentence ends: 。！？ (and ASCII !?), with any closing quotes or brackets after it. */
const SENTENCE_END = new RegExp(
  `[${charClass(SENTENCE_STOPS + ASCII_SENTENCE_STOPS)}]+[${charClass(CLOSING_QUOTES + CLOSING_BRACKETS + ASCII_CLOSING_BRACKETS)}]*`,
  'gu',
);
/** Where a clause ends: ，；：、, the fallback when no sentence ends in reach. */
const CLAUSE_END = new RegExp(`[${charClass(CLAUSE_PAUSES)}]`, 'gu');
/** 「……」, what stands for the words left out. */
export const ELLIPSIS = '\u2026\u2026';

/**
 * The pieces a line is made of, before punctuation is glued on: a Latin word or number
 * (with the joiners of `GPT-4o`, `1/20`, `0.28`), a run of `—` or `…` (a two-em dash or an
 * ellipsis is never split), a run of whitespace, or one character.
 */
const TOKEN = /[\p{Script=Latin}\p{Nd}]+(?:[-.\/'\u2019+_][\p{Script=Latin}\p{Nd}]+)*|\u2014+|\u2026+|\s+|\P{M}\p{M}*/gu;

export function bodyPieces(text: string): string[] {
  return glue(text.match(TOKEN) ?? []);
}

/** A run of a line as drawn: its text, and whether the Han/Latin space comes before it. */
export interface DrawRun {
  text: string;
  spaceBefore: boolean;
}

/** A line's runs: its Latin and numeric runs next to Han text get the autospace. */
export function lineRuns(line: string): DrawRun[] {
  const runs = autospaceRuns(line);
  return runs.map((run, i) => ({
    text: run.text,
    spaceBefore: i > 0 && Boolean(run.spaceBefore || runs[i - 1]!.spaceAfter),
  }));
}

export interface LineMetrics {
  /** Width of a run of text as drawn, in px (no autospace: the layout adds it). */
  measure: (text: string) => number;
  /** The font size in px: the autospace and the half-em adjustments are fractions of it. */
  fontSize: number;
  /** Trim the blank half of a closing mark at a line's end (fonts that set it in the left half). */
  trimLineEnd: boolean;
}

export interface LaidLine {
  text: string;
  runs: DrawRun[];
  /** Where the line's first glyph is drawn, relative to the left margin: negative for an opening bracket. */
  indent: number;
  /** The line's width as set: from the margin to its last glyph's trimmed end. */
  width: number;
  /** The paragraph's last line, which is not justified. */
  last: boolean;
}

/** How wide `line` is set, and where it starts, by the rules above. */
export function setLine(line: string, { measure, fontSize, trimLineEnd }: LineMetrics): Omit<LaidLine, 'last'> {
  const runs = lineRuns(line);
  const natural = runs.reduce((sum, run) => sum + measure(run.text) + (run.spaceBefore ? AUTOSPACE_EM * fontSize : 0), 0);
  const indent = OPENING_BRACKET.test(line) ? -fontSize / 2 : 0;
  const trimmed = trimLineEnd && HALF_BLANK_CLOSER.test(line) ? fontSize / 2 : 0;
  return { text: line, runs, indent, width: natural + indent - trimmed };
}

export interface BodyLayoutOptions extends LineMetrics {
  maxWidth: number;
}

/** Breaks body text into lines no wider than `maxWidth` (a piece wider than a line alone is a line of its own). */
export function breakBody(text: string, options: BodyLayoutOptions): LaidLine[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of bodyPieces(text.trim())) {
    const isSpace = /^\s+$/u.test(piece);
    if (current === '') {
      if (!isSpace) current = piece;
      continue;
    }
    const candidate = current + piece;
    if (isSpace || setLine(candidate.trimEnd(), options).width <= options.maxWidth) {
      current = candidate;
    } else {
      lines.push(current.trimEnd());
      current = piece;
    }
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines.map((line, i) => ({ ...setLine(line, options), last: i === lines.length - 1 }));
}

export interface QuoteLayoutOptions extends BodyLayoutOptions {
  /** The most lines the image has room for. */
  maxLines: number;
}

export interface QuoteLayout {
  lines: LaidLine[];
  /** The words as shown: the quote, or its opening sentences and 「……」. */
  text: string;
  /** Whether the quote was cut. */
  cut: boolean;
}

/** Offsets just after each match of `pattern` in `text`, last first. */
function endsOf(text: string, pattern: RegExp): number[] {
  return Array.from(text.matchAll(pattern), (match) => match.index + match[0].length).reverse();
}

/**
 * Lays out a quote in at most `maxLines` lines. A longer one keeps as many whole sentences
 * as fit and ends with 「……」 after the last one's mark; when even its first sentence does not
 * fit, as many whole clauses (the clause's mark gives way to 「……」); failing that, as many
 * pieces as fit, never cutting a Latin word or number.
 */
export function layoutQuote(quote: string, options: QuoteLayoutOptions): QuoteLayout {
  const text = quote.trim().replace(/\s*\n\s*/g, '');
  const fits = (candidate: string) => {
    const lines = breakBody(candidate, options);
    return lines.length <= options.maxLines ? lines : undefined;
  };
  const whole = fits(text);
  if (whole) return { lines: whole, text, cut: false };

  // What the image's lines hold of the whole text: no cut beyond it can fit (a little
  // slack for the spaces dropped at line breaks), so none is tried.
  const reach = breakBody(text, options)
    .slice(0, options.maxLines)
    .reduce((sum, line) => sum + line.text.length + 1, 0);
  const tryCut = (candidate: string): QuoteLayout | undefined => {
    const lines = fits(candidate);
    return lines && { lines, text: candidate, cut: true };
  };
  for (const end of endsOf(text, SENTENCE_END)) {
    if (end >= text.length || end > reach) continue;
    const laid = tryCut(text.slice(0, end) + ELLIPSIS);
    if (laid) return laid;
  }
  for (const end of endsOf(text, CLAUSE_END)) {
    if (end > reach) continue;
    const laid = tryCut(text.slice(0, end - 1) + ELLIPSIS);
    if (laid) return laid;
  }
  const pieces = bodyPieces(text);
  for (let count = pieces.length - 1, length = text.length; count > 0; count--) {
    length -= pieces[count]!.length;
    if (length > reach) continue;
    const laid = tryCut(pieces.slice(0, count).join('').trimEnd() + ELLIPSIS);
    if (laid) return laid;
  }
  return { lines: breakBody(ELLIPSIS, options), text: ELLIPSIS, cut: true };
}
