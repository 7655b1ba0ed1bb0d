import { describe, expect, test } from 'vitest';
import { keepEarlierOrder, shardArticles } from '../../../src/lib/search/shards.ts';

/** `count` articles a day apart from 1 January of `year` (a year of 3,650 is ten a day). */
function articles(count: number, year = 2020, perDay = 1) {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor(index / perDay)));
    return { slug: `article-${year}-${index}`, date: day.toISOString().slice(0, 10) };
  });
}

describe('shardArticles', () => {
  test('a small bulletin is one shard per year, oldest first, by date', () => {
    const shards = shardArticles([...articles(300, 2021), ...articles(200, 2020)], 500).map((shard) => shard.articles);
    expect(shards.map((shard) => shard.length)).toEqual([200, 300]);
    for (const shard of shards) expect(shard.map(({ date }) => date)).toEqual(shard.map(({ date }) => date).sort());
  });

  test('a year of more than twice the size is cut into months, a crowded month into parts', () => {
    const named = shardArticles(articles(3650, 2020, 10), 100);
    expect(new Set(named.map(({ name }) => name)).size).toBe(named.length);
    const shards = named.map((shard) => shard.articles);
    expect(shards.length).toBeGreaterThan(12);
    for (const shard of shards) expect(shard.length).toBeLessThanOrEqual(200);
    for (const shard of shards) expect(new Set(shard.map(({ date }) => date.slice(0, 7))).size).toBe(1);
    expect(shards.flat()).toHaveLength(3650);
  });

  test('an empty bulletin has one empty shard', () => {
    expect(shardArticles([], 500).map((shard) => shard.articles)).toEqual([[]]);
  });

  test('a new article changes its own shard only, and a new newest one keeps every older page in its place', () => {
    const before = shardArticles(articles(6000, 2020, 10), 500);
    const newest = { slug: 'xin-zeng', date: '2021-08-22' };
    const after = shardArticles([newest, ...articles(6000, 2020, 10)], 500);
    expect(after.map(({ name }) => name)).toEqual(before.map(({ name }) => name));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.articles).toEqual([...before.at(-1)!.articles, newest]);
    const backdated = { slug: 'bu-fa', date: '2020-03-05' };
    const changed = shardArticles([backdated, ...articles(6000, 2020, 10)], 500).filter(
      (shard, index) => JSON.stringify(shard) !== JSON.stringify(before[index]),
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]!.articles).toContainEqual(backdated);
  });
});

describe('keepEarlierOrder', () => {
  const shard = [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }, { slug: 'd' }];

  test('keeps the pages of the last index where they were, and puts new articles after them', () => {
    expect(keepEarlierOrder(shard, ['c', 'a', 'gone', 'd']).map(({ slug }) => slug)).toEqual(['c', 'a', 'd', 'b']);
  });

  test('without an earlier order, keeps the shard’s own', () => {
    expect(keepEarlierOrder(shard, undefined)).toEqual(shard);
  });
});
