/**
 * The share card renderer (src/lib/share-card.ts) on its own, without a browser or a
 * build: a real PNG of 1200×630, small, the same bytes every time, and a clear failure
 * for a character the typeface cannot draw.
 *
 * Full-width marks are written as escapes: \uFF0C ,  \uFF1F ?
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { renderShareCard, shareCardName, SITE_MARK_SVG, type ShareCard } from '../../src/lib/share-card';
import { PROJECT_ROOT } from '../support/essay-content';
import { MAX_CARD_BYTES, pngSize } from '../support/png';

const TITLE = '如何看待DeepSeek热潮,这对普通中产又意味着什么?';
const AUTHOR = '徐瑾';

const TRADITIONAL_TITLE = '如何看待DeepSeek熱潮,這對普通中產又意味著什麼?';

const cards: Record<string, ShareCard> = {
  essay: { heading: TITLE, author: AUTHOR, edition: 'hans' },
  section: { heading: 'DeepSeek为何那么惊艳', title: TITLE, author: AUTHOR, edition: 'hans' },
  'long heading': {
    heading: '年年岁岁花相似,年年岁岁人不同,也适用于AI界。在2025的春节前后,中国的深度求索(DeepSeek)震动中美科技界',
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

  test('a character the typeface has no glyph for stops the render, named', async () => {
    // U+20000 (CJK Extension B) is outside Noto Serif SC.
    await expect(renderShareCard({ heading: '\u{20000}之说', author: AUTHOR, edition: 'hans' })).rejects.toThrow(
      /no glyph for "\u{20000}" \(U\+20000\)/u,
    );
  });

  test('a character outside the chinese-simplified file is drawn from the slice that has it', async () => {
    // U+9F98 龘 is in one of the package's unicode-range slices, not in its chinese-simplified file.
    const png = await renderShareCard({ heading: '\u9F98', author: AUTHOR, edition: 'hans' });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test('a heading too long for the card stops the render instead of being clipped', async () => {
    await expect(renderShareCard({ heading: '长'.repeat(200), author: AUTHOR, edition: 'hans' })).rejects.toThrow(/does not fit/);
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
