import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/essay/build/markdown';
import { securityHeaders } from './src/site/build/security-headers';
import { afterPagesIntegration } from './src/site/build/after-pages';
import { clientStringsPlugin } from './src/site/build/client-strings';
import { leanDynamicImportsPlugin } from './src/site/build/lean-dynamic-imports';
import { EDITIONS, editionParam } from './src/core/editions';

// One configured origin for canonical and shared URLs; set SITE_URL (and BASE_PATH) when deploying.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
if (!process.env.SITE_URL && process.argv.includes('build')) {
  console.warn(`SITE_URL is not set: canonical and shared URLs will point at ${site}. Set it before deploying.`);
}
const base = process.env.BASE_PATH ?? '/';
// Builds that may run at once from this folder (the tests build the site twice, with and without a
// base path) each need their own cache: a build with --force clears the content store it holds.
const cacheDir = process.env.ASTRO_CACHE_DIR;

export default defineConfig({
  site,
  base,
  ...(cacheDir && { cacheDir }),
  trailingSlash: 'always',
  markdown: { processor: markdownProcessor },
  integrations: [
    // The search index, then the service workers that keep its files (in a process of their own under npm run build).
    afterPagesIntegration(),
    securityHeaders(),
    // The sitemap lists the essay's pages in both editions, each with its counterpart as an alternate;
    // search results, the 404 page and the offline page are not pages to index.
    sitemap({
      filter: (page) => !/\/(search|404|offline)\/?$/.test(new URL(page).pathname),
      i18n: {
        defaultLocale: 'hans',
        locales: Object.fromEntries(EDITIONS.map((edition) => [editionParam(edition) ?? 'hans', edition.lang])),
      },
    }),
  ],
  devToolbar: { enabled: false },
  // Every script and stylesheet as a file, none inlined: cacheable across pages, and allowed by
  // the content security policy without 'unsafe-inline' (src/site/build/csp.ts).
  build: { inlineStylesheets: 'never' },
  vite: {
    plugins: [clientStringsPlugin(), leanDynamicImportsPlugin()],
    build: {
      assetsInlineLimit: 0,
      // The punctuation classes go with the other small helpers the lazily loaded scripts share
      // (src/core/fill.ts): the search page then loads its search code in two files, not three.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'fill', test: /src\/core\/(fill|punctuation|client\/add-styles)\.ts$/ }] } } },
    },
  },
});
