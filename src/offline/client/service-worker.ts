/**
 * The service worker, one per edition (each in its edition's folder, its scope that folder):
 * bundled and given its list of files at build time (src/offline/build/service-worker.ts,
 * Workbox's injectManifest), from the built files, with their revisions.
 *
 * - What the list holds (the edition's pages, the styles and scripts, what its search needs) is
 *   served from the cache, whatever the network does: a page and the scripts and search index it
 *   loads always come from the same deployment.
 * - A new deployment changes the list, so the browser installs the new worker beside the old
 *   one; the old one keeps serving the pages already open until the reader takes the new version
 *   (「有新版本」, ./update-prompt.ts: a message makes the new worker take over) or every tab of
 *   the site is closed. Workbox then deletes what the old list held and the new one does not.
 * - A page not in the list (the other edition, a mistyped address) comes from the network, and
 *   without one is the offline page, which links to what is kept.
 * - Search files not in the list (a long text's index chunks and fragments, too many to fetch at
 *   the first visit: ../build/precache.ts) are kept as the reader's searches fetch them, until the
 *   next deployment, which empties that cache.
 * - Registered as a stand-in (`sw.js?for=zh-hant/`, ../messages.ts STAND_IN), the worker at the
 *   base keeps only the styles, the scripts and that edition's offline page, and shows it for any
 *   page without a network; the base's own worker, once a page there registers it, takes over at
 *   once (the stand-in serves no page of its own: nothing can mismatch).
 */
import { matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import type { PrecacheEntry } from 'workbox-precaching/_types';
import { OFFLINE_PAGE, STAND_IN, TAKE_OVER } from '../messages';

interface WorkerScope {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
  location: Location;
  registration: { scope: string; active: { scriptURL: string } | null };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: Event & { waitUntil(promise: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
declare const self: WorkerScope;

const here = (path: string) => new URL(path, self.location.href).href;
const standingInFor = (scriptURL: string) => new URL(scriptURL).searchParams.get(STAND_IN);
/** The folder of the edition this worker stands in for, or null: it is the base's own worker. */
const standIn = standingInFor(self.location.href);
const searchBundle = here('pagefind/');
const searchCache = `essay-search-${self.registration.scope}`;
const offlinePage = here(`${standIn ?? ''}${OFFLINE_PAGE}index.html`);
const isOfflinePage = (url: string) => new URL(url).pathname.endsWith(`/${OFFLINE_PAGE}index.html`);

// The list holds the other editions' offline pages too (../build/service-worker.ts): each worker keeps one.
const kept = self.__WB_MANIFEST.filter((entry) => {
  const url = here(typeof entry === 'string' ? entry : entry.url);
  return isOfflinePage(url) ? url === offlinePage : !standIn || url.includes('/_astro/');
});
// Any query (a search's ?q=, WeChat's ?from=…, Pagefind's ?ts=) asks for the same file.
// (Not Workbox's cleanupOutdatedCaches: it would take the Traditional worker's cache, whose name
// holds this scope's, for an outdated one of the worker at the base, and delete it.)
precacheAndRoute(kept, { ignoreURLParametersMatching: [/.*/], directoryIndex: 'index.html', cleanURLs: false });

registerRoute(new NavigationRoute(({ request }) => fetch(request).catch(async () => (await matchPrecache(offlinePage)) ?? Response.error())));

if (!standIn) {
  // Pagefind names its chunks and fragments by their content: one kept is right until the deployment changes.
  registerRoute(({ url }) => url.href.startsWith(searchBundle), new CacheFirst({ cacheName: searchCache }));
}

self.addEventListener('install', () => {
  const active = self.registration.active;
  if (standIn || (active && standingInFor(active.scriptURL))) void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(caches.delete(searchCache)));
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === TAKE_OVER) void self.skipWaiting();
});
