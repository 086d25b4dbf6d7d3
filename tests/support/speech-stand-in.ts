/**
 * A scripted stand-in for the Web Speech API's `speechSynthesis`, installed by a test into the page
 * (after it loads: the player looks for `speechSynthesis` only when listening starts, and WebKit's
 * WebDriver runs no script before a page's own). It speaks nothing: it keeps the queue as engines
 * do, records every utterance queued (text, lang, voice, rate, when) and every `cancel()`, and
 * fires the events engines fire, in their order: `start`, then a `boundary` at the first word,
 * then `end` (or `error`); after `cancel()`, `error` with `interrupted` for the utterance being
 * spoken and `canceled` for those waiting, as Chrome does.
 *
 * The test drives it (`finish`, `fail`) or lets it run (`auto`: each utterance lasts `msPerChar`
 * per character). Every function here is sent to the page as source text: nothing may close over
 * the test file.
 */
import type { Probe } from './engines';

export interface StandInVoice {
  name: string;
  lang: string;
  voiceURI?: string;
  localService?: boolean;
  default?: boolean;
}

export interface StandInOptions {
  voices?: StandInVoice[];
  /** Lists the voices only after this many ms, with `voiceschanged` (Chrome lists none at first). */
  voicesLate?: number;
  /** No speechSynthesis at all (Android's WebView, so Android WeChat). */
  unavailable?: boolean;
  /** Ends each utterance by itself after msPerChar × its length; else the test calls finish(). */
  auto?: boolean;
  msPerChar?: number;
  /** Voices (by name) that fail before their first word, as some of speech-dispatcher's did in Firefox. */
  failingVoices?: string[];
}

export interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
  rate: number;
  at: number;
}

export interface StandInLog {
  queued: Spoken[];
  /** Indexes into `queued` of the utterances started, in order. */
  started: number[];
  cancels: number;
  speaking: string | null;
}

export const ONE_ZH_CN_VOICE: StandInVoice[] = [{ name: 'Stand-in 普通话', lang: 'zh-CN' }];

