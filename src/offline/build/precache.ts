/**
 * What each edition's service worker keeps at the first visit (src/offline/client/service-worker.ts),
 * as globs over the built site for Workbox: the edition's pages (the full essay, its sections, its
 * search page and the offline page), every style and script (the editions share them), the icon,
 * the manifest, and its search bundle: Pagefind's code, WebAssembly and metadata, the search's
 * settings, and, for a text of this essay's size, its index chunks and fragments too. A longer
 * text's index is not fetched whole: its chunks and fragments are kept as searches use them.
 * Pagefind's filter files are left out: the search asks for no filter (src/search/client/engine.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An edition's index chunks and fragments weighing more than this are kept as searched, not at the
 * first visit. This essay's weigh 0.23 MB an edition; 古文观止's, 48 times as long, are over it
 * (the first visit there keeps 4.1 MB without them: npm run bench -- --only scale).
 */
export const WHOLE_INDEX_LIMIT_BYTES = 1024 * 1024;

/** Pagefind's folders of chunks and fragments, in an edition's bundle. */
const SEARCH_PARTS = ['index', 'fragment'];

export interface PrecachePlan {
  globPatterns: string[];
  globIgnores: string[];
  /** Whether the whole search index is kept at the first visit. */
  wholeIndex: boolean;
  indexBytes: number;
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(join(dir, entry.name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * `folder`: the edition's folder under the output ('' or 'zh-hant/'), `otherFolders`: the other
 * editions' (left out of the one at the root); `bundle`: its search bundle's folder name.
 */
export async function precachePlan(outDir: string, folder: string, otherFolders: string[], bundle: string): Promise<PrecachePlan> {
  const search = `${folder}${bundle}/`;
  const indexBytes = (await Promise.all(SEARCH_PARTS.map((part) => folderBytes(join(outDir, search, part))))).reduce((a, b) => a + b, 0);
  const wholeIndex = indexBytes <= WHOLE_INDEX_LIMIT_BYTES;
  return {
    globPatterns: [
      `${folder}index.html`,
      `${folder}*/index.html`,
      '_astro/**/*.{js,css}',
      'favicon.svg',
      `${folder}manifest.webmanifest`,
      `${search}*.{js,json,pagefind,pf_meta}`,
      ...(wholeIndex ? SEARCH_PARTS.map((part) => `${search}${part}/*`) : []),
    ],
    globIgnores: otherFolders.map((other) => `${other}**`),
    wholeIndex,
    indexBytes,
  };
}
