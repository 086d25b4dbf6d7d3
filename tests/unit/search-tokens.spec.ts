/**
 * src/search/tokens.ts: the bigram tokens Pagefind indexes and is asked for.
 * What matters is that a query's tokens stand, in order, among the tokens of every
 * paragraph that contains the query.
 */
import { expect, test } from '@playwright/test';
import { fold } from '../../src/search/fold';
import { MAX_QUERY_LENGTH, cutQuery } from '../../src/search/query-length';
import { MAX_PHRASE_CHARS, indexTokens, pagefindQuery, wordChars } from '../../src/search/tokens';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const shownTexts = allEssayTexts(readEssayContent()).map(applyTypography);

/** A token as written: two code points, four base-36 digits each (or the end marker). */
const TOKEN = /^[0-9a-z]{8}$/;

/** The tokens of a quoted or unquoted Pagefind query. */
function tokensOf(query: string): string[] {
  return query.replace(/^"|"$/g, '').split(' ');
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
  test('writes each pair of neighbouring characters as one ASCII token, plus the last character with an end marker', () => {
    const tokens = indexTokens('\u8F6F\u9636\u5C42').split(' '); // 软阶层
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(TOKEN);
    expect(tokens[0]!.slice(4)).toBe(tokens[1]!.slice(0, 4)); // 软阶, 阶层 share 阶
    expect(tokens[2]!.slice(0, 4)).toBe(tokens[1]!.slice(4)); // 层 + end
    expect(tokens[2]!.slice(4)).toBe('zzzz');
  });

  test('skips punctuation and spaces, so 业界\uFF0C对于 and 业界对于 are the same tokens', () => {
    expect(indexTokens(fold('\u4E1A\u754C\uFF0C\u5BF9\u4E8E').text)).toBe(indexTokens('\u4E1A\u754C\u5BF9\u4E8E'));
    expect(indexTokens('deep seek')).toBe(indexTokens('deepseek'));
  });

  test('gives different tokens to different characters, astral ones included', () => {
    const a = indexTokens('\uD840\uDC00\u8F6F'); // 𠀀软
    const b = indexTokens('\uD840\uDC01\u8F6F'); // 𠀁软
    expect(a).not.toBe(b);
    for (const token of a.split(' ')) expect(token).toMatch(TOKEN);
  });

  test('writes nothing for text without letters or digits', () => {
    expect(indexTokens('')).toBe('');
    expect(indexTokens('\u3002\uFF0C \uD83D\uDE00')).toBe('');
  });
});

test.describe('pagefindQuery', () => {
  test('asks for two or more characters as a quoted phrase of bigrams, with the same bigrams unquoted as the partial fallback', () => {
    const query = pagefindQuery('\u8F6F\u9636\u5C42')!;
    expect(query.exact).toMatch(/^"[0-9a-z]{8} [0-9a-z]{8}"$/);
    expect(query.partial).toBe(query.exact.slice(1, -1));
  });

  test('asks for any stretch of the essay by tokens that stand, in order, in its paragraph\u2019s tokens', () => {
    for (const text of shownTexts) {
      const folded = fold(text).text;
      const indexed = ` ${indexTokens(folded)} `;
      const chars = wordChars(folded);
      // Every stretch of 2 to MAX_PHRASE_CHARS letters and digits, starting every 3rd character.
      for (let start = 0; start < chars.length - 1; start += 3) {
        for (const length of [2, 3, 5, 9, MAX_PHRASE_CHARS]) {
          const stretch = chars.slice(start, start + length);
          if (stretch.length < 2) continue;
          const query = pagefindQuery(stretch.join(''))!;
          expect(indexed, stretch.join('')).toContain(` ${tokensOf(query.exact).join(' ')} `);
        }
      }
    }
  });

  test('asks for one character by its unquoted 4-digit code, the prefix of every token that starts with it', () => {
    const query = pagefindQuery('\u8F6F')!; // 软
    expect(query.exact).toMatch(/^[0-9a-z]{4}$/);
    expect(query.partial).toBe(query.exact);
    const tokens = indexTokens('\u8F6F\u9636\u5C42').split(' ');
    expect(tokens[0]!.startsWith(query.exact)).toBe(true);
    // The last character of a paragraph still starts a token, thanks to the end marker.
    expect(tokens.at(-1)!.startsWith(pagefindQuery('\u5C42')!.exact)).toBe(true);
  });

  test('asks for a long query by its first MAX_PHRASE_CHARS letters and digits only', () => {
    const long = '\u4F1F\u5927\u4E0D\u80FD\u88AB\u8BA1\u5212'.repeat(6); // 伟大不能被计划 ×6, 42 characters
    const query = pagefindQuery(long)!;
    expect(tokensOf(query.exact)).toHaveLength(MAX_PHRASE_CHARS - 1);
    expect(query).toEqual(pagefindQuery(Array.from(long).slice(0, MAX_PHRASE_CHARS).join('')));
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
