/**
 * The share and settings panels are popovers: the browser opens them over the page, closes them
 * on Escape or a click outside, and their `popovertarget` buttons work without a script. Older
 * engines have no popover (WeChat's XWeb before Chromium 114, Safari before 17): there the panels
 * stay hidden (src/site/panels.css), and this opens them instead, with the same buttons, Escape and a
 * `toggle` event, so the code that uses a panel does not need to know which it got.
 */
import { isImeKey } from './ime-key';

const native = typeof HTMLElement.prototype.showPopover === 'function';

export function isOpen(panel: HTMLElement): boolean {
  return native ? panel.matches(':popover-open') : panel.hasAttribute('data-open');
}

function toggled(panel: HTMLElement, open: boolean) {
  // The ToggleEvent of browsers with popovers, in its simplest form.
  panel.dispatchEvent(Object.assign(new Event('toggle'), { newState: open ? 'open' : 'closed', oldState: open ? 'closed' : 'open' }));
}

export function showPanel(panel: HTMLElement): void {
  if (native) return panel.showPopover();
  if (isOpen(panel)) return;
  for (const other of document.querySelectorAll<HTMLElement>('[popover][data-open]')) hidePanel(other);
  // A popover rises to the top layer; a fixed panel inside the header (whose backdrop-filter makes
  // it the panel's containing block) would hang from the header instead: lift it to the body.
  if (panel.parentElement !== document.body) document.body.append(panel);
  panel.setAttribute('data-open', '');
  toggled(panel, true);
}

export function hidePanel(panel: HTMLElement): void {
  if (native) return panel.hidePopover();
  if (!isOpen(panel)) return;
  panel.removeAttribute('data-open');
  toggled(panel, false);
}

if (!native) {
  // The buttons that name a panel (popovertarget, popovertargetaction) and Escape, as browsers do.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[popovertarget]');
    const panel = button && document.getElementById(button.getAttribute('popovertarget')!);
    if (!button || !panel) return;
    event.preventDefault();
    const action = button.getAttribute('popovertargetaction') ?? 'toggle';
    if (action === 'hide' || (action === 'toggle' && isOpen(panel))) hidePanel(panel);
    else showPanel(panel);
  });
  document.addEventListener('keydown', (event) => {
    // Escape that cancels an input method's composition is the input method's.
    if (event.key !== 'Escape' || isImeKey(event)) return;
    for (const panel of document.querySelectorAll<HTMLElement>('[popover][data-open]')) hidePanel(panel);
  });
}
