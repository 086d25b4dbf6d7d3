/**
 * Offline, first step, in the script every page loads: register the edition's service worker
 * (beside the manifest the page links) once the page has loaded and the main thread is idle, so
 * that its install, which fetches what it keeps, never competes with the first view. Where there
 * are no service workers, nothing: the pages read as they do without. A page of an edition in a
 * folder also registers a stand-in at the base (./stand-in.ts). On a later visit (a worker
 * serves the page), the code that watches for a new version loads, from what the worker keeps
 * (./update-prompt.ts).
 */
import { SERVICE_WORKER_FILE } from '../messages';

export function offline(): void {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!manifest || !('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  const worker = new URL(SERVICE_WORKER_FILE, manifest.href);
  const base = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), location.href);
  // An edition in a folder: once its worker is ready, a stand-in at the base (./stand-in.ts).
  const folder = worker.pathname.slice(base.pathname.length, -SERVICE_WORKER_FILE.length);
  const register = () =>
    workers
      .register(worker)
      .then((registration?: ServiceWorkerRegistration): unknown => {
        // No registration where registering is stubbed out (a test driver's 'block').
        if (!registration) return;
        return Promise.all([
          workers.controller && import('./update-prompt').then((code) => code.watch(registration)),
          folder && workers.ready.then(() => import('./stand-in')).then((code) => code.standIn(base.href, folder)),
        ]);
      })
      .catch(() => undefined);
  // The module runs before the load event (a module script is deferred).
  addEventListener('load', () => (window.requestIdleCallback ?? setTimeout)(register), { once: true });
}
