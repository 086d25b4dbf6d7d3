/**
 * Which voice reads the essay (src/listening/voices.ts): the tags engines report (zh-CN, zh_TW,
 * cmn-Hans-CN, Firefox's cmn and yue through speech-dispatcher), the edition's region first, the
 * remembered voice kept while the device has it, and speeds.
 */
import { expect, test } from '@playwright/test';
import { chineseRegion, chineseVoices, pickVoice, validRate, type VoiceLike } from '../../src/listening/voices';

const voice = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({ name, lang, voiceURI: name, localService: true, default: false, ...extra });

test('Chinese by its first subtag, whatever the case or separator; pinyin voices are not', () => {
  expect(chineseRegion('zh-CN')).toBe('mainland');
  expect(chineseRegion('zh_CN')).toBe('mainland');
  expect(chineseRegion('cmn')).toBe('mainland');
  expect(chineseRegion('cmn-Hans-CN')).toBe('mainland');
  expect(chineseRegion('zh-SG')).toBe('mainland');
  expect(chineseRegion('zh-TW')).toBe('taiwan');
  expect(chineseRegion('cmn-Hant-TW')).toBe('taiwan');
  expect(chineseRegion('zh-HK')).toBe('hongkong');
  expect(chineseRegion('yue')).toBe('hongkong');
  expect(chineseRegion('yue-HK')).toBe('hongkong');
  expect(chineseRegion('cmn-LATN-PINYIN')).toBeNull();
  expect(chineseRegion('en-US')).toBeNull();
  expect(chineseRegion('ja-JP')).toBeNull();
});

test('the edition’s region first: the mainland for 简体, Taiwan then Hong Kong for 繁體; on the device before online', () => {
  const voices = [
    voice('Google 粤語（香港）', 'zh-HK', { localService: false }),
    voice('Google 普通话（中国大陆）', 'zh-CN', { localService: false }),
    voice('Samantha', 'en-US'),
    voice('美佳', 'zh-TW'),
    voice('婷婷', 'zh-CN'),
  ];
  expect(chineseVoices(voices, 'hans').map((v) => v.name)).toEqual(['婷婷', 'Google 普通话（中国大陆）', '美佳', 'Google 粤語（香港）']);
  expect(chineseVoices(voices, 'hant').map((v) => v.name)).toEqual(['美佳', 'Google 粤語（香港）', '婷婷', 'Google 普通话（中国大陆）']);
});

test('espeak-ng’s variants are left out beside their plain voice; a voice listed twice counts once', () => {
  const voices = [
    voice('Chinese (Mandarin, latin as English)+Andy', 'cmn', { voiceURI: 'a' }),
    voice('Chinese (Mandarin, latin as English)', 'cmn', { voiceURI: 'b' }),
    voice('Chinese (Mandarin, latin as English)', 'cmn', { voiceURI: 'b' }),
    voice('Chinese (Mandarin, latin as Pinyin)', 'cmn-latn-pinyin', { voiceURI: 'c' }),
    voice('Chinese (Cantonese)+travis', 'yue', { voiceURI: 'd' }),
  ];
  expect(chineseVoices(voices, 'hans').map((v) => v.voiceURI)).toEqual(['b', 'd']);
});

test('the remembered voice while the device has it, else the best; speeds from 0.75× to 2×', () => {
  const voices = [voice('婷婷', 'zh-CN'), voice('美佳', 'zh-TW')];
  expect(pickVoice(voices, 'hans', '美佳')?.name).toBe('美佳');
  expect(pickVoice(voices, 'hans', 'gone')?.name).toBe('婷婷');
  expect(pickVoice(voices, 'hans', null)?.name).toBe('婷婷');
  expect(pickVoice([voice('Samantha', 'en-US')], 'hans', null)).toBeUndefined();
  expect(validRate(1.5)).toBe(1.5);
  expect(validRate(0.75)).toBe(0.75);
  expect(validRate(2)).toBe(2);
  expect(validRate(3)).toBe(1);
  expect(validRate('1.5')).toBe(1);
});
