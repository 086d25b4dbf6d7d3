/**
 * The share card: a 1200×630 PNG for each page, drawn at build time, that chat apps
 * and social sites show with a shared link. It shows the page's heading large, the
 * essay's title smaller (on a section's card), the author and the site's mark, set in
 * Noto Serif on the site's paper colour: SC on the Simplified edition's cards, TC (Taiwan's
 * standard glyph forms, as the Traditional pages are converted to) on the Traditional one's.
 *
 * The libraries, and why each:
 * - `satori` (Vercel, behind @vercel/og): lays out a tree of flexbox boxes and text and
 *   writes SVG with every glyph as a path, so the SVG needs no font to be drawn. It reads
 *   TTF/OTF/WOFF, not WOFF2, and needs no browser.
 * - `@resvg/resvg-js`: resvg, a small Rust SVG renderer, as prebuilt binaries in npm
 *   packages; it draws that SVG into a PNG the same way on every run, and is told not to
 *   look at the machine's fonts at all.
 * - `@fontsource/noto-serif-sc` and `-tc`: the typefaces come from npm, so the build needs
 *   no system font. Each ships WOFF and WOFF2 files: per weight, one covering Google's
 *   subset for its script ("chinese-simplified", 7,946 characters, or "chinese-traditional";
 *   Latin included), and ~100 unicode-range slices that together cover the whole font; a
 *   character missing from the first is taken from its slice. The WOFF2 files are read (smaller, and quicker to unpack than WOFF's zlib in
 *   JavaScript); satori, which cannot read WOFF2, is given the subsets as TrueType.
 * - `fontverter` (subset-font's own converter): unpacks a WOFF2 file once per build.
 * - `subset-font` (HarfBuzz's hb-subset compiled to WebAssembly): cuts each font down to
 *   exactly the characters a card draws (a few KB instead of 2 MB), which keeps satori fast
 *   and makes the check below exact.
 * - `harfbuzzjs` (the same HarfBuzz, its shaping API): lists the characters a subset font
 *   really covers, so a character without a glyph stops the build by name instead of
 *   appearing as a box, and measures text for the line breaking of ./line-breaking.ts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import satori from 'satori';
import subsetFont from 'subset-font';
import { breakLines } from '../../core/line-breaking';
import { applyTypography, autospaceRuns } from '../../core/typography';
import { essayPath } from '../../core/urls';
import type { Edition, EditionId } from '../../core/editions';
import { OPENING_BRACKETS, charClass } from '../../core/punctuation';

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

/**
 * Where a page's card is published, in its edition's folder: `og/index.png` for the
 * essay, `og/<slug>.png` for a section. Built by src/pages/[...edition]/og/[card].png.ts.
 */
export function shareCardPath(edition: Edition, slug?: string): string {
  return `${essayPath(edition)}og/${shareCardName(slug)}.png`;
}

/** The search page's card: its name is one of the site's own paths, which no section's slug may take. */
export const SEARCH_CARD = 'search';

/** The file name (without `.png`) of a page's card: `index` for the essay, else the section's slug (or SEARCH_CARD). */
export function shareCardName(slug?: string): string {
  return slug ?? 'index';
}

export interface ShareCard {
  /** Drawn large: the essay's title on its own card, a section's heading on the section's. */
  heading: string;
  /** The essay's title, drawn smaller above a section's heading; omitted on the essay's own card. */
  title?: string;
  author: string;
  /** The edition whose typeface draws it (see TYPEFACES). */
  edition: EditionId;
}

/** The site's palette (src/site/global.css, light scheme). */
const COLOR = {
  paper: '#fbfaf7',
  text: '#1f2328',
  muted: '#5b6069',
  accent: '#9c2f25',
} as const;

/** The site's mark, the same drawing as public/favicon.svg (tests/unit/share-card.spec.ts compares them). */
export const SITE_MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#9c2f25"/><path d="M9 10.5h14M9 16h14M9 21.5h8" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>';

/**
 * WeChat, QQ and other apps show a card's image as a square thumbnail cut from its centre:
 * everything is drawn inside that centred square (630 px of the 1200), with a margin, so
 * the heading reads whole there and on the wide card alike.
 */
