/**
 * Faults: what a reader gets when files fail to load, made with Playwright's request routing.
 *
 * - Pagefind's files answer 404 (its script, entry file and index metadata, index chunks,
 *   fragments, WebAssembly, or the search settings beside them), are blocked, or the reader goes
 *   offline after the page loaded: the search says in Chinese that it cannot work and links
 *   to the full essay, and the rest of the page works (reading, the contents, the links
 *   between sections, the share panel).
 * - The search and sharing code loads on first use: offline before it did, search still says
 *   so, and a permalink is a plain link to its paragraph.
 * - Every script fails: reading, moving between pages and permalinks still work.
 *
 * (tests/e2e/search.spec.ts covers a blocked Pagefind on /search/ and a later search that
 * succeeds once the files load again; this file covers the kinds of failure and the page around it.)
 * Every test also fails on an uncaught page error.
 */
import { expect as baseExpect, test as base, type Page, type Route } from '@playwright/test';
import { strings } from '../../src/core/strings';
import { applyTypography } from '../../src/core/typography';
import { readEssayContent } from '../support/essay-content';
import { openSharePanel, sharePanel } from '../support/share';

// A failed first search may wait for Pagefind's own loads to fail: allow for a busy machine.
const expect = baseExpect.configure({ timeout: 10_000 });

const t = strings.search;
const essay = readEssayContent();
const [first, second, last] = [essay.sections[0]!, essay.sections[1]!, essay.sections.at(-1)!];
const titleOf = (section: { title: string }) => applyTypography(section.title);
const QUERY = '软阶层';
/** Optional query string: Pagefind asks for some files with a cache-busting `?ts=…`. */
const Q = String.raw`(\?.*)?$`;

/**
 * Pagefind (1.6) starts loading in its constructor and does not handle that promise's failure, so a
 * missing entry file, index metadata or WebAssembly is also an uncaught rejection inside Pagefind,
 * which no caller can catch (the site catches the same failure where it waits for Pagefind). Any
 * other uncaught error fails the test.
 */
const PAGEFINDS_OWN = /^Error: Failed to load (Pagefind metadata|the Pagefind WASM)/;

const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      const ours = errors.map(String).filter((error) => !PAGEFINDS_OWN.test(error));
      expect(ours, 'uncaught errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

const searchField = (page: Page) => page.getByLabel(t.label, { exact: true });
const searchStatus = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

/** Searches from the header's field and expects the failure message, with its link to the full essay. */
async function expectSearchToFail(page: Page) {
  await searchField(page).fill(QUERY);
  const status = searchStatus(page);
  await expect(status).toContainText(t.failed);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(0);
  const essayLink = status.getByRole('link', { name: t.openFullEssay, exact: true });
  await expect(essayLink).toHaveAttribute('href', '/');
  return essayLink;
}

/** The block with `id` is the URL's target, shown in the window below the sticky header. */
async function expectLandedOn(page: Page, id: string) {
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const target = document.getElementById(id)!;
        const { top } = target.getBoundingClientRect();
        const headerBottom = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        return target.matches(':target') && top >= headerBottom - 1 && top < innerHeight / 2;
      }, id),
    )
    .toBe(true);
}

/** Every paragraph's id (src/core/block-ids.ts): the lede's, each section's, the note's. */
const PARAGRAPH_IDS = [
  ...essay.lede.paragraphs.map((_, i) => `lede-${i + 1}`),
  ...essay.sections.flatMap((section) => section.paragraphs.map((_, i) => `${section.slug}-${i + 1}`)),
  ...essay.note.paragraphs.map((_, i) => `note-${i + 1}`),
];

/** The full essay is there to read: every section's heading and every paragraph, with its words. */
async function expectEssayReadable(page: Page) {
  for (const section of essay.sections) {
    await expect(page.getByRole('heading', { level: 2, name: titleOf(section), exact: true })).toBeVisible();
  }
  const shown = await page.locator('main p[id]').evaluateAll((paragraphs) =>
    paragraphs.filter((p) => p.checkVisibility() && /\p{Script=Han}{4}/u.test(p.textContent ?? '')).map((p) => p.id),
  );
  expect(shown).toEqual(expect.arrayContaining(PARAGRAPH_IDS));
}

async function followTableOfContents(page: Page, section: { slug: string; title: string }) {
  await page.getByRole('navigation', { name: strings.tableOfContents }).getByRole('link', { name: titleOf(section), exact: true }).click();
  await expectLandedOn(page, section.slug);
}

