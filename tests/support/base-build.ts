/**
 * The suite's second build: the site under a base path, as if published in a
 * folder of another site. playwright.config.ts builds and serves it (its own
 * output folder and Astro cache, so it never shares files with the main build);
 * tests/e2e/base-path.spec.ts checks it.
 */
export const BASE_BUILD = {
  site: 'https://example.org',
  base: '/essay/',
  outDir: 'dist-base',
  cacheDir: 'node_modules/.astro-base',
} as const;
