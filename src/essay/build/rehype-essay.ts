/**
 * The rehype plugins that apply the typography rules and the block ids at build
 * time, so both hold with JavaScript off.
 */
import type { Element, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { paragraphId } from '../../core/block-ids';
import { applyTypography } from '../../core/typography';
import { strings } from '../../core/strings';
import { runsHast } from '../../core/typeset-hast';

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
