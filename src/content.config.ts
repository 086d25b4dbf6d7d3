/**
 * The essay's content collections and their schemas. A missing or wrong field,
 * or two sections sharing a slug or an order, stops the build with a message
 * that names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { withUniqueFields } from './essay/build/unique-fields-loader';

const CONTENT = './content';

const essay = defineCollection({
  loader: glob({ pattern: 'essay.yaml', base: CONTENT }),
  schema: z
    .object({
      author: z.string().min(1),
      titleFrom: z
        .string()
        .regex(/^lede-\d+$/, 'the id of the lede paragraph whose words title the essay, such as lede-3'),
    })
    .strict(),
});

/**
 * A field's message when it is missing or of the wrong type. Astro prints it after the
 * field's name, under a line naming the entry, with the file's path as its location:
 * `order: must be the position of the section as a whole number, such as 2 (no quotes), not "2" (a string)`.
 */
const fieldError =
  (field: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `missing; add \`${field}: …\` to the frontmatter: ${expected}`
      : `must be ${expected}, not ${JSON.stringify(issue.input)} (a ${typeof issue.input})`;

/** Paths the site uses itself: a section there would collide with a page or a build folder. */
const RESERVED_SLUGS = ['search', '404', 'og', 'pagefind', '_astro', 'index'];

const sections = defineCollection({
  // Entries are named by their file, not by Astro's default of the `slug` field: with the
  // default, two files sharing a slug silently become one entry and the check below never sees them.
  loader: withUniqueFields(
    glob({
      pattern: '*.md',
      base: `${CONTENT}/sections`,
      generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    }),
    ['slug', 'order'],
  ),
  schema: z
    .object({
      title: z.string({ error: fieldError('title', 'the section heading as text') }).min(1),
      slug: z
        .string({ error: fieldError('slug', 'a short ASCII name for the URL, such as why-deepseek') })
        .regex(
          /^[a-z0-9]+(-[a-z0-9]+)*$/,
          'must be a short ASCII slug: lower-case letters, digits and hyphens',
        )
        .refine((slug) => !RESERVED_SLUGS.includes(slug), {
          message: `must not be one of the site's own paths (${RESERVED_SLUGS.join(', ')})`,
        }),
      order: z
        .number({
          error: fieldError('order', 'the position of the section as a whole number, such as 2 (no quotes)'),
        })
        .int('must be a whole number')
        .positive('must be 1 or more'),
    })
    .strict(),
});

/** The lede and the author's note carry no frontmatter: their words are all there is. */
const passage = (file: string) =>
  defineCollection({
    loader: glob({ pattern: file, base: CONTENT }),
    schema: z.object({}).strict(),
  });

export const collections = { essay, sections, lede: passage('lede.md'), note: passage('note.md') };
