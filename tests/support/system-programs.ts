/**
 * Where the browser tests look for the system's programs (none is downloaded), each also settable
 * by an environment variable. One list for the tests (chromium.ts, engines.ts) and for
 * scripts/test-setup.ts, which installs what is missing before `npm test`: so this file imports
 * nothing heavy (loading Playwright takes most of a second, and that check must cost nothing).
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${command}`));
}
