/**
 * Line breaking for the share cards' headings and the quote image's title
 * (src/core/line-breaking.ts): kinsoku (no closing mark at a line's start, no opening mark at
 * its end), whole phrases (core/phrase-breaks.ts), fewest lines, balanced.
 *
 * Marks are written as escapes: \uFF0C ,  \uFF1F ?  \uFF08 (  \uFF09 )  \u3002 .  \u300A <<  \u300B >>
 */
import { expect, test } from '@playwright/test';
import { breakLines, characterPieces, mayEndLine, mayStartLine, piecesAt } from '../../src/core/line-breaking';
import { phraseBreaks } from '../../src/core/phrase-breaks';
import { applyTypography } from '../../src/core/typography';

/** One em per character, Latin half an em: enough like a CJK font to test with. */
const measure = (line: string) => Array.from(line).reduce((w, c) => w + (/[\x20-\x7E]/.test(c) ? 0.5 : 1), 0);

const TITLE = applyTypography('如何看待DeepSeek热潮,这对普通中产又意味着什么?');
const MIXED = '\u300A深度求索\u300B\uFF08DeepSeek\uFF09震动中美科技界\u3002年年岁岁花相似\uFF0C年年岁岁人不同\uFF0C也适用于AI界\u3002';
const phrases = (text: string) => piecesAt(text, phraseBreaks(text));

test('closing marks stay with the character before, opening marks with the one after', () => {
  const pieces = characterPieces(MIXED);
  expect(pieces.join('')).toBe(MIXED);
  expect(pieces).toContain('\u300A深');
  expect(pieces).toContain('索\u300B');
  expect(pieces).toContain('\uFF08D');
  for (const piece of pieces.slice(1)) expect(mayStartLine(Array.from(piece)[0]!)).toBe(true);
  for (const piece of pieces.slice(0, -1)) expect(mayEndLine(Array.from(piece).at(-1)!)).toBe(true);
});

test('lines break only between the pieces given, until one is wider than a line', () => {
  const pieces = phrases(TITLE);
  const breaks = new Set(phraseBreaks(TITLE));
  for (let maxWidth = 6; maxWidth <= 30; maxWidth += 0.5) {
    const lines = breakLines(pieces, { measure, maxWidth })!;
    let at = 0;
    for (const line of lines.slice(0, -1)) expect(breaks, `${lines.join('|')} at ${maxWidth}`).toContain((at += line.length));
  }
});

test('at every width, no line starts with a closing mark or ends with an opening one, and no text is lost', () => {
  for (const text of [TITLE, MIXED]) {
    for (let maxWidth = 5; maxWidth <= 30; maxWidth += 0.5) {
      const lines = breakLines(phrases(text), { measure, maxWidth });
      expect(lines, `${text} at ${maxWidth}`).toBeDefined();
      expect(lines!.join('')).toBe(text);
      for (const line of lines!) {
        expect(measure(line)).toBeLessThanOrEqual(maxWidth);
        expect(mayStartLine(Array.from(line)[0]!), `line "${line}" at ${maxWidth}`).toBe(true);
        expect(mayEndLine(Array.from(line).at(-1)!), `line "${line}" at ${maxWidth}`).toBe(true);
      }
    }
  }
});

test('words stay whole when they fit: DeepSeek is never cut', () => {
  for (let maxWidth = 5; maxWidth <= 30; maxWidth += 0.5) {
    const lines = breakLines(phrases(TITLE), { measure, maxWidth })!;
    expect(lines.some((line) => line.includes('DeepSeek'))).toBe(true);
  }
});

test('the fewest lines, balanced, breaking at the comma when that is as even', () => {
  // 23 characters wide in all; 14 fit on a line, so two lines, split at the comma.
  expect(breakLines(phrases(TITLE), { measure, maxWidth: 14 })).toEqual([
    `如何看待DeepSeek热潮\uFF0C`,
    '这对普通中产又意味着什么\uFF1F',
  ]);
  // A width that holds it all gives one line.
  expect(breakLines(phrases(TITLE), { measure, maxWidth: 40 })).toEqual([TITLE]);
});

test('a word wider than a line is split between characters, still keeping the marks', () => {
  const lines = breakLines(['DeepSeek\uFF0C'], { measure, maxWidth: 2 })!;
  expect(lines.join('')).toBe('DeepSeek\uFF0C');
  expect(lines.at(-1)!.endsWith('\uFF0C')).toBe(true);
  expect(lines.at(-1)!.length).toBeGreaterThan(1);
});

test('a piece that cannot be broken and is too wide gives undefined', () => {
  expect(breakLines(characterPieces('\u4E00\uFF0C'), { measure, maxWidth: 1.5 })).toBeUndefined();
});
