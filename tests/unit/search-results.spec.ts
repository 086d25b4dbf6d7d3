/**
 * Counts and paging of search results (src/search/results.ts), with the real matcher
 * (src/search/match.ts) on real text: a fragment is fetched only for the page shown,
 * the count is every record's, and 更多 reaches every result once, in order.
 */
import { expect, test } from '@playwright/test';
import { fold } from '../../src/search/fold';
import { locate } from '../../src/search/match';
import { ResultPages, type Candidate } from '../../src/search/results';
import { crossingTokens, pagefindQuery, wordChars } from '../../src/search/tokens';
import { scaleContent } from '../../scripts/bench/scale-text';
import { passages } from '../../src/search/build/passages';

/** The anthology's paragraphs (Simplified), as the records Pagefind would return for a phrase held by each. */
function paragraphsHolding(phrase: string): string[] {
  return Object.values(scaleContent())
    .flatMap((file) => file.replace(/^---[\s\S]*?---/, '').split(/\n\n+/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.includes(phrase));
}

/** The paragraphs holding the phrase's letters in a row, punctuation between them or not: the records of its token. */
function paragraphsHoldingLetters(phrase: string): string[] {
  return Object.values(scaleContent())
    .flatMap((file) => file.replace(/^---[\s\S]*?---/, '').split(/\n\n+/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => wordChars(fold(paragraph).text).join('').includes(phrase));
}

function candidatesOf(texts: string[]) {
  const fetched: number[] = [];
  const candidates = texts.map((text, i) => ({
    i,
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
  const pages = new ResultPages(candidates, (record) => (locate('君子', record.text) ? [record.i] : []), 10);

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
  const pages = new ResultPages(candidates, (record) => (locate('而不', record.text)?.kind === 'exact' ? [record.i] : []), 5);
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
      return match ? [{ i: record.i, kind: match.kind }] : [];
    },
    10,
    { compare: (a, b) => rank[a.kind] - rank[b.kind] },
  );
  expect((await pages.more()).map((hit) => hit.i)).toEqual([1, 3, 0, 2]);
});

test('君子 on 古文观止: those holding it as typed and those holding 君 and 子 only across punctuation are counted apart from the index alone, and the texts agree', async () => {
  const texts = paragraphsHoldingLetters('君子');
  // The records of the crossing token (tokens.ts), as the index gives them without a fragment.
  const marked = pagefindQuery('君子', 3)!.crossing!.places;
  const across = new Set(texts.flatMap((text, i) => (crossingTokens(fold(text).text, 3).includes(marked) ? [i] : [])));
  expect([...across].map((i) => texts[i]!.match(/.君[^\p{L}\p{N}]+子./u)?.[0])).toEqual(['弑君，子弑']);

  const { candidates, fetched } = candidatesOf(texts);
  const rank = { exact: 0, words: 1, partial: 2 } as const;
  const pages = new ResultPages(
    candidates,
    (record) => {
      const match = locate('君子', record.text);
      return match ? [{ i: record.i, kind: match.kind }] : [];
    },
    10,
    {
      compare: (a, b) => rank[a.kind] - rank[b.kind],
      exactness: { hit: (hit) => hit.kind === 'exact', candidate: (candidate) => (across.has((candidate as Candidate<unknown> & { i: number }).i) ? 0 : 1) },
    },
  );
  const counts = { exact: texts.length - 1, other: 1 };
  expect(counts.exact).toBe(paragraphsHolding('君子').length);
  expect(pages.counts).toEqual(counts);
  expect(fetched).toHaveLength(0);

  const first = await pages.more();
  expect(pages.counts).toEqual(counts);
  const hits = [...first, ...(await pages.all())];
  expect(fetched).toHaveLength(texts.length);
  expect(hits.filter((hit) => hit.kind === 'words').map((hit) => hit.i).sort()).toEqual([...across].sort());
  expect(pages.counts).toEqual(counts);
});

test('without the index\u2019s word on each record, the two counts are known only once every record is checked', async () => {
  const texts = ['甲，乙丙', '甲乙丙', '甲乙，丙'];
  const { candidates } = candidatesOf(texts);
  const pages = new ResultPages(
    candidates,
    (record) => {
      const kind = locate('甲乙', record.text)?.kind;
      return kind ? [kind] : [];
    },
    2,
    { exactness: { hit: (kind) => kind === 'exact' } },
  );
  expect(pages.counts).toBeNull();
  await pages.more();
  expect(pages.counts).toBeNull();
  await pages.more();
  expect(pages.counts).toEqual({ exact: 2, other: 1 });
  expect(new ResultPages(candidates, () => [1], 2).counts).toBeNull(); // no exactness at all
});

test('passages of 古文观止 as records: the count is the paragraphs holding 之 the index tells of, a page is the passages that make ten, and 更多 reaches each paragraph once, in order', async () => {
  const paragraphs = Object.entries(scaleContent())
    .filter(([path]) => path.startsWith('sections/'))
    .flatMap(([path, file]) => file.replace(/^---[\s\S]*?---/, '').split(/\n\n+/).map((text) => ({ section: path, text: text.trim() })))
    .filter((paragraph) => paragraph.text);
  const records = passages(paragraphs).map((members, i) => ({
    i,
    texts: members.map((member) => paragraphs[member]!.text),
  }));
  expect(records.length).toBeLessThan(paragraphs.length / 2);
  // As Pagefind tells it: a place of the token for each paragraph of the passage holding it.
  const holding = records.map((record) => ({ ...record, places: record.texts.filter((text) => text.includes('之')).length })).filter((record) => record.places);
  const fetched: number[] = [];
  const candidates = holding.map((record) => ({ ...record, data: async () => (fetched.push(record.i), record) }));
  const pages = new ResultPages(
    candidates,
    (record) => record.texts.flatMap((text, at) => (locate('之', text) ? [`${record.i}.${at}`] : [])),
    10,
    { size: (candidate) => (candidate as (typeof candidates)[number]).places },
  );
  const expected = paragraphs.filter((paragraph) => paragraph.text.includes('之')).length;
  expect(pages.count).toBe(expected);
  const first = await pages.more();
  expect(first.length).toBeGreaterThanOrEqual(10);
  expect(fetched.length).toBeLessThanOrEqual(10);
  expect(pages.remaining).toBe(expected - first.length);
  const seen = [...first];
  while (!pages.done) seen.push(...(await pages.more()));
  expect(seen).toHaveLength(expected);
  expect(new Set(seen).size).toBe(expected);
  const order = (hit: string) => hit.split('.').map(Number) as [number, number];
  expect([...seen].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])).toEqual(seen);
  expect(pages.remaining).toBe(0);
});
