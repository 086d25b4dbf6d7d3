/**
 * Search as Chinese readers type: through an input method, whose letters (pinyin) are composed in
 * the field and become characters when the reader picks a candidate. While the letters are
 * composed, nothing is searched, announced or fetched; the committed characters are searched once.
 *
 * - **chromium**: a real composition, from the engine itself, through the DevTools protocol
 *   (`Input.imeSetComposition` for each letter, `Input.insertText` to commit, keys the input method
 *   takes as keyCode 229 with `Input.dispatchKeyEvent`).
 * - **firefox** and **webkit**: their drivers cannot compose, so the test dispatches the composition
 *   events itself, SCRIPTED TO BEHAVE AS THAT ENGINE DOES, in its order: Firefox's `input` of its own
 *   (isComposing false) after `compositionend`; WebKit's `compositionend` before the keydown of the
 *   Enter (keyCode 229, isComposing false) that commits. A stand-in for the engine's input method,
 *   not the engine's: it checks the page's handling of that order, in that engine's DOM.
 *
 * Measured in the page, so the same in every engine: the Performance API's resource entries for
 * Pagefind's index (`.pf_index`), fragment (`.pf_fragment`) and filter (`.pf_filter`) files, the
 * search's User Timing marks (`search-start`, one a search), and every change to the search's
 * panel (status, results, aria-busy, hidden), by a MutationObserver.
 *
 * One file of about 400 lines: the probes, the two ways of composing and the tests that use them
 * are one vocabulary, and only this file uses it.
 */
import type { CDPSession, Page } from '@playwright/test';
import { strings } from '../../src/core/strings';
import { fill } from '../../src/core/fill';
import { ENGINES, type EngineName, type EnginePage, type Probe } from '../support/engines';
import { expect, test } from './fixtures';

const t = strings.search;
/** 软阶层 as typed with pinyin: the field shows each of these in turn, composed, then the characters. */
const LETTERS = ['r', 'ru', 'rua', 'ruan', "ruan'jie", "ruan'jie'ceng"];
const WORDS = '软阶层';
/** Longer than the typing pause (120 ms): a search that a letter would start has started by then. */
const BETWEEN_LETTERS_MS = 250;

/** A field with the input method, driven in one engine. */
interface Composer {
  readonly engine: EngineName;
  open(path: string): Promise<void>;
  run<A extends unknown[], R>(probe: Probe<A, R>, ...args: A): Promise<R>;
  click(selector: string): Promise<void>;
  /** The letters composed so far (the first call starts the composition). */
  compose(letters: string): Promise<void>;
  /** Enter, taken by the input method: commits `words`. */
  commitWithEnter(words: string): Promise<void>;
  /** Escape, taken by the input method: cancels the composition. */
  cancelWithEscape(): Promise<void>;
  /** `/` pressed while composing (the input method takes it too). */
  slashWhileComposing(): Promise<void>;
  /** Chromium: every request for Pagefind's index, fragment and filter files so far, as the network saw it. */
  readonly requested?: string[];
}

// ---------------------------------------------------------------------------------------------
// Probes: run in the page, so they may not close over anything here.

/** Records every change to the search's panel, tagged with the phase the test is in. */
const record: Probe<[string], boolean> = (win, rootSelector) => {
  const w = win as unknown as { ime: { phase: string; changes: Array<{ phase: string; change: string }> } };
  w.ime = { phase: 'before', changes: [] };
  const root = win.document.querySelector(rootSelector)!;
  new MutationObserver((records) => {
    for (const change of records) {
      const node = change.target as Element;
      const what = change.type === 'attributes' ? `${change.attributeName}=${node.getAttribute(change.attributeName!)}` : change.type;
      w.ime.changes.push({ phase: w.ime.phase, change: `${node.nodeName}.${(node as Element).className ?? ''} ${what}` });
    }
  }).observe(root.querySelector('.search-panel')!, { subtree: true, childList: true, characterData: true, attributes: true });
  return true;
};

