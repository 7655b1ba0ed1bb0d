/**
 * The search index is made on a thread of its own: it takes tens of seconds of work at ten
 * thousand articles, which on the build's main thread would hold back rendering the pages.
 * This file is both the thread's code (run by `new Worker`) and the way to start it.
 */
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Article } from '../lib/content/articles.ts';
import { buildBulletin, type Bulletin } from '../lib/bulletin/bulletin.ts';
import type { Registry } from '../lib/content/registries.ts';
import { basePath, createRoutes } from '../lib/bulletin/routes.ts';
import type { IndexShard } from '../lib/search/index-shard.ts';
import { previewPackLevel } from '../lib/search/pagefind-format.ts';
import { indexShards, prepareIndex, type PreparedIndex } from './search-shards.ts';

/** Tells this file, run as a thread, that it is the index thread. */
const threadMarker = 'bulletin-search-index';

/**
 * What the thread is given for each index: the registries, the cache folder and the names of the
 * index's shards (indexShards). Each shard's articles come apart, one message each on `articles`,
 * in the shards' order: the thread takes a shard's when it comes to it and lets them go once the
 * shard is made, so it never holds every article (some 250 MB at 50,000 articles, most of it
 * Markdown) while V8 lets its heap grow to several times what it holds.
 */
interface IndexJob {
  registry: Registry;
  shards: string[];
  articles: MessagePort;
  cacheFolder: string;
  /** For the editors' preview (prepareIndex's options): this thread keeps its shards from one index to the next. */
  preview: boolean;
}

type IndexAnswer = { prepared: PreparedIndex } | { error: string };

/** A thread that makes indexes, one after another: `astro dev` keeps one for as long as it runs. */
export interface IndexThread {
  /**
   * `prepareIndex` on the thread; jobs asked for together run in turn. The bulletin's articles
   * are copied to the thread before this returns: the caller may change them from then on.
   */
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
  // 10,000 articles: the build's peak 1.84 to 1.98 GB → 1.55 GB, the index 1 s slower. A build
  // sets the young generation of both threads instead (scripts/build-memory.ts), which V8 puts first.
  const worker = new Worker(workerFile, { workerData: { job: threadMarker }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  worker.unref();
  let stopped: Error | undefined;
  // The jobs posted, in order: the thread answers them one at a time, in that order.
  const waiting: { resolve: (answer: IndexAnswer) => void; reject: (error: Error) => void }[] = [];
  const fail = (error: Error) => {
    stopped ??= error;
    for (const job of waiting.splice(0)) job.reject(error);
  };
  worker.on('message', (answer: IndexAnswer) => {
    waiting.shift()?.resolve(answer);
    if (waiting.length === 0) worker.unref();
  });
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the search index thread stopped (exit code ${code})`)));
  return {
    prepare(bulletin, cacheFolder, use = { preview: false }) {
      if (stopped) return Promise.reject(stopped);
      const shards = indexShards(bulletin.articles, cacheFolder);
      const { port1, port2 } = new MessageChannel();
      // Copied for the thread now, while the caller waits: a build's content loader lets go of
      // the articles' Markdown once it has rendered them (content-loaders.ts). They wait on the
      // channel, outside either thread's heap, until the thread takes them.
      for (const shard of shards) port1.postMessage(shard.articles);
      port1.close();
      const job: IndexJob = {
        registry: bulletin.registry,
        shards: shards.map((shard) => shard.name),
        articles: port2,
        cacheFolder,
        preview: use.preview,
      };
      const answered = new Promise<IndexAnswer>((resolve, reject) => waiting.push({ resolve, reject }));
      worker.ref();
      worker.postMessage(job, [port2]);
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

/** The next shard's articles from the job's channel. */
function takeArticles(port: MessagePort): readonly Article[] {
  const received = receiveMessageOnPort(port);
  if (!received) throw new Error('the articles of a shard of the search index did not come');
  return received.message as readonly Article[];
}

async function runJob(job: IndexJob): Promise<IndexAnswer> {
  try {
    // The registries' lookups; the articles come shard by shard.
    const bulletin = buildBulletin(job.registry, []);
    const routes = createRoutes(basePath(bulletin.registry.site.url));
    const shards = job.shards.map((name) => ({ name, articles: () => takeArticles(job.articles) }));
    const options = job.preview ? { shards: previewShards, packLevel: previewPackLevel } : {};
    return { prepared: await prepareIndex(bulletin, routes, job.cacheFolder, shards, options) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    job.articles.close();
  }
}

if (!isMainThread && (workerData as { job?: string } | undefined)?.job === threadMarker) {
  // One job at a time, in the order they came: two would write the same cache folder.
  let queue = Promise.resolve();
  parentPort?.on('message', (job: IndexJob) => {
    queue = queue.then(async () => parentPort?.postMessage(await runJob(job)));
  });
}
