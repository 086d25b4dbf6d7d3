/**
 * The panels keep the focus as a dialog does (issue 24), with the keyboard in Chromium: the share
 * panel and the reading settings open on their first control (关闭, not 复制链接 past 关闭 and the
 * link), Tab and Shift+Tab go round their controls and never on to the page behind, and closing
 * gives the focus back to what opened them. tests/engines/panels.spec.ts does the same in Firefox
 * and WebKit.
 */
import { expect, test, type Page } from '@playwright/test';

/** What has the focus: its tag, class and text (or value), briefly. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name = element instanceof HTMLInputElement ? `${element.type}=${element.value}` : (element.textContent ?? '').trim().slice(0, 8);
    return `${element.closest('#share-panel, #reader-settings')?.id ?? 'page'}: ${element.localName} ${name}`;
  });
}

/** The focus after each of `presses` Tabs (Shift+Tab when `back`), starting where it is. */
async function tabRound(page: Page, presses: number, back = false) {
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    seen.push(await focused(page));
  }
  return seen;
}

test('the share panel: opens on 关闭, Tab goes round its controls only, Shift+Tab too, Escape returns to the permalink', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/why-deepseek/');
  const permalink = page.locator('[id="why-deepseek-2"] > a.permalink');
  await permalink.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('#share-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.share-close')).toBeFocused();
  // 关闭, the link, 复制链接, (分享… only with a share sheet), 显示二维码, 生成图片: then 关闭 again.
  const stops = await panel.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('button, input')].filter((control) => !control.closest('[hidden]') && control.getClientRects().length).length,
  );
  const forward = await tabRound(page, stops);
  expect(forward.every((stop) => stop.startsWith('share-panel:')), forward.join(' → ')).toBe(true);
  expect(forward[0]).toMatch(/^share-panel: input url=/);
  expect(forward.at(-1)).toMatch(/^share-panel: button 关闭/);
  const backward = await tabRound(page, stops, true);
  expect(backward.every((stop) => stop.startsWith('share-panel:')), backward.join(' → ')).toBe(true);
  expect(backward.at(-1)).toMatch(/^share-panel: button 关闭/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(permalink).toBeFocused();
});

test('the share panel opened with the pointer gives the focus back to its permalink when closed with 关闭', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/why-deepseek/');
  const block = page.locator('[id="why-deepseek-2"]');
  await block.hover();
  await block.locator(':scope > a.permalink').click();
  const panel = page.locator('#share-panel');
  await expect(panel.locator('.share-close')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(block.locator(':scope > a.permalink')).toBeFocused();
});

test('the reading settings: open on 关闭, Tab goes round 关闭 and each group’s choice, never to the page; Escape returns to Aa', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/why-deepseek/');
  const button = page.locator('.site-header .settings-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('#reader-settings');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.settings-close')).toBeFocused();
  // 关闭, then theme, text size and writing mode (one stop a group), then 关闭 again.
  expect(await tabRound(page, 4)).toEqual([
    'reader-settings: input radio=system',
    'reader-settings: input radio=medium',
    'reader-settings: input radio=horizontal',
    'reader-settings: button 关闭',
  ]);
  expect(await tabRound(page, 2, true)).toEqual(['reader-settings: input radio=horizontal', 'reader-settings: input radio=medium']);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
});