const setPhase: Probe<[string], boolean> = (win, phase) => {
  (win as unknown as { ime: { phase: string } }).ime.phase = phase;
  return true;
};

/** What the page shows and has fetched, now. */
const observe: Probe<[string], {
  files: { index: number; fragment: number; filter: number };
  searches: number;
  status: string;
  marks: string[];
  panelHidden: boolean;
  value: string;
  url: string;
  historyLength: number;
  focused: string;
  changes: Array<{ phase: string; change: string }>;
}> = (win, rootSelector) => {
  const doc = win.document;
  const root = doc.querySelector(rootSelector)!;
  const names = win.performance.getEntriesByType('resource').map((entry) => entry.name);
  const count = (suffix: string) => names.filter((name) => new URL(name).pathname.endsWith(suffix)).length;
  return {
    files: { index: count('.pf_index'), fragment: count('.pf_fragment'), filter: count('.pf_filter') },
    searches: win.performance.getEntriesByName('search-start', 'mark').length,
    status: root.querySelector('.search-status')!.textContent ?? '',
    marks: [...root.querySelectorAll('[data-search-results] mark')].map((mark) => mark.textContent ?? ''),
    panelHidden: root.querySelector('.search-panel')!.hasAttribute('hidden'),
    value: root.querySelector('input')!.value,
    url: win.location.href,
    historyLength: win.history.length,
    focused: doc.activeElement?.id || doc.activeElement?.nodeName || '',
    changes: (win as unknown as { ime: { changes: Array<{ phase: string; change: string }> } }).ime.changes,
  };
};

/** The engine has loaded (Pagefind's metadata and WebAssembly), as a focused field makes it. */
const engineLoaded: Probe<[], boolean> = (win) => {
  const names = win.performance.getEntriesByType('resource').map((entry) => entry.name);
  return names.some((name) => name.endsWith('.pf_meta')) && names.some((name) => name.includes('wasm.'));
};

/** The search has settled: results rendered (aria-busy false) with a mark, or a status. */
const settled: Probe<[string], boolean> = (win, rootSelector) => {
  const root = win.document.querySelector(rootSelector)!;
  return root.querySelector('[data-search-results]')!.getAttribute('aria-busy') === 'false' && Boolean(root.querySelector('.search-status')!.textContent);
};

/**
 * The stand-in for Firefox's and WebKit's input methods: dispatches on the focused field the
 * events its engine fires, in its order, and changes the field's value as composing does.
 * `step`: 'compose' (letters), 'commit' (Enter), 'cancel' (Escape), 'slash'.
 */
const scripted: Probe<[EngineName, 'compose' | 'commit' | 'cancel' | 'slash', string], boolean> = (win, engine, step, text) => {
  const doc = win.document;
  const field = doc.activeElement as HTMLInputElement;
  const state = ((win as unknown as { scriptedIme?: { composing: boolean; before: string } }).scriptedIme ??= { composing: false, before: '' });
  const key = (type: string, name: string, keyCode: number, isComposing: boolean) => {
    const event = new KeyboardEvent(type, { key: name, bubbles: true, cancelable: true, isComposing });
    Object.defineProperty(event, 'keyCode', { value: keyCode });
    Object.defineProperty(event, 'which', { value: keyCode });
    field.dispatchEvent(event);
  };
  const composition = (type: string, data: string) => field.dispatchEvent(new CompositionEvent(type, { bubbles: true, data }));
  const input = (isComposing: boolean, data: string | null, inputType: string) =>
    field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing, data, inputType }));
  const update = (value: string, data: string) => {
    composition('compositionupdate', data);
    field.value = value;
    input(true, data, 'insertCompositionText');
  };
  if (step === 'compose' || step === 'slash') {
    const letters = step === 'slash' ? `${text}/` : text;
    key('keydown', 'Process', 229, state.composing);
    if (!state.composing) {
      state.before = field.value;
      composition('compositionstart', '');
      state.composing = true;
    }
    update(state.before + letters, letters);
    key('keyup', step === 'slash' ? '/' : letters.slice(-1), step === 'slash' ? 191 : 0, true);
    return true;
  }
  const [keyName, keyCode] = step === 'commit' ? ['Enter', 13] : ['Escape', 27];
  const value = step === 'commit' ? state.before + text : state.before;
  const data = step === 'commit' ? text : '';
  if (engine === 'webkit') {
    // WebKit: the composition ends before the key that ended it is dispatched.
    update(value, data);
    composition('compositionend', data);
    state.composing = false;
    key('keydown', keyName, 229, false);
  } else {
    // Firefox: the key first, then the composition's end, then an input event of its own.
    key('keydown', keyName, 229, true);
    update(value, data);
    composition('compositionend', data);
    state.composing = false;
    input(false, data, 'insertCompositionText');
  }
  key('keyup', keyName, keyCode, false);
  return true;
};

