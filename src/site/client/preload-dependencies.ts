/**
 * What each dynamic `import()` runs through in the built scripts, in place of Vite's
 * own preload helper (swapped in by src/site/build/lean-dynamic-imports.ts): the
 * modules the imported one needs are fetched alongside it, not one after the other.
 *
 * Vite's helper (0.9 KB gzip, in every page's first view) also loads stylesheets of
 * lazily loaded modules and raises `vite:preloadError`; this site's lazy modules
 * import no stylesheet (the build checks) and handle their own failures.
 */
const requested = new Set<string>();

/**
 * Called by Vite's rewritten `import()`, with the imported module's dependencies relative to the
 * base: this site's base is always an absolute path (astro.config.ts), so Vite's third argument,
 * the importer's URL for relative bases, is not needed.
 */
export function __vitePreload<T>(load: () => Promise<T>, dependencies?: string[]): Promise<T> {
  for (const dependency of dependencies ?? []) {
    if (requested.has(dependency)) continue;
    requested.add(dependency);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = import.meta.env.BASE_URL + dependency;
    document.head.append(link);
  }
  return load();
}
