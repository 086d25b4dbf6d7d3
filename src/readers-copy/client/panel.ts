/**
 * What loads when the reader first asks for it: the menu of a 划线 (想法, copy, quote image,
 * remove with undo) and 「我的划线」, the list of every 划线 in the essay's order, with the
 * exports (Markdown, a JSON file), the import and 全部删除.
 *
 * One file of about 300 lines: the menu and the list share one panel's code, the essay's outline
 * (block order, section names and addresses, fetched from the full essay on a section's page)
 * and the note editor, and load as one chunk on first use.
 */
import t from 'virtual:client-strings/readersCopy';
import { fill } from '../../core/fill';
import { setTypeset } from '../../core/client/typeset';
import { hidePanel, isOpen, showPanel } from '../../core/client/panels';
import { rangeOf } from '../../core/client/mark-words';
import { textDirective, wordSegmenter } from '../../core/text-fragment';
import { landingLink } from '../../core/landing-link';
import { anchor } from '../anchoring';
import { exportJson, importJson, markdown, type EssayIdentity, type Mark } from '../marks';
import { blockOf, edition, onChange, positions, save, saved, say } from './state';

const BLOCKS = '.essay :is(.prose p[id], .section-heading)';
const segmenter = wordSegmenter(document.documentElement.lang || 'zh');

/* The essay's outline, from the full essay: this page, or fetched on a section's page. */
interface Outline {
  order: Map<string, number>;
  text: Map<string, string>;
  section: Map<string, string>;
  url: Map<string, string>;
  path: Map<string, string>;
}
let outline: Promise<Outline> | undefined;

function outlineOf(doc: Document): Outline {
  const result: Outline = { order: new Map(), text: new Map(), section: new Map(), url: new Map(), path: new Map() };
  doc.querySelectorAll<HTMLElement>(BLOCKS).forEach((block, i) => {
    result.order.set(block.id, i);
    result.text.set(block.id, block.textContent ?? '');
    const heading = block.closest('.essay-section')?.querySelector('.section-heading span');
    result.section.set(block.id, heading ? (heading.textContent ?? '').trim() : block.closest('.author-note')?.getAttribute('aria-label') ?? t.opening);
    result.url.set(block.id, block.closest<HTMLElement>('[data-share-url]')?.dataset.shareUrl ?? location.href.split('#')[0]!);
    // The page on this site (the configured address may be another host's, as in a preview).
    result.path.set(block.id, new URL(result.url.get(block.id)!).pathname);
  });
  return result;
}

function essayOutline(): Promise<Outline> {
  // This edition's home: the header's title links to it.
  const home = document.querySelector<HTMLAnchorElement>('.site-title')?.href ?? '/';
  outline ??= document.querySelector('.toc')
    ? Promise.resolve(outlineOf(document))
    : fetch(home)
        .then((response) => response.text())
        .then((html) => outlineOf(new DOMParser().parseFromString(html, 'text/html')))
        .catch(() => outlineOf(document)); // offline: what this page has
  return outline;
}

function identity(): EssayIdentity {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  // The Simplified edition's home, at the site's base: the same address from either edition.
  return { id: new URL(import.meta.env.BASE_URL, canonical).href, title: (document.querySelector('.site-title-full')?.textContent ?? document.title).trim() };
}

interface Entry {
  mark: Mark;
  words: string;
  found: boolean;
  section: string;
  /** A link that opens on the words: the quote link the sharing feature makes (a text fragment). */
  quoteLink: string;
  /** The page's own landing (`?hl=…#block`), which every engine follows. */
  landing: string;
}

async function entries(): Promise<Entry[]> {
  const o = await essayOutline();
  const essayText = [...o.text.values()].join('\n');
  const list = saved.marks.map((mark): Entry => {
    const text = o.text.get(mark.block);
    const at = text === undefined ? undefined : anchor(text, mark, mark.edition !== edition);
    const found = !!at && at.status !== 'not-found';
    const words = found && 'start' in at! ? text!.slice(at.start, at.end) : mark.quote.exact;
    const page = o.url.get(mark.block) ?? location.href.split('#')[0]!;
    // The words' start unique among the essay's blocks (the page the link opens holds some of them).
    const directive = found && 'start' in at! ? textDirective(text!, at.start, at.end, segmenter, essayText) : '';
    return {
      mark,
      words,
      found,
      section: o.section.get(mark.block) ?? t.notFound,
      quoteLink: `${page}#${mark.block}${directive}`,
      landing: landingLink(o.path.get(mark.block) ?? location.pathname, mark.block, words),
    };
  });
  const order = (entry: Entry) => o.order.get(entry.mark.block) ?? Number.MAX_SAFE_INTEGER;
  return list.sort((a, b) => order(a) - order(b) || a.mark.position.start - b.mark.position.start);
}

