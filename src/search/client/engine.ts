/**
 * The search engine in the browser: Pagefind finds candidate passages by their tokens
 * (src/search/tokens.ts) and tells how many of their paragraphs hold them; each candidate's
 * paragraphs are then checked on their own text (src/search/match.ts).
 * Pagefind and the fold table load when `loadEngine()` is first called, as the
 * reader focuses or types in a search field (src/search/client/ui.ts).
 */
import { CustomConverter } from 'opencc-js/core';
import { fold, type Convert } from '../fold';
import { compareMatchKinds, excerptAround, locate, locateAll, type Excerpt, type MatchKind, type TextMatch } from '../match';
import { pagefindQuery, wordChars, type SearchSettings } from '../tokens';
import { ResultPages, type Candidate, type Counts } from '../results';
import { landingLink } from '../../core/landing-link';
import { SEARCH_BUNDLE_DIR, SEARCH_SETTINGS_FILE } from '../../core/urls';
import { cutQuery } from '../query-length';
import { unpackFoldTable } from '../packed-fold-table';
import { passageBlocks, type RecordData } from '../record';
import { inTextOrder } from '../record-names';

/**
 * Results checked and shown at a time: the first search fetches a fragment for each, so a page
 * is what one screen holds, and 更多 fetches the next (src/search/results.ts).
 */
export const PAGE_SIZE = 10;

/**
 * A short query typed with punctuation (`君,子`) is found by its letters, and only each block's
 * text tells whether it holds that punctuation: its records are checked to count them when they
 * are this few (as many fragments as three pages); above that the count is of the letters alone.
 */
const CHECKED_FOR_COUNTS = 3 * PAGE_SIZE;

interface PagefindResultData {
  url: string;
  /** Written by src/search/build/search-index.ts: a passage of the text. */
  filters: RecordData;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(query: string): Promise<void>;
  destroy(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}
/**
 * A record Pagefind found: `id` names it (one id a record, in every search), `words` are the
 * places of the query's words in it, `data()` fetches its fragment.
 */
type PagefindResult = Candidate<PagefindResultData> & { id: string; words: number[] };


export interface SearchHit {
  title: string;
  /** Where the title may break into lines (core/phrase-breaks.ts, as the build found them). */
  titleBreaks: number[];
  href: string;
  kind: MatchKind;
  excerpt: Excerpt;
}

/**
 * `found`: the blocks holding the query (exact, or with other punctuation), in the essay's
 * order, `count` of them, every one of them counted; `partial`: no block holds it, these hold
 * part of it, most relevant first, and how many is not counted (it would take every fragment).
 */
export interface SearchResults {
  kind: 'found' | 'partial';
  count: number;
  /**
   * `found`: how many hold the query as typed and how many only with other punctuation; null
   * where that is not known (a short query with punctuation in many blocks: CHECKED_FOR_COUNTS).
   */
  counts: Counts | null;
  /** The first page of hits. */
  hits: SearchHit[];
  /** Records not yet shown: 更多 shows the next page. */
  remaining(): number;
  more(): Promise<SearchHit[]>;
}

export type SearchOutcome =
  | { status: 'empty' }
  | { status: 'no-words'; query: string }
  | ({ status: 'results'; query: string; truncated: boolean } & SearchResults);

interface Engine {
  pagefind: PagefindApi;
  convert: Convert;
  settings: SearchSettings;
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
    // The settings (the fold table) and Pagefind's start, side by side: Pagefind's entry file,
    // metadata and WebAssembly need nothing of the settings.
    // Revalidated (a 304 when unchanged): Pagefind's own files are named by their content or asked
    // afresh, and settings from an earlier build (another stretch length) would find nothing.
    const settings = fetch(`${bundle}${SEARCH_SETTINGS_FILE}`, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`search settings: HTTP ${response.status}`);
      return response.json() as Promise<SearchSettings>;
    });
    settings.catch(() => undefined); // reported by the Promise.all below, not as unhandled
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    // Record URLs already carry the site's base path. No worker: this index is small, and starting
    // one (a 43 KB script, then the WebAssembly compiled inside it) made the first search ~40% slower.
    await pagefind.options({ baseUrl: '/', noWorker: true });
    await pagefind.init();
    try {
      // Pagefind loads its entry file, index metadata and WebAssembly in the background, and keeps a
      // failure to itself until a search; an empty preload waits for them, and loads no index chunk.
      const [loaded] = await Promise.all([settings, pagefind.preload('')]);
      return { pagefind, convert: CustomConverter(unpackFoldTable(loaded.fold)), settings: loaded };
    } catch (error) {
      // A Pagefind that failed to start stays failed: drop it, so that the next search starts afresh.
      await pagefind.destroy();
      throw error;
    }
  })();
  // A failed load may succeed later (offline for a moment): let the next search try again.
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Loads what a search for this query needs (the engine, and the index chunks of its words) without searching. */
export async function prepare(rawQuery: string, bundle: string): Promise<void> {
  const { pagefind, convert, settings } = await loadEngine(bundle);
  const lookup = pagefindQuery(fold(cutQuery(rawQuery).query, convert).text, settings.phraseChars);
  if (lookup) await pagefind.preload(lookup.exact); // its crossing token is in the same chunk
}

