import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';
import { BASE_BUILD, ROOT_BUILD } from './tests/support/builds';

// TEST_PORT (default 4329) lets two suites run at once on one machine: each build has its own
// output folder and Astro cache (ASTRO_CACHE_DIR, read by astro.config.ts) named by its port.
//
// The tiers (CONTRIBUTING.md): `unit` (also alone, without a build: playwright.unit.config.ts,
// npm run test:unit), `e2e` and `base-path` against the built site, `slow` (the reproducible
// rebuild, copies of the project, another essay, printing to PDF, the axe sweeps) and
// `engines` (Firefox and WebKit beside Chromium). `npm test` runs them all.

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // In CI, a browser test that fails once is run once more: on a busy 2-core machine a few timing-bound
  // tests have missed once in a run and passed again. The list marks such a test "flaky", and the
  // summary counts it once; a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['./tests/support/summary-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${ROOT_BUILD.port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    // The site's service worker (src/offline/) keeps its files after a first visit; the tests that hold,
    // break or count requests with page.route test the site without it, as an engine without service
    // workers reads it. The offline tests allow it (tests/e2e/offline.spec.ts).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'unit', testDir: 'tests/unit' },
    { name: 'e2e', testDir: 'tests/e2e', testIgnore: 'base-path.spec.ts' },
    { name: 'slow', testDir: 'tests/slow' },
    // Chromium, Firefox and WebKit side by side (tests/support/engines.ts drives the other two).
    { name: 'engines', testDir: 'tests/engines' },
    {
      name: 'base-path',
      testDir: 'tests/e2e',
      testMatch: 'base-path.spec.ts',
      use: { baseURL: `http://127.0.0.1:${BASE_BUILD.port}` },
    },
  ],
  // Playwright starts these one after the other, so the two builds never run at once.
  webServer: [
    {
      // The suite always tests a fresh build of the site, served as a static host serves it
      // (scripts/serve.ts: 404.html with status 404 for unknown URLs).
      command:
        `npm run build -- --outDir ${ROOT_BUILD.outDir} && ` +
        `node scripts/serve.ts --dir ${ROOT_BUILD.outDir} --port ${ROOT_BUILD.port}`,
      env: { ASTRO_CACHE_DIR: ROOT_BUILD.cacheDir },
      url: `http://127.0.0.1:${ROOT_BUILD.port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same site under a base path, as if published in a folder of another site.
      command:
        `npm run build -- --outDir ${BASE_BUILD.outDir} && ` +
        `node scripts/serve.ts --dir ${BASE_BUILD.outDir} --base ${BASE_BUILD.base} --port ${BASE_BUILD.port}`,
      env: { BASE_PATH: BASE_BUILD.base, SITE_URL: BASE_BUILD.site, ASTRO_CACHE_DIR: BASE_BUILD.cacheDir },
      url: `http://127.0.0.1:${BASE_BUILD.port}${BASE_BUILD.base}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
