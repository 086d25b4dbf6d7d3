import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';
import { BASE_BUILD } from './tests/support/base-build';

// TEST_PORT lets two checkouts run their suites at once on one machine.
const PORT = Number(process.env.TEST_PORT ?? 4329);
/** The site built under a base path (tests/e2e/base-path.spec.ts) is served on the next port. */
const BASE_PORT = PORT + 1;
// Its output folder and Astro cache are its own (ASTRO_CACHE_DIR, read by astro.config.ts): it shares
// no files with the main build, nor with a run on another TEST_PORT (`astro build` empties its outDir).
const BASE_OUT_DIR = `dist-base/${BASE_PORT}`;
const BASE_CACHE_DIR = `node_modules/.astro-base/${BASE_PORT}`;

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
      // The same site under a base path, as if published in a folder of another site.
      command:
        `npm run build -- --outDir ${BASE_OUT_DIR} && ` +
        `node scripts/serve.ts --dir ${BASE_OUT_DIR} --base ${BASE_BUILD.base} --port ${BASE_PORT}`,
      env: { BASE_PATH: BASE_BUILD.base, SITE_URL: BASE_BUILD.site, ASTRO_CACHE_DIR: BASE_CACHE_DIR },
      url: `http://127.0.0.1:${BASE_PORT}${BASE_BUILD.base}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
