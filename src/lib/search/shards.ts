/**
 * The search index is cut into shards so that a rebuild re-indexes only the shard that changed:
 * Pagefind cannot add a page to an index it has written. Shards hold articles oldest first, in
 * blocks of 1,000 × 4^k, biggest first, and the newest articles in a last block of fewer than
 * 1,000. A new article therefore lands in the last, small shard; when small blocks add up to the
 * next size they are merged once, as in a log-structured merge. The number of shards stays small
 * (the base-4 digit sum of the count in thousands, plus one), which keeps what a search fetches
 * (every shard's metadata and one chunk per word per shard) close to one index's.
 */
export const shardBase = 1000;
export const shardGrowth = 4;

/** The sizes of the shards for `count` articles, oldest first; at least one shard (empty when there are no articles). */
export function shardSizes(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left >= shardBase) {
    let size = shardBase;
    while (size * shardGrowth <= left) size *= shardGrowth;
    sizes.push(size);
    left -= size;
  }
  if (left > 0 || sizes.length === 0) sizes.push(left);
  return sizes;
}

/** Articles given newest first (as a bulletin keeps them), cut into shards, oldest first. */
export function shardArticles<T>(newestFirst: readonly T[]): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  let start = 0;
  return shardSizes(oldestFirst.length).map((size) => oldestFirst.slice(start, (start += size)));
}
