/**
 * Verifying and ranking what Pagefind returns, on the text as shown.
 *
 * Pagefind finds the paragraphs whose bigrams form the query's phrase; this
 * module checks each candidate's own text, decides how well it matches, and
 * cuts the excerpt around the match so the reader sees the phrase whole.
 */
import { fold, sourceRange, type Convert, type Folded } from './fold';
import { WORD_CHAR } from './tokens';
import { ASCII_CLAUSE_PAUSES, ASCII_SENTENCE_STOPS, CLAUSE_ENDS, charClass } from '../core/punctuation';

export type MatchKind =
  /** The query as typed, punctuation included (after folding). */
  | 'exact'
  /** The same letters and digits in a row, with other punctuation or spacing between them. */
  | 'words'
  /** Only part of the query: the longest stretch of it found in the text. */
  | 'partial';

export interface TextMatch {
  kind: MatchKind;
  /** UTF-16 range in the text as shown. */
  start: number;
  end: number;
}

const RANK: Readonly<Record<MatchKind, number>> = { exact: 0, words: 1, partial: 2 };

export function compareMatchKinds(a: MatchKind, b: MatchKind): number {
  return RANK[a] - RANK[b];
}


/** The folded text reduced to letters and digits, still mapped to the source. */
function wordsOnly(folded: Folded): Folded {
  const text: string[] = [];
  const from: Folded['from'] = [];
  Array.from(folded.text).reduce((offset, char) => {
    if (WORD_CHAR.test(char)) {
      text.push(char);
      for (let unit = 0; unit < char.length; unit++) from.push(folded.from[offset + unit]!);
    }
    return offset + char.length;
  }, 0);
  return { text: text.join(''), from };
}

/** The longest common substring of `a` in `b` (dynamic programming; queries and paragraphs are short). */
function longestCommon(a: string, b: string): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > best.length) best = { start: j - current[j]!, length: current[j]! };
      }
    }
    previous = current;
  }
  return best;
}

/** Where `query` stands in `text`, and how well; null when not even two characters of it stand together there. */
export function locate(query: string, text: string, convert?: Convert): TextMatch | null {
  const foldedQuery = fold(query, convert);
  const foldedText = fold(text, convert);
  if (!foldedQuery.text) return null;

  const exactAt = foldedText.text.indexOf(foldedQuery.text);
  if (exactAt >= 0) {
    const [start, end] = sourceRange(foldedText, exactAt, exactAt + foldedQuery.text.length);
    return { kind: 'exact', start, end };
  }

  const queryWords = wordsOnly(foldedQuery);
  const textWords = wordsOnly(foldedText);
  if (!queryWords.text) return null;
  const wordsAt = textWords.text.indexOf(queryWords.text);
  if (wordsAt >= 0) {
    const [start, end] = sourceRange(textWords, wordsAt, wordsAt + queryWords.text.length);
    return { kind: 'words', start, end };
  }

  const common = longestCommon(queryWords.text, textWords.text);
  // One shared character is chance, not a partial match.
  if (common.length < 2) return null;
  const [start, end] = sourceRange(textWords, common.start, common.start + common.length);
  return { kind: 'partial', start, end };
}

/**
 * Every place the query stands in `text` as it stands at `match`: each exact one for an exact
 * match, each with its letters and digits in a row for a `words` match; a partial match is its one
 * place. In the text's order, none overlapping, `match` among them.
 */
export function locateAll(query: string, text: string, match: TextMatch, convert?: Convert): TextMatch[] {
  if (match.kind === 'partial') return [match];
  const words = match.kind === 'words';
  const foldedQuery = fold(query, convert);
  const folded = words ? wordsOnly(fold(text, convert)) : fold(text, convert);
  const wanted = words ? wordsOnly(foldedQuery).text : foldedQuery.text;
  if (!wanted) return [match];
  const found: TextMatch[] = [];
  for (let at = folded.text.indexOf(wanted); at >= 0; at = folded.text.indexOf(wanted, at + wanted.length)) {
    const [start, end] = sourceRange(folded, at, at + wanted.length);
    found.push({ kind: match.kind, start, end });
  }
  return found.some(({ start }) => start === match.start) ? found : [match];
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
  /** Whether text was left out before / after the excerpt. */
  cutBefore: boolean;
  cutAfter: boolean;
  /**
   * The query's other places wholly within the excerpt (`locateAll`), marked as the match is: in
   * code units of `before + match + after`, in order.
   */
  others: Array<{ start: number; end: number }>;
}

function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

const CLAUSE_END = new RegExp(`[${charClass(CLAUSE_ENDS)}]`, 'u');
const LATIN_CLAUSE_END = new RegExp(`[${charClass(ASCII_CLAUSE_PAUSES + ASCII_SENTENCE_STOPS + '.')}]`, 'u');

/** Chinese clause marks always end a clause; ASCII ones only before a space (not in `0.28` or `a,b`). */
function endsClause(text: string, at: number): boolean {
  const char = text[at] ?? '';
  return CLAUSE_END.test(char) || (LATIN_CLAUSE_END.test(char) && /\s/u.test(text[at + 1] ?? ''));
}

/**
 * The match with some context on each side, cut at a punctuation mark where one
 * is near, so the excerpt starts and ends on whole clauses rather than mid-word;
 * with those of `places` (the query's every place, `locateAll`) that it shows whole.
 */
export function excerptAround(
  text: string,
  match: TextMatch,
  places: readonly TextMatch[] = [],
  context = { before: 36, after: 60 },
): Excerpt {
  let from = Math.max(0, match.start - context.before);
  if (isLowSurrogate(text, from)) from++; // never half of a character outside the BMP
  if (from > 0) {
    // The longest stretch before the match that starts a clause (punctuation is never a surrogate).
    for (let i = from; i < match.start; i++) {
      if (endsClause(text, i)) {
        from = i + 1;
        break;
      }
    }
  }
  let to = Math.min(text.length, match.end + context.after);
  if (isLowSurrogate(text, to)) to--;
  if (to < text.length) {
    for (let i = to - 1; i >= match.end; i--) {
      if (endsClause(text, i)) {
        to = i + 1;
        break;
      }
    }
  }
  return {
    before: text.slice(from, match.start),
    match: text.slice(match.start, match.end),
    after: text.slice(match.end, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
    others: places
      .filter((place) => place.start !== match.start && place.start >= from && place.end <= to)
      .map((place) => ({ start: place.start - from, end: place.end - from })),
  };
}
