/**
 * Listening (issue 20) in Chromium, with a scripted stand-in for speechSynthesis
 * (tests/support/speech-stand-in.ts; headless Chromium lists no voice of its own): the outside
 * check's contract, the sequence and its highlight, scrolling along and 回到朗读处, every control,
 * speed and voice remembered, continuing past a section, 从这里听, the Traditional edition, and
 * the cases where listening cannot start or stops with an error.
 *
 * One file of about 360 lines: every test drives the same player through the same stand-in.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strings } from '../../src/core/strings';
import { fill } from '../../src/core/fill';
import { expectedBlocks, readEssayContent, rebuildOriginal } from '../support/essay-content';
import {
  ONE_ZH_CN_VOICE,
  failUtterance,
  finishUtterance,
  highlightedWords,
  installSpeechStandIn,
  speechLog,
  type StandInOptions,
} from '../support/speech-stand-in';

const t = strings.listening;
const blocks = expectedBlocks(rebuildOriginal(readEssayContent()));
const squeeze = (text: string) => text.replace(/\s+/g, '');

const probe = <A extends unknown[], R>(page: Page, fn: (win: Window, ...args: A) => R | Promise<R>, ...args: A): Promise<R> =>
  page.evaluate(`(${fn.toString()})(window, ...${JSON.stringify(args)})`) as Promise<R>;

async function openWithSpeech(page: Page, path: string, options: StandInOptions = { voices: ONE_ZH_CN_VOICE }) {
  await page.goto(path);
  await probe(page, installSpeechStandIn, options);
}

const log = (page: Page) => probe(page, speechLog);
const finish = (page: Page, count = 1) => probe(page, finishUtterance, count);
const highlighted = (page: Page) => probe(page, highlightedWords);
const player = (page: Page) => page.getByRole('region', { name: t.player });
const control = (page: Page, name: string) => player(page).getByRole('button', { name, exact: true });

/** The utterances queued since the last `cancel()`: what the engine is now set to say. */
async function queuedNow(page: Page) {
  const { queued } = await log(page);
  return queued;
}

async function startedText(page: Page) {
  const { queued, started } = await log(page);
  return started.length ? queued[started.at(-1)!]!.text : null;
}

/** Presses a listen button and waits for the first utterance to start (the player loads on first use). */
async function listen(page: Page, name: string = t.listen) {
  const before = (await log(page)).started.length;
  await page.getByRole('button', { name, exact: true }).click();
  await expect.poll(async () => (await log(page)).started.length).toBeGreaterThan(before);
}

test.describe('the contract for an outside check', () => {
  test('on /, a visible button named with 听 queues every paragraph, in order, in utterances of at most 120 characters, the first highlighted', async ({ page }) => {
    await openWithSpeech(page, '/');
    const button = page.getByRole('button', { name: /听/ }).first();
    await expect(button).toBeVisible();
    await button.click();
    await expect.poll(async () => (await log(page)).started.length).toBeGreaterThan(0);
    const { queued } = await log(page);
    for (const utterance of queued) {
      expect(utterance.lang).toMatch(/^(zh|cmn)/);
      expect(utterance.text.length).toBeLessThanOrEqual(120);
    }
    const joined = squeeze(queued.map((utterance) => utterance.text).join(''));
    let at = 0;
    for (const block of blocks) {
      const found = joined.indexOf(squeeze(block.text), at);
      expect(found, block.text.slice(0, 30)).toBeGreaterThanOrEqual(0);
      at = found + squeeze(block.text).length;
    }
    // Nothing else: the text said is the essay's, without generated spaces or interface words.
    expect(joined).toBe(squeeze(blocks.map((block) => block.text).join('')));
    expect(await highlighted(page)).toBe(queued[0]!.text);
  });
});