export const SQUARE_SAFE = { left: (SHARE_CARD_WIDTH - SHARE_CARD_HEIGHT) / 2, right: (SHARE_CARD_WIDTH + SHARE_CARD_HEIGHT) / 2 } as const;
const PAD_X = SQUARE_SAFE.left + 40;
const PAD_TOP = 64;
const PAD_BOTTOM = 60;
const CONTENT_WIDTH = SHARE_CARD_WIDTH - 2 * PAD_X;
const MARK_SIZE = 40;
const MARK_GAP = 20;
/** Two weights of the typeface: SemiBold for the heading, Regular for the rest. */
const HEADING_WEIGHT = 600;
const TEXT_WEIGHT = 400;
const KICKER = { size: 26, minSize: 22, lineHeight: 1.45, maxLines: 3 } as const;
const HEADING = { size: 72, minSize: 34, lineHeight: 1.3 } as const;
const AUTHOR = { size: 30, lineHeight: 1.4 } as const;
const RULE = { width: 56, height: 4, gap: 24 } as const;
/** Space between the three bands (top row, heading, byline), at least. */
const BAND_GAP = 28;
/** Satori measures glyphs itself; keep lines a little short of the box so none can overflow. */
const SLACK = 0.98;

type Weight = typeof HEADING_WEIGHT | typeof TEXT_WEIGHT;

// ---------------------------------------------------------------------------
// Fonts: Noto Serif from @fontsource, subset to the characters drawn.

