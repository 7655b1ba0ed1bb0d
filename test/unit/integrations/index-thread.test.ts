import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startIndexThread } from '../../../src/integrations/index-worker.ts';
import { indexShards, prepareIndex } from '../../../src/integrations/search-shards.ts';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { filesUnder, fixtureDir, fixtureRegistry } from '../helpers.ts';

const workerFile = new URL('../../../src/integrations/index-worker.ts', import.meta.url);

describe('the index thread', () => {
  const registry = fixtureRegistry();
  const read = () => buildBulletin(registry, readArticles(fixtureDir, registry).articles);
  const root = mkdtempSync(join(tmpdir(), 'index-thread-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('indexes the articles as they were when asked, shard by shard, and reuses every shard the next time', async () => {
    // In this process, from the articles as read.
    const bulletin = read();
    const here = join(root, 'here');
    const shards = indexShards(bulletin.articles, here).map(({ name, articles }) => ({ name, articles: () => articles }));
    const expected = await prepareIndex(bulletin, createRoutes('/'), here, shards);

    // On the thread, from a reading whose Markdown is let go as soon as the index is asked for, as a build's loader does.
    const copy = read();
    const thread = startIndexThread(workerFile);
    try {
      const asked = thread.prepare(copy, join(root, 'thread'));
      for (const article of copy.articles) article.body = '';
      const prepared = await asked;
      expect(prepared.pages).toBe(bulletin.articles.length);
      expect(prepared.shards).toBeGreaterThan(1);
      expect(prepared.indexed).toBe(prepared.shards);
      expect(filesUnder(prepared.folder)).toEqual(filesUnder(expected.folder));

      const again = await thread.prepare(read(), join(root, 'thread'));
      expect(again.indexed).toBe(0);
      expect(again.folder).toBe(prepared.folder);
    } finally {
      await thread.close();
    }
  }, 60_000);
});
