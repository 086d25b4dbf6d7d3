/**
 * Reading settings, first step, on every page: the settings button appears (it is
 * hidden without scripts, which the settings need), and the panel's code loads
 * when it is first opened (src/reader/client/settings-panel.ts); the panel itself
 * opens at once, as a popover. Vertical layout's wheel scrolling is here too.
 */
const button = document.querySelector<HTMLButtonElement>('.settings-button');
const panel = document.getElementById('reader-settings');
const panelCode = () => import('./settings-panel');
if (button && panel) {
  button.hidden = false;
  // Loaded as the panel opens (pointer or keyboard); a choice made before it is in waits for it.
  for (const type of ['pointerdown', 'click'] as const) button.addEventListener(type, () => void panelCode(), { once: true });
  panel.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    void panelCode().then(({ choose }) => choose(input));
  });
}

// In vertical layout the essay scrolls sideways, right to left. A mouse wheel moves vertically,
// so it moves the essay along its lines instead, forward when the wheel goes down; at either
// end the page scrolls on as usual. Touch and trackpads scroll sideways by themselves.
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
