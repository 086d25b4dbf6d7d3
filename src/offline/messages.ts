/** What the pages and the service worker (./client/service-worker.ts) say to each other. */

/** Sent to a waiting worker when the reader asks for the new version (「有新版本」, ./client/update-prompt.ts). */
export const TAKE_OVER = 'take-over';

/** Each edition's worker and manifest, in the edition's folder: the first step finds the worker beside the manifest. */
export const SERVICE_WORKER_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';
/** The page a worker shows for a page it does not keep, when there is no network (src/pages/[...edition]/offline.astro). */
export const OFFLINE_PAGE = 'offline/';

/**
 * A stand-in at the base path, `sw.js?for=zh-hant/`, for a reader of an edition in a folder whose
 * worker's scope cannot reach the other edition's pages: it keeps only the styles, the scripts and
 * that edition's offline page, which it shows for the other edition's pages without a network,
 * until the other edition's own worker replaces it (./client/service-worker.ts).
 */
export const STAND_IN = 'for';
