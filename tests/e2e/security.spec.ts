/**
 * The content security policy holds while a reader uses everything (search,
 * sharing, the QR code, every setting, both editions), it is really enforced, and
 * `_headers` sends the same policy with the other security headers. Through it all,
 * no request leaves the site's own origin.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPath, ROOT_BUILD } from '../support/builds';
import { EDITIONS } from '../support/editions';

declare global {
  interface Window {
    violations: string[];
  }
}

function recordViolations(page: Page) {
  return page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.violations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
}

const metaPolicy = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content').then((policy) => policy ?? '');

test('the policy allows no inline script but the hashed boot script, and wasm-unsafe-eval, nothing wider', async ({ page }) => {
  await page.goto('/');
  const policy = await metaPolicy(page);
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
  const [name, ...sources] = scriptSrc.split(/\s+/);
  expect(name).toBe('script-src');
  expect(sources).toHaveLength(3);
  expect(sources).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
  expect(sources.filter((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toHaveLength(1);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
});

test('the policy is enforced: an injected inline script is refused and reported', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/');
  const ran = await page.evaluate(() => {
    (window as unknown as { injected: boolean }).injected = false;
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    return (window as unknown as { injected: boolean }).injected;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => window.violations.length)).toBeGreaterThan(0);
});

test('_headers carries the pages’ policy, frame-ancestors, and the other security headers; the server sends them', async ({
  page,
  request,
}) => {
  const file = readFileSync(builtPath(ROOT_BUILD, '_headers'), 'utf8');
  await page.goto('/');
  const policy = await metaPolicy(page);
  expect(file).toMatch(/^\/\*$/m);
  expect(file).toContain(`Content-Security-Policy: ${policy}; frame-ancestors 'none'`);
  for (const header of ['Referrer-Policy', 'X-Content-Type-Options: nosniff', 'Permissions-Policy']) {
    expect(file).toContain(header);
  }
  const response = await request.get('/why-deepseek/');
  expect(response.headers()['content-security-policy']).toBe(`${policy}; frame-ancestors 'none'`);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

for (const edition of EDITIONS) {
  test(`${edition.name}: a full walkthrough breaks no rule of the policy and asks nothing of another origin`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    await recordViolations(page);
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
    });

    await page.goto(edition.home);
    // Search: the engine, its WebAssembly, index and fragments.
    await page.getByRole('searchbox').first().fill(edition.script('软阶层'));
    await expect(page.locator('[data-search="popup"] [data-search-results] li').first()).toBeVisible();
    await page.locator('[data-search="popup"] .search-result-link').first().click();
    await expect(page).toHaveURL(/\?hl=/);
    // Sharing: the panel and its QR code.
    await page.goto(`${edition.home}why-deepseek/`);
    await page.locator('#why-deepseek-2 .permalink').click();
    await page.locator('[data-share-action="qr"]').click();
    await expect(page.locator('#share-qr img')).toBeVisible();
    await page.keyboard.press('Escape');
    // Every setting.
    await page.locator('.settings-button').click();
    for (const input of await page.locator('#reader-settings input[type="radio"]').all()) await input.check();
    await page.goto(`${edition.home}search/?q=${encodeURIComponent('DeepSeek')}`);
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();

    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(foreign).toEqual([]);
  });
}

test('keyboard only: skip link, header search and its results, share controls and settings, each with a visible focus', async ({
  page,
}) => {
  const focusIsVisible = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const label = element.closest('label');
      const ring = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      return ring(style) || (label !== null && ring(getComputedStyle(label)));
    });
  await page.goto('/why-deepseek/');
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await expect(page.locator('.skip-link')).toBeInViewport();
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Back to the header: title, search field.
  await page.keyboard.press('Shift+Tab');
  const search = page.getByRole('searchbox').first();
  await search.focus();
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.type('性价比');
  // The results of the whole phrase (on a busy machine the keys can arrive slower than the typing
  // pause, and a search for its first characters shows first).
  await expect(page.locator('[data-search="popup"] .search-result-link').first().locator('mark').first()).toHaveText('性价比');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-search="popup"] .search-result-link').first()).toBeFocused();
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  // The edition switch and the settings button follow the field.
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-edition-switch]')).toBeFocused();
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.press('Tab');
  await expect(page.locator('.settings-button')).toBeFocused();
  expect(await focusIsVisible()).toBe(true);
  // The panel opens on its first control (core/client/panel-focus.ts).
  await page.keyboard.press('Enter');
  await expect(page.locator('.settings-close')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.press('Escape');

  // A paragraph's permalink opens the share panel; its buttons take focus visibly.
  await page.locator('#why-deepseek-3 .permalink').focus();
  expect(await focusIsVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('#share-panel')).toBeVisible();
  for (const action of ['copy', 'share', 'qr']) {
    await page.locator(`[data-share-action="${action}"]`).focus();
    expect(await focusIsVisible()).toBe(true);
  }
});
