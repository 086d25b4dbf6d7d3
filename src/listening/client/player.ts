/**
 * The player: the essay read aloud by the browser's own speech synthesis, with the device's Chinese
 * voices, the page following (./follow.ts). Loaded on first use by ./first-step.ts.
 *
 * What the engines do, and what this does about it:
 * - A sentence at a time (../sentences.ts): Chrome's online voices stop on an utterance longer than
 *   about 14 seconds. Every utterance from the current one to the essay's end is queued at once, so
 *   the engine goes on from one to the next by itself; `start` of each says which is being read.
 * - The first `speak()` inside the reader's tap (iOS and WebKit allow none outside one): the voices
 *   are usually listed at once, and the queue is then made before the click handler returns.
 * - `pause()` and `resume()` are unreliable across engines: a pause cancels the queue, and resuming
 *   queues again from the start of the sentence it stopped in. So do the other controls, each from
 *   its own sentence. Events of a cancelled queue (`interrupted`, `canceled`, a late `end`) are told
 *   apart by the queue's generation and ignored.
 * - Voices load late (`voiceschanged`) and their tags vary (`zh-CN`, `cmn`, `yue-HK`: ../voices.ts).
 *
 * One file of about 350 lines: the queue, its events and the controls share one state (the script,
 * the sentence, the queue's generation, the voice and speed) in one closure; split, each part
 * would need all of it handed over.
 */
import t from 'virtual:client-strings/listening';
import './styles';
import { fill } from '../../core/fill';
import { hidePanel, isOpen } from '../../core/client/panels';
import { readReaderSettings, updateReaderSettings } from '../../core/client/reader-settings';
import { setTypeset } from '../../core/client/typeset';
import type { EditionId } from '../../core/editions';
import { chineseVoices, pickVoice, validRate } from '../voices';
import { follower } from './follow';
import { blocksAfter, fullEssayUrl, itemsOf, pageBlocks, type Item } from './script';
import { fillVoices, playerView, sayBeside, type Action } from './ui';

type State = 'playing' | 'paused' | 'waiting' | 'finished';

interface Session {
  startAt(from: string | undefined): void;
}

let session: Session | null = null;

function synthesis(): SpeechSynthesis | null {
  try {
    return typeof speechSynthesis === 'object' && speechSynthesis && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : null;
  } catch {
    return null;
  }
}

/**
 * The voices once a Chinese one is listed, for an engine that lists them late: Chrome's first call
 * gives none; Firefox on Linux lists speech-dispatcher's thousands over seconds. Up to 5 s while the
 * list is empty or growing; 1.5 s once it stays the same (WebKitGTK's four English voices).
 */
function voicesOf(synth: SpeechSynthesis, edition: EditionId): Promise<SpeechSynthesisVoice[]> {
  return new Promise((resolve) => {
    let tries = 0;
    let steady = 0;
    let count = -1;
    const check = () => {
      const voices = synth.getVoices();
      steady = voices.length && voices.length === count ? steady + 1 : 0;
      count = voices.length;
      if (chineseVoices(voices, edition).length || tries++ >= 20 || steady >= 5) {
        synth.removeEventListener?.('voiceschanged', check);
        resolve(voices);
      } else setTimeout(check, 250);
    };
    synth.addEventListener?.('voiceschanged', check);
    setTimeout(check, 250);
  });
}

/** Starts listening from the page's start, or from block `from` (the share panel's 「从这里听」). */
export function listen(button: HTMLElement, from?: string): void {
  const synth = synthesis();
  if (!synth) return sayBeside(button, t.unavailable);
  const edition = (document.documentElement.dataset.edition === 'hant' ? 'hant' : 'hans') satisfies EditionId;
  const go = (voices: SpeechSynthesisVoice[]) => {
    const chinese = chineseVoices(voices, edition);
    if (!chinese.length) return sayBeside(button, t.noVoice);
    document.getElementById('listen-note')?.remove();
    const panel = button.closest<HTMLElement>('[popover], .share-panel');
    if (panel && isOpen(panel)) hidePanel(panel);
    session ??= begin(synth, chinese, edition, button);
    session.startAt(from);
  };
  const listed = synth.getVoices();
  // Listed at once (Safari; Firefox once loaded): the queue is made inside the tap.
  if (chineseVoices(listed, edition).length) go(listed);
  else void voicesOf(synth, edition).then(go);
}

