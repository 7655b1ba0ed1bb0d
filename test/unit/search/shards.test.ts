import { describe, expect, test } from 'vitest';
import { defaultShardSize, shardArticles, shardCount, shardOf } from '../../../src/lib/search/shards.ts';

describe('shardCount', () => {
  test('packs about five hundred articles at a time by default', () => {
    expect(shardCount(999, defaultShardSize)).toBe(1);
    expect(shardCount(10_000, defaultShardSize)).toBe(16);
    expect(shardCount(50_000, defaultShardSize)).toBe(64);
  });

  test.each([
    [0, 1],
    [3999, 1],
    [4000, 2],
    [10_000, 4],
    [50_000, 16],
  ])('%i articles → %i shards', (count, shards) => {
    expect(shardCount(count, 2000)).toBe(shards);
  });
});

describe('shardArticles', () => {
  const articles = Array.from({ length: 10_000 }, (_, index) => ({ slug: `article-${index}` }));

  test('spreads articles evenly', () => {
    const sizes = shardArticles(articles, 2000).map((shard) => shard.length);
    expect(sizes).toHaveLength(4);
    for (const size of sizes) expect(Math.abs(size - 2500)).toBeLessThan(150);
  });

  test('one new article changes one shard only', () => {
    const before = shardArticles(articles, 2000);
    const after = shardArticles([{ slug: 'xin-zeng' }, ...articles], 2000);
    const changed = after.filter((shard, index) => shard.length !== before[index]!.length);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContainEqual({ slug: 'xin-zeng' });
  });

  test('when shards double, each splits in two', () => {
    for (const { slug } of articles.slice(0, 200)) expect(shardOf(slug, 8) % 4).toBe(shardOf(slug, 4));
  });
});
