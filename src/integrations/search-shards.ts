import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../lib/content/articles.ts';
import type { Bulletin } from '../lib/bulletin/bulletin.ts';
import type { Routes } from '../lib/bulletin/routes.ts';
import { searchRecord } from '../lib/search/document.ts';
import { buildShard, decodeShard, encodeShard, type IndexShard, type SaveFragment } from '../lib/search/index-shard.ts';
import { mergeShards, type ChunkFiles, type IndexShape, type MergeRecord, type MergeShard } from '../lib/search/merge-index.ts';
import { readStoredShard, storedShard } from '../lib/search/stored-shard.ts';
import { contentDigest, relinkFile } from '../lib/search/pagefind-format.ts';
import { keepEarlierOrder, shardArticles, type Shard } from '../lib/search/shards.ts';
import { hashSources } from '../lib/files/source-digest.ts';
import { writeWhole } from '../lib/files/write-whole.ts';
import { assetsFolder, searchAssets } from './search-assets.ts';

/**
 * About how many places of words a chunk of the index holds (Pagefind's own is 20,000), for a
 * bulletin of `pages` articles: a search fetches the chunk of each word it looks up, so smaller
 * chunks mean fewer bytes per searched word, and more chunk names in the metadata every first
 * search fetches, which grow with the bulletin. A word with this many or more is a chunk of its
 * own (merge-index.ts). Measured with common words capped (2,000 places; the bench's 10
 * queries, median bytes of the metadata / of the chunks a search fetches): at 10,000 articles
 * 6,000 → 50 / 19 KB (2,186 chunks), 8,000 → 44 / 29 KB, 16,000 → 35 / 72 KB; at 50,000
 * 8,000 → 152 / 41 KB (5,240 chunks), 12,000 → 146 / 41 KB, 16,000 → 126 / 39 KB (2,688),
 * 24,000 → 115 / 52 KB. It steps by a thousand every 3,000 articles (about a year of a weekly
 * bulletin), so chunks keep their bounds from one article to the next.
 */
function searchChunkEntries(pages: number): number {
  return Math.min(16_000, Math.max(6_000, Math.floor(pages / 3_000) * 1_000));
}

/**
 * Places kept of a common word (capped-places.ts), on the pages where it weighs most. Measured
 * at 50,000 articles (the bench's 10 queries, chunks of 8,000 entries; estimated from the files
 * a search fetches): 1,000 places → 35 KB of chunks a search, 2,000 → 41 KB, 3,000 → 47 KB,
 * 8,000 → 78 KB; fewer places mean more pages whose phrases the search page checks on their
 * text. BULLETIN_SEARCH_CAPPED_PLACES changes it (the tests make a small bulletin's words
 * common with it).
 */
function cappedPlaces(): number {
  const configured = Number(process.env['BULLETIN_SEARCH_CAPPED_PLACES']);
  return Number.isInteger(configured) && configured > 0 ? configured : 2000;
}

/** The site's index, shaped for what readers download (merge-index.ts). */
function siteShape(): IndexShape {
  return { shortNames: true, sameWordCounts: true, filterFiles: true, sortsApart: true, cappedPlaces: cappedPlaces() };
}

/** The shard of the index that holds these articles (and nothing else). */
export function indexShard(articles: readonly Article[], bulletin: Bulletin, routes: Routes, saveFragment: SaveFragment): IndexShard {
  return buildShard(
    articles.map((article) => searchRecord(article, bulletin, routes)),
    saveFragment,
  );
}

/**
 * What decides a shard's index besides its articles: the code that turns articles into records
 * (src/lib/search and the helpers it uses), the packages' versions, the registries (units and their aliases are indexed) and
 * where the site is published. A change to any of them makes every shard's key new.
 */
function indexFormatDigest(bulletin: Bulletin, routes: Routes): string {
  const hash = hashSources(createHash('sha256'), new URL('../lib/search/', import.meta.url));
  // What the records also use from outside src/lib/search (see document.ts).
  for (const file of ['text/plain-text.ts', 'text/dates.ts', 'text/html.ts', 'text/invisible.ts', 'bulletin/routes.ts'])
    hash.update(readFileSync(new URL(`../lib/${file}`, import.meta.url)));
  hash.update(JSON.stringify([bulletin.registry.units, bulletin.registry.columns, routes.home()]));
  return hash.digest('hex');
}

/** The key of a shard: its articles, every field of each, and the index format. */
function shardKey(articles: readonly Article[], format: string): string {
  const hash = createHash('sha256').update(format);
  for (const article of articles) hash.update(JSON.stringify(article));
  return hash.digest('hex').slice(0, 20);
}

