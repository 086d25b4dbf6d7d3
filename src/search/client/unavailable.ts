/**
 * What the search says when it cannot search: that it failed, with a link to the whole essay,
 * where the browser's own find still works. The loader shows it when the interface's script
 * fails to load, the interface when the index does. The message is in the page, typeset by the
 * build (a <template> in src/search/SearchBox.astro): when the search failed because the network
 * did, no more code may load.
 */
export function showUnavailable(root: HTMLElement) {
  const message = root.querySelector<HTMLTemplateElement>('template.search-unavailable')!;
  root.querySelector('.search-status')!.replaceChildren(message.content.cloneNode(true));
}
