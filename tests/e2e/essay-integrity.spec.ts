/**
 * The site shows the original essay: every line, in order, nothing missing, nothing
 * added, each changed only by the typography rules, and the author's note moved out
 * of the last paragraph into its own place.
 *
 * content/ must rebuild the original byte for byte (its SHA-256 is pinned here), so
 * the words cannot drift; the expected blocks are then derived from that rebuilt
 * text, independently of how the site splits it.
 *
 * What is compared on `/`: every outermost block element (p, h1–h6, li, blockquote,
 * pre, table, dl, figure) inside `main article`, except the essay header (the title
 * h1, which repeats the author's framing question from the lede, and the byline) and
 * `nav` elements (the table of contents, whose links repeat the headings). Those two
 * are checked on their own below. Besides the block list, all the text of the compared
 * part of the article, whitespace aside, must equal the expected text joined: text
 * outside any block element cannot slip in either.
 *
 * On a section page the compared set is the blocks of its `section.essay-section`
 * (its heading, an h1 there, and its paragraphs); the note is checked in its aside.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { applyTypography } from '../../src/core/typography';
import {
  expectedBlocks,
  ORIGINAL_HEADING_LINES,
  ORIGINAL_LINE_COUNT,
  ORIGINAL_SHA256,
  PROJECT_ROOT,
  readEssayContent,
  rebuildOriginal,
  type Block,
  type BlockKind,
} from '../support/essay-content';
import { ROOT_BUILD, builtPath } from '../support/builds';

const essay = readEssayContent();
const original = rebuildOriginal(essay);
const blocks = expectedBlocks(original);

interface ShownBlock {
  kind: BlockKind;
  tag: string;
  text: string;
}

/**
 * The blocks of `root` (outermost block elements, minus `exclude`) in document order,
 * as shown (innerText: what a reader sees and copies), and all their text joined.
 */
async function shownBlocks(
  page: Page,
  root: string,
  exclude: string,
): Promise<{ blocks: ShownBlock[]; allText: string }> {
  return page.evaluate(
    ({ root, exclude }) => {
      const BLOCK = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, table, dl, figure';
      const container = document.querySelector(root);
      if (!container) throw new Error(`no ${root} on ${location.pathname}`);
      const excluded = (node: Node) => {
        const element = node instanceof Element ? node : node.parentElement;
        return Boolean(exclude && element?.closest(exclude));
      };
      const blocks = [...container.querySelectorAll<HTMLElement>(BLOCK)]
        .filter((element) => !excluded(element) && !element.parentElement?.closest(BLOCK))
        .map((element) => ({
          kind: element.closest('.author-note')
            ? ('note' as const)
            : /^H[1-6]$/.test(element.tagName)
              ? ('heading' as const)
              : ('paragraph' as const),
          tag: element.tagName.toLowerCase(),
          text: element.innerText,
        }));
      let allText = '';
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!excluded(node)) allText += node.nodeValue ?? '';
      }
      return { blocks, allText };
    },
    { root, exclude },
  );
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

function expectSameBlocks(shown: { blocks: ShownBlock[]; allText: string }, expected: Block[]) {
  expect(shown.blocks.map(({ kind, text }) => ({ kind, text }))).toEqual(expected);
  expect(withoutWhitespace(shown.allText)).toBe(withoutWhitespace(expected.map((b) => b.text).join('')));
}

test.describe('content/ is the original essay', () => {
  test('rebuilds the original text exactly (pinned SHA-256)', () => {
    expect(createHash('sha256').update(original, 'utf8').digest('hex')).toBe(ORIGINAL_SHA256);
  });

  test('has the original shape: 27 lines, the section titles at lines 3, 9 and 20, one note', () => {
    const lines = original.split('\n');
    expect(lines).toHaveLength(ORIGINAL_LINE_COUNT);
    expect(ORIGINAL_HEADING_LINES.map((i) => lines[i])).toEqual(essay.sections.map((s) => s.title));
    expect(essay.lede.paragraphs).toHaveLength(ORIGINAL_HEADING_LINES[0]);
    expect(essay.note.paragraphs).toHaveLength(1);
    expect(blocks.filter((b) => b.kind === 'heading')).toHaveLength(3);
    expect(blocks.filter((b) => b.kind === 'note')).toHaveLength(1);
    expect(blocks).toHaveLength(ORIGINAL_LINE_COUNT + 1);
  });
});

test('/ shows every line of the original in order, each changed only by the typography rules', async ({
  page,
}) => {
  await page.goto('/');
  const shown = await shownBlocks(page, 'main article', '.essay-header, nav');
  expectSameBlocks(shown, blocks);
  // Section headings are the h2s of the full essay.
  expect(shown.blocks.filter((b) => b.kind === 'heading').map((b) => b.tag)).toEqual(['h2', 'h2', 'h2']);
});

test('/ titles the essay with the author’s own words and lists exactly the headings in its contents', async ({
  page,
}) => {
  await page.goto('/');
  const ledeLines = original.split('\n').slice(0, ORIGINAL_HEADING_LINES[0]).map(applyTypography);
  const title = await page.locator('main article .essay-header h1').innerText();
  expect(ledeLines).toContain(title);
  expect(await page.locator('main nav.toc li').allInnerTexts()).toEqual(
    blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
  );
});

/** The expected blocks of each section: from its heading to the next heading or the note. */
function sectionBlocks(): Block[][] {
  const result: Block[][] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') result.push([block]);
    else if (block.kind === 'paragraph' && result.length > 0) result.at(-1)!.push(block);
  }
  return result;
}

essay.sections.forEach((section, i) => {
  test(`/${section.slug}/ shows its heading and paragraphs exactly, and the note`, async ({ page }) => {
    await page.goto(`/${section.slug}/`);
    const shown = await shownBlocks(page, 'main section.essay-section', '');
    expectSameBlocks(shown, sectionBlocks()[i]!);
    expect(shown.blocks[0]!.tag).toBe('h1');
    const note = blocks.find((b) => b.kind === 'note')!;
    expect(await page.locator('main aside.author-note').innerText()).toBe(note.text);
  });
});

/** The text a reader meets in a built HTML file: text nodes (with <title>) and displayed attributes. */
function readableText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:alt|title|placeholder|aria-label)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Block boundaries must not make two blocks' characters neighbours.
    .replace(
      /<\/?(?:p|h[1-6]|li|ol|ul|div|section|article|aside|header|footer|nav|main|title|head|form|br|td|th|tr|table|figure|blockquote|pre)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]*>/g, '');
  return [text, ...attributes].join('\n');
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return named[name.toLowerCase()] ?? entity;
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

test('no built page shows an ASCII , ? : ; ( ) next to a Han character', () => {
  const files = htmlFiles(builtPath(ROOT_BUILD));
  // The essay, its three sections and the 404 page at least.
  expect(files.length).toBeGreaterThanOrEqual(essay.sections.length + 2);
  const offences = files.flatMap((file) => {
    const text = decodeEntities(readableText(readFileSync(file, 'utf8')));
    return [...text.matchAll(/.{0,12}(?:\p{Script=Han}[,?:;()]|[,?:;()]\p{Script=Han}).{0,12}/gu)].map(
      (match) => `${relative(PROJECT_ROOT, file)}: ${match[0]}`,
    );
  });
  expect(offences).toEqual([]);
});
