/**
 * The panels keep the focus as a dialog does, with the keyboard in Chromium, Firefox and WebKit
 * (issue 24; tests/e2e/panel-focus.spec.ts has the details in Chromium): each opens on its first
 * control, Tab and Shift+Tab go round its controls and never on to the page behind, and Escape
 * gives the focus back to what opened it (which WebKit does not focus on a click).
 */
import { ENGINES, waitFor, type EnginePage } from '../support/engines';
import { expect, test } from './fixtures';

/** Where the focus is: the panel holding it (or `page`), and the control, briefly. */
function focused(win: Window): string {
  const element = win.document.activeElement as HTMLElement | null;
  if (!element || element === win.document.body) return 'body';
  const name = element instanceof HTMLInputElement ? `${element.type}=${element.value}` : (element.textContent ?? '').trim().slice(0, 8);
  return `${element.closest('#share-panel, #reader-settings')?.id ?? 'page'}: ${element.localName} ${name}`;
}

async function tabs(page: EnginePage, presses: number, key = 'Tab') {
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.press(key);
    seen.push(await page.run(focused));
  }
  return seen;
}

for (const engine of ENGINES) {
  test.describe(`panels in ${engine}`, () => {
    test('the share panel: opens on 关闭, Tab and Shift+Tab stay in it, Escape returns to the permalink', async ({ open }) => {
      const page = await open(engine);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.run((win) => win.document.querySelector<HTMLElement>('[id="why-deepseek-2"] > a.permalink')!.focus());
      await page.press('Enter');
      expect(await waitFor(page, (win) => win.document.activeElement?.matches('#share-panel .share-close') || undefined)).toBe(true);
      const stops = await page.run((win) =>
        [...win.document.querySelectorAll<HTMLElement>('#share-panel button, #share-panel input')].filter((control) => !control.closest('[hidden]') && control.getClientRects().length).length,
      );
      const forward = await tabs(page, stops + 1);
      expect(forward.every((stop) => stop.startsWith('share-panel:')), forward.join(' → ')).toBe(true);
      expect(forward[stops - 1]).toMatch(/^share-panel: button 关闭/);
      const backward = await tabs(page, stops + 1, 'Shift+Tab');
      expect(backward.every((stop) => stop.startsWith('share-panel:')), backward.join(' → ')).toBe(true);
      await page.press('Escape');
      expect(await waitFor(page, (win) => win.document.activeElement?.matches('[id="why-deepseek-2"] > a.permalink') || undefined)).toBe(true);
    });

    test('the reading settings: open on 关闭, Tab goes round 关闭 and each group’s choice, Escape returns to Aa', async ({ open }) => {
      const page = await open(engine);
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      await page.run((win) => win.localStorage.clear());
      await page.open('/why-deepseek/', { width: 1024, height: 800 });
      // Opened with the pointer: Firefox's WebDriver BiDi keys do not activate a focused button
      // (no click follows Enter or Space there). Closing gives the focus to Aa all the same.
      await page.click('.site-header .settings-button');
      // The panel's code loads as it first opens, then moves the focus in.
      expect(await waitFor(page, (win) => win.document.activeElement?.matches('#reader-settings .settings-close') || undefined)).toBe(true);
      expect(await tabs(page, 4)).toEqual([
        'reader-settings: input radio=system',
        'reader-settings: input radio=medium',
        'reader-settings: input radio=horizontal',
        'reader-settings: button 关闭',
      ]);
      expect(await tabs(page, 1, 'Shift+Tab')).toEqual(['reader-settings: input radio=horizontal']);
      await page.press('Escape');
      expect(await waitFor(page, (win) => win.document.activeElement?.matches('.site-header .settings-button') || undefined)).toBe(true);
    });
  });
}
