import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../lib/articles.ts';
import type { Bulletin } from '../lib/bulletin.ts';
import type { Routes } from '../lib/routes.ts';
import { searchRecord } from '../lib/search/document.ts';
import { linkFile, mergeIndexes, rewriteFragments, writeIndexFiles, type PageSorts } from '../lib/search/merge-index.ts';
import { shardArticles } from '../lib/search/shards.ts';
import { indexLanguage } from '../lib/search/tokens.ts';

/** Pagefind's ready-made interfaces; the site has its own search page, so they are not published. */
const unusedBundles = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/**
 * How many places of words a chunk of the index holds (Pagefind's own is 20,000): a search
 * fetches the chunk of each word it looks up, so smaller chunks mean fewer bytes per search,
 * and more chunk names in the metadata every first search fetches. Measured at 10,000 articles
 * (10 queries, median bytes of a first / a later search): 20,000 → 360 / 148 KB, 8,000 →
 * 346 / 129 KB, 5,000 → 345 / 114 KB. Very common pairs (党建) fill chunks on their own.
 */
const searchChunkEntries = 5000;

/** How many records may wait in Pagefind's queue at once. */
const recordsInFlight = 64;

/** One shard's files, as Pagefind gives them: path within the shard's folder → bytes. */
export type ShardFiles = Map<string, Uint8Array>;

/** A shard's index and the sort values of its pages, which the merge needs and the index does not keep. */
export interface IndexedShard {
  files: ShardFiles;
  sorts: PageSorts;
}

/**
 * A Pagefind index of some of the bulletin's articles (and nothing else), built from their
 * records. Pagefind's process is ended afterwards: it does not give back to the system the
 * memory it took for one shard, and the next shard starts a new one.
 */