/** Installs the stand-in in `win` (replacing any earlier one). */
export const installSpeechStandIn: Probe<[StandInOptions], boolean> = (win, options) => {
  type Listener = (event: Event) => void;
  const w = win as unknown as Record<string, unknown>;
  if (options.unavailable) {
    for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
      Object.defineProperty(win, name, { value: undefined, configurable: true, writable: true });
    }
    return true;
  }
  const voices = (options.voices ?? []).map((voice, i) => ({
    name: voice.name,
    lang: voice.lang,
    voiceURI: voice.voiceURI ?? `stand-in:${voice.name}`,
    localService: voice.localService ?? true,
    default: voice.default ?? i === 0,
  }));
  let listed = options.voicesLate ? [] : voices;

  // A constructor function rather than a class: this source is sent to the page as it is.
  type U = EventTarget & { text: string; lang: string; voice: unknown; rate: number };
  const Target = (win as unknown as { EventTarget: typeof EventTarget }).EventTarget;
  function Utterance(text?: string): U {
    const target = new Target();
    return Object.assign(target, { text: String(text ?? ''), lang: '', voice: null, rate: 1, pitch: 1, volume: 1, onstart: null, onend: null, onerror: null, onboundary: null });
  }

  const log = { queued: [] as Array<Record<string, unknown>>, started: [] as number[], cancels: 0, speaking: null as string | null };
  const queue: Array<{ u: U; n: number; begun?: boolean }> = [];
  let current: { u: U; n: number; begun?: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fire = (u: U, type: string, extra: Record<string, unknown> = {}) => {
    const event = new (win as unknown as { Event: typeof Event }).Event(type);
    for (const [key, value] of Object.entries({ utterance: u, charIndex: 0, charLength: 0, elapsedTime: 0, name: '', ...extra })) {
      Object.defineProperty(event, key, { value });
    }
    u.dispatchEvent(event);
    (u as unknown as Record<string, Listener | null>)[`on${type}`]?.(event);
  };

  const begin = (spoken: { u: U; n: number; begun?: boolean }) => {
    if (spoken.begun) return;
    spoken.begun = true;
    log.started.push(spoken.n);
    fire(spoken.u, 'start');
    fire(spoken.u, 'boundary', { name: 'word', charIndex: 0, charLength: Math.min(2, spoken.u.text.length) });
    if (options.auto) timer = setTimeout(() => synth.finish(), (options.msPerChar ?? 5) * spoken.u.text.length);
  };
  const next = () => {
    current = queue.shift() ?? null;
    log.speaking = current?.u.text ?? null;
    if (!current) return;
    const spoken = current;
    const voiceName = (spoken.u.voice as { name?: string } | null)?.name ?? '';
    if (options.failingVoices?.includes(voiceName)) {
      setTimeout(() => {
        if (current !== spoken) return;
        fire(spoken.u, 'error', { error: 'synthesis-failed' });
        if (current === spoken) next();
      }, 0);
      return;
    }
    setTimeout(() => current === spoken && begin(spoken), 0);
  };

  const synth = Object.assign(new Target(), {
    paused: false,
    get speaking() {
      return current !== null;
    },
    get pending() {
      return queue.length > 0;
    },
    getVoices: () => listed.slice(),
    speak(u: U) {
      const n = log.queued.length;
      log.queued.push({ text: u.text, lang: u.lang, voice: (u.voice as { name?: string } | null)?.name ?? null, rate: u.rate, at: win.performance.now() });
      queue.push({ u, n });
      if (!current) next();
    },
    cancel() {
      log.cancels++;
      clearTimeout(timer);
      const was = current;
      const waiting = queue.splice(0);
      current = null;
      log.speaking = null;
      if (was) fire(was.u, 'error', { error: 'interrupted' });
      for (const { u } of waiting) fire(u, 'error', { error: 'canceled' });
    },
    pause() {},
    resume() {},
    /** The test's hand: the utterance being spoken ends, and the next starts. */
    finish() {
      clearTimeout(timer);
      const was = current;
      if (!was) return false;
      // An utterance ended by the test before its start was fired starts first, as in every engine.
      begin(was);
      if (current !== was) return true;
      fire(was.u, 'end', { charIndex: was.u.text.length, elapsedTime: 1000 });
      if (current === was) next();
      return true;
    },
    /** The engine fails on the utterance being spoken, and goes on with the next, as Chrome does. */
    fail(error: string) {
      clearTimeout(timer);
      const was = current;
      if (!was) return false;
      begin(was);
      if (current !== was) return true;
      fire(was.u, 'error', { error });
      if (current === was) next();
      return true;
    },
    log,
  });
  Object.defineProperty(win, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  w.SpeechSynthesisUtterance = Utterance;
  w.__speechStandIn = synth;
  if (options.voicesLate) {
    setTimeout(() => {
      listed = voices;
      synth.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event('voiceschanged'));
    }, options.voicesLate);
  }
  return true;
};

/** What the stand-in has recorded. */
export const speechLog: Probe<[], StandInLog> = (win) => JSON.parse(JSON.stringify((win as unknown as { __speechStandIn: { log: StandInLog } }).__speechStandIn.log));

/** Ends the utterance being spoken (`count` times); the next one starts. */
export const finishUtterance: Probe<[number], boolean> = (win, count) => {
  const synth = (win as unknown as { __speechStandIn: { finish(): boolean } }).__speechStandIn;
  let done = true;
  for (let i = 0; i < count; i++) done = synth.finish() && done;
  return done;
};

/** The engine fails on the utterance being spoken. */
export const failUtterance: Probe<[string], boolean> = (win, error) => (win as unknown as { __speechStandIn: { fail(error: string): boolean } }).__speechStandIn.fail(error);

/** The words highlighted as read: the `listening` highlight's ranges, or the `<mark>`s standing in for it. */
export const highlightedWords: Probe<[], string | null> = (win) => {
  const highlights = (win as unknown as { CSS: { highlights?: Map<string, Iterable<Range>> } }).CSS.highlights;
  const highlight = highlights?.get('listening');
  if (highlight) return [...highlight].map((range) => range.toString()).join('');
  const marks = [...win.document.querySelectorAll('mark[data-mark="listening"]')];
  return marks.length ? marks.map((mark) => mark.textContent).join('') : null;
};
