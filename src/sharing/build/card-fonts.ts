/**
 * The share card's fonts: Noto Serif from @fontsource (SC and TC), subset to exactly the
 * characters a card draws (subset-font, HarfBuzz's hb-subset), with HarfBuzz's view of each
 * subset, so a character without a glyph is named in the build's warnings instead of drawn as
 * a box. See ./share-card.ts for why each library.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import type { EditionId } from '../../core/editions';
import { ELLIPSIS_MARK } from '../../core/punctuation';

/** Two weights of the typeface: SemiBold for the heading, Regular for the rest. */
export const HEADING_WEIGHT = 600;
export const TEXT_WEIGHT = 400;
export type Weight = typeof HEADING_WEIGHT | typeof TEXT_WEIGHT;

export interface Typeface {
  family: string;
  /** The npm package; its files are named `<package name>-<subset>-<weight>-normal.woff2`. */
  package: `@fontsource/${string}`;
  /** The package's subset for its script: most of what a card needs; slices have the rest. */
  mainSubset: string;
}

const NOTO_SERIF_SC: Typeface = { family: 'Noto Serif SC', package: '@fontsource/noto-serif-sc', mainSubset: 'chinese-simplified' };
const NOTO_SERIF_TC: Typeface = { family: 'Noto Serif TC', package: '@fontsource/noto-serif-tc', mainSubset: 'chinese-traditional' };

/**
 * Each edition's cards in the glyph forms its readers learnt: the same character can be
 * drawn differently in mainland and Taiwan standards (the strokes of 说/說 and 骨, the
 * position of the dot in 户/戶), and Noto Serif has a face for each. The first face of
 * each list draws the card; the next draws what the first lacks. The two faces cover
 * different characters (Google's Noto Serif SC lacks 碏 U+788F and 騠, which TC has; TC
 * lacks 駃 and 睍, which SC has), together about 14,700 of the 20,992 Unified Ideographs:
 * the same design, from npm, so the cards stay the same bytes on every machine (a system
 * font would not).
 */
export const TYPEFACES: Record<EditionId, readonly Typeface[]> = {
  hans: [NOTO_SERIF_SC, NOTO_SERIF_TC],
  hant: [NOTO_SERIF_TC, NOTO_SERIF_SC],
};

/** What a card draws in place of a character no face has: a white square, as a browser's missing glyph ("tofu"). */
export const MISSING_GLYPH = '\u25A1';

/** Where the build's warnings go (Astro prints a page's console output among its build log). */
export type Warn = (message: string) => void;

const require = createRequire(import.meta.url);
const fileOf = (typeface: Typeface, subsetName: string, weight: Weight) =>
  `${typeface.package.replace('@fontsource/', '')}-${subsetName}-${weight}-normal.woff2`;

const sfntCache = new Map<string, Promise<Buffer>>();
/**
 * A font file of a package, decompressed to TrueType once per build: each card then
 * subsets it in a few milliseconds (decompressing 2 MB of WOFF2 takes far longer).
 */
function fontFile(typeface: Typeface, file: string): Promise<Buffer> {
  let sfnt = sfntCache.get(file);
  if (!sfnt) {
    sfnt = readFile(require.resolve(`${typeface.package}/files/${file}`)).then((data) => fontverter.convert(data, 'truetype'));
    sfntCache.set(file, sfnt);
  }
  return sfnt;
}

interface Slice {
  name: string;
  ranges: Array<[number, number]>;
}

const slicesCache = new Map<Typeface, Promise<Slice[]>>();
/** A package's unicode-range slices (its unicode.json: `"[12]": "U+4e00-4e0f,U+5927"`). */
function slices(typeface: Typeface): Promise<Slice[]> {
  let cached = slicesCache.get(typeface);
  if (!cached) {
    cached = readFile(require.resolve(`${typeface.package}/unicode.json`), 'utf8').then((json) =>
      Object.entries(JSON.parse(json) as Record<string, string>).map(([key, range]) => ({
        name: key.replace(/^\[(\d+)\]$/, '$1'),
        ranges: range.split(',').map((part) => {
          const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
        }),
      })),
    );
    slicesCache.set(typeface, cached);
  }
  return cached;
}

/** One subset font: its bytes for satori, and HarfBuzz's view of it for measuring. */
export interface SubsetFont {
  name: string;
  weight: Weight;
  data: Buffer;
  covers: Set<number>;
  font: hb.Font;
  upem: number;
}

