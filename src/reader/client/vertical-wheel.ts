/**
 * In vertical layout the essay scrolls sideways, right to left. A mouse wheel moves vertically,
 * so it moves the essay along its lines instead, forward when the wheel goes down; at either
 * end the page scrolls on as usual. Touch and trackpads scroll sideways by themselves. Loaded
 * where a page opens in vertical layout or the reader chooses it (./settings-loader.ts,
 * ./settings-panel.ts); a module, so that it runs once.
 */
const essay = document.querySelector<HTMLElement>('.essay');
essay?.addEventListener(
  'wheel',
  (event) => {
    if (document.documentElement.dataset.writing !== 'vertical' || event.ctrlKey) return;
    if (Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
    const furthest = essay.scrollWidth - essay.clientWidth; // scrollLeft runs from 0 to -furthest
    const atEnd = event.deltaY > 0 ? essay.scrollLeft <= 1 - furthest : essay.scrollLeft >= -1;
    if (atEnd) return;
    event.preventDefault();
    essay.scrollBy({ left: -event.deltaY });
  },
  { passive: false },
);
export {};
