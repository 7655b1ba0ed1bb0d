import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchAssets } from '../../../src/integrations/search-assets.ts';
import { indexShard } from '../../../src/integrations/search-shards.ts';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { encodeShard, type IndexShard } from '../../../src/lib/search/index-shard.ts';
import { mergeShards, type IndexAssets, type MergeShard } from '../../../src/lib/search/merge-index.ts';
import { shardArticles } from '../../../src/lib/search/shards.ts';
import { readStoredShard, storedShard } from '../../../src/lib/search/stored-shard.ts';
import { filesUnder, fixtureDir, fixtureRegistry } from '../helpers.ts';
import { fragmentFolder } from './index-helpers.ts';

describe('a shard whose runs stay in its file', () => {
  const registry = fixtureRegistry();
  const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const routes = createRoutes('/');
  const root = mkdtempSync(join(tmpdir(), 'stored-shard-'));
  let assets: IndexAssets;
  let fragments: ReturnType<typeof fragmentFolder>;
  let shards: IndexShard[];
  let files: string[];

  beforeAll(async () => {
    assets = await searchAssets(join(root, 'cache'));
    fragments = fragmentFolder(join(root, 'fragments'));
    shards = shardArticles(bulletin.articles, 2).map(({ articles }) => indexShard(articles, bulletin, routes, fragments.save));
    files = shards.map((shard, index) => {
      const file = join(root, `shard-${index}.cbor`);
      writeFileSync(file, encodeShard(shard));
      return file;
    });
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // The site's shape, with places capped low enough that the capping reads runs through the windows too.
  const shape = { shortNames: true, sameWordCounts: true, filterFiles: true, sortsApart: true, cappedPlaces: 4 };
  const merge = (from: readonly MergeShard[], out: string) => {
    mergeShards(from, { fragmentPath: fragments.path, assets, out: join(root, out), chunkEntries: 200, shape });
    return filesUnder(join(root, out));
  };

  test('is merged into the same files as the shards in memory, however little is read at a time', () => {
    expect(shards.length).toBeGreaterThan(2);
    const held = merge(shards, 'held');
    expect([...held.keys()].some((path) => path.startsWith('capped.'))).toBe(true);
    const stored = files.map((file) => readStoredShard(file)!);
    expect(stored.every((shard) => 'runs' in shard && !('bytes' in shard))).toBe(true);
    expect(merge(stored, 'stored')).toEqual(held);
    // A window of a few bytes: almost every run is read from the file on its own, many longer than the window.
    expect(
      merge(
        files.map((file) => readStoredShard(file, 8)!),
        'small-windows',
      ),
    ).toEqual(held);
    const made = shards.map((shard, index) => storedShard(shard, files[index]!, readFileSync(files[index]!), 8));
    expect(merge(made, 'made')).toEqual(held);
  });

  test('reads any run asked for, also one before the window it last read', () => {
    const shard = shards[0]!;
    const stored = storedShard(shard, files[0]!, readFileSync(files[0]!), 16);
    if (!('runs' in stored)) throw new Error('the shard was held whole');
    const runs = [...shard.words].flatMap((word) => (word.run ? [word.run] : []));
    expect(runs.length).toBeGreaterThan(10);
    for (const run of [...runs].reverse()) {
      const { bytes, base } = stored.runs.window(run.start, run.end);
      expect(Buffer.compare(bytes.subarray(run.start - base, run.end - base), shard.bytes.subarray(run.start, run.end))).toBe(0);
    }
    expect(() => stored.runs.window(0, shard.bytes.length + 1)).toThrow();
  });

  test('is held whole when its runs are not the last bytes of its file', () => {
    const shard = shards[0]!;
    const encoded = encodeShard(shard);
    const longer = new Uint8Array(encoded.length + 1);
    longer.set(encoded);
    expect(storedShard(shard, files[0]!, longer)).toBe(shard);
  });
});