interface Typeface {
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
const TYPEFACES: Record<EditionId, readonly Typeface[]> = {
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
interface SubsetFont {
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

const codePoint = (char: string) => char.codePointAt(0)!;
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
async function fontsFor(
  faces: readonly Typeface[],
  text: string,
  weight: Weight,
  warn: Warn,
): Promise<{ fonts: SubsetFont[]; draw: (text: string) => string }> {
  // The ellipsis too: setText ends a text too long for the card with it.
  let missing = [...new Set(Array.from(text + ELLIPSIS))].filter((char) => !/[\n\r\t]/.test(char));
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

/**
 * The width of `text` in em, shaped by HarfBuzz with the first font that covers each
 * character. Widths scale with the font size, so one measure serves every size tried.
 */
function measureEm(fonts: SubsetFont[]): (text: string) => number {
  const cache = new Map<string, number>();
  const shapeRun = (run: string, font: SubsetFont) => {
    const buffer = new hb.Buffer();
    buffer.addText(run);
    buffer.guessSegmentProperties();
    hb.shape(font.font, buffer);
    return buffer.getGlyphPositions().reduce((sum, position) => sum + position.xAdvance / font.upem, 0);
  };
  return (text) => {
    let width = cache.get(text);
    if (width !== undefined) return width;
    width = 0;
    let run = '';
    let runFont: SubsetFont | undefined;
    for (const char of text) {
      const font = fonts.find((f) => f.covers.has(codePoint(char))) ?? fonts[0]!;
      if (font !== runFont && runFont) {
        width += shapeRun(run, runFont);
        run = '';
      }
      runFont = font;
      run += char;
    }
    if (runFont) width += shapeRun(run, runFont);
    cache.set(text, width);
    return width;
  };
}

// ---------------------------------------------------------------------------
// Text: the site's typography rules, lines broken by ./line-breaking.ts.

/** Space between Han and a Latin or numeric run, as the site's stylesheet gives it. */
const AUTOSPACE_EM = 0.25;

/** A line as drawn: its runs, each with the autospace before it. */
function lineRuns(line: string): Array<{ text: string; spaceBefore: boolean }> {
  const runs = autospaceRuns(line);
  return runs.map((run, i) => ({
    text: run.text,
    spaceBefore: i > 0 && Boolean(run.spaceBefore || runs[i - 1]!.spaceAfter),
  }));
}

/**
 * Full-width opening brackets draw in the right half of their em; at the start of a line
 * that half-em of blank would look like an indent, so it is pulled back (clreq's
 * line-start adjustment). （［｛〔〈《「『【〖〘〚
 */
const OPENING_BRACKET = new RegExp(`^[${charClass(OPENING_BRACKETS)}]`, 'u');
const lineStartPullEm = (line: string) => (OPENING_BRACKET.test(line) ? 0.5 : 0);

/** A line's width in em, with the autospace between Han and Latin runs. */
function lineWidthEm(fonts: SubsetFont[]): (line: string) => number {
  const measure = measureEm(fonts);
  const cache = new Map<string, number>();
  return (line) => {
    let width = cache.get(line);
    if (width === undefined) {
      width =
        lineRuns(line).reduce((sum, run) => sum + measure(run.text) + (run.spaceBefore ? AUTOSPACE_EM : 0), 0) -
        lineStartPullEm(line);
      cache.set(line, width);
    }
    return width;
  };
}

interface SetText {
  lines: string[];
  size: number;
}

/** Ends a text cut to fit the card. */
const ELLIPSIS = '\u2026';

/**
 * The largest size from `size` down to `minSize` (in 2 px steps) at which `text` takes
 * at most `preferredLines` lines, else at most `maxLines`, within `maxHeight`. A text that
 * does not fit even at the smallest size (a very long section title is valid content) is
 * cut, at that size, to the longest start that fits with an ellipsis, and the build warns.
 */
function setText(
  text: string,
  fonts: SubsetFont[],
  { size, minSize, maxWidth, maxHeight = Infinity, lineHeight, preferredLines, maxLines }: {
    size: number;
    minSize: number;
    maxWidth: number;
    maxHeight?: number;
    lineHeight: number;
    preferredLines: number;
    maxLines: number;
  },
  warn: Warn,
): SetText {
  const em = lineWidthEm(fonts);
  const fitsAt = (shown: string, s: number): SetText | undefined => {
    const lines = breakLines(shown, { measure: (line) => em(line) * s, maxWidth: maxWidth * SLACK });
    return lines && lines.length <= maxLines && blockHeight({ lines, size: s }, lineHeight) <= maxHeight
      ? { lines, size: s }
      : undefined;
  };
  const tries: SetText[] = [];
  for (let s = size; s >= minSize; s -= 2) {
    const set = fitsAt(text, s);
    if (set) tries.push(set);
  }
  const fit = tries.find((t) => t.lines.length <= preferredLines) ?? tries[0];
  if (fit) return fit;
  // Binary search for the longest start (in code points) that fits with the ellipsis.
  const chars = Array.from(text);
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
  let [low, high] = [0, chars.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsAt(cut(mid), minSize)) low = mid;
    else high = mid - 1;
  }
  const set = fitsAt(cut(low), minSize) ?? { lines: [ELLIPSIS], size: minSize };
  warn(
    `share card: "${text}" does not fit in ${maxLines} lines of ${maxWidth}px` +
      (maxHeight < Infinity ? ` within ${Math.round(maxHeight)}px of height` : '') +
      ` even at ${minSize}px; drawn cut to "${set.lines.join('')}"`,
  );
  return set;
}

// ---------------------------------------------------------------------------
// Layout: satori's element tree (the shape React elements have, without React).

interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: Array<CardNode | string> | CardNode | string; [key: string]: unknown };
}

const div = (style: Record<string, string | number>, ...children: Array<CardNode | string>): CardNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

function textBlock(set: SetText, style: { weight: Weight; lineHeight: number; color: string }): CardNode {
  return div(
    { flexDirection: 'column', fontSize: set.size, fontWeight: style.weight, lineHeight: style.lineHeight, color: style.color },
    ...set.lines.map((line) =>
      div(
        { flexDirection: 'row', flexShrink: 0, marginLeft: -lineStartPullEm(line) * set.size },
        ...lineRuns(line).map((run) =>
          div({ whiteSpace: 'pre', flexShrink: 0, marginLeft: run.spaceBefore ? AUTOSPACE_EM * set.size : 0 }, run.text),
        ),
      ),
    ),
  );
}

const blockHeight = (set: SetText, lineHeight: number) => set.lines.length * set.size * lineHeight;

/**
 * Draw a card. The text passes through the site's typography rules first (full-width
 * punctuation next to Chinese), so the card shows it as the page does.
 */
export async function renderShareCard(
  { heading, title, author, edition }: ShareCard,
  warn: Warn = (message) => console.warn(message),
): Promise<Uint8Array<ArrayBuffer>> {
  const faces = TYPEFACES[edition];
  const typeset = {
    heading: applyTypography(heading),
    title: title === undefined ? undefined : applyTypography(title),
    author: applyTypography(author),
  };
  const [bold, regular] = await Promise.all([
    fontsFor(faces, typeset.heading, HEADING_WEIGHT, warn),
    fontsFor(faces, [typeset.title ?? '', typeset.author].join(''), TEXT_WEIGHT, warn),
  ]);
  const [boldFonts, regularFonts] = [bold.fonts, regular.fonts];
  const shown = {
    heading: bold.draw(typeset.heading),
    title: typeset.title === undefined ? undefined : regular.draw(typeset.title),
    author: regular.draw(typeset.author),
  };

  const kicker =
    shown.title === undefined
      ? undefined
      : setText(shown.title, regularFonts, {
          size: KICKER.size,
          minSize: KICKER.minSize,
          maxWidth: CONTENT_WIDTH - MARK_SIZE - MARK_GAP,
          lineHeight: KICKER.lineHeight,
          preferredLines: 1,
          maxLines: KICKER.maxLines,
        }, warn);
  const authorSet = setText(shown.author, regularFonts, {
    size: AUTHOR.size,
    minSize: AUTHOR.size,
    maxWidth: CONTENT_WIDTH,
    lineHeight: AUTHOR.lineHeight,
    preferredLines: 1,
    maxLines: 1,
  }, warn);
  // Nothing may be clipped: the heading gets the height the other two bands leave.
  const topHeight = Math.max(MARK_SIZE, kicker ? blockHeight(kicker, KICKER.lineHeight) : 0);
  const bylineHeight = RULE.height + RULE.gap + blockHeight(authorSet, AUTHOR.lineHeight);
  const headingSet = setText(shown.heading, boldFonts, {
    size: HEADING.size,
    minSize: HEADING.minSize,
    maxWidth: CONTENT_WIDTH,
    maxHeight: SHARE_CARD_HEIGHT - PAD_TOP - PAD_BOTTOM - topHeight - bylineHeight - 2 * BAND_GAP,
    lineHeight: HEADING.lineHeight,
    preferredLines: 3,
    maxLines: 4,
  }, warn);

  const fonts = [...boldFonts, ...regularFonts];
  const families = [...new Set(fonts.map((font) => font.name))];
  const mark: CardNode = {
    type: 'img',
    props: {
      src: `data:image/svg+xml;base64,${Buffer.from(SITE_MARK_SVG).toString('base64')}`,
      width: MARK_SIZE,
      height: MARK_SIZE,
      style: { flexShrink: 0, marginRight: MARK_GAP, marginTop: kicker ? (KICKER.size * KICKER.lineHeight - MARK_SIZE) / 2 : 0 },
    },
  };

  // The page: a paper-coloured canvas, and inside its margins three bands spread from
  // top to bottom: the mark (with the essay's title on a section's card), the heading,
  // and the accent rule over the author's name.
  const tree = div(
    { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, backgroundColor: COLOR.paper },
    div(
      {
        flexGrow: 1,
        flexDirection: 'column',
        justifyContent: 'space-between',
        margin: `${PAD_TOP}px ${PAD_X}px ${PAD_BOTTOM}px`,
        color: COLOR.text,
        fontFamily: families.map((name) => `'${name}'`).join(', '),
      },
      div(
        { flexDirection: 'row', alignItems: 'flex-start' },
        mark,
        ...(kicker ? [textBlock(kicker, { weight: TEXT_WEIGHT, lineHeight: KICKER.lineHeight, color: COLOR.muted })] : []),
      ),
      textBlock(headingSet, { weight: HEADING_WEIGHT, lineHeight: HEADING.lineHeight, color: COLOR.text }),
      div(
        { flexDirection: 'column' },
        div({ width: RULE.width, height: RULE.height, backgroundColor: COLOR.accent, marginBottom: RULE.gap }),
        textBlock(authorSet, { weight: TEXT_WEIGHT, lineHeight: AUTHOR.lineHeight, color: COLOR.text }),
      ),
    ),
  );

  const svg = await satori(tree, {
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    fonts: fonts.map((font) => ({ name: font.name, data: font.data, weight: font.weight, style: 'normal' as const })),
  });
  const png = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false },
    background: COLOR.paper,
  })
    .render()
    .asPng();
  // A copy on its own ArrayBuffer: what a Response body accepts.
  return new Uint8Array(png);
}
