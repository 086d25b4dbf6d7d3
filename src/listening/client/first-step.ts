/**
 * Listening, first step, in the script every page loads: 「听全文」 and the share panel's 「从这里听」
 * (both `[data-listen]`) appear, hidden without scripts, which speaking needs; the player
 * (./player.ts, its styles and words) loads as the reader reaches for one, on pointerdown or focus,
 * so that by the click it is usually there and the first sentence is queued inside the tap, as
 * iOS asks of `speak()`. 「从这里听」 starts at the block its panel was opened for (`data-block`).
 *
 * Listened for on the document: the share panel's button is made with the panel, by the sharing
 * code, after this has run.
 */
type Player = typeof import('./player');

let code: Promise<Player | undefined> | undefined;
let ready: Player | undefined;
// Not loaded (offline, blocked): the next press tries again. Chrome lists its voices only after a
// first ask, so they are asked for here too, to be listed by the click.
const load = () => {
  globalThis.speechSynthesis?.getVoices();
  return (code ??= import('./player').then((player) => (ready = player), () => (code = undefined)));
};

const listenButton = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-listen]') : null);

export function listening(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-listen]')) button.hidden = false;
  for (const type of ['pointerdown', 'focusin'] as const) document.addEventListener(type, (event) => void (listenButton(event) && load()));
  document.addEventListener('click', (event) => {
    const button = listenButton(event);
    if (!button) return;
    const from = button.closest<HTMLElement>('[data-block]')?.dataset.block;
    if (ready) ready.listen(button, from);
    else void load().then((player) => player?.listen(button, from));
  });
}
