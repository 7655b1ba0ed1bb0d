import { getCollection, type CollectionEntry } from 'astro:content';
import type { PaginateFunction } from 'astro';

export type Article = CollectionEntry<'articles'>;

/** Published articles, newest first. */
export async function publishedArticles(): Promise<Article[]> {
  const all = await getCollection('articles', (entry) => !entry.data.draft);
  return all.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** Articles grouped by a key each article may have several of. */
export function groupBy(articles: Article[], keys: (article: Article) => string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const list = groups.get(key) ?? [];
      list.push(article);
      groups.set(key, list);
    }
  }
  return groups;
}

/** The listing pages of every group, 20 articles a page, as Astro's `paginate` makes them. */
export async function listingPaths(paginate: PaginateFunction, param: string, keys: (article: Article) => string[]) {
  const groups = groupBy(await publishedArticles(), keys);
  return [...groups].flatMap(([key, articles]) => paginate(articles, { params: { [param]: key }, pageSize: 20 }));
}
