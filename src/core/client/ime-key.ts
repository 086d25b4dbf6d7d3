/**
 * A key the input method takes (pinyin and other compositions, src/core/client/composition.ts):
 * pressed while composing, or (WebKit, the Enter that ended a composition, dispatched after its
 * end) marked by the engine as processed by the input method, keyCode 229. Not the page's to act
 * on: no shortcut, no closing a panel, no submitting. A module of its own, small enough for the
 * script every page loads (the shortcuts use it); the tracker loads with the search box.
 */
export function isImeKey(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229;
}
