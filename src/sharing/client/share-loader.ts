/**
 * Sharing, first step: the permalinks become share buttons as soon as the page
 * runs scripts, while the sharing code itself (src/sharing/client/share.ts: copying, the
 * share sheet, the QR code, quote links) loads when a reader first uses it, so
 * a reader who never shares never downloads it.
 */
// The buttons' names come with the panel's shell (src/sharing/ShareControls.astro): this
// first step needs nothing else from the page's interface text.
const names = document.getElementById('share-panel')?.dataset;
const sharing = () => import('./share');

function open(permalink: HTMLAnchorElement) {
  sharing().then(
    ({ openPanel }) => openPanel(permalink),
    // The sharing code could not be loaded (offline, blocked): the permalink is a plain link again.
    () => location.assign(permalink.href),
  );
}

for (const permalink of document.querySelectorAll<HTMLAnchorElement>('a.permalink')) {
  const isHeading = permalink.parentElement?.matches('h1, h2') ?? false;
  permalink.setAttribute('role', 'button');
  permalink.setAttribute('aria-haspopup', 'dialog');
  const name = isHeading ? names?.nameSection : names?.nameParagraph;
  if (name) permalink.setAttribute('aria-label', name);
  permalink.addEventListener('click', (event) => {
    event.preventDefault();
    open(permalink);
  });
  permalink.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault();
      open(permalink);
    }
  });
}

// A selection in the essay may become a quote link: the quote code comes with the reader's first
// one. Not with any selection change: a caret moving in the search field is one too, and the
// sharing code would then compete with the first search for the phone's processor.
function onSelection() {
  const selection = getSelection();
  const anchor = selection?.anchorNode;
  const where = anchor instanceof Element ? anchor : anchor?.parentElement;
  if (!selection || selection.isCollapsed || !where?.closest('.essay')) return;
  document.removeEventListener('selectionchange', onSelection);
  // Not loaded (offline, blocked): a later selection tries again.
  sharing().catch(() => document.addEventListener('selectionchange', onSelection));
}
document.addEventListener('selectionchange', onSelection);
