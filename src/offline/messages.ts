/** What the pages and the service worker (./client/service-worker.ts) say to each other. */

/** Sent to a waiting worker when the reader asks for the new version (「有新版本」, ./client/update-prompt.ts). */
export const TAKE_OVER = 'take-over';

/** Each edition's worker and manifest, in the edition's folder: the first step finds the worker beside the manifest. */
export const SERVICE_WORKER_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';
/** The page a worker shows for a page it does not keep, when there is no network (src/pages/[...edition]/offline.astro). */
export const OFFLINE_PAGE = 'offline/';
