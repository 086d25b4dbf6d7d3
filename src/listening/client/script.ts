/**
 * What is read, in order: the essay's blocks as the page shows them (section headings, the
 * paragraphs of the lede, the sections and the author's note; not the contents, the ¶ and # links
 * or any interface), each cut into utterances by ../sentences.ts over its `textContent`, which
 * carries no generated space (those are drawn by CSS).
 *
 * On a section page the essay goes on past the page. Listening goes on with it, on the same page:
 * the full essay's page (/ or /zh-hant/, linked from the page's kicker) is fetched as listening
 * starts and read from its blocks. Going to the next section's page instead would stop the voice
 * (a page's speech ends with it) and could not start it again without a tap on iOS; a listener on
 * the metro expects the voice to go on. What is read beyond the page is shown in the player.
 */
import { pieces } from '../sentences';

export interface Item {
  /** The block's id (`why-deepseek-2`) and, when the page shows it, its element. */
  id: string;
  element: Element | null;
  start: number;
  end: number;
  said: string;
  /** The part it belongs to, as the page names it (a section's title, the author's note). */
  part: string;
}

const BLOCKS = '.essay .section-heading[id], .essay .prose > p[id]';

function partOf(block: Element): string {
  const section = block.closest('.essay-section');
  if (section) return section.querySelector('.section-heading')?.textContent?.trim() ?? '';
  const note = block.closest('.author-note');
  if (note) return note.getAttribute('aria-label') ?? '';
  return block.ownerDocument.querySelector('.essay-title')?.textContent?.trim() ?? '';
}

/** The utterances of `blocks`, each tied to the page's element of the same id (the block itself, or none). */
export function itemsOf(blocks: Iterable<Element>, onPage: (id: string) => Element | null = (id) => document.getElementById(id)): Item[] {
  return [...blocks].flatMap((block) => {
    const element = onPage(block.id);
    const part = partOf(block);
    return pieces(block.textContent ?? '').map(({ start, end, said }) => ({ id: block.id, element, start, end, said, part }));
  });
}

export function pageBlocks(root: ParentNode = document): Element[] {
  return [...root.querySelectorAll(BLOCKS)];
}

/** The full essay's address when this page shows one section of it (its kicker links there), else null. */
export function fullEssayUrl(): string | null {
  return document.querySelector<HTMLAnchorElement>('.essay-kicker a[href]')?.href ?? null;
}

/**
 * The blocks that follow `lastId` in the full essay, fetched from its page; on this page's own
 * elements where it shows them (the author's note). Rejects when the page cannot be had.
 */
export async function blocksAfter(url: string, lastId: string): Promise<Item[]> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const full = new DOMParser().parseFromString(await response.text(), 'text/html');
  const blocks = pageBlocks(full);
  const at = blocks.findIndex((block) => block.id === lastId);
  if (at < 0) throw new Error(`${url}: no block ${lastId}`);
  return itemsOf(blocks.slice(at + 1));
}
