/**
 * What the build writes once Astro has written the pages: the search index
 * (src/search/build/search-index.ts), then each edition's service worker, which keeps the index's
 * files (src/offline/build/service-worker.ts).
 *
 * `npm run build` (scripts/build.ts) runs these in a process of its own, after Astro's has ended:
 * on a book (150 times this essay, docs/search-scale.md) Astro's process ends holding about 1.1 GB
 * and Pagefind's, indexing, peaks near 1 GB: side by side, the build needed 2.6 GB. Astro's process
 * tells that one where the pages are (hand-over.ts). Without it (a plain `astro build`), the
 * integration runs them in Astro's process, at its end.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../../search/build/search-index';
import { writeServiceWorkers } from '../../offline/build/service-worker';
import { withTrailingSlash } from '../../core/urls';
import { AFTER_PAGES_ENV, writeHandOver, type HandOver } from './hand-over';

export interface BuildLogger {
  info(message: string): void;
  warn(message: string): void;
}

export async function afterPages({ outDir, base }: HandOver, logger: BuildLogger): Promise<void> {
  const warn = (message: string) => logger.warn(message);
  const { blocks, passages, editions, foldEntries, phraseChars } = await buildSearchIndex(outDir, base, warn);
  logger.info(`indexed ${blocks} blocks in ${passages} passages in each of ${editions} editions, in stretches of up to ${phraseChars} characters; fold table of ${foldEntries} entries`);

  const start = performance.now();
  const kept = await writeServiceWorkers(outDir, base, warn);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  for (const { edition, files, bytes, wholeIndex } of kept) {
    const search = wholeIndex ? 'with the whole search index' : 'with the search index kept as used';
    logger.info(`${edition}: the service worker keeps ${files} files, ${(bytes / 1024).toFixed(1)} KB, ${search} (${seconds} s for both)`);
  }
}

export function afterPagesIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'essay-after-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const handOver: HandOver = { outDir: fileURLToPath(dir), base };
        const file = process.env[AFTER_PAGES_ENV];
        if (!file) return afterPages(handOver, logger);
        await writeHandOver(file, handOver);
        logger.info('the search index and the service workers are left to a process of their own (scripts/build.ts)');
      },
    },
  };
}
