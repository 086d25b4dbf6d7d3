/**
 * The share panel's controls, made in the page's shell (src/sharing/ShareControls.astro) when the
 * sharing code first runs: a reader who never shares downloads none of them.
 */
import t from 'virtual:client-strings/share';
import { setTypeset } from '../../core/client/typeset';

/** An element with its text typeset like the page's, and its attributes. */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, text: string | null, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== null) setTypeset(element, text);
  return element;
}

const button = (text: string, attributes: Record<string, string> = {}) => make('button', text, { type: 'button', ...attributes });

export const panel = document.getElementById('share-panel')!;
export const title = make('h2', t.shareParagraph, { id: 'share-panel-title', class: 'share-panel-title' });
const close = button(t.close, { class: 'share-close', popovertarget: 'share-panel', popovertargetaction: 'hide' });
export const urlField = make('input', null, { class: 'share-url', type: 'url', readonly: '', 'aria-label': t.linkLabel }) as HTMLInputElement;
const copyButton = button(t.copyLink, { 'data-share-action': 'copy' });
export const shareButton = button(t.share, { 'data-share-action': 'share' });
export const qrButton = button(t.showQr, { 'data-share-action': 'qr', 'aria-expanded': 'false', 'aria-controls': 'share-qr' });
// Listening from this block (src/listening/client/first-step.ts handles every [data-listen]: it
// starts at the panel's data-block).
const listenHere = button(t.listenHere, { 'data-listen': '' });
export const qrFigure = make('figure', null, { id: 'share-qr', class: 'share-qr', hidden: '' });
qrFigure.append(make('figcaption', t.qrHint));
export const panelStatus = make('p', null, { class: 'share-panel-status', role: 'status', 'aria-live': 'polite' });

const head = make('div', null, { class: 'share-panel-head' });
head.append(title, close);
export const actions = make('div', null, { class: 'share-actions' });
actions.append(copyButton, shareButton, qrButton, listenHere);
panel.replaceChildren(head, urlField, actions, qrFigure, panelStatus);

/** The selection's button for a quote link. */
export const quoteButton = button(t.quoteLink, { class: 'quote-button', hidden: '' });
