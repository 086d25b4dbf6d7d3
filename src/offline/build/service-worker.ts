/**
 * After Astro's pages and the search index (src/site/build/after-pages.ts runs this after
 * src/search/build/search-index.ts): each edition's service worker, `sw.js` in its folder.
 *
 * The worker's code (src/offline/client/service-worker.ts, Workbox's modules) is bundled once
 * with Vite, as one classic script; Workbox's `injectManifest` then writes into each edition's
 * copy the list of the files it keeps (./precache.ts), found among the built files, each with
 * the hash of its content as its revision (Astro's hashed names and the search bundle's tagged ones,
 * src/search/record-names.ts, need none). The
 * list changes when any kept file does, so a new deployment gives the browser a new worker.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { getManifest, injectManifest } from 'workbox-build';
import { precachePlan } from './precache';
import { OFFLINE_PAGE, SERVICE_WORKER_FILE } from '../messages';
import { EDITIONS } from '../../core/editions';
import { SEARCH_BUNDLE_DIR } from '../../core/urls';

const WORKER_SOURCE = fileURLToPath(new URL('../client/service-worker.ts', import.meta.url));

/** Workbox leaves out larger files (its default, 2 MB, could be passed by the full page of a text longer than 古文观止). */
const LARGEST_KEPT_BYTES = 8 * 1024 * 1024;

/** The worker's code as one classic script, Workbox's development logging left out. */
async function bundleWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      lib: { entry: WORKER_SOURCE, formats: ['iife'], name: 'essayServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs.flatMap((result) => ('output' in result ? result.output : [])).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('offline: bundling the service worker gave no script');
  return chunk.code;
}

export interface KeptByEdition {
  edition: string;
  files: number;
  bytes: number;
  wholeIndex: boolean;
}

export async function writeServiceWorkers(outDir: string, base: string, warn: (message: string) => void = console.warn): Promise<KeptByEdition[]> {
  const temp = await mkdtemp(join(tmpdir(), 'essay-sw-'));
  try {
    const source = join(temp, SERVICE_WORKER_FILE);
    await writeFile(source, await bundleWorker());
    const kept: KeptByEdition[] = [];
    for (const edition of EDITIONS) {
      const others = EDITIONS.filter((other) => other !== edition && other.folder).map((other) => other.folder);
      const plan = await precachePlan(outDir, edition.folder, others, SEARCH_BUNDLE_DIR);
      // The other editions' offline pages, which the worker keeps only as a stand-in for one of them.
      const { manifestEntries: offlinePages } = await getManifest({
        globDirectory: outDir,
        globPatterns: EDITIONS.filter((other) => other !== edition).map((other) => `${other.folder}${OFFLINE_PAGE}index.html`),
        modifyURLPrefix: { '': base },
      });
      const { count, size, warnings } = await injectManifest({
        additionalManifestEntries: offlinePages ?? [],
        swSrc: source,
        swDest: join(outDir, edition.folder, SERVICE_WORKER_FILE),
        globDirectory: outDir,
        globPatterns: plan.globPatterns,
        globIgnores: plan.globIgnores,
        // Paths from the site's root, under its base path, whichever folder the worker is in.
        modifyURLPrefix: { '': base },
        // Astro's files are named by their content, the search bundle's by its tag (src/search/record-names.ts).
        dontCacheBustURLsMatching: /\/(_astro\/|pagefind\/(index|fragment|filter)\/)/,
        maximumFileSizeToCacheInBytes: LARGEST_KEPT_BYTES,
      });
      for (const warning of warnings) warn(`offline (${edition.id}): ${warning}`);
      kept.push({ edition: edition.id, files: count, bytes: size, wholeIndex: plan.wholeIndex });
    }
    return kept;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
