/**
 * What a voice says at a time: a block's text cut into utterances, pure, so the unit tests can run
 * it over the whole essay in both editions (tests/unit/listening-sentences.spec.ts).
 *
 * A sentence ends after 。！？ or an ellipsis (…, ……), with the closing quotes and brackets that
 * follow it (「“……吗？”」 stays whole). A sentence too long for a voice to say safely is cut after
 * a clause mark (，；：、, the dash): Chrome's online voices stop on an utterance longer than about
 * 14 seconds, about 60 characters of Mandarin at 1×, so pieces aim at `SOFT_LIMIT` and never pass
 * `HARD_LIMIT` (a stretch with no mark at all is cut there, outside a Latin word or a number).
 *
 * Offsets are code units of the block's text (its `textContent`, which carries no generated space:
 * those are drawn by CSS), so a piece is found again on the page to be highlighted. Nothing is
 * left out or added but the whitespace at a piece's ends: the pieces, joined, are the text.
 */
import { CLAUSE_PAUSES, CLOSING_BRACKETS, CLOSING_QUOTES, DASH_MARK, ELLIPSIS_MARK, SENTENCE_STOPS, charSet } from '../core/punctuation';

export const SOFT_LIMIT = 60;
export const HARD_LIMIT = 120;

export interface Piece {
  /** Offsets in the block's text: `text.slice(start, end)` is `said`. */
  start: number;
  end: number;
  said: string;
}

const STOPS = charSet(SENTENCE_STOPS + ELLIPSIS_MARK + '!?');
const CLOSERS = charSet(CLOSING_QUOTES + CLOSING_BRACKETS + '"\')');
const PAUSES = charSet(CLAUSE_PAUSES + DASH_MARK);
const WORDISH = /[\p{L}\p{N}._\-/%]/u;

/** Where each sentence ends (after its stop and the closing marks that follow it). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!STOPS.has(text[i]!)) {
      i++;
      continue;
    }
    // ASCII ! and ? inside Latin text (Yahoo!) end no Chinese sentence unless a space or the end follows.
    if ((text[i] === '!' || text[i] === '?') && i + 1 < text.length && WORDISH.test(text[i + 1]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && (STOPS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    ends.push(end);
    i = end;
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** Candidate cuts inside a sentence: after a clause mark and its closing marks. */
function pauseCuts(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  for (let i = from; i < to - 1; i++) {
    if (!PAUSES.has(text[i]!)) continue;
    let cut = i + 1;
    while (cut < to && (CLOSERS.has(text[cut]!) || text[cut] === DASH_MARK)) cut++;
    if (cut < to && cuts.at(-1) !== cut) cuts.push(cut);
  }
  return cuts;
}

/** A cut at most `limit` after `from`, outside a word or a number, when no mark offers one. */
function hardCut(text: string, from: number, limit: number): number {
  let cut = from + limit;
  while (cut > from + limit / 2 && WORDISH.test(text[cut - 1] ?? '') && WORDISH.test(text[cut] ?? '')) cut--;
  // A surrogate pair stays whole.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  return cut;
}

/** Cuts `from`–`to` (one sentence) into pieces of at most `HARD_LIMIT`, near `SOFT_LIMIT` where marks allow. */
function cutSentence(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  let start = from;
  const cuts = pauseCuts(text, from, to);
  while (to - start > SOFT_LIMIT) {
    const open = cuts.filter((cut) => cut > start);
    const within = open.filter((cut) => cut - start <= SOFT_LIMIT);
    // The last mark within the soft limit; else the first one within the hard limit; else a hard cut.
    let cut = within.at(-1) ?? open.find((cut) => cut - start <= HARD_LIMIT);
    if (cut === undefined) {
      if (to - start <= HARD_LIMIT) break;
      cut = hardCut(text, start, HARD_LIMIT);
    }
    // Two pieces rather than a long one and a scrap: a cut leaving fewer than 8 characters is not taken
    // when the whole fits the hard limit.
    if (to - cut < 8 && to - start <= HARD_LIMIT) break;
    ends.push(cut);
    start = cut;
  }
  ends.push(to);
  return ends;
}

/** The utterances of one block's text, in order. */
export function pieces(text: string): Piece[] {
  const result: Piece[] = [];
  let start = 0;
  for (const sentenceEnd of sentenceEnds(text)) {
    for (const end of cutSentence(text, start, sentenceEnd)) {
      // Whitespace at a piece's ends is not said (and not highlighted).
      let from = start;
      let to = end;
      while (from < to && /\s/.test(text[from]!)) from++;
      while (to > from && /\s/.test(text[to - 1]!)) to--;
      if (to > from) result.push({ start: from, end: to, said: text.slice(from, to) });
      start = end;
    }
  }
  return result;
}
