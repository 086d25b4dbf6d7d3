/**
 * src/search/tokens.ts: the tokens Pagefind indexes and is asked for.
 * What matters is that a query's token stands among the tokens of every paragraph
 * that contains the query's start, and of no other, for each length of stretch a build may choose.
 */
import { expect, test } from '@playwright/test';
import { fold } from '../../src/search/fold';
import { MAX_QUERY_LENGTH, cutQuery } from '../../src/search/query-length';
import { PHRASE_CHARS, SEAM_REACH, crossingTokens, indexTokens, pagefindQuery, seamTokens, unmarked, wordChars } from '../../src/search/tokens';
import { applyTypography } from '../../src/core/typography';
import { packFoldTable, unpackFoldTable } from '../../src/search/packed-fold-table';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const shownTexts = allEssayTexts(readEssayContent()).map(applyTypography);

const LENGTHS = Array.from({ length: PHRASE_CHARS.max - PHRASE_CHARS.min + 1 }, (_, i) => PHRASE_CHARS.min + i);

/** A token as written: its length, then base-36 codes, three digits a character (or `z` and four), a seam's behind `y`. */
const TOKEN = /^y?[1-9](?:[0-9a-x][0-9a-z]{2}|z[0-9a-z]{4})+$/;

/** A token's codes, without its length. */
const codes = (token: string) => token.slice(1);

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
  test('writes, at each character, the stretches of 1 to phraseChars characters that start there, each as one ASCII token', () => {
    const tokens = indexTokens('\u8F6F\u9636\u5C42', 3).split(' '); // 软阶层
    for (const token of tokens) expect(token).toMatch(TOKEN);
    const [soft, softClass, softClassLayer, cls, classLayer, layer] = tokens;
    expect(tokens).toHaveLength(6); // 软 软阶 软阶层, 阶 阶层, 层
    expect(softClass).toBe(`2${codes(soft!)}${codes(cls!)}`);
    expect(softClassLayer).toBe(`3${codes(soft!)}${codes(classLayer!)}`);
    expect(classLayer).toBe(`2${codes(cls!)}${codes(layer!)}`);
    expect(new Set(tokens).size).toBe(6);
    expect(indexTokens('\u8F6F\u9636\u5C42', 2).split(' ')).toEqual([soft, softClass, cls, classLayer, layer]);
    for (const length of LENGTHS) {
      const long = indexTokens('\u4F1F\u5927\u4E0D\u80FD\u88AB', length).split(' '); // 伟大不能被
      // At each of the 5 characters, the stretches of 1 to `length` that fit before the end.
      expect(long).toHaveLength(Array.from({ length: 5 }, (_, i) => Math.min(length, 5 - i)).reduce((a, b) => a + b));
      expect(Math.max(...long.map((token) => token.length))).toBe(3 * length + 1);
    }
  });

  test('writes each token once, however often its stretch recurs', () => {
    for (const length of LENGTHS) {
      const tokens = indexTokens('\u5B66\u800C\u5B66\u800C\u5B66', length).split(' '); // 学而学而学
      expect(new Set(tokens).size).toBe(tokens.length);
      // Two stretches of each length (学…, 而…: 学 学而 学而学, 而 而学 而学而 for 3), none repeated.
      expect(tokens).toHaveLength(2 * length);
      expect(tokens).toContain(tokenOf(pagefindQuery('\u5B66\u800C\u5B66\u800C', length)!.exact));
    }
  });

  test('skips punctuation and spaces, so 业界\uFF0C对于 and 业界对于 are the same tokens', () => {
    expect(indexTokens(fold('\u4E1A\u754C\uFF0C\u5BF9\u4E8E').text, 3)).toBe(indexTokens('\u4E1A\u754C\u5BF9\u4E8E', 3));
    expect(indexTokens('deep seek', 3)).toBe(indexTokens('deepseek', 3));
  });

  test('gives different tokens to different characters, astral ones and Hangul included, and never one stretch the token of another', () => {
    const a = indexTokens('\uD840\uDC00\u8F6F', 3); // 𠀀软
    const b = indexTokens('\uD840\uDC01\u8F6F', 3); // 𠀁软
    expect(a).not.toBe(b);
    for (const token of a.split(' ')) expect(token).toMatch(TOKEN);
    // Codes of different lengths run together: 한 (U+D55C) is a long code, 软 a short one.
    const stretches = ['\uD55C\u8F6F', '\u8F6F\uD55C', '\uD55C', '\u8F6F\u8F6F', 'a\uD55C', '\uD840\uDC00a'];
    const tokens = stretches.map((stretch) => tokenOf(pagefindQuery(stretch, 3)!.exact));
    expect(new Set(tokens).size).toBe(stretches.length);
    for (const token of tokens) expect(token).toMatch(TOKEN);
  });

  test('writes no token that starts another, but for a stretch’s own crossing mark: Pagefind, asked unquoted, gives the places of the words a term starts', () => {
    for (const length of LENGTHS) {
      const tokens = [...new Set(shownTexts.flatMap((text) => {
        const folded = fold(text).text;
        return [...indexTokens(folded, length).split(' '), ...crossingTokens(folded, length)];
      }))].filter(Boolean).sort();
      expect(tokens.length).toBeGreaterThan(1000);
      // Sorted, a token that starts others stands right before the first of them.
      const starting = tokens.flatMap((token, i) => (tokens[i + 1]?.startsWith(token) ? [[token, tokens[i + 1]!]] : []));
      expect(starting.length).toBeGreaterThan(0);
      for (const [token, longer] of starting) {
        expect(unmarked(longer!), token).toBe(token);
        expect(tokens.filter((other) => other.startsWith(token!)), token).toEqual([token, longer]);
      }
    }
  });

  test('writes nothing for text without letters or digits', () => {
    expect(indexTokens('', 3)).toBe('');
    expect(indexTokens('\u3002\uFF0C \uD83D\uDE00', 3)).toBe('');
  });
});

