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
 * or `……`. Curly quotes in Chinese text are full-width and two adjacent marks take 1.5 em,
 * as typography's rule 4 marks them for the page (`typesetRuns`). Every line but the last is
 * justified (`justifyLine`, which the drawing only paints): the slack goes into the gaps
 * beside Han characters and full-width marks and into the spaces between Latin words, never between the letters of a word or the digits
 * of a number, and no gap grows by more than a quarter of an em. The image's lines hold 18
 * characters (the page's 34), so a line that a Latin word could not join shows its slack
 * plainly: the breaks are chosen for the whole paragraph (`breakBody`) to fill the lines evenly.
 *
 * One file: the breaking chooses its lines by how the justification would spread them,
 * and both read the same runs, widths and half-em rules.
 *
 * Pure: the caller supplies `measure`, the width of a run of text in its font.
 */
import { glue } from '../../core/line-breaking';
import { AUTOSPACE_EM, typesetRuns, type PunctuationMark } from '../../core/typography';
import {
  ASCII_CLOSING_BRACKETS,
  ASCII_SENTENCE_STOPS,
  CLAUSE_PAUSES,
  CLOSING_BRACKETS,
  CLOSING_QUOTES,
  OPENING_BRACKETS,
  OPENING_QUOTES,
  SENTENCE_STOPS,
  charClass,
} from '../../core/punctuation';

/** Space between Han and a Latin or numeric run, in em (src/core/typography.ts). */
export { AUTOSPACE_EM };

/** Opening brackets, drawn in the right half of their em: pulled back by half an em at a line's start. （［｛〔〈《「『【〖〘〚 */
const OPENING_BRACKET = new RegExp(`^[${charClass(OPENING_BRACKETS)}]`, 'u');
/** Curly quotes, which are full-width, and so pulled back or trimmed like the brackets, only in Chinese text (a run marked `cjk-quote`). */
const OPENING_QUOTE = new RegExp(`^[${charClass(OPENING_QUOTES)}]$`, 'u');
const CLOSING_QUOTE = new RegExp(`^[${charClass(CLOSING_QUOTES)}]$`, 'u');
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

/**
 * A run of a line as drawn: its text, whether the Han/Latin space comes before it, and the
 * marks of typography's rule 4, as the page's runs carry them: a curly quote in Chinese text
 * (`cjk-quote`), drawn full-width from the CJK face, and the half em squeezed off one of two
 * adjacent marks (`squeeze-end`, `squeeze-start`: 「。”」 is 1.5 em).
 */
export interface DrawRun {
  text: string;
  spaceBefore: boolean;
  marks: readonly PunctuationMark[];
}

/** A line's runs: its Latin and numeric runs next to Han text get the autospace, its marks their own runs. */
export function lineRuns(line: string): DrawRun[] {
  const runs = typesetRuns(line);
  return runs.map((run, i) => ({
    text: run.text,
    spaceBefore: i > 0 && Boolean(run.spaceBefore || runs[i - 1]!.spaceAfter),
    marks: run.punctuation ?? [],
  }));
}

/** The half ems squeezed off a run by rule 4. */
const squeezed = (run: DrawRun) => run.marks.filter((mark) => mark !== 'cjk-quote').length / 2;

export interface LineMetrics {
  /**
   * Width of a run of text as drawn, in px (no autospace: the layout adds it); `cjk` for a
   * curly quote in Chinese text, which is drawn from the CJK face.
   */
  measure: (text: string, cjk?: boolean) => number;
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
  const natural = runs.reduce(
    (sum, run) => sum + measure(run.text, run.marks.includes('cjk-quote')) - squeezed(run) * fontSize + (run.spaceBefore ? AUTOSPACE_EM * fontSize : 0),
    0,
  );
  const quote = (run: DrawRun | undefined, pattern: RegExp) => run !== undefined && run.marks.includes('cjk-quote') && pattern.test(run.text);
  const indent = OPENING_BRACKET.test(line) || quote(runs[0], OPENING_QUOTE) ? -fontSize / 2 : 0;
  const trimmed = trimLineEnd && (HALF_BLANK_CLOSER.test(line) || quote(runs.at(-1), CLOSING_QUOTE)) ? fontSize / 2 : 0;
  return { text: line, runs, indent, width: natural + indent - trimmed };
}

export interface BodyLayoutOptions extends LineMetrics {
  maxWidth: number;
}

/**
 * The most a justified gap may grow, in em. More reads as letter-spacing, and in an 18-em line
 * the whole slack of a line that a Latin word could not join lands in its few gaps.
 */
const MAX_STRETCH_EM = 0.25;

/** Latin letters, digits and ASCII marks: a gap between two of them (`GPT-4o`'s parts, `3%`) never stretches. */
const NARROW = /^[\p{Script=Latin}\p{Nd}\x21-\x7E]/u;

/** One unit of a justified line, drawn whole: a Latin word or number, a `——` or `……`, or one character. */
export interface JustifiedUnit {
  text: string;
  /** A curly quote in Chinese text, drawn from the CJK face. */
  cjk: boolean;
  /** Where it is drawn, in px from the margin (the line's indent included). */
  x: number;
  /** The slack the gap before it takes, in px. */
  stretch: number;
}

export interface Justification {
  units: JustifiedUnit[];
  /** The slack each gap that can stretch takes, in px: 0 for a last line and a line set flush start. */
  stretch: number;
  /** How far the line as drawn falls short of `width`, in px: 0 once justified. */
  short: number;
}

/**
 * How `line` is spread to `width`: the units it is drawn in and where each goes. A gap stretches
 * when a Han character or a full-width mark stands on either side of it (so also the Han/Latin
 * boundaries, beside their autospace) or when it is a space: a browser's `text-align: justify`
 * widens a Latin text's spaces too, and a space between two Latin words reads as a gap between
 * words whatever its width, while a gap between letters reads as letter-spacing.
 *
 * A line whose slack would widen its gaps by more than MAX_STRETCH_EM is set flush start
 * instead (`breakBody` avoids such lines where it can): a short line reads as a line, gaps of
 * a third of an em in one line among tight ones read as a fault.
 */
export function justifyLine(line: LaidLine, width: number, { measure, fontSize }: Pick<LineMetrics, 'measure' | 'fontSize'>): Justification {
  const units: Array<{ text: string; cjk: boolean; before: number; after: number; stretches: boolean }> = [];
  for (const run of line.runs) {
    const cjk = run.marks.includes('cjk-quote');
    // A marked run is one mark: its squeezed half overlaps its neighbour, on the side the mark says.
    const before = run.marks.includes('squeeze-start') ? -fontSize / 2 : 0;
    const after = run.marks.includes('squeeze-end') ? -fontSize / 2 : 0;
    let space = (run.spaceBefore ? AUTOSPACE_EM * fontSize : 0) + before;
    let spaced = false;
    for (const token of run.text.match(TOKEN) ?? []) {
      if (/^\s/u.test(token)) {
        space += measure(token);
        spaced = true;
        continue;
      }
      const previous = units.at(-1);
      const stretches = previous !== undefined && (spaced || !NARROW.test(previous.text) || !NARROW.test(token));
      units.push({ text: token, cjk, before: previous ? space : before, after, stretches });
      space = 0;
      spaced = false;
    }
  }
  const slack = Math.max(0, width - line.width);
  const gaps = units.filter((unit) => unit.stretches).length;
  const even = gaps > 0 ? slack / gaps : Infinity;
  const stretch = !line.last && even <= MAX_STRETCH_EM * fontSize ? even : 0;
  let at = line.indent;
  const placed = units.map((unit) => {
    const added = unit.stretches ? stretch : 0;
    at += unit.before + added;
    const x = at;
    at += measure(unit.text, unit.cjk) + unit.after;
    return { text: unit.text, cjk: unit.cjk, x, stretch: added };
  });
  return { units: placed, stretch, short: stretch > 0 ? 0 : slack };
}

/**
 * How far past the measure a line may measure and still fit, in em: canvas gives a CJK glyph of
 * 48 px as 48.00009 px, so a line that filled the measure exactly came out 0.002 px too wide and
 * lost its last character (「好的体验，更是对于业界带来了全新冲」 left 「击。」 to the next line).
 * A hundredth of an em over is half a pixel at the image's size, which no one sees.
 */
const FIT_TOLERANCE_EM = 0.01;

/** What a way of breaking costs, compared in this order: its lines, its lines set short, the squares of its gaps' stretch in em. */
type Cost = [lines: number, short: number, squares: number];

const less = (a: Cost, b: Cost) => (a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) < 0;

/**
 * Breaks body text into lines no wider than `maxWidth` (a piece wider than a line alone is a
 * line of its own). The breaks are chosen over the whole text, as Knuth and Plass choose
 * them: as few lines as filling each line in turn would give (an image never grows, and
 * `layoutQuote`'s cuts stay where they were), then as few lines left short as can be, then
 * the most even stretch (the least sum of its squares). Filling each line in turn, as the
 * page does, left lines before a long Latin word far short in Chromium's fonts:
 * 「科学家肯尼斯·斯坦利（Kenneth」 by 4 em before `Stanley）`, 「价格在折扣后仅为0.28美元，而」
 * by 3 em before `OpenAI的GPT-4o`, too much for a quarter em a gap; moving a break or two
 * in the lines above fills them all.
 */
export function breakBody(text: string, options: BodyLayoutOptions): LaidLine[] {
  const pieces = bodyPieces(text.trim());
  const isSpace = (i: number) => /^\s+$/u.test(pieces[i]!);
  // best[i]: the best way to set the pieces from i on, i starting a line, and that line.
  const best: Array<{ cost: Cost; line: LaidLine; next: number } | undefined> = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (isSpace(i)) continue;
    let candidate = '';
    for (let end = i + 1; end <= pieces.length; end++) {
      candidate += pieces[end - 1];
      if (isSpace(end - 1)) continue;
      const set = setLine(candidate, options);
      if (set.width > options.maxWidth + FIT_TOLERANCE_EM * options.fontSize && end > i + 1) break;
      let next = end;
      while (next < pieces.length && isSpace(next)) next++;
      const line = { ...set, last: next === pieces.length };
      const rest = line.last ? ([0, 0, 0] as Cost) : best[next]!.cost;
      const { stretch, short } = justifyLine(line, options.maxWidth, options);
      const cost: Cost = [rest[0] + 1, rest[1] + (line.last || short < 0.5 ? 0 : 1), rest[2] + (stretch / options.fontSize) ** 2];
      if (!best[i] || less(cost, best[i]!.cost)) best[i] = { cost, line, next };
    }
  }
  const lines: LaidLine[] = [];
  for (let at = 0; best[at]; at = best[at]!.next) lines.push(best[at]!.line);
  return lines;
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
