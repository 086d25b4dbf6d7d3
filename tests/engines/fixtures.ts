/**
 * The cross-engine tests' fixture: `open(engine)` gives a page of that engine (tests/support/engines.ts).
 * Firefox and WebKit start once per worker and are reused; each test gets a fresh Chromium page.
 */
import { test as base } from '@playwright/test';
import { builtPath, ROOT_BUILD } from '../support/builds';
import { openEngine, type EngineName, type EnginePage, type LaunchOptions } from '../support/engines';

/**
 * An engine as the tests name it: the three; Firefox with `text-autospace` switched off; and
 * Chromium and Firefox made to look like an older WebView (XWeb at Chromium 78, Safari 16):
 * no Intl.Segmenter, popover, Highlight API or async Clipboard API (and, in Firefox, no
 * text-autospace), all removed before the page's scripts run.
 */
export type EngineVariant = EngineName | 'firefox-without-autospace' | 'chromium-older' | 'firefox-older';

const OLDER_ENGINE = `
  delete Intl.Segmenter;
  for (const name of ['showPopover', 'hidePopover', 'togglePopover', 'popover']) delete HTMLElement.prototype[name];
  delete CSS.highlights;
  delete window.Highlight;
  delete Navigator.prototype.clipboard;
`;

export const VARIANTS: Record<EngineVariant, { engine: EngineName; options?: LaunchOptions }> = {
  chromium: { engine: 'chromium' },
  firefox: { engine: 'firefox' },
  webkit: { engine: 'webkit' },
  // An engine without text-autospace, like XWeb and Safari before 18.4.
  'firefox-without-autospace': {
    engine: 'firefox',
    options: { firefoxPrefs: { 'layout.css.text-autospace.enabled': false } },
  },
  'chromium-older': { engine: 'chromium', options: { initScript: OLDER_ENGINE } },
  'firefox-older': {
    engine: 'firefox',
    options: { initScript: OLDER_ENGINE, firefoxPrefs: { 'layout.css.text-autospace.enabled': false } },
  },
};

/** The variants the typography is measured in (the older ones differ only in scripts). */
export const TYPOGRAPHY_VARIANTS: EngineVariant[] = ['chromium', 'firefox', 'webkit', 'firefox-without-autospace'];

interface Pool {
  get(variant: EngineVariant, baseURL: string): Promise<EnginePage>;
}

export const test = base.extend<{ open: (variant: EngineVariant) => Promise<EnginePage> }, { pool: Pool }>({
  pool: [
    async ({ browser }, use) => {
      const started = new Map<EngineVariant, Promise<EnginePage>>();
      await use({
        get(variant, baseURL) {
          const context = { browser, baseURL, builtDir: builtPath(ROOT_BUILD) };
          if (VARIANTS[variant].engine === 'chromium') return openEngine('chromium', context, VARIANTS[variant].options);
          let page = started.get(variant);
          if (!page) {
            const { engine, options } = VARIANTS[variant];
            page = openEngine(engine, context, options);
            started.set(variant, page);
            // A failed start is not cached: the next test tries again.
            page.catch(() => started.delete(variant));
          }
          return page;
        },
      });
      for (const page of started.values()) await (await page.catch(() => undefined))?.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  open: async ({ pool, baseURL }, use) => {
    const opened: EnginePage[] = [];
    await use(async (variant) => {
      const page = await pool.get(variant, baseURL!);
      if (page.engine === 'chromium') opened.push(page);
      return page;
    });
    for (const page of opened) await page.close();
  },
});

export { expect } from '@playwright/test';
