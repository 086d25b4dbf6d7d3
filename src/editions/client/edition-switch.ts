/**
 * The edition switch, first step: the code that finds the reader's place (./edition-place.ts)
 * loads when the reader reaches for the switch (a pointer on it, or focus), or on arrival from
 * it, so the first view of every page carries only these lines.
 *
 * Without this script, or if that code cannot load, the switch is a plain link to the other
 * edition's page: the place is lost, the page is not.
 */
const switchLink = document.querySelector<HTMLAnchorElement>('[data-edition-switch]');
const placeCode = () => import('./edition-place');

if (switchLink) {
  // The link's address follows the place before a middle-click or a copied link reads it.
  const placeHere = () => void placeCode().then(({ placeHere }) => placeHere(switchLink), () => undefined);
  for (const type of ['pointerdown', 'focus'] as const) switchLink.addEventListener(type, placeHere);
  switchLink.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    placeCode().then(
      ({ switchHere }) => switchHere(switchLink),
      () => location.assign(switchLink.href),
    );
  });
}

const params = new URLSearchParams(location.search);
if (document.querySelector('.essay') && (params.has('place') || params.has('mark'))) {
  void placeCode().then(({ arrive }) => arrive());
}
