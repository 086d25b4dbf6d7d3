/**
 * The cross-engine tests' fixture: `open(engine)` gives a page of that engine (tests/support/engines.ts).
 * Firefox and WebKit start once per worker and are reused; each test gets a fresh Chromium page.
 */
import { test as base } from '@playwright/test';
import { builtPath, ROOT_BUILD } from '../support/builds';
import { openEngine, type EngineName, type EnginePage, type LaunchOptions } from '../support/engines';

/** An engine as the tests name it: the three, and Firefox with `text-autospace` switched off. */
export type EngineVariant = EngineName | 'firefox-without-autospace';

export const VARIANTS: Record<EngineVariant, { engine: EngineName; options?: LaunchOptions }> = {
  chromium: { engine: 'chromium' },
  firefox: { engine: 'firefox' },
  webkit: { engine: 'webkit' },
  // An engine without text-autospace, like XWeb and Safari before 18.4.
  'firefox-without-autospace': {
    engine: 'firefox',
    options: { firefoxPrefs: { 'layout.css.text-autospace.enabled': false } },
  },
};

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
          if (variant === 'chromium') return openEngine('chromium', context);
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
