/**
 * On wide screens the table of contents stays beside the essay; it marks the
 * section being read (`aria-current="location"`, styled in the stylesheet).
 */
const links = new Map(
  Array.from(document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]'), (link) => [
    decodeURIComponent(link.hash.slice(1)),
    link,
  ]),
);
const sections = Array.from(links.keys(), (id) => document.getElementById(id)?.closest('section')).filter(
  (section): section is HTMLElement => section !== null && section !== undefined,
);

function markCurrent() {
  // The current section: the last whose start has passed the upper third of the screen.
  const line = innerHeight / 3;
  const current = sections.filter((section) => section.getBoundingClientRect().top < line).at(-1);
  const currentId = current?.querySelector('.section-heading')?.id;
  for (const [id, link] of links) {
    if (id === currentId) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

if (sections.length) {
  // One passive listener, its work batched per frame: cheaper than an observer per section for three sections.
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        markCurrent();
      });
    },
    { passive: true },
  );
  markCurrent();
}
