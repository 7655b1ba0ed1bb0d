/**
 * The search index is made on a thread of its own: it takes tens of seconds of work at ten
 * thousand articles, which on the build's main thread would hold back rendering the pages.
 * This file is both the thread's code (run by `new Worker`) and the way to start it.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Article } from '../lib/articles.ts';
import { buildBulletin, type Bulletin } from '../lib/bulletin.ts';
import type { Registry } from '../lib/registries.ts';
import { basePath, createRoutes } from '../lib/routes.ts';
import { prepareIndex, type PreparedIndex } from './search-shards.ts';

/** What the thread is given: the bulletin's data (it is rebuilt there) and the cache folder. */
interface IndexJob {
  job: 'bulletin-search-index';
  registry: Registry;
  articles: readonly Article[];
  cacheFolder: string;
}

type IndexAnswer = { prepared: PreparedIndex } | { error: string };

/**
 * `prepareIndex` on a thread of its own. `workerFile` is this file's location, given by the
 * integration (it knows the project's root; a bundler may have moved the module it runs).
 */
export function prepareIndexApart(bulletin: Bulletin, cacheFolder: string, workerFile: URL): Promise<PreparedIndex> {
  const job: IndexJob = { job: 'bulletin-search-index', registry: bulletin.registry, articles: bulletin.articles, cacheFolder };
  return new Promise((resolve, reject) => {
    // A young generation of 16 MB (V8 would grow it to several times that): the thread makes
    // short-lived objects by the million, and its peak adds to the page rendering's. Measured at
    // 10,000 articles: the build's peak 1.84 to 1.98 GB → 1.55 GB, the index 1 s slower.
    const worker = new Worker(workerFile, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    let answered = false;
    worker.once('message', (answer: IndexAnswer) => {
      answered = true;
      if ('prepared' in answer) resolve(answer.prepared);
      else reject(new Error(answer.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the search index thread stopped (exit code ${code})`));
    });
  });
}

async function runJob(job: IndexJob): Promise<IndexAnswer> {
  try {
    const bulletin = buildBulletin(job.registry, job.articles);
    const routes = createRoutes(basePath(bulletin.registry.site.url));
    return { prepared: await prepareIndex(bulletin, routes, job.cacheFolder) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!isMainThread && (workerData as IndexJob | undefined)?.job === 'bulletin-search-index') {
  parentPort?.postMessage(await runJob(workerData as IndexJob));
}
