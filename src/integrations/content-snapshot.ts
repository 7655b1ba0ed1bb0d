import { readArticles, type Article } from '../lib/articles.ts';
import { buildBulletin, type Bulletin } from '../lib/bulletin.ts';
import { loadRegistry } from '../lib/registries.ts';

/** The content folder as read from disk, independently of what the pages made of it. */
export interface ContentSnapshot {
  bulletin: Bulletin;
  /** Every valid article, drafts included. */
  articles: Article[];
}

/**
 * Read a content folder's registries and articles; undefined when the registries are broken
 * (the content loader has already reported why). Drafts are in `articles`, never in
 * `bulletin` unless asked for, as in `astro dev`.
 */
export function readSnapshot(dir: string, options: { includeDrafts: boolean }): ContentSnapshot | undefined {
  const { registry } = loadRegistry(dir);
  if (!registry) return undefined;
  const { articles } = readArticles(dir, registry);
  const shown = options.includeDrafts ? articles : articles.filter((article) => !article.draft);
  return { bulletin: buildBulletin(registry, shown), articles };
}

const built = new Map<string, ContentSnapshot | undefined>();

/** The snapshot of a build, read once and shared by the steps that run after it. */
export function buildSnapshot(dir: string): ContentSnapshot | undefined {
  if (!built.has(dir)) built.set(dir, readSnapshot(dir, { includeDrafts: false }));
  return built.get(dir);
}
