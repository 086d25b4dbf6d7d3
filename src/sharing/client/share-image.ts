/**
 * The share image (书摘卡片): a portrait PNG, 1080 px wide, drawn in the reader's browser
 * on a <canvas>: the words as the page sets them (src/sharing/client/quote-layout.ts), the essay's
 * title, the section and the author, and a QR code of the exact link with the line
 * 「长按识别二维码，在原文中打开此处」 (the code opens this place, not the whole essay). Light paper
 * whatever the theme: it is passed around as a picture.
 *
 * Fonts: canvas draws with the fonts of the reader's system, named by the same family
 * stacks the page uses (read from the page's computed style, so the Traditional edition's
 * TC fonts come first there), curly quotes in Chinese text from the CJK faces alone as the page
 * draws them; nothing is downloaded. Loaded by src/sharing/client/share.ts when a
 * reader first asks for an image.
 */
import { encode } from 'uqr';
import { breakLines, piecesAt } from '../../core/line-breaking';
import { justifyLine, layoutQuote, setLine, type LaidLine } from './quote-layout';
import { LIGHT_PALETTE as COLOR } from '../../core/brand';

export const IMAGE_WIDTH = 1080;
/** 3:4 at the least, so a short quote is still a portrait. */
const MIN_HEIGHT = 1440;
const PAD_X = 96;
const PAD_TOP = 120;
const PAD_BOTTOM = 96;
const CONTENT_WIDTH = IMAGE_WIDTH - 2 * PAD_X;
const TEXT = { size: 48, lineHeight: 1.8, maxLines: 11 } as const;
const TITLE = { size: 36, lineHeight: 1.5 } as const;
const META = { size: 30, lineHeight: 1.6 } as const;
const QR_TARGET = 232;

export interface ShareImageInput {
  /** The words, as the page shows them. */
  words: string;
  /** The link the QR code opens. */
  url: string;
  title: string;
  /** Where the title's lines may break: its phrase breaks, as the build found them (core/phrase-breaks.ts). */
  titleBreaks: readonly number[];
  section?: string | undefined;
  author: string;
  /** 「长按识别二维码，在原文中打开此处」, in the page's edition. */
  scanHint: string;
  /** Where the link goes, shown small under the hint (the site's host). */
  site: string;
  /** Traditional text in TC fonts, whose ，。 are centred: no half-width trim at a line's end. */
  traditional: boolean;
}

export interface ShareImage {
  canvas: HTMLCanvasElement;
  /** The lines of the words, exactly as drawn. */
  lines: string[];
  /** The words shown: the quote, or its cut with 「……」. */
  text: string;
  cut: boolean;
  /** The canvas font the words were drawn in: the page's body stack. */
  font: string;
}

const fontOf = (weight: number, size: number, family: string) => `${weight} ${size}px ${family}`;

/** Runs `use` with `context` in `font` (when given), then puts its font back. */
function inFont<T>(context: CanvasRenderingContext2D, font: string | undefined, use: () => T): T {
  if (font === undefined) return use();
  const current = context.font;
  context.font = font;
  try {
    return use();
  } finally {
    context.font = current;
  }
}

/**
 * A measure for `context` in its current font, cached (measureText is called for every candidate
 * line); curly quotes in Chinese text in `cjkFont`, when given, as the page draws them.
 */
function measurer(context: CanvasRenderingContext2D, cjkFont?: string): (text: string, cjk?: boolean) => number {
  const caches = { latin: new Map<string, number>(), cjk: new Map<string, number>() };
  return (text, cjk = false) => {
    const cache = cjk ? caches.cjk : caches.latin;
    let width = cache.get(text);
    if (width === undefined) {
      width = inFont(context, cjk ? cjkFont : undefined, () => context.measureText(text).width);
      cache.set(text, width);
    }
    return width;
  };
}

/** Draws one line, justified to `width` unless it is the last, as `justifyLine` plans it. */
function drawLine(context: CanvasRenderingContext2D, line: LaidLine, x: number, y: number, width: number, fontSize: number, cjkFont?: string) {
  for (const unit of justifyLine(line, width, { measure: measurer(context, cjkFont), fontSize }).units) {
    inFont(context, unit.cjk ? cjkFont : undefined, () => context.fillText(unit.text, x + unit.x, y));
  }
}

/** A line set flush left, with the Han/Latin space (the title, the section, the hint). */
function drawPlain(context: CanvasRenderingContext2D, text: string, x: number, y: number, fontSize: number) {
  const line = setLine(text, { measure: measurer(context), fontSize, trimLineEnd: false });
  drawLine(context, { ...line, last: true }, x, y, Infinity, fontSize);
}