async function expectSharePanelOpens(page: Page, blockId: string) {
  const panel = await openSharePanel(page, blockId);
  await expect(panel.getByRole('button', { name: strings.share.copyLink })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sharePanel(page)).toBeHidden();
}

/**
 * With the search broken: a section page reads and shares, leads to the next section, whose
 * search offers the full essay, where the contents work.
 */
async function searchFailsAndTheRestWorks(page: Page) {
  await page.goto(`/${first.slug}/`);
  await expectSearchToFail(page);
  await searchField(page).press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: titleOf(first), exact: true })).toBeVisible();
  await expectSharePanelOpens(page, `${first.slug}-2`);

  await page.locator('main a[rel="next"]').click();
  await expect(page).toHaveURL(`/${second.slug}/`);
  // Typed before the page's scripts run, the words would wait for the next keystroke.
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1, name: titleOf(second), exact: true })).toBeVisible();

  const essayLink = await expectSearchToFail(page);
  await essayLink.click();
  await expect(page).toHaveURL('/');
  await page.waitForLoadState();
  await expectEssayReadable(page);
  await followTableOfContents(page, last);
  await expectSharePanelOpens(page, `${last.slug}-1`);
}

/** Answers requests whose URL matches with `answer`, and counts them. */
async function breakRequests(page: Page, url: RegExp, answer: (route: Route) => Promise<void>) {
  const broken: string[] = [];
  await page.route(url, (route) => {
    broken.push(route.request().url());
    return answer(route);
  });
  return broken;
}

