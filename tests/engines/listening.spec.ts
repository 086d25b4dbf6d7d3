/**
 * Listening (issue 20) in Chromium, Firefox and WebKit, with the scripted stand-in for
 * speechSynthesis (tests/support/speech-stand-in.ts) installed after each page loads, and real
 * clicks: the sequence and its highlight, scrolling along and 回到朗读处, the controls, speed and
 * voice remembered, continuing past a section, an error mid-way, and where listening cannot start;
 * the highlight without the Highlight API (an older engine); and the engines' own speech: Firefox
 * through speech-dispatcher and espeak-ng, into an audio sink that needs no sound device, and
 * WebKitGTK with the voices it lists.
 *
 * One file of about 270 lines: the same player in each engine, and the engines' own speech beside it.
 */
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strings } from '../../src/core/strings';
import { ENGINES, openEngine, waitFor, type EnginePage } from '../support/engines';
import {
  ONE_ZH_CN_VOICE,
  failUtterance,
  finishUtterance,
  highlightedWords,
  installSpeechStandIn,
  speechLog,
  type StandInLog,
  type StandInOptions,
} from '../support/speech-stand-in';
import { expect, test } from './fixtures';

const t = strings.listening;

async function openWithSpeech(page: EnginePage, path: string, options: StandInOptions = { voices: ONE_ZH_CN_VOICE }) {
  await page.open(path, { width: 1024, height: 700 });
  await page.run((win) => win.localStorage.clear());
  await page.run(installSpeechStandIn, options);
}

const log = (page: EnginePage) => page.run(speechLog);

/** Waits until `count` utterances have started in all, and gives the stand-in's record. */
async function startedCount(page: EnginePage, count: number): Promise<StandInLog> {
  return waitFor(page, (win, n) => {
    const { log } = (win as unknown as { __speechStandIn: { log: StandInLog } }).__speechStandIn;
    return log.started.length >= n ? JSON.parse(JSON.stringify(log)) : null;
  }, count);
}

const said = (entry: StandInLog) => entry.queued[entry.started.at(-1)!]!.text;
const button = (action: string) => `.listen-player [data-listen-action="${action}"]`;
const status = (page: EnginePage) => page.run((win) => win.document.querySelector('.listen-player .listen-status')?.textContent ?? null);

