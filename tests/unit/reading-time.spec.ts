import { expect, test } from '@playwright/test';
import { CHARACTERS_PER_MINUTE, readingMinutes, readingUnits } from '../../src/essay/build/reading-time';

test.describe('reading time', () => {
  test('each Han character counts once; a Latin word or number counts once; punctuation and spaces not at all', () => {
    expect(readingUnits('软阶层')).toBe(3);
    expect(readingUnits('在2025年，DeepSeek-V3的GPT-4o')).toBe(2 + 1 + 1 + 1 + 1);
    expect(readingUnits('“”，。！？ \n')).toBe(0);
    expect(readingUnits("OpenAI's 0.28")).toBe(2);
  });

  test('minutes are rounded, at 255 characters a minute, and never zero', () => {
    expect(CHARACTERS_PER_MINUTE).toBe(255);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('字'.repeat(255 * 12))).toBe(12);
    expect(readingMinutes('字'.repeat(255 * 12 + 127))).toBe(12);
    expect(readingMinutes('字'.repeat(255 * 12 + 128))).toBe(13);
  });
});