test.describe('crossingTokens', () => {
  const marked = (stretch: string, length: number) => pagefindQuery(stretch, length)!.crossing!.places;

  test('marks the stretches a block holds only with punctuation or a space between their letters, which is what a query asks for', () => {
    for (const length of LENGTHS) {
      // 臣弑君，子弑父: 君子 only across the comma.
      const tokens = crossingTokens(fold('\u81E3\u5F12\u541B\uFF0C\u5B50\u5F12\u7236').text, length);
      expect(tokens).toContain(marked('\u541B\u5B50', length));
      expect(tokens).not.toContain(marked('\u5F12\u541B', length)); // 弑君 in a row
      for (const token of tokens) expect(indexTokens(fold('\u81E3\u5F12\u541B\uFF0C\u5B50\u5F12\u7236').text, length).split(' ')).toContain(unmarked(token));
      expect(tokens).toHaveLength(length === 2 ? 1 : 3); // 君子; and for 3 also 弑君子, 君子弑
      expect(crossingTokens('deep seek', length)).toContain(marked('ps', length));
    }
  });

  test('marks no stretch the block also holds in a row, and none in text without punctuation', () => {
    for (const length of LENGTHS) {
      // 君子之交，君，子也: 君子 in a row once, so exact there.
      expect(crossingTokens(fold('\u541B\u5B50\u4E4B\u4EA4\uFF0C\u541B\uFF0C\u5B50\u4E5F').text, length)).not.toContain(marked('\u541B\u5B50', length));
      for (const text of shownTexts) {
        const folded = fold(text).text;
        if (wordChars(folded).join('') === folded) expect(crossingTokens(folded, length)).toEqual([]);
      }
    }
  });

  test('never writes a stretch\u2019s own token, nor asks by it for a query of one letter or a long one', () => {
    for (const text of shownTexts) {
      const folded = fold(text).text;
      const own = new Set(indexTokens(folded, 3).split(' '));
      for (const token of crossingTokens(folded, 3)) expect(own.has(token), token).toBe(false);
    }
    expect(pagefindQuery('\u541B', 3)!.crossing).toBeNull();
    expect(pagefindQuery('\u541B\u5B50\u4E4B\u4EA4', 3)!.crossing).toBeNull();
  });
});

