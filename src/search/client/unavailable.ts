/**
 * What the search says when it cannot search: that it failed, with a link to the whole essay,
 * where the browser's own find still works. The loader shows it when the interface's script
 * fails to load, the interface when the index does; it stays in the first view's script, once.
 */
import t from 'virtual:client-strings/searchUnavailable';

/** Puts the message in the status line of a search (`root`: its `[data-search]` element). */
export function showUnavailable(root: HTMLElement) {
  const essay = document.createElement('a');
  essay.href = root.dataset.essayUrl!;
  essay.textContent = t.openFullEssay;
  root.querySelector('.search-status')!.replaceChildren(t.failed, ' ', essay);
}
