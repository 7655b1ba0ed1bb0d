import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchAssets } from '../../../src/integrations/search-assets.ts';
import { indexShard } from '../../../src/integrations/search-shards.ts';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { decodeCbor } from '../../../src/lib/search/cbor.ts';
import { filterFileName } from '../../../src/lib/search/filter-files.ts';
import { mergeShards, type IndexShape } from '../../../src/lib/search/merge-index.ts';
import { shardTags } from '../../../src/lib/search/page-names.ts';
import { cappedWordsPath } from '../../../src/lib/search/phrase-check.ts';
import { shardArticles } from '../../../src/lib/search/shards.ts';
import { orderRuns, sortPlaces } from '../../../src/lib/search/sort-files.ts';
import { wordFilterHas, type WordFilter } from '../../../src/lib/search/word-filter.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';
import { fragmentFolder, readIndex } from './index-helpers.ts';

/** A page's places of a word as readIndex gives them: [weight, position] pairs, and metadata places (named). */
function placesOf(json: string): { places: [number, number][]; meta: unknown[] } {
  const [locs, meta] = JSON.parse(json) as [number[], unknown[]];
  const places: [number, number][] = [];
  let weight = 25;
  let last = 0;
  for (const value of locs) {
    if (value < 0) {
      weight = -value - 1;
      last = 0;
    } else {
      last += value;
      places.push([weight, last]);
    }
  }
  return { places, meta };
}

/** The weight of a page's places of a word, summed, as the index chooses the pages to keep them on. */
const weightOf = (places: [number, number][]) => places.reduce((sum, [weight]) => sum + weight, 0);

function entryHash(folder: string): string {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  return Object.values(entry.languages)[0]!.hash;
}

function metaPageNames(folder: string): string[] {
  const bytes = gunzipSync(readFileSync(join(folder, `pagefind.${entryHash(folder)}.pf_meta`))).subarray('pagefind_dcd'.length);
  const meta = decodeCbor(bytes) as [string, [string, number, string][]];
  return meta[1].map(([name]) => name);
}

