/**
 * The named typography rules of src/core/typography.ts, one describe per rule.
 *
 * Full-width marks are written as escapes (they look like ASCII in most editors):
 * \uFF0C ,  \uFF1F ?  \uFF01 !  \uFF1A :  \uFF1B ;  \uFF08 (  \uFF09 )  \u00B7 ·
 */
import { expect, test } from '@playwright/test';
import {
  applyTypography,
  autospaceRuns,
  fullWidthPunctuation,
  interpunctInForeignNames,
  isCjk,
  isHan,
  punctuationMarks,
  typesetRuns,
} from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const COMMA = '\uFF0C';
const QUESTION = '\uFF1F';
const EXCLAMATION = '\uFF01';
const COLON = '\uFF1A';
const SEMICOLON = '\uFF1B';
const OPEN = '\uFF08';
const CLOSE = '\uFF09';
const INTERPUNCT = '\u00B7';

const ASCII_NEXT_TO_HAN = /\p{Script=Han}[,?!:;()]|[,?!:;()]\p{Script=Han}/u;

const essayTexts = allEssayTexts(readEssayContent());

test.describe('isHan / isCjk', () => {
  test('Han characters are Han and CJK; Chinese punctuation is CJK but not Han', () => {
    expect(isHan('中')).toBe(true);
    expect(isHan('\u{20000}')).toBe(true); // CJK Extension B, outside the BMP
    expect(isHan('。')).toBe(false);
    expect(isCjk('。')).toBe(true);
    expect(isCjk(COMMA)).toBe(true);
    expect(isCjk('、')).toBe(true);
  });

  test('Latin letters, digits, ASCII punctuation and undefined are neither', () => {
    for (const char of ['a', 'Z', '7', ',', '(', ' ', '\u00B7', undefined]) {
      expect(isHan(char), String(char)).toBe(false);
      expect(isCjk(char), String(char)).toBe(false);
    }
  });
});

test.describe('rule 1: fullWidthPunctuation', () => {
  test('an ASCII comma between Han characters becomes full-width', () => {
    expect(fullWidthPunctuation('年年岁岁花相似,年年岁岁人不同,也适用于AI界。')).toBe(
      `年年岁岁花相似${COMMA}年年岁岁人不同${COMMA}也适用于AI界。`,
    );
  });

  test('a mark with Chinese on one side only becomes full-width, whichever side', () => {
    expect(fullWidthPunctuation('之后,DeepSeek在')).toBe(`之后${COMMA}DeepSeek在`);
    expect(fullWidthPunctuation('DeepSeek,不仅')).toBe(`DeepSeek${COMMA}不仅`);
    expect(fullWidthPunctuation('1/20,时间')).toBe(`1/20${COMMA}时间`);
    expect(fullWidthPunctuation('。,x')).toBe(`。${COMMA}x`);
  });

  test('? ! : ; become full-width next to Chinese, also at the end of the text', () => {
    expect(fullWidthPunctuation('这对普通中产又意味着什么?')).toBe(`这对普通中产又意味着什么${QUESTION}`);
    expect(fullWidthPunctuation('好!')).toBe(`好${EXCLAMATION}`);
    expect(fullWidthPunctuation('创新的常识:即明确的目标')).toBe(`创新的常识${COLON}即明确的目标`);
    expect(fullWidthPunctuation('保持适度关注;普通用户')).toBe(`保持适度关注${SEMICOLON}普通用户`);
  });

  test('Latin and numeric runs keep their ASCII marks, alone and inside Chinese text', () => {
    for (const latin of [
      '0.28',
      '1/20',
      'GPT-4o',
      'DeepSeek-V3',
      'App Store',
      '10:30',
      'a, b',
      'a;b',
      'Why? Because: (yes) so',
    ]) {
      expect(fullWidthPunctuation(latin)).toBe(latin);
      expect(fullWidthPunctuation(`在${latin}里`)).toBe(`在${latin}里`);
    }
    expect(fullWidthPunctuation('仅为0.28美元')).toBe('仅为0.28美元');
    expect(fullWidthPunctuation('十点10:30开会')).toBe('十点10:30开会');
    expect(fullWidthPunctuation('Why? Because: yes!')).toBe('Why? Because: yes!');
  });

  test('an ASCII mark with a space between it and the Chinese is left alone', () => {
    expect(fullWidthPunctuation('中 , x')).toBe('中 , x');
  });

  test('“斯普特尼克1号”(Sputnik 1)。 gets full-width parentheses around untouched Latin', () => {
    expect(fullWidthPunctuation('“斯普特尼克1号”(Sputnik 1)。')).toBe(
      `“斯普特尼克1号”${OPEN}Sputnik 1${CLOSE}。`,
    );
  });

  test('(DeepSeek震)动: a pair enclosing Han is converted as a pair', () => {
    expect(fullWidthPunctuation('(DeepSeek震)动')).toBe(`${OPEN}DeepSeek震${CLOSE}动`);
    expect(fullWidthPunctuation('中国的深度求索(DeepSeek震)动中美科技界。')).toBe(
      `中国的深度求索${OPEN}DeepSeek震${CLOSE}动中美科技界。`,
    );
    expect(fullWidthPunctuation('x (中文) y')).toBe(`x ${OPEN}中文${CLOSE} y`);
  });

  test('(Distillation)。: a Latin pair followed by Chinese punctuation is converted', () => {
    expect(fullWidthPunctuation('(Distillation)。')).toBe(`${OPEN}Distillation${CLOSE}。`);
    expect(fullWidthPunctuation('数据蒸馏技术(Distillation)。DeepSeek可能')).toBe(
      `数据蒸馏技术${OPEN}Distillation${CLOSE}。DeepSeek可能`,
    );
  });

  test('parentheses in Latin text stay ASCII, both of a pair together', () => {
    expect(fullWidthPunctuation('GPT-4o (Omni) model')).toBe('GPT-4o (Omni) model');
    expect(fullWidthPunctuation('f(x) = (a + b)')).toBe('f(x) = (a + b)');
  });

  test('an unpaired parenthesis converts only next to Chinese', () => {
    expect(fullWidthPunctuation('文)')).toBe(`文${CLOSE}`);
    expect(fullWidthPunctuation('(文')).toBe(`${OPEN}文`);
    expect(fullWidthPunctuation('a) b')).toBe('a) b');
  });

  test('marks chained to converted marks convert too (什么?! and back-to-back pairs)', () => {
    expect(fullWidthPunctuation('什么?!')).toBe(`什么${QUESTION}${EXCLAMATION}`);
    expect(fullWidthPunctuation('中文(a)(b)')).toBe(`中文${OPEN}a${CLOSE}${OPEN}b${CLOSE}`);
    expect(fullWidthPunctuation('例如:(a),b')).toBe(`例如${COLON}${OPEN}a${CLOSE}${COMMA}b`);
  });

  test('full-width marks already there are kept as they are', () => {
    const typeset = `中文${COMMA}DeepSeek${OPEN}深度求索${CLOSE}${QUESTION}`;
    expect(fullWidthPunctuation(typeset)).toBe(typeset);
  });
});