// ---------------------------------------------------------------------------------------------
// The composers.

function chromiumComposer(page: Page, cdp: Promise<CDPSession>): Composer {
  // IME keys reach the page as keyCode 229 (VK_PROCESS), with the key's own name.
  const imeKey = async (key: string, code: string, keyCode: number) => {
    const session = await cdp;
    await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    return () => session.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode });
  };
  const requested: string[] = [];
  page.on('request', (request) => {
    if (/\.pf_(index|fragment|filter)$/.test(new URL(request.url()).pathname)) requested.push(request.url());
  });
  return {
    engine: 'chromium',
    requested,
    async open(path) {
      await page.setViewportSize({ width: 1024, height: 800 });
      await page.goto(path);
    },
    run(probe, ...args) {
      return page.evaluate(`(${probe.toString()})(window, ...${JSON.stringify(args)})`);
    },
    click: (selector) => page.click(selector),
    async compose(letters) {
      const keyUp = await imeKey('Process', '', 229);
      await (await cdp).send('Input.imeSetComposition', { text: letters, selectionStart: letters.length, selectionEnd: letters.length });
      await keyUp();
    },
    async commitWithEnter(words) {
      const keyUp = await imeKey('Enter', 'Enter', 13);
      await (await cdp).send('Input.insertText', { text: words });
      await keyUp();
    },
    async cancelWithEscape() {
      const keyUp = await imeKey('Escape', 'Escape', 27);
      // An empty composition ends it, leaving the field as it was before.
      await (await cdp).send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
      await keyUp();
    },
    async slashWhileComposing() {
      const keyUp = await imeKey('/', 'Slash', 191);
      await keyUp();
    },
  };
}

function scriptedComposer(page: EnginePage): Composer {
  let letters = '';
  return {
    engine: page.engine,
    open: (path) => page.open(path, { width: 1024, height: 800 }),
    run: (probe, ...args) => page.run(probe, ...args),
    click: (selector) => page.click(selector),
    async compose(next) {
      letters = next;
      await page.run(scripted, page.engine, 'compose', next);
    },
    commitWithEnter: (words) => page.run(scripted, page.engine, 'commit', words).then(() => undefined),
    cancelWithEscape: () => page.run(scripted, page.engine, 'cancel', '').then(() => undefined),
    slashWhileComposing: () => page.run(scripted, page.engine, 'slash', letters).then(() => undefined),
  };
}

