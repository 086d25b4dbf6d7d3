/**
 * Chinese punctuation, each class named once (after heti, clreq and CSS Text 4's classes for
 * `text-spacing-trim`). Every rule that looks at punctuation — typography, line breaking,
 * search excerpts, page descriptions, share cards and quote images — builds its sets from these.
 *
 * Written as escapes: full-width and ASCII punctuation look alike in most editors. Each class is
 * a string of its characters; `charSet` and `charClass` turn one into a Set or a RegExp class.
 */

/** Opening brackets （［｛〔〈《「『【〖〘〚: drawn in the right half of their em in mainland fonts. */
export const OPENING_BRACKETS = '\uFF08\uFF3B\uFF5B\u3014\u3008\u300A\u300C\u300E\u3010\u3016\u3018\u301A';
/** Closing brackets ）］｝〕〉》」』】〗〙〛: drawn in the left half of their em. */
export const CLOSING_BRACKETS = '\uFF09\uFF3D\uFF5D\u3015\u3009\u300B\u300D\u300F\u3011\u3017\u3019\u301B';
/** Opening curly quotes “‘. */
export const OPENING_QUOTES = '\u201C\u2018';
/** Closing curly quotes ”’. */
export const CLOSING_QUOTES = '\u201D\u2019';
/** Curly quotes “”‘’: full-width in Chinese text, proportional in Latin text. */
export const CURLY_QUOTES = OPENING_QUOTES + CLOSING_QUOTES;

/** Marks that end a sentence 。！？. */
export const SENTENCE_STOPS = '\u3002\uFF01\uFF1F';
/** Marks that end a clause within a sentence ，、；：. */
export const CLAUSE_PAUSES = '\uFF0C\u3001\uFF1B\uFF1A';
/** Every full-width mark that ends a clause or a sentence 。！？，、；：. */
export const CLAUSE_ENDS = SENTENCE_STOPS + CLAUSE_PAUSES;
/** Their ASCII counterparts !? and ,;: (which also sit inside numbers and addresses: 1,000, 10:30, ?q=). */
export const ASCII_SENTENCE_STOPS = '!?';
export const ASCII_CLAUSE_PAUSES = ',;:';
/** ASCII brackets. */
export const ASCII_OPENING_BRACKETS = '([{';
export const ASCII_CLOSING_BRACKETS = ')]}';

/** The ellipsis 「…」 and the dash 「—」, each written twice in running text. */
export const ELLIPSIS_MARK = '\u2026';
export const DASH_MARK = '\u2014';

/**
 * Marks blank on their ending side in mainland (SC) fonts: closing brackets and quotes and the
 * pause and stop marks 、，。． (：；？！ are left out: fonts differ in where they stand).
 */
export const BLANK_END = CLOSING_BRACKETS + CLOSING_QUOTES + '\u3001\uFF0C\u3002\uFF0E';
/** Marks blank on their starting side: opening brackets and quotes. */
export const BLANK_START = OPENING_BRACKETS + OPENING_QUOTES;

/** Marks that may not start a line (clreq's 行首禁则): closing marks, stops and pauses, …‥·％‰ and ASCII ,.:;?!)]}%. */
export const NO_LINE_START =
  CLAUSE_ENDS + CLOSING_BRACKETS + CLOSING_QUOTES + '\u2026\u2025\u00B7\uFF05\u2030' + ',.:;?!' + ASCII_CLOSING_BRACKETS + '%';
/** Marks that may not end a line (clreq's 行尾禁则): opening brackets and quotes, and ASCII ([{. */
export const NO_LINE_END = OPENING_BRACKETS + OPENING_QUOTES + ASCII_OPENING_BRACKETS;

/** The characters of a class as a Set. */
export const charSet = (chars: string): ReadonlySet<string> => new Set(Array.from(chars));

/** The characters of a class inside a RegExp character class (`[${charClass(…)}]`). */
export const charClass = (chars: string): string => Array.from(chars, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`).join('');