async function subset(typeface: Typeface, file: string, name: string, weight: Weight, chars: string): Promise<SubsetFont> {
  // TrueType out: satori reads it (it cannot read WOFF2), and so does HarfBuzz.
  const data = await subsetFont(await fontFile(typeface, file), chars, { targetFormat: 'truetype' });
  const face = new hb.Face(new hb.Blob(data));
  return { name, weight, data, covers: new Set(face.collectUnicodes()), font: new hb.Font(face), upem: face.upem };
}

export const codePoint = (char: string) => char.codePointAt(0)!;
const hex = (char: string) => `U+${codePoint(char).toString(16).toUpperCase().padStart(4, '0')}`;

/** The fonts of one typeface that draw what they can of `chars`: its file for its script, then the slices. */
async function typefaceFonts(typeface: Typeface, chars: string[], weight: Weight): Promise<SubsetFont[]> {
  const fonts = [await subset(typeface, fileOf(typeface, typeface.mainSubset, weight), typeface.family, weight, chars.join(''))];
  const bySlice = new Map<Slice, string>();
  for (const char of chars.filter((c) => !fonts[0]!.covers.has(codePoint(c)))) {
    const cp = codePoint(char);
    const slice = (await slices(typeface)).find((s) => s.ranges.some(([from, to]) => cp >= from && cp <= to));
    if (slice) bySlice.set(slice, (bySlice.get(slice) ?? '') + char);
  }
  for (const [slice, sliceChars] of bySlice) {
    const file = fileOf(typeface, slice.name, weight);
    fonts.push(await subset(typeface, file, `${typeface.family} ${file}`, weight, sliceChars));
  }
  return fonts;
}

const named = (chars: string[]) => chars.map((char) => `"${char}" (${hex(char)})`).join(', ');

/**
 * Fonts of one weight that draw `text`: the edition's face (its file for its script, then
 * for characters it lacks the slices that have them), then the other face for what the
 * first has not. A character that only the other face has is drawn from it, and the build
 * warns; one that no face has is drawn as MISSING_GLYPH, and the build warns. Valid text
 * never stops the build. Returns the fonts and the text as it will be drawn.
 */
export async function fontsFor(
  faces: readonly Typeface[],
  text: string,
  weight: Weight,
  warn: Warn,
): Promise<{ fonts: SubsetFont[]; draw: (text: string) => string }> {
  // The ellipsis too: setText (./card-fit.ts) ends a text too long for the card with it.
  let missing = [...new Set(Array.from(text + ELLIPSIS_MARK))].filter((char) => !/[\n\r\t]/.test(char));
  const fonts: SubsetFont[] = [];
  for (const [i, face] of faces.entries()) {
    if (missing.length === 0) break;
    const drawn = await typefaceFonts(face, missing, weight);
    const covered = missing.filter((char) => drawn.some((font) => font.covers.has(codePoint(char))));
    if (i > 0 && covered.length > 0) {
      warn(
        `share card: ${faces[0]!.family} (weight ${weight}) has no glyph for ${named(covered)} in "${text}"; ` +
          `drawn in ${face.family} (${face.package})`,
      );
    }
    // A subset that draws nothing has no cmap satori can read: only the edition's own file is kept regardless.
    fonts.push(...drawn.filter((font, j) => font.covers.size > 0 || (i === 0 && j === 0)));
    missing = missing.filter((char) => !covered.includes(char));
  }
  if (missing.length === 0) return { fonts, draw: (shown) => shown };
  // The box from the first face with a glyph for it (Noto Serif SC has it in a slice, not its main file).
  let box: SubsetFont[] = [];
  for (const face of faces) {
    box = (await typefaceFonts(face, [MISSING_GLYPH], weight)).filter((font) => font.covers.has(codePoint(MISSING_GLYPH)));
    if (box.length) break;
  }
  const placeholder = box.length ? MISSING_GLYPH : '';
  warn(
    `share card: no face (${faces.map((face) => face.family).join(', ')}, weight ${weight}) has a glyph for ` +
      `${named(missing)} in "${text}"; ${placeholder ? `drawn as ${MISSING_GLYPH}` : 'left out'}`,
  );
  const draw = (shown: string) => Array.from(shown, (char) => (missing.includes(char) ? placeholder : char)).join('');
  return { fonts: [...fonts, ...box.map((font) => ({ ...font, name: `${font.name} ${MISSING_GLYPH}` }))], draw };
}
