/**
 * Offline and install (src/offline/), measured apart from the first view: what the service worker
 * fetches to keep after a first visit (it registers after the load, so the first view's count,
 * ./first-view.ts, holds none of it: that is checked here too), whether Chromium finds the page
 * installable, and whether its manifest holds what an install needs, its icons' files included.
 *
 * Installability is Chromium's own check (DevTools' `Page.getInstallabilityErrors`), the one that
 * Lighthouse's `installable-manifest` audit read until Lighthouse 12 dropped its PWA category (the
 * Lighthouse 13 of ./lighthouse.ts has none). It needs a profile that is not incognito, so the
 * page runs in a persistent context of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium.ts';
import { pngSize } from '../../tests/support/png.ts';
import { manifestProblems } from '../../src/offline/manifest-check.ts';
import { COMPRESSIBLE, compressed, total, type Fetched } from './first-view.ts';

export interface OfflineRun {
  path: string;
  /** What the worker fetched to keep, as a compressing host sends it. */
  kept: Fetched[];
  /** Whether the page registered its worker only after its load event. */
  registeredAfterLoad: boolean;
  /** Chromium's reasons why the page could not be installed: none when it can. */
  installabilityErrors: string[];
  manifestProblems: string[];
}

export async function measureOffline(origin: string, path: string): Promise<OfflineRun> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-offline-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const kept: Array<Promise<Fetched | undefined>> = [];
    context.on('response', (response) => {
      if (!response.request().serviceWorker()) return;
      kept.push(
        (async () => {
          const body = await response.body().catch(() => undefined);
          if (!body) return undefined;
          const type = response.headers()['content-type'] ?? '';
          const sizes = COMPRESSIBLE.test(type) ? compressed(body) : { raw: body.length, gzip: body.length, brotli: body.length };
          return { path: new URL(response.url()).pathname, kind: 'other' as const, exempt: false, ...sizes };
        })(),
      );
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const workers = navigator.serviceWorker;
      const register = workers.register.bind(workers);
      workers.register = (...args) => {
        (window as unknown as { registeredAfterLoad: boolean }).registeredAfterLoad = document.readyState === 'complete';
        return register(...args);
      };
    });
    await page.goto(`${origin}${path}`);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
    });
    const registeredAfterLoad = await page.evaluate(() => (window as unknown as { registeredAfterLoad?: boolean }).registeredAfterLoad === true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const { url: manifestUrl, errors } = await cdp.send('Page.getAppManifest');
    const problems = errors.map((error) => `${error.critical ? 'critical: ' : ''}${error.message}`);
    const response = await context.request.get(manifestUrl);
    const { problems: missing, icons } = manifestProblems(await response.json().catch(() => null));
    problems.push(...missing);
    for (const icon of icons) {
      const file = await context.request.get(new URL(icon.src, manifestUrl).href);
      if (!file.ok()) problems.push(`${icon.src}: ${file.status()}`);
      else {
        const { width, height } = pngSize(await file.body());
        if (`${width}x${height}` !== icon.sizes) problems.push(`${icon.src} is ${width}x${height}, not ${icon.sizes}`);
      }
    }
    return {
      path,
      kept: (await Promise.all(kept)).filter((file): file is Fetched => file !== undefined),
      registeredAfterLoad,
      installabilityErrors: installabilityErrors.map((error) => [error.errorId, ...error.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' ')),
      manifestProblems: problems,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const keptTotal = (run: OfflineRun) => total(run.kept);

/**
 * What search finds with the network cut, after a first visit and `online` searched with it: each
 * of `online` again, and each of `others`, which no search fetched for. For a text whose whole
 * index is kept at the first visit, all; for a longer one, what earlier searches fetched.
 */
export async function offlineSearch(browser: Browser, origin: string, online: string[], others: string[]): Promise<{ again: number; others: number }> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
    });
    const search = async (query: string) => {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 20_000 }).catch(() => undefined);
      return (await page.locator('.search-result mark').count()) > 0;
    };
    for (const query of online) await search(query);
    await context.setOffline(true);
    let again = 0;
    for (const query of online) if (await search(query)) again++;
    let found = 0;
    for (const query of others) if (await search(query)) found++;
    return { again, others: found };
  } finally {
    await context.close();
  }
}
