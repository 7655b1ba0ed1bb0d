import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { ViteDevServer } from 'vite';
import { contentDir } from '../lib/paths.ts';
import { basePath, createRoutes } from '../lib/routes.ts';
import { shardArticles } from '../lib/search/shards.ts';
import { buildSnapshot, readSnapshot } from './content-snapshot.ts';
import { buildFailure } from './fail-build.ts';
import { indexShard, writeShardedIndex, type ShardFiles } from './search-shards.ts';

/** Where the index lies in dist/, whatever path the site is published under. */
const pagefindFolder = createRoutes('/').pagefind();

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * In `astro dev`, serve an index of the content being edited, drafts included, in the same
 * shards as a build, rebuilt in memory whenever an article or registry changes.
 */
function serveDevIndex(server: ViteDevServer, logger: AstroIntegrationLogger): void {
  const dir = contentDir();
  let files = new Map<string, Uint8Array>();
  let served = pagefindFolder;
  let building: Promise<void> | undefined;
  const rebuild = async () => {
    const snapshot = readSnapshot(dir, { includeDrafts: true });
    if (!snapshot) return;
    const routes = createRoutes(basePath(snapshot.bulletin.registry.site.url));
    served = routes.pagefind();
    const next = new Map<string, Uint8Array>();
    for (const [number, articles] of shardArticles(snapshot.bulletin.articles).entries()) {
      const shard: ShardFiles = await indexShard(articles, snapshot.bulletin, routes);
      for (const [path, content] of shard) next.set(`${number}/${path}`, content);
    }
    files = next;
  };
  const schedule = () => {
    building = rebuild().catch((error: unknown) => logger.error(`搜索索引没有更新：${String(error)}`));
  };
  schedule();
  let timer: ReturnType<typeof setTimeout> | undefined;
  server.watcher.on('all', (_event, path) => {
    if (relative(dir, path).startsWith('..')) return;
    clearTimeout(timer);
    timer = setTimeout(schedule, 300);
  });
  server.middlewares.use(async (request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith(served)) return next();
    await building;
    const file = files.get(decodeURIComponent(path.slice(served.length)));
    if (!file) return next();
    response.setHeader('Content-Type', contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-store');
    response.end(Buffer.from(file));
  });
}

/**
 * Full-text search with Pagefind: after a build the index goes to dist/pagefind/<shard>/ (see
 * src/lib/search/shards.ts), reusing unchanged shards from the last build; in `astro dev` it is
 * served from memory. Only articles are indexed, never listing pages.
 */
export function pagefindSearch(): AstroIntegration {
  let cacheFolder = '';
  return {
    name: 'bulletin-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFolder = join(fileURLToPath(config.cacheDir), 'search-shards');
      },
      'astro:server:setup': ({ server, logger }) => serveDevIndex(server, logger),
      'astro:build:done': async ({ dir, logger }) => {
        const snapshot = buildSnapshot(contentDir());
        if (!snapshot) return;
        const started = performance.now();
        try {
          const { bulletin } = snapshot;
          const routes = createRoutes(basePath(bulletin.registry.site.url));
          const result = await writeShardedIndex(bulletin, routes, join(fileURLToPath(dir), pagefindFolder), cacheFolder);
          if (result.pages !== bulletin.articles.length) throw new Error(`indexed ${result.pages} of ${bulletin.articles.length}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`搜索索引：${result.pages} 篇，${result.shards} 个分片（新建 ${result.indexed} 个），用时 ${seconds} 秒。`);
        } catch (error) {
          throw buildFailure(`搜索索引没有生成：${String(error)}`, '这是网站程序的错误，不是稿件的问题；请把这段输出报告给网站维护人员。');
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
