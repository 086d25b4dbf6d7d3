/**
 * Where a title may break: between phrases, never inside a word (中产, 热潮, 启发, 性价比).
 *
 * Titles are short, large and balanced, so one break inside a word shows on the first screen.
 * Two segmenters were measured on the site's titles (docs/typography-titles.md), and each cuts
 * some word the other keeps:
 * - BudouX (Google's phrase model, `budoux`, one model for 简体 and one for 繁體) keeps 中产 and
 *   热潮, but cuts 新启|发, 作|者 (繁體) and even ChatG|PT;
 * - ICU's dictionary (`Intl.Segmenter`) keeps 启发, 中美 and ChatGPT, but cuts 惊|艳 and 性|价|比.
 * So a break is allowed only where both agree, in both scripts (the Traditional text is the
 * Simplified one converted character for character, core/traditional-script.ts, so its offsets
 * are the same): the title breaks at the same places in both editions. Then two rules that no
 * segmenter knows: a Latin or numeric run (`DeepSeek`, `GPT-4o`) is never cut (its own spaces
 * aside), and the punctuation rules of line-breaking.ts (no closing mark starts a line, no opening
 * mark ends one). The edges of a Latin run next to Han are always allowed: the stylesheet's
 * generated space there is a break opportunity in every engine anyway.
 *
 * Build-time only: BudouX's models and OpenCC stay out of the scripts. The build marks the breaks
 * (`<wbr>` in titles set with `word-break: keep-all`, essay/Typeset.astro), and what scripts draw
 * (the quote image's title) reads them back from the page (core/client/phrase-pieces.ts).
 */
import { loadDefaultSimplifiedChineseParser, loadDefaultTraditionalChineseParser } from 'budoux';
import { glue, piecesAt } from './line-breaking';
import { toTraditional } from './traditional-script';
import { autospaceRuns } from './typography';

const budoux = { hans: loadDefaultSimplifiedChineseParser(), hant: loadDefaultTraditionalChineseParser() };
const icu = { hans: new Intl.Segmenter('zh-Hans', { granularity: 'word' }), hant: new Intl.Segmenter('zh-Hant', { granularity: 'word' }) };

/** The offsets between consecutive segments; none when the segments do not give `text` back. */
function boundaries(text: string, segments: string[]): Set<number> {
  if (segments.join('') !== text) return new Set();
  const found = new Set<number>();
  let at = 0;
  for (const segment of segments.slice(0, -1)) found.add((at += segment.length));
  return found;
}

function segmentations(text: string, script: 'hans' | 'hant'): Array<Set<number>> {
  return [
    boundaries(text, budoux[script].parse(text)),
    boundaries(text, Array.from(icu[script].segment(text), (s) => s.segment)),
  ];
}

const LATIN_RUN = /[\p{Script=Latin}\p{Nd}]+(?:[-.\/'’+][\p{Script=Latin}\p{Nd}]+)*/gu;

/**
 * The offsets (code units) of `simplified` where a title may break, in order; valid for its
 * Traditional conversion too. `simplified` is text as the essay model hands it out (typeset by
 * the character rules, in the essay's own script).
 */
export function phraseBreaks(simplified: string): number[] {
  const traditional = toTraditional(simplified);
  const readings = [...segmentations(simplified, 'hans'), ...(traditional.length === simplified.length ? segmentations(traditional, 'hant') : [])];
  const [first, ...rest] = readings;
  const allowed = new Set([...first!].filter((at) => rest.every((reading) => reading.has(at))));
  // Never inside a Latin or numeric run; always at the edges of one that touches Han.
  for (const match of simplified.matchAll(LATIN_RUN)) {
    for (let at = match.index + 1; at < match.index + match[0].length; at++) allowed.delete(at);
  }
  let offset = 0;
  for (const run of autospaceRuns(simplified)) {
    if (run.spaceBefore) allowed.add(offset);
    offset += run.text.length;
    if (run.spaceAfter) allowed.add(offset);
  }
  allowed.delete(0);
  allowed.delete(simplified.length);
  // The punctuation rules: gluing the pieces drops the breaks that would breach them.
  const pieces = glue(piecesAt(simplified, [...allowed].sort((a, b) => a - b)));
  return pieces.slice(0, -1).map(((at) => (piece: string) => (at += piece.length))(0));
}
