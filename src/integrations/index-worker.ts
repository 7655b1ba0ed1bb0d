/**
 * The search index is made on a thread of its own: it takes tens of seconds of work at ten
 * thousand articles, which on the build's main thread would hold back rendering the pages.
 * This file is both the thread's code (run by `new Worker`) and the way to start it.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Article } from '../lib/content/articles.ts';
import { buildBulletin, type Bulletin } from '../lib/bulletin/bulletin.ts';
import type { Registry } from '../lib/content/registries.ts';
import { basePath, createRoutes } from '../lib/bulletin/routes.ts';
import type { IndexShard } from '../lib/search/index-shard.ts';
import { previewPackLevel } from '../lib/search/pagefind-format.ts';
import { prepareIndex, type PreparedIndex } from './search-shards.ts';

/** Tells this file, run as a thread, that it is the index thread. */
const threadMarker = 'bulletin-search-index';

/** What the thread is given for each index: the bulletin's data (it is rebuilt there) and the cache folder. */
interface IndexJob {
  registry: Registry;
  articles: readonly Article[];
  cacheFolder: string;
  /** For the editors' preview (prepareIndex's options): this thread keeps its shards from one index to the next. */
  preview: boolean;
}

type IndexAnswer = { prepared: PreparedIndex } | { error: string };

/** A thread that makes indexes, one after another: `astro dev` keeps one for as long as it runs. */
export interface IndexThread {
  /** `prepareIndex` on the thread; jobs asked for together run in turn. */
  prepare(bulletin: Bulletin, cacheFolder: string, use?: { preview: boolean }): Promise<PreparedIndex>;
  /** Stop the thread (a job under way is abandoned). */
  close(): Promise<void>;
}

/**
 * Start an index thread. `workerFile` is this file's location, given by the integration (it
 * knows the project's root; a bundler may have moved the module it runs). The thread keeps the
 * process alive only while it has a job: an idle one does not hold back the end of `astro dev`.
 */
export function startIndexThread(workerFile: URL): IndexThread {
  // A young generation of 16 MB (V8 would grow it to several times that): the thread makes
  // short-lived objects by the million, and its peak adds to the page rendering's. Measured at
  // 10,000 articles: the build's peak 1.84 to 1.98 GB → 1.55 GB, the index 1 s slower.
  const worker = new Worker(workerFile, { workerData: { job: threadMarker }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  worker.unref();
  let stopped: Error | undefined;
  // The job on the thread: one at a time (`queue`), since two would write the same cache folder.
  let current: { resolve: (answer: IndexAnswer) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    stopped ??= error;
    current?.reject(error);
    current = undefined;
  };
  worker.on('message', (answer: IndexAnswer) => {
    current?.resolve(answer);
    current = undefined;
    worker.unref();
  });
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the search index thread stopped (exit code ${code})`)));
  let queue: Promise<unknown> = Promise.resolve();
  const run = (job: IndexJob) =>
    new Promise<IndexAnswer>((resolve, reject) => {
      if (stopped) return reject(stopped);
      current = { resolve, reject };
      worker.ref();
      worker.postMessage(job);
    });
  return {
    prepare(bulletin, cacheFolder, use = { preview: false }) {
      const job: IndexJob = { registry: bulletin.registry, articles: bulletin.articles, cacheFolder, preview: use.preview };
      const answered = queue.then(() => run(job));
      queue = answered.catch(() => undefined);
      return answered.then((answer) => {
        if ('error' in answer) throw new Error(answer.error);
        return answer.prepared;
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** One index on a thread of its own, which stops when it is done. */
export async function prepareIndexApart(bulletin: Bulletin, cacheFolder: string, workerFile: URL): Promise<PreparedIndex> {
  const thread = startIndexThread(workerFile);
  try {
    return await thread.prepare(bulletin, cacheFolder);
  } finally {
    await thread.close();
  }
}

/** The preview's shards, kept between its indexes (a build's thread makes one index and lets them go). */
const previewShards = new Map<string, IndexShard>();

async function runJob(job: IndexJob): Promise<IndexAnswer> {
  try {
    const bulletin = buildBulletin(job.registry, job.articles);
    const routes = createRoutes(basePath(bulletin.registry.site.url));
    const options = job.preview ? { shards: previewShards, packLevel: previewPackLevel } : {};
    return { prepared: await prepareIndex(bulletin, routes, job.cacheFolder, options) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!isMainThread && (workerData as { job?: string } | undefined)?.job === threadMarker) {
  parentPort?.on('message', async (job: IndexJob) => parentPort?.postMessage(await runJob(job)));
}