test.describe('listening in Chromium', () => {
  test('the sequence: each sentence highlighted as it starts, the status said aloud, 全文读完了 at the end', async ({ page }) => {
    await openWithSpeech(page, '/');
    await listen(page);
    await expect(player(page).getByRole('status')).toHaveText(t.playing);
    await expect.poll(() => highlighted(page)).toBe('年年岁岁花相似，年年岁岁人不同，也适用于AI界。');
    await finish(page);
    await expect.poll(() => highlighted(page)).toMatch(/^在2023年新年/);
    expect(await startedText(page)).toMatch(/^在2023年新年/);
    await expect(player(page).locator('.listen-caption')).toHaveText(/^在2023年新年/);
    // Media Session: what a lock screen or headset shows, where the engine shows it for speech.
    expect(await page.evaluate(() => ({ ...navigator.mediaSession.metadata && { title: navigator.mediaSession.metadata.title, artist: navigator.mediaSession.metadata.artist }, state: navigator.mediaSession.playbackState }))).toEqual({
      title: '如何看待DeepSeek热潮，这对普通中产又意味着什么？',
      artist: '徐瑾',
      state: 'playing',
    });
    // To the end: the author's note last.
    const total = (await log(page)).queued.length;
    await finish(page, total - 2);
    await expect.poll(() => highlighted(page)).toMatch(/^注：本文/);
    await finish(page);
    await expect(player(page).getByRole('status')).toHaveText(t.finished);
    await expect(control(page, t.listen)).toBeVisible();
  });

  test('the page scrolls along; scrolled away, 回到朗读处 brings the place back', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await openWithSpeech(page, '/');
    await listen(page);
    await expect.poll(() => highlighted(page)).not.toBeNull();
    // Read on to the second section.
    const { queued } = await log(page);
    const target = queued.findIndex((utterance) => utterance.text.startsWith('中美科技竞争新启发'));
    await finish(page, target);
    await expect.poll(() => highlighted(page)).toBe('中美科技竞争新启发');
    const inView = () =>
      page.evaluate(() => {
        const rect = document.getElementById('us-china-tech')!.getBoundingClientRect();
        const playerTop = document.querySelector('.listen-player')!.getBoundingClientRect().top;
        return rect.top >= 0 && rect.bottom <= playerTop;
      });
    await expect.poll(inView).toBe(true);
    const back = control(page, t.backToPlace);
    await expect(back).toBeHidden();
    // The reader scrolls back to the top.
    await page.evaluate(() => scrollTo(0, 0));
    await expect(back).toBeVisible();
    await expect.poll(inView).toBe(false);
    // Listening goes on meanwhile.
    await finish(page);
    await expect.poll(() => highlighted(page)).toMatch(/^DeepSeek的成功，不仅/);
    await back.click();
    await expect.poll(() => page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('listening')!][0]!;
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= document.querySelector('.listen-player')!.getBoundingClientRect().top;
    })).toBe(true);
    await expect(back).toBeHidden();
  });

  test('in vertical layout (竖排) the essay scrolls sideways along with the voice', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto('/us-china-tech/');
    await page.evaluate(() => localStorage.setItem('essay-reader-settings', JSON.stringify({ writing: 'vertical' })));
    await openWithSpeech(page, '/us-china-tech/');
    await listen(page);
    const { queued } = await log(page);
    await finish(page, queued.findIndex((utterance) => utterance.text.startsWith('回顾中美贸易战')));
    await expect.poll(() => highlighted(page)).toMatch(/^回顾中美贸易战/);
    await expect.poll(() => page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('listening')!][0]!;
      const rect = range.getBoundingClientRect();
      return rect.left >= 0 && rect.right <= innerWidth;
    })).toBe(true);
    // It was not in view at the start: the essay scrolled (its scrollLeft runs from 0 to negative).
    expect(await page.evaluate(() => document.querySelector('.essay')!.scrollLeft)).toBeLessThan(0);
  });

  test('every control: pause and resume (cancel and the same sentence again), previous, next, next paragraph, stop', async ({ page }) => {
    await openWithSpeech(page, '/');
    await listen(page);
    await expect(control(page, t.pause)).toBeFocused();
    await finish(page, 2);
    await expect.poll(() => startedText(page)).toMatch(/^就在美国科技公司/);

    const cancels = (await log(page)).cancels;
    await page.keyboard.press('Enter'); // the focused 暂停
    await expect(player(page).getByRole('status')).toHaveText(t.paused);
    expect((await log(page)).cancels).toBe(cancels + 1);
    await expect(control(page, t.resume)).toBeFocused();
    const before = (await queuedNow(page)).length;
    await page.keyboard.press('Space');
    await expect(player(page).getByRole('status')).toHaveText(t.playing);
    let { queued } = await log(page);
    expect(queued[before]!.text).toMatch(/^就在美国科技公司/);

    await control(page, t.previous).click();
    await expect.poll(() => startedText(page)).toMatch(/^在2023年新年/);
    await control(page, t.next).click();
    await expect.poll(() => startedText(page)).toMatch(/^就在美国科技公司/);
    await control(page, t.nextParagraph).click();
    await expect.poll(() => startedText(page)).toBe('如何看待DeepSeek热潮，这对普通中产又意味着什么？');
    await control(page, t.nextParagraph).click();
    await expect.poll(() => startedText(page)).toBe('DeepSeek为何那么惊艳');
    await expect.poll(() => highlighted(page)).toBe('DeepSeek为何那么惊艳');

    // Paused, previous and next move the place without speaking.
    await control(page, t.pause).click();
    queued = await queuedNow(page);
    await control(page, t.next).click();
    await expect.poll(() => highlighted(page)).toMatch(/^DeepSeek引发的关注/);
    expect((await queuedNow(page)).length).toBe(queued.length);

    await control(page, t.stop).click();
    await expect(player(page)).toHaveCount(0);
    expect(await highlighted(page)).toBeNull();
    await expect(page.getByRole('button', { name: t.listen })).toBeFocused();
    expect((await log(page)).speaking).toBeNull();
  });

  test('speed and voice: chosen, used at once, remembered with the other reader settings', async ({ page }) => {
    const voices = [
      { name: '婷婷', lang: 'zh-CN' },
      { name: '美佳', lang: 'zh-TW' },
      { name: 'Samantha', lang: 'en-US' },
    ];
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('essay-reader-settings', JSON.stringify({ theme: 'dark' })));
    await openWithSpeech(page, '/', { voices });
    await listen(page);
    const voice = player(page).getByLabel(t.voice);
    // The device's Chinese voices only, the mainland's first for 简体.
    await expect(voice.locator('option')).toHaveText(['婷婷 · zh-CN', '美佳 · zh-TW']);
    expect((await queuedNow(page))[0]).toMatchObject({ voice: '婷婷', lang: 'zh-CN', rate: 1 });
    await player(page).getByLabel(t.speed).selectOption('1.5');
    await expect.poll(async () => (await queuedNow(page)).at(-1)?.rate).toBe(1.5);
    await voice.selectOption({ label: '美佳 · zh-TW' });
    await expect.poll(async () => (await queuedNow(page)).at(-1)?.voice).toBe('美佳');
    const last = (await queuedNow(page)).at(-1)!;
    expect(last).toMatchObject({ lang: 'zh-TW', rate: 1.5 });
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('essay-reader-settings')!))).toEqual({
      theme: 'dark',
      listeningRate: 1.5,
      listeningVoice: 'stand-in:美佳',
    });

    // Another page, another day: the same speed and voice; the theme kept by the settings panel too.
    await openWithSpeech(page, '/facing-ai/', { voices });
    await listen(page);
    expect((await queuedNow(page))[0]).toMatchObject({ voice: '美佳', rate: 1.5 });
    await expect(player(page).getByLabel(t.speed)).toHaveValue('1.5');
    await page.locator('.settings-button').click();
    await page.getByLabel(strings.settings.textSize.options.large, { exact: true }).check();
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('essay-reader-settings')!))).toMatchObject({
      theme: 'dark',
      textSize: 'large',
      listeningRate: 1.5,
      listeningVoice: 'stand-in:美佳',
    });
  });

  test('on a section page, listening goes on past its end: the next sections and the note, from the full essay', async ({ page }) => {
    await openWithSpeech(page, '/us-china-tech/');
    await page.getByRole('button', { name: t.listen }).click();
    await expect.poll(async () => (await log(page)).queued.some((utterance) => utterance.text.startsWith('普通人如何面对AI热潮'))).toBe(true);
    const { queued } = await log(page);
    expect(queued[0]!.text).toBe('中美科技竞争新启发');
    expect(queued.at(-1)!.text).toMatch(/^注：本文/);
    // Nothing before the section, each sentence once.
    expect(queued.some((utterance) => utterance.text.startsWith('DeepSeek为何'))).toBe(false);
    expect(new Set(queued.map((utterance) => utterance.text)).size).toBe(queued.length);
    const next = queued.findIndex((utterance) => utterance.text === '普通人如何面对AI热潮');
    await finish(page, next);
    // Beyond the page: the player shows the words and where they are; no highlight on this page.
    await expect(player(page).locator('.listen-caption')).toHaveText('普通人如何面对AI热潮');
    await expect(player(page).locator('.listen-where')).toHaveText(fill(t.offPage, { section: '普通人如何面对AI热潮' }));
    expect(await highlighted(page)).toBeNull();
    await finish(page, queued.length - 1 - next);
    // The note is on this page again.
    await expect.poll(() => highlighted(page)).toMatch(/^注：本文/);
    await expect(player(page).locator('.listen-where')).toBeHidden();
  });

  test('从这里听 in the share panel starts at its paragraph', async ({ page }) => {
    await openWithSpeech(page, '/why-deepseek/');
    const block = page.locator('#why-deepseek-3');
    await block.hover();
    await block.locator(':scope > a.permalink').click();
    const panel = page.locator('#share-panel');
    await panel.getByRole('button', { name: t.listenHere }).click();
    await expect(panel).toBeHidden();
    await expect.poll(() => highlighted(page)).toBe('这种性价比，不仅对于用户来说意味着更好的体验，更是对于业界带来了全新冲击。');
    expect((await queuedNow(page))[0]!.text).toMatch(/^这种性价比/);
  });

  test('繁體: 聽全文, the Taiwan voice first, the Traditional text said', async ({ page }) => {
    await openWithSpeech(page, '/zh-hant/', { voices: [{ name: '婷婷', lang: 'zh-CN' }, { name: 'Sin-ji', lang: 'zh-HK' }, { name: '美佳', lang: 'zh-TW' }] });
    await listen(page, '聽全文');
    const first = (await queuedNow(page))[0]!;
    expect(first).toMatchObject({ voice: '美佳', lang: 'zh-TW' });
    expect(first.text).toBe('年年歲歲花相似，年年歲歲人不同，也適用於AI界。');
    await expect(page.getByRole('region', { name: '朗讀' }).getByRole('button', { name: '暫停' })).toBeVisible();
  });

  test('voices listed late (voiceschanged) still start; cmn tags as Firefox on Linux gives them count', async ({ page }) => {
    await openWithSpeech(page, '/', { voices: [{ name: 'Chinese (Mandarin, latin as Pinyin)', lang: 'cmn-latn-pinyin' }, { name: 'Chinese (Mandarin)', lang: 'cmn' }], voicesLate: 400 });
    await page.getByRole('button', { name: t.listen }).click();
    await expect.poll(async () => (await queuedNow(page)).length).toBeGreaterThan(0);
    expect((await queuedNow(page))[0]).toMatchObject({ voice: 'Chinese (Mandarin)', lang: 'cmn' });
  });

  test('an error in the middle: paused there, said so, and 继续 starts that sentence again', async ({ page }) => {
    await openWithSpeech(page, '/');
    await listen(page);
    await finish(page, 2);
    await expect.poll(() => startedText(page)).toMatch(/^就在美国科技公司/);
    await probe(page, failUtterance, 'synthesis-failed');
    await expect(player(page).getByRole('status')).toContainText(t.error);
    await expect(control(page, t.resume)).toBeVisible();
    expect(await highlighted(page)).toMatch(/^就在美国科技公司/);
    const before = (await queuedNow(page)).length;
    await control(page, t.resume).click();
    expect((await queuedNow(page))[before]!.text).toMatch(/^就在美国科技公司/);
    await expect(player(page).getByRole('status')).toHaveText(t.playing);
  });

  test('a voice that fails before its first word is replaced by the next one', async ({ page }) => {
    await openWithSpeech(page, '/', { voices: [{ name: '坏的', lang: 'zh-CN' }, { name: '好的', lang: 'zh-CN' }], failingVoices: ['坏的'] });
    await listen(page);
    const { queued, started } = await log(page);
    expect(queued[started[0]!]).toMatchObject({ voice: '好的', text: '年年岁岁花相似，年年岁岁人不同，也适用于AI界。' });
    await expect(player(page).getByRole('status')).toHaveText(t.playing);
    await expect(player(page).getByLabel(t.voice)).toHaveValue('stand-in:好的');
  });

  test('no speechSynthesis (Android WebView, WeChat): one line says so, and nothing else changes', async ({ page }) => {
    await openWithSpeech(page, '/', { unavailable: true });
    const html = await page.locator('main').innerHTML();
    await page.getByRole('button', { name: t.listen }).click();
    await expect(page.getByRole('status').filter({ hasText: t.unavailable })).toBeVisible();
    await expect(player(page)).toHaveCount(0);
    await page.locator('#listen-note').evaluate((note) => note.remove());
    expect(await page.locator('main').innerHTML()).toBe(html);
  });

  test('no Chinese voice on the device: one line says so', async ({ page }) => {
    await openWithSpeech(page, '/', { voices: [{ name: 'Samantha', lang: 'en-US' }] });
    await page.getByRole('button', { name: t.listen }).click();
    await expect(page.getByRole('status').filter({ hasText: t.noVoice })).toBeVisible();
    await expect(player(page)).toHaveCount(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the player and the highlight pass axe in the ${colorScheme} theme (names, roles, contrast)`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await openWithSpeech(page, '/why-deepseek/', { voices: [{ name: '婷婷', lang: 'zh-CN' }, { name: '美佳', lang: 'zh-TW' }] });
      await listen(page);
      await finish(page, 2);
      await page.evaluate(() => scrollTo(0, 0));
      const { violations } = await new AxeBuilder({ page }).include('.listen-player').include('.essay-kicker').analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }

  test('without JavaScript the buttons stay hidden; the first view loads no player code', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto('/');
    await expect(plain.locator('.listen-button')).toBeHidden();
    await context.close();
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto('/', { waitUntil: 'networkidle' });
    await expect(page.getByRole('button', { name: t.listen })).toBeVisible();
    expect(scripts.filter((url) => /player/.test(url))).toEqual([]);
    await page.close();
  });
});
