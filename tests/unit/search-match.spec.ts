/**
 * src/search/match.ts: verifying a candidate paragraph on its text as shown,
 * ranking exact before partial matches, and the excerpt a result shows.
 */
import { expect, test } from '@playwright/test';
import { CustomConverter } from 'opencc-js/core';
import { buildFoldTable } from '../../src/search/build/fold-table';
import { compareMatchKinds, excerptAround, locate, locateAll, type MatchKind, type TextMatch } from '../../src/search/match';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const shownTexts = allEssayTexts(readEssayContent()).map(applyTypography);

/** The one paragraph (as shown) that contains `words`. */
function paragraphWith(words: string): string {
  const found = shownTexts.filter((text) => text.includes(words));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs contain ${words}`);
  return found[0]!;
}

function shown(text: string, match: TextMatch | null): string | undefined {
  return match ? text.slice(match.start, match.end) : undefined;
}

/** Chinese clause marks: 。，；：？！、 */
const CLAUSE_MARK = /[\u3002\uFF0C\uFF1B\uFF1A\uFF1F\uFF01\u3001]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SOFT_CLASS = '\u8F6F\u9636\u5C42'; // 软阶层
const VALUE = '\u6027\u4EF7\u6BD4'; // 性价比
const NOT_ONLY = '\u4E0D\u4EC5'; // 不仅

test.describe('locate: exact', () => {
  test('finds the words where they first stand in the paragraph and returns their range in the text as shown', () => {
    const text = paragraphWith(`\u79F0\u4E4B\u4E3A${SOFT_CLASS}`); // 称之为软阶层
    const match = locate(SOFT_CLASS, text);
    expect(match).toEqual({ kind: 'exact', start: text.indexOf(SOFT_CLASS), end: text.indexOf(SOFT_CLASS) + 3 });
  });

  test('is exact with the original\u2019s ASCII comma where the page shows a full-width one', () => {
    const text = paragraphWith(`\u8FD9\u79CD${VALUE}\uFF0C${NOT_ONLY}`); // 这种性价比，不仅
    const match = locate(`${VALUE},${NOT_ONLY}`, text);
    expect(match?.kind).toBe('exact');
    expect(shown(text, match)).toBe(`${VALUE}\uFF0C${NOT_ONLY}`);
  });

  test('is exact across letter case, full-width Latin and a space between Chinese and Latin', () => {
    const words = '\u7AD9\u5728ChatGPT\u7B49\u5DE8\u4EBA\u80A9\u5934'; // 站在ChatGPT等巨人肩头
    const text = paragraphWith(words);
    for (const query of [
      '\u7AD9\u5728chatgpt\u7B49\u5DE8\u4EBA\u80A9\u5934',
      '\u7AD9\u5728\uFF23\uFF48\uFF41\uFF54\uFF27\uFF30\uFF34\u7B49\u5DE8\u4EBA\u80A9\u5934',
      '\u7AD9\u5728 ChatGPT \u7B49\u5DE8\u4EBA\u80A9\u5934',
    ]) {
      const match = locate(query, text);
      expect(match?.kind, query).toBe('exact');
      expect(shown(text, match)).toBe(words);
    }
  });

  test('is exact for Traditional characters through the fold table', () => {
    const convert = CustomConverter(buildFoldTable(shownTexts.join('\n')));
    const text = paragraphWith(`\u5BF9\u4E8E${SOFT_CLASS}\u6765\u8BF4`); // 对于软阶层来说
    const match = locate('\u8EDF\u968E\u5C64', text, convert); // 軟階層
    expect(match?.kind).toBe('exact');
    expect(shown(text, match)).toBe(SOFT_CLASS);
  });
});

test.describe('locate: words and partial', () => {
  test('matches the same letters and digits with other punctuation between them as "words"', () => {
    const text = paragraphWith(`\u8FD9\u79CD${VALUE}\uFF0C${NOT_ONLY}`);
    for (const query of [`${VALUE}${NOT_ONLY}`, `${VALUE}\u3002${NOT_ONLY}`]) {
      const match = locate(query, text);
      expect(match?.kind, query).toBe('words');
      expect(shown(text, match)).toBe(`${VALUE}\uFF0C${NOT_ONLY}`);
    }
  });

  test('matches the longest stretch of the query that stands in the text as "partial"', () => {
    // The essay has 伟大不能来自计划; the book title is 伟大不能被计划.
    const text = paragraphWith('\u4F1F\u5927\u4E0D\u80FD\u6765\u81EA\u8BA1\u5212');
    const match = locate('\u4F1F\u5927\u4E0D\u80FD\u88AB\u8BA1\u5212', text);
    expect(match?.kind).toBe('partial');
    expect(shown(text, match)).toBe('\u4F1F\u5927\u4E0D\u80FD'); // 伟大不能
  });

  test('needs at least two characters in a row in common for a partial match', () => {
    expect(locate('\u8F6F\u4EF6', SOFT_CLASS)).toBeNull(); // 软件: only 软
    expect(locate('\u9636\u7EA7', SOFT_CLASS)).toBeNull(); // 阶级: only 阶
    expect(locate('\u8F6Fx\u5C42', SOFT_CLASS)).toBeNull(); // 软 and 层, not together
    expect(locate('\u9636\u5C42\u4EBA', SOFT_CLASS)).toMatchObject({ kind: 'partial', start: 1, end: 3 }); // 阶层人
  });

  test('finds nothing for a query that folds to nothing or has no letters or digits in common', () => {
    expect(locate('', SOFT_CLASS)).toBeNull();
    expect(locate('\u200B\u200E', SOFT_CLASS)).toBeNull();
    expect(locate('\uD83D\uDE00', SOFT_CLASS)).toBeNull();
    expect(locate('\u3002\uFF0C', SOFT_CLASS)).toBeNull();
  });
});

test.describe('ranking', () => {
  test('orders exact before words before partial', () => {
    const kinds: MatchKind[] = ['partial', 'words', 'exact', 'partial', 'exact'];
    expect([...kinds].sort(compareMatchKinds)).toEqual(['exact', 'exact', 'words', 'partial', 'partial']);
  });

  test('ranks each paragraph of the essay by how well it holds one query', () => {
    const query = `${VALUE},${NOT_ONLY}`;
    const ranked = shownTexts
      .map((text) => locate(query, text))
      .filter((match): match is TextMatch => match !== null)
      .map((match) => match.kind)
      .sort(compareMatchKinds);
    expect(ranked[0]).toBe('exact');
    expect(ranked.filter((kind) => kind === 'exact')).toHaveLength(1);
    expect(ranked.slice(1).every((kind) => kind === 'partial')).toBe(true); // 性价比 alone, in other paragraphs
    expect(ranked.length).toBeGreaterThan(1);
  });
});

test.describe('excerptAround', () => {
  test('contains the whole match and starts and ends at clause punctuation when text is left out', () => {
    for (const words of [SOFT_CLASS, '\u90A3\u5C31\u662F\u6027\u4EF7\u6BD4', '\u6570\u636E\u84B8\u998F\u6280\u672F', '\u4F1F\u5927\u4E0D\u80FD\u88AB\u8BA1\u5212']) {
      for (const text of shownTexts.filter((t) => t.includes(words))) {
        const match = locate(words, text)!;
        const excerpt = excerptAround(text, match);
        expect(excerpt.match).toBe(words);
        const from = match.start - excerpt.before.length;
        const to = match.end + excerpt.after.length;
        expect(text.slice(from, to)).toBe(excerpt.before + excerpt.match + excerpt.after);
        expect(excerpt.cutBefore).toBe(from > 0);
        expect(excerpt.cutAfter).toBe(to < text.length);
        expect(excerpt.before.length).toBeLessThanOrEqual(36);
        expect(excerpt.after.length).toBeLessThanOrEqual(60);
        // The essay's paragraphs have a clause mark at least every 36 characters.
        if (excerpt.cutBefore) expect(text[from - 1], `${words}: before`).toMatch(CLAUSE_MARK);
        if (excerpt.cutAfter) expect(text[to - 1], `${words}: after`).toMatch(CLAUSE_MARK);
      }
    }
  });

  test('shows a match longer than the context whole', () => {
    const text = shownTexts.reduce((a, b) => (b.length > a.length ? b : a));
    const match: TextMatch = { kind: 'exact', start: 10, end: 150 };
    const excerpt = excerptAround(text, match);
    expect(excerpt.match).toBe(text.slice(10, 150));
    expect(excerpt.before.length).toBeLessThanOrEqual(10);
  });

  test('does not cut before a match at the start of the text', () => {
    const excerpt = excerptAround(`${SOFT_CLASS}\u7684\u7126\u8651\u3002`, { kind: 'exact', start: 0, end: 3 });
    expect(excerpt).toEqual({ before: '', match: SOFT_CLASS, after: '\u7684\u7126\u8651\u3002', cutBefore: false, cutAfter: false, others: [] });
  });

  test('does not take the decimal point of 0.28 for the end of a clause', () => {
    const text = `${SOFT_CLASS}${'\u7684'.repeat(50)}0.28\u7F8E\u5143${'\u7684'.repeat(30)}`; // …0.28美元…
    const excerpt = excerptAround(text, locate(SOFT_CLASS, text)!);
    expect(excerpt.after.endsWith('0.')).toBe(false);
    expect(excerpt.after).toHaveLength(60);
  });

  test('never cuts a character outside the BMP in half', () => {
    for (let pad = 0; pad < 2; pad++) {
      const text = `${'\uD840\uDC00'.repeat(40)}${'\u7684'.repeat(pad)}${SOFT_CLASS}${'\u7684'.repeat(pad)}${'\uD83D\uDE00'.repeat(40)}`;
      const excerpt = excerptAround(text, locate(SOFT_CLASS, text)!);
      expect(LONE_SURROGATE.test(excerpt.before + excerpt.after), `pad ${pad}`).toBe(false);
      expect(excerpt.cutBefore && excerpt.cutAfter).toBe(true);
    }
  });
});

test.describe('every place of the query', () => {
  // 称之为软阶层。DeepSeek的出现，更是带来加剧软阶层的焦虑。
  const text = `\u79F0\u4E4B\u4E3A${SOFT_CLASS}\u3002DeepSeek\u7684\u51FA\u73B0\uFF0C\u66F4\u662F\u5E26\u6765\u52A0\u5267${SOFT_CLASS}\u7684\u7126\u8651\u3002`;

  test('locateAll finds each exact place, the first one among them', () => {
    const match = locate(SOFT_CLASS, text)!;
    const places = locateAll(SOFT_CLASS, text, match);
    expect(places.map(({ start, end }) => text.slice(start, end))).toEqual([SOFT_CLASS, SOFT_CLASS]);
    expect(places[0]).toEqual(match);
    // Traditional input, folded: the same places.
    const convert = CustomConverter(buildFoldTable(shownTexts.join('\n')));
    expect(locateAll('\u8EDF\u968E\u5C64', text, locate('\u8EDF\u968E\u5C64', text, convert)!, convert)).toEqual(places);
  });

  test('a words match finds each place its letters stand in a row, whatever the punctuation between', () => {
    const spaced = '\u529F\uFF0C\u4E0D\u3002\u529F\u3001\u4E0D'; // 功，不。功、不
    const match = locate('\u529F\u4E0D', spaced)!;
    expect(match.kind).toBe('words');
    expect(locateAll('\u529F\u4E0D', spaced, match).map(({ start, end }) => spaced.slice(start, end))).toEqual(['\u529F\uFF0C\u4E0D', '\u529F\u3001\u4E0D']);
  });

  test('a partial match is its one place', () => {
    const match = locate(`${SOFT_CLASS}\u9F98`, text)!;
    expect(match.kind).toBe('partial');
    expect(locateAll(`${SOFT_CLASS}\u9F98`, text, match)).toEqual([match]);
  });

  test('the excerpt carries the other places it shows whole, in its own offsets', () => {
    const match = locate(SOFT_CLASS, text)!;
    const excerpt = excerptAround(text, match, locateAll(SOFT_CLASS, text, match));
    const shown = excerpt.before + excerpt.match + excerpt.after;
    expect(excerpt.others.map(({ start, end }) => shown.slice(start, end))).toEqual([SOFT_CLASS]);
    // A place the excerpt cuts is not among them.
    const long = `${text}${'\u7684'.repeat(80)}${SOFT_CLASS}`;
    expect(excerptAround(long, match, locateAll(SOFT_CLASS, long, match)).others).toHaveLength(1);
  });
});
