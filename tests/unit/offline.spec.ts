/**
 * Offline and install (src/offline/), without a build: the manifest of each edition holds what an
 * install needs, the icons are drawn at their sizes (the maskable one full-bleed), and a long
 * text's search index is kept as used rather than at the first visit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { webAppManifest } from '../../src/offline/build/manifest';
import { fullBleedMark, renderIcon } from '../../src/offline/build/icons';
import { precachePlan, WHOLE_INDEX_LIMIT_BYTES } from '../../src/offline/build/precache';
import { ICONS } from '../../src/offline/icon-files';
import { manifestProblems } from '../../src/offline/manifest-check';
import { SITE_MARK_SVG } from '../../src/core/brand';
import { pngSize } from '../support/png';

const input = { name: '如何看待DeepSeek热潮', shortName: '徐瑾', description: '…', lang: 'zh-CN' };

test('each edition’s manifest is complete, starts at its essay, and keeps the base path', () => {
  for (const [base, start] of [['/', '/'], ['/', '/zh-hant/'], ['/essay/', '/essay/zh-hant/']] as const) {
    const manifest = webAppManifest({ ...input, base, start });
    expect(manifestProblems(manifest).problems).toEqual([]);
    expect(manifest).toMatchObject({ start_url: start, id: start, scope: base, display: 'standalone' });
    for (const icon of manifest.icons) expect(icon.src.startsWith(`${base}icons/`)).toBe(true);
  }
});

test('the manifest check names what is missing', () => {
  const manifest = { ...webAppManifest({ ...input, base: '/', start: '/' }), display: 'browser', icons: [] };
  expect(manifestProblems(manifest).problems).toEqual(['display is browser, not standalone', 'no 192 px PNG icon', 'no 512 px PNG icon', 'no maskable icon']);
  expect(manifestProblems(null).problems).toEqual(['not a JSON object']);
});

test('the icons are drawn at their sizes; the maskable and iOS ones from the mark without its rounded corners', () => {
  for (const icon of ICONS) expect(pngSize(renderIcon(icon))).toEqual({ width: icon.size, height: icon.size });
  expect(SITE_MARK_SVG).toContain('rx="6"');
  expect(fullBleedMark()).not.toContain('rx=');
  expect(fullBleedMark()).toBe(SITE_MARK_SVG.replace(' rx="6"', ''));
  expect(() => fullBleedMark('<svg><circle r="1"/></svg>')).toThrow(/no rounded rectangle/);
});

test('a search index over the limit is kept as used; under it, whole; the other edition and filters never', async () => {
  const out = mkdtempSync(join(tmpdir(), 'offline-plan-'));
  try {
    const fill = (dir: string, bytes: number) => {
      mkdirSync(join(out, dir), { recursive: true });
      writeFileSync(join(out, dir, 'chunk'), Buffer.alloc(bytes));
    };
    fill('pagefind/index', 1000);
    fill('zh-hant/pagefind/index', WHOLE_INDEX_LIMIT_BYTES);
    fill('zh-hant/pagefind/fragment', 1);
    const small = await precachePlan(out, '', ['zh-hant/'], 'pagefind');
    expect(small).toMatchObject({ wholeIndex: true, indexBytes: 1000, globIgnores: ['zh-hant/**'] });
    expect(small.globPatterns).toEqual(expect.arrayContaining(['index.html', '*/index.html', 'pagefind/index/*', 'pagefind/fragment/*']));
    const large = await precachePlan(out, 'zh-hant/', [], 'pagefind');
    expect(large).toMatchObject({ wholeIndex: false, indexBytes: WHOLE_INDEX_LIMIT_BYTES + 1 });
    expect(large.globPatterns.filter((glob) => glob.includes('pagefind/'))).toEqual(['zh-hant/pagefind/*.{js,json,pagefind,pf_meta}']);
    expect([...small.globPatterns, ...large.globPatterns].some((glob) => glob.includes('filter'))).toBe(false);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
