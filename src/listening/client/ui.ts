/**
 * The player's markup: a bar at the bottom of the window while listening, with real buttons and
 * labelled selects (keyboard and screen readers use all of it), the sentence being read as a
 * caption, and a status line that says each change of state aloud (aria-live).
 */
import t from 'virtual:client-strings/listening';
import { setTypeset } from '../../core/client/typeset';
import { RATES } from '../voices';

export type Action = 'previous' | 'toggle' | 'next' | 'next-paragraph' | 'back' | 'stop';

export interface PlayerView {
  root: HTMLElement;
  caption: HTMLElement;
  where: HTMLElement;
  status: HTMLElement;
  toggle: HTMLButtonElement;
  back: HTMLButtonElement;
  rate: HTMLSelectElement;
  voice: HTMLSelectElement;
}

function button(action: Action, label: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset.listenAction = action;
  setTypeset(element, label);
  return element;
}

function labelled(text: string, control: HTMLSelectElement): HTMLLabelElement {
  const label = document.createElement('label');
  const name = document.createElement('span');
  setTypeset(name, text);
  label.append(name, control);
  return label;
}

export function playerView(): PlayerView {
  const root = document.createElement('section');
  root.className = 'listen-player';
  root.setAttribute('aria-label', t.player);
  const caption = Object.assign(document.createElement('p'), { className: 'listen-caption' });
  const where = Object.assign(document.createElement('p'), { className: 'listen-where', hidden: true });
  const status = Object.assign(document.createElement('p'), { className: 'listen-status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const toggle = button('toggle', t.pause);
  toggle.classList.add('listen-toggle');
  const back = button('back', t.backToPlace);
  back.classList.add('listen-back');
  back.hidden = true;
  const rate = document.createElement('select');
  rate.dataset.listenSetting = 'rate';
  for (const value of RATES) rate.append(new Option(`${value}×`, String(value)));
  const voice = document.createElement('select');
  voice.dataset.listenSetting = 'voice';
  const controls = Object.assign(document.createElement('div'), { className: 'listen-controls' });
  controls.append(button('previous', t.previous), toggle, button('next', t.next), button('next-paragraph', t.nextParagraph), button('stop', t.stop));
  const settings = Object.assign(document.createElement('div'), { className: 'listen-settings' });
  settings.append(labelled(t.speed, rate), labelled(t.voice, voice));
  root.append(back, caption, where, status, controls, settings);
  return { root, caption, where, status, toggle, back, rate, voice };
}

/**
 * The voice chooser's options: the device's Chinese voices, best first, by name and tag. Not marked
 * online or not: Firefox reports its speech-dispatcher voices, all on the device, as not local.
 */
export function fillVoices(select: HTMLSelectElement, voices: readonly SpeechSynthesisVoice[], chosen: SpeechSynthesisVoice | undefined): void {
  select.replaceChildren(
    ...voices.map((voice) => {
      const option = new Option(`${voice.name} · ${voice.lang}`, voice.voiceURI);
      option.selected = voice === chosen;
      return option;
    }),
  );
  select.disabled = voices.length < 2;
}

/** The one line said where listening cannot start (no speech synthesis, no Chinese voice), beside the button pressed. */
export function sayBeside(button: HTMLElement, message: string): void {
  const id = 'listen-note';
  let note = document.getElementById(id);
  const placed = note?.previousElementSibling === button;
  if (!note) {
    note = document.createElement('span');
    note.id = id;
    note.className = 'listen-note';
    note.setAttribute('role', 'status');
  }
  if (!placed) {
    note.textContent = '';
    button.after(note);
  }
  // A status region is read out when its text changes after it is in the page: the text comes a frame later.
  const shown = note;
  requestAnimationFrame(() => setTypeset(shown, message));
}
