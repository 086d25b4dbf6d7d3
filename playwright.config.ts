import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';
import { BASE_BUILD } from './tests/support/base-build';

// TEST_PORT lets two checkouts run their suites at once on one machine.
const PORT = Number(process.env.TEST_PORT ?? 4329);
/** The site built under a base path (tests/e2e/base-path.spec.ts) is served on the next port. */
const BASE_PORT = PORT + 1;

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['./tests/support/summary-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    locale: 'zh-CN',
  },
  projects: [
    { name: 'unit', testDir: 'tests/unit' },
    { name: 'e2e', testDir: 'tests/e2e', testIgnore: 'base-path.spec.ts' },
    {
      name: 'base-path',
      testDir: 'tests/e2e',
      testMatch: 'base-path.spec.ts',
      use: { baseURL: `http://127.0.0.1:${BASE_PORT}` },
    },
  ],
  // Playwright starts these one after the other, so the two builds never run at once.
  webServer: [
    {
      // The suite always tests a fresh build of the site, served as a static host serves it
      // (scripts/serve.ts: 404.html with status 404 for unknown URLs).
      command: `npm run build && node scripts/serve.ts --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same site under a base path, in its own folder and with its own Astro cache
      // (ASTRO_CACHE_DIR, read by astro.config.ts), so it shares no files with the build above.
      command:
        `npm run build -- --outDir ${BASE_BUILD.outDir} && ` +
        `node scripts/serve.ts --dir ${BASE_BUILD.outDir} --base ${BASE_BUILD.base} --port ${BASE_PORT}`,
      env: { BASE_PATH: BASE_BUILD.base, SITE_URL: BASE_BUILD.site, ASTRO_CACHE_DIR: BASE_BUILD.cacheDir },
      url: `http://127.0.0.1:${BASE_PORT}${BASE_BUILD.base}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
