/**
 * The search engine in the browser: Pagefind finds candidate paragraphs by their
 * bigrams; each candidate is then checked on its own text (src/lib/search/match.ts).
 * Pagefind and the fold table load when `loadEngine()` is first called, as the
 * reader focuses or types in a search field (src/scripts/search/ui.ts).
 */
import { CustomConverter } from 'opencc-js/core';
import { fold, type Convert } from '../../lib/search/fold';
import { compareMatchKinds, excerptAround, locate, type Excerpt, type MatchKind } from '../../lib/search/match';
import { pagefindQuery } from '../../lib/search/tokens';
import { landingLink } from '../../lib/search/landing-link';
import { cutQuery } from '../../lib/search/query-length';
import type { FoldTable } from '../../lib/search/fold-table';

/**
 * Candidates checked and shown per search. Every paragraph of this essay fits; a larger site
 * would show its most relevant 40 (a one-character query) and should page beyond them.
 */
const MAX_CANDIDATES = 40;

interface PagefindResultData {
  url: string;
  /** Written by src/integrations/search-index.ts. */
  meta: { title?: string; text?: string; next?: string; essayUrl?: string };
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(query: string): Promise<void>;
  destroy(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

export interface SearchHit {
  title: string;
  href: string;
  kind: MatchKind;
  excerpt: Excerpt;
}

export type SearchOutcome =
  | { status: 'empty' }
  | { status: 'no-words'; query: string }
  | { status: 'results'; query: string; truncated: boolean; hits: SearchHit[] };

interface Engine {
  pagefind: PagefindApi;
  convert: Convert;
}

let engine: Promise<Engine> | undefined;

/**
 * Pagefind (1.6) skips an index chunk that fails to load and answers as if it held nothing, so a
 * reader whose connection dropped would be told that the words are not in the essay. The engine
 * counts the requests for the search bundle that fail (an HTTP error or no answer), and a search
 * during which one failed fails too: the reader is told that search is unavailable instead.
 */
let failedLoads = 0;
let watchedBundle: string | undefined;

function watchBundleLoads(bundle: string) {
  if (watchedBundle) return;
  watchedBundle = new URL(bundle, location.href).href;
  const fetchOriginal = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const ours = new URL(url, location.href).href.startsWith(watchedBundle!);
    try {
      const response = await fetchOriginal.call(globalThis, input, init);
      if (ours && !response.ok) failedLoads++;
      return response;
    } catch (error) {
      if (ours) failedLoads++;
      throw error;
    }
  };
}

/** `bundle`: the URL of the page's edition's search bundle (the field's `data-search-bundle`). */
export function loadEngine(bundle: string): Promise<Engine> {
  engine ??= (async () => {
    watchBundleLoads(bundle);
    const [pagefind, table] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindApi>,
      fetch(`${bundle}fold-table.json`).then((response) => {
        if (!response.ok) throw new Error(`fold table: HTTP ${response.status}`);
        return response.json() as Promise<FoldTable>;
      }),
    ]);
    // Record URLs already carry the site's base path. No worker: this index is small, and starting
    // one (a 43 KB script, then the WebAssembly compiled inside it) made the first search ~40% slower.
    await pagefind.options({ baseUrl: '/', noWorker: true });
    await pagefind.init();
    try {
      // Pagefind loads its entry file, index metadata and WebAssembly in the background, and keeps a
      // failure to itself until a search; an empty preload waits for them, and loads no index chunk.
      await pagefind.preload('');
    } catch (error) {
      // A Pagefind that failed to start stays failed: drop it, so that the next search starts afresh.
      await pagefind.destroy();
      throw error;
    }
    return { pagefind, convert: CustomConverter(table) };
  })();
  // A failed load may succeed later (offline for a moment): let the next search try again.
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Loads what a search for this query needs (the engine, and the index chunks of its words) without searching. */
export async function prepare(rawQuery: string, bundle: string): Promise<void> {
  const { pagefind, convert } = await loadEngine(bundle);
  const lookup = pagefindQuery(fold(cutQuery(rawQuery).query, convert).text);
  if (lookup) await pagefind.preload(lookup.exact);
}

export async function search(rawQuery: string, bundle: string): Promise<SearchOutcome> {
  const { query, truncated } = cutQuery(rawQuery);
  if (!query.trim()) return { status: 'empty' };

  const { pagefind, convert } = await loadEngine(bundle);
  const lookup = pagefindQuery(fold(query, convert).text);
  if (!lookup) return { status: 'no-words', query };

  const failedBefore = failedLoads;
  let found = await pagefind.search(lookup.exact);
  if (!found?.results.length) found = await pagefind.search(lookup.partial);
  const records = await Promise.all((found?.results ?? []).slice(0, MAX_CANDIDATES).map((result) => result.data()));
  if (failedLoads > failedBefore) throw new Error('search: part of the index could not be loaded');

  const hits = records.flatMap((record): SearchHit[] => {
    const { title = '', text = '', next = '', essayUrl = record.url } = record.meta;
    // The block runs on into the start of the next one, as on the full essay page.
    const runOn = next ? `${text}\n${next}` : text;
    const match = locate(query, runOn, convert);
    if (!match || match.start >= text.length) return []; // the next block's own record has it
    const [url, id = ''] = (match.end > text.length ? essayUrl : record.url).split('#');
    return [
      {
        title,
        href: landingLink(url!, id, runOn.slice(match.start, match.end)),
        kind: match.kind,
        excerpt: excerptAround(match.end > text.length ? runOn : text, match),
      },
    ];
  });
  // Stable: among equals, Pagefind's order (the essay's order for phrase matches).
  hits.sort((a, b) => compareMatchKinds(a.kind, b.kind));
  return { status: 'results', query, truncated, hits };
}
