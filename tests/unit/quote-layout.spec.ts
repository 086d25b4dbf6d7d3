/**
 * The layout of a share image's words (src/sharing/client/quote-layout.ts): line breaking with
 * kinsoku, whole Latin words, the half-width punctuation at a line's ends, the autospace,
 * justification (whole Latin words, no gap past a quarter em) on every paragraph of both
 * editions, and the cut of an overlong quote at a sentence's end with 「……」.
 *
 * Marks are written as escapes: \uFF0C ,  \u3002 .  \uFF1F ?  \u300C \u300D 「」  \u2026 …
 */
import { expect, test } from '@playwright/test';
import { mayEndLine, mayStartLine } from '../../src/core/line-breaking';
import { AUTOSPACE_EM, ELLIPSIS, bodyPieces, breakBody, justifyLine, layoutQuote, setLine } from '../../src/sharing/client/quote-layout';
import { TRADITIONAL } from '../../src/core/editions';
import { inEditionScript } from '../../src/editions/build/traditional';
import { applyTypography } from '../../src/core/typography';
import { readEssayContent } from '../support/essay-content';

/** A 10 px font: one em per CJK character, Latin and digits half an em. */
const SIZE = 10;
const measure = (text: string) => Array.from(text).reduce((w, c) => w + (/[\x20-\x7E]/.test(c) ? SIZE / 2 : SIZE), 0);
const metrics = { measure, fontSize: SIZE, trimLineEnd: true };

const essay = readEssayContent();
const PARAGRAPHS = essay.sections.flatMap((section) => section.paragraphs).map(applyTypography);

test('every paragraph of the essay, at every width: no closing mark starts a line, no opening mark ends one, nothing lost', () => {
  for (const paragraph of PARAGRAPHS) {
    for (const chars of [8, 13, 19, 34]) {
      const lines = breakBody(paragraph, { ...metrics, maxWidth: chars * SIZE });
      expect(lines.map((line) => line.text).join('').replace(/\s/g, '')).toBe(paragraph.replace(/\s/g, ''));
      for (const [i, line] of lines.entries()) {
        const shown = Array.from(line.text);
        if (i > 0) expect(mayStartLine(shown[0]!), `line ${i}: ${line.text}`).toBe(true);
        if (i < lines.length - 1) expect(mayEndLine(shown.at(-1)!), line.text).toBe(true);
        // Greedy, within the measure: a line holding one piece only may be wider.
        if (bodyPieces(line.text).length > 1) expect(line.width, line.text).toBeLessThanOrEqual(chars * SIZE);
      }
      expect(lines.at(-1)!.last).toBe(true);
      expect(lines.slice(0, -1).every((line) => !line.last)).toBe(true);
    }
  }
});