export async function indexShard(articles: readonly Article[], bulletin: Bulletin, routes: Routes): Promise<IndexedShard> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: indexLanguage });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const records = new Map<string, { date: string; text: string }>();
  try {
    // Many records in flight: Pagefind works in its own process, and while Node renders pages a
    // record sent one at a time would wait for each answer to be read between two pages.
    const inFlight = new Set<Promise<void>>();
    for (const article of articles) {
      const record = searchRecord(article, bulletin, routes);
      records.set(record.url, { date: article.date, text: record.text });
      const adding: Promise<void> = index.addHTMLFile({ url: record.url, content: record.html }).then((added) => {
        inFlight.delete(adding);
        if (added.errors.length) throw new Error(`Pagefind could not index ${article.sourcePath}: ${added.errors.join('; ')}`);
      });
      // Its failure is thrown by the race or the final wait below; never left unhandled before.
      adding.catch(() => undefined);
      inFlight.add(adding);
      if (inFlight.size >= recordsInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const { files } = await index.getFiles();
    const shard: ShardFiles = new Map(files.filter((file) => !unusedBundles.test(file.path)).map((file) => [file.path.split('\\').join('/'), file.content]));
    // A result shows its article's text, not the index's words (pairs repeat every character):
    // each fragment carries the plain text, which is about half as many bytes to fetch.
    const urls = rewriteFragments(shard, (fragment) => {
      fragment.content = records.get(fragment.url)?.text ?? '';
    });
    return { files: shard, sorts: { date: urls.map((url) => records.get(url)?.date ?? '') } };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * What decides a shard's index besides its articles: the code that turns articles into records
 * (src/lib/search and the helpers it uses), the packages' versions, the registries (units and their aliases are indexed) and
 * where the site is published. A change to any of them makes every shard's key new.
 */
function indexFormatDigest(bulletin: Bulletin, routes: Routes): string {
  const hash = createHash('sha256');
  const searchCode = new URL('../lib/search/', import.meta.url);
  for (const file of readdirSync(searchCode).sort()) hash.update(file).update(readFileSync(new URL(file, searchCode)));
  // What the records also use from outside src/lib/search (see document.ts).
  for (const file of ['plain-text.ts', 'dates.ts', 'html.ts', 'routes.ts']) hash.update(readFileSync(new URL(`../lib/${file}`, import.meta.url)));
  // The packages the records depend on (Pagefind, pinyin-pro, mdast…): the lockfile names their versions.
  hash.update(readFileSync(new URL('../../package-lock.json', import.meta.url)));
  hash.update(JSON.stringify([bulletin.registry.units, bulletin.registry.columns, routes.home()]));
  return hash.digest('hex');
}

/** The key of a shard: its articles, every field of each, and the index format. */
function shardKey(articles: readonly Article[], format: string): string {
  const hash = createHash('sha256').update(format);
  for (const article of articles) hash.update(JSON.stringify(article));
  return hash.digest('hex').slice(0, 20);
}

/** A bulletin's index, ready in the cache. */
export interface PreparedIndex {
  /** The folder of the index readers search: the merged shards (or, with no articles, the one empty shard). */
  folder: string;
  shards: number;
  pages: number;
  /** How many shards had to be indexed anew; the others were reused. */
  indexed: number;
}

/** The name of the file beside a cached shard's index that keeps its pages' sort values. */
const sortsFile = 'sorts.json';

/**
 * Make sure the bulletin's index is in `cacheFolder`: every shard, indexing only those whose
 * key is new, and the merge of them, made anew only when a shard changed; drop what no build
 * uses any more (the cache would otherwise grow with every new article). Nothing is written to
 * dist/: this may run while the pages are rendered.
 */
export async function prepareIndex(bulletin: Bulletin, routes: Routes, cacheFolder: string): Promise<PreparedIndex> {
  const format = indexFormatDigest(bulletin, routes);
  // A shard with no articles would be an index with no language to merge; the bulletin with
  // no articles at all still gets its (empty) index.
  const shards = shardArticles(bulletin.articles).filter((articles, _, all) => articles.length > 0 || all.length === 1);
  const folders: string[] = [];
  let indexed = 0;
  for (const articles of shards) {
    const cached = join(cacheFolder, shardKey(articles, format));
    folders.push(cached);
    if (existsSync(cached)) continue;
    const { files, sorts } = await indexShard(articles, bulletin, routes);
    // Written aside and renamed, so an interrupted build never leaves half a shard to reuse.
    const partial = `${cached}.partial`;
    rmSync(partial, { recursive: true, force: true });
    writeIndexFiles(files, partial);
    writeFileSync(join(partial, sortsFile), JSON.stringify(sorts));
    renameSync(partial, cached);
    indexed++;
  }
  // Merged even when there is one shard: the merge also cuts the words into the chunks readers fetch.
  let folder = folders[0]!;
  if (bulletin.articles.length > 0) {
    const key = createHash('sha256').update(`${searchChunkEntries}\n${folders.join('\n')}`).digest('hex').slice(0, 20);
    folder = join(cacheFolder, `merged-${key}`);
    if (!existsSync(folder)) {
      const partial = `${folder}.partial`;
      rmSync(partial, { recursive: true, force: true });
      mergeIndexes(
        folders.map((shard) => ({ folder: shard, sorts: JSON.parse(readFileSync(join(shard, sortsFile), 'utf8')) as PageSorts })),
        partial,
        searchChunkEntries,
      );
      renameSync(partial, folder);
    }
  }
  const kept = new Set([...folders, folder]);
  if (existsSync(cacheFolder)) for (const entry of readdirSync(cacheFolder)) if (!kept.has(join(cacheFolder, entry))) rmSync(join(cacheFolder, entry), { recursive: true, force: true });
  return { folder, shards: folders.length, pages: shards.reduce((sum, shard) => sum + shard.length, 0), indexed };
}

/** Put a prepared index into `outputFolder`. */
export function publishIndex(prepared: PreparedIndex, outputFolder: string): void {
  rmSync(outputFolder, { recursive: true, force: true });
  linkTree(prepared.folder, outputFolder);
}

/**
 * Put a cached index into dist/ as hard links: thousands of fragment files are not copied on
 * every build. Where the two folders are on different disks, a link is impossible: copy.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === sortsFile) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    linkFile(source, target);
  }
}
