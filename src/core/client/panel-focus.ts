/**
 * The focus of an open panel (the share and settings panels, core/client/panels.ts), as a dialog
 * keeps it: it starts on the panel's first control, Tab and Shift+Tab go round the panel's controls
 * and never on to the page behind, and on closing it goes back to the control that opened the panel.
 *
 * A popover is not modal (the page behind it stays live, and the browser's Tab order runs on past
 * its end), so the keys are kept here. Loaded with each panel's own code, on first use: nothing of
 * it is in the first view.
 */
import { isOpen } from './panels';

const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]';

/** The controls Tab stops at, in order: shown, enabled, and of each radio group the checked one (or its first). */
function tabStops(panel: HTMLElement): HTMLElement[] {
  const groups = new Set<string>();
  return [...panel.querySelectorAll<HTMLElement>(CONTROLS)].filter((control) => {
    if (control.tabIndex < 0 || control.matches(':disabled') || control.closest('[hidden]')) return false;
    if (!control.getClientRects().length) return false;
    if (control instanceof HTMLInputElement && control.type === 'radio') {
      const group = panel.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(control.name)}"]`);
      const stop = [...group].find((radio) => radio.checked) ?? group[0];
      if (control !== stop || groups.has(control.name)) return false;
      groups.add(control.name);
    }
    return true;
  });
}

/** Moves the focus to the panel's first control. */
export function focusFirstControl(panel: HTMLElement): void {
  tabStops(panel)[0]?.focus();
}

/**
 * Keeps the focus in `panel` while it is open; `opener` gives the control to return to when it
 * closes (the browser returns it to the element focused before, which WebKit does not focus on a
 * click, and not at all for a panel opened by a script).
 */
export function keepFocusIn(panel: HTMLElement, opener: () => HTMLElement | null): void {
  document.addEventListener(
    'keydown',
    (event) => {
      // WebKitGTK names Shift+Tab 'Unidentified' (GTK's ISO_Left_Tab), with Tab's key code.
      const tab = event.key === 'Tab' || event.keyCode === 9;
      if (!tab || event.altKey || event.ctrlKey || event.metaKey || !isOpen(panel)) return;
      const stops = tabStops(panel);
      if (!stops.length) return;
      const at = stops.indexOf(document.activeElement as HTMLElement);
      // From the last stop on (or from outside the panel: a control that disappeared took the focus to the page), round again.
      if (event.shiftKey ? at <= 0 : at === -1 || at === stops.length - 1) {
        event.preventDefault();
        stops.at(event.shiftKey ? -1 : 0)!.focus();
      }
    },
    true,
  );
  panel.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'open') {
      focusFirstControl(panel);
      return;
    }
    // Not when the reader closed it by moving elsewhere (a click on another control).
    const focused = document.activeElement;
    if (!focused || focused === document.body || panel.contains(focused)) opener()?.focus({ preventScroll: true });
  });
}
