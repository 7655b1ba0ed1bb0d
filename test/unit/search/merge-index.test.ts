import { existsSync, linkSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchAssets } from '../../../src/integrations/search-assets.ts';
import { indexShard } from '../../../src/integrations/search-shards.ts';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { decodeCbor, encodeCbor, type CborValue } from '../../../src/lib/search/cbor.ts';
import { decodeShard, encodeShard } from '../../../src/lib/search/index-shard.ts';
import { mergeShards, type MergeRecord, type MergeShard } from '../../../src/lib/search/merge-index.ts';
import { compareWords } from '../../../src/lib/search/pagefind-format.ts';
import { shardArticles } from '../../../src/lib/search/shards.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';
import { fragmentFolder, readIndex } from './index-helpers.ts';

describe('merging shards', () => {
  const registry = fixtureRegistry();
  const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const routes = createRoutes('/');
  const root = mkdtempSync(join(tmpdir(), 'merge-index-'));
  let whole: ReturnType<typeof readIndex>;
  let merged: ReturnType<typeof readIndex>;
  let shardCount = 0;

  beforeAll(async () => {
    const assets = await searchAssets(join(root, 'cache'));
    const { save, path: fragment } = fragmentFolder(join(root, 'fragments'));
    mergeShards([indexShard(bulletin.articles, bulletin, routes, save)], { fragmentPath: fragment, assets, out: join(root, 'whole') });
    const shards = shardArticles(bulletin.articles, 1).map(({ articles }) => articles);
    shardCount = shards.length;
    // Stored and read back, as a build reuses them.
    const stored = shards.map((articles) => decodeShard(encodeShard(indexShard(articles, bulletin, routes, save)))!);
    // Small chunks, so that words of one chunk come from several shards and chunks are many;
    // pages named by their shards and the sorts apart from the metadata, as a build keeps them.
    mergeShards(stored, {
      fragmentPath: fragment,
      assets,
      out: join(root, 'merged'),
      chunkEntries: 200,
      shape: { shortNames: true, sortsApart: true },
    });
    whole = readIndex(join(root, 'whole'));
    merged = readIndex(join(root, 'merged'));
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('is tested on several shards and several chunks', () => {
    expect(shardCount).toBeGreaterThan(2);
    expect(readdirSync(join(root, 'merged', 'index')).length).toBeGreaterThan(readdirSync(join(root, 'whole', 'index')).length);
  });

  test('holds every page, with its content and length', () => {
    expect(merged.pageCount).toBe(bulletin.articles.length);
    expect(merged.pages).toEqual(whole.pages);
  });

  test('holds every word in every place of every page, as one index would', () => {
    expect([...merged.words.keys()]).toEqual([...whole.words.keys()]);
    expect(merged.words).toEqual(whole.words);
  });

  test('keeps filters, sort order (in a file of its own) and metadata fields', () => {
    expect(readdirSync(join(root, 'merged', 'sort'))).toHaveLength(1);
    expect(merged.filters).toEqual(whole.filters);
    expect(merged.metaFields).toEqual(whole.metaFields);
    const dates = (urls: string[]) => urls.map((url) => bulletin.articles.find((article) => routes.article(article.slug) === url)!.date);
    expect(dates(merged.sortedUrls.get('date')!)).toEqual(dates(whole.sortedUrls.get('date')!));
    expect(dates(merged.sortedUrls.get('date')!)).toEqual([...dates(merged.sortedUrls.get('date')!)].sort());
  });
});

describe('merging again after a new article', () => {
  const registry = fixtureRegistry();
  const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const routes = createRoutes('/');
  const root = mkdtempSync(join(tmpdir(), 'merge-again-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('keeps the chunk files of the earlier merge that come out the same, and is the index a fresh merge makes', async () => {
    const assets = await searchAssets(join(root, 'cache'));
    const { save, path: fragment } = fragmentFolder(join(root, 'fragments'));
    // Shards of months (a year holds more than four articles), December's holding the newest.
    const shardsOf = (articles: typeof bulletin.articles) =>
      shardArticles(articles, 2).map((shard) => indexShard(shard.articles, bulletin, routes, save));
    // The newest article comes last in the last shard, as a new article does.
    const newest = shardArticles(bulletin.articles, 2).at(-1)!.articles.at(-1)!;
    const earlier = mergeShards(shardsOf(bulletin.articles.filter((article) => article !== newest)), {
      fragmentPath: fragment,
      assets,
      out: join(root, 'earlier'),
      chunkEntries: 200,
    });
    const again = mergeShards(shardsOf(bulletin.articles), {
      fragmentPath: fragment,
      assets,
      out: join(root, 'again'),
      chunkEntries: 200,
      earlier: { folder: join(root, 'earlier'), ...earlier },
    });
    mergeShards(shardsOf(bulletin.articles), { fragmentPath: fragment, assets, out: join(root, 'fresh'), chunkEntries: 200 });
    expect(readIndex(join(root, 'again'))).toEqual(readIndex(join(root, 'fresh')));
    const earlierNames = new Set(earlier.files.values());
    const kept = [...again.files.values()].filter((name) => earlierNames.has(name));
    // The new article's words are in many chunks of so small an index, not in all.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(again.files.size);
  }, 60_000);

  test('keeps a chunk made from the same runs without making it again, and takes the earlier fragments', async () => {
    const assets = await searchAssets(join(root, 'cache'));
    const { save, path: fragment } = fragmentFolder(join(root, 'fragments'));
    const newest = shardArticles(bulletin.articles, 2).at(-1)!.articles.at(-1)!;
    // Shards as a build holds them: the runs read from the shard's bytes, each read counted.
    let reads = new Map<string, number>();
    const shardsOf = (articles: typeof bulletin.articles) =>
      shardArticles(articles, 2).map((shard, index): MergeShard => {
        const { bytes, ...rest } = indexShard(shard.articles, bulletin, routes, save);
        const whole = { bytes, base: 0 };
        const window = (start: number, end: number) => {
          const run = `${index}:${start}:${end}`;
          reads.set(run, (reads.get(run) ?? 0) + 1);
          return whole;
        };
        return { ...rest, runs: { window } };
      });
    const shape = { shortNames: true, sameWordCounts: true, filterFiles: true, sortsApart: true, cappedPlaces: 3 };
    const before = bulletin.articles.filter((article) => article !== newest);
    const merge = (
      articles: typeof bulletin.articles,
      out: string,
      earlier?: { out: string; record: MergeRecord; takeFragments?: boolean },
    ) => {
      reads = new Map();
      const record = mergeShards(shardsOf(articles), {
        fragmentPath: fragment,
        assets,
        out: join(root, out),
        // Small chunks: some hold no word of the new article.
        chunkEntries: 30,
        shape,
        ...(earlier ? { earlier: { folder: join(root, earlier.out), ...earlier.record } } : {}),
        ...(earlier?.takeFragments ? { takeFragmentsFrom: join(root, earlier.out) } : {}),
      });
      return { record, reads };
    };
    const { record: first } = merge(before, 'kept-earlier');
    expect(first.capped.size).toBeGreaterThan(0);
    const { record: again, reads: againReads } = merge(bulletin.articles, 'kept-again', { out: 'kept-earlier', record: first });
    const { reads: freshReads } = merge(bulletin.articles, 'kept-fresh');
    // A merge without an earlier one reads runs again to cap words and make chunks.
    expect(Math.max(...freshReads.values())).toBeGreaterThan(1);
    expect(readIndex(join(root, 'kept-again'))).toEqual(readIndex(join(root, 'kept-fresh')));
    // Some chunks are kept as they were, unread (in so small an index, most hold a word of the new
    // article): the same names alone would not show it, as a chunk made again gets the name its bytes give.
    const total = (reads: Map<unknown, number>) => [...reads.values()].reduce((sum, count) => sum + count, 0);
    expect(total(againReads)).toBeLessThan(total(freshReads));
    // The same merge again reads each run once, to know it, and makes no chunk nor caps a word.
    const same = merge(bulletin.articles, 'kept-same', { out: 'kept-again', record: again });
    expect(same.reads.size).toBe(freshReads.size);
    expect(Math.max(...same.reads.values())).toBe(1);
    expect(same.record.made).toEqual(again.made);
    expect(readIndex(join(root, 'kept-same'))).toEqual(readIndex(join(root, 'kept-fresh')));
    // A merge that takes the earlier one's fragments, one of them another page's under the same name.
    const fragments = join(root, 'kept-earlier', 'fragment');
    const [one, other] = readdirSync(fragments);
    rmSync(join(fragments, one!));
    linkSync(join(fragments, other!), join(fragments, one!));
    merge(bulletin.articles, 'kept-taking', { out: 'kept-earlier', record: first, takeFragments: true });
    expect(existsSync(fragments)).toBe(false);
    expect(readIndex(join(root, 'kept-taking'))).toEqual(readIndex(join(root, 'kept-fresh')));
  }, 60_000);
});

test('orders words as Rust does, by code point', () => {
  const words = ['b', 'a', '\uffe5', '𠮷', 'ab', '中'];
  expect([...words].sort(compareWords)).toEqual(['a', 'ab', 'b', '中', '\uffe5', '𠮷']);
});

test('reads back what it writes in CBOR', () => {
  const value: CborValue = ['1.6.0', [[0, [-73, 5191, 70000, 2 ** 33], []]], '党建', [-1, 23, 24, 255, 256, 65535, 65536], null, true];
  expect(decodeCbor(encodeCbor(value))).toEqual(value);
});
