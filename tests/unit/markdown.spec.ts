/**
 * The site's Markdown pipeline really runs its plugins.
 *
 * Astro 7's default processor (Sätteri) runs no remark or rehype plugins and says
 * nothing about it. These tests render through the project's own options and through
 * the very processor object that astro.config.ts installs, and check the plugins'
 * effects; a control render without the plugins shows the same input would fail.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createMarkdownProcessor, isUnifiedProcessor } from '@astrojs/markdown-remark';
import { markdownOptions, markdownProcessor } from '../../src/essay/build/markdown';
import { PROJECT_ROOT, readEssayContent } from '../support/essay-content';

const COMMA = '\uFF0C';

/** Emphasis closed right after Chinese-context punctuation: plain CommonMark does not see it. */
const EMPHASIS = '对于**软阶层,**来说,放弃无谓焦虑。';

/** Each paragraph of rendered HTML: its id and its text without tags (other plugins may add elements). */
function paragraphs(html: string): Array<[string | undefined, string]> {
  return [...html.matchAll(/<p(?: id="([^"]*)")?>([\s\S]*?)<\/p>/g)].map((match) => [
    match[1],
    match[2]!.replace(/<[^>]*>/g, ''),
  ]);
}

/** Renders like Astro does for a content file: with its file URL and its frontmatter. */
async function render(
  renderer: Awaited<ReturnType<typeof createMarkdownProcessor>>,
  markdown: string,
  file: string,
  frontmatter: Record<string, unknown> = {},
): Promise<string> {
  const { code } = await renderer.render(markdown, {
    fileURL: pathToFileURL(join(PROJECT_ROOT, file)),
    frontmatter,
  });
  return code;
}

test.describe('Markdown through the project pipeline (createMarkdownProcessor + markdownOptions)', () => {
  test('remark-cjk-friendly: **软阶层,**来说 gives <strong> with a full-width comma inside', async () => {
    const renderer = await createMarkdownProcessor(markdownOptions);
    const html = await render(renderer, EMPHASIS, 'content/sections/3-facing-ai.md', { slug: 'facing-ai' });
    expect(html).toContain(`<strong>软阶层${COMMA}</strong>来说${COMMA}放弃`);
    expect(html).not.toContain('**');
  });

  test('paragraphs get ids from the frontmatter slug, or from the file name without one', async () => {
    const renderer = await createMarkdownProcessor(markdownOptions);
    const section = await render(renderer, '甲。\n\n乙。\n\n丙。', 'content/sections/1-why-deepseek.md', {
      slug: 'why-deepseek',
    });
    expect(paragraphs(section)).toEqual([
      ['why-deepseek-1', '甲。'],
      ['why-deepseek-2', '乙。'],
      ['why-deepseek-3', '丙。'],
    ]);
    const lede = await render(renderer, '甲。\n\n乙。', 'content/lede.md');
    expect(paragraphs(lede)).toEqual([
      ['lede-1', '甲。'],
      ['lede-2', '乙。'],
    ]);
  });

  test('the typography rules run: ASCII , ? ( ) next to Chinese become full-width, Latin runs are marked', async () => {
    const renderer = await createMarkdownProcessor(markdownOptions);
    const html = await render(renderer, '在苹果App Store免费,这意味着什么?(DeepSeek震)动', 'content/lede.md');
    expect(paragraphs(html)).toEqual([
      ['lede-1', `在苹果App Store免费${COMMA}这意味着什么\uFF1F\uFF08DeepSeek震\uFF09动`],
    ]);
    expect(html).toMatch(/<span class="[^"]*\bspace-before\b[^"]*\bspace-after\b[^"]*">App Store<\/span>/);
    expect(html).toMatch(/<span class="(?![^"]*space-before)[^"]*\bspace-after\b[^"]*">DeepSeek<\/span>/);
  });

  test('the author’s straight quotes stay as written (SmartyPants is off)', async () => {
    const renderer = await createMarkdownProcessor(markdownOptions);
    const html = await render(renderer, 'He said "yes" -- it\'s fine...', 'content/lede.md');
    expect(html).toContain(`He said "yes" -- it's fine...`);
  });

  test('every content file renders to exactly its paragraphs, each with its id and typeset text', async () => {
    const renderer = await createMarkdownProcessor(markdownOptions);
    const essay = readEssayContent();
    const parts = [
      { part: essay.lede, slug: 'lede', frontmatter: {} },
      ...essay.sections.map((section) => ({
        part: section,
        slug: section.slug,
        frontmatter: { slug: section.slug },
      })),
      { part: essay.note, slug: 'note', frontmatter: {} },
    ];
    for (const { part, slug, frontmatter } of parts) {
      const html = await render(renderer, part.paragraphs.join('\n\n'), part.file, frontmatter);
      const ids = [...html.matchAll(/<p id="([^"]+)">/g)].map((match) => match[1]);
      expect(ids, part.file).toEqual(part.paragraphs.map((_, i) => `${slug}-${i + 1}`));
      expect((html.match(/<p[ >]/g) ?? []).length, part.file).toBe(part.paragraphs.length);
      expect(html, part.file).not.toMatch(/\p{Script=Han}[,?:;()]|[,?:;()]\p{Script=Han}/u);
    }
  });
});

test.describe('the processor astro.config.ts installs', () => {
  test('is unified (not Sätteri) and carries remark-cjk-friendly and both rehype plugins', () => {
    expect(isUnifiedProcessor(markdownProcessor)).toBe(true);
    expect(markdownProcessor.options.remarkPlugins).toEqual(markdownOptions.remarkPlugins);
    expect(markdownProcessor.options.rehypePlugins).toEqual(markdownOptions.rehypePlugins);
    expect(markdownProcessor.options.smartypants).toBe(false);
  });

  test('astro.config.ts uses it as markdown.processor', async () => {
    const { default: config } = await import('../../astro.config');
    expect(config.markdown?.processor).toBe(markdownProcessor);
  });

  test('its renderer runs the plugins: <strong>, ids and full-width commas', async () => {
    const renderer = await markdownProcessor.createRenderer({});
    const html = await render(renderer, `${EMPHASIS}\n\n第二段,完。`, 'content/sections/3-facing-ai.md', {
      slug: 'facing-ai',
    });
    expect(html).toContain(`对于<strong>软阶层${COMMA}</strong>来说${COMMA}放弃无谓焦虑。`);
    expect(paragraphs(html)).toEqual([
      ['facing-ai-1', `对于软阶层${COMMA}来说${COMMA}放弃无谓焦虑。`],
      ['facing-ai-2', `第二段${COMMA}完。`],
    ]);
  });
});

test('control: the same Markdown without the plugins shows what the tests above would catch', async () => {
  const bare = await createMarkdownProcessor({ smartypants: false });
  const html = await render(bare, EMPHASIS, 'content/sections/3-facing-ai.md', { slug: 'facing-ai' });
  expect(html).not.toContain('<strong>');
  expect(html).not.toContain(COMMA);
  expect(html).not.toContain('id=');
});
