/**
 * Finds a Chromium for the tests without downloading one: `CHROMIUM_PATH`, then
 * Playwright's own browser if `npx playwright install` worked, then the system's.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { SYSTEM_CHROMIUMS } from './system-programs.ts';

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, playwrightsOwn(), ...SYSTEM_CHROMIUMS];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (found) return found;
  throw new Error(
    'No Chromium found for the tests. Install one (Debian: `apt-get install -y chromium fonts-noto-cjk`, ' +
      'or `npx playwright install chromium` where downloads work), or set CHROMIUM_PATH to its executable.',
  );
}

function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags for a headless Chromium on a closed network, running as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
