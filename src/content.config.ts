/**
 * The essay's content collections and their schemas. A missing or wrong field,
 * or two sections sharing a slug or an order, stops the build with a message
 * that names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { withUniqueFields } from './lib/unique-fields-loader';

const CONTENT = './content';

const essay = defineCollection({
  loader: glob({ pattern: 'essay.yaml', base: CONTENT }),
  schema: z
    .object({
      author: z.string().min(1),
      lang: z.string().regex(/^zh(-[A-Za-z]+)*$/, 'a Chinese BCP 47 tag such as zh-CN'),
      titleFrom: z
        .string()
        .regex(/^lede-\d+$/, 'the id of the lede paragraph whose words title the essay, such as lede-3'),
    })
    .strict(),
});

const sections = defineCollection({
  loader: withUniqueFields(glob({ pattern: '*.md', base: `${CONTENT}/sections` }), [
    'slug',
    'order',
  ]),
  schema: z
    .object({
      title: z.string().min(1),
      slug: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a short ASCII slug: lower-case letters, digits and hyphens'),
      order: z.number().int().positive(),
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
