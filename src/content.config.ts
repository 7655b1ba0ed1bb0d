import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { articleLoader, registryLoader } from './integrations/content-loaders.ts';
import { contentDir } from './lib/files/paths.ts';
import { loadRegistry } from './lib/content/registries.ts';
import { isUsableTrustedFolder, specialPageId, specialPageSchema } from './lib/content/special-pages.ts';

/**
 * Editors' special pages: .mdx files, only from the folders site.yaml trusts with code. No other
 * folder is ever handed to the MDX compiler, so an .mdx file anywhere else never runs.
 */
function specialPagesLoader(): Loader {
  const dir = contentDir();
  const trusted = (loadRegistry(dir).registry?.site.trustedMdx ?? []).filter(isUsableTrustedFolder);
  if (trusted.length === 0) return { name: 'bulletin-special-pages', load: async ({ store }) => store.clear() };
  return glob({
    pattern: trusted.map((folder) => `${folder}/**/*.mdx`),
    base: pathToFileURL(`${dir}/`),
    generateId: ({ entry }) => specialPageId(entry),
  });
}

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
  registry: defineCollection({ loader: registryLoader() }),
  pages: defineCollection({ loader: specialPagesLoader(), schema: specialPageSchema }),
};
