import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown';
import { searchIndex } from './src/integrations/search-index';

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
  // The sitemap lists the essay's pages; search results and the 404 page are not pages to index.
  integrations: [searchIndex(), sitemap({ filter: (page) => !/\/(search|404)\/?$/.test(new URL(page).pathname) })],
  devToolbar: { enabled: false },
  // Every script as a file, none inlined: cacheable across pages, and allowed by a content
  // security policy without 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
});