test.describe('seamTokens', () => {
  // 比信息重要。 | 注：本文: the end of a paragraph and the start of the author's note.
  const [end, next] = ['\u6BD4\u4FE1\u606F\u91CD\u8981\u3002', '\u6CE8\uFF1A\u672C\u6587'];
  const seam = (stretch: string, length: number) => `y${tokenOf(pagefindQuery(stretch, length)!.exact)}`;

  test('writes, behind the seam mark, the stretches of phraseChars that start near the block\u2019s end, and the shorter ones that run across', () => {
    // 比信息重要 | 注本文, by length: each start of a phrase that may run across, and nothing else.
    const starts: Record<number, string[]> = {
      2: ['\u6BD4\u4FE1', '\u4FE1\u606F', '\u606F\u91CD', '\u91CD\u8981', '\u8981\u6CE8'], // 比信 信息 息重 重要 要注
      3: ['\u6BD4\u4FE1\u606F', '\u4FE1\u606F\u91CD', '\u606F\u91CD\u8981', '\u91CD\u8981\u6CE8', '\u8981\u6CE8', '\u8981\u6CE8\u672C'], // 比信息 信息重 息重要 重要注 要注 要注本
    };
    for (const [length, expected] of Object.entries(starts).map(([n, stretches]) => [Number(n), stretches] as const)) {
      const tokens = seamTokens(end, next, length).split(' ');
      for (const token of tokens) expect(token).toMatch(TOKEN);
      expect(new Set(tokens), `length ${length}`).toEqual(new Set(expected.map((stretch) => seam(stretch, length))));
    }
  });

  test('starts no further than SEAM_REACH letters before the seam', () => {
    const letters = Array.from({ length: 25 }, (_, i) => String.fromCodePoint(0x4e00 + i)); // 25 different letters
    const tokens = seamTokens(letters.join(''), next, 2).split(' ');
    const pair = (at: number) => seam([...letters, '\u6CE8'].slice(at, at + 2).join(''), 2);
    // A stretch of two at each of the last SEAM_REACH letters; the last of them runs across into 注.
    expect(tokens).toEqual(Array.from({ length: SEAM_REACH }, (_, i) => pair(25 - SEAM_REACH + i)));
    expect(tokens).not.toContain(pair(24 - SEAM_REACH));
  });

  test('is what a query asks for when it may run across: from near the end, and from across', () => {
    const tokens = seamTokens(end, next, 3).split(' ');
    for (const query of ['\u4FE1\u606F\u91CD\u8981\u3002\u6CE8', '\u8981\u3002\u6CE8\uFF1A\u672C', '\u8981\u3002\u6CE8']) {
      // 信息重要。注, 要。注：本, 要。注
      expect(tokens, query).toContain(tokenOf(pagefindQuery(fold(query).text, 3)!.seam!));
    }
  });

  test('writes nothing where a side has no letters or digits, and no block token starts with its mark', () => {
    expect(seamTokens('\u3002', next, 3)).toBe('');
    expect(seamTokens(end, '\u3002', 3).split(' ').every((token) => token.startsWith('y'))).toBe(true);
    const blockTokens = shownTexts.flatMap((text) => indexTokens(fold(text).text, PHRASE_CHARS.max).split(' '));
    expect(blockTokens.length).toBeGreaterThan(1000);
    expect(blockTokens.filter((token) => token.startsWith('y'))).toEqual([]);
  });
});