/** Each shard's articles (by URL name) in the order of the last index's pages. */
const pageOrderFile = 'page-order.json';

function readPageOrder(file: string): Record<string, string[]> {
  try {
    const order = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // A file that is not what this code writes only costs the earlier order.
    return Object.fromEntries(
      Object.entries(order).filter(
        (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((slug) => typeof slug === 'string'),
      ),
    );
  } catch {
    return {};
  }
}

/** The last merge in the cache, whose chunk files the next merge keeps where they come out the same. */
function earlierMerge(cacheFolder: string): ChunkFiles | undefined {
  for (const entry of readdirSync(cacheFolder)) {
    const list = join(cacheFolder, entry);
    if (!entry.startsWith('merged-') || !entry.endsWith('.chunks.json')) continue;
    const folder = list.slice(0, -'.chunks.json'.length);
    try {
      const saved = JSON.parse(readFileSync(list, 'utf8')) as SavedRecord | Record<string, string>;
      // An older cache kept the chunk files alone.
      if (!('files' in saved) || typeof saved.files !== 'object')
        return { folder, files: new Map(Object.entries(saved as Record<string, string>)) };
      const record = saved as SavedRecord;
      return {
        folder,
        files: new Map(Object.entries(record.files)),
        made: new Map(Object.entries(record.made)),
        capped: new Map(Object.entries(record.capped)),
      };
    } catch {
      // Unreadable: merge without it.
    }
  }
  return undefined;
}

/** A MergeRecord as the cache keeps it. */
interface SavedRecord {
  files: Record<string, string>;
  made: Record<string, string>;
  capped: Record<string, number>;
}

function savedRecord(record: MergeRecord): SavedRecord {
  return {
    files: Object.fromEntries(record.files),
    made: Object.fromEntries(record.made),
    capped: Object.fromEntries(record.capped),
  };
}

/** A bulletin's index, ready in the cache. */
export interface PreparedIndex {
  /** The folder of the index readers search, merged from the shards. */
  folder: string;
  shards: number;
  pages: number;
  /** How many shards had to be indexed anew; the others were reused. */
  indexed: number;
}

/** The cache's folder of fragments, shared by all shards: a page that did not change keeps its file. */
const fragmentsFolder = 'fragments';

/** Save fragments into `folder` under the digest of their bytes. */
function fragmentSaver(folder: string): SaveFragment {
  mkdirSync(folder, { recursive: true });
  return (bytes) => {
    const key = contentDigest(bytes);
    const path = join(folder, key);
    if (!existsSync(path)) writeWhole(path, bytes);
    return key;
  };
}

function olderLayout(file: string): never {
  throw new Error(`${file}: a shard of an older layout`);
}

function readShard(file: string): IndexShard {
  return decodeShard(readFileSync(file)) ?? olderLayout(file);
}

/** How an index is prepared for the editors' preview rather than for readers. */
export interface PrepareOptions {
  /**
   * Shards by file, kept from one index to the next by a thread that makes one after another
   * (`astro dev`): after an edit only the shard of the edited article is read or made.
   */
  shards?: Map<string, IndexShard>;
  /** How hard to compress the index files (pagefind-format.ts). */
  packLevel?: number;
}

/**
 * The shards of a bulletin's index, oldest first (shards.ts), each holding its articles in the
 * order the cache's last index gave them, so that no page of it moves. Read from the cache when
 * the index is asked for: an index already under way in the same folder may change that order.
 */
export function indexShards(articles: readonly Article[], cacheFolder: string): Shard<Article>[] {
  const earlierOrder = readPageOrder(join(cacheFolder, pageOrderFile));
  return shardArticles(articles).map(({ name, articles: members }) => ({
    name,
    articles: keepEarlierOrder(members, earlierOrder[name]),
  }));
}

/**
 * A shard to index: its name, and its articles, asked for once, when the shard's turn comes.
 * Whoever holds the articles can so hand them over one shard at a time, and the index lets go
 * of each shard's once it is made: the index thread receives them so (index-worker.ts).
 */
export interface ShardToIndex {
  name: string;
  articles: () => readonly Article[];
}

/**
 * Make sure the index of `shards` (indexShards) is in `cacheFolder`: every shard, indexing only
 * those whose key is new, and the merge of them, made anew only when a shard changed; drop what
 * no build uses any more (the cache would otherwise grow with every new article). `bulletin`
 * gives the registries and their lookups; its articles are not read. Nothing is written to
 * dist/: this may run while the pages are rendered.
 */
export async function prepareIndex(
  bulletin: Bulletin,
  routes: Routes,
  cacheFolder: string,
  shards: readonly ShardToIndex[],
  options: PrepareOptions = {},
): Promise<PreparedIndex> {
  const format = indexFormatDigest(bulletin, routes);
  const orderFile = join(cacheFolder, pageOrderFile);
  const fragments = join(cacheFolder, fragmentsFolder);
  const saveFragment = fragmentSaver(fragments);
  const files: string[] = [];
  // Each shard's articles by URL name, for the next index's order.
  const order: Record<string, string[]> = {};
  let pages = 0;
  // The preview's shards, kept whole from one index to the next.
  const preview = options.shards;
  // A build's shards made now, without their runs: the merge reads those back from the files (stored-shard.ts).
  const made = new Map<string, MergeShard>();
  let indexed = 0;
  for (const { name, articles: take } of shards) {
    const articles = take();
    order[name] = articles.map((article) => article.slug);
    pages += articles.length;
    const file = join(cacheFolder, `shard-${shardKey(articles, format)}.cbor`);
    files.push(file);
    if (preview?.has(file) || existsSync(file)) continue;
    const shard = indexShard(articles, bulletin, routes, saveFragment);
    const encoded = encodeShard(shard);
    writeWhole(file, encoded);
    if (preview) preview.set(file, shard);
    else made.set(file, storedShard(shard, file, encoded));
    indexed++;
  }
  const shape = siteShape();
  const chunkEntries = searchChunkEntries(pages);
  const key = createHash('sha256')
    .update(`${chunkEntries}\n${JSON.stringify(shape)}\n${files.join('\n')}`)
    .digest('hex')
    .slice(0, 20);
  const folder = join(cacheFolder, `merged-${key}`);
  const chunkList = `${folder}.chunks.json`;
  if (!existsSync(folder) || !existsSync(chunkList)) {
    const merged = files.map((file): MergeShard => {
      if (!preview) return made.get(file) ?? readStoredShard(file) ?? olderLayout(file);
      const shard = preview.get(file) ?? readShard(file);
      preview.set(file, shard);
      return shard;
    });
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const earlier = earlierMerge(cacheFolder);
    // A build's merge takes the earlier one's fragments (without its list, that one is never used
    // as it is again); the preview's does not: its browser may be searching the earlier one.
    const takeFragments = earlier !== undefined && !preview;
    if (takeFragments) rmSync(`${earlier.folder}.chunks.json`, { force: true });
    const record = mergeShards(merged, {
      fragmentPath: (fragment) => join(fragments, fragment),
      assets: await searchAssets(cacheFolder),
      out: partial,
      chunkEntries,
      earlier,
      ...(takeFragments ? { takeFragmentsFrom: earlier.folder } : {}),
      shape,
      ...(options.packLevel === undefined ? {} : { packLevel: options.packLevel }),
    });
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
    writeWhole(chunkList, JSON.stringify(savedRecord(record)));
    const used = new Set(merged.flatMap((shard) => shard.pages.map((page) => page.fragment)));
    for (const name of readdirSync(fragments)) if (!used.has(name)) rmSync(join(fragments, name), { force: true });
  }
  writeWhole(orderFile, JSON.stringify(order));
  const current = new Set(files);
  for (const file of preview?.keys() ?? []) if (!current.has(file)) preview?.delete(file);
  const kept = new Set([...files, folder, chunkList, orderFile, fragments, assetsFolder(cacheFolder)]);
  for (const entry of readdirSync(cacheFolder))
    if (!kept.has(join(cacheFolder, entry))) rmSync(join(cacheFolder, entry), { recursive: true, force: true });
  return { folder, shards: files.length, pages, indexed };
}

/**
 * Put a prepared index into `outputFolder`, as hard links: thousands of fragment files are not
 * copied on every build. A file already there as a link to the same one is left alone (a
 * rebuild's dist/ keeps the index it had: reuse-pages.ts), and what the index no longer has is
 * removed. Where the two folders are on different disks, a link is impossible: copy.
 */
export function publishIndex(prepared: PreparedIndex, outputFolder: string): void {
  syncTree(prepared.folder, outputFolder);
}

function syncTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const wanted = new Set<string>();
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    wanted.add(entry.name);
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      syncTree(source, target);
      continue;
    }
    relinkFile(source, target);
  }
  for (const name of readdirSync(to)) if (!wanted.has(name)) rmSync(join(to, name), { recursive: true, force: true });
}
