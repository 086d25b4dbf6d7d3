/**
 * Why this plugin stays: it keeps the first view within its budget (`npm run bench`: 15 KB gzip
 * for `/`, which Vite's own helper would overrun by 0.9 KB), and a test guards it
 * (tests/e2e/loading.spec.ts: the scripts run dynamic imports through the site's helper).
 *
 * Vite wraps each dynamic `import()` in the browser's code in a preload helper, and
 * offers no way to leave it out (`build.modulePreload: false` still keeps it, and
 * Astro 7 sets that option itself). This swaps in the site's own, smaller helper
 * (src/site/client/preload-dependencies.ts), which preloads modules but not
 * stylesheets, and stops the build if a lazily loaded module ever imports CSS,
 * which that helper would not load.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Vite's id for its helper (vite/src/node/plugins/importAnalysisBuild.ts); if Vite renames it,
// its own helper returns, and the first-view budget of `npm run bench` shows the 0.9 KB.
const VITE_PRELOAD_HELPER = '\0vite/preload-helper.js';
const SITE_PRELOAD_HELPER = fileURLToPath(new URL('../client/preload-dependencies.ts', import.meta.url));

/** The Vite plugin (astro.config.ts). */
export function leanDynamicImportsPlugin(): Plugin {
  return {
    name: 'essay-lean-dynamic-imports',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId(id) {
      return id === VITE_PRELOAD_HELPER ? SITE_PRELOAD_HELPER : undefined;
    },
    generateBundle(_options, bundle) {
      // Every chunk that only a dynamic import() brings in: the dynamic entries, and what they
      // alone import. CSS of any of them would reach the page only through Vite's own helper.
      const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
      const loadedUpFront = new Set<string>();
      const visit = (fileName: string) => {
        if (loadedUpFront.has(fileName)) return;
        loadedUpFront.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      for (const chunk of chunks.values()) {
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        if (css.length && !loadedUpFront.has(chunk.fileName)) {
          this.error(`${chunk.facadeModuleId ?? chunk.fileName} is loaded on first use but imports CSS (${css.join(', ')}), which src/site/client/preload-dependencies.ts does not load: import it from a stylesheet of the page instead.`);
        }
      }
    },
  };
}
