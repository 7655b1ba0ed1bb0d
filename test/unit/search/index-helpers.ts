import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { buildShard, type IndexPage } from '../../../src/lib/search/index-shard.ts';
import { mergeShards, type IndexAssets } from '../../../src/lib/search/merge-index.ts';
import { decodeCbor, type CborValue } from '../../../src/lib/search/cbor.ts';
import { compareWords, contentDigest, type Fragment } from '../../../src/lib/search/pagefind-format.ts';
import { sortPlaces, type SortFile } from '../../../src/lib/search/sort-files.ts';

/** A folder that shards save fragments in, as the build's cache does. */
export function fragmentFolder(folder: string) {
  mkdirSync(folder, { recursive: true });
  return {
    save: (bytes: Uint8Array) => {
      const key = contentDigest(bytes);
      writeFileSync(join(folder, key), bytes);
      return key;
    },
    path: (key: string) => join(folder, key),
  };
}

/** The index of `pages` as one shard, merged into `out` as a build merges its shards. */
export function writeIndex(pages: readonly IndexPage[], assets: IndexAssets, out: string, chunkEntries?: number): void {
  const fragments = fragmentFolder(`${out}-fragments`);
  mergeShards([buildShard(pages, fragments.save)], {
    fragmentPath: fragments.path,
    assets,
    out,
    ...(chunkEntries ? { chunkEntries } : {}),
  });
}

/** An index file's bytes without Pagefind's packing: gzip of "pagefind_dcd" and CBOR. */
function unpack(bytes: Uint8Array): Uint8Array {
  return gunzipSync(bytes).subarray('pagefind_dcd'.length);
}

/** A packed index file (a chunk, filter or the metadata), decoded. */
function readPagefindFile(path: string): CborValue {
  return decodeCbor(unpack(readFileSync(path)));
}

type Page = [number, number[], number[]];
type Word = [string, Page[], [string, Page[]][]];

/** An index read back in terms that do not depend on page numbers: pages are named by URL. */
export function readIndex(folder: string) {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const [language] = Object.values(entry.languages);
  const meta = readPagefindFile(join(folder, `pagefind.${language!.hash}.pf_meta`)) as [
    string,
    [string, number, string][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
    string[],
  ];
  const fragments = meta[1].map(
    ([hash]) => JSON.parse(new TextDecoder().decode(unpack(readFileSync(join(folder, 'fragment', `${hash}.pf_fragment`))))) as Fragment,
  );
  const urls = fragments.map((fragment) => fragment.url);
  const words = new Map<string, Map<string, string>>();
  let previousTo = '';
  for (const [from, to, hash] of meta[2]) {
    // Chunk bounds are in order and do not overlap, or the search would look in the wrong chunk.
    expect(compareWords(previousTo, from)).toBeLessThan(0);
    expect(compareWords(from, to)).toBeLessThanOrEqual(0);
    previousTo = to;
    const [chunk] = readPagefindFile(join(folder, 'index', `${hash}.pf_index`)) as [Word[]];
    for (const [word, pages, variants] of chunk) {
      expect(compareWords(from, word)).toBeLessThanOrEqual(0);
      const placesOf = (list: Page[]) => {
        let page = 0;
        const places = new Map<string, string>();
        for (const [delta, locs, metaLocs] of list) {
          page += delta;
          // Meta locations name fields by number: compare them by name.
          const named = metaLocs.map((value) => (value < 0 ? meta[5][-value - 1]! : value));
          places.set(urls[page]!, JSON.stringify([locs, named]));
        }
        return places;
      };
      words.set(word, placesOf(pages));
      for (const [form, formPages] of variants) words.set(`${word} ← ${form}`, placesOf(formPages));
    }
  }
  const filters = new Map<string, Map<string, string[]>>();
  for (const [name, hash] of meta[3]) {
    const [, values] = readPagefindFile(join(folder, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters.set(name, new Map(values.map(([value, pages]) => [value, pages.map((page) => urls[page]!).sort()])));
  }
  const sortedUrls = new Map(meta[4].map(([name, pages]) => [name, pages.map((page) => urls[page]!)]));
  // Sorts kept apart from the metadata (merge-index.ts sortsApart), read as the search page reads them.
  const urlOfName = new Map(meta[1].map(([hash], index) => [hash, urls[index]!]));
  for (const file of existsSync(join(folder, 'sort')) ? readdirSync(join(folder, 'sort')) : []) {
    const [, name, hash] = /^(.+)\.([^.]+)\.json$/.exec(file)!;
    expect(hash).toBe(language!.hash);
    const places = sortPlaces(JSON.parse(readFileSync(join(folder, 'sort', file), 'utf8')) as SortFile);
    expect(places.size).toBe(meta[1].length);
    const byPlace = [...places].sort(([, a], [, b]) => a - b);
    sortedUrls.set(
      decodeURIComponent(name!),
      byPlace.map(([pageName]) => urlOfName.get(pageName)!),
    );
  }
  return {
    pageCount: language!.page_count,
    pages: new Map(meta[1].map(([, wordCount], index) => [urls[index]!, { wordCount, fragment: fragments[index]! }])),
    words,
    filters,
    sortedUrls,
    metaFields: meta[5],
  };
}
