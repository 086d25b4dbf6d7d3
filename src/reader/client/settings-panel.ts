/**
 * The reading settings panel: shows the stored choices, applies a change at once
 * (the attributes on <html> that the stylesheet reads) and remembers it. The
 * stored choices were already applied before the first paint by the inline boot
 * script (src/reader/settings.ts). Loaded as the reader reaches for the panel
 * (src/reader/client/settings-loader.ts); it makes the panel's controls.
 */
import { SETTINGS_STORAGE_KEY, parseSettings, type ReaderSettings, type SettingName } from '../settings';
import { blockInView, hasScrolled } from '../../core/client/reading-position';
import { isOpen } from '../../core/client/panels';
import { focusFirstControl, keepFocusIn } from '../../core/client/panel-focus';
import { updateReaderSettings } from '../../core/client/reader-settings';
import { setTypeset } from '../../core/client/typeset';
import t from 'virtual:client-strings/settings';
import css from '../settings-panel.css?inline';
import href from '../settings-panel.css?url';
import { addStyles } from '../../core/client/add-styles';
import { SETTINGS } from '../settings';

const panel = document.getElementById('reader-settings');

/** The panel's controls, in its shell (src/reader/ReaderSettings.astro): a group of radio buttons for each setting. */
function makeControls(shell: HTMLElement) {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) setTypeset(made, text);
    return made;
  };
  const head = element('div', 'settings-head');
  const title = element('h2', 'settings-title', t.title);
  title.id = 'reader-settings-title';
  const close = element('button', 'settings-close', t.close);
  Object.assign(close, { type: 'button' });
  close.setAttribute('popovertarget', shell.id);
  close.setAttribute('popovertargetaction', 'hide');
  head.append(title, close);
  const names: SettingName[] = shell.dataset.vertical !== undefined ? ['theme', 'textSize', 'writing'] : ['theme', 'textSize'];
  const groups = names.map((name) => {
    const group = element('fieldset', 'settings-group');
    const options = element('div', 'settings-options');
    for (const value of SETTINGS[name]) {
      const option = element('label', 'settings-option');
      const input = Object.assign(element('input'), { type: 'radio', name, value });
      option.append(input, element('span', undefined, (t[name].options as Record<string, string>)[value]!));
      options.append(option);
    }
    group.append(element('legend', undefined, t[name].legend), options);
    return group;
  });
  shell.replaceChildren(head, ...groups);
}
addStyles(css, href);
if (panel) makeControls(panel);

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
  if (name === 'writing' && value === 'vertical') void import('./vertical-wheel');
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

// A choice made in the panel, applied at once (the controls exist only once this code runs).
panel?.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  apply(input.name as SettingName, input.value);
});