test.describe('pagefindQuery', () => {
  test('asks for a stretch of up to phraseChars characters by its one token, the seams by the same behind their mark, and pairs for the partial fallback', () => {
    const query = pagefindQuery('\u8F6F\u9636\u5C42', 3)!; // 软阶层
    expect(tokenOf(query.exact)).toBe(indexTokens('\u8F6F\u9636\u5C42', 3).split(' ')[2]);
    expect(tokenOf(query.seam!)).toBe(`y${tokenOf(query.exact)}`);
    // Unquoted, for its places in each passage, and its crossing mark's.
    expect(query.places).toBe(tokenOf(query.exact));
    expect(query.crossing).toEqual({ exact: `"${query.places}0"`, places: `${query.places}0` });
    expect(query.partial.split(' ')).toEqual(['\u8F6F\u9636', '\u9636\u5C42'].map((pair) => tokenOf(pagefindQuery(pair, 3)!.exact)));
  });

  test('asks for any stretch of the essay by a token of its paragraph', () => {
    // Misses are collected and compared once: an expect per stretch made this test take 20 s.
    const missed: string[] = [];
    let asked = 0;
    for (const phraseChars of LENGTHS) {
      for (const folded of shownTexts.map((text) => fold(text).text)) {
        const indexed = new Set(indexTokens(folded, phraseChars).split(' '));
        const chars = wordChars(folded);
        for (let start = 0; start < chars.length; start += 2) {
          for (const length of [1, 2, 3, 4, 9]) {
            const stretch = chars.slice(start, start + length).join('');
            if (Array.from(stretch).length < length) continue;
            asked++;
            if (!indexed.has(pagefindQuery(stretch, phraseChars)!.exact.slice(1, -1))) missed.push(`${phraseChars}: ${stretch}`);
          }
        }
      }
    }
    expect(asked).toBeGreaterThan(5000);
    expect(missed).toEqual([]);
  });

  test('finds no paragraph that does not hold the stretch: its token stands only where the stretch does', () => {
    // 软阶层 and 阶层软 share characters and pairs, not stretches.
    const indexed = new Set(indexTokens('\u8F6F\u9636\u5C42', 3).split(' '));
    for (const other of ['\u9636\u5C42\u8F6F', '\u5C42\u9636', '\u8F6F\u5C42', '\u9636\u8F6F']) {
      expect(indexed.has(tokenOf(pagefindQuery(other, 3)!.exact)), other).toBe(false);
    }
  });

  test('asks for one character by its own token, without a seam search', () => {
    const query = pagefindQuery('\u8F6F', 2)!; // 软
    expect(tokenOf(query.exact)).toMatch(/^1[0-9a-z]{3}$/);
    expect(query.seam).toBeNull();
    expect(indexTokens('\u8F6F\u9636\u5C42', 2).split(' ')[0]).toBe(tokenOf(query.exact));
    // The last character of a paragraph has its token too.
    expect(indexTokens('\u8F6F\u9636\u5C42', 2).split(' ').at(-1)).toBe(tokenOf(pagefindQuery('\u5C42', 2)!.exact));
  });

  test('asks for a long query by its first phraseChars letters and digits only', () => {
    const long = '\u4F1F\u5927\u4E0D\u80FD\u88AB\u8BA1\u5212'.repeat(6); // 伟大不能被计划 ×6, 42 characters
    for (const length of LENGTHS) {
      const query = pagefindQuery(long, length)!;
      expect(query.exact).toBe(pagefindQuery(Array.from(long).slice(0, length).join(''), length)!.exact);
      expect(query.partial.split(' ')).toHaveLength(15); // the pairs of its first 16 characters
      // Punctuation does not count towards the cap.
      const punctuated = Array.from(long).join(',');
      expect(pagefindQuery(punctuated, length)).toEqual(query);
    }
  });

  test('narrows a long query by its first and last phraseChars letters and digits, each a token its blocks hold', () => {
    const query = '\u8BA1\u5212\u5B98\u50DA\u62DF\u5B9A\u7684'; // 计划官僚拟定的
    for (const length of LENGTHS) {
      const { exact, narrow } = pagefindQuery(query, length)!;
      const [first, last, ...more] = narrow!.split(' ');
      expect(more).toEqual([]);
      expect(first).toBe(tokenOf(exact));
      expect(last).toBe(tokenOf(pagefindQuery(Array.from(query).slice(-length).join(''), length)!.exact));
      // A block that holds the query holds both.
      const indexed = new Set(indexTokens(`\u770B\u4F3C\u82F1\u660E${query}\u5404\u79CD`, length).split(' ')); // 看似英明…各种
      expect(indexed.has(first!) && indexed.has(last!)).toBe(true);
    }
    // Nothing to narrow when the query is one token.
    expect(pagefindQuery('\u8BA1\u5212', 2)!.narrow).toBeNull();
    expect(pagefindQuery('\u8BA1\u5212\u5B98', 3)!.narrow).toBeNull();
  });

  test('returns null for a query with no letters or digits', () => {
    for (const query of ['', ' ', '\u3002\uFF0C\uFF1F', '!?', '\uD83D\uDE00\uD83D\uDC4D', '<>"\'/=']) {
      expect(pagefindQuery(fold(query).text, 3), JSON.stringify(query)).toBeNull();
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

test.describe('packFoldTable', () => {
  test('carries every entry, single characters (astral ones included) as two strings, phrases as pairs', () => {
    const table: Array<[string, string]> = [['丟', '丢'], ['乾坤', '乾坤'], ['紞', '\u{2C618}'], ['之於', '之于'], ['並', '并']];
    const packed = packFoldTable(table);
    expect(packed.from).toBe('丟紞並');
    expect(Array.from(packed.to)).toEqual(['丢', '\u{2C618}', '并']);
    expect(packed.phrases).toEqual([['乾坤', '乾坤'], ['之於', '之于']]);
    expect(new Set(unpackFoldTable(JSON.parse(JSON.stringify(packed))).map((entry) => entry.join('→')))).toEqual(new Set(table.map((entry) => entry.join('→'))));
    expect(() => unpackFoldTable({ from: '丟並', to: '丢', phrases: [] })).toThrow(/differ in length/);
  });
});
