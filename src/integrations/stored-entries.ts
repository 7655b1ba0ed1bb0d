import { z } from 'astro/zod';
import type { Registry } from '../lib/content/registries.ts';

/*
 * What the content loaders put in Astro's content store, as the loaders' schemas: `astro sync`
 * types each collection's `entry.data` from them, so a page that reads a field the store does not
 * hold fails the type check instead of rendering nothing. They declare types and check nothing:
 * Astro validates only what a loader hands to `parseData`, and ours never do, as the content was
 * validated by the project's own schema (src/lib/content), whose messages name the file, line and
 * field in Chinese.
 */

/** The registries as stored: plain data, the lookup maps are rebuilt by the site (`withLookups`). */
export type StoredRegistry = Pick<Registry, 'site' | 'units' | 'columns'>;

export const storedRegistrySchema = z.custom<StoredRegistry>();

/**
 * An article's entry holds no fields: the pages take the article from the loader's reading
 * (content-snapshot.ts); the entry gives its digest and, with pictures, its rendering.
 */
export type StoredArticle = Record<never, never>;

export const storedArticleSchema = z.custom<StoredArticle>();
