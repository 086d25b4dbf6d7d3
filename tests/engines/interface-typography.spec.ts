/**
 * The interface's own text (byline, reading times, a section's place, the links around the
 * essay, the footer) set like the essay's: Han/Latin spacing of 1/8–1/4 em, measured from glyph
 * rectangles in Chromium, Firefox and WebKit on every essay page of both editions. It used to
 * pass the punctuation rule only: 「第1节，共3节」 and 「本节约2分钟」 touched, unspaced.
 * (Search results and the search status: tests/engines/typography.spec.ts.)
 */
import { ALL_ESSAY_PAGES } from '../support/editions';
import { measureTypography, type Boundary } from '../support/typography-probes';
import { ENGINES } from '../support/engines';
import { expect, test } from './fixtures';

const SPACE = { min: 1 / 8, max: 1 / 4 };
const INTERFACE = '.byline, .essay-kicker, .in-full-essay, .section-nav-link, .back-to-top, .site-footer p, .skip-link';

/**
 * WebKit places glyphs on whole pixels: the interface's 15 px text loses up to a pixel, 0.067 em,
 * of a space the stylesheet sets at about 0.18 em (measured 0.107 em once, for 「约9分钟」).
 */
const pixel = (engine: string) => (engine === 'webkit' ? 1 / 15 : 0);
const outside = (boundaries: Boundary[], slack: number) =>
  boundaries.filter(({ gap }) => gap < SPACE.min - 0.005 - slack || gap > SPACE.max + 0.005 + slack);

for (const engine of ENGINES) {
  test(`${engine}: interface text spaced like the essay, every essay page, both editions`, async ({ open }) => {
    test.setTimeout(120_000);
    const page = await open(engine);
    for (const path of ALL_ESSAY_PAGES) {
      await page.open(path, { width: 600, height: 800 });
      const measured = await page.run(measureTypography, { align: 'start', blocks: INTERFACE });
      const at = [...measured.hanLatin, ...measured.latinHan].map((boundary) => boundary.at).join(' ');
      // The reading time on every page; a section's place and its own reading time on section pages.
      expect(at, path).toMatch(/[约約]\d/u);
      if (path.replace(/^\/(zh-hant\/)?/, '') !== '') expect(at, path).toMatch(/第\d/u);
      expect(outside(measured.hanLatin, pixel(engine)), `${path}: Han → Latin`).toEqual([]);
      expect(outside(measured.latinHan, pixel(engine)), `${path}: Latin → Han`).toEqual([]);
      expect(measured.kinsokuBreaches, path).toEqual([]);
    }
  });
}
