/**
 * src/search/build/phrase-chars.ts: the length of the stretches that are tokens, chosen for a text
 * so that a long query is checked on few blocks.
 */
import { expect, test } from '@playwright/test';
import { CHECKED_ON_AVERAGE, averageHolders, choosePhraseChars } from '../../src/search/build/phrase-chars';
import { PHRASE_CHARS } from '../../src/search/tokens';
import { fold } from '../../src/search/fold';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

/** `count` blocks that all start with `shared`, each with its own tail (甲乙… + one of 子丑寅…). */
function blocksSharing(shared: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shared + String.fromCodePoint(0x5b50 + i) + String.fromCodePoint(0x6000 + i));
}

test('averageHolders: over each starting point, how many blocks hold the stretch that starts there', () => {
  const blocks = ['\u7532\u4E59\u4E19', '\u7532\u4E59\u4E01', '\u7532\u4E59\u620A']; // 甲乙丙 甲乙丁 甲乙戊
  // Pairs: 甲乙 in all three, 乙丙 乙丁 乙戊 in one each: (3 + 1) × 3 / 6.
  expect(averageHolders(blocks, 2)).toBe(2);
  expect(averageHolders(blocks, 3)).toBe(1);
  // Punctuation is not a letter; a stretch repeated within a block is held by that block once.
  expect(averageHolders(['\u7532\uFF0C\u4E59', '\u7532\u4E59\u7532\u4E59'], 2)).toBe((2 + 2 + 1 + 2) / 4);
  expect(averageHolders([], 2)).toBe(0);
  expect(averageHolders(['\u7532'], 2)).toBe(0);
});

test('choosePhraseChars: the shortest stretch whose blocks stay few, within the range, and how many they are', () => {
  expect(choosePhraseChars(['\u7532\u4E59\u4E19', '\u4E01\u620A\u5DF1'])).toEqual({ phraseChars: PHRASE_CHARS.min, checked: 1 });
  // Twenty blocks share a pair: a query starting with it would be checked on all of them.
  const pairShared = blocksSharing('\u7532\u4E59', 20);
  expect(averageHolders(pairShared, 2)).toBeGreaterThan(CHECKED_ON_AVERAGE);
  expect(choosePhraseChars(pairShared)).toEqual({ phraseChars: 3, checked: 1 });
  // However alike the blocks, never beyond the longest (the build's memory), and the build is told how many.
  const longestShared = blocksSharing('\u7532\u4E59\u4E19\u4E01'.slice(0, PHRASE_CHARS.max), 20); // 甲乙丙丁, as long as the longest
  const chosen = choosePhraseChars(longestShared);
  expect(chosen).toEqual({ phraseChars: PHRASE_CHARS.max, checked: averageHolders(longestShared, PHRASE_CHARS.max) });
  expect(chosen.checked).toBeGreaterThan(CHECKED_ON_AVERAGE);
  expect(choosePhraseChars([])).toEqual({ phraseChars: PHRASE_CHARS.min, checked: 0 });
});

test('this essay is short enough for stretches of two', () => {
  const blocks = allEssayTexts(readEssayContent()).map((text) => fold(applyTypography(text)).text);
  expect(averageHolders(blocks, 2)).toBeLessThanOrEqual(CHECKED_ON_AVERAGE);
  expect(choosePhraseChars(blocks).phraseChars).toBe(2);
});