/* The panel: one popover for the menu and for the list. */
const panel = Object.assign(document.createElement('div'), { id: 'readers-copy-panel', className: 'readers-copy-panel' });
panel.setAttribute('popover', '');
panel.setAttribute('role', 'dialog');
panel.setAttribute('aria-labelledby', 'readers-copy-title');
const head = Object.assign(document.createElement('div'), { className: 'readers-copy-head' });
const title = Object.assign(document.createElement('h2'), { id: 'readers-copy-title', className: 'readers-copy-title' });
const closeButton = button(t.close, () => hidePanel(panel));
head.append(title, closeButton);
const body = Object.assign(document.createElement('div'), { className: 'readers-copy-body' });
panel.append(head, body);
document.body.append(panel);
let trigger: HTMLElement | null = null;
let view: 'menu' | 'list' = 'list';
let menuMark = '';
panel.addEventListener('toggle', (event) => {
  if ((event as ToggleEvent).newState === 'closed') (trigger?.isConnected ? trigger : document.querySelector<HTMLElement>('.my-highlights-button'))?.focus();
});

function button(label: string, action: () => void, className = ''): HTMLButtonElement {
  const element = Object.assign(document.createElement('button'), { type: 'button', className });
  setTypeset(element, label);
  element.addEventListener('click', action);
  return element;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const made = Object.assign(document.createElement(tag), { className });
  if (text !== undefined) setTypeset(made, text);
  return made;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    say(t.copied);
  } catch {
    say(t.copyFailed);
  }
}

function attribution(): string {
  const author = document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '';
  return `\u2014\u2014 ${author}\u300A${identity().title}\u300B`;
}

// In the author's quotation marks, “”, as the page, the quote link's copy and the quote image show quotations.
function quoteText(entry: Entry): string {
  return `\u201C${entry.words}\u201D${entry.mark.note ? `\n${t.markdownNote}${entry.mark.note}` : ''}\n${attribution()}\n${entry.quoteLink}`;
}

function remove(ids: Set<string>, message: string) {
  const before = saved.marks;
  save(before.filter((mark) => !ids.has(mark.id)));
  say(message, () => save([...saved.marks, ...before.filter((mark) => ids.has(mark.id))]));
}

/** The note editor: a labelled text field, saved with its button (or Ctrl/⌘+Enter). */
function noteEditor(mark: Mark, done: () => void): HTMLElement {
  const form = element('form', 'readers-copy-note-form');
  const id = `note-${mark.id}`;
  const label = Object.assign(element('label', 'readers-copy-note-label', t.noteLabel), { htmlFor: id });
  const field = Object.assign(document.createElement('textarea'), { id, value: mark.note ?? '', rows: 3, className: 'readers-copy-note-field' });
  const submit = Object.assign(element('button', 'readers-copy-primary', t.saveNote), { type: 'submit' as const });
  const actions = element('div', 'readers-copy-actions');
  actions.append(submit, button(t.cancel, done));
  form.append(label, field, actions);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const note = field.value.trim();
    save(
      saved.marks.map((m) => {
        if (m.id !== mark.id) return m;
        const { note: _old, ...rest } = m;
        return { ...rest, ...(note ? { note } : {}), updated: Date.now() };
      }),
    );
    say(t.noteSaved);
    done();
  });
  queueMicrotask(() => field.focus());
  return form;
}

/* The menu of one 划线 ---------------------------------------------------------------------- */

async function drawMenu() {
  const entry = (await entries()).find((e) => e.mark.id === menuMark);
  if (!entry) return hidePanel(panel);
  setTypeset(title, t.menuTitle);
  const quote = element('blockquote', 'readers-copy-quote', entry.words);
  const note = entry.mark.note ? element('p', 'readers-copy-note', entry.mark.note) : null;
  const actions = element('div', 'readers-copy-actions');
  actions.append(
    button(entry.mark.note ? t.editNote : t.writeNote, () => {
      actions.replaceWith(noteEditor(entry.mark, () => void drawMenu()));
    }, 'readers-copy-primary'),
    button(t.copyQuote, () => void copyText(quoteText(entry))),
    button(t.quoteImage, () => quoteImage(entry.mark)),
    button(t.remove, () => {
      hidePanel(panel);
      remove(new Set([entry.mark.id]), t.removed);
    }),
  );
  body.replaceChildren(...[quote, note, actions].flatMap((node) => (node ? [node] : [])));
}

/** The sharing feature's quote image, for the 划线's words: selected, then its button in the selection's group. */
function quoteImage(mark: Mark) {
  const block = blockOf(mark.block);
  const at = positions.get(mark.id);
  const range = block && at && rangeOf({ element: block, start: at.start, end: at.end });
  if (!range) return;
  hidePanel(panel);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const started = performance.now();
  const press = () => {
    const image = document.querySelector<HTMLButtonElement>('.quote-actions [data-quote-action="image"]');
    if (image && !image.hidden && !image.closest('[hidden]')) image.click();
    else if (performance.now() - started < 3000) setTimeout(press, 100);
  };
  setTimeout(press, 200);
}

export function openMenu(id: string, from: HTMLElement) {
  trigger = from;
  view = 'menu';
  menuMark = id;
  void drawMenu().then(() => {
    showPanel(panel);
    body.querySelector<HTMLButtonElement>('button')?.focus();
  });
}

