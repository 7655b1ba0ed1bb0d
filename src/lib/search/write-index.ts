/**
 * A Pagefind index written directly from pages already cut into words, as Pagefind 1.6 would
 * write it from the same words: Pagefind's own indexer spends most of its time parsing HTML and
 * cutting text that this site has already cut (tokens.ts), in a process of its own that holds
 * every page in memory. The index is made of shards (index-shard.ts) merged into one
 * (merge-index.ts); Pagefind's scripts and WebAssembly, which read it in the browser, are its
 * own. test/unit/search/write-index.test.ts indexes the same pages with Pagefind and with this
 * writer and compares every word, place, page, filter, sort and fragment.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildShard, fragmentKey, type IndexPage } from './index-shard.ts';
import { mergeShards, type IndexAssets } from './merge-index.ts';

/** Write the index of `pages` (one shard) into `out`, an empty or missing folder. */
export function writeIndex(pages: readonly IndexPage[], assets: IndexAssets, out: string, chunkEntries?: number): void {
  const fragments = `${out}.fragments`;
  mkdirSync(fragments, { recursive: true });
  try {
    const shard = buildShard(pages, (bytes) => {
      const key = fragmentKey(bytes);
      writeFileSync(join(fragments, key), bytes);
      return key;
    });
    mergeShards([shard], (key) => join(fragments, key), assets, out, chunkEntries);
  } finally {
    // The index holds its own links to the fragments.
    rmSync(fragments, { recursive: true, force: true });
  }
}