describe('the index shaped for what readers download', () => {
  const registry = fixtureRegistry();
  const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const routes = createRoutes('/');
  const root = mkdtempSync(join(tmpdir(), 'index-shape-'));
  const cap = 6;
  const shape: IndexShape = { shortNames: true, sameWordCounts: true, filterFiles: true, sortsApart: true, cappedPlaces: cap };
  let plain: ReturnType<typeof readIndex>;
  let shaped: ReturnType<typeof readIndex>;
  let isCapped: (word: string) => boolean;
  let merge: (articles: typeof bulletin.articles, out: string) => void;

  beforeAll(async () => {
    const assets = await searchAssets(join(root, 'cache'));
    const { save, path: fragmentPath } = fragmentFolder(join(root, 'fragments'));
    merge = (articles, out) =>
      void mergeShards(
        shardArticles(articles, 2).map((shard) => indexShard(shard.articles, bulletin, routes, save)),
        { fragmentPath, assets, out: join(root, out), chunkEntries: 200, shape },
      );
    mergeShards(
      shardArticles(bulletin.articles, 2).map((shard) => indexShard(shard.articles, bulletin, routes, save)),
      { fragmentPath, assets, out: join(root, 'plain'), chunkEntries: 200 },
    );
    merge(bulletin.articles, 'shaped');
    plain = readIndex(join(root, 'plain'));
    shaped = readIndex(join(root, 'shaped'));
    const filter = JSON.parse(readFileSync(join(root, 'shaped', cappedWordsPath(entryHash(join(root, 'shaped')))), 'utf8')) as WordFilter;
    isCapped = wordFilterHas(filter);
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('lists every page under every word it has, capped or not', () => {
    expect([...shaped.words.keys()]).toEqual([...plain.words.keys()]);
    for (const [word, pages] of plain.words) expect([...shaped.words.get(word)!.keys()].sort()).toEqual([...pages.keys()].sort());
  });

  test("keeps a common word's places on the pages where it weighs most, up to the cap, and its metadata places everywhere", () => {
    let cappedWords = 0;
    for (const [word, pages] of plain.words) {
      const shapedPages = shaped.words.get(word)!;
      const before = [...pages].map(([url, json]) => ({ url, ...placesOf(json) }));
      const after = new Map([...shapedPages].map(([url, json]) => [url, placesOf(json)]));
      const total = before.reduce((sum, { places }) => sum + places.length, 0);
      if (total <= cap || word.includes(' ← ')) {
        expect(shapedPages).toEqual(pages);
        continue;
      }
      cappedWords++;
      expect(isCapped(word)).toBe(true);
      const kept = before.filter(({ url, places }) => {
        const mine = after.get(url)!;
        expect(mine.meta).toEqual(before.find((page) => page.url === url)!.meta);
        // All of a page's places, or none.
        expect(mine.places.length === 0 || mine.places.length === places.length).toBe(true);
        if (mine.places.length > 0) expect(mine.places).toEqual(places);
        return mine.places.length > 0;
      });
      const dropped = before.filter(({ url, places }) => places.length > 0 && after.get(url)!.places.length === 0);
      expect(kept.reduce((sum, { places }) => sum + places.length, 0)).toBeLessThanOrEqual(cap);
      expect(dropped.length).toBeGreaterThan(0);
      // No page that lost its places weighed more than a page that kept them.
      if (kept.length > 0) {
        expect(Math.max(...dropped.map(({ places }) => weightOf(places)))).toBeLessThanOrEqual(
          Math.min(...kept.map(({ places }) => weightOf(places))),
        );
      }
    }
    expect(cappedWords).toBeGreaterThan(10);
  });

  test("gives every page the bulletin's average word count and names pages by shard", () => {
    const counts = [...plain.pages.values()].map((page) => page.wordCount);
    const average = Math.round(counts.reduce((sum, count) => sum + count, 0) / counts.length);
    for (const [url, page] of plain.pages) {
      const mine = shaped.pages.get(url)!;
      expect(mine.wordCount).toBe(average);
      expect(mine.fragment).toEqual(page.fragment);
    }
    const names = metaPageNames(join(root, 'shaped'));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-z]{3}[0-9a-z]+$/);
  });

  test('writes a filter file for each value, issues by runs of numbers', () => {
    const regrouped = new Map<string, Map<string, string[]>>();
    for (const [name, values] of plain.filters) {
      for (const [value, urls] of values) {
        const file = filterFileName(name, value);
        expect(file.startsWith(`${name}:`)).toBe(true);
        if (!regrouped.has(file)) regrouped.set(file, new Map());
        regrouped.get(file)!.set(value, urls);
      }
    }
    expect(shaped.filters).toEqual(regrouped);
    expect(filterFileName('期', '123')).toBe('期:100');
    expect(filterFileName('期', '49')).toBe('期:0');
    expect(filterFileName('单位', '市水务局')).toBe('单位:市水务局');
  });

  test('keeps the date order in a small file of its own', () => {
    expect(shaped.sortedUrls.get('date')).toEqual(plain.sortedUrls.get('date'));
  });

  test('renames the pages of a shard that changed, and only those', () => {
    const newest = shardArticles(bulletin.articles, 2).at(-1)!.articles.at(-1)!;
    merge(
      bulletin.articles.filter((article) => article !== newest),
      'earlier',
    );
    const earlierNames = metaPageNames(join(root, 'earlier'));
    const before = new Map([...readIndex(join(root, 'earlier')).pages.keys()].map((url, index) => [url, earlierNames[index]!]));
    const shapedNames = metaPageNames(join(root, 'shaped'));
    const after = new Map([...shaped.pages.keys()].map((url, index) => [url, shapedNames[index]!]));
    const lastShard = new Set(
      shardArticles(bulletin.articles, 2)
        .at(-1)!
        .articles.map((article) => routes.article(article.slug)),
    );
    for (const [url, name] of before) {
      if (lastShard.has(url)) expect(after.get(url)).not.toBe(name);
      else expect(after.get(url)).toBe(name);
    }
  });
});

test('tags shards with as few characters as keep them apart, all of one length', () => {
  expect(shardTags(['a'.repeat(64), 'b'.repeat(64)]).map((tag) => tag.length)).toEqual([3, 3]);
  const tags = shardTags(['abcdef' + '0'.repeat(58), 'abcdef' + '1'.repeat(58)]);
  expect(new Set(tags).size).toBe(2);
  expect(tags[0]!.length).toBe(tags[1]!.length);
});

test('gives a sort as runs of page numbers and reads it back by page name', () => {
  expect(orderRuns([0, 1, 2, 5, 3, 4])).toEqual([0, 3, 5, 1, 3, 2]);
  const places = sortPlaces({
    shards: [
      ['abc', 3],
      ['xyz', 3],
    ],
    runs: orderRuns([0, 1, 2, 5, 3, 4]),
  });
  expect([...places]).toEqual([
    ['abc0', 0],
    ['abc1', 1],
    ['abc2', 2],
    ['xyz2', 3],
    ['xyz0', 4],
    ['xyz1', 5],
  ]);
});
