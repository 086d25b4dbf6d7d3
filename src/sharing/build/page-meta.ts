/**
 * What a page says about itself to search engines and to the cards that chat
 * apps draw for a shared link.
 */
import {
  ASCII_CLAUSE_PAUSES,
  ASCII_CLOSING_BRACKETS,
  ASCII_SENTENCE_STOPS,
  CLAUSE_ENDS,
  CLOSING_BRACKETS,
  CLOSING_QUOTES,
  SENTENCE_STOPS,
  charClass,
} from '../../core/punctuation';

const ASCII_MARKS = ASCII_SENTENCE_STOPS + ASCII_CLAUSE_PAUSES;
const CLAUSE_END = new RegExp(`[${charClass(CLAUSE_ENDS + ASCII_MARKS)}]`, 'u');
const SENTENCE_END = new RegExp(`[${charClass(SENTENCE_STOPS + ASCII_SENTENCE_STOPS)}]`, 'u');
/** ASCII marks also sit inside numbers and addresses (1,000, 10:30, ?q=): they end a clause only before a space or non-Latin text. */
const ASCII_MARK = new RegExp(`[${charClass(ASCII_MARKS)}]`, 'u');
/** Closing quotes and brackets belong with the mark before them: a cut never leaves them behind. */
const CLOSER = new RegExp(`[${charClass(CLOSING_QUOTES + CLOSING_BRACKETS + ASCII_CLOSING_BRACKETS)}]`, 'u');
/** What a Latin word or a number is made of; a cut between two of these would split it (GPT-4o, 0.28, App's). */
const WORD_PART = /[\p{Script=Latin}\p{Nd}\-.'\u2019_/%+]/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * A description from a page's opening words: about `min`–`max` characters, cut
 * after a punctuation mark (a full stop by preference), never inside a word.
 * A cut after a comma-like mark ends with an ellipsis instead of the mark.
 */
export function describe(text: string, { min = 80, max = 120 } = {}): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');

  /** Where a mark passing `test` ends a cut of `length` characters (its closing quotes included), or -1. */
  const markBefore = (length: number, test: RegExp): number => {
    if (CLOSER.test(chars[length] ?? '')) return -1;
    let mark = length - 1;
    while (mark > 0 && CLOSER.test(chars[mark]!)) mark--;
    const char = chars[mark]!;
    if (!test.test(char)) return -1;
    if (ASCII_MARK.test(char) && LATIN_OR_DIGIT.test(chars[mark + 1] ?? '')) return -1;
    return mark;
  };
  const cutAfter = (test: RegExp): { length: number; mark: number } | undefined => {
    for (let length = max; length >= min; length--) {
      const mark = markBefore(length, test);
      if (mark >= 0) return { length, mark };
    }
    return undefined;
  };

  const sentence = cutAfter(SENTENCE_END);
  if (sentence) return chars.slice(0, sentence.length).join('');
  const clause = cutAfter(CLAUSE_END);
  // The clause mark gives way to the ellipsis; closing quotes after it stay.
  if (clause) return `${[...chars.slice(0, clause.mark), ...chars.slice(clause.mark + 1, clause.length)].join('')}\u2026`;

  // No punctuation in reach: cut between Han characters, backing out of any Latin word or number.
  let end = max - 1;
  while (end > 0 && WORD_PART.test(chars[end - 1]!) && WORD_PART.test(chars[end]!)) end--;
  return `${chars.slice(0, end).join('').trimEnd()}\u2026`;
}
