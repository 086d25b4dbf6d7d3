/**
 * Reads the essay from content/ the simple way, independently of the site's own
 * loaders, so that the tests can rebuild the original text and say what each page
 * must show. The repository stays self-contained: nothing here reads ../shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyTypography } from '../../src/core/typography';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** SHA-256 of the original essay (27 lines, one paragraph a line, no trailing newline). */
export const ORIGINAL_SHA256 = '8c44093f6d983ac7168428281c6fb151220018bbfcd20830a320a8188031fa65';
/** 0-based lines of the original that are section headings. */
export const ORIGINAL_HEADING_LINES = [3, 9, 20] as const;
export const ORIGINAL_LINE_COUNT = 27;
/** Where, in the original's last line, the author's note begins (written with the original's ASCII colon). */
export const NOTE_START = '注:本文';

export interface Part {
  /** Path from the project root, e.g. `content/sections/1-why-deepseek.md`. */
  file: string;
  /** Blank-line-separated paragraphs of the body, as written. */
  paragraphs: string[];
}

export interface Section extends Part {
  title: string;
  slug: string;
  order: number;
}

export interface EssayContent {
  lede: Part;
  /** In reading order (by `order`). */
  sections: Section[];
  note: Part;
}

function splitFrontmatter(text: string, file: string): { frontmatter: Map<string, string>; body: string } {
  const frontmatter = new Map<string, string>();
  if (!text.startsWith('---\n')) return { frontmatter, body: text };
  const end = text.indexOf('\n---\n', 3);
  if (end < 0) throw new Error(`${file}: frontmatter has no closing ---`);
  for (const line of text.slice(4, end).split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (!match) throw new Error(`${file}: cannot read frontmatter line ${JSON.stringify(line)}`);
    const value = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
    frontmatter.set(match[1]!, value);
  }
  return { frontmatter, body: text.slice(end + 5) };
}

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function readPart(root: string, file: string): Part & { frontmatter: Map<string, string> } {
  const { frontmatter, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'), file);
  return { file, paragraphs: paragraphsOf(body), frontmatter };
}

export function readEssayContent(root = PROJECT_ROOT): EssayContent {
  const lede = readPart(root, 'content/lede.md');
  const note = readPart(root, 'content/note.md');
  const sections = readdirSync(join(root, 'content/sections'))
    .filter((name) => name.endsWith('.md'))
    .map((name): Section => {
      const part = readPart(root, `content/sections/${name}`);
      const field = (key: string) => {
        const value = part.frontmatter.get(key);
        if (value === undefined) throw new Error(`${part.file}: no ${key} in frontmatter`);
        return value;
      };
      return {
        file: part.file,
        paragraphs: part.paragraphs,
        title: field('title'),
        slug: field('slug'),
        order: Number(field('order')),
      };
    })
    .sort((a, b) => a.order - b.order);
  return {
    lede: { file: lede.file, paragraphs: lede.paragraphs },
    sections,
    note: { file: note.file, paragraphs: note.paragraphs },
  };
}

/**
 * The original text rebuilt from content/: lede paragraphs, then each section's
 * heading and paragraphs, one a line; the note joined to the last paragraph as in the
 * original, where it follows the final sentence on the same line.
 */
export function rebuildOriginal(essay: EssayContent): string {
  const lines = [
    ...essay.lede.paragraphs,
    ...essay.sections.flatMap((section) => [section.title, ...section.paragraphs]),
  ];
  lines.push(`${lines.pop() ?? ''}${essay.note.paragraphs.join('')}`);
  return lines.join('\n');
}

export type BlockKind = 'paragraph' | 'heading' | 'note';

export interface Block {
  kind: BlockKind;
  text: string;
}

/**
 * What the full essay must show, block by block, derived from the original's lines:
 * each line set by `applyTypography`, the heading lines as headings, and the last line
 * split where the author's note starts.
 */
export function expectedBlocks(original: string): Block[] {
  const lines = original.split('\n');
  return lines.flatMap((line, i): Block[] => {
    if ((ORIGINAL_HEADING_LINES as readonly number[]).includes(i)) {
      return [{ kind: 'heading', text: applyTypography(line) }];
    }
    if (i === lines.length - 1) {
      const at = line.indexOf(NOTE_START);
      if (at <= 0) throw new Error(`the last line has no note starting with ${NOTE_START}`);
      return [
        { kind: 'paragraph', text: applyTypography(line.slice(0, at)) },
        { kind: 'note', text: applyTypography(line.slice(at)) },
      ];
    }
    return [{ kind: 'paragraph', text: applyTypography(line) }];
  });
}

/** Every piece of essay text, lede to note, for tests that walk all of it. */
export function allEssayTexts(essay: EssayContent): string[] {
  return [
    ...essay.lede.paragraphs,
    ...essay.sections.flatMap((section) => [section.title, ...section.paragraphs]),
    ...essay.note.paragraphs,
  ];
}

/** Every title the site sets from the essay, as written: the essay's (the lede's third paragraph) and each section's. */
export function essayTitles(essay: EssayContent = readEssayContent()): string[] {
  return [essay.lede.paragraphs[2]!, ...essay.sections.map((section) => section.title)];
}
