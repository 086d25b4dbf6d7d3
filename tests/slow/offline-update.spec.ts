/**
 * A new deployment replaces what the service worker kept (src/offline/): the suite's own build is
 * the first deployment; a copy of the project whose first paragraph has a sentence more (a
 * fixture: content/ is never edited) is the second, served at the same address. A reader who
 * opened the first sees it again at their next visit, with 「有新版本」: 重新载入 brings the second,
 * its words, scripts and search index together (its new words are found with the network cut);
 * one who closes the tab gets the second at the visit after. Nothing of the first is kept.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { copyProjectWithContent } from '../../scripts/bench/project-copy';
import { serve } from '../../scripts/serve';
import { PROJECT_ROOT } from '../support/essay-content';
import { ROOT_BUILD, builtPath } from '../support/builds';
import { firstVisit, headerSearch, o, searchInHeader } from '../support/offline';

const run = promisify(execFile);
const PORT = Number(process.env.TEST_PORT ?? 4329) + 8;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FIRST_PARAGRAPH = 'DeepSeek引发的关注,被美国市场的带动强化。';
const ADDED = '这是第二次部署才有的一句话。';
/** As the pages show it: the build sets the comma full-width. */
const SHOWN_ADDED = ADDED;

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 300_000 });

function contentWithASentenceMore(): Record<string, string> {
  const root = join(PROJECT_ROOT, 'content');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  const section = Object.keys(files).find((path) => files[path]!.includes(FIRST_PARAGRAPH))!;
  files[section] = files[section]!.replace(FIRST_PARAGRAPH, FIRST_PARAGRAPH + ADDED);
  return files;
}

let copy = '';
let server: { close(): void } | undefined;
const deploy = async (dir: string) => {
  server?.close();
  server = await serve(dir, PORT);
};

test.beforeAll(async () => {
  test.setTimeout(300_000); // the copy's build takes over 30 s on a busy machine
  copy = copyProjectWithContent(PROJECT_ROOT, contentWithASentenceMore(), 'offline-update-');
  await run(process.execPath, [join(copy, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], {
    cwd: copy,
    env: { ...process.env, ASTRO_CACHE_DIR: join(copy, '.astro-cache') },
    maxBuffer: 1 << 26,
  });
});

test.afterAll(() => {
  server?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const firstDeployment = () => builtPath(ROOT_BUILD);
const secondDeployment = () => join(copy, 'dist');
/** The paragraph that has a sentence more in the second deployment. */
const opening = (page: Page) => page.locator('#why-deepseek-1');

/** The worker's kept URLs (the precache's keys), without Workbox's revision parameter. */
const keptPages = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const kept = await Promise.all(names.filter((name) => name.includes('precache')).map(async (name) => (await caches.open(name)).keys()));
    return kept.flat().map((request) => new URL(request.url).pathname).filter((path) => path.endsWith('.html'));
  });

async function visitOfTheFirst(context: BrowserContext): Promise<Page> {
  await deploy(firstDeployment());
  const page = await context.newPage();
  await firstVisit(page, `${ORIGIN}/`);
  await expect(opening(page)).toHaveText(FIRST_PARAGRAPH.replace(',', '，'));
  await deploy(secondDeployment());
  return page;
}

test('at the next visit the first deployment shows with 「有新版本」; 重新载入 brings the second, whose new words search finds offline', async ({ context }) => {
  const page = await visitOfTheFirst(context);
  await page.goto(`${ORIGIN}/`);
  // Kept, so at once the first deployment's page, whole: its words, scripts and index.
  await expect(opening(page)).not.toContainText(SHOWN_ADDED);
  const prompt = page.getByRole('status').filter({ hasText: o.updateAvailable });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await prompt.getByRole('button', { name: o.reload }).click();
  await expect(opening(page)).toContainText(SHOWN_ADDED, { timeout: 20_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(opening(page)).toContainText(SHOWN_ADDED);
  await searchInHeader(page, '第二次部署', '第二次部署');
  await headerSearch(page).fill('');
  await searchInHeader(page, '软阶层', '软阶层');
  await context.setOffline(false);
});

test('a reader who closes the tab gets the second deployment at the visit after, and nothing of the first is kept', async ({ context }) => {
  const page = await visitOfTheFirst(context);
  const pagesBefore = await keptPages(page);
  await page.goto(`${ORIGIN}/`);
  // The browser finds the new worker, which installs and waits while this page is open.
  await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.update();
    if (registration.waiting) return;
    await new Promise<void>((resolve) => {
      const worker = registration.installing!;
      worker.addEventListener('statechange', () => worker.state === 'installed' && resolve());
    });
  });
  await page.close();
  // With no tab left, the new worker takes over: the next visit is the second deployment's.
  let next = await context.newPage();
  for (let tries = 0; tries < 10; tries++) {
    await next.goto(`${ORIGIN}/`);
    if ((await opening(next).textContent())?.includes(SHOWN_ADDED)) break;
    await next.close(); // the browser had not yet let the old worker go
    await new Promise((resolve) => setTimeout(resolve, 1000));
    next = await context.newPage();
  }
  await expect(opening(next)).toContainText(SHOWN_ADDED);
  await expect(next.getByText(o.updateAvailable)).toHaveCount(0);
  // The same pages kept, and no revision of the first deployment's beside them.
  await expect.poll(() => keptPages(next).then((pages) => pages.sort())).toEqual(pagesBefore.sort());
});
