import { createHash } from 'node:crypto';

/**
 * The bulletin is indexed in shards, which src/lib/search/merge-index.ts merges into the one
 * index readers search: a shard's words and places are all in memory while it is packed, so a
 * shard bounds that memory whatever the size of the bulletin, and a rebuild indexes anew only
 * the shards whose articles changed. There are 2^k shards of at least `defaultShardSize`
 * articles (BULLETIN_SEARCH_SHARD_SIZE changes it); an article is in a shard by a hash of its
 * URL name, so an added article changes one shard, and when the count doubles each shard splits
 * in two. Measured at 10,000 articles: shards of 1,000 take 19 s and 1.1 GB to pack, of 500
 * 15 s and 0.7 GB (smaller word tables are faster to fill).
 */
export const defaultShardSize = 500;

function shardBase(): number {
  const configured = Number(process.env['BULLETIN_SEARCH_SHARD_SIZE']);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultShardSize;
}

/** How many shards `count` articles are cut into: the largest power of two that leaves at least `base` in each. */
export function shardCount(count: number, base = shardBase()): number {
  let shards = 1;
  while (count >= shards * 2 * base) shards *= 2;
  return shards;
}

/** The shard of an article, from its slug: stable while the number of shards stays the same. */
export function shardOf(slug: string, shards: number): number {
  return createHash('sha1').update(slug).digest().readUInt32BE(0) % shards;
}

/** Articles cut into their shards; each shard keeps the order it was given. */
export function shardArticles<T extends { slug: string }>(articles: readonly T[], base = shardBase()): T[][] {
  const shards: T[][] = Array.from({ length: shardCount(articles.length, base) }, () => []);
  for (const article of articles) shards[shardOf(article.slug, shards.length)]!.push(article);
  return shards;
}
