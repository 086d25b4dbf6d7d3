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
 *   appearing as a box, and measures text for the line breaking of src/core/line-breaking.ts.
 *
 * In four files, one job each: ./card-paths.ts (where cards are published, and their size),
 * ./card-fonts.ts (the fonts, subset), ./card-fit.ts (fitting the text, measured by HarfBuzz),
 * and this one (satori's tree, and the raster); the palette and the mark are the site's
 * (src/core/brand.ts).
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { LIGHT_PALETTE as COLOR, SITE_MARK_SVG } from '../../core/brand';
import type { EditionId } from '../../core/editions';
import { AUTOSPACE_EM } from '../../core/typography';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH } from './card-paths';
import { blockHeight, lineRuns, lineStartPullEm, setText, type SetText } from './card-fit';
import { HEADING_WEIGHT, TEXT_WEIGHT, TYPEFACES, fontsFor, type Warn, type Weight } from './card-fonts';

/** A card's texts, typeset (the essay model's, or core/strings.ts's). */
export interface ShareCard {
  /** Drawn large: the essay's title on its own card, a section's heading on the section's. */
  heading: string;
  /** Where the heading's lines may break (core/phrase-breaks.ts); without, between any characters. */
  headingBreaks?: readonly number[];
  /** The essay's title, drawn smaller above a section's heading; omitted on the essay's own card. */
  title?: string;
  titleBreaks?: readonly number[];
  author: string;
  /** The edition whose typeface draws it (see TYPEFACES). */
  edition: EditionId;
}

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
const KICKER = { size: 26, minSize: 22, lineHeight: 1.45, maxLines: 3 } as const;
const HEADING = { size: 72, minSize: 34, lineHeight: 1.3 } as const;
const AUTHOR = { size: 30, lineHeight: 1.4 } as const;
const RULE = { width: 56, height: 4, gap: 24 } as const;
/** Space between the three bands (top row, heading, byline), at least. */
const BAND_GAP = 28;

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

/**
 * Draw a card. Its texts come typeset from the essay model (full-width punctuation next to
 * Chinese), so the card shows them as the page does.
 */
export async function renderShareCard(
  { heading, headingBreaks, title, titleBreaks, author, edition }: ShareCard,
  warn: Warn = (message) => console.warn(message),
): Promise<Uint8Array<ArrayBuffer>> {
  const faces = TYPEFACES[edition];
  const [bold, regular] = await Promise.all([
    fontsFor(faces, heading, HEADING_WEIGHT, warn),
    fontsFor(faces, [title ?? '', author].join(''), TEXT_WEIGHT, warn),
  ]);
  const [boldFonts, regularFonts] = [bold.fonts, regular.fonts];
  const shown = {
    heading: bold.draw(heading),
    title: title === undefined ? undefined : regular.draw(title),
    author: regular.draw(author),
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
          ...(titleBreaks && { breaks: titleBreaks }),
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
    ...(headingBreaks && { breaks: headingBreaks }),
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