for (const engine of ENGINES) {
  test.describe(`listening in ${engine}`, () => {
    test('the sequence, each sentence highlighted as it starts, within 120 characters and in a Chinese lang', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/');
      await page.click('.listen-button');
      let entry = await startedCount(page, 1);
      expect(entry.queued.length).toBeGreaterThan(60);
      for (const utterance of entry.queued) {
        expect(utterance.lang).toMatch(/^(zh|cmn)/);
        expect(utterance.text.length).toBeLessThanOrEqual(120);
      }
      expect(await page.run(highlightedWords)).toBe(entry.queued[0]!.text);
      await page.run(finishUtterance, 1);
      entry = await startedCount(page, 2);
      expect(said(entry)).toMatch(/^在2023年新年/);
      expect(await waitFor(page, (win) => win.document.querySelector('.listen-caption')?.textContent)).toMatch(/^在2023年新年/);
      expect(await page.run(highlightedWords)).toMatch(/^在2023年新年/);
      expect(await status(page)).toBe(t.playing);
    });

    test('the page scrolls along; scrolled away, 回到朗读处 brings the place back', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/');
      await page.click('.listen-button');
      const entry = await startedCount(page, 1);
      const target = entry.queued.findIndex((utterance) => utterance.text === '中美科技竞争新启发');
      await page.run(finishUtterance, target);
      await startedCount(page, target + 1);
      const inView = (win: Window) => {
        const rect = win.document.getElementById('us-china-tech')!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= win.document.querySelector('.listen-player')!.getBoundingClientRect().top;
      };
      await waitFor(page, inView);
      await page.run((win) => win.scrollTo(0, 0));
      await waitFor(page, (win) => !win.document.querySelector<HTMLElement>('.listen-back')!.hidden);
      await page.click(button('back'));
      await waitFor(page, inView);
      await waitFor(page, (win) => win.document.querySelector<HTMLElement>('.listen-back')!.hidden);
    });

    test('the controls: pause cancels, resume says the sentence again, previous, next, next paragraph, stop', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/');
      await page.click('.listen-button');
      await startedCount(page, 1);
      await page.run(finishUtterance, 2);
      let entry = await startedCount(page, 3);
      expect(said(entry)).toMatch(/^就在美国科技公司/);
      await page.click(button('toggle'));
      await waitFor(page, (win, paused) => win.document.querySelector('.listen-status')?.textContent === paused, t.paused);
      expect((await log(page)).cancels).toBeGreaterThan(entry.cancels);
      const queued = (await log(page)).queued.length;
      await page.click(button('toggle'));
      entry = await startedCount(page, 4);
      expect(entry.queued[queued]!.text).toMatch(/^就在美国科技公司/);
      await page.click(button('previous'));
      entry = await startedCount(page, 5);
      expect(said(entry)).toMatch(/^在2023年新年/);
      await page.click(button('next'));
      entry = await startedCount(page, 6);
      expect(said(entry)).toMatch(/^就在美国科技公司/);
      await page.click(button('next-paragraph'));
      entry = await startedCount(page, 7);
      expect(said(entry)).toBe('如何看待DeepSeek热潮，这对普通中产又意味着什么？');
      await page.click(button('stop'));
      await waitFor(page, (win) => !win.document.querySelector('.listen-player'));
      expect(await page.run(highlightedWords)).toBeNull();
    });

    test('speed and voice, remembered with the reader settings and used on the next page', async ({ open }) => {
      const page = await open(engine);
      const voices = [{ name: '婷婷', lang: 'zh-CN' }, { name: '美佳', lang: 'zh-TW' }];
      await openWithSpeech(page, '/', { voices });
      await page.click('.listen-button');
      await startedCount(page, 1);
      await page.run((win) => {
        for (const [setting, value] of [['rate', '1.25'], ['voice', 'stand-in:美佳']]) {
          const select = win.document.querySelector<HTMLSelectElement>(`[data-listen-setting="${setting}"]`)!;
          select.value = value!;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      expect((await log(page)).queued.at(-1)).toMatchObject({ voice: '美佳', rate: 1.25 });
      await page.open('/facing-ai/', { width: 1024, height: 700 });
      await page.run(installSpeechStandIn, { voices });
      await page.click('.listen-button');
      const entry = await startedCount(page, 1);
      expect(entry.queued[0]).toMatchObject({ voice: '美佳', rate: 1.25, text: '普通人如何面对AI热潮' });
    });

    test('on a section page, listening goes on into the next sections and ends with the note', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/why-deepseek/');
      await page.click('.listen-button');
      await startedCount(page, 1);
      const entry = await waitFor(page, (win) => {
        const { log } = (win as unknown as { __speechStandIn: { log: StandInLog } }).__speechStandIn;
        return log.queued.some((utterance) => utterance.text.startsWith('注：本文')) ? JSON.parse(JSON.stringify(log)) : null;
      });
      const texts = entry.queued.map((utterance: { text: string }) => utterance.text);
      expect(texts[0]).toBe('DeepSeek为何那么惊艳');
      expect(texts).toContain('中美科技竞争新启发');
      expect(texts).toContain('普通人如何面对AI热潮');
      expect(texts.at(-1)).toMatch(/^注：本文/);
      const next = texts.indexOf('中美科技竞争新启发');
      await page.run(finishUtterance, next);
      await startedCount(page, next + 1);
      expect(await waitFor(page, (win) => !win.document.querySelector<HTMLElement>('.listen-where')!.hidden && win.document.querySelector('.listen-caption')!.textContent)).toBe('中美科技竞争新启发');
      await page.run(finishUtterance, texts.length - 1 - next);
      await startedCount(page, texts.length);
      expect(await page.run(highlightedWords)).toMatch(/^注：本文/);
    });

    test('an error in the middle pauses there and says so; 继续 starts that sentence again', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/');
      await page.click('.listen-button');
      await startedCount(page, 1);
      await page.run(finishUtterance, 1);
      await startedCount(page, 2);
      await page.run(failUtterance, 'synthesis-failed');
      expect(await waitFor(page, (win) => win.document.querySelector('.listen-status')?.textContent?.includes('朗读中断') && win.document.querySelector('.listen-toggle')!.textContent)).toBe(t.resume);
      const queued = (await log(page)).queued.length;
      await page.click(button('toggle'));
      const entry = await startedCount(page, 3);
      expect(entry.queued[queued]!.text).toMatch(/^在2023年新年/);
    });

    test('no speechSynthesis, or no Chinese voice: one line says so, no player', async ({ open }) => {
      const page = await open(engine);
      await openWithSpeech(page, '/', { unavailable: true });
      await page.click('.listen-button');
      expect(await waitFor(page, (win) => win.document.getElementById('listen-note')?.textContent)).toBe(t.unavailable);
      expect(await page.run((win) => win.document.querySelector('.listen-player'))).toBeNull();
      await openWithSpeech(page, '/', { voices: [{ name: 'Samantha', lang: 'en-US' }] });
      await page.click('.listen-button');
      expect(await waitFor(page, (win) => win.document.getElementById('listen-note')?.textContent)).toBe(t.noVoice);
      expect(await page.run((win) => win.document.querySelector('.listen-player'))).toBeNull();
    });
  });
}

