/**
 * Chinese typography, as a named rule set (after heti's idea of documented rules).
 *
 * Every rule changes only how characters are *shown*; none changes a word.
 * The integrity test (tests/e2e/essay-integrity.spec.ts) proves that the built
 * pages show each paragraph of the original changed by `applyTypography` alone.
 *
 * | rule                    | example                               |
 * | ----------------------- | ------------------------------------- |
 * | fullWidthPunctuation    | ASCII `,?!:;()` next to Chinese → U+FF0C U+FF1F U+FF01 U+FF1A U+FF1B U+FF08 U+FF09 |
 * |                         | `“…1号”(Sputnik 1)。` → full-width parentheses, Latin inside untouched |
 * | interpunctInForeignNames | `肯尼斯.斯坦利` → `肯尼斯·斯坦利`        |
 * | autospaceRuns           | marks `DeepSeek` in `的DeepSeek在` so CSS can space it without adding characters |
 * | punctuationMarks        | marks curly quotes in Chinese text (set full-width) and adjacent marks (`。”`, squeezed to 1.5 em) |
 *
 * `typesetRuns` applies rules 3 and 4 together: the runs the pages render, one element per marked run.
 */
import { BLANK_END, BLANK_START, CURLY_QUOTES, charSet } from './punctuation';

const HAN = /\p{Script=Han}/u;
/** CJK symbols and punctuation (、。《》「」…) and the full-width forms block (,?:…). */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFF65]/u;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/** A character that makes its neighbour "Chinese text": a Han character or Chinese punctuation. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && (HAN.test(char) || CJK_PUNCTUATION.test(char));
}

// Written as escapes: full-width and ASCII punctuation look alike in most editors.
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '\uFF0C',
  '?': '\uFF1F',
  '!': '\uFF01',
  ':': '\uFF1A',
  ';': '\uFF1B',
  '(': '\uFF08',
  ')': '\uFF09',
};

/**
 * Rule 1. ASCII punctuation inside Chinese text is shown full-width.
 *
 * - `,` `?` `!` `:` `;` become full-width when the character before or after
 *   them is Chinese (a Han character or Chinese punctuation). Inside Latin or
 *   numeric runs (`0.28`, `1/20`, `10:30`, `a, b`) nothing changes.
 * - `(` `)` are converted as a pair: when the pair stands next to Chinese text
 *   on either side, or encloses a Han character. `(Sputnik 1)` after `“…1号”`
 *   and before `。` becomes `（Sputnik 1）` (U+FF08, U+FF09), its Latin untouched.
 * - A mark that becomes full-width makes its neighbours Chinese text in turn, so
 *   `什么?!` and `中文(a)(b)` convert whole, and applying the rule twice changes
 *   nothing more than applying it once.
 */
export function fullWidthPunctuation(text: string): string {
  // Each pass converts at least one mark or returns its input, so this ends.
  for (;;) {
    const next = fullWidthPass(text);
    if (next === text) return next;
    text = next;
  }
}

function fullWidthPass(text: string): string {
  const chars = Array.from(text);
  const convert = new Set<number>();

  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  chars.forEach((char, i) => {
    if (char === '(') open.push(i);
    else if (char === ')') {
      const start = open.pop();
      if (start === undefined) {
        if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) convert.add(i);
      } else pairs.push([start, i]);
    }
  });
  for (const start of open) {
    if (isCjk(chars[start - 1]) || isCjk(chars[start + 1])) convert.add(start);
  }
  for (const [start, end] of pairs) {
    const inner = chars.slice(start + 1, end);
    if (isCjk(chars[start - 1]) || isCjk(chars[end + 1]) || inner.some(isHan)) {
      convert.add(start);
      convert.add(end);
    }
  }

  // Decide on the pairs first, so that `),` and `(…),` see their neighbour already converted.
  const withParens = chars.map((char, i) => (convert.has(i) ? FULL_WIDTH[char]! : char));
  return withParens
    .map((char, i) => {
      if (char === '(' || char === ')' || !(char in FULL_WIDTH)) return char;
      return isCjk(withParens[i - 1]) || isCjk(withParens[i + 1]) ? FULL_WIDTH[char]! : char;
    })
    .join('');
}

/**
 * Rule 2. A full stop between Han characters separates the parts of a foreign
 * name (`肯尼斯.斯坦利`); Chinese sets it as the interpunct `·` (U+00B7).
 * A Chinese sentence never ends in an ASCII `.` followed by Han, so nothing else matches.
 */
