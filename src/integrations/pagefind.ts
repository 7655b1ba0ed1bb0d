import { rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { ViteDevServer } from 'vite';
import { contentDir } from '../lib/paths.ts';
import { basePath, createRoutes } from '../lib/routes.ts';
import { searchRecord } from '../lib/search/document.ts';
import type { Bulletin } from '../lib/bulletin.ts';
import { buildSnapshot, readSnapshot } from './content-snapshot.ts';
import { buildFailure } from './fail-build.ts';

/** Where the index lies in dist/, whatever path the site is published under. */
const pagefindFolder = createRoutes('/').pagefind();

/** A Pagefind index of the bulletin's articles (and nothing else), built from their records. */
async function createBulletinIndex(bulletin: Bulletin): Promise<{ index: pagefind.PagefindIndex; pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const routes = createRoutes(basePath(bulletin.registry.site.url));
  for (const article of bulletin.articles) {
    const record = searchRecord(article, bulletin, routes);
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    if (added.errors.length) throw new Error(`Pagefind could not index ${article.sourcePath}: ${added.errors.join('; ')}`);
  }
  return { index, pages: bulletin.articles.length };
}

/** Pagefind's ready-made interfaces; the site has its own search page, so they are not published. */
const unusedBundles = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * In `astro dev`, serve an index of the content being edited, drafts included, rebuilt in
 * memory whenever an article or registry changes.
 */
function serveDevIndex(server: ViteDevServer, logger: AstroIntegrationLogger): void {
  const dir = contentDir();
  let files = new Map<string, Uint8Array>();
  let served = pagefindFolder;
  let building: Promise<void> | undefined;
  const rebuild = async () => {
    const snapshot = readSnapshot(dir, { includeDrafts: true });
    if (!snapshot) return;
    served = createRoutes(basePath(snapshot.bulletin.registry.site.url)).pagefind();
    const { index } = await createBulletinIndex(snapshot.bulletin);
    const result = await index.getFiles();
    await index.deleteIndex();
    files = new Map(result.files.map((file) => [file.path.split(sep).join('/'), file.content]));
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
    await building;
    if (!path.startsWith(served)) return next();
    const file = files.get(decodeURIComponent(path.slice(served.length)));
    if (!file) return next();
    response.setHeader('Content-Type', contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-store');
    response.end(Buffer.from(file));
  });
}

/**
 * Full-text search with Pagefind: after a build the index goes to dist/pagefind/; in
 * `astro dev` it is served from memory. Only articles are indexed, never listing pages.
 */
export function pagefindSearch(): AstroIntegration {
  return {
    name: 'bulletin-pagefind',
    hooks: {
      'astro:server:setup': ({ server, logger }) => serveDevIndex(server, logger),
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const snapshot = buildSnapshot(contentDir());
        const read = performance.now();
        if (!snapshot) return;
        try {
          const { index, pages } = await createBulletinIndex(snapshot.bulletin);
          const outputPath = join(fileURLToPath(dir), pagefindFolder);
          await index.writeFiles({ outputPath });
          const written = await index.getFiles();
          for (const file of written.files) if (unusedBundles.test(file.path)) rmSync(join(outputPath, file.path));
          if (pages !== snapshot.bulletin.articles.length) throw new Error(`indexed ${pages} of ${snapshot.bulletin.articles.length}`);
          // One line the benchmark (npm run bench) reads to tell the index's share of the build.
          const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
          logger.info(`搜索索引：${pages} 篇，用时 ${seconds(started, performance.now())} 秒（其中读取稿件 ${seconds(started, read)} 秒）`);
        } catch (error) {
          throw buildFailure(`搜索索引没有生成：${String(error)}`, '这是网站程序的错误，不是稿件的问题；请把这段输出报告给网站维护人员。');
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
