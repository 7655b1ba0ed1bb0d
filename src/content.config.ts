import { defineCollection } from 'astro:content';
import { articleLoader, registryLoader } from './integrations/content-loaders.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
  registry: defineCollection({ loader: registryLoader() }),
};
