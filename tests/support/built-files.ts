/** The files of a build's output, for tests that read them from disk. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The HTML pages every build must have: the essay, each section, search and the 404 page. */
export function expectedPages(slugs: readonly string[]): string[] {
  return ['index.html', '404.html', 'search/index.html', ...slugs.map((slug) => `${slug}/index.html`)].sort();
}
