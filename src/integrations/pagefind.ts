import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { contentDir } from '../lib/files/paths.ts';
import { loadRegistry } from '../lib/content/registries.ts';
import { basePath, createRoutes } from '../lib/bulletin/routes.ts';
import type { Bulletin } from '../lib/bulletin/bulletin.ts';
import { buildSnapshot, everyLoaderRead, readSnapshot, type ContentRead } from './content-snapshot.ts';
import { buildFailure } from './fail-build.ts';
import { prepareIndexApart, startIndexThread, type IndexThread } from './index-worker.ts';
import { publishIndex, type PreparedIndex } from './search-shards.ts';

/** Where the index lies in dist/, whatever path the site is published under. */
export const pagefindFolder = createRoutes('/').pagefind();

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * In `astro dev`, serve an index of the content being edited, drafts included, made as a build
 * makes it (in its own cache folder, so an edit re-indexes one shard), again whenever the
 * articles loader has read the content anew: from its reading, on one thread kept for the
 * preview's life, so an edit is searchable in seconds. It is first made when the search page
 * asks for it: with thousands of articles, making it at start-up would hold back the first
 * pages an editor opens, which matter more than search in a preview.
 */
function serveDevIndex(server: ViteDevServer, logger: AstroIntegrationLogger, cacheFolder: string, workerFile: URL): void {
  const dir = contentDir();
  let folder: string | undefined;
  // Where the search page will ask for the index, known before the index is: site.yaml's path.
  const site = loadRegistry(dir).registry?.site;
  let served = site ? createRoutes(basePath(site.url)).pagefind() : pagefindFolder;
  let latest: ContentRead | undefined;
  let thread: IndexThread | undefined;
  let building: Promise<void> | undefined;
  const rebuild = async () => {
    const snapshot = readSnapshot(dir, { includeDrafts: true }, latest);
    if (!snapshot) return;
    served = createRoutes(basePath(snapshot.bulletin.registry.site.url)).pagefind();
    thread ??= startIndexThread(workerFile);
    folder = (await thread.prepare(snapshot.bulletin, cacheFolder, { preview: true })).folder;
  };
  let queued = false;
  const schedule = () => {
    // One waiting is enough: it indexes the latest reading when its turn comes.
    if (queued) return;
    queued = true;
    // After the one under way, never beside it: both would write the same cache folder.
    building = (building ?? Promise.resolve())
      .then(() => {
        queued = false;
        return rebuild();
      })
      .catch((error: unknown) => logger.error(`搜索索引没有更新：${String(error)}`));
  };
  const stopListening = everyLoaderRead(dir, (read) => {
    latest = read;
    if (building !== undefined) schedule();
  });
  server.httpServer?.once('close', () => {
    stopListening();
    void thread?.close();
  });
  server.middlewares.use(async (request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    if (!path.startsWith(served)) return next();
    if (building === undefined) schedule();
    await building;
    const name = decodeURIComponent(path.slice(served.length));
    const file = folder && !name.split('/').includes('..') ? join(folder, name) : undefined;
    if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
    response.setHeader('Content-Type', contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-store');
    response.end(readFileSync(file));
  });
}

/** An index being prepared, and how long that took once it is done. */
type Preparing = Promise<{ prepared: PreparedIndex; seconds: number }>;

function prepare(bulletin: Bulletin, cacheFolder: string, workerFile: URL): Preparing {
  const started = performance.now();
  return prepareIndexApart(bulletin, cacheFolder, workerFile).then((prepared) => ({
    prepared,
    seconds: (performance.now() - started) / 1000,
  }));
}

/**
 * Full-text search with Pagefind: after a build the index goes to dist/pagefind/, merged from
 * shards (src/lib/search/shards.ts) of which only those whose articles changed since the last
 * build are indexed anew; in `astro dev` it is served from a cache folder of its own. Only
 * articles are indexed, never listing pages. In a build the index is made as soon as the
 * articles are read, on a thread of its own (index-worker.ts), while Astro renders pages.
 */
export function pagefindSearch(): AstroIntegration {
  let cacheFolder = '';
  // Where the index thread's code lies (set from the project's root when the config is done).
  let workerFile: URL;
  let early: Preparing | undefined;
  return {
    name: 'bulletin-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // The loader's reading is already the build's snapshot: one bulletin for the index and the checks.
        everyLoaderRead(contentDir(), () => {
          const snapshot = buildSnapshot(contentDir());
          if (!snapshot) return;
          early = prepare(snapshot.bulletin, cacheFolder, workerFile);
          // Awaited in astro:build:done; until then a failure must not end the process unreported.
          early.catch(() => undefined);
        });
      },
      'astro:config:done': ({ config }) => {
        // Set before the dev server's setup too, which reads it.
        cacheFolder = join(fileURLToPath(config.cacheDir), 'search-shards');
        // From the project's root: Astro may load this module from somewhere else.
        workerFile = new URL('src/integrations/index-worker.ts', config.root);
      },
      'astro:server:setup': ({ server, logger }) => serveDevIndex(server, logger, `${cacheFolder}-dev`, workerFile),
      'astro:build:done': async ({ dir, logger }) => {
        const snapshot = buildSnapshot(contentDir());
        if (!snapshot) return;
        const waited = performance.now();
        try {
          const { bulletin } = snapshot;
          const { prepared, seconds } = await (early ?? prepare(bulletin, cacheFolder, workerFile));
          publishIndex(prepared, join(fileURLToPath(dir), pagefindFolder));
          const extra = ((performance.now() - waited) / 1000).toFixed(1);
          const shards = `${prepared.shards} 个分片（新建 ${prepared.indexed} 个）`;
          logger.info(
            `搜索索引：${prepared.pages} 篇，${shards}，用时 ${extra} 秒（建索引共 ${seconds.toFixed(1)} 秒，多在生成页面时同时进行）。`,
          );
        } catch (error) {
          throw buildFailure(`搜索索引没有生成：${String(error)}`, '这是网站程序的错误，不是稿件的问题；请把这段输出报告给网站维护人员。');
        }
      },
    },
  };
}
