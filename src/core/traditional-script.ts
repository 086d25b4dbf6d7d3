/**
 * Simplified to Traditional characters, as the Traditional edition shows them (OpenCC `cn` → `tw`:
 * characters by phrase, then Taiwan's standard forms; why this conversion and not `twp`:
 * src/editions/build/traditional.ts). One character for one, so a text keeps its length and its
 * offsets. Build-time only (OpenCC's dictionaries are large): the page conversion, the scripts'
 * interface text and the titles' phrase breaks (core/phrase-breaks.ts) all convert through this.
 */
import * as OpenCC from 'opencc-js';

export const toTraditional: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'tw' });
