/**
 * What the search says when it cannot search: that it failed, with a link to the whole essay,
 * where the browser's own find still works. The loader shows it when the interface's script
 * fails to load, the interface when the index does; it stays in the first view's script, once.
 */
import t from 'virtual:client-strings/searchUnavailable';

/**
 * Puts the message in the status line of a search (`root`: its `[data-search]` element). Shown
 * as plain text at once, then typeset like the page (core/client/typeset.ts) once that code has
 * loaded: it is not in the first view's script, and when the search failed because the network
 * did, it may not load at all, and the plain message stays.
 */
export function showUnavailable(root: HTMLElement) {
  const essay = document.createElement('a');
  essay.href = root.dataset.essayUrl!;
  essay.textContent = t.openFullEssay;
  const message = document.createElement('span');
  message.textContent = t.failed;
  root.querySelector('.search-status')!.replaceChildren(message, ' ', essay);
  import('../../core/client/typeset').then(
    ({ setTypeset }) => {
      setTypeset(message, t.failed);
      setTypeset(essay, t.openFullEssay);
    },
    () => undefined,
  );
}
