/**
 * Counts and paging of search results (src/search/results.ts), with the real matcher
 * (src/search/match.ts) on real text: a fragment is fetched only for the page shown,
 * the count is every record's, and 更多 reaches every result once, in order.
 */
import { expect, test } from '@playwright/test';
import { locate } from '../../src/search/match';
import { ResultPages } from '../../src/search/results';
import { scaleContent } from '../../scripts/bench/scale-text';

/** The anthology's paragraphs (Simplified), as the records Pagefind would return for a phrase held by each. */
function paragraphsHolding(phrase: string): string[] {
  return Object.values(scaleContent())
    .flatMap((file) => file.replace(/^---[\s\S]*?---/, '').split(/\n\n+/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.includes(phrase));
}

function candidatesOf(texts: string[]) {
  const fetched: number[] = [];
  const candidates = texts.map((text, i) => ({
    data: async () => {
      fetched.push(i);
      return { i, text };
    },
  }));
  return { candidates, fetched };
}

test('君子: the count is every paragraph holding it, fragments load a page at a time, and 更多 reaches each once', async () => {
  const texts = paragraphsHolding('君子');
  expect(texts.length).toBeGreaterThan(40); // more than the old limit of 40 checked results
  const { candidates, fetched } = candidatesOf(texts);
  const pages = new ResultPages(candidates, (record) => (locate('君子', record.text) ? record.i : null), 10);

  expect(pages.count).toBe(texts.length);
  const first = await pages.more();
  expect(first).toEqual([...Array(10).keys()]);
  expect(fetched).toHaveLength(10);
  expect(pages.remaining).toBe(texts.length - 10);

  const seen = [...first];
  while (pages.remaining > 0) seen.push(...(await pages.more()));
  expect(seen).toEqual([...texts.keys()]);
  expect(fetched).toHaveLength(texts.length);
  expect(pages.count).toBe(texts.length);
  expect(await pages.more()).toEqual([]);
});

test('records that turn out not to hold the query are not counted once checked', async () => {
  // As for a query longer than the lookup: Pagefind finds records by its start, the text decides.
  const texts = [...paragraphsHolding('而不').slice(0, 12), '与此无关的一段话。', '也不相干。'];
  const { candidates } = candidatesOf(texts);
  const pages = new ResultPages(candidates, (record) => (locate('而不', record.text)?.kind === 'exact' ? record.i : null), 5);
  expect(pages.count).toBe(14); // before checking: the records found
  const all = await pages.all();
  expect(all).toEqual([...Array(12).keys()]);
  expect(pages.count).toBe(12);
  expect(pages.remaining).toBe(0); // every record checked: the count is exact
});

test('within a page, the order given (exact before other punctuation), stable among equals', async () => {
  const texts = ['甲，乙丙', '甲乙丙', '甲乙，丙', '又甲乙丙'];
  const { candidates } = candidatesOf(texts);
  const rank = { exact: 0, words: 1, partial: 2 } as const;
  const pages = new ResultPages(
    candidates,
    (record) => {
      const match = locate('甲乙丙', record.text);
      return match ? { i: record.i, kind: match.kind } : null;
    },
    10,
    (a, b) => rank[a.kind] - rank[b.kind],
  );
  expect((await pages.more()).map((hit) => hit.i)).toEqual([1, 3, 0, 2]);
});
