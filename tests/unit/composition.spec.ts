/**
 * When a field's committed value changes under an input method (src/core/client/composition.ts):
 * composing, committing and cancelling, in each order engines fire the last events in. The state
 * machine alone, then the tracker on a fake field (an EventTarget with a value): no DOM.
 */
import { expect, test } from '@playwright/test';
import { CompositionState, trackComposition } from '../../src/core/client/composition';
import { isImeKey } from '../../src/core/client/ime-key';

const LETTERS = ['r', 'ru', 'rua', 'ruan', "ruan'jie", "ruan'jie'ceng"];

/** Feeds a state machine events and collects the values it reports as changed. */
function feed(state: CompositionState, events: Array<['start' | 'end', string] | ['input', string, boolean]>): string[] {
  const reported: string[] = [];
  for (const [type, value, isComposing] of events) {
    const changed = type === 'start' ? (state.start(value), false) : type === 'end' ? state.end(value) : state.input(value, isComposing!);
    if (changed) reported.push(value);
  }
  return reported;
}

const composingInputs = (before = '') => LETTERS.map((letters) => ['input', before + letters, true] as ['input', string, boolean]);

test('typing without an input method: every input is a change', () => {
  expect(feed(new CompositionState(), [['input', 'a', false], ['input', 'ab', false], ['input', 'a', false]])).toEqual(['a', 'ab', 'a']);
});

test('Chromium’s order (the last input, composing, before compositionend; none after): one change, at the end', () => {
  const state = new CompositionState();
  const reported = feed(state, [['start', ''], ...composingInputs(), ['input', '软阶层', true]]);
  expect(reported).toEqual([]);
  expect(state.composing).toBe(true);
  expect(feed(state, [['end', '软阶层']])).toEqual(['软阶层']);
  expect(state.composing).toBe(false);
});

test('Firefox’s order (an input of its own, not composing, after compositionend): one change, not two', () => {
  const state = new CompositionState();
  expect(feed(state, [['start', ''], ...composingInputs(), ['input', '软阶层', true], ['end', '软阶层'], ['input', '软阶层', false]])).toEqual(['软阶层']);
});

test('the older order (no input before compositionend, one after it): one change', () => {
  const state = new CompositionState();
  expect(feed(state, [['start', ''], ...composingInputs(), ['end', '软阶层'], ['input', '软阶层', false]])).toEqual(['软阶层']);
});

test('a cancelled composition (Escape) leaves the value as it was: no change, in either order', () => {
  for (const after of [[], [['input', '软阶层', false]]] as Array<Array<['input', string, boolean]>>) {
    const state = new CompositionState();
    expect(feed(state, [['start', '软阶层'], ['input', '软阶层d', true], ['input', '软阶层de', true], ['end', '软阶层'], ...after])).toEqual([]);
    expect(state.composing).toBe(false);
  }
});

test('after a commit, typing goes on as usual: the next input that changes the value is a change', () => {
  const state = new CompositionState();
  expect(feed(state, [['start', ''], ['input', 'ruan', true], ['input', '软', true], ['end', '软'], ['input', '', false], ['input', '软', false]])).toEqual(['软', '', '软']);
});

test('a second composition after the first: each commit is one change, the text before it kept', () => {
  const state = new CompositionState();
  const reported = feed(state, [
    ['start', ''], ['input', 'ruan', true], ['end', '软'],
    ['start', '软'], ...composingInputs('软').slice(0, 3), ['input', '软阶层', true], ['end', '软阶层'], ['input', '软阶层', false],
  ]);
  expect(reported).toEqual(['软', '软阶层']);
});

test('a composition whose start came before the field was followed (its code still loading): waits for its end', () => {
  const state = new CompositionState();
  expect(feed(state, [['input', 'ruan', true], ['input', "ruan'jie", true]])).toEqual([]);
  expect(state.composing).toBe(true);
  expect(feed(state, [['end', '软阶']])).toEqual(['软阶']);
});

test('keys the input method takes: composing, or keyCode 229 (WebKit’s Enter after the composition ended)', () => {
  expect(isImeKey({ isComposing: true, keyCode: 13 } as KeyboardEvent)).toBe(true);
  expect(isImeKey({ isComposing: false, keyCode: 229 } as KeyboardEvent)).toBe(true);
  expect(isImeKey({ isComposing: false, keyCode: 13 } as KeyboardEvent)).toBe(false);
});

/** A text field as far as the tracker sees one: events and a value. */
class FakeField extends EventTarget {
  value = '';
  fire(type: string, value: string, props: Record<string, unknown> = {}) {
    this.value = value;
    this.dispatchEvent(Object.assign(new Event(type), props));
  }
}

test('the tracker on a field: calls back once per committed change, in both orders, and not for a cancel', () => {
  const field = new FakeField();
  const changes: string[] = [];
  const composition = trackComposition(field, (value) => changes.push(value));
  field.fire('input', 'a', { isComposing: false });
  field.fire('input', '', { isComposing: false });
  // Chromium's order.
  field.fire('compositionstart', '');
  for (const letters of LETTERS) field.fire('input', letters, { isComposing: true });
  expect(composition.composing).toBe(true);
  field.fire('input', '软阶层', { isComposing: true });
  field.fire('compositionend', '软阶层');
  expect(composition.composing).toBe(false);
  // Firefox's order: compositionend, then an input not composing.
  field.fire('compositionstart', '软阶层');
  field.fire('input', '软阶层de', { isComposing: true });
  field.fire('input', '软阶层的', { isComposing: true });
  field.fire('compositionend', '软阶层的');
  field.fire('input', '软阶层的', { isComposing: false });
  // Cancelled.
  field.fire('compositionstart', '软阶层的');
  field.fire('input', '软阶层的x', { isComposing: true });
  field.fire('compositionend', '软阶层的');
  expect(changes).toEqual(['a', '', '软阶层', '软阶层的']);
});

test('the tracker on a field: a key the input method took makes the field busy for the task (a submission it causes is not the reader’s)', async () => {
  const field = new FakeField();
  const composition = trackComposition(field, () => undefined);
  expect(composition.busy).toBe(false);
  field.fire('keydown', '', { isComposing: false, keyCode: 229, key: 'Enter' });
  expect(composition.busy).toBe(true);
  expect(composition.owns(Object.assign(new Event('keydown'), { isComposing: false, keyCode: 229 }) as unknown as KeyboardEvent)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(composition.busy).toBe(false);
  field.fire('compositionstart', '');
  expect(composition.busy).toBe(true);
  expect(composition.owns(Object.assign(new Event('keydown'), { isComposing: false, keyCode: 40, key: 'ArrowDown' }) as unknown as KeyboardEvent)).toBe(true);
});
