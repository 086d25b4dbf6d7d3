/**
 * src/search/tokens.ts: the tokens Pagefind indexes and is asked for.
 * What matters is that a query's token stands among the tokens of every paragraph
 * that contains the query's start, and of no other.
 */
import { expect, test } from '@playwright/test';
import { fold } from '../../src/search/fold';
import { MAX_QUERY_LENGTH, cutQuery } from '../../src/search/query-length';
import { MAX_PHRASE_CHARS, indexTokens, pagefindQuery, wordChars } from '../../src/search/tokens';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const shownTexts = allEssayTexts(readEssayContent()).map(applyTypography);

/** A token as written: base-36 codes, three digits a character (or `z` and four), a seam's behind `y`. */
const TOKEN = /^y?(?:[0-9a-x][0-9a-z]{2}|z[0-9a-z]{4})+$/;

/** The token a query asks for: `exact` and `seam` are one token, quoted (Pagefind's exact lookup). */
function tokenOf(query: string): string {
  expect(query).toMatch(/^"[^" ]+"$/);
  return query.slice(1, -1);
}

test.describe('wordChars', () => {
  test('keeps letters and digits of any script, by code point, and drops punctuation, spaces and emoji', () => {
    expect(wordChars('\u4E1A\u754C, \u5BF9\u4E8E')).toEqual(['\u4E1A', '\u754C', '\u5BF9', '\u4E8E']);
    expect(wordChars('gpt-4o')).toEqual(['g', 'p', 't', '4', 'o']);
    expect(wordChars('\uD840\uDC00\u8F6F\uD83D\uDE00')).toEqual(['\uD840\uDC00', '\u8F6F']); // 𠀀软😀
    expect(wordChars('\u3002\uFF0C!? ')).toEqual([]);
  });
});

test.describe('indexTokens', () => {
  test('writes, at each character, the stretches of 1 to MAX_PHRASE_CHARS characters that start there, each as one ASCII token', () => {
    const tokens = indexTokens('\u8F6F\u9636\u5C42').split(' '); // 软阶层
    for (const token of tokens) expect(token).toMatch(TOKEN);
    const [soft, softClass, softClassLayer, cls, classLayer, layer] = tokens;
    expect(tokens).toHaveLength(6); // 软 软阶 软阶层, 阶 阶层, 层
    expect(softClass).toBe(soft! + cls!);
    expect(softClassLayer).toBe(soft! + classLayer!);
    expect(classLayer).toBe(cls! + layer!);
    expect(new Set(tokens).size).toBe(6);
    const long = indexTokens('\u4F1F\u5927\u4E0D\u80FD\u88AB').split(' '); // 伟大不能被
    // At each of the 5 characters, the stretches of 1 to MAX_PHRASE_CHARS that fit before the end.
    expect(long).toHaveLength(Array.from({ length: 5 }, (_, i) => Math.min(MAX_PHRASE_CHARS, 5 - i)).reduce((a, b) => a + b));
    expect(Math.max(...long.map((token) => token.length))).toBe(3 * MAX_PHRASE_CHARS);
  });

  test('writes each token once, however often its stretch recurs', () => {
    const tokens = indexTokens('\u5B66\u800C\u5B66\u800C\u5B66').split(' '); // 学而学而学
    expect(new Set(tokens).size).toBe(tokens.length);
    // Two stretches of each length (学…, 而…: 学 学而 学而学, 而 而学 而学而 for 3), none repeated.
    expect(tokens).toHaveLength(2 * MAX_PHRASE_CHARS);
    expect(tokens).toContain(tokenOf(pagefindQuery('\u5B66\u800C\u5B66\u800C')!.exact));
  });

  test('gives a seam the same tokens behind its own mark, which no block token starts with', () => {
    const block = indexTokens('\u8F6F\u9636\u5C42').split(' ');
    const seam = indexTokens('\u8F6F\u9636\u5C42', 'seam').split(' ');
    expect(seam).toEqual(block.map((token) => `y${token}`));
    for (const text of shownTexts) {
      for (const token of indexTokens(fold(text).text).split(' ').filter(Boolean)) expect(token.startsWith('y'), text).toBe(false);
    }
  });

  test('skips punctuation and spaces, so 业界\uFF0C对于 and 业界对于 are the same tokens', () => {
    expect(indexTokens(fold('\u4E1A\u754C\uFF0C\u5BF9\u4E8E').text)).toBe(indexTokens('\u4E1A\u754C\u5BF9\u4E8E'));
    expect(indexTokens('deep seek')).toBe(indexTokens('deepseek'));
  });

  test('gives different tokens to different characters, astral ones and Hangul included, and never one stretch the token of another', () => {
    const a = indexTokens('\uD840\uDC00\u8F6F'); // 𠀀软
    const b = indexTokens('\uD840\uDC01\u8F6F'); // 𠀁软
    expect(a).not.toBe(b);
    for (const token of a.split(' ')) expect(token).toMatch(TOKEN);
    // Codes of different lengths run together: 한 (U+D55C) is a long code, 软 a short one.
    const stretches = ['\uD55C\u8F6F', '\u8F6F\uD55C', '\uD55C', '\u8F6F\u8F6F', 'a\uD55C', '\uD840\uDC00a'];
    const tokens = stretches.map((stretch) => tokenOf(pagefindQuery(stretch)!.exact));
    expect(new Set(tokens).size).toBe(stretches.length);
    for (const token of tokens) expect(token).toMatch(TOKEN);
  });

  test('writes nothing for text without letters or digits', () => {
    expect(indexTokens('')).toBe('');
    expect(indexTokens('\u3002\uFF0C \uD83D\uDE00')).toBe('');
  });
});

