/**
 * Search normalisation ("folding"): the one function that decides when two
 * strings count as the same words. The index (at build time) and the query (in
 * the browser) are folded alike, and every folded character remembers where it
 * came from, so a match can be highlighted in the text as shown.
 *
 * Folding applies, character by character:
 * - Unicode NFKC: full-width Latin and digits (`ＤｅｅｐＳｅｅｋ`, `３５`) and full-width
 *   punctuation (U+FF0C…) become their ASCII forms, so `业界,对于` finds `业界，对于`;
 * - lower case;
 * - curly quotes as straight, and the interpuncts `·` `・` `‧` as `.`;
 * - Traditional characters as Simplified, through a character/phrase table built
 *   from OpenCC's dictionaries at build time (see fold-table.ts);
 * - white space dropped next to Chinese (`在 2025 年` = `在2025年`), collapsed elsewhere;
 * - control and format characters (zero-width space, soft hyphen, direction marks,
 *   byte-order mark) dropped: they are invisible, and text pasted from a chat app
 *   or a web page often carries them.
 */

/** A string conversion that keeps the number of code points, such as Traditional → Simplified. */
export type Convert = (text: string) => string;

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`: the [start, end) UTF-16 offsets of the source character it came from. */
  from: Array<[number, number]>;
}

const CURLY_AND_DOTS: Readonly<Record<string, string>> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u00B7': '.',
  '\u30FB': '.',
  '\u2027': '.',
};

const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFF65]/u;
const SPACE = /\s/u;
/** Control characters other than tab and line breaks, and format characters (U+200B, U+200E, U+202E, U+FEFF…). */
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}]/u;

interface FoldedChar {
  char: string;
  start: number;
  end: number;
  /** Whether the *source* character was Chinese: NFKC turns `，` into `,`, but it still binds spaces. */
  cjk: boolean;
}

export function fold(source: string, convert?: Convert): Folded {
  const chars: FoldedChar[] = [];
  let offset = 0;
  for (const sourceChar of source) {
    const start = offset;
    offset += sourceChar.length;
    const cjk = CJK.test(sourceChar);
    const normalised = sourceChar.normalize('NFKC').toLowerCase();
    for (const char of normalised) {
      if (INVISIBLE.test(char)) continue;
      chars.push({ char: CURLY_AND_DOTS[char] ?? (SPACE.test(char) ? ' ' : char), start, end: offset, cjk });
    }
  }

  const nonSpace = (from: number, step: 1 | -1) => {
    let i = from;
    while (chars[i]?.char === ' ') i += step;
    return chars[i];
  };
  const kept = chars.filter((c, i) => {
    if (c.char !== ' ') return true;
    if (chars[i + 1]?.char === ' ') return false; // collapse a run of spaces into its last one
    const before = nonSpace(i - 1, -1);
    const after = nonSpace(i + 1, 1);
    return before !== undefined && after !== undefined && !before.cjk && !after.cjk;
  });

  // Per code point of the folded text, the source character it came from.
  const sources: Array<[number, number]> = [];
  for (const c of kept) for (const _ of c.char) sources.push([c.start, c.end]);
  const joined = kept.map((c) => c.char).join('');
  const converted = convert ? convert(joined) : joined;
  // The conversion table holds only entries of as many code points as they replace (not always as
  // many UTF-16 units: 紞 → 𬘘 is one unit to two); anything else would break the offsets.
  const text = Array.from(converted).length === sources.length ? converted : joined;

  const from: Array<[number, number]> = [];
  Array.from(text).forEach((char, i) => {
    for (let unit = 0; unit < char.length; unit++) from.push(sources[i]!);
  });
  return { text, from };
}

/** The source range [start, end) behind the folded range [start, end). */
export function sourceRange(folded: Folded, start: number, end: number): [number, number] {
  return [folded.from[start]![0], folded.from[end - 1]![1]];
}
