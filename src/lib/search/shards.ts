import { createHash } from 'node:crypto';

/**
 * The search index may be cut into shards, so that a rebuild re-indexes only the shard an added
 * or changed article belongs to (Pagefind cannot add a page to an index it has written), and so
 * that no single index must hold a very large bulletin. It is not by default: Pagefind ranks
 * the results of merged indexes by scores each index computes on its own, and on the
 * look-alike test (test/e2e/ranking.test.ts) 8 shards found the true article in the top 3 for
 * only 6 of 12 queries, against 12 of 12 for one index. BULLETIN_SEARCH_SHARD_SIZE=2000 turns
 * shards on: 2^k shards of at least that many articles, an article in a shard by a hash of its
 * URL name, so every shard is a fair sample of the bulletin; when it doubles, each shard splits.
 */
function shardBase(): number | undefined {
  const configured = Number(process.env['BULLETIN_SEARCH_SHARD_SIZE']);
  return Number.isInteger(configured) && configured > 0 ? configured : undefined;
}

/** How many shards `count` articles are cut into: the largest power of two that leaves at least `base` in each. */
export function shardCount(count: number, base = shardBase()): number {
  if (base === undefined) return 1;
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
