/**
 * src/search/fold.ts and fold-table.ts: when a query and the essay's text count
 * as the same words, and how a folded match maps back to the text as shown.
 */
import { expect, test } from '@playwright/test';
import { CustomConverter } from 'opencc-js/core';
import { fold, sourceRange, type Convert } from '../../src/search/fold';
import { buildFoldTable, type FoldTable } from '../../src/search/build/fold-table';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

/** The essay as the site shows it, the corpus the search index and its fold table are built from. */
const shownTexts = allEssayTexts(readEssayContent()).map(applyTypography);
const corpus = shownTexts.join('\n');

/** The essay's fold table, built once per worker (it walks every CJK code point). */
let essayTable: FoldTable | undefined;
function essayFoldTable(): FoldTable {
  essayTable ??= buildFoldTable(corpus);
  return essayTable;
}

/** The source text behind folded[start, end). */
function sourceOf(source: string, folded: ReturnType<typeof fold>, start: number, end: number): string {
  const [from, to] = sourceRange(folded, start, end);
  return source.slice(from, to);
}

/** Whether the string holds half of a surrogate pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test.describe('fold: width, case and punctuation', () => {
  test('NFKC turns full-width Latin letters and digits into ASCII', () => {
    expect(fold('\uFF24\uFF45\uFF45\uFF50\uFF33\uFF45\uFF45\uFF4B').text).toBe('deepseek'); // ＤｅｅｐＳｅｅｋ
    expect(fold('\uFF13\uFF15\u5C81').text).toBe('35\u5C81'); // ３５岁
    expect(fold('\uFF27\uFF30\uFF34\uFF0D\uFF14\uFF4F').text).toBe('gpt-4o'); // ＧＰＴ－４ｏ
  });

  test('NFKC turns full-width punctuation into ASCII, so a query with ASCII commas equals the shown text', () => {
    expect(fold('\u4E1A\u754C\uFF0C\u5BF9\u4E8E').text).toBe('\u4E1A\u754C,\u5BF9\u4E8E'); // 业界，对于
    expect(fold('\u4E1A\u754C\uFF0C\u5BF9\u4E8E').text).toBe(fold('\u4E1A\u754C,\u5BF9\u4E8E').text);
    expect(fold('\uFF08Distillation\uFF09\uFF1F\uFF01\uFF1A\uFF1B').text).toBe('(distillation)?!:;');
    // Chinese marks that have no ASCII form stay as they are.
    expect(fold('\u3002\u3001\u300A\u300B').text).toBe('\u3002\u3001\u300A\u300B'); // 。、《》
  });

  test('lower-cases Latin letters', () => {
    expect(fold('ChatGPT').text).toBe('chatgpt');
    expect(fold('OpenAI').text).toBe(fold('openai').text);
    expect(fold('DEEPSEEK').text).toBe(fold('DeepSeek').text);
  });

  test('reads curly quotes as straight quotes', () => {
    expect(fold('\u201C\u91D1\u878D\u7F9E\u803B\u201D').text).toBe('"\u91D1\u878D\u7F9E\u803B"'); // “金融羞耻”
    expect(fold('\u2018a\u2019').text).toBe("'a'");
  });

  test('reads the interpuncts \u00B7 \u30FB \u2027 as the original\u2019s ASCII full stop', () => {
    const original = fold('\u80AF\u5C3C\u65AF.\u65AF\u5766\u5229').text; // 肯尼斯.斯坦利
    for (const dot of ['\u00B7', '\u30FB', '\u2027']) {
      expect(fold(`\u80AF\u5C3C\u65AF${dot}\u65AF\u5766\u5229`).text).toBe(original);
    }
  });
});

test.describe('fold: white space', () => {
  test('drops spaces next to Chinese, so a space between Chinese and Latin or digits does not matter', () => {
    expect(fold('\u5728 2025 \u5E74').text).toBe('\u57282025\u5E74'); // 在 2025 年
    expect(fold('\u7AD9\u5728 ChatGPT \u7B49').text).toBe(fold('\u7AD9\u5728ChatGPT\u7B49').text); // 站在 ChatGPT 等
    expect(fold('\u8F6F \u9636 \u5C42').text).toBe('\u8F6F\u9636\u5C42');
    // Full-width punctuation binds spaces like a Han character, even though it folds to ASCII.
    expect(fold('ChatGPT \uFF0C \u7B49').text).toBe('chatgpt,\u7B49');
    // The ideographic space is a space too.
    expect(fold('\u8F6F\u3000\u9636\u5C42').text).toBe('\u8F6F\u9636\u5C42');
  });

  test('collapses runs of spaces, tabs and line breaks between Latin words into one space, and trims', () => {
    expect(fold('Deep   Seek').text).toBe('deep seek');
    expect(fold('Kenneth\t\nStanley').text).toBe('kenneth stanley');
    expect(fold('  Sputnik 1  ').text).toBe('sputnik 1');
    expect(fold('   ').text).toBe('');
  });
});

test.describe('fold: invisible characters', () => {
  test('drops zero-width, direction and other format characters, so pasted text still matches', () => {
    const plain = fold('\u8F6F\u9636\u5C42').text;
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\u2060', '\uFEFF', '\u00AD']) {
      expect(fold(`\u8F6F${invisible}\u9636\u5C42`).text, `U+${invisible.codePointAt(0)!.toString(16)}`).toBe(plain);
      expect(fold(`${invisible}\u8F6F\u9636\u5C42${invisible}`).text).toBe(plain);
    }
    expect(fold('Deep\u00ADSeek').text).toBe('deepseek');
  });

  test('drops control characters but keeps tab and line breaks as white space', () => {
    expect(fold('\u8F6F\u0000\u0007\u001B\u007F\u0085\u9636\u5C42').text).toBe('\u8F6F\u9636\u5C42');
    expect(fold('a\u0007b').text).toBe('ab');
    expect(fold('a\tb').text).toBe('a b');
    expect(fold('\u200B\u200E\u0007').text).toBe('');
  });
});

test.describe('fold: offsets back to the source', () => {
  test('has one source range per folded UTF-16 unit', () => {
    for (const source of ['\u5728 2025 \u5E74', '\uD840\uDC00\u8F6F\uD83D\uDE00', '\uFB01x', 'Deep   Seek']) {
      const folded = fold(source);
      expect(folded.from).toHaveLength(folded.text.length);
    }
  });

  test('maps a match in folded text back to the words as shown, full width, spaces and all', () => {
    const source = '\u7AD9\u5728 \uFF23\uFF48\uFF41\uFF54\uFF27\uFF30\uFF34 \u7B49\u5DE8\u4EBA\u80A9\u5934'; // 站在 ＣｈａｔＧＰＴ 等巨人肩头
    const folded = fold(source);
    const at = folded.text.indexOf('chatgpt\u7B49\u5DE8\u4EBA');
    expect(at).toBe(2);
    expect(sourceOf(source, folded, at, at + 'chatgpt\u7B49\u5DE8\u4EBA'.length)).toBe(
      '\uFF23\uFF48\uFF41\uFF54\uFF27\uFF30\uFF34 \u7B49\u5DE8\u4EBA',
    );
  });

  test('maps characters outside the BMP (Han extension B, emoji) to both of their UTF-16 units', () => {
    const source = '\uD840\uDC00\u8F6F\u9636\u5C42\uD83D\uDE00\u5C42'; // 𠀀软阶层😀层
    const folded = fold(source);
    expect(folded.text).toBe(source);
    expect(folded.from.slice(0, 2)).toEqual([
      [0, 2],
      [0, 2],
    ]);
    const at = folded.text.indexOf('\u8F6F\u9636\u5C42');
    expect(sourceRange(folded, at, at + 3)).toEqual([2, 5]);
    expect(sourceOf(source, folded, 0, 1)).toBe('\uD840\uDC00'); // half a character in, the whole character out
    const emoji = folded.text.indexOf('\uD83D\uDE00');
    expect(sourceOf(source, folded, emoji, emoji + 2)).toBe('\uD83D\uDE00');
  });

  test('never maps a folded range to half a character, for any range over mixed text', () => {
    const source = '\uD840\uDC00 \u8F6F\u200B\u9636\uD83D\uDC68\u200D\uD83D\uDC69 \uFF24eep\uFB01\u3000\u5C42';
    const folded = fold(source);
    for (let start = 0; start < folded.text.length; start++) {
      for (let end = start + 1; end <= folded.text.length; end++) {
        expect(LONE_SURROGATE.test(sourceOf(source, folded, start, end)), `[${start}, ${end})`).toBe(false);
      }
    }
  });

  test('maps the characters of an NFKC expansion to the one source character they came from', () => {
    const folded = fold('\uFB01x'); // ﬁx
    expect(folded.text).toBe('fix');
    expect(folded.from).toEqual([
      [0, 1],
      [0, 1],
      [1, 2],
    ]);
  });

  test('keeps offsets through dropped spaces and invisible characters', () => {
    const source = '\u5728 \u200B2025 \u5E74'; // 在 ​2025 年
    const folded = fold(source);
    expect(folded.text).toBe('\u57282025\u5E74');
    const at = folded.text.indexOf('2025\u5E74');
    expect(sourceOf(source, folded, at, at + 5)).toBe('2025 \u5E74');
  });

  test('folds the essay\u2019s own text to a fixed point: folding it again changes nothing', () => {
    for (const text of shownTexts) {
      const once = fold(text).text;
      expect(fold(once).text).toBe(once);
    }
  });
});

test.describe('fold with a Traditional \u2192 Simplified conversion', () => {
  test('folds Traditional characters to Simplified and keeps the offsets', () => {
    const convert = CustomConverter(essayFoldTable());
    const source = '\u8EDF \u968E\u5C64'; // 軟 階層
    const folded = fold(source, convert);
    expect(folded.text).toBe('\u8F6F\u9636\u5C42');
    expect(sourceRange(folded, 0, 3)).toEqual([0, source.length]);
  });

  test('ignores a conversion that would change the length, rather than break the offsets', () => {
    const lengthening: Convert = (text) => `${text}!`;
    expect(fold('\u8F6F\u9636\u5C42', lengthening).text).toBe('\u8F6F\u9636\u5C42');
  });
});

test.describe('buildFoldTable (OpenCC, cut to the corpus)', () => {
  test('holds known OpenCC conversions of characters the essay uses', () => {
    const table = new Map(essayFoldTable());
    expect(table.get('\u8EDF')).toBe('\u8F6F'); // 軟 → 软
    expect(table.get('\u968E')).toBe('\u9636'); // 階 → 阶
    expect(table.get('\u5C64')).toBe('\u5C42'); // 層 → 层
    expect(table.get('\u5690')).toBe('\u5C1D'); // 嚐 → 尝 (a Taiwan variant)
    expect(table.get('\u9BAE')).toBe('\u9C9C'); // 鮮 → 鲜
    expect(table.get('\u8853')).toBe('\u672F'); // 術 → 术
  });

  test('holds the phrase 反覆 \u2192 反复, which character by character would stay 反覆', () => {
    expect(corpus).toContain('\u53CD\u590D'); // 反复
    const table = new Map(essayFoldTable());
    expect(table.get('\u53CD\u8986')).toBe('\u53CD\u590D');
    expect(table.has('\u8986')).toBe(false); // 覆 is Simplified too (覆盖)
    const convert = CustomConverter(essayFoldTable());
    expect(fold('\u6280\u8853\u5690\u9BAE\u8005\uFF0C\u53CD\u8986\u5F37\u8ABF', convert).text).toBe(
      fold('\u6280\u672F\u5C1D\u9C9C\u8005\uFF0C\u53CD\u590D\u5F3A\u8C03').text, // 技術嚐鮮者，反覆強調 = 技术尝鲜者，反复强调
    );
  });

  test('has only length-preserving entries (UTF-16 units and code points), so offsets survive', () => {
    for (const [traditional, simplified] of essayFoldTable()) {
      expect(simplified.length).toBe(traditional.length);
      expect(Array.from(simplified)).toHaveLength(Array.from(traditional).length);
      expect(simplified).not.toBe(traditional);
    }
  });

  test('leads only to text the corpus contains, and leaves other text unconverted', () => {
    const table = essayFoldTable();
    for (const [, simplified] of table) expect(corpus).toContain(simplified);
    expect(table.length).toBeGreaterThan(100);
    expect(table.length).toBeLessThan(2000);
    // 貓 → 猫: not in the essay, so not in its table.
    expect(corpus).not.toContain('\u732B');
    expect(new Map(table).has('\u8C93')).toBe(false);
  });

  test('depends on the corpus: no 軟 or 反覆 when 软 and 反复 do not occur in it', () => {
    const table = new Map(buildFoldTable('\u9636\u5C42')); // 阶层
    expect(table.get('\u968E')).toBe('\u9636');
    expect(table.has('\u8EDF')).toBe(false);
    expect(table.has('\u53CD\u8986')).toBe(false);
  });
});
