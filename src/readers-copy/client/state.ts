/**
 * The reader's 划线 on this page: what is kept (read through core/client/storage.ts), where
 * each stands on the page (anchored again on every change), their marks (core/client/
 * mark-words.ts, one named highlight), and the one message line: what was done, with 撤销 when
 * it can be undone, and, once a visit, that storage cannot keep what the reader does.
 */
import t from 'virtual:client-strings/readersCopy';
import { onStoredChange, readStored, writeStored, type WriteResult } from '../../core/client/storage';
import { markWords } from '../../core/client/mark-words';
import { setTypeset } from '../../core/client/typeset';
import { anchor, type Anchored } from '../anchoring';
import { HIGHLIGHTS_FORMAT, sortEntries, type Mark, type Saved } from '../marks';
import type { EditionId } from '../../core/editions';
import { RENDER_MEASURE } from '../timing';

export const HIGHLIGHT_NAME = 'reader-highlight';
export const edition: EditionId = document.documentElement.dataset.edition === 'hant' ? 'hant' : 'hans';

export let saved: Saved = { marks: [], unreadable: [] };
/** Where each 划线 whose block is on this page stands in its block's text. */
export const positions = new Map<string, Extract<Anchored, { start: number }>>();
/** 划线 whose block is on this page but whose words are not there any more. */
export const missing = new Set<string>();
const listeners: Array<() => void> = [];

export function blockOf(id: string): HTMLElement | null {
  const block = document.getElementById(id);
  return block?.closest('.essay') && block.matches('p, h1, h2') ? block : null;
}

export function load(): void {
  const read = readStored(HIGHLIGHTS_FORMAT);
  if (read.kind === 'ok') saved = sortEntries(read.data);
  // A value that cannot be read at all is kept whole, as one unreadable entry, and exported so.
  else if (read.kind === 'unreadable') saved = { marks: [], unreadable: [read.raw] };
  else saved = { marks: [], unreadable: [] };
}

export function render(): void {
  // Timed for the bench (scripts/bench/readers-copy.ts): showing 200 划线 has a budget.
  const began = performance.now();
  positions.clear();
  missing.clear();
  const texts = new Map<string, string>();
  const spans = [];
  for (const mark of saved.marks) {
    const block = blockOf(mark.block);
    if (!block) continue;
    let text = texts.get(mark.block);
    if (text === undefined) texts.set(mark.block, (text = block.textContent ?? ''));
    const found = anchor(text, mark, mark.edition !== edition);
    if (found.status === 'not-found') {
      missing.add(mark.id);
      continue;
    }
    positions.set(mark.id, found);
    spans.push({ element: block, start: found.start, end: found.end });
  }
  markWords(HIGHLIGHT_NAME, spans, 'reader-mark');
  for (const listener of listeners) listener();
  performance.measure(RENDER_MEASURE, { start: began });
}

export function onChange(listener: () => void): void {
  listeners.push(listener);
}

/** Keeps `marks` (with the entries that could not be read) and shows them; false when storage failed. */
export function save(marks: Mark[]): boolean {
  saved = { marks, unreadable: saved.unreadable };
  const result = writeStored(HIGHLIGHTS_FORMAT, [...marks, ...saved.unreadable]);
  render();
  return storageResult(result);
}

let warned = false;
/** Tells the reader once a visit that storage keeps nothing (full, disabled, a private window). */
export function storageResult(result: WriteResult): boolean {
  if (result === 'saved') return true;
  if (!warned) {
    warned = true;
    say(t.storageUnavailable, undefined, 8000);
  }
  return false;
}

onStoredChange(HIGHLIGHTS_FORMAT.key, () => {
  load();
  render();
});

// The message line: what screen readers hear comes from a live region in the page from the start
// (one inserted with its message may not be read out); what the eye sees is a toast, a manual
// popover where the browser has them, so that it shows above an open panel (the top layer).
const live = Object.assign(document.createElement('p'), { className: 'visually-hidden' });
live.setAttribute('role', 'status');
document.body.append(live);
const toast = Object.assign(document.createElement('div'), { className: 'readers-copy-toast' });
const popover = typeof toast.showPopover === 'function';
if (popover) toast.setAttribute('popover', 'manual');
const toastText = Object.assign(document.createElement('p'), { className: 'readers-copy-toast-text' });
toastText.setAttribute('aria-hidden', 'true');
const undoButton = Object.assign(document.createElement('button'), { type: 'button', hidden: true });
setTypeset(undoButton, t.undo);
toast.append(toastText, undoButton);
document.body.append(toast);
let timer: ReturnType<typeof setTimeout> | undefined;

/** A message, read out by screen readers; with `undo`, a 撤销 button beside it. */
export function say(message: string, undo?: () => void, ms = 5000): void {
  clearTimeout(timer);
  setTypeset(live, message);
  setTypeset(toastText, message);
  undoButton.hidden = !undo;
  undoButton.onclick = undo
    ? () => {
        undo();
        say(t.restored);
      }
    : null;
  toast.classList.add('is-shown');
  if (popover) {
    // Shown again, so that it rises above a panel opened since.
    if (toast.matches(':popover-open')) toast.hidePopover();
    toast.showPopover();
  }
  const hide = () => {
    // Not while the reader is on its button.
    if (toast.contains(document.activeElement)) timer = setTimeout(hide, 2000);
    else {
      toast.classList.remove('is-shown');
      if (popover && toast.matches(':popover-open')) toast.hidePopover();
      live.textContent = '';
      undoButton.hidden = true;
    }
  };
  timer = setTimeout(hide, undo ? Math.max(ms, 8000) : ms);
}
