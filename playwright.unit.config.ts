import { defineConfig } from '@playwright/test';

// The unit tier (`npm run test:unit`): pure functions and build-time code, run in Node with no
// build, no server and no browser, in seconds. `npm test` runs these too (playwright.config.ts).

export default defineConfig({
  testDir: 'tests/unit',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['./tests/support/summary-reporter.ts']],
  projects: [{ name: 'unit', testDir: 'tests/unit' }],
});
