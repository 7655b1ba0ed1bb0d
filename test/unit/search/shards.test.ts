import { describe, expect, test } from 'vitest';
import { shardArticles, shardSizes } from '../../../src/lib/search/shards.ts';

describe('shardSizes', () => {
  test.each([
    [0, [0]],
    [999, [999]],
    [1000, [1000]],
    [3999, [1000, 1000, 1000, 999]],
    [4000, [4000]],
    [10_000, [4000, 4000, 1000, 1000]],
    [50_000, [16_000, 16_000, 16_000, 1000, 1000]],
  ])('%i articles → %j', (count, sizes) => {
    expect(shardSizes(count)).toEqual(sizes);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(count);
  });

  test('one new article changes only the last shard, except when small shards merge', () => {
    let merges = 0;
    for (let count = 1; count <= 20_000; count++) {
      const before = shardSizes(count - 1);
      const after = shardSizes(count);
      const unchanged = before.slice(0, -1).every((size, index) => after[index] === size);
      if (!unchanged) merges++;
    }
    // 20,000 = 1×16,000 + 1×4,000: merges happen at 4,000, 8,000, 12,000, 16,000 and 20,000.
    expect(merges).toBe(5);
  });

  test('keeps the number of shards small', () => {
    for (let count = 0; count <= 100_000; count += 997) expect(shardSizes(count).length).toBeLessThanOrEqual(11);
  });
});

test('shardArticles cuts oldest first, so the newest articles are in the last shard', () => {
  const newestFirst = Array.from({ length: 1500 }, (_, index) => 1500 - index);
  const shards = shardArticles(newestFirst);
  expect(shards.map((shard) => shard.length)).toEqual([1000, 500]);
  expect(shards[0]![0]).toBe(1);
  expect(shards[1]!.at(-1)).toBe(1500);
});
