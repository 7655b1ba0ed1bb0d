import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexShard } from '../../../src/integrations/search-shards.ts';
import { readArticles } from '../../../src/lib/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin.ts';
import { createRoutes } from '../../../src/lib/routes.ts';
import { decodeCbor, encodeCbor, type CborValue } from '../../../src/lib/search/cbor.ts';
import { compareWords, mergeIndexes, readPagefindFile, writeIndexFiles } from '../../../src/lib/search/merge-index.ts';
import { shardArticles } from '../../../src/lib/search/shards.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

type Page = [number, number[], number[]];
type Word = [string, Page[], [string, Page[]][]];

/** An index read back in terms that do not depend on page numbers: pages are named by URL. */
function readIndex(folder: string) {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  const [language] = Object.values(entry.languages);
  const meta = readPagefindFile(join(folder, `pagefind.${language!.hash}.pf_meta`)) as [string, [string, number, string][], [string, string, string][], [string, string][], [string, number[]][], string[]];
  const fragment = (hash: string) => JSON.parse(gunzipSync(readFileSync(join(folder, 'fragment', `${hash}.pf_fragment`))).subarray(12).toString()) as { url: string; content: string };
  const urls = meta[1].map(([hash]) => fragment(hash).url);
  const words = new Map<string, Map<string, string>>();
  let previousTo = '';
  for (const [from, to, hash] of meta[2]) {
    // Chunk bounds are in order and do not overlap, or the search would look in the wrong chunk.
    expect(compareWords(previousTo, from)).toBeLessThan(0);
    expect(compareWords(from, to)).toBeLessThanOrEqual(0);
    previousTo = to;
    const [chunk] = readPagefindFile(join(folder, 'index', `${hash}.pf_index`)) as [Word[]];
    for (const [word, pages] of chunk) {
      expect(compareWords(from, word)).toBeLessThanOrEqual(0);
      let page = 0;
      const places = new Map<string, string>();
      for (const [delta, locs, metaLocs] of pages) {
        page += delta;
        // Meta locations name fields by number: compare them by name.
        const named = metaLocs.map((value) => (value < 0 ? meta[5][-value - 1]! : value));
        places.set(urls[page]!, JSON.stringify([locs, named]));
      }
      words.set(word, places);
    }
  }
  const filters = new Map<string, Map<string, string[]>>();
  for (const [name, hash] of meta[3]) {
    const [, values] = readPagefindFile(join(folder, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters.set(name, new Map(values.map(([value, pages]) => [value, pages.map((page) => urls[page]!).sort()])));
  }
  return {
    pageCount: language!.page_count,
    pages: new Map(meta[1].map(([hash, wordCount], index) => [urls[index]!, { wordCount, content: fragment(hash).content }])),
    words,
    filters,
    sortedUrls: new Map(meta[4].map(([name, pages]) => [name, pages.map((page) => urls[page]!)])),
    metaFields: meta[5],
  };
}

describe('merging shards', () => {
  const registry = fixtureRegistry();
  const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const routes = createRoutes('/');
  const root = mkdtempSync(join(tmpdir(), 'merge-index-'));
  let whole: ReturnType<typeof readIndex>;
  let merged: ReturnType<typeof readIndex>;
  let shardCount = 0;

  beforeAll(async () => {
    writeIndexFiles((await indexShard(bulletin.articles, bulletin, routes)).files, join(root, 'whole'));
    const shards = shardArticles(bulletin.articles, 3).filter((articles) => articles.length > 0);
    shardCount = shards.length;
    const folders = [];
    for (const [number, articles] of shards.entries()) {
      const indexed = await indexShard(articles, bulletin, routes);
      writeIndexFiles(indexed.files, join(root, `shard-${number}`));
      folders.push({ folder: join(root, `shard-${number}`), sorts: indexed.sorts });
    }
    // Small chunks, so that words of one chunk come from several shards and chunks are many.
    mergeIndexes(folders, join(root, 'merged'), 200);
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

  test('keeps filters, sort order and metadata fields', () => {
    expect(merged.filters).toEqual(whole.filters);
    expect(merged.metaFields).toEqual(whole.metaFields);
    const dates = (urls: string[]) => urls.map((url) => bulletin.articles.find((article) => routes.article(article.slug) === url)!.date);
    expect(dates(merged.sortedUrls.get('date')!)).toEqual(dates(whole.sortedUrls.get('date')!));
    expect(dates(merged.sortedUrls.get('date')!)).toEqual([...dates(merged.sortedUrls.get('date')!)].sort());
  });
});

test('orders words as Rust does, by code point', () => {
  const words = ['b', 'a', '\uffe5', '𠮷', 'ab', '中'];
  expect([...words].sort(compareWords)).toEqual(['a', 'ab', 'b', '中', '\uffe5', '𠮷']);
});

test('reads back what it writes in CBOR', () => {
  const value: CborValue = ['1.6.0', [[0, [-73, 5191, 70000, 2 ** 33], []]], '党建', [-1, 23, 24, 255, 256, 65535, 65536], null, true];
  expect(decodeCbor(encodeCbor(value))).toEqual(value);
});
