/** src/core/block-ids.ts: the anchors of the essay's blocks and how a part splits into paragraphs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { markdownParagraphs, paragraphId } from '../../src/core/block-ids';
import { PROJECT_ROOT, readEssayContent } from '../support/essay-content';

test.describe('paragraphId', () => {
  test('is the part slug and the 1-based position, joined by a hyphen', () => {
    expect(paragraphId('lede', 1)).toBe('lede-1');
    expect(paragraphId('why-deepseek', 2)).toBe('why-deepseek-2');
    expect(paragraphId('note', 1)).toBe('note-1');
  });

  test('gives distinct ids to every paragraph of every part of the essay', () => {
    const essay = readEssayContent();
    const parts = [
      { slug: 'lede', count: essay.lede.paragraphs.length },
      ...essay.sections.map((section) => ({ slug: section.slug, count: section.paragraphs.length })),
      { slug: 'note', count: essay.note.paragraphs.length },
    ];
    const ids = parts.flatMap(({ slug, count }) =>
      Array.from({ length: count }, (_, i) => paragraphId(slug, i + 1)),
    );
    expect(ids.length).toBe(27 - 3 + 1); // 27 lines, 3 of them headings, the last split into paragraph and note
    expect(new Set(ids).size).toBe(ids.length);
    // No paragraph id may collide with a section heading's id (the bare slug).
    for (const section of essay.sections) expect(ids).not.toContain(section.slug);
  });
});

test.describe('markdownParagraphs', () => {
  test('splits on blank lines and trims each paragraph', () => {
    expect(markdownParagraphs('第一段。\n\n第二段。\n')).toEqual(['第一段。', '第二段。']);
    expect(markdownParagraphs('  第一段。  \n\n\n\n第二段。')).toEqual(['第一段。', '第二段。']);
  });

  test('treats a line of only spaces or tabs as blank, and CRLF line ends like LF', () => {
    expect(markdownParagraphs('甲\n \t \n乙')).toEqual(['甲', '乙']);
    expect(markdownParagraphs('甲\r\n\r\n乙\r\n')).toEqual(['甲', '乙']);
  });

  test('keeps a single line break inside a paragraph, as Markdown does', () => {
    expect(markdownParagraphs('甲\n乙\n\n丙')).toEqual(['甲\n乙', '丙']);
  });

  test('returns nothing for an empty or blank body', () => {
    expect(markdownParagraphs('')).toEqual([]);
    expect(markdownParagraphs('\n\n  \n')).toEqual([]);
  });

  test('agrees with the independent reader of content/ on every part of the essay', () => {
    const essay = readEssayContent();
    for (const part of [essay.lede, ...essay.sections, essay.note]) {
      const body = readFileSync(join(PROJECT_ROOT, part.file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(markdownParagraphs(body), part.file).toEqual(part.paragraphs);
    }
  });
});
