/**
 * The share card renderer (src/sharing/build/share-card.ts) on its own, without a browser or a
 * build: a real PNG of 1200×630, small, the same bytes every time, a fallback face for a
 * character the edition's face lacks, and a warning (never a failure) for what no face has.
 *
 * Full-width marks are written as escapes: \uFF0C ,  \uFF1F ?
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SITE_MARK_SVG } from '../../src/core/brand';
import { applyTypography } from '../../src/core/typography';
import { shareCardName } from '../../src/sharing/build/card-paths';
import { MISSING_GLYPH } from '../../src/sharing/build/card-fonts';
import { renderShareCard, type ShareCard } from '../../src/sharing/build/share-card';
import { PROJECT_ROOT } from '../support/essay-content';
import { MAX_CARD_BYTES, pngSize } from '../support/png';

const TITLE = applyTypography('如何看待DeepSeek热潮,这对普通中产又意味着什么?');
const AUTHOR = '徐瑾';

const TRADITIONAL_TITLE = applyTypography('如何看待DeepSeek熱潮,這對普通中產又意味著什麼?');

// As the essay model hands them out: typeset (full-width punctuation next to Chinese).
const cards: Record<string, ShareCard> = {
  essay: { heading: TITLE, author: AUTHOR, edition: 'hans' },
  section: { heading: 'DeepSeek为何那么惊艳', title: TITLE, author: AUTHOR, edition: 'hans' },
  'long heading': {
    heading: applyTypography('年年岁岁花相似,年年岁岁人不同,也适用于AI界。在2025的春节前后,中国的深度求索(DeepSeek)震动中美科技界'),
    title: TITLE,
    author: AUTHOR,
    edition: 'hans',
  },
  'Traditional section': { heading: 'DeepSeek為何那麼驚豔', title: TRADITIONAL_TITLE, author: AUTHOR, edition: 'hant' },
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test.describe('renderShareCard', () => {
  for (const [name, card] of Object.entries(cards)) {
    test(`${name}: a 1200×630 PNG under 200 KB, the same bytes on every render`, async () => {
      const first = await renderShareCard(card);
      const size = pngSize(first);
      expect(size).toEqual({ width: 1200, height: 630 });
      expect(first.byteLength).toBeLessThan(MAX_CARD_BYTES);
      const second = await renderShareCard(card);
      expect(sha256(second)).toBe(sha256(first));
    });
  }

  test('a character the edition\u2019s face lacks is drawn from the other face, with a warning that names it', async () => {
    // 碏 (U+788F) is in neither Noto Serif SC's chinese-simplified file nor its slices; Noto Serif TC has it.
    const warnings: string[] = [];
    const card = { heading: '石\u788F谏宠州吁', author: AUTHOR, edition: 'hans' } as const;
    const first = await renderShareCard(card, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringMatching(/no glyph for "\u788F" \(U\+788F\) in "石\u788F谏宠州吁"; drawn in Noto Serif TC/u)]);
    expect(sha256(await renderShareCard(card, () => undefined))).toBe(sha256(first));
    // Drawn, not left blank or boxed: the card differs from one with the placeholder in its place.
    const boxed = await renderShareCard({ ...card, heading: `石${MISSING_GLYPH}谏宠州吁` }, () => undefined);
    expect(sha256(boxed)).not.toBe(sha256(first));
  });

  test('a character no face has is drawn as a box, with a warning that names it, and the render goes on', async () => {
    // U+20000 (CJK Extension B) is in neither Noto Serif SC nor TC.
    const warnings: string[] = [];
    const png = await renderShareCard({ heading: '\u{20000}之说', author: AUTHOR, edition: 'hans' }, (message) => warnings.push(message));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(warnings).toEqual([expect.stringMatching(/no face .* has a glyph for "\u{20000}" \(U\+20000\) .*drawn as \u25A1/u)]);
    const boxed = await renderShareCard({ heading: `${MISSING_GLYPH}之说`, author: AUTHOR, edition: 'hans' }, () => undefined);
    expect(sha256(png)).toBe(sha256(boxed));
  });

  test('a character outside the chinese-simplified file is drawn from the slice that has it', async () => {
    // U+9F98 龘 is in one of the package's unicode-range slices, not in its chinese-simplified file.
    const png = await renderShareCard({ heading: '\u9F98', author: AUTHOR, edition: 'hans' });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test('a heading too long for the card is cut with an ellipsis, with a warning, instead of being clipped', async () => {
    const warnings: string[] = [];
    const png = await renderShareCard({ heading: '长'.repeat(200), author: AUTHOR, edition: 'hans' }, (message) => warnings.push(message));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(warnings).toEqual([expect.stringMatching(/does not fit .* drawn cut to "长+\u2026"/u)]);
    const cutTo = /drawn cut to "(长+)\u2026"/u.exec(warnings[0]!)![1]!.length;
    expect(cutTo).toBeGreaterThan(20);
    expect(cutTo).toBeLessThan(200);
  });

  test('the Traditional edition\u2019s cards are drawn in Noto Serif TC, the Simplified one\u2019s in Noto Serif SC', async () => {
    // The same text in each edition's typeface: 說 and 戶 differ in their standard forms, so do the images.
    const card = { heading: '說戶', author: AUTHOR };
    const [simplified, traditional] = await Promise.all([
      renderShareCard({ ...card, edition: 'hans' }),
      renderShareCard({ ...card, edition: 'hant' }),
    ]);
    expect(sha256(traditional)).not.toBe(sha256(simplified));
  });
});

test('the mark on the cards is the site\u2019s favicon', () => {
  expect(SITE_MARK_SVG).toBe(readFileSync(join(PROJECT_ROOT, 'public/favicon.svg'), 'utf8').trim());
});

test('card names: index for the essay, the slug for a section', () => {
  expect(shareCardName()).toBe('index');
  expect(shareCardName('why-deepseek')).toBe('why-deepseek');
});