test.describe('rule 2: interpunctInForeignNames', () => {
  test('a full stop between Han characters in a foreign name becomes the interpunct', () => {
    expect(interpunctInForeignNames('肯尼斯.斯坦利')).toBe(`肯尼斯${INTERPUNCT}斯坦利`);
    expect(interpunctInForeignNames('乔尔.雷曼')).toBe(`乔尔${INTERPUNCT}雷曼`);
  });

  test('a full stop with a digit or a Latin letter on either side is kept', () => {
    for (const text of ['0.28美元', '仅为0.28', '美元.A', 'e.g.中文', 'Kenneth.Stanley']) {
      expect(interpunctInForeignNames(text)).toBe(text);
    }
  });
});

test.describe('applyTypography: all character rules together', () => {
  test('肯尼斯.斯坦利(Kenneth Stanley)、乔尔.雷曼(Joel Lehman): interpuncts and full-width parentheses', () => {
    expect(applyTypography('肯尼斯.斯坦利(Kenneth Stanley)、乔尔.雷曼(Joel Lehman)撰写')).toBe(
      `肯尼斯${INTERPUNCT}斯坦利${OPEN}Kenneth Stanley${CLOSE}、乔尔${INTERPUNCT}雷曼${OPEN}Joel Lehman${CLOSE}撰写`,
    );
  });

  test('0.28美元 keeps its dot and 1/20 its slash', () => {
    expect(applyTypography('价格在折扣后仅为0.28美元,不到GPT-4o的1/20,时间')).toBe(
      `价格在折扣后仅为0.28美元${COMMA}不到GPT-4o的1/20${COMMA}时间`,
    );
  });

  const tricky = [
    '“斯普特尼克1号”(Sputnik 1)。',
    '(DeepSeek震)动',
    '(Distillation)。',
    '肯尼斯.斯坦利(Kenneth Stanley)、乔尔.雷曼(Joel Lehman)',
    '什么?!',
    '中,,x',
    '中:(a)',
    '中文(a)(b)',
    '中((a))',
    '文)(x',
    'a, b',
    '10:30',
  ];

  test('is idempotent: applying it twice gives what applying it once gives', () => {
    for (const text of [...tricky, ...essayTexts]) {
      const once = applyTypography(text);
      expect(applyTypography(once), text).toBe(once);
    }
  });

  test('changes only punctuation marks, one for one, never a word of the essay', () => {
    const allowed = new Map([
      [',', COMMA],
      ['?', QUESTION],
      ['!', EXCLAMATION],
      [':', COLON],
      [';', SEMICOLON],
      ['(', OPEN],
      [')', CLOSE],
      ['.', INTERPUNCT],
    ]);
    for (const text of essayTexts) {
      const before = Array.from(text);
      const after = Array.from(applyTypography(text));
      expect(after.length, text).toBe(before.length);
      before.forEach((char, i) => {
        if (after[i] !== char) expect(`${char}→${after[i]}`).toBe(`${char}→${allowed.get(char)}`);
      });
    }
  });

  test('leaves no ASCII , ? ! : ; ( ) next to a Han character anywhere in the essay', () => {
    const offending = essayTexts.map(applyTypography).filter((text) => ASCII_NEXT_TO_HAN.test(text));
    expect(offending).toEqual([]);
  });

  test('turns all 154 ASCII commas of the essay into full-width commas', () => {
    const joined = essayTexts.join('\n');
    expect(joined.split(',').length - 1).toBe(154);
    const typeset = essayTexts.map(applyTypography).join('\n');
    expect(typeset.split(',').length - 1).toBe(0);
    expect(typeset.split(COMMA).length - 1).toBe(154);
  });
});

