import { getCollection, type CollectionEntry } from 'astro:content';

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
