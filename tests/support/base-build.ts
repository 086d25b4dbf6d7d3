/**
 * The suite's second build: the site under a base path, as if published in a
 * folder of another site. playwright.config.ts builds and serves it;
 * tests/e2e/base-path.spec.ts checks it.
 */
export const BASE_BUILD = {
  site: 'https://example.org',
  base: '/essay/',
} as const;