test('listening in chromium-older: without the Highlight API the sentence is a <mark>, the text unchanged', async ({ open }) => {
  const page = await open('chromium-older');
  await openWithSpeech(page, '/');
  const before = await page.run((win) => win.document.querySelector('.essay')!.textContent);
  await page.click('.listen-button');
  await startedCount(page, 1);
  expect(await page.run((win) => win.document.querySelectorAll('mark[data-mark="listening"]').length)).toBeGreaterThan(0);
  expect(await page.run(highlightedWords)).toBe('年年岁岁花相似，年年岁岁人不同，也适用于AI界。');
  expect(await page.run((win) => win.document.querySelector('.essay')!.textContent)).toBe(before);
  await page.click(button('stop'));
  await waitFor(page, (win) => !win.document.querySelector('mark[data-mark="listening"]'));
});

/**
 * Firefox's own speech, as on a Linux desktop: speech-dispatcher, started by Firefox, with espeak-ng,
 * playing through libao's null driver (the machine has no sound device; with the default sink,
 * PulseAudio, `start` came and `end` never did). The player must pick a real Mandarin voice and be heard:
 * `start`, then `end` and the next sentence.
 */
test('listening in firefox with its real voices: speech-dispatcher lists cmn voices, the player picks one, start and end fire', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const missing = ['/usr/bin/speech-dispatcher', '/usr/bin/espeak-ng', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'].filter((path) => !existsSync(path));
  expect(missing, 'apt-get install -y speech-dispatcher espeak-ng speech-dispatcher-espeak-ng').toEqual([]);
  const home = mkdtempSync(join(tmpdir(), 'listening-speechd-'));
  mkdirSync(join(home, '.config/speech-dispatcher'), { recursive: true });
  mkdirSync(join(home, 'run'), { mode: 0o700 });
  writeFileSync(join(home, '.config/speech-dispatcher/speechd.conf'), ['AudioOutputMethod "libao"', 'DefaultModule espeak-ng', ''].join('\n'));
  writeFileSync(join(home, '.libao'), 'default_driver=null\n');
  const page = await openEngine('firefox', { browser, baseURL: baseURL! }, { env: { HOME: home, XDG_RUNTIME_DIR: join(home, 'run') } });
  try {
    await page.open('/', { width: 1024, height: 700 });
    // Watch the real engine: every utterance the page queues, and its events.
    await page.run((win) => {
      const synth = win.speechSynthesis;
      const events: string[] = [];
      const speak = synth.speak.bind(synth);
      synth.speak = (utterance: SpeechSynthesisUtterance) => {
        const n = events.filter((event) => event.startsWith('queued')).length;
        events.push(`queued ${n} ${utterance.lang} ${utterance.voice?.name ?? ''}`);
        for (const type of ['start', 'end', 'error']) utterance.addEventListener(type, (event) => events.push(`${type} ${n} ${(event as SpeechSynthesisErrorEvent).error ?? ''}`.trim()));
        speak(utterance);
      };
      (win as unknown as { __events: string[] }).__events = events;
    });
    const voices = await waitFor(page, (win) => {
      const list = win.speechSynthesis.getVoices().filter((voice) => /^cmn$/i.test(voice.lang));
      return list.length ? list.map((voice) => voice.name) : null;
    });
    expect(voices).toContain('Chinese (Mandarin, latin as English)');
    await page.click('.listen-button');
    const events = await waitFor(page, (win) => {
      const list = (win as unknown as { __events: string[] }).__events;
      return list.includes('start 1') || list.some((event) => event.startsWith('error')) ? list : null;
    });
    const queued = events.filter((event) => event.startsWith('queued'));
    expect(queued[0]).toMatch(/^queued 0 cmn Chinese \(Mandarin/);
    expect(events.filter((event) => event.startsWith('error'))).toEqual([]);
    expect(events).toEqual(expect.arrayContaining(['start 0', 'end 0', 'start 1']));
    expect(await page.run((win) => win.document.querySelector('.listen-status')?.textContent)).toBe(t.playing);
    await page.click(button('stop'));
  } finally {
    await page.close();
  }
});

/**
 * WebKitGTK's own speech, as it is: MiniBrowser lists the voices its synthesizer has (here flite's
 * four, all en-US). Without a Chinese one the control says so in one line; with one, the player
 * starts.
 */
test('listening in webkit with its real voices: the player with a Chinese voice, else the one line', async ({ open }) => {
  const page = await open('webkit');
  await page.open('/', { width: 1024, height: 700 });
  const chinese = await waitFor(page, async (win) => {
    for (let i = 0; i < 20 && !win.speechSynthesis.getVoices().length; i++) await new Promise((resolve) => setTimeout(resolve, 250));
    return { count: win.speechSynthesis.getVoices().filter((voice) => /^(zh|cmn|yue)/i.test(voice.lang)).length };
  });
  await page.click('.listen-button');
  if (chinese.count) await waitFor(page, (win) => win.document.querySelector('.listen-player .listen-status')?.textContent);
  else expect(await waitFor(page, (win) => win.document.getElementById('listen-note')?.textContent)).toBe(t.noVoice);
  await page.run((win) => win.document.querySelector<HTMLElement>('.listen-player [data-listen-action="stop"]')?.click());
});
