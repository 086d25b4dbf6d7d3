/**
 * What a page says about itself to search engines and to the cards that chat
 * apps draw for a shared link.
 */

const CLAUSE_END = /[\u3002\uFF01\uFF1F\uFF1B\uFF0C\u3001\uFF1A!?;,:]/u;
const SENTENCE_END = /[\u3002\uFF01\uFF1F!?]/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * A description from a page's opening words: about `min`–`max` characters, cut
 * after a punctuation mark (a full stop by preference), never inside a word.
 * A cut after a comma-like mark ends with an ellipsis instead of the mark.
 */
export function describe(text: string, { min = 80, max = 120 } = {}): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');

  const cutAfter = (test: RegExp) => {
    for (let i = max - 1; i >= min - 1; i--) if (test.test(chars[i]!)) return i + 1;
    return -1;
  };
  const sentence = cutAfter(SENTENCE_END);
  if (sentence > 0) return chars.slice(0, sentence).join('');
  const clause = cutAfter(CLAUSE_END);
  if (clause > 0) return `${chars.slice(0, clause - 1).join('')}\u2026`;

  // No punctuation in reach: cut between Han characters, backing out of any Latin word or number.
  let end = max - 1;
  while (end > 0 && LATIN_OR_DIGIT.test(chars[end - 1]!) && LATIN_OR_DIGIT.test(chars[end]!)) end--;
  return `${chars.slice(0, end).join('')}\u2026`;
}