/** The QR code's modules, drawn on white with the standard's four-module quiet zone. */
function qrCode(url: string) {
  const { data } = encode(url, { ecc: 'M', border: 4 });
  // Whole pixels per module, 4 at least: a scanner reads sharp edges best, and WeChat passes the
  // image on at half its size as a JPEG, which leaves 2 px a module (3 px did not survive it).
  const scale = Math.max(4, Math.floor(QR_TARGET / data.length));
  return {
    size: data.length * scale,
    draw(context: CanvasRenderingContext2D, x: number, y: number) {
      context.fillStyle = '#fff';
      context.fillRect(x, y, data.length * scale, data.length * scale);
      context.fillStyle = '#000';
      data.forEach((row, j) => row.forEach((dark, i) => dark && context.fillRect(x + i * scale, y + j * scale, scale, scale)));
    },
  };
}

export function drawShareImage(input: ShareImageInput): ShareImage {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  // The page's own stacks: the body's sans for the words, the headings' serif for the title.
  const sans = getComputedStyle(document.body).fontFamily;
  const serif = getComputedStyle(document.querySelector('.essay-title, .section-heading') ?? document.body).fontFamily;
  // The CJK faces alone, which draw the curly quotes in Chinese text (the page's .cjk-quote).
  const cjk = getComputedStyle(document.documentElement).getPropertyValue('--font-cjk').trim() || sans;
  const cjkWords = fontOf(400, TEXT.size, cjk);

  context.font = fontOf(400, TEXT.size, sans);
  const words = layoutQuote(input.words, {
    measure: measurer(context, cjkWords),
    fontSize: TEXT.size,
    trimLineEnd: !input.traditional,
    maxWidth: CONTENT_WIDTH,
    maxLines: TEXT.maxLines,
  });
  context.font = fontOf(600, TITLE.size, serif);
  const titleMeasure = measurer(context);
  // Balanced and between phrases, as the share cards' headings are (src/core/line-breaking.ts), with the Han/Latin space counted.
  const titleLines =
    breakLines(piecesAt(input.title, input.titleBreaks), {
      measure: (line) => setLine(line, { measure: titleMeasure, fontSize: TITLE.size, trimLineEnd: false }).width,
      maxWidth: CONTENT_WIDTH,
    }) ?? [input.title];

  const textLine = TEXT.size * TEXT.lineHeight;
  const titleLine = TITLE.size * TITLE.lineHeight;
  const metaLine = META.size * META.lineHeight;
  const metaLines = (input.section ? 1 : 0) + 1;
  const qr = qrCode(input.url);
  const qrSize = qr.size;
  const footer = 72 + titleLines.length * titleLine + metaLines * metaLine + 56 + qrSize;
  const wordsTop = PAD_TOP + 56;
  const height = Math.max(MIN_HEIGHT, Math.ceil(wordsTop + words.lines.length * textLine + footer + PAD_BOTTOM));
  canvas.width = IMAGE_WIDTH;
  canvas.height = height;

  context.fillStyle = COLOR.paper;
  context.fillRect(0, 0, IMAGE_WIDTH, height);
  context.textBaseline = 'middle';
  // An accent rule over the words, as the share cards have over the author's name.
  context.fillStyle = COLOR.accent;
  context.fillRect(PAD_X, PAD_TOP, 56, 6);

  context.font = fontOf(400, TEXT.size, sans);
  context.fillStyle = COLOR.text;
  words.lines.forEach((line, i) => drawLine(context, line, PAD_X, wordsTop + i * textLine + textLine / 2, CONTENT_WIDTH, TEXT.size, cjkWords));

  // The footer sits at the bottom; a short quote leaves the space above it.
  let y = height - PAD_BOTTOM - footer + 72;
  context.font = fontOf(600, TITLE.size, serif);
  for (const line of titleLines) {
    drawPlain(context, line, PAD_X, y + titleLine / 2, TITLE.size);
    y += titleLine;
  }
  context.font = fontOf(400, META.size, sans);
  context.fillStyle = COLOR.muted;
  for (const line of [input.section, input.author].filter((text): text is string => Boolean(text))) {
    drawPlain(context, line, PAD_X, y + metaLine / 2, META.size);
    y += metaLine;
  }
  y += 28;
  context.fillStyle = COLOR.rule;
  context.fillRect(PAD_X, y, CONTENT_WIDTH, 2);
  y += 28;
  qr.draw(context, PAD_X, y);
  const hintX = PAD_X + qrSize + 40;
  context.fillStyle = COLOR.text;
  context.font = fontOf(400, META.size, sans);
  drawPlain(context, input.scanHint, hintX, y + qrSize / 2 - metaLine / 2, META.size);
  context.fillStyle = COLOR.muted;
  context.font = fontOf(400, 24, sans);
  context.fillText(input.site, hintX, y + qrSize / 2 + metaLine / 2);

  return { canvas, lines: words.lines.map((line) => line.text), text: words.text, cut: words.cut, font: fontOf(400, TEXT.size, sans) };
}
