/**
 * Text typed through an input method (pinyin, for almost every Chinese reader): letters are
 * composed in the field, marked, and become characters when the reader picks a candidate. Until
 * then they are not the reader's text: a field that acts on what is typed (the search box, a
 * note on a passage) acts on the committed value only, and leaves the keys the input method takes
 * (Enter that commits, Escape that cancels, arrows through candidates) to it.
 *
 * Engines differ in the order of the last events: Chromium (and the spec) fire the last `input`
 * (isComposing true) before `compositionend` and none after; Firefox has fired an `input` of its
 * own (isComposing false) after `compositionend`; WebKit ends the composition before dispatching
 * the keydown of the Enter that ended it (keyCode 229, isComposing false). So a composition ends
 * at `compositionend`, whatever follows it, and an `input` right after that carries nothing new.
 */
import { isImeKey } from './ime-key';

/**
 * The decision, as a state machine of the events a field receives (no DOM: tests/unit/composition.spec.ts).
 * Each method answers whether the committed value changed, so that the field acts on it once.
 */
export class CompositionState {
  /** Letters are being composed: the value holds text the reader has not chosen yet. */
  composing = false;
  /** The value before the composition (undefined when its start was not seen). */
  private before: string | undefined;
  /** The value a composition's end left: an `input` after it that still holds it carries nothing new. */
  private ended: string | undefined;

  start(value: string): void {
    this.composing = true;
    this.before = value;
    this.ended = undefined;
  }

  input(value: string, isComposing: boolean): boolean {
    if (this.composing) return false;
    if (isComposing) {
      // A composition whose start this field did not see (it began before the field's code loaded).
      this.composing = true;
      this.before = undefined;
      return false;
    }
    const repeat = this.ended !== undefined && value === this.ended;
    this.ended = undefined;
    return !repeat;
  }

  end(value: string): boolean {
    const changed = this.before === undefined || value !== this.before;
    this.composing = false;
    this.before = undefined;
    this.ended = value;
    // A cancelled composition (Escape) leaves the value as it was: nothing to act on.
    return changed;
  }
}

export interface Composition {
  /** Letters are being composed in the field. */
  readonly composing: boolean;
  /** The key belongs to the input method (see isImeKey), or a composition is in progress. */
  owns(event: KeyboardEvent): boolean;
  /**
   * Composing, or a key the input method took is being handled in this task: a form submission
   * now (Enter that committed) is the input method's, not the reader's.
   */
  readonly busy: boolean;
}

/** What trackComposition needs of a field: its events and value (a fake in the unit test). */
export type ComposableField = EventTarget & { readonly value: string };

/**
 * Follows a text field's compositions, and calls `onChange` when its committed value changed:
 * for each `input` outside a composition, and once when a composition commits (not when it is
 * cancelled), whichever order the engine fires the last events in. Use it instead of listening to
 * `input`.
 */
export function trackComposition(field: ComposableField, onChange: (value: string) => void): Composition {
  const state = new CompositionState();
  let imeKeyNow = false;
  field.addEventListener('compositionstart', () => state.start(field.value));
  field.addEventListener('compositionend', () => {
    if (state.end(field.value)) onChange(field.value);
  });
  field.addEventListener('input', (event) => {
    if (state.input(field.value, (event as InputEvent).isComposing === true)) onChange(field.value);
  });
  field.addEventListener('keydown', (event) => {
    if (!isImeKey(event as KeyboardEvent)) return;
    // Implicit submission (Enter) happens while its key is dispatched, before a timer runs.
    imeKeyNow = true;
    setTimeout(() => (imeKeyNow = false));
  });
  return {
    get composing() {
      return state.composing;
    },
    owns: (event) => state.composing || isImeKey(event),
    get busy() {
      return state.composing || imeKeyNow;
    },
  };
}