function begin(synth: SpeechSynthesis, firstVoices: SpeechSynthesisVoice[], edition: EditionId, opener: HTMLElement): Session {
  const view = playerView();
  const stored = readReaderSettings();
  let voices = firstVoices;
  let voice = pickVoice(voices, edition, typeof stored.listeningVoice === 'string' ? stored.listeningVoice : null);
  let rate = validRate(stored.listeningRate);
  view.rate.value = String(rate);
  fillVoices(view.voice, voices, voice);

  // The script: on a section page, its section, then the rest of the essay from the full page.
  const blocks = pageBlocks();
  const essayUrl = fullEssayUrl();
  let items: Item[] = itemsOf(essayUrl ? blocks.filter((block) => !block.closest('.author-note')) : blocks);
  let complete = !essayUrl;
  let nextFailed = false;
  let noteOnly = false;
  const noteItems = essayUrl ? itemsOf(blocks.filter((block) => block.closest('.author-note'))) : [];
  if (essayUrl && items.length) {
    blocksAfter(essayUrl, items.at(-1)!.id).then(
      (rest) => extend(rest),
      () => {
        nextFailed = true;
        complete = true;
        if (state === 'waiting') finish();
      },
    );
  }

  let state: State = 'paused';
  /** Whether any utterance has started, and the voices tried before one did. */
  let heard = false;
  const tried = new Set(voice ? [voice.voiceURI] : []);
  let index = 0;
  let generation = 0;
  let queued = 0;

  const follow = follower(view.root, (away) => (view.back.hidden = !away));
  const resize = new ResizeObserver(() => document.documentElement.style.setProperty('--listen-player-height', `${view.root.offsetHeight}px`));
  const essayTitle = (document.querySelector('.essay-title, .essay-kicker a')?.textContent ?? document.title).trim();
  const author = document.getElementById('share-panel')?.dataset.author ?? '';

  let said = '';
  function say(message: string) {
    if (message === said) return;
    said = message;
    setTypeset(view.status, message);
  }

  function render() {
    const running = state === 'playing' || state === 'waiting';
    setTypeset(view.toggle, state === 'finished' ? t.listen : running ? t.pause : t.resume);
    if (navigator.mediaSession) navigator.mediaSession.playbackState = running ? 'playing' : 'paused';
  }

  function show(at: number) {
    const item = items[at];
    if (!item) return;
    follow.show(item);
    setTypeset(view.caption, item.said);
    view.where.hidden = !!item.element;
    if (!item.element) setTypeset(view.where, fill(t.offPage, { section: item.part }));
    if (navigator.mediaSession && typeof MediaMetadata === 'function') {
      navigator.mediaSession.metadata = new MediaMetadata({ title: item.part || essayTitle, artist: author, album: essayTitle });
    }
  }

  function utter(at: number, of: number) {
    const item = items[at]!;
    const utterance = new SpeechSynthesisUtterance(item.said);
    utterance.lang = voice?.lang ?? document.documentElement.lang;
    try {
      if (voice) utterance.voice = voice;
    } catch {
      // Not the engine's own voice object (a stand-in's): the lang still picks it.
    }
    utterance.rate = rate;
    const handlers: Record<string, (event?: SpeechSynthesisErrorEvent) => unknown> = {
      start: () => started(at),
      // An engine that skips `start` for a queued utterance still gives its first word's boundary.
      boundary: () => at !== index && started(at),
      end: () => ended(at),
      error: (event) => failed(at, event?.error ?? ''),
    };
    for (const [type, handler] of Object.entries(handlers)) {
      // Both the listener and the `on…` property, each event handled once: engines and stand-ins
      // (a test's, an outside check's) call one or the other.
      let last: Event | undefined;
      const once = (event?: Event) => {
        if (event && event === last) return;
        last = event;
        if (of === generation) handler(event as SpeechSynthesisErrorEvent | undefined);
      };
      utterance.addEventListener?.(type, once);
      (utterance as unknown as Record<string, unknown>)[`on${type}`] = once;
    }
    synth.speak(utterance);
  }

  function queueRest() {
    for (; queued < items.length; queued++) utter(queued, generation);
  }

  function speakFrom(at: number) {
    generation++;
    synth.cancel?.();
    index = Math.max(0, Math.min(at, items.length - 1));
    queued = index;
    state = 'playing';
    // The sentence first, then the page (the highlight measures the layout), then the rest.
    if (items.length) utter(queued++, generation);
    show(index);
    queueRest();
    say(t.playing);
    render();
  }

  function started(at: number) {
    heard = true;
    index = at;
    if (state !== 'playing') (state = 'playing'), render();
    say(t.playing);
    show(at);
  }

  function ended(at: number) {
    if (at < items.length - 1) return;
    if (complete) finish();
    else {
      // The rest of the essay is still on its way: it is queued as it comes.
      state = 'waiting';
      index = at;
    }
  }

  function failed(at: number, error: string) {
    generation++;
    synth.cancel?.();
    // A voice that fails before its first word (some of speech-dispatcher's, in Firefox): the next
    // one is tried, up to three, before the reader is told.
    const untried = voices.filter((candidate) => !tried.has(candidate.voiceURI));
    if (!heard && untried.length && tried.size < 3) {
      voice = untried[0];
      tried.add(voice!.voiceURI);
      fillVoices(view.voice, voices, voice);
      return speakFrom(at);
    }
    index = at;
    state = 'paused';
    show(at);
    say(`${t.error}${error ? ` (${error})` : ''}`);
    render();
  }

  function extend(rest: Item[]) {
    if (noteOnly) return;
    items = [...items, ...rest];
    complete = true;
    if (state === 'waiting') {
      state = 'playing';
      queueRest();
    } else if (state === 'playing') queueRest();
  }

  function pause() {
    if (state !== 'playing' && state !== 'waiting') return;
    generation++;
    synth.cancel?.();
    state = 'paused';
    say(t.paused);
    render();
  }

  function finish() {
    generation++;
    state = 'finished';
    say(nextFailed ? t.nextFailed : t.finished);
    render();
  }

  /** Moves to a sentence: heard at once while listening, shown while paused. */
  function move(at: number) {
    if (at < 0 || at >= items.length) return;
    if (state === 'paused') {
      index = at;
      show(at);
    } else speakFrom(at);
  }

  function stop() {
    generation++;
    synth.cancel?.();
    follow.clear();
    resize.disconnect();
    const hadFocus = view.root.contains(document.activeElement);
    view.root.remove();
    document.documentElement.removeAttribute('data-listening');
    if (navigator.mediaSession) navigator.mediaSession.metadata = null;
    session = null;
    if (hadFocus && opener.isConnected && !opener.closest('[popover]')) opener.focus();
    else if (hadFocus) document.querySelector<HTMLElement>('.listen-button')?.focus();
  }

  const actions: Record<Action, () => void> = {
    previous: () => move(index - 1),
    toggle: () => (state === 'playing' || state === 'waiting' ? pause() : speakFrom(state === 'finished' ? 0 : index)),
    next: () => move(index + 1),
    'next-paragraph': () => {
      const next = items.findIndex((item, at) => at > index && item.id !== items[index]?.id);
      move(next < 0 ? items.length - 1 : next);
    },
    back: () => follow.back(),
    stop,
  };
  view.root.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-listen-action]')?.dataset.listenAction as Action | undefined;
    if (action) actions[action]();
  });
  view.rate.addEventListener('change', () => {
    rate = validRate(Number(view.rate.value));
    updateReaderSettings({ listeningRate: rate });
    if (state === 'playing' || state === 'waiting') speakFrom(index);
  });
  view.voice.addEventListener('change', () => {
    voice = voices.find((candidate) => candidate.voiceURI === view.voice.value) ?? voice;
    updateReaderSettings({ listeningVoice: voice?.voiceURI });
    if (state === 'playing' || state === 'waiting') speakFrom(index);
  });
  // Voices added or removed while listening (a voice downloaded, a device plugged in).
  synth.addEventListener?.('voiceschanged', () => {
    const listed = chineseVoices(synth.getVoices(), edition);
    if (!listed.length) return;
    voices = listed;
    voice = voices.find((candidate) => candidate.voiceURI === voice?.voiceURI) ?? voice;
    fillVoices(view.voice, voices, voice);
  });
  const media: Array<[MediaSessionAction, () => void]> = [
    ['play', () => state !== 'playing' && actions.toggle()],
    ['pause', pause],
    ['stop', stop],
    ['previoustrack', actions.previous],
    ['nexttrack', actions.next],
  ];
  for (const [action, handler] of media) {
    try {
      navigator.mediaSession?.setActionHandler(action, handler);
    } catch {
      // An action this engine does not know.
    }
  }
  // Speech outlives neither the page nor its history entry.
  addEventListener('pagehide', () => session && stop(), { once: true });

  document.body.append(view.root);
  document.documentElement.dataset.listening = '';
  // The page keeps room below its end for the player, however tall it grows.
  resize.observe(view.root);

  return {
    startAt(from) {
      let at = from ? items.findIndex((item) => item.id === from) : 0;
      if (at < 0 && from && noteItems.some((item) => item.id === from)) {
        // The author's note on a section page: read it alone, it ends the essay.
        items = noteItems.slice(noteItems.findIndex((note) => note.id === from));
        complete = true;
        noteOnly = true;
        at = 0;
      }
      speakFrom(Math.max(0, at));
      if (!opener.closest('[popover]')) view.toggle.focus();
    },
  };
}
