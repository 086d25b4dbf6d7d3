/**
 * First view of a page on a phone: what Chromium fetches to show it (until the network is
 * idle, so scripts' own imports count), compressed as a compressing static host would send
 * it, and whether its words are there without JavaScript.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions } from '@playwright/test';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
export const KINDS: readonly Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Fetched extends Sizes {
  path: string;
  kind: Kind;
  /** Fonts and share cards: the budget leaves them out (the site downloads no font today). */
  exempt: boolean;
}

export interface FirstView {
  path: string;
  requests: number;
  files: Fetched[];
  /** The essay's paragraphs as drawn with scripts, and whether the same text shows without. */
  paragraphs: number;
  readsWithoutJs: boolean;
  withoutJsProblem?: string;
}

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
const PARAGRAPHS = 'main .prose p';
// Text a host compresses on the fly or ahead of time; everything else (woff2, png, wasm,
// Pagefind's already gzipped chunks) goes out as it is on disk.
export const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/;

export async function measureFirstView(browser: Browser, origin: string, path: string): Promise<FirstView> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const responses: Array<Promise<Fetched | undefined>> = [];
  let requests = 0;
  page.on('request', () => requests++);
  page.on('response', (response) => {
    responses.push(
      (async () => {
        const body = await response.body().catch(() => undefined); // redirects have none
        if (!body) return undefined;
        const type = response.headers()['content-type'] ?? '';
        const url = new URL(response.url());
        const kind = kindOf(type, url.pathname);
        const sizes = COMPRESSIBLE.test(type) ? compressed(body) : { raw: body.length, gzip: body.length, brotli: body.length };
        return { path: url.pathname, kind, exempt: kind === 'font' || url.pathname.includes('/og/'), ...sizes };
      })(),
    );
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const withJs = await visibleParagraphs(page);
  const files = (await Promise.all(responses)).filter((file): file is Fetched => file !== undefined);
  await context.close();

  const noJs = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(`${origin}${path}`);
  const withoutJs = await visibleParagraphs(plain);
  await noJs.close();

  const problem =
    withJs.length === 0
      ? `no paragraph matches ${PARAGRAPHS}`
      : withoutJs.length !== withJs.length
        ? `${withoutJs.length} of ${withJs.length} paragraphs visible without JavaScript`
        : withoutJs.findIndex((text, i) => text !== withJs[i]) >= 0
          ? `paragraph ${withoutJs.findIndex((text, i) => text !== withJs[i]) + 1} reads differently without JavaScript`
          : undefined;
  return {
    path,
    requests,
    files,
    paragraphs: withJs.length,
    readsWithoutJs: problem === undefined,
    ...(problem && { withoutJsProblem: problem }),
  };
}

/** The text of each essay paragraph that is drawn: in the layout, not hidden, not transparent. */
function visibleParagraphs(page: import('@playwright/test').Page): Promise<string[]> {
  return page.locator(PARAGRAPHS).evaluateAll((paragraphs) =>
    paragraphs
      .filter((p) => p.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && p.getBoundingClientRect().height > 0)
      .map((p) => (p as HTMLElement).innerText),
  );
}

function kindOf(type: string, path: string): Kind {
  if (type.startsWith('text/html')) return 'html';
  if (type.startsWith('text/css')) return 'css';
  if (/javascript/.test(type)) return 'js';
  if (type.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (type.startsWith('image/')) return 'image';
  return 'other';
}

export function compressed(body: Buffer): Sizes {
  return {
    raw: body.length,
    // Level 6 is gzip's and most servers' default.
    gzip: gzipSync(body, { level: 6 }).length,
    // Brotli's best quality, as for files compressed ahead of time; a host compressing on the
    // fly at a lower quality sends a little more.
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

export function total(files: readonly Fetched[], filter: (file: Fetched) => boolean = () => true): Sizes {
  return files.filter(filter).reduce(
    (sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip, brotli: sum.brotli + file.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}
