/**
 * The two builds the suite tests, each in its own folder with its own Astro cache,
 * so that suites on different TEST_PORTs (two checkouts, or a helper's run beside
 * yours) never write over each other's files (`astro build` empties its outDir).
 * playwright.config.ts builds and serves them; tests that read built files use
 * `outDir` from here.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from './essay-content';

const PORT = Number(process.env.TEST_PORT ?? 4329);

/** The site at the root of its origin. */
export const ROOT_BUILD = {
  port: PORT,
  base: '/',
  outDir: `dist-test/${PORT}`,
  cacheDir: `node_modules/.astro-test/${PORT}`,
} as const;

/** The same site under a base path, as if published in a folder of another site. */
export const BASE_BUILD = {
  port: PORT + 1,
  site: 'https://example.org',
  base: '/essay/',
  outDir: `dist-test/${PORT + 1}`,
  cacheDir: `node_modules/.astro-test/${PORT + 1}`,
} as const;

/** Absolute path of a file or folder in a build's output. */
export function builtPath(build: { outDir: string }, ...segments: string[]): string {
  return join(PROJECT_ROOT, build.outDir, ...segments);
}