test.describe('when Pagefind cannot be loaded, search says so and offers the full essay; the rest of the page works', () => {
  const notFound = [
    { what: 'pagefind/pagefind.js', url: new RegExp(`/pagefind/pagefind\\.js${Q}`) },
    { what: "Pagefind's entry file and index metadata", url: new RegExp(`/pagefind/(pagefind-entry\\.json|[^/]+\\.pf_meta)${Q}`) },
    { what: 'the index chunks', url: new RegExp(`/pagefind/index/[^/]+${Q}`) },
    { what: 'the fragments', url: new RegExp(`/pagefind/fragment/[^/]+${Q}`) },
    { what: 'the WebAssembly', url: new RegExp(`/pagefind/wasm\\.[^/]+\\.pagefind${Q}`) },
    { what: 'the search settings (stretch length, fold table)', url: new RegExp(`/pagefind/search\\.json${Q}`) },
  ];
  for (const { what, url } of notFound) {
    test(`404 for ${what}`, async ({ page }) => {
      const broken = await breakRequests(page, url, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      await searchFailsAndTheRestWorks(page);
      expect(broken.length, `requests answered 404 (${url})`).toBeGreaterThan(0);
    });
  }

  test('a Pagefind that failed to start (its WebAssembly missing) starts afresh at the next search, once the file is there', async ({
    page,
  }) => {
    const wasm = new RegExp(`/pagefind/wasm\\.[^/]+\\.pagefind${Q}`);
    const broken = await breakRequests(page, wasm, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('/');
    await expectSearchToFail(page);
    expect(broken.length).toBeGreaterThan(0);

    await page.unroute(wasm);
    await searchField(page).fill('性价比');
    await expect(page.locator('[data-search-results] > li').first()).toContainText('性价比');
    await expect(searchStatus(page)).not.toContainText(t.failed);
  });

  test('every request for the search files blocked', async ({ page }) => {
    const broken = await breakRequests(page, /\/pagefind\//, (route) => route.abort('blockedbyclient'));
    await searchFailsAndTheRestWorks(page);
    expect(broken.length).toBeGreaterThan(0);
  });

  test('offline after the page loaded, before search was used: search says so, the page works, and back online the next search works', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    // The sharing code loads on first use: used once before going offline, it is there after.
    await expectSharePanelOpens(page, 'lede-1');
    await context.setOffline(true);
    await expectSearchToFail(page);
    await searchField(page).press('Escape');
    await expect(searchStatus(page)).toBeHidden();
    await expectEssayReadable(page);
    await followTableOfContents(page, last);
    await expectSharePanelOpens(page, `${second.slug}-2`);

    await context.setOffline(false);
    await searchField(page).fill('性价比');
    await expect(page.locator('[data-search-results] > li').first()).toContainText('性价比');
    await expect(searchStatus(page)).not.toContainText(t.failed);
  });

  test('offline after the search field was first used: a search that needs the index says so, and back online it works', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    // Focusing the field loads the search code, Pagefind and its WebAssembly; the index is fetched by the first search.
    const wasm = page.waitForResponse(/\/pagefind\/wasm\./);
    await searchField(page).focus();
    await wasm;
    await context.setOffline(true);
    await expectSearchToFail(page);

    await context.setOffline(false);
    await searchField(page).fill('性价比');
    await expect(page.locator('[data-search-results] > li').first()).toContainText('性价比');
  });

});

test.describe('when the sharing code cannot be loaded', () => {
  test('offline before the sharing code was ever loaded: a permalink is a plain link to its paragraph', async ({ page, context }) => {
    await page.goto(`/${first.slug}/`);
    await context.setOffline(true);
    const paragraph = page.locator(`[id="${first.slug}-3"]`);
    await paragraph.hover();
    await paragraph.locator(':scope > a.permalink').click();
    await expectLandedOn(page, `${first.slug}-3`);
    await expect(sharePanel(page)).toBeHidden();
  });
});

test.describe('when every script fails to load', () => {
  test('the essay reads, the contents and the links between pages work, and permalinks land on their paragraph', async ({ page }) => {
    const broken = await breakRequests(page, /\.m?js(\?.*)?$/, (route) => route.abort('failed'));
    await page.goto('/');
    await expectEssayReadable(page);
    await followTableOfContents(page, second);

    // A paragraph's permalink is a plain link to its anchor.
    const paragraph = page.locator(`[id="${second.slug}-2"]`);
    await paragraph.hover();
    await paragraph.locator(':scope > a.permalink').click();
    await expectLandedOn(page, `${second.slug}-2`);
    await expect(sharePanel(page)).toBeHidden();

    // A shared permalink opens on its paragraph, on the section's own page.
    await page.goto(`/${first.slug}/#${first.slug}-3`);
    await expectLandedOn(page, `${first.slug}-3`);
    await page.locator('main a[rel="next"]').click();
    await expect(page).toHaveURL(`/${second.slug}/`);
    await expect(page.getByRole('heading', { level: 1, name: titleOf(second), exact: true })).toBeVisible();
    await page.getByRole('link', { name: strings.samePlaceInFullEssay, exact: true }).click();
    await expectLandedOn(page, second.slug);

    expect(broken.length, 'scripts blocked').toBeGreaterThan(0);
  });

  test('/search/ says that the search scripts have not loaded, and links to the full essay', async ({ page }) => {
    await breakRequests(page, /\.m?js(\?.*)?$/, (route) => route.abort('failed'));
    await page.goto(`/search/?q=${encodeURIComponent(QUERY)}`);
    // It waits (3 s) for the scripts that would remove it, then appears.
    const notice = page.getByRole('paragraph').filter({ hasText: t.scriptsNotLoaded });
    await expect(notice).toBeVisible();
    await notice.getByRole('link', { name: t.openFullEssay, exact: true }).click();
    await expectEssayReadable(page);
  });
});

test.describe('when the scripts load', () => {
  test('slowly: /search/ says they have not loaded yet, then searches once they arrive', async ({ page }) => {
    // The page's script (the first it asks for) 6 s late: the notice appears after its 3 s, and goes when search starts.
    let delayed = false;
    await page.route(/\/_astro\/.*\.js(\?.*)?$/, async (route) => {
      if (!delayed) {
        delayed = true;
        await new Promise((resolve) => setTimeout(resolve, 6_000));
      }
      await route.continue();
    });
    await page.goto(`/search/?q=${encodeURIComponent(QUERY)}`, { waitUntil: 'commit' });
    await expect(page.getByRole('paragraph').filter({ hasText: t.scriptsNotLoaded })).toBeVisible();
    await expect(page.locator('[data-search-results] > li').first()).toContainText(QUERY, { timeout: 15_000 });
    await expect(page.locator('[data-search-fallback]')).toHaveCount(0);
  });

  test('/search/ removes its notice for failed scripts before it could appear', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(QUERY)}`);
    await expect(page.locator('[data-search-results] > li').first()).toContainText(QUERY);
    await expect(page.locator('[data-search-fallback]')).toHaveCount(0);
  });
});
