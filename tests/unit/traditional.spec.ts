import { expect, test } from '@playwright/test';
import { toTraditionalHtml } from '../../src/editions/build/traditional';
import * as OpenCC from 'opencc-js';
import { PHRASE_OVERRIDES, toTraditional } from '../../src/core/traditional-script';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
import { SIMPLIFIED, TRADITIONAL } from '../../src/core/editions';
import { editionOfPath } from '../../src/core/urls';

test.describe('the Traditional edition’s conversion', () => {
  test('characters by phrase, in Taiwan’s standard forms, never the vocabulary', () => {
    expect(toTraditional('头发')).toBe('頭髮');
    expect(toTraditional('发布')).toBe('發佈');
    expect(toTraditional('软阶层')).toBe('軟階層');
    // Taiwan phrasing (twp) would reword the author: 人工智慧, 價效比, 不勝列舉.
    expect(toTraditional('人工智能')).toBe('人工智能');
    expect(toTraditional('性价比')).toBe('性價比');
    expect(toTraditional('不胜枚举')).toBe('不勝枚舉');
  });

  test('OpenCC as Taiwan writes it: 回归 is 回歸 (OpenCC gives 迴歸 in every variant), one character for one', () => {
    expect(toTraditional('常识的回归')).toBe('常識的回歸');
    expect(toTraditional('回归常识')).toBe('回歸常識');
    // The characters around it are OpenCC's still.
    expect(toTraditional('回复')).toBe('回覆');
    for (const [opencc, taiwan] of PHRASE_OVERRIDES) {
      expect(taiwan).toHaveLength(opencc.length);
      expect(toTraditional(toSimplified(taiwan))).toBe(taiwan);
    }
  });

  test('one character for one: every paragraph keeps its length', () => {
    const text = '在2025年的春节前后，中国的深度求索（DeepSeek震）动中美科技界。';
    expect(toTraditional(text)).toHaveLength(text.length);
  });

  test('a page: text, attributes and JSON converted; an element marked with another script kept', () => {
    const html =
      '<!doctype html><html lang="zh-Hant"><head><title>软阶层</title>' +
      '<meta name="description" content="简体"><script>(()=>{})()</script>' +
      '<script type="application/json" id="client-strings">{"a":"复制链接"}</script></head>' +
      '<body><p aria-label="分享本段" data-x="复制">发展</p><a lang="zh-CN" title="简体">简体</a></body></html>';
    const out = toTraditionalHtml(html);
    expect(out).toContain('<title>軟階層</title>');
    expect(out).toContain('content="簡體"');
    expect(out).toContain('<script>(()=>{})()</script>');
    expect(out).toContain('{"a":"複製鏈接"}');
    expect(out).toContain(`aria-label="${toTraditional('分享本段')}" data-x="複製">發展</p>`);
    expect(out).toContain('<a lang="zh-CN" title="简体">简体</a>');
  });
});

test.describe('editions', () => {
  test('a path belongs to the Traditional edition when it is in its folder, under any base', () => {
    expect(editionOfPath('/', '/')).toBe(SIMPLIFIED);
    expect(editionOfPath('/why-deepseek/', '/')).toBe(SIMPLIFIED);
    expect(editionOfPath('/zh-hant/', '/')).toBe(TRADITIONAL);
    expect(editionOfPath('/zh-hant/search/', '/')).toBe(TRADITIONAL);
    expect(editionOfPath('/essay/zh-hant/facing-ai/', '/essay/')).toBe(TRADITIONAL);
    expect(editionOfPath('/essay/zh-hant/facing-ai/', '/essay')).toBe(TRADITIONAL);
    expect(editionOfPath('/essay/facing-ai/', '/essay')).toBe(SIMPLIFIED);
    expect(editionOfPath('/zh-hantx/', '/')).toBe(SIMPLIFIED);
  });
});
