/**
 * 「有新版本」: a new deployment's worker has installed and waits while the old one serves this
 * page (the browser looks for one at each visit). 重新载入 tells it to take over and reloads when
 * it has, so the page, its scripts and its search index all come from the new deployment; 稍后
 * leaves it waiting, and the new version comes when every tab of the site is closed. Loaded on a
 * visit that a worker serves (./first-step.ts).
 */
import t from 'virtual:client-strings/offline';
import { STAND_IN, TAKE_OVER } from '../messages';
import { typesetNodes } from '../../core/client/typeset';
import css from '../offline-ui.css?inline';

let shown = false;

/** Prompts when a new version waits, now or once it has installed. */
export function watch(registration: ServiceWorkerRegistration): void {
  prompt(registration);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => worker.state === 'installed' && prompt(registration));
  });
}

function prompt(registration: ServiceWorkerRegistration): void {
  // A stand-in (../messages.ts STAND_IN) gives way at once to the worker that replaces it: no new version.
  const standIn = new URL(navigator.serviceWorker.controller?.scriptURL ?? location.href).searchParams.has(STAND_IN);
  if (shown || standIn || !registration.waiting) return;
  shown = true;
  if ('adoptedStyleSheets' in document) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const bar = document.createElement('div');
  bar.className = 'update-bar';
  bar.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.append(...typesetNodes(t.updateAvailable));
  const button = (text: string, action: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.append(...typesetNodes(text));
    element.addEventListener('click', action);
    return element;
  };
  const reload = button(t.reload, () => {
    reload.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting?.postMessage({ type: TAKE_OVER });
  });
  bar.append(message, reload, button(t.dismiss, () => bar.remove()));
  document.body.append(bar);
}
