import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const dir = process.env['BENCH_CONTENT_DIR'];
if (!dir) throw new Error('BENCH_CONTENT_DIR must name the content folder');

/** A lenient schema, as a plain site would write it: the fields the pages use, the rest passed through. */
const articles = defineCollection({
  loader: glob({ pattern: 'articles/**/*.md', base: dir }),
  schema: z
    .object({
      title: z.coerce.string(),
      subtitle: z.string().optional(),
      date: z.coerce.date(),
      column: z.string(),
      units: z.union([z.string(), z.array(z.string())]).transform((units) => (Array.isArray(units) ? units : [units])),
      byline: z.string().optional(),
      tags: z.array(z.string()).optional(),
      issue: z.number().optional(),
      draft: z.boolean().optional(),
    })
    .passthrough(),
});

export const collections = { articles };
