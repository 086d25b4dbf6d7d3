import { defineConfig } from 'astro/config';
import { markdownProcessor } from './src/lib/markdown';
import { searchIndex } from './src/integrations/search-index';

// One configured origin for canonical and shared URLs; set SITE_URL (and BASE_PATH) when deploying.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  markdown: { processor: markdownProcessor },
  integrations: [searchIndex()],
  devToolbar: { enabled: false },
});
