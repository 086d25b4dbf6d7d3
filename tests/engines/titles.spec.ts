/**
 * Titles break only between phrases (src/core/phrase-breaks.ts), never inside a word (中产 at
 * 390 px was cut across lines), measured from glyph rectangles in Chromium, Firefox and WebKit,
 * at widths from a small phone to a wide desktop, on every essay page and the 404 page of both
 * editions: every title the pages set (the essay's title, section headings, the header's title,
 * the contents, the section page's kicker, previous/next, the 404 page's links), and the titles
 * of search results, which a script sets from the records.
 */
import { writeFileSync } from 'node:fs';
import { readEssayContent, essayTitles } from '../support/essay-content';
import { ALL_ESSAY_PAGES, EDITIONS } from '../support/editions';
import { titleLineBreaks } from '../support/title-probes';
import { phraseBreaks } from '../../src/core/phrase-breaks';
import { applyTypography } from '../../src/core/typography';
import { strings } from '../../src/core/strings';
import { ENGINES, waitFor } from '../support/engines';
import { expect, test } from './fixtures';

const TITLE_SELECTORS = ['.essay-title', '.section-heading', '.site-title-full', '.toc a', '.essay-kicker > a', '.section-nav-title', '.not-found-links a'];
const WIDTHS = [320, 390, 768, 1440];
/** Searches whose results carry every title: the essay's (its lede), each section's and the note's. */
const SEARCHES = ['/search/?q=DeepSeek', '/zh-hant/search/?q=DeepSeek', '/search/?q=%E7%9A%84'];

/** Each title as each edition shows it, and where it may break: the offsets are the same in both scripts. */
const essay = readEssayContent();
const typesetTitles = essayTitles(essay).map(applyTypography);
const allowed = new Map<string, number[]>(
  [...typesetTitles, strings.readFullEssay(typesetTitles[0]!), strings.authorNote].flatMap((text) =>
    EDITIONS.map((edition) => [edition.script(text), phraseBreaks(text)] as [string, number[]]),
  ),
);

for (const engine of ENGINES) {
  test(`${engine}: titles break only between phrases, at ${WIDTHS.join(', ')} px, both editions`, async ({ open }) => {
    test.setTimeout(240_000);
    const page = await open(engine);
    // A fresh reader: sections an earlier test read would show 「已读」 in the contents' titles. Each
    // width's own origin: WebKit's phone widths are an iframe from another port (tests/support/engines.ts).
    for (const width of [WIDTHS[0]!, WIDTHS.at(-1)!]) {
      await page.open('/', { width, height: 800 });
      await page.run((win) => win.localStorage.clear());
    }
    const wrong: string[] = [];
    let measuredBreaks = 0;
    let titles = 0;
    for (const width of WIDTHS) {
      for (const path of [...ALL_ESSAY_PAGES, '/no-such-page/', '/zh-hant/no-such-page/', ...SEARCHES]) {
        await page.open(path, { width, height: 800 });
        const search = path.includes('/search/');
        if (search) await waitFor(page, (win) => win.document.querySelector('.search-result-title') !== null);
        for (const title of await page.run(titleLineBreaks, search ? ['.search-result-title'] : TITLE_SELECTORS)) {
          titles++;
          const may = allowed.get(title.text);
          if (!may) {
            wrong.push(`${width}px ${path} ${title.selector}: a title the test does not know: ${title.text}`);
            continue;
          }
          measuredBreaks += title.breaks.length;
          for (const at of title.breaks.filter((at) => !may.includes(at))) {
            wrong.push(`${width}px ${path} ${title.selector}: ${title.text.slice(0, at)}|${title.text.slice(at)}`);
          }
        }
      }
    }
    // The first screen a phone reader sees, for a person to look at (docs/typography-titles.md shows them).
    await page.open('/', { width: 390, height: 844 });
    const shot = test.info().outputPath(`title-390-${engine}.png`);
    writeFileSync(shot, await page.screenshot());
    await test.info().attach(`title-390-${engine}.png`, { path: shot, contentType: 'image/png' });
    expect(wrong).toEqual([]);
    // The measure saw titles, and titles that took more than one line (the essay's title at 320 px does).
    expect(titles).toBeGreaterThan(100);
    expect(measuredBreaks).toBeGreaterThan(20);
    console.log(`${engine}: ${titles} titles, ${measuredBreaks} line breaks, all between phrases`);
  });
}
