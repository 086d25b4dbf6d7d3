/**
 * Where a title may break (src/core/phrase-breaks.ts): between phrases both segmenters agree on,
 * in both scripts; never inside a Latin run; never before a closing mark or after an opening one.
 */
import { expect, test } from '@playwright/test';
import { phraseBreaks } from '../../src/core/phrase-breaks';
import { toTraditional } from '../../src/core/traditional-script';
import { applyTypography } from '../../src/core/typography';
import { mayEndLine, mayStartLine, piecesAt } from '../../src/core/line-breaking';
import { essayTitles } from '../support/essay-content';

const pieces = (text: string) => piecesAt(applyTypography(text), phraseBreaks(applyTypography(text)));

test('keeps the words each segmenter alone would cut', () => {
  // BudouX alone: 新启|发, ChatG|PT; ICU alone: 惊|艳.
  expect(pieces('中美科技竞争新启发')).toEqual(['中美', '科技', '竞争', '新启发']);
  // 為何那麼: BudouX's 繁體 model cuts 為|何那麼, so the two scripts agree only around it.
  expect(pieces('DeepSeek为何那么惊艳')).toEqual(['DeepSeek', '为何那么', '惊艳']);
  expect(pieces('站在ChatGPT等巨人肩头')).toEqual(['站在', 'ChatGPT', '等', '巨人', '肩头']);
});

test('the essay title keeps 中产 and 热潮, with its comma and question mark on their words', () => {
  const title = pieces('如何看待DeepSeek热潮,这对普通中产又意味着什么?');
  expect(title).toContain('中产');
  expect(title).toContain('热潮，');
  expect(title.at(-1)).toBe('什么？');
  // 意味着 is one word to ICU in Traditional (意味著), so not cut in either edition.
  expect(title).toContain('意味着');
});

test('a Latin run is never cut, and its edges next to Han are always break points', () => {
  const text = applyTypography('用GPT-4o和DeepSeek-V3做1/20的事');
  const breaks = phraseBreaks(text);
  for (const run of ['GPT-4o', 'DeepSeek-V3', '1/20']) {
    const start = text.indexOf(run);
    expect(breaks.filter((at) => at > start && at < start + run.length), run).toEqual([]);
    expect(breaks, run).toContain(start);
    expect(breaks, run).toContain(start + run.length);
  }
});

test('no piece starts with a closing mark or ends with an opening one', () => {
  for (const text of ['“斯普特尼克1号”(Sputnik 1)时刻', '《伟大不能被计划》,一本书', '中国的深度求索(DeepSeek震)动中美科技界。']) {
    const all = pieces(text);
    expect(all.join('')).toBe(applyTypography(text));
    all.forEach((piece, i) => {
      if (i > 0) expect(mayStartLine(Array.from(piece)[0]!), `${text}: ${all.join('|')}`).toBe(true);
      if (i < all.length - 1) expect(mayEndLine(Array.from(piece).at(-1)!), `${text}: ${all.join('|')}`).toBe(true);
    });
  }
});

test('the breaks hold for the Traditional text, which keeps every offset', () => {
  for (const title of essayTitles()) {
    const typeset = applyTypography(title);
    const traditional = toTraditional(typeset);
    expect(traditional.length).toBe(typeset.length);
    const breaks = phraseBreaks(typeset);
    expect(piecesAt(traditional, breaks).join('')).toBe(traditional);
    console.log(`${piecesAt(typeset, breaks).join('|')}    ${piecesAt(traditional, breaks).join('|')}`);
  }
});

test('text with no break point is one piece; empty text none', () => {
  expect(piecesAt('', phraseBreaks(''))).toEqual([]);
  expect(pieces('作者附注').join('')).toBe('作者附注');
});
