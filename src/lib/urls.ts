/**
 * The site's paths, under its base path (Astro's `base`, e.g. `/essay/`), in one
 * place. Components link with these; absolute URLs add the configured `site`.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const essayPath = (): string => base;
export const sectionPath = (slug: string): string => `${base}${slug}/`;
export const searchPath = (): string => `${base}search/`;
export const assetPath = (file: string): string => `${base}${file}`;

/** An absolute URL for a path, from the configured site. */
export const absoluteUrl = (path: string, site: URL | undefined): string => new URL(path, site).href;
