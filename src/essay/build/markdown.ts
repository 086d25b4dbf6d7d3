/**
 * The one Markdown pipeline of the site, shared by astro.config.ts and the tests.
 *
 * Astro 7's default processor (Sätteri) runs no remark or rehype plugins, so the
 * site names unified explicitly; tests/unit/markdown.spec.ts fails if the
 * plugins stop running.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeChineseTypography, rehypeParagraphIds } from './rehype-essay';

export const markdownOptions = {
  // SmartyPants would turn the author's straight quotes into curly ones: that is an edit, not typography.
  smartypants: false,
  remarkPlugins: [remarkCjkFriendly],
  rehypePlugins: [rehypeParagraphIds, rehypeChineseTypography],
};

export const markdownProcessor = unified(markdownOptions);