/** Runs a probe until it returns something truthy (as tests/support/engines.ts's waitFor). */
async function until<A extends unknown[], R>(composer: Composer, probe: Probe<A, R>, ...args: A): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await composer.run(probe, ...args).catch(() => undefined))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting in ${composer.engine} for ${probe.toString()}`);
    await pause(100);
  }
}

/**
 * Focusing the header's field loads the engine (allowed: nothing of a query). Firefox's window has
 * no focus under its driver, so no focus event: there the engine loads with the first search, and
 * the composition starts before the search's code has loaded (src/search/client/loader.ts hands it on).
 */
async function engineOnFocus(composer: Composer) {
  if (composer.engine !== 'firefox') await until(composer, engineLoaded);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Composes 软阶层's letters one by one, the reader's pace apart. */
async function composeLetters(composer: Composer) {
  for (const letters of LETTERS) {
    await composer.compose(letters);
    await pause(BETWEEN_LETTERS_MS);
  }
}

const composing = (changes: Array<{ phase: string; change: string }>) => changes.filter((c) => c.phase === 'composing').map((c) => c.change);

for (const engine of ENGINES) {
  test.describe(`typing through an input method in ${engine}`, () => {
    let composer: Composer;
    test.setTimeout(60_000);
    test.beforeEach(async ({ open, page }) => {
      composer = engine === 'chromium' ? chromiumComposer(page, page.context().newCDPSession(page)) : scriptedComposer(await open(engine));
    });

    test('header field on /: composing 软阶层 letter by letter fetches, searches and announces nothing; Enter commits it and it is searched once', async () => {
      const root = '[data-search="popup"]';
      await composer.open('/');
      await composer.click('#search-popup-input');
      await engineOnFocus(composer);
      await composer.run(record, root);
      const before = await composer.run(observe, root);

      await composer.run(setPhase, 'composing');
      const requestedBefore = composer.requested?.length;
      await composeLetters(composer);
      await composer.slashWhileComposing();
      await pause(BETWEEN_LETTERS_MS);
      const during = await composer.run(observe, root);
      if (composer.requested) expect.soft(composer.requested.slice(requestedBefore), 'requests for Pagefind files while composing').toEqual([]);
      console.log(`[${engine}] header field, during composition: ${JSON.stringify({ files: during.files, searches: during.searches, changes: composing(during.changes).length })}`);
      expect.soft(during.files, 'Pagefind index, fragment and filter files fetched while composing').toEqual(before.files);
      expect.soft(during.files.index + during.files.fragment).toBe(0);
      expect.soft(during.searches, 'searches run while composing').toBe(before.searches);
      expect.soft(during.status, 'status text while composing').toBe('');
      expect.soft(composing(during.changes), 'changes to the status, results or panel while composing').toEqual([]);
      expect.soft(during.focused, '`/` while composing leaves the focus in the field').toBe('search-popup-input');

      await composer.run(setPhase, 'committed');
      await composer.commitWithEnter(WORDS);
      await until(composer, settled, root);
      await pause(600); // a second search, if the commit started two, has started by now
      const after = await composer.run(observe, root);
      expect.soft(after.url, 'Enter that commits the letters does not submit the search').toBe(before.url);
      expect.soft(after.value).toBe(WORDS);
      expect.soft(after.searches - during.searches, 'searches after the commit').toBe(1);
      expect.soft(after.status).toBe(fill(t.found, { count: 3 }));
      expect.soft(after.marks[0]).toBe(WORDS);
      expect.soft(after.panelHidden).toBe(false);
      expect.soft(after.files.fragment).toBeGreaterThan(0);
    });

    test('header field on /: Escape that cancels a composition leaves the panel open and the results as they were', async () => {
      const root = '[data-search="popup"]';
      await composer.open('/');
      await composer.click('#search-popup-input');
      await engineOnFocus(composer);
      await composer.compose('ruan');
      await composer.commitWithEnter('软');
      await composer.compose("jie'ceng");
      await composer.commitWithEnter('阶层');
      await until(composer, settled, root);
      await pause(300);
      await composer.run(record, root);
      const before = await composer.run(observe, root);
      expect.soft(before.marks[0]).toBe(WORDS);

      await composer.run(setPhase, 'composing');
      await composer.compose('d');
      await composer.compose('de');
      await pause(BETWEEN_LETTERS_MS);
      await composer.cancelWithEscape();
      await pause(600);
      const after = await composer.run(observe, root);
      expect.soft(after.value).toBe(WORDS);
      expect.soft(after.panelHidden, 'the panel stays open').toBe(false);
      expect.soft(after.searches, 'no search for the letters, nor for the cancelled composition').toBe(before.searches);
      expect.soft(after.files).toEqual(before.files);
      expect.soft(composing(after.changes)).toEqual([]);
      expect.soft(after.marks).toEqual(before.marks);
      expect.soft(after.focused).toBe('search-popup-input');
    });

    if (engine === 'chromium') {
      test('header field on /: letters composed while the search’s code still loads are not searched either; the commit is, once', async ({ page }) => {
        // The interface's code arrives in the middle of the composition.
        await page.route('**/_astro/ui.*.js', async (route) => {
          await pause(800);
          await route.continue();
        });
        const root = '[data-search="popup"]';
        await composer.open('/');
        await composer.run(record, root);
        await composer.run(setPhase, 'composing');
        await composer.click('#search-popup-input');
        await composeLetters(composer);
        const during = await composer.run(observe, root);
        expect.soft(during.files).toEqual({ index: 0, fragment: 0, filter: 0 });
        expect.soft(composer.requested).toEqual([]);
        expect.soft(during.searches).toBe(0);
        expect.soft(composing(during.changes)).toEqual([]);
        const loaded = await composer.run((win) => win.performance.getEntriesByType('resource').some((entry) => /\/ui\.[^/]*\.js$/.test(entry.name)));
        expect(loaded, 'the interface had loaded by the end of the composition').toBe(true);

        await composer.run(setPhase, 'committed');
        await composer.commitWithEnter(WORDS);
        await until(composer, settled, root);
        await pause(600);
        const after = await composer.run(observe, root);
        expect.soft(after.searches).toBe(1);
        expect.soft(after.status).toBe(fill(t.found, { count: 3 }));
        expect.soft(after.marks[0]).toBe(WORDS);
      });
    }

    test('/search/: composing changes neither the address nor the history nor the results; the commit is searched once, the address following it', async () => {
      const root = '[data-search="page"]';
      await composer.open('/search/');
      await until(composer, settled, root);
      await composer.click('#search-page-input');
      await engineOnFocus(composer);
      await composer.run(record, root);
      const before = await composer.run(observe, root);
      expect.soft(before.status).toBe(t.hint);

      await composer.run(setPhase, 'composing');
      const urls: string[] = [];
      for (const letters of LETTERS) {
        await composer.compose(letters);
        await pause(BETWEEN_LETTERS_MS);
        urls.push((await composer.run(observe, root)).url);
      }
      const during = await composer.run(observe, root);
      console.log(`[${engine}] /search/, during composition: ${JSON.stringify({ files: during.files, searches: during.searches, changes: composing(during.changes).length, urls: [...new Set(urls)] })}`);
      expect.soft([...new Set(urls)], 'the address while composing').toEqual([before.url]);
      expect.soft(during.historyLength).toBe(before.historyLength);
      expect.soft(during.files).toEqual(before.files);
      expect.soft(during.searches).toBe(before.searches);
      expect.soft(during.status).toBe(t.hint);
      expect.soft(composing(during.changes)).toEqual([]);

      await composer.run(setPhase, 'committed');
      await composer.commitWithEnter(WORDS);
      await until(composer, (win) => win.document.querySelector('[data-search="page"] [data-search-results] mark') !== null);
      await pause(600);
      const after = await composer.run(observe, root);
      expect.soft(new URL(after.url).searchParams.get('q'), 'the address follows the committed query').toBe(WORDS);
      expect.soft(after.historyLength, 'Enter that commits the letters adds no history entry').toBe(before.historyLength);
      expect.soft(after.searches - during.searches).toBe(1);
      expect.soft(after.status).toBe(fill(t.found, { count: 3 }));
      expect.soft(after.marks[0]).toBe(WORDS);
    });
  });
}