/* 我的划线 ---------------------------------------------------------------------------------- */

let confirming = false;

async function drawList() {
  const list = await entries();
  setTypeset(title, `${t.myHighlights}`);
  const parts: HTMLElement[] = [element('p', 'readers-copy-hint', t.listHint)];
  if (saved.unreadable.length) parts.push(element('p', 'readers-copy-warning', fill(t.unreadable, { count: String(saved.unreadable.length) })));
  if (!list.length) parts.push(element('p', 'readers-copy-empty', t.empty));
  const ol = element('ol', 'readers-copy-list');
  for (const entry of list) {
    const li = element('li', 'readers-copy-entry');
    li.append(element('p', 'readers-copy-section', entry.section));
    const link = Object.assign(element('a', 'readers-copy-quote', entry.words), { href: entry.landing });
    link.addEventListener('click', (event) => {
      if (!land(entry.mark)) return;
      event.preventDefault();
      hidePanel(panel);
    });
    li.append(link);
    if (!entry.found) li.append(element('p', 'readers-copy-warning', t.notFound));
    if (entry.mark.note) li.append(element('p', 'readers-copy-note', entry.mark.note));
    const actions = element('div', 'readers-copy-actions');
    actions.append(
      button(entry.mark.note ? t.editNote : t.writeNote, () => actions.replaceWith(noteEditor(entry.mark, () => void drawList()))),
      button(t.remove, () => remove(new Set([entry.mark.id]), t.removed)),
    );
    li.append(actions);
    ol.append(li);
  }
  parts.push(ol);
  const tools = element('div', 'readers-copy-actions readers-copy-tools');
  const file = Object.assign(document.createElement('input'), { type: 'file', accept: 'application/json,.json', hidden: true });
  file.addEventListener('change', () => void importFile(file));
  tools.append(
    button(t.exportMarkdown, () => void exportMarkdown(), 'readers-copy-primary'),
    button(t.copyAll, () => void entries().then((all) => copyText(all.map(quoteText).join('\n\n')))),
    button(t.exportFile, () => download('my-highlights.json', 'application/json', exportJson(identity(), saved))),
    button(t.importFile, () => file.click()),
    file,
  );
  if (list.length) {
    tools.append(
      button(confirming ? fill(t.confirmRemoveAll, { count: String(list.length) }) : t.removeAll, () => {
        if (!confirming) {
          confirming = true;
          return void drawList().then(() => panel.querySelector<HTMLButtonElement>('.readers-copy-danger')?.focus());
        }
        confirming = false;
        remove(new Set(saved.marks.map((mark) => mark.id)), fill(t.removedAll, { count: String(list.length) }));
      }, 'readers-copy-danger'),
    );
  }
  parts.push(tools);
  body.replaceChildren(...parts);
}

/** Brings a 划线 on this page into view; false when its words are on another page. */
function land(mark: Mark): boolean {
  const block = blockOf(mark.block);
  const at = positions.get(mark.id);
  const range = block && at && rangeOf({ element: block, start: at.start, end: at.end });
  if (!block || !range) return false;
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const rect = range.getBoundingClientRect();
  scrollTo({ top: scrollY + rect.top - header - (innerHeight - header) / 3, behavior: 'instant' });
  if (!block.hasAttribute('tabindex')) block.tabIndex = -1;
  block.focus({ preventScroll: true });
  return true;
}

async function exportMarkdown() {
  const list = await entries();
  const text = markdown(fill(t.markdownTitle, { title: identity().title }), list.map((entry) => ({ quote: entry.words, ...(entry.mark.note ? { note: entry.mark.note } : {}), section: entry.section, link: entry.quoteLink, found: entry.found })), {
    note: t.markdownNote,
    section: t.markdownSection,
    open: t.open,
    notFound: t.notFound,
  });
  download('my-highlights.md', 'text/markdown', text);
}

async function importFile(input: HTMLInputElement) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const result = importJson(await file.text().catch(() => ''), identity(), saved.marks);
  if (!result.ok) {
    say(result.reason === 'other-essay' ? t.importOtherEssay : result.reason === 'newer-version' ? t.importNewer : t.importNotExport, undefined, 8000);
    return;
  }
  if (result.added) save(result.marks);
  say(result.added ? fill(t.imported, { count: String(result.added) }) : t.importedNone);
}

export function openList(from: HTMLElement) {
  trigger = from;
  view = 'list';
  confirming = false;
  void drawList().then(() => {
    showPanel(panel);
    closeButton.focus();
  });
}

// Another tab, an undo or an import changed the 划线: the open panel follows.
onChange(() => {
  if (!isOpen(panel)) return;
  void (view === 'list' ? drawList() : drawMenu()).then(() => {
    // The button that was pressed may be gone (a removed entry): the keyboard goes on from the panel.
    if (isOpen(panel) && !panel.contains(document.activeElement)) closeButton.focus();
  });
});
