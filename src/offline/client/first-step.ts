/**
 * Offline, first step, in the script every page loads: register the edition's service worker
 * (beside the manifest the page links), once the page has loaded and the main thread is idle,
 * so that its install (which fetches what it keeps) never competes with the first view. Where
 * there are no service workers, nothing: the pages read as they do without. When a new version
 * of the site is waiting, the prompt's code loads (./update-prompt.ts).
 */
import { SERVICE_WORKER_FILE } from '../messages';

export function offline(): void {
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!manifest || !('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  const register = () =>
    workers.register(new URL(SERVICE_WORKER_FILE, manifest.href)).then((registration?: ServiceWorkerRegistration) => {
      // None where registering is stubbed out (a test driver's 'block').
      if (!registration) return;
      // A worker waiting while another serves this page is a new deployment; on a first visit there is none.
      const prompt = () => registration.waiting && workers.controller && void import('./update-prompt').then((code) => code.prompt(registration));
      prompt();
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && prompt());
      });
    }, () => undefined);
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
