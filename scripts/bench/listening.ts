/**
 * Listening, in Chromium against the built site, with the tests' stand-in for speechSynthesis
 * (tests/support/speech-stand-in.ts: headless Chromium has no voice): from the reader's tap on
 * 「听全文」 to the first utterance queued (`speak()` called), on a fresh page whose player code
 * has not loaded, so its loading counts; what the site controls, not the voice's own start, which
 * is the engine's. Also the bytes that first tap fetches (the player, its styles and words).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { ONE_ZH_CN_VOICE, installSpeechStandIn } from '../../tests/support/speech-stand-in.ts';

export interface ListeningRun {
  /** The tap (its click) → the first utterance queued. */
  clickToQueuedMs: number;
  /** The same from the tap's pointerdown, where the player starts loading. */
  pointerdownToQueuedMs: number;
  firstUseBytes: number;
  firstUseFiles: number;
}

export async function measureListening(browser: Browser, origin: string, dist: string, runs: number): Promise<ListeningRun[]> {
  const results: ListeningRun[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await page.evaluate(`(${installSpeechStandIn.toString()})(window, ${JSON.stringify({ voices: ONE_ZH_CN_VOICE })})`);
    await page.evaluate(() => {
      const at: Record<string, number> = {};
      (window as unknown as { __tap: Record<string, number> }).__tap = at;
      for (const type of ['pointerdown', 'click']) document.addEventListener(type, () => (at[type] ??= performance.now()), { capture: true });
    });
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(request.url()));
    await page.locator('.listen-button').tap();
    const handle = await page.waitForFunction(() => {
      const queued = (window as unknown as { __speechStandIn: { log: { queued: Array<{ at: number }> } } }).__speechStandIn.log.queued;
      const tap = (window as unknown as { __tap: Record<string, number> }).__tap;
      return queued.length ? { queued: queued[0]!.at, ...tap } : null;
    });
    const times = (await handle.jsonValue()) as { queued: number; pointerdown: number; click: number };
    const bytes = fetched.map((url) => {
      const body = readFileSync(join(dist, decodeURIComponent(new URL(url).pathname)));
      return /\.(js|css)$/.test(url) ? gzipSync(body, { level: 6 }).length : body.length;
    });
    results.push({
      clickToQueuedMs: times.queued - times.click,
      pointerdownToQueuedMs: times.queued - times.pointerdown,
      firstUseBytes: bytes.reduce((sum, n) => sum + n, 0),
      firstUseFiles: bytes.length,
    });
    await context.close();
  }
  return results;
}