test.describe('pagefindQuery', () => {
  test('asks for a stretch of up to MAX_PHRASE_CHARS characters by its one token, the seams by the same behind their mark, and pairs for the partial fallback', () => {
    const query = pagefindQuery('\u8F6F\u9636\u5C42')!; // 软阶层
    expect(tokenOf(query.exact)).toBe(indexTokens('\u8F6F\u9636\u5C42').split(' ')[2]);
    expect(tokenOf(query.seam!)).toBe(`y${tokenOf(query.exact)}`);
    expect(query.partial.split(' ')).toEqual(['\u8F6F\u9636', '\u9636\u5C42'].map((pair) => tokenOf(pagefindQuery(pair)!.exact)));
  });

  test('asks for any stretch of the essay by a token of its paragraph', () => {
    for (const text of shownTexts) {
      const folded = fold(text).text;
      const indexed = new Set(indexTokens(folded).split(' '));
      const chars = wordChars(folded);
      for (let start = 0; start < chars.length; start += 2) {
        for (const length of [1, 2, 3, MAX_PHRASE_CHARS, 9]) {
          const stretch = chars.slice(start, start + length);
          if (stretch.length < length) continue;
          expect(indexed.has(tokenOf(pagefindQuery(stretch.join(''))!.exact)), stretch.join('')).toBe(true);
        }
      }
    }
  });

  test('finds no paragraph that does not hold the stretch: its token stands only where the stretch does', () => {
    // 软阶层 and 阶层软 share characters and pairs, not stretches.
    const indexed = new Set(indexTokens('\u8F6F\u9636\u5C42').split(' '));
    for (const other of ['\u9636\u5C42\u8F6F', '\u5C42\u9636', '\u8F6F\u5C42', '\u9636\u8F6F']) {
      expect(indexed.has(tokenOf(pagefindQuery(other)!.exact)), other).toBe(false);
    }
  });

  test('asks for one character by its own token, without a seam search', () => {
    const query = pagefindQuery('\u8F6F')!; // 软
    expect(tokenOf(query.exact)).toMatch(/^[0-9a-z]{3}$/);
    expect(query.seam).toBeNull();
    expect(indexTokens('\u8F6F\u9636\u5C42').split(' ')[0]).toBe(tokenOf(query.exact));
    // The last character of a paragraph has its token too.
    expect(indexTokens('\u8F6F\u9636\u5C42').split(' ').at(-1)).toBe(tokenOf(pagefindQuery('\u5C42')!.exact));
  });

  test('asks for a long query by its first MAX_PHRASE_CHARS letters and digits only', () => {
    const long = '\u4F1F\u5927\u4E0D\u80FD\u88AB\u8BA1\u5212'.repeat(6); // 伟大不能被计划 ×6, 42 characters
    const query = pagefindQuery(long)!;
    expect(query.exact).toBe(pagefindQuery(Array.from(long).slice(0, MAX_PHRASE_CHARS).join(''))!.exact);
    expect(query.partial.split(' ')).toHaveLength(15); // the pairs of its first 16 characters
    // Punctuation does not count towards the cap.
    const punctuated = Array.from(long).join(',');
    expect(pagefindQuery(punctuated)).toEqual(query);
  });

  test('returns null for a query with no letters or digits', () => {
    for (const query of ['', ' ', '\u3002\uFF0C\uFF1F', '!?', '\uD83D\uDE00\uD83D\uDC4D', '<>"\'/=']) {
      expect(pagefindQuery(fold(query).text), JSON.stringify(query)).toBeNull();
    }
  });
});

test.describe('cutQuery', () => {
  test('leaves a query of up to MAX_QUERY_LENGTH characters as it is', () => {
    const query = '\u8F6F'.repeat(MAX_QUERY_LENGTH);
    expect(cutQuery(query)).toEqual({ query, truncated: false });
    expect(cutQuery('')).toEqual({ query: '', truncated: false });
  });

  test('cuts a longer query to MAX_QUERY_LENGTH characters and says so', () => {
    const cut = cutQuery('\u8F6F\u9636\u5C42'.repeat(3334)); // 10,002 characters
    expect(cut.truncated).toBe(true);
    expect(Array.from(cut.query)).toHaveLength(MAX_QUERY_LENGTH);
  });

  test('counts characters outside the BMP as one, and never cuts one in half', () => {
    const astral = '\uD840\uDC00'.repeat(150); // 𠀀 ×150: 300 UTF-16 units, 150 characters
    expect(cutQuery(astral)).toEqual({ query: astral, truncated: false });
    const cut = cutQuery('\uD83D\uDE00'.repeat(MAX_QUERY_LENGTH + 1));
    expect(cut.query).toBe('\uD83D\uDE00'.repeat(MAX_QUERY_LENGTH));
  });
});
