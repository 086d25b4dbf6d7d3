/**
 * The essay as the pages see it: metadata, title, lede, ordered sections and note,
 * gathered once from the content collections, and typeset once: every text it hands out
 * (author, title, section titles, shown text) has the character rules of core/typography.ts
 * applied, and the Markdown is typeset by the rehype plugins when it is rendered. Consumers
 * render what they get (essay/Typeset.astro marks its runs) and never typeset it again.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { markdownParagraphs, paragraphId } from '../../core/block-ids';
import { applyTypography } from '../../core/typography';

/** A section: its content entry (to render), and its title as shown. */
export type EssaySection = CollectionEntry<'sections'> & { title: string };

export interface Essay {
  author: string;
  /** The author's own words that title the page (the original gives no title), as shown. */
  title: string;
  lede: CollectionEntry<'lede'>;
  sections: EssaySection[];
  note: CollectionEntry<'note'>;
}

async function required<C extends 'essay' | 'lede' | 'note'>(collection: C, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry) throw new Error(`content/: the essay needs a file for "${id}" (collection "${collection}").`);
  return entry;
}

let cached: Promise<Essay> | undefined;

export function getEssay(): Promise<Essay> {
  cached ??= loadEssay();
  return cached;
}

async function loadEssay(): Promise<Essay> {
  const [meta, lede, note, sections] = await Promise.all([
    required('essay', 'essay'),
    required('lede', 'lede'),
    required('note', 'note'),
    getCollection('sections'),
  ]);
  if (sections.length === 0) throw new Error('content/sections/: the essay has no sections.');

  const ledeParagraphs = markdownParagraphs(lede.body ?? '');
  const titleIndex = ledeParagraphs.findIndex((_, i) => paragraphId('lede', i + 1) === meta.data.titleFrom);
  const title = ledeParagraphs[titleIndex];
  if (title === undefined) {
    throw new Error(
      `${meta.filePath}: field "titleFrom" is "${meta.data.titleFrom}", but content/lede.md has ${ledeParagraphs.length} paragraphs.`,
    );
  }

  return {
    author: applyTypography(meta.data.author),
    title: applyTypography(title),
    lede,
    note,
    sections: sections
      .toSorted((a, b) => a.data.order - b.data.order)
      .map((section) => ({ ...section, title: applyTypography(section.data.title) })),
  };
}

/** The essay's words from lede to note, for its reading time. */
export function wholeText(essay: Essay): string {
  return [essay.lede, ...essay.sections, essay.note].map((part) => part.body ?? '').join('\n');
}

/** A part's paragraphs as the page shows them, joined: for descriptions and cards. */
export function shownText(entry: { body?: string }): string {
  return markdownParagraphs(entry.body ?? '').map(applyTypography).join('');
}
