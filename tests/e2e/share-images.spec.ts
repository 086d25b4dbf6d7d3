/**
 * The share card images of the built site (src/pages/og/[card].png.ts): one for the
 * essay, one for each section and one for the search page, each a 1200×630 PNG under 200 KB, served as image/png
 * at the path the pages' meta tags use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readEssayContent } from '../support/essay-content';
import { MAX_CARD_BYTES, pngSize } from '../support/png';
import { ROOT_BUILD, builtPath } from '../support/builds';

const OG_DIR = builtPath(ROOT_BUILD, 'og');
const expected = ['index', ...readEssayContent().sections.map((section) => section.slug), 'search'];

test('dist/og/ holds one image for the essay, one for each section and one for the search page, and nothing else', () => {
  const built = readdirSync(OG_DIR).sort();
  expect(built).toEqual(expected.map((name) => `${name}.png`).sort());
});

for (const name of expected) {
  test(`og/${name}.png: a 1200×630 PNG under 200 KB, served as image/png`, async ({ request }) => {
    const file = readFileSync(join(OG_DIR, `${name}.png`));
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
    expect(file.byteLength).toBeLessThan(MAX_CARD_BYTES);

    const response = await request.get(`/og/${name}.png`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(Buffer.compare(await response.body(), file)).toBe(0);
  });
}
