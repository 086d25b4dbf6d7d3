/**
 * On wide screens the table of contents stays beside the essay; it marks the
 * section being read (`aria-current="location"`, styled in the stylesheet).
 * Loaded by src/site/client/enhance.ts once the screen is that wide.
 */
import { WIDE_CONTENTS_QUERY } from '../../core/breakpoints';

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

// Only where the contents stay beside the text (the stylesheet's wide layout); elsewhere the mark
// is never seen, and measuring the sections would only cost a phone a layout.
const wide = matchMedia(WIDE_CONTENTS_QUERY);
let queued = false;
function onScroll() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    markCurrent();
  });
}

function follow() {
  // One passive listener, its work batched per frame: cheaper than an observer per section for three sections.
  if (wide.matches) {
    addEventListener('scroll', onScroll, { passive: true });
    onScroll();
  } else {
    removeEventListener('scroll', onScroll);
  }
}

if (sections.length) {
  wide.addEventListener('change', follow);
  follow();
}
