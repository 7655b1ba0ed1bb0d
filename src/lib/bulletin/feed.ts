import type { Article } from '../content/articles.ts';
import type { Bulletin } from './bulletin.ts';
import { dateToInstant } from '../text/dates.ts';
import type { Routes } from './routes.ts';

/** How many of the newest articles a feed carries. */
export const feedSize = 50;

/** One RSS item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** The newest articles of a listing as feed items: column and units as categories. */
export function feedItems(
  bulletin: Pick<Bulletin, 'columnBySlug' | 'unitBySlug'>,
  articles: readonly Article[],
  routes: Routes,
): FeedItem[] {
  return articles.slice(0, feedSize).map((article) => ({
    title: article.title,
    link: routes.article(article.slug),
    pubDate: dateToInstant(article.date),
    description: article.summary,
    categories: [
      bulletin.columnBySlug.get(article.column)?.name ?? article.column,
      ...article.units.map((slug) => bulletin.unitBySlug.get(slug)?.name ?? slug),
    ],
  }));
}
