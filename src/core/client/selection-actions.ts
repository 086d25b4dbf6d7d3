/**
 * The buttons a selection in the essay offers (「复制引用链接」, 「生成书摘图片」, 「划线」): one group,
 * `.quote-actions`, that any feature adds its button to, so that features offer their actions
 * side by side without knowing of each other. This module shows the group below the
 * selection's last line (phones put their own menu above it) with the buttons whose `accepts`
 * says yes, and hides it when the selection goes; each button reads the selection when clicked,
 * through `selectedRange` (its pointerdown is cancelled here, so a click keeps the selection).
 *
 * Keyboard: a selection made with Shift and the arrow keys is followed by Tab into the group,
 * whose buttons come in the page's tab order right after the block the selection ends in.
 */

export interface SelectionAction {
  button: HTMLButtonElement;
  /** Whether to offer the button for this selection; `blocks` are the essay's blocks it touches. */
  accepts(range: Range, blocks: HTMLElement[]): boolean;
  /** Lower first (default 0). */
  order?: number;
}

const BLOCKS = '.prose p[id], .section-heading';
const actions: SelectionAction[] = [];
let group: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let byKeyboard = false;
/** The range the group was last shown for. */
let offered: Range | null = null;

/** The essay's blocks a range touches, in document order. */
export function blocksOf(range: Range): HTMLElement[] {
  const root = range.commonAncestorContainer;
  const element = root instanceof Element ? root : root.parentElement;
  const inside = element?.closest<HTMLElement>(BLOCKS);
  if (inside) return [inside];
  const scope = element ?? document.body;
  return Array.from(scope.querySelectorAll<HTMLElement>(BLOCKS)).filter((block) => range.intersectsNode(block) && range.toString() !== '' && intersectsText(range, block));
}

function intersectsText(range: Range, block: HTMLElement): boolean {
  const inBlock = document.createRange();
  inBlock.selectNodeContents(block);
  if (range.compareBoundaryPoints(Range.START_TO_START, inBlock) > 0) inBlock.setStart(range.startContainer, range.startOffset);
  if (range.compareBoundaryPoints(Range.END_TO_END, inBlock) < 0) inBlock.setEnd(range.endContainer, range.endOffset);
  return inBlock.toString().trim() !== '';
}

function ensureGroup(): HTMLElement {
  group ??= Object.assign(document.createElement('div'), { className: 'quote-actions', hidden: true });
  if (!group.isConnected) document.body.append(group);
  return group;
}

function current(): { range: Range; blocks: HTMLElement[] } | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim()) return null;
  const blocks = blocksOf(range);
  return blocks.length && blocks.every((block) => block.closest('.essay')) ? { range, blocks } : null;
}

function hide() {
  if (group) group.hidden = true;
  offered = null;
}

/**
 * The selection a button of the group acts on: the reader's, or, once the keyboard's focus is in
 * the group, the range it was shown for (Firefox and WebKit drop the page's selection when Tab
 * moves the focus to a button; Chromium keeps it).
 */
export function selectedRange(): Range | null {
  const live = current();
  if (live) return live.range;
  return group && !group.hidden && group.contains(document.activeElement) ? offered : null;
}

function update() {
  const found = current();
  const box = ensureGroup();
  if (!found) {
    // A click on a button of the group moves the focus into it: the selection is still the reader's.
    if (!box.contains(document.activeElement)) hide();
    return;
  }
  let shown = 0;
  for (const action of actions) {
    action.button.hidden = !action.accepts(found.range, found.blocks);
    if (!action.button.hidden) shown++;
  }
  if (!shown) return hide();
  offered = found.range.cloneRange();
  // In the tab order right after the block the selection ends in.
  const last = found.blocks[found.blocks.length - 1]!;
  if (box.previousElementSibling !== last) last.after(box);
  box.hidden = false;
  const rects = found.range.getClientRects();
  const rect = rects[rects.length - 1] ?? found.range.getBoundingClientRect();
  const parent = (box.offsetParent ?? document.body).getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, innerWidth - box.offsetWidth - 8));
  box.style.top = `${rect.bottom - parent.top + 8}px`;
  box.style.left = `${left - parent.left}px`;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 150);
}

/** Adds a button to the group (a `<button type="button">` the feature made and handles). */
export function addSelectionAction(action: SelectionAction): void {
  const box = ensureGroup();
  if (!actions.length) {
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('keydown', (event) => {
      if (event.shiftKey && event.key.startsWith('Arrow')) byKeyboard = true;
      else if (event.key === 'Tab' && !event.shiftKey && byKeyboard && !box.contains(document.activeElement)) {
        // The group as the selection stands now, not as it stood at the last pause: a Tab right
        // after the last Shift+→ would otherwise act on the selection before it.
        clearTimeout(timer);
        update();
        if (box.hidden) return;
        const first = Array.from(box.querySelectorAll<HTMLButtonElement>('button')).find((button) => !button.hidden);
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === 'Escape' && box.contains(document.activeElement)) hide();
    });
    document.addEventListener('pointerdown', (event) => {
      if (!box.contains(event.target as Node)) byKeyboard = false;
    });
  }
  actions.push(action);
  actions.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  action.button.addEventListener('pointerdown', (event) => event.preventDefault()); // keep the selection
  for (const each of actions) box.append(each.button);
  schedule();
}

/** Hides the group (after an action that is done with the selection). */
export function hideSelectionActions(): void {
  hide();
}
