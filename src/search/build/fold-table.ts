/**
 * Build time: the Traditional → Simplified table the browser folds queries with.
 *
 * OpenCC's dictionaries are ~1 MB; a reader's browser needs only the entries
 * that lead to characters and phrases this site actually contains. So the table
 * is derived from OpenCC (Taiwan and Hong Kong variants, phrases included, as in
 * `技術嚐鮮` → `技术尝鲜`, `反覆` → `反复`) and cut to the corpus: a few hundred
 * entries, a few KB, applied in the browser with OpenCC's own converter core.
 */
import * as OpenCC from 'opencc-js';
import { CustomConverter } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';

export type FoldTable = Array<[traditional: string, simplified: string]>;

const CJK_BLOCKS: Array<[number, number]> = [
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified Ideographs
  [0xf900, 0xfaff], // Compatibility Ideographs
];

/** Length in code points: a Simplified form may lie outside the BMP (紞 → 𬘘, U+2C618, in Extension E). */
const codePoints = (text: string) => Array.from(text).length;

const toSimplified = [
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

function phraseKeys(dict: string): string[] {
  return dict.split('|').map((entry) => entry.split(' ')[0]!);
}

/**
 * `corpus`: the essay's Simplified text. `editions`: each paragraph of the Traditional edition
 * beside its Simplified original (src/editions/build/traditional.ts): where OpenCC chose by phrase a
 * character that is Simplified too (想象 → 想像: 像 is also a Simplified character, in 好像),
 * character folding cannot undo it, so the word it stands in is added as a phrase (想像 → 想象),
 * and a query of either form finds the paragraph in either edition.
 */
export function buildFoldTable(corpus: string, editions: Array<[traditional: string, simplified: string]> = []): FoldTable {
  const corpusChars = new Set(Array.from(corpus));
  const table = new Map<string, string>();

  for (const [first, last] of CJK_BLOCKS) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      for (const convert of toSimplified) {
        const simplified = convert(char);
        if (simplified !== char && codePoints(simplified) === 1 && corpusChars.has(simplified)) {
          table.set(char, simplified);
        }
      }
    }
  }

  // Phrases whose characters alone would convert differently (反覆 → 反复, not 反覆).
  const byCharacter = (text: string) => Array.from(text, (char) => table.get(char) ?? char).join('');
  for (const key of [TSPhrases, TWVariantsRevPhrases, HKVariantsRevPhrases].flatMap(phraseKeys)) {
    for (const convert of toSimplified) {
      const simplified = convert(key);
      if (
        codePoints(simplified) === codePoints(key) &&
        corpus.includes(simplified) &&
        byCharacter(key) !== simplified
      ) {
        table.set(key, simplified);
      }
    }
  }

  const words = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const [traditional, simplified] of editions) {
    // By code point: the two may differ in UTF-16 length (a Simplified form outside the BMP).
    const source = Array.from(traditional);
    if (source.length !== codePoints(simplified)) continue; // the build's own check names such a paragraph
    const folded = Array.from(CustomConverter([...table])(traditional));
    if (folded.length !== source.length) continue;
    let at = 0;
    for (const { segment } of words.segment(simplified)) {
      const end = at + codePoints(segment);
      if (folded.slice(at, end).join('') !== segment) table.set(source.slice(at, end).join(''), segment);
      at = end;
    }
  }

  return [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
