/**
 * The site's paths, under its base path (Astro's `base`, e.g. `/essay/`) and in
 * an edition's folder (src/core/editions.ts), in one place. Components link with
 * these; absolute URLs add the configured `site`.
 */
// With its extension: scripts/serve.ts runs this module in Node itself, which resolves no bare paths.
import { SIMPLIFIED, TRADITIONAL, type Edition } from './editions.ts';

/** A base path as the site uses it, ending with a slash (Astro's `base` may be written without). */
export const withTrailingSlash = (path: string): string => (path.endsWith('/') ? path : `${path}/`);

// Read when called, not on import: build-time code (the search integration) imports this
// module's constants where Vite's `import.meta.env` does not exist.
const base = (): string => withTrailingSlash(import.meta.env.BASE_URL);

/** The edition's home: the full essay. */
export const essayPath = (edition: Edition): string => `${base()}${edition.folder}`;
export const sectionPath = (slug: string, edition: Edition): string => `${essayPath(edition)}${slug}/`;
export const searchPath = (edition: Edition): string => `${essayPath(edition)}search/`;
/** A file of the site's own, shared by both editions (icons, scripts). */
export const assetPath = (file: string): string => `${base()}${file}`;

/** Each edition's Pagefind bundle, in its folder, and beside Pagefind's files the search's settings (src/search/tokens.ts). */
export const SEARCH_BUNDLE_DIR = 'pagefind';
export const SEARCH_SETTINGS_FILE = 'search.json';
export const searchBundlePath = (edition: Edition): string => `${essayPath(edition)}${SEARCH_BUNDLE_DIR}/`;

/**
 * The same page in another edition: the path with the edition's folder swapped.
 * `path` is under the base path, in `from`'s folder.
 */
export function counterpartPath(path: string, from: Edition, to: Edition): string {
  const home = essayPath(from);
  const rest = path.startsWith(home) ? path.slice(home.length) : '';
  return `${essayPath(to)}${rest}`;
}

/** An absolute URL for a path, from the configured site. */
export const absoluteUrl = (path: string, site: URL | undefined): string => new URL(path, site).href;

/** The edition a path under the base belongs to. */
export function editionOfPath(pathname: string, base: string): Edition {
  const prefix = withTrailingSlash(base);
  const inBase = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  return inBase.startsWith(TRADITIONAL.folder) ? TRADITIONAL : SIMPLIFIED;
}