/** The image's measure (src/sharing/client/share-image.ts: 888 px of 48 px text), in this font. */
const IMAGE_WIDTH = 18.5 * SIZE;
/** A Latin word or number, with its joiners: what must be drawn as one unit. */
const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]+(?:[-.\/'\u2019+_][\p{Script=Latin}\p{Nd}]+)*/gu;
/** The most a gap may grow (the review's rule, written out rather than read from the code it checks). */
const QUARTER_EM = 0.25 * SIZE;
const TRADITIONAL_PARAGRAPHS = PARAGRAPHS.map((paragraph) => inEditionScript(TRADITIONAL, paragraph));

/** Each line filled in turn with as many pieces as fit, as the page breaks its lines: the fewest lines. */
function filledInTurn(text: string, maxWidth: number): number {
  let lines = 1;
  let current = '';
  for (const piece of bodyPieces(text)) {
    if (current && !/^\s+$/u.test(piece) && setLine((current + piece).trimEnd(), metrics).width > maxWidth) {
      lines++;
      current = piece;
    } else current += piece;
  }
  return lines;
}

test('as few lines as filling each line in turn gives, within the measure, for every paragraph at every width', () => {
  for (const paragraph of PARAGRAPHS) {
    for (const chars of [8, 13, 18.5, 34]) {
      const lines = breakBody(paragraph, { ...metrics, maxWidth: chars * SIZE });
      expect(lines.length, paragraph).toBe(filledInTurn(paragraph, chars * SIZE));
      for (const line of lines) if (bodyPieces(line.text).length > 1) expect(line.width, line.text).toBeLessThanOrEqual(chars * SIZE);
    }
  }
});

for (const [edition, paragraphs, trimLineEnd] of [
  ['Simplified', PARAGRAPHS, true],
  ['Traditional', TRADITIONAL_PARAGRAPHS, false],
] as const) {
  test(`${edition}: on every paragraph's image no Latin word or number is letter-spaced, no gap grows past a quarter em, every line but the last is justified`, () => {
    const options = { ...metrics, trimLineEnd, maxWidth: IMAGE_WIDTH };
    let stretched = 0;
    for (const paragraph of paragraphs) {
      for (const line of breakBody(paragraph, options)) {
        const { units, stretch, short } = justifyLine(line, IMAGE_WIDTH, options);
        expect(units.map((unit) => unit.text).join(''), line.text).toBe(line.text.replace(/\s/g, ''));
        // Each Latin word is one unit, drawn whole: no unit holds part of one.
        expect(units.flatMap((unit) => unit.text.match(LATIN_WORD) ?? []), line.text).toEqual(line.text.match(LATIN_WORD) ?? []);
        for (const [i, unit] of units.entries()) {
          expect(unit.stretch, `${line.text}: before ${unit.text}`).toBeLessThanOrEqual(QUARTER_EM);
          if (i > 0 && unit.x > units[i - 1]!.x + measure(units[i - 1]!.text) + 1e-9) stretched++;
        }
        if (line.last) {
          expect(stretch).toBe(0);
          continue;
        }
        // Filled to the margin: the last glyph's end, less its trimmed blank half, at the measure.
        const trimmed = setLine(line.text, { ...options, trimLineEnd: false }).width - line.width;
        const end = units.at(-1)!.x + measure(units.at(-1)!.text) - trimmed;
        expect(short, line.text).toBe(0);
        expect(end, line.text).toBeCloseTo(IMAGE_WIDTH, 6);
      }
    }
    expect(stretched, 'the lines are justified at all').toBeGreaterThan(100);
  });
}

test('the gaps that stretch: beside Han and full-width marks and between Latin words, never inside a word, a number, \u2014\u2014 or \u2026\u2026', () => {
  const line = setLine('\u6280\u672F\uFF08Distillation\uFF09\u7684App Store\u548C0.28\u2014\u2014\u4E5F', metrics);
  const { units } = justifyLine({ ...line, last: false }, line.width + (11 * SIZE) / 4, metrics);
  expect(units.map((unit) => unit.text)).toEqual(['\u6280', '\u672F', '\uFF08', 'Distillation', '\uFF09', '\u7684', 'App', 'Store', '\u548C', '0.28', '\u2014\u2014', '\u4E5F']);
  expect(units.map((unit) => unit.stretch > 0)).toEqual([false, ...Array<boolean>(11).fill(true)]);
  // The autospace stays where the Han/Latin boundary is, with the stretch beside it.
  expect(units[6]!.x - units[5]!.x - measure('\u7684')).toBeCloseTo(AUTOSPACE_EM * SIZE + SIZE / 4, 6);
});

test('a curly quote in Chinese text is full-width, from the CJK face; of two adjacent marks the first gives up its blank half (\u201D\u3002 is 1.5 em)', () => {
  // As canvas measures: a curly quote is half an em in the Latin face that starts the font stack, a full em in the CJK face.
  const faces = (text: string, cjk = false) => measure(text) - (cjk ? 0 : (text.match(/[\u201C\u201D]/gu) ?? []).length * (SIZE / 2));
  const options = { ...metrics, measure: faces };
  const line = setLine('\u7684\u201C\u91D1\u878D\u7F9E\u803B\u201D\u3002', options);
  // 的 “ 金融羞耻 ” (squeezed before 。) 。 (its blank half trimmed at the line's end)
  expect(line.width).toBe(7 * SIZE);
  const { units } = justifyLine({ ...line, last: true }, Infinity, options);
  expect(units.filter((unit) => unit.cjk).map((unit) => unit.text)).toEqual(['\u201C', '\u201D']);
  expect(units.at(-1)!.x).toBe(6.5 * SIZE);
  // At a line's start an opening quote is pulled back like a bracket; in Latin text quotes stay Latin.
  expect(setLine('\u201C\u91D1\u878D\u201D', options).indent).toBe(-SIZE / 2);
  const latin = setLine('say \u201Chi\u201D', options);
  expect(latin.runs.some((run) => run.marks.length > 0)).toBe(false);
  expect(latin.width).toBe(faces('say \u201Chi\u201D'));
});

test('a line that would need more than a quarter em in each gap is set flush start', () => {
  const line = { ...setLine('\u5B57\u5B57\u5B57', metrics), last: false };
  const plan = justifyLine(line, 3 * SIZE + 2 * QUARTER_EM + 1, metrics);
  expect(plan.stretch).toBe(0);
  expect(plan.units.map((unit) => unit.x)).toEqual([0, SIZE, 2 * SIZE]);
  expect(plan.short).toBeCloseTo(2 * QUARTER_EM + 1, 6);
  expect(justifyLine(line, 3 * SIZE + 2 * QUARTER_EM, metrics).stretch).toBe(QUARTER_EM);
});

test('why-deepseek-3 measured as canvas measures it: a line that fills the measure exactly keeps its last character, and no line is left loose before \u201COpenAI\u201D', () => {
  // Chromium's canvas gives a 48 px CJK glyph as 48.00009 px.
  const canvasLike = (text: string) => measure(text) * (48.000091552734375 / 48);
  const options = { ...metrics, measure: canvasLike, maxWidth: IMAGE_WIDTH };
  const paragraph = applyTypography(essay.sections.find((section) => section.slug === 'why-deepseek')!.paragraphs[2]!);
  const lines = breakBody(paragraph, options);
  // 18.5 em: 17 characters and 「击。」, its full stop's blank half trimmed.
  expect(lines[1]!.text).toBe('\u597D\u7684\u4F53\u9A8C\uFF0C\u66F4\u662F\u5BF9\u4E8E\u4E1A\u754C\u5E26\u6765\u4E86\u5168\u65B0\u51B2\u51FB\u3002');
  const stretches = lines.map((line) => justifyLine(line, IMAGE_WIDTH, options).stretch / SIZE);
  expect(Math.max(...stretches)).toBeLessThan(0.1);
});

test('a Latin word, a number, \u2014\u2014 and \u2026\u2026 are never split; Han text breaks between any two characters', () => {
  const text = '\u5B83\u5728App Store\u4E0A\u7684\u4EF7\u683C\u662F0.28\u7F8E\u5143\uFF0CGPT-4o\u2014\u2014\u4E5F\u5C31\u662F\u8BF4\u2026\u2026\u6CA1\u6709';
  for (let chars = 3; chars <= 12; chars++) {
    const lines = breakBody(text, { ...metrics, maxWidth: chars * SIZE }).map((line) => line.text);
    for (const whole of ['0.28', 'GPT-4o', '\u2014\u2014', '\u2026\u2026', 'Store', 'App']) {
      expect(lines.some((line) => line.includes(whole)), `${whole} at ${chars}: ${lines.join(' | ')}`).toBe(true);
    }
  }
  // Narrow enough to break inside a two-character word: 价|格 may part, as on the page.
  const narrow = breakBody('\u4EF7\u683C\u4EF7\u683C\u4EF7', { ...metrics, maxWidth: 3 * SIZE }).map((line) => line.text);
  expect(narrow).toEqual(['\u4EF7\u683C\u4EF7', '\u683C\u4EF7']);
});

test('a closing mark at a line\u2019s end is set half-width in SC fonts, not in TC ones; an opening bracket at a line\u2019s start is pulled back', () => {
  const comma = setLine('\u5B57\u5B57\uFF0C', metrics);
  expect(comma.width).toBe(2.5 * SIZE);
  expect(setLine('\u5B57\u5B57\uFF0C', { ...metrics, trimLineEnd: false }).width).toBe(3 * SIZE);
  // So a line one half-em too long for the measure still takes its comma, as the page's text-spacing-trim lets it.
  const lines = breakBody('\u5B57\u5B57\u5B57\uFF0C\u5B57', { ...metrics, maxWidth: 3.5 * SIZE });
  expect(lines.map((line) => line.text)).toEqual(['\u5B57\u5B57\u5B57\uFF0C', '\u5B57']);
  const bracket = setLine('\u300C\u5B57\u300D', metrics);
  expect(bracket.indent).toBe(-SIZE / 2);
  expect(bracket.width).toBe(3 * SIZE - SIZE / 2 - SIZE / 2);
});

test('the autospace between Han and Latin counts in a line\u2019s width, and is a run\u2019s own flag, never a character', () => {
  const line = setLine('\u7684DeepSeek\u5728', metrics);
  expect(line.runs.map((run) => run.text).join('')).toBe('\u7684DeepSeek\u5728');
  expect(line.runs.filter((run) => run.spaceBefore)).toHaveLength(2);
  expect(line.width).toBe(2 * SIZE + 8 * (SIZE / 2) + 2 * AUTOSPACE_EM * SIZE);
});

test('a quote that fits is laid out whole', () => {
  const quote = PARAGRAPHS[0]!;
  const laid = layoutQuote(quote, { ...metrics, maxWidth: 20 * SIZE, maxLines: 100 });
  expect(laid.cut).toBe(false);
  expect(laid.text).toBe(quote);
});

test('an overlong quote is cut after a sentence\u2019s end, with \u300C\u2026\u2026\u300D, and fills the lines it has', () => {
  const long = PARAGRAPHS.reduce((a, b) => (b.length > a.length ? b : a));
  for (const maxLines of [4, 6, 9]) {
    const laid = layoutQuote(long, { ...metrics, maxWidth: 18 * SIZE, maxLines });
    expect(laid.cut).toBe(true);
    expect(laid.lines.length).toBeLessThanOrEqual(maxLines);
    expect(laid.text.endsWith(ELLIPSIS)).toBe(true);
    const kept = laid.text.slice(0, -ELLIPSIS.length);
    expect(long.startsWith(kept)).toBe(true);
    expect(kept, 'ends at a sentence end').toMatch(/[\u3002\uFF01\uFF1F][\u201D\u300D\uFF09]*$/u);
    expect(laid.lines.map((line) => line.text).join('')).toBe(laid.text);
    // The longest such cut: the next sentence would not have fitted.
    const rest = long.slice(kept.length);
    const nextEnd = /[\u3002\uFF01\uFF1F][\u201D\u300D\uFF09]*/u.exec(rest);
    if (nextEnd && kept.length + nextEnd.index + nextEnd[0].length < long.length) {
      const longer = long.slice(0, kept.length + nextEnd.index + nextEnd[0].length) + ELLIPSIS;
      expect(breakBody(longer, { ...metrics, maxWidth: 18 * SIZE }).length).toBeGreaterThan(maxLines);
    }
    // 「……」 never starts a line.
    expect(laid.lines.at(-1)!.text.startsWith('\u2026')).toBe(false);
  }
});

test('a first sentence too long for the image is cut after a clause, its mark giving way to \u300C\u2026\u2026\u300D; with no mark, between characters', () => {
  const clauses = '\u4E00\u4E8C\u4E09\u56DB\uFF0C\u4E94\u516D\u4E03\u516B\uFF0C\u4E5D\u5341\u4E00\u4E8C\u3002';
  const laid = layoutQuote(clauses, { ...metrics, maxWidth: 6 * SIZE, maxLines: 2 });
  expect(laid.text).toBe('\u4E00\u4E8C\u4E09\u56DB\uFF0C\u4E94\u516D\u4E03\u516B' + ELLIPSIS);
  expect(laid.lines.length).toBeLessThanOrEqual(2);

  const bare = '\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5DDeepSeek\u5341';
  const cut = layoutQuote(bare, { ...metrics, maxWidth: 5 * SIZE, maxLines: 2 });
  expect(cut.cut).toBe(true);
  expect(cut.lines.length).toBeLessThanOrEqual(2);
  expect(cut.text).toBe('\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B' + ELLIPSIS);
  expect(cut.text).not.toContain('Deep');
});
