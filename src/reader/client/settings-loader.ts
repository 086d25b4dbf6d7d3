/**
 * Reading settings, first step, on every page: the settings button appears (it is
 * hidden without scripts, which the settings need), and the panel's code loads
 * as the reader reaches for Aa (pointer or focus) and makes the panel's controls
 * (src/reader/client/settings-panel.ts); the panel itself opens at once, as a popover.
 */
const button = document.querySelector<HTMLButtonElement>('.settings-button');
const panel = document.getElementById('reader-settings');
const panelCode = () => import('./settings-panel');
if (button && panel) {
  button.hidden = false;
  // Loaded as the reader reaches for the panel (pointer or keyboard): its controls come with it.
  for (const type of ['pointerdown', 'focus', 'click'] as const) button.addEventListener(type, () => void panelCode(), { once: true });
}

// Vertical layout's wheel scrolling (./vertical-wheel.ts), where the page opens in it; the panel
// loads it when the reader chooses it.
if (document.documentElement.dataset.writing === 'vertical' && document.querySelector('.essay')) void import('./vertical-wheel');
