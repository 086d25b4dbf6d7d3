/**
 * Offline, first step, in the script every page loads: register the edition's service worker
 * (beside the manifest the page links) once the page has loaded and the main thread is idle, so
 * that its install, which fetches what it keeps, never competes with the first view. Where there
 * are no service workers, nothing: the pages read as they do without. On a later visit (a worker
 * serves the page), the code that watches for a new version loads, from what the worker keeps
 * (./update-prompt.ts).
 */
import { SERVICE_WORKER_FILE } from '../messages';

export function offline(): void {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!manifest || !('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  const register = () =>
    workers.register(new URL(SERVICE_WORKER_FILE, manifest.href)).then(
      // No registration where registering is stubbed out (a test driver's 'block').
      (registration?: ServiceWorkerRegistration) =>
        registration && workers.controller && import('./update-prompt').then((code) => code.watch(registration)),
      () => undefined,
    );
  // The module runs before the load event (a module script is deferred).
  addEventListener('load', () => (window.requestIdleCallback ?? setTimeout)(register), { once: true });
}