test.describe('rule 3: autospaceRuns', () => {
  test('a Latin word between Han characters is its own run, flagged on both sides', () => {
    expect(autospaceRuns('的DeepSeek在')).toEqual([
      { text: '的' },
      { text: 'DeepSeek', spaceBefore: true, spaceAfter: true },
      { text: '在' },
    ]);
  });

  test('only the sides that touch Han are flagged', () => {
    expect(autospaceRuns('DeepSeek引发')).toEqual([
      { text: 'DeepSeek', spaceBefore: false, spaceAfter: true },
      { text: '引发' },
    ]);
    expect(autospaceRuns('读者微信xujin2023')).toEqual([
      { text: '读者微信' },
      { text: 'xujin2023', spaceBefore: true, spaceAfter: false },
    ]);
    expect(autospaceRuns(`不到GPT-4o的1/20${COMMA}时间`)).toEqual([
      { text: '不到' },
      { text: 'GPT-4o', spaceBefore: true, spaceAfter: true },
      { text: '的' },
      { text: '1/20', spaceBefore: true, spaceAfter: false },
      { text: `${COMMA}时间` },
    ]);
  });

  test('joiners keep App Store, 0.28, GPT-4o and DeepSeek-V3 one run each', () => {
    const latinRuns = (text: string) => autospaceRuns(text).filter((run) => run.spaceBefore !== undefined);
    expect(latinRuns('在苹果App Store免费').map((run) => run.text)).toEqual(['App Store']);
    expect(latinRuns('仅为0.28美元').map((run) => run.text)).toEqual(['0.28']);
    expect(latinRuns('披露DeepSeek-V3模型').map((run) => run.text)).toEqual(['DeepSeek-V3']);
  });

  test('runs that touch no Han stay plain text', () => {
    expect(autospaceRuns('a b c')).toEqual([{ text: 'a b c' }]);
    expect(autospaceRuns('“DeepSeek”')).toEqual([{ text: '“DeepSeek”' }]);
    expect(autospaceRuns(`${OPEN}Sputnik 1${CLOSE}`)).toEqual([{ text: `${OPEN}Sputnik 1${CLOSE}` }]);
    expect(autospaceRuns('中 DeepSeek 中')).toEqual([{ text: '中 DeepSeek 中' }]);
    expect(autospaceRuns('中文')).toEqual([{ text: '中文' }]);
    expect(autospaceRuns('')).toEqual([]);
  });

  test('Han outside the Basic Multilingual Plane counts as Han on both sides', () => {
    expect(autospaceRuns('\u{20000}DeepSeek\u{20001}')).toEqual([
      { text: '\u{20000}' },
      { text: 'DeepSeek', spaceBefore: true, spaceAfter: true },
      { text: '\u{20001}' },
    ]);
  });

  test('never adds a character: the runs joined give back the input, for every paragraph', () => {
    for (const text of [...essayTexts, ...essayTexts.map(applyTypography)]) {
      const runs = autospaceRuns(text);
      expect(runs.map((run) => run.text).join(''), text).toBe(text);
      expect(runs.every((run) => run.text.length > 0)).toBe(true);
    }
  });

  test('flags every Latin or digit that touches Han in the essay, and only those', () => {
    for (const text of essayTexts.map(applyTypography)) {
      const runs = autospaceRuns(text);
      let offset = 0;
      for (const run of runs) {
        const before = Array.from(text.slice(0, offset)).pop();
        const after = Array.from(text.slice(offset + run.text.length))[0];
        if (run.spaceBefore !== undefined) {
          expect(run.text).toMatch(/^[\p{Script=Latin}\p{Nd}]/u);
          expect(run.spaceBefore, `${run.text} in ${text}`).toBe(isHan(before));
          expect(run.spaceAfter, `${run.text} in ${text}`).toBe(isHan(after));
        } else {
          // A plain run never has Latin or a digit right next to Han inside it.
          expect(run.text, text).not.toMatch(
            /\p{Script=Han}[\p{Script=Latin}\p{Nd}]|[\p{Script=Latin}\p{Nd}]\p{Script=Han}/u,
          );
        }
        offset += run.text.length;
      }
    }
  });
});

