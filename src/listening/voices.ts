/**
 * Which of the device's voices can read the essay, best first: pure, over what `getVoices()`
 * lists, so the unit tests can try what each engine reports.
 *
 * Language tags vary by engine: Chrome and Safari say `zh-CN`, `zh-TW`, `zh-HK`; Android says
 * `zh_CN` or `cmn-Hans-CN`; Firefox on Linux, through speech-dispatcher and espeak-ng, says `cmn`
 * (and `cmn-latn-pinyin`, a voice that reads pinyin, not characters: left out), `yue` for
 * Cantonese. Chinese is `zh`, `cmn` or `yue` as the first subtag, whatever the case or separator.
 *
 * The edition's region first: for 简体, the mainland (CN, SG, Hans or no region), then Taiwan, then
 * Hong Kong and Cantonese; for 繁體, Taiwan, then Hong Kong and Cantonese, then the mainland. Within
 * a region, voices on the device before online ones (an online voice sends the text to its vendor,
 * and Chrome's stop on an utterance longer than about 14 seconds), then the engine's default.
 *
 * espeak-ng's variants (`Chinese (Mandarin, latin as English)+Andy`), which speech-dispatcher lists
 * beside each voice, are left out where the plain voice is listed: Firefox ESR on Debian failed
 * with every one tried (`error` after 2–7 s, no `start`) and spoke with the plain one, and they
 * made its list of Chinese voices 130–400 long (measured 3 December 2026).
 */
export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}

import type { EditionId } from '../core/editions';

type Region = 'mainland' | 'taiwan' | 'hongkong';

/** The region a voice's tag names, or null when the voice does not read Chinese characters. */
export function chineseRegion(lang: string): Region | null {
  const subtags = lang.replace(/_/g, '-').toLowerCase().split('-');
  const [language, ...rest] = subtags;
  if (language !== 'zh' && language !== 'cmn' && language !== 'yue') return null;
  if (rest.includes('latn')) return null;
  if (language === 'yue' || rest.includes('hk') || rest.includes('mo')) return 'hongkong';
  if (rest.includes('tw')) return 'taiwan';
  if (rest.includes('hant')) return 'taiwan';
  return 'mainland';
}

const ORDER: Record<EditionId, Region[]> = {
  hans: ['mainland', 'taiwan', 'hongkong'],
  hant: ['taiwan', 'hongkong', 'mainland'],
};

/** The Chinese voices among `voices`, best first for the edition. */
export function chineseVoices<V extends VoiceLike>(voices: readonly V[], edition: EditionId): V[] {
  const names = new Set(voices.map((voice) => voice.name));
  const seen = new Set<string>();
  const ranked = voices
    .map((voice, index) => ({ voice, index, region: chineseRegion(voice.lang) }))
    .filter((entry): entry is { voice: V; index: number; region: Region } => {
      if (entry.region === null || seen.has(entry.voice.voiceURI)) return false;
      seen.add(entry.voice.voiceURI);
      const plain = /^(.+)\+[^+]+$/.exec(entry.voice.name)?.[1];
      return !(plain && names.has(plain));
    });
  const order = ORDER[edition];
  return ranked
    .sort(
      (a, b) =>
        order.indexOf(a.region) - order.indexOf(b.region) ||
        Number(b.voice.localService) - Number(a.voice.localService) ||
        Number(b.voice.default) - Number(a.voice.default) ||
        a.index - b.index,
    )
    .map((entry) => entry.voice);
}

/** The voice to speak with: the one remembered (by its voiceURI, else its name) if the device still has it, else the best. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], edition: EditionId, remembered: string | null | undefined): V | undefined {
  const chinese = chineseVoices(voices, edition);
  return chinese.find((voice) => remembered && (voice.voiceURI === remembered || voice.name === remembered)) ?? chinese[0];
}

/** The speeds offered, 0.75× to 2×. */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** A stored speed, or 1 when it is not one of `RATES`. */
export function validRate(value: unknown): number {
  return (RATES as readonly unknown[]).includes(value) ? (value as number) : 1;
}
