/**
 * Simplified to Traditional characters, as the Traditional edition shows them (OpenCC `cn` → `tw`:
 * characters by phrase, then Taiwan's standard forms; why this conversion and not `twp`:
 * src/editions/build/traditional.ts). One character for one, so a text keeps its length and its
 * offsets. Build-time only (OpenCC's dictionaries are large): the page conversion, the scripts'
 * interface text and the titles' phrase breaks (core/phrase-breaks.ts) all convert through this.
 */
import * as OpenCC from 'opencc-js';

/**
 * Where OpenCC writes a form a reader in Taiwan does not expect, the form they do: OpenCC's output
 * on the left, the edition's on the right, each the same length (so the conversion stays one
 * character for one). Only characters, never words: the author's vocabulary is kept (see above).
 *
 * - 迴歸 → 回歸: OpenCC maps 回归 to 迴歸 in every variant; Taiwan's Ministry of Education
 *   dictionary and its press write 回歸 (迴 is for turning and winding: 迴轉, 迴響).
 */
export const PHRASE_OVERRIDES: ReadonlyArray<readonly [opencc: string, taiwan: string]> = [['迴歸', '回歸']];

for (const [opencc, taiwan] of PHRASE_OVERRIDES) {
  if (opencc.length !== taiwan.length) throw new Error(`Traditional override ${opencc} → ${taiwan} changes the text's length`);
}

const openccTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });

export const toTraditional = (text: string): string =>
  PHRASE_OVERRIDES.reduce((converted, [opencc, taiwan]) => converted.replaceAll(opencc, taiwan), openccTaiwan(text));
