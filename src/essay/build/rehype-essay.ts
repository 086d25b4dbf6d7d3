/**
 * The rehype plugins that apply the typography rules and the block ids at build
 * time, so both hold with JavaScript off.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { paragraphId } from '../../core/block-ids';
import { applyTypography, typesetRuns } from '../../core/typography';
import { strings } from '../../core/strings';

/**
 * A block's permalink: a plain anchor, so it works with scripts off; its mark
 * (¶ or #) is drawn by CSS, so it is never part of the text that is copied,
 * indexed or compared with the original. The share script turns it into the
 * block's share button.
 */
export function permalink(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['permalink'], href: `#${id}`, ariaLabel: label },
    children: [],
  };
}

/**
 * A Latin run this short that holds a joiner (`GPT-4o`, `DeepSeek-V3`, `App Store`, `1/20`) is kept on
 * one line: a break after its hyphen or space leaves `GPT-` at a line's end. Longer runs may wrap.
 */
const UNBROKEN_RUN = /^(?=.{3,16}$).+[-/ ].+$/u;

/**
 * Numbers in vertical text (竖排), as Chinese books set them: one or two digits side by side
 * in one upright column (`text-combine-upright`, 纵中横), three or four stacked upright (years), one cell each;
 * longer numbers and Latin words lie sideways. The classes do nothing in horizontal text.
 */
const COMBINED_DIGITS = /^\d{1,2}$/;
const UPRIGHT_DIGITS = /^\d{3,4}$/;

/**
 * Hast for text the character rules have set (core/typography.ts `applyTypography`): its marked
 * runs (Latin next to Han, Chinese quotes, squeezed marks) as elements. Shared with essay/Typeset.astro.
 */
export function runsHast(typeset: string): ElementContent[] {
  return typesetRuns(typeset).map((run): ElementContent => {
    if (run.punctuation) {
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: run.punctuation },
        children: [{ type: 'text', value: run.text }],
      };
    }
    if (run.spaceBefore === undefined) return { type: 'text', value: run.text };
    const className = [
      run.spaceBefore && 'space-before',
      run.spaceAfter && 'space-after',
      UNBROKEN_RUN.test(run.text) && 'unbroken',
      COMBINED_DIGITS.test(run.text) && 'digits-combined',
      UPRIGHT_DIGITS.test(run.text) && 'digits-upright',
    ].filter((name): name is string => Boolean(name));
    // Each digit of an upright number is its own one-cell combination: WebKit draws a run set
    // with text-orientation: upright over itself, while a combined cell it draws right everywhere.
    const children: ElementContent[] = UPRIGHT_DIGITS.test(run.text)
      ? Array.from(run.text, (digit) => ({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: digit }] }))
      : [{ type: 'text', value: run.text }];
    return { type: 'element', tagName: 'span', properties: { className }, children };
  });
}

const UNTOUCHED = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

export function rehypeChineseTypography() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && UNTOUCHED.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return;
      const replacement = runsHast(applyTypography((node as Text).value));
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    });
  };
}

/** The slug that prefixes a part's paragraph ids: its frontmatter `slug`, else its file name. */
function partSlug(file: VFile): string {
  const frontmatter = (file.data as { astro?: { frontmatter?: { slug?: unknown } } }).astro
    ?.frontmatter;
  if (typeof frontmatter?.slug === 'string') return frontmatter.slug;
  if (file.stem) return file.stem;
  throw new Error(`Cannot name the paragraphs of ${file.path}: it has neither a slug nor a file name.`);
}

export function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const slug = partSlug(file);
    const paragraphs = tree.children.filter(
      (node): node is Element => node.type === 'element' && node.tagName === 'p',
    );
    paragraphs.forEach((paragraph, i) => {
      const id = paragraphId(slug, i + 1);
      paragraph.properties.id = id;
      paragraph.children.push(permalink(id, strings.share.paragraphLink));
    });
  };
}
