import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import {
  DEFAULT_SETTINGS,
  SETTINGS,
  SETTINGS_BOOT_SCRIPT,
  SETTINGS_STORAGE_KEY,
  parseSettings,
} from '../../src/reader/settings';

/** What the inline boot script puts on <html> for a stored value, run as the browser would before any bundle. */
function boot(stored: string | null): Record<string, string> {
  const dataset: Record<string, string> = {};
  runInNewContext(SETTINGS_BOOT_SCRIPT, {
    localStorage: { getItem: (key: string) => (key === SETTINGS_STORAGE_KEY ? stored : null) },
    document: { documentElement: { dataset } },
    JSON,
  });
  return dataset;
}

const STORED = [
  null,
  '',
  'not json',
  'null',
  '[]',
  '{}',
  JSON.stringify({ theme: 'dark' }),
  JSON.stringify({ theme: 'dark', textSize: 'x-large', writing: 'vertical' }),
  JSON.stringify({ theme: 'purple', textSize: 7, writing: 'vertical' }),
  JSON.stringify({ theme: 'light', textSize: 'small', writing: 'horizontal', extra: '<script>' }),
  JSON.stringify({ theme: '__proto__', textSize: 'constructor' }),
];

test.describe('reader settings', () => {
  for (const stored of STORED) {
    test(`stored ${JSON.stringify(stored)}: the boot script and parseSettings agree`, () => {
      const parsed = parseSettings(stored);
      const booted = boot(stored);
      // The boot script sets only what was stored and known; the rest stays at its default.
      expect({ ...DEFAULT_SETTINGS, ...booted }).toEqual(parsed);
      for (const [name, value] of Object.entries(booted)) {
        expect(SETTINGS[name as keyof typeof SETTINGS] as readonly string[]).toContain(value);
      }
    });
  }

  test('the boot script is small and self-contained: no import, no access beyond storage and <html>', () => {
    expect(SETTINGS_BOOT_SCRIPT.length).toBeLessThan(400);
    expect(SETTINGS_BOOT_SCRIPT).not.toMatch(/import|fetch|eval|innerHTML/);
  });

  test('a storage that throws (blocked in a sandboxed WebView) leaves the defaults', () => {
    const dataset: Record<string, string> = {};
    runInNewContext(SETTINGS_BOOT_SCRIPT, {
      localStorage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
      },
      document: { documentElement: { dataset } },
      JSON,
    });
    expect(dataset).toEqual({});
  });
});