/**
 * Where the query stands in a block's own text, or in its other script's text (record.ts
 * `alternate`): its first place (`match`) and every place (`places`, match.ts `locateAll`).
 */
function locateInBlock(query: string, text: string, alternate: string | undefined, convert: Convert) {
  const match = locate(query, text, convert);
  if (match || !alternate) return match && { match, places: locateAll(query, text, match, convert), text };
  const inAlternate = locate(query, alternate, convert);
  if (!inAlternate) return null;
  const places = locateAll(query, alternate, inAlternate, convert);
  // The two scripts' texts differ character for character: the same place, by code point.
  const [own, other] = [Array.from(text), Array.from(alternate)];
  if (own.length !== other.length) return { match: inAlternate, places, text: alternate };
  const units = (chars: string[], end: number) => chars.slice(0, end).join('').length;
  const at = (offset: number) => Array.from(alternate.slice(0, offset)).length;
  const inOwn = (place: TextMatch): TextMatch => ({ ...place, start: units(own, at(place.start)), end: units(own, at(place.end)) });
  return { match: inOwn(inAlternate), places: places.map(inOwn), text };
}

export async function search(rawQuery: string, bundle: string): Promise<SearchOutcome> {
  const { query, truncated } = cutQuery(rawQuery);
  if (!query.trim()) return { status: 'empty' };

  const { pagefind, convert, settings } = await loadEngine(bundle);
  const folded = fold(query, convert).text;
  const lookup = pagefindQuery(folded, settings.phraseChars);
  if (!lookup) return { status: 'no-words', query };

  const failedBefore = failedLoads;
  const checked = <T>(value: T): T => {
    if (failedLoads > failedBefore) throw new Error('search: part of the index could not be loaded');
    return value;
  };
  // Found passages go in the text's order, which their names tell (record-names.ts); partial ones in Pagefind's order of relevance.
  const searchInOrder = async (query: string) => inTextOrder(checked(await pagefind.search(query))?.results ?? []);

  /** A passage's blocks with what a hit shows of each: the section, its title's breaks, the page. */
  const blocksOf = (record: PagefindResultData) => {
    const { title: [title] = [''], titleBreaks: [breaks] = [''] } = record.filters;
    const page = record.url.split('#')[0]!;
    return { title, titleBreaks: breaks.split(' ').filter(Boolean).map(Number), page, blocks: passageBlocks(record.filters) };
  };

  /** The passage's blocks holding the query (`found`), or its block holding most of it (`partial`). */
  const blockHits =
    (kind: 'found' | 'partial') =>
    (record: PagefindResultData): SearchHit[] => {
      const { title, titleBreaks, page, blocks } = blocksOf(record);
      const hits = blocks.flatMap(({ id, text, alternate }): SearchHit[] => {
        const found = locateInBlock(query, text, alternate, convert);
        if (!found || (kind === 'found' && found.match.kind === 'partial')) return [];
        return [{
          title,
          titleBreaks,
          href: landingLink(page, id, found.text.slice(found.match.start, found.match.end)),
          kind: found.match.kind,
          excerpt: excerptAround(found.text, found.match, found.places),
        }];
      });
      if (kind === 'found') return hits;
      const length = (hit: SearchHit) => hit.excerpt.match.length;
      return hits.length ? [hits.reduce((best, hit) => (length(hit) > length(best) ? hit : best))] : [];
    };
  // A phrase that runs from the end of a block into the start of the next counts as a seam hit,
  // and leads to the full essay, where the two stand together (search-index.ts).
  const essayPage = bundle.slice(0, bundle.length - `${SEARCH_BUNDLE_DIR}/`.length);
  const seamHits = (record: PagefindResultData): SearchHit[] => {
    const { title, titleBreaks, blocks } = blocksOf(record);
    const { next: [last] = [] } = record.filters;
    return blocks.flatMap(({ id, text }, i): SearchHit[] => {
      const next = blocks[i + 1]?.text ?? last;
      if (next === undefined) return [];
      const runOn = `${text}\n${next}`;
      const match = locate(query, runOn, convert);
      if (!match || match.kind === 'partial' || match.start >= text.length || match.end <= text.length) return [];
      return [{
        title,
        titleBreaks,
        href: landingLink(essayPage, id, runOn.slice(match.start, match.end)),
        kind: match.kind,
        excerpt: excerptAround(runOn, match, locateAll(query, runOn, match, convert)),
      }];
    });
  };
  // Each passage's places of a short query's crossing token: its blocks holding the letters only with other punctuation between.
  const crossing = async (): Promise<Map<string, number>> => {
    if (!lookup.crossing) return new Map();
    return (await placesIn(lookup.crossing.exact, lookup.crossing.places)).places;
  };
  /** The passages a quoted token finds, and the places of the same unquoted in each of them (tokens.ts `places`). */
  const placesIn = async (quoted: string, unquoted: string) => {
    const [results, withPlaces] = await Promise.all([searchInOrder(quoted), pagefind.search(unquoted)]);
    const all = new Map((checked(withPlaces)?.results ?? []).map((result) => [result.id, result.words.length]));
    return { found: results, places: new Map(results.map((result) => [result.id, all.get(result.id) ?? 0])) };
  };
  /**
   * The passages holding the query's first `phraseChars` letters and digits, each with how many of
   * its blocks hold them (`blocks`) and how many of those only across punctuation (`across`): the
   * places of the unquoted token, one for each block holding the letters and one more for each
   * holding them only across (tokens.ts `gram`), less the places of the crossing token.
   */
  const holdingStart = async () => {
    const [{ found, places }, across] = await Promise.all([placesIn(lookup.exact, lookup.places), crossing()]);
    return found.map((result) => {
      const crossed = across.get(result.id) ?? 0;
      return Object.assign(result, { blocks: (places.get(result.id) ?? 0) - crossed, across: crossed });
    });
  };
  type Holding = Awaited<ReturnType<typeof holdingStart>>[number];
  // For a query of up to `phraseChars` letters and digits, the blocks holding its token are exactly its hits.
  const recordsAreHits = wordChars(folded).length <= settings.phraseChars;
  // A query of letters and digits alone is exact where they stand in a row (match.ts): a block not
  // among the places of its crossing token (tokens.ts) holds it as typed.
  const lettersOnly = wordChars(folded).join('') === folded;
  const blocksHolding = (candidate: PagefindResult) => (candidate as Holding).blocks;

  const attempts: Array<() => Promise<SearchResults | null>> = [
    async () => {
      const found = await holdingStart();
      if (!recordsAreHits) {
        // A long query whose start is common: only the passages that also hold its end.
        const narrowed = lookup.narrow && found.length > settings.narrowAbove ? await searchInOrder(lookup.narrow) : found;
        return paged('found', narrowed, blockHits('found'), 'check all');
      }
      const blocks = found.reduce((sum, result) => sum + result.blocks, 0);
      if (lettersOnly) return paged('found', found, blockHits('found'), (candidate) => blocksHolding(candidate) - (candidate as Holding).across, blocksHolding);
      return paged('found', found, blockHits('found'), blocks <= CHECKED_FOR_COUNTS ? 'check all' : 'uncounted', blocksHolding);
    },
    async () => {
      // No block holds the phrase: the seams it may run across are after the blocks near whose end its start stands.
      if (!lookup.seam) return null;
      return paged('found', await searchInOrder(lookup.seam), seamHits, 'check all');
    },
    async () => {
      // Most relevant first: Pagefind's own order of the passages sharing the most of the query's pairs of neighbours.
      const found = checked(await pagefind.search(lookup.partial));
      return paged('partial', found?.results ?? [], blockHits('partial'), 'uncounted');
    },
  ];

  /**
   * `counting`: how many of a passage's hits hold the query as typed, known from the index without
   * its text; else 'check all' (the blocks holding the token are not exactly the hits, or their kinds
   * need their texts: every passage is checked, which such queries keep cheap) or 'uncounted' (shown
   * a page at a time, the count's parts unknown; partial results are never counted at all).
   * `size`: the hits a passage will make, where the index tells (the blocks holding a short query's
   * token: `recordsAreHits`); a page is then the passages that make ten.
   */
  async function paged(
    kind: SearchResults['kind'],
    candidates: PagefindResult[],
    verify: (record: PagefindResultData) => SearchHit[],
    counting: ((candidate: PagefindResult) => number) | 'check all' | 'uncounted',
    size?: (candidate: PagefindResult) => number,
  ): Promise<SearchResults | null> {
    if (candidates.length === 0) return null;
    type Paged = Candidate<PagefindResultData>;
    const exactness = {
      hit: (hit: SearchHit) => hit.kind === 'exact',
      ...(typeof counting === 'function' ? { candidate: (candidate: Paged) => counting(candidate as PagefindResult) } : {}),
    };
    const pages = new ResultPages(candidates, verify, PAGE_SIZE, {
      compare: (a, b) => compareMatchKinds(a.kind, b.kind),
      ...(kind === 'found' ? { exactness } : {}),
      ...(size ? { size: (candidate: Paged) => size(candidate as PagefindResult) } : {}),
    });
    let hits = checked(counting === 'check all' ? await pages.all() : await pages.more());
    // Partial candidates may share a single character only: look a little further for real ones.
    for (let page = 1; hits.length === 0 && !pages.done && page < 3; page++) hits = checked(await pages.more());
    if (hits.length === 0) return null;
    return {
      kind,
      count: pages.count,
      counts: kind === 'found' ? pages.counts : null,
      hits,
      remaining: () => pages.remaining,
      more: async () => checked(await pages.more()),
    };
  }

  for (const attempt of attempts) {
    const results = await attempt();
    if (results) return { status: 'results', query, truncated, ...results };
  }
  return { status: 'results', query, truncated, kind: 'found', count: 0, counts: { exact: 0, other: 0 }, hits: [], remaining: () => 0, more: async () => [] };
}
