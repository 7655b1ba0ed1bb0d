import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../lib/articles.ts';
import type { Bulletin } from '../lib/bulletin.ts';
import type { Routes } from '../lib/routes.ts';
import { searchRecord } from '../lib/search/document.ts';
import { shardArticles } from '../lib/search/shards.ts';
import { indexLanguage } from '../lib/search/tokens.ts';

/** Pagefind's ready-made interfaces; the site has its own search page, so they are not published. */
const unusedBundles = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** How many records may wait in Pagefind's queue at once. */
const recordsInFlight = 64;

/** One shard's files, as Pagefind gives them: path within the shard's folder → bytes. */
export type ShardFiles = Map<string, Uint8Array>;

/** A Pagefind index of some of the bulletin's articles (and nothing else), built from their records. */
export async function indexShard(articles: readonly Article[], bulletin: Bulletin, routes: Routes): Promise<ShardFiles> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: indexLanguage });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Many records in flight: Pagefind works in its own process, and while Node renders pages a
    // record sent one at a time would wait for each answer to be read between two pages.
    const inFlight = new Set<Promise<void>>();
    for (const article of articles) {
      const record = searchRecord(article, bulletin, routes);
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
    return new Map(files.filter((file) => !unusedBundles.test(file.path)).map((file) => [file.path.split('\\').join('/'), file.content]));
  } finally {
    await index.deleteIndex();
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

/** A bulletin's index, ready in the cache: the folder of each shard, in shard order. */
export interface PreparedIndex {
  folders: string[];
  pages: number;
  /** How many shards had to be indexed anew; the others were reused. */
  indexed: number;
}

/**
 * Make sure every shard of the bulletin's index is in `cacheFolder`, indexing only those whose
 * key is new, and drop the shards no build uses any more (the cache would otherwise grow with
 * every new article). Nothing is written to dist/: this may run while the pages are rendered.
 */
export async function prepareIndex(bulletin: Bulletin, routes: Routes, cacheFolder: string): Promise<PreparedIndex> {
  const format = indexFormatDigest(bulletin, routes);
  const shards = shardArticles(bulletin.articles);
  const folders: string[] = [];
  let indexed = 0;
  for (const articles of shards) {
    const cached = join(cacheFolder, shardKey(articles, format));
    folders.push(cached);
    if (existsSync(cached)) continue;
    const files = await indexShard(articles, bulletin, routes);
    // Written aside and renamed, so an interrupted build never leaves half a shard to reuse.
    const partial = `${cached}.partial`;
    rmSync(partial, { recursive: true, force: true });
    for (const [path, content] of files) {
      mkdirSync(join(partial, path, '..'), { recursive: true });
      writeFileSync(join(partial, path), content);
    }
    renameSync(partial, cached);
    indexed++;
  }
  const kept = new Set(folders);
  if (existsSync(cacheFolder)) for (const entry of readdirSync(cacheFolder)) if (!kept.has(join(cacheFolder, entry))) rmSync(join(cacheFolder, entry), { recursive: true, force: true });
  return { folders, pages: shards.reduce((sum, shard) => sum + shard.length, 0), indexed };
}

/** Put a prepared index into `outputFolder`, one folder per shard (0/, 1/, …). */
export function publishIndex(prepared: PreparedIndex, outputFolder: string): void {
  rmSync(outputFolder, { recursive: true, force: true });
  prepared.folders.forEach((folder, number) => linkTree(folder, join(outputFolder, String(number))));
}

/**
 * Put a cached shard into dist/ as hard links: thousands of fragment files are not copied on
 * every build. Where the two folders are on different disks, a link is impossible: copy.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
      copyFileSync(source, target);
    }
  }
}
