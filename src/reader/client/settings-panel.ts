/**
 * The reading settings panel: shows the stored choices, applies a change at once
 * (the attributes on <html> that the stylesheet reads) and remembers it. The
 * stored choices were already applied before the first paint by the inline boot
 * script (src/reader/settings.ts). Loaded when the panel is first opened
 * (src/reader/client/settings-loader.ts), which hands it the choices.
 */
import { SETTINGS_STORAGE_KEY, parseSettings, type ReaderSettings, type SettingName } from '../settings';
import { blockInView, hasScrolled } from '../../core/client/reading-position';
import { isOpen } from '../../core/client/panels';
import { focusFirstControl, keepFocusIn } from '../../core/client/panel-focus';
import { updateReaderSettings } from '../../core/client/reader-settings';

const panel = document.getElementById('reader-settings');

function stored(): ReaderSettings {
  try {
    return parseSettings(localStorage.getItem(SETTINGS_STORAGE_KEY));
  } catch {
    return parseSettings(null); // storage blocked (private mode, sandboxed WebView): settings last for the page
  }
}

let settings = stored();

function apply(name: SettingName, value: string) {
  // A new layout or text size moves everything: bring back the paragraph the reader was at.
  const reading = name !== 'theme' && hasScrolled() ? blockInView() : undefined;
  settings = { ...settings, [name]: value } as ReaderSettings;
  document.documentElement.dataset[name] = value;
  reading?.scrollIntoView({ block: 'start', inline: 'start' });
  // Not remembered where storage is unavailable, but applied; listening's speed and voice, kept
  // in the same record, are left as they are.
  updateReaderSettings(settings);
}

for (const input of panel?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []) {
  input.checked = settings[input.name as SettingName] === input.value;
}

if (panel) {
  // While open, the focus stays in the panel, from its first control (关闭), and goes back to Aa.
  keepFocusIn(panel, () => document.querySelector<HTMLButtonElement>('.settings-button'));
  // This code loads as the panel first opens: that opening's toggle event has been and gone.
  if (isOpen(panel)) focusFirstControl(panel);
}

/** A choice made in the panel (forwarded by src/reader/client/settings-loader.ts, also one made while this loaded). */
export function choose(input: HTMLInputElement) {
  input.checked = true;
  apply(input.name as SettingName, input.value);
}
