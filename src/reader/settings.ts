/**
 * The reader's settings: theme, text size and (on the essay's pages) vertical
 * layout. Each is an attribute on <html> that the stylesheet reads
 * (`data-theme`, `data-text-size`, `data-writing`), remembered in localStorage.
 *
 * They must apply before the first paint, or a reader who chose dark sees a white
 * flash on every page: so a tiny script runs inline in <head>, before the
 * stylesheet applies. Its text is a constant here, and the content security
 * policy allows exactly this text by its hash (src/site/build/csp.ts).
 */
// The record is shared with listening's speed and voice (src/core/client/reader-settings.ts).
import { READER_SETTINGS_KEY } from '../core/client/reader-settings';

export const SETTINGS_STORAGE_KEY = READER_SETTINGS_KEY;

export const SETTINGS = {
  theme: ['system', 'light', 'dark'],
  textSize: ['small', 'medium', 'large', 'x-large'],
  writing: ['horizontal', 'vertical'],
} as const;

export type SettingName = keyof typeof SETTINGS;
export type ReaderSettings = { [Name in SettingName]: (typeof SETTINGS)[Name][number] };

export const DEFAULT_SETTINGS: ReaderSettings = { theme: 'system', textSize: 'medium', writing: 'horizontal' };

/** Stored settings, with anything unknown or malformed replaced by the default. */
export function parseSettings(stored: string | null): ReaderSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(stored ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // A corrupt value is the same as none.
  }
  const pick = <Name extends SettingName>(name: Name): ReaderSettings[Name] => {
    const value = raw[name];
    return (SETTINGS[name] as readonly unknown[]).includes(value) ? (value as ReaderSettings[Name]) : DEFAULT_SETTINGS[name];
  };
  return { theme: pick('theme'), textSize: pick('textSize'), writing: pick('writing') };
}

/**
 * The inline script: copies the stored, known values onto <html>. Written by hand, minimal and
 * self-contained, since it runs before any bundle; it must stay in step with `parseSettings`
 * (tests/unit/reader-settings.spec.ts runs both on the same inputs).
 */
export const SETTINGS_BOOT_SCRIPT =
  `(()=>{try{const s=JSON.parse(localStorage.getItem(${JSON.stringify(SETTINGS_STORAGE_KEY)})||'{}'),` +
  `k=${JSON.stringify(SETTINGS)};` +
  `for(const n in k)if(k[n].includes(s[n]))document.documentElement.dataset[n]=s[n]}catch{}})()`;
