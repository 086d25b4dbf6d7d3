/**
 * The site's paths, under its base path (Astro's `base`, e.g. `/essay/`), in one
 * place. Components link with these; absolute URLs add the configured `site`.
 */
// Read when called, not on import: build-time code (the search integration) imports this
// module's constants where Vite's `import.meta.env` does not exist.
const base = (): string => {
  const configured = import.meta.env.BASE_URL;
  return configured.endsWith('/') ? configured : `${configured}/`;
};

export const essayPath = (): string => base();
export const sectionPath = (slug: string): string => `${base()}${slug}/`;
export const searchPath = (): string => `${base()}search/`;
export const assetPath = (file: string): string => `${base()}${file}`;

/** Pagefind's bundle and the search's fold table, under the base. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
export const searchBundlePath = (): string => assetPath(`${SEARCH_BUNDLE_DIR}/`);

/** An absolute URL for a path, from the configured site. */
export const absoluteUrl = (path: string, site: URL | undefined): string => new URL(path, site).href;
