/**
 * Passages (src/search/build/passages.ts): the blocks of 古文观止 gathered into a record each,
 * every block once and in order, never two sections in one, none longer than the limit unless one
 * block alone is.
 */
import { expect, test } from '@playwright/test';
import { PASSAGE_CHARS, passages } from '../../src/search/build/passages';
import { scaleContent } from '../../scripts/bench/scale-text';

const blocks = Object.entries(scaleContent())
  .filter(([path]) => path.startsWith('sections/'))
  .flatMap(([path, file]) => file.replace(/^---[\s\S]*?---/, '').split(/\n\n+/).map((text) => ({ section: path, text: text.trim() })))
  .filter((block) => block.text);
const length = (text: string) => Array.from(text).length;

test('every block is in one passage, in the text\u2019s order', () => {
  expect(passages(blocks).flat()).toEqual([...blocks.keys()]);
});

test('a passage holds one section\u2019s blocks and at most PASSAGE_CHARS characters, unless it is one block', () => {
  const grouped = passages(blocks);
  for (const members of grouped) {
    expect(new Set(members.map((i) => blocks[i]!.section)).size).toBe(1);
    const chars = members.reduce((sum, i) => sum + length(blocks[i]!.text), 0);
    if (members.length > 1) expect(chars).toBeLessThanOrEqual(PASSAGE_CHARS);
  }
  // 古文观止 has no paragraph of PASSAGE_CHARS: with a lower limit, its longest stand alone.
  const long = blocks.findIndex((block) => length(block.text) > 400);
  expect(long).toBeGreaterThan(-1);
  expect(passages(blocks, 400)).toContainEqual([long]);
  // Far fewer records than blocks: the metadata every first search loads lists each record.
  expect(grouped.length).toBeLessThan(blocks.length / 3);
});

test('a passage takes the next block of its section while the two fit, and starts anew with a new section', () => {
  const texts = ['甲'.repeat(600), '乙'.repeat(300), '丙'.repeat(200), '丁'.repeat(100)];
  expect(passages(texts.map((text) => ({ section: 'a', text })))).toEqual([[0, 1], [2, 3]]);
  expect(passages(texts.map((text, i) => ({ section: i < 1 ? 'a' : 'b', text })))).toEqual([[0], [1, 2, 3]]);
  expect(passages([])).toEqual([]);
});