export function interpunctInForeignNames(text: string): string {
  return text.replace(/(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu, '·');
}

/** All character-level rules, in the order the site applies them. */
export function applyTypography(text: string): string {
  return interpunctInForeignNames(fullWidthPunctuation(text));
}

/** A stretch of text, and whether it is a Latin or numeric run that touches Han text. */
export interface TextRun {
  text: string;
  /** Set on Latin/numeric runs only: Han text stands right before / after the run. */
  spaceBefore?: boolean;
  spaceAfter?: boolean;
}

/** Latin letters and digits, with the joiners that keep `GPT-4o`, `1/20`, `0.28`, `App Store` one run. */
const LATIN_RUN = /[\p{Script=Latin}\p{Nd}]+(?:[-.\/'’+ ][\p{Script=Latin}\p{Nd}]+)*/gu;

/**
 * The space between Han and a Latin or numeric run, in em, where code draws text itself (the
 * share card and the quote image): the page's own is the stylesheet's (`.space-before::before`).
 */
export const AUTOSPACE_EM = 0.25;

/**
 * Rule 3. Space between Chinese and Latin letters or digits, without adding a character.
 *
 * Browsers with CSS `text-autospace` space these runs themselves; for the others,
 * each Latin or numeric run next to Han text is returned as its own run, flagged on
 * the side(s) that touch Han, and the stylesheet gives it a margin there. Copying a
 * sentence therefore never picks up inserted spaces. Runs not touching Han come back
 * as plain text.
 */
export function autospaceRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const spaceBefore = isHan(Array.from(text.slice(Math.max(0, start - 2), start)).pop());
    const spaceAfter = isHan(String.fromCodePoint(text.codePointAt(end) ?? 0x20));
    if (!spaceBefore && !spaceAfter) continue;
    plain += text.slice(last, start);
    if (plain) runs.push({ text: plain });
    plain = '';
    runs.push({ text: match[0], spaceBefore, spaceAfter });
    last = end;
  }
  plain += text.slice(last);
  if (plain) runs.push({ text: plain });
  return runs;
}

/**
 * The punctuation classes the marks below look at (src/core/punctuation.ts). In the mainland's
 * glyph forms a full-width mark fills one side of its em square and leaves the other blank:
 * that blank half is what adjacent marks squeeze.
 */
export const PUNCTUATION = {
  /** Opening brackets and quotes: blank on their starting side. */
  opening: charSet(BLANK_START),
  /** Closing brackets and quotes, and the pause and stop marks 、，。．: blank on their ending side. */
  closing: charSet(BLANK_END),
  /** Curly quotes “”‘’: full-width in Chinese text, proportional in Latin text. */
  curlyQuotes: charSet(CURLY_QUOTES),
} as const;

/** How a punctuation mark is shown: each name is a class in the stylesheet (global.css). */
export type PunctuationMark =
  /** A curly quote in Chinese text: drawn from the CJK face, full-width. */
  | 'cjk-quote'
  /** The first of two adjacent marks whose facing halves are blank: its ending half is squeezed. */
  | 'squeeze-end'
  /** An opening mark after another opening mark: its starting half is squeezed. */
  | 'squeeze-start';

/**
 * Rule 4. Punctuation that CSS alone cannot set right in every browser, marked by position
 * (code-unit offsets into `text`).
 *
 * - A curly quote with Chinese text (Han or Chinese punctuation) on either side is a Chinese
 *   quote: clreq and GB/T 15834 set it full-width. Latin faces draw it half as wide, and every
 *   font stack starts with one, so it is marked to be drawn from the CJK face.
 * - Two adjacent full-width marks (clreq 3.1.6.3, 标点挤压): closing then closing or opening
 *   (`。”`, `，「`, `）。`) squeeze the first one's ending half; opening then opening (`《「`) the
 *   second one's starting half. Chromium does this itself (`text-spacing-trim`); the stylesheet
 *   applies the marks only where a browser does not, so nothing is squeezed twice.
 */
export function punctuationMarks(text: string): Map<number, PunctuationMark[]> {
  const chars = Array.from(text);
  const marks = new Map<number, PunctuationMark[]>();
  let offset = 0;
  chars.forEach((char, i) => {
    const found: PunctuationMark[] = [];
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (PUNCTUATION.curlyQuotes.has(char) && (isCjk(before) || isCjk(after))) found.push('cjk-quote');
    if (PUNCTUATION.closing.has(char) && after && (PUNCTUATION.closing.has(after) || PUNCTUATION.opening.has(after))) {
      found.push('squeeze-end');
    }
    if (PUNCTUATION.opening.has(char) && before && PUNCTUATION.opening.has(before)) found.push('squeeze-start');
    if (found.length) marks.set(offset, found);
    offset += char.length;
  });
  return marks;
}

/** A run of typeset text: plain, a Latin/numeric run next to Han (rule 3), or one marked mark (rule 4). */
export interface TypesetRun extends TextRun {
  punctuation?: PunctuationMark[];
}

/**
 * Rules 3 and 4 over text that rules 1 and 2 have set: the runs the pages render, in order.
 * Joined, their texts give back `text`: no rule adds or removes a character.
 */
export function typesetRuns(text: string): TypesetRun[] {
  const marks = punctuationMarks(text);
  const runs: TypesetRun[] = [];
  let offset = 0;
  for (const run of autospaceRuns(text)) {
    const start = offset;
    offset += run.text.length;
    if (run.spaceBefore !== undefined) {
      runs.push(run);
      continue;
    }
    let plainStart = 0;
    for (const [at, punctuation] of marks) {
      if (at < start || at >= offset) continue;
      const local = at - start;
      const mark = String.fromCodePoint(run.text.codePointAt(local)!);
      if (local > plainStart) runs.push({ text: run.text.slice(plainStart, local) });
      runs.push({ text: mark, punctuation });
      plainStart = local + mark.length;
    }
    if (plainStart < run.text.length) runs.push({ text: run.text.slice(plainStart) });
  }
  return runs;
}
