import type { CollectionEntry } from 'astro:content';
import { expect, expectTypeOf, test } from 'vitest';
import { articleLoader, registryLoader } from '../../../src/integrations/content-loaders.ts';
import {
  storedArticleSchema,
  storedRegistrySchema,
  type StoredArticle,
  type StoredRegistry,
} from '../../../src/integrations/stored-entries.ts';

// The collections' entry types are the ones `astro sync` writes from the loaders' schemas
// (.astro/content.d.ts); `npm run typecheck` syncs before it checks this file.

test('each content loader declares the schema of what it stores', () => {
  expect(registryLoader().schema).toBe(storedRegistrySchema);
  expect(articleLoader().schema).toBe(storedArticleSchema);
});

test('a page reads an entry as the loader stored it, or the type check fails', () => {
  expectTypeOf<CollectionEntry<'registry'>['data']>().toEqualTypeOf<StoredRegistry>();
  expectTypeOf<CollectionEntry<'articles'>['data']>().toEqualTypeOf<StoredArticle>();
  // Never called: each line must fail `npm run typecheck`, which runs before the tests.
  const mistakes = [
    // @ts-expect-error an article's entry holds no fields: its title is the loader's reading (src/data.ts)
    (entry: CollectionEntry<'articles'>) => entry.data.title,
    // @ts-expect-error the registries are stored without their lookups, which the site rebuilds
    (entry: CollectionEntry<'registry'>) => entry.data.unitByRef,
    // @ts-expect-error site.yaml has no such field
    (entry: CollectionEntry<'registry'>) => entry.data.site.title,
  ];
  expect(mistakes).toHaveLength(3);
});
