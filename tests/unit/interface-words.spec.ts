/**
 * The interface's words say what they mean (issue 24): read as a reader would, not only typeset.
 */
import { expect, test } from '@playwright/test';
import { strings } from '../../src/core/strings';

test('a section’s reading time does not read as 本 + 节约 (“saves two minutes”)', () => {
  const shown = strings.sectionReadingTime(2);
  expect(shown).not.toMatch(/^本节约/);
  expect(shown).toContain('阅读');
  expect(shown).toContain('2');
});

test('the QR code’s hints promise what the code opens: the shared place, from another device or WeChat', () => {
  // The reader may be holding the phone the panel is on.
  expect(strings.share.qrHint).not.toContain('用手机');
  // The image's code opens the shared paragraph, section or quote, not the whole essay from its start.
  expect(strings.share.imageScanHint).not.toContain('全文');
  expect(strings.share.imageScanHint).toContain('此处');
});
