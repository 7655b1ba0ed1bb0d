import { createHash } from 'node:crypto';

/**
 * The bulletin is indexed in shards, which src/lib/search/merge-index.ts merges into the one
 * index readers search: a shard's words and places are all in memory while it is packed, so a
 * shard bounds that memory whatever the size of the bulletin, and a rebuild indexes anew only
 * the shards whose articles changed.
 *
 * Shards follow the calendar, oldest first, and the index numbers its pages in that order: a
 * new article is in the newest shard, after the pages that shard had (keepEarlierOrder), and
 * every other page keeps its number, so the merge can keep each part of the index that holds
 * none of the new article's words. A year of at most twice `defaultShardSize` articles is one
 * shard; a bigger year is cut into its months, and a month bigger than that into parts by a
 * hash of the URL name. How a year is cut depends on its own articles only: an article added
 * to one year never moves another's. BULLETIN_SEARCH_SHARD_SIZE changes the size. Measured at
 * 10,000 articles: shards of 1,000 take 19 s and 1.1 GB to pack, of 500 15 s and 0.7 GB
 * (smaller word tables are faster to fill).
 */
export const defaultShardSize = 500;

function shardBase(): number {
  const configured = Number(process.env['BULLETIN_SEARCH_SHARD_SIZE']);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultShardSize;
}

interface Dated {
  slug: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** The part of a crowded month an article is in, from its URL name: stable while the month's count of parts stays the same. */
export function shardOf(slug: string, parts: number): number {
  return createHash('sha1').update(slug).digest().readUInt32BE(0) % parts;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items grouped by a key, each group keeping the items' order, the groups in the order of their keys. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [key: string, group: T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => compare(a, b));
}

/** A shard: its name (the year, the month, or the month and part) and its articles. */
export interface Shard<T> {
  name: string;
  articles: T[];
}

/**
 * Articles cut into their shards, oldest shard first; each shard holds its articles by date
 * (on one day, by URL name). There is always at least one shard, empty for an empty bulletin.
 */
export function shardArticles<T extends Dated>(articles: readonly T[], base = shardBase()): Shard<T>[] {
  const limit = 2 * base;
  const ordered = [...articles].sort((a, b) => compare(a.date, b.date) || compare(a.slug, b.slug));
  const shards = groupBy(ordered, (article) => article.date.slice(0, 4)).flatMap(([name, year]): Shard<T>[] => {
    if (year.length <= limit) return [{ name, articles: year }];
    return groupBy(year, (article) => article.date.slice(0, 7)).flatMap(([month, articles]) => {
      if (articles.length <= limit) return [{ name: month, articles }];
      const parts = Math.ceil(articles.length / base);
      // Numbers of equal width, so that the parts are in the order of their numbers.
      const partOf = (article: T) => `${month}/${String(shardOf(article.slug, parts)).padStart(6, '0')}`;
      return groupBy(articles, partOf).map(([part, members]) => ({ name: part, articles: members }));
    });
  });
  return shards.length > 0 ? shards : [{ name: 'empty', articles: [] }];
}

/**
 * A shard's articles in the order its last index gave them, those new to it after them (by
 * date): a new article gets the next page number, and no page of the shard moves, although a
 * correspondent's article may well be dated a few days before the newest. Without an earlier
 * order (a first build), the shard's own order.
 */
export function keepEarlierOrder<T extends { slug: string }>(articles: readonly T[], earlier: readonly string[] | undefined): T[] {
  if (!earlier) return [...articles];
  const place = new Map(earlier.map((slug, index) => [slug, index]));
  const known = articles.filter((article) => place.has(article.slug)).sort((a, b) => place.get(a.slug)! - place.get(b.slug)!);
  return [...known, ...articles.filter((article) => !place.has(article.slug))];
}
