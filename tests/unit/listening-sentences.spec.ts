/**
 * What the voice says (src/listening/sentences.ts), over the whole essay in both editions: every
 * sentence once, in order; the pieces, joined, are the page's text without generated spaces;
 * none longer than a voice can say safely.
 */
import { expect, test } from '@playwright/test';
import { HARD_LIMIT, SOFT_LIMIT, pieces } from '../../src/listening/sentences';
import { applyTypography } from '../../src/core/typography';
import { toTraditional } from '../../src/core/traditional-script';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const simplified = allEssayTexts(readEssayContent()).map((text) => applyTypography(text));
const editions = { 简体: simplified, 繁體: simplified.map((text) => toTraditional(text)) };

for (const [name, blocks] of Object.entries(editions)) {
  test.describe(`the whole essay, ${name}`, () => {
    test('the pieces of each block, joined, are its text without whitespace; each at its offsets', () => {
      for (const text of blocks) {
        const said = pieces(text);
        const joined = said.map((piece) => piece.said).join('');
        expect(joined.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        // What lies between pieces is whitespace only: nothing of the text goes unsaid.
        for (let i = 0, at = 0; i <= said.length; at = said[i]?.end ?? text.length, i++) expect(text.slice(at, said[i]?.start ?? text.length).trim()).toBe('');
        for (const piece of said) expect(text.slice(piece.start, piece.end)).toBe(piece.said);
        // In order, never overlapping.
        for (let i = 1; i < said.length; i++) expect(said[i]!.start).toBeGreaterThanOrEqual(said[i - 1]!.end);
      }
    });

    test(`no piece longer than ${HARD_LIMIT} characters, and most within ${SOFT_LIMIT}`, () => {
      const all = blocks.flatMap((text) => pieces(text));
      expect(Math.max(...all.map((piece) => piece.said.length))).toBeLessThanOrEqual(HARD_LIMIT);
      const withinSoft = all.filter((piece) => piece.said.length <= SOFT_LIMIT).length;
      expect(withinSoft / all.length).toBeGreaterThan(0.95);
      expect(all.length).toBeGreaterThan(60);
    });

    test('every sentence is said once, in order: each sentence stop ends a piece, with its closing marks', () => {
      for (const text of blocks) {
        const ends = new Set(pieces(text).map((piece) => piece.end));
        for (const match of text.matchAll(/[。！？…]+[”’」』）》]*/g)) expect(ends.has(match.index + match[0].length), `${text.slice(0, 20)}…: ${match[0]} at ${match.index}`).toBe(true);
      }
    });

    test('a piece cut inside a sentence is cut after a clause mark, never inside a Latin word or a number', () => {
      for (const text of blocks) {
        for (const piece of pieces(text)) {
          if (piece.end === text.length) continue;
          expect(piece.said, piece.said).toMatch(/[。！？…，、；：—][”’」』）》]*$/);
        }
      }
    });
  });
}

test('closing quotes stay with their sentence; a long sentence without marks is cut outside words', () => {
  expect(pieces('他说：“真的吗？”我说：“是。”').map((piece) => piece.said)).toEqual(['他说：“真的吗？”', '我说：“是。”']);
  expect(pieces('这样……那样。').map((piece) => piece.said)).toEqual(['这样……', '那样。']);
  const long = `${'字'.repeat(110)}DeepSeek${'字'.repeat(30)}。`;
  const cut = pieces(long);
  expect(cut.map((piece) => piece.said).join('')).toBe(long);
  for (const piece of cut) expect(piece.said.length).toBeLessThanOrEqual(HARD_LIMIT);
  expect(cut.some((piece) => piece.said.includes('DeepSeek'))).toBe(true);
  expect(pieces('')).toEqual([]);
  expect(pieces('  一句。  ')).toEqual([{ start: 2, end: 5, said: '一句。' }]);
});