test.describe('rule 4: punctuationMarks', () => {
  const marked = (text: string) => Object.fromEntries(punctuationMarks(text));

  test('a curly quote next to Chinese text is a Chinese quote, on whichever side the Chinese stands', () => {
    expect(marked('卫星\u201C斯普特尼克\u201D')).toEqual({ 2: ['cjk-quote'], 8: ['cjk-quote'] });
    expect(marked('的\u201CSputnik moment\u201D。')).toEqual({ 1: ['cjk-quote'], 16: ['cjk-quote', 'squeeze-end'] });
  });

  test('quotes in Latin text stay Latin: a quote with no Chinese beside it is not marked', () => {
    expect(marked('\u201CSputnik moment\u201D')).toEqual({});
    expect(marked('don\u2019t')).toEqual({});
    expect(marked('a \u2018b\u2019 c')).toEqual({});
  });

  test('closing then closing or opening squeezes the first mark; opening then opening the second', () => {
    expect(marked('耻\u201D。在')).toEqual({ 1: ['cjk-quote', 'squeeze-end'] });
    expect(marked('划。《伟大')).toEqual({ 1: ['squeeze-end'] });
    expect(marked(`1${CLOSE}。这`)).toEqual({ 1: ['squeeze-end'] });
    expect(marked('、「甲')).toEqual({ 0: ['squeeze-end'] });
    expect(marked('《「甲」》')).toEqual({ 1: ['squeeze-start'], 3: ['squeeze-end'] });
  });

  test('marks that do not face each other with blank halves are not squeezed', () => {
    // Opening then closing (an empty pair), a mark beside a letter, and ？！ whose place varies by font.
    expect(marked('「」')).toEqual({});
    expect(marked(`甲${QUESTION}」`)).toEqual({});
    expect(marked('甲。乙，丙')).toEqual({});
  });

  test('offsets are UTF-16 offsets, right after characters outside the Basic Multilingual Plane', () => {
    expect(marked('\u{20000}。」')).toEqual({ 2: ['squeeze-end'] });
  });
});

test.describe('typesetRuns: rules 3 and 4 together', () => {
  test('gives each marked mark its own run, keeps Latin runs whole, and never changes the text', () => {
    expect(typesetRuns('的\u201CDeepSeek\u201D在')).toEqual([
      { text: '的' },
      { text: '\u201C', punctuation: ['cjk-quote'] },
      { text: 'DeepSeek' },
      { text: '\u201D', punctuation: ['cjk-quote'] },
      { text: '在' },
    ]);
    for (const text of essayTexts.map(applyTypography)) {
      const runs = typesetRuns(text);
      expect(runs.map((run) => run.text).join(''), text).toBe(text);
      expect(runs.every((run) => run.text.length > 0)).toBe(true);
    }
  });

  test('the essay: every curly quote beside Chinese is marked, and its adjacent marks squeezed once', () => {
    const runs = essayTexts.map(applyTypography).flatMap(typesetRuns);
    const quotes = runs.filter((run) => run.punctuation?.includes('cjk-quote'));
    expect(quotes.map((run) => run.text).join('')).toMatch(/^[\u201C\u201D]+$/u);
    // In this essay every curly quote stands beside Chinese text.
    const all = essayTexts.join('').match(/[\u201C\u201D\u2018\u2019]/gu) ?? [];
    expect(all.length).toBeGreaterThan(10);
    expect(quotes.length).toBe(all.length);
    expect(runs.filter((run) => run.punctuation?.includes('squeeze-end')).length).toBeGreaterThan(5);
  });
});
