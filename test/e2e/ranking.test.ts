import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveLookalikes } from './lookalikes.ts';
import { searchFor } from './search-helpers.ts';

const sampleDir = fileURLToPath(new URL('../../content/', import.meta.url));
let browser: Browser;
let page: Page;
let preview: { url: string; stop: () => void; output: string };

beforeAll(async () => {
  preview = await serveLookalikes(sampleDir, 400);
  const shards = /搜索索引：409 篇，(\d+) 个分片/.exec(preview.output);
  expect(Number(shards?.[1])).toBeGreaterThan(4);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  preview?.stop();
});

// Each query's true article, among 400 briefs that repeat its sentences.
const queries: [query: string, slug: string][] = [
  ['书记项目', 'shuji-linghang'], // the long feature, repeated in many short look-alikes
  ['机关党建', 'shuji-linghang'],
  ['党建品牌', 'shuji-linghang'],
  ['书记项目 水务局', 'shuji-linghang'],
  ['技能比武', 'jineng-biwu'],
  ['消防培训', 'xiaofang-peixun'],
  ['王笛', 'jingshi-jiaoyu'],
  ['王登香 预防接种', 'shifan-shijiao'],
  ['应急演练', 'yingji-yanlian'],
  ['安全阀', 'zhuanti-xuexi'],
  ['慰问 困难家庭', 'ruhu-zoufang'],
  ['集中学习', 'jizhong-xuexi'],
];

test.each(queries)('%s still finds %s in the top 3 among look-alikes', async (query, slug) => {
  const { urls } = await searchFor(page, preview.url, { q: query });
  expect(urls.length).toBeGreaterThan(3);
  expect(urls.slice(0, 3)).toContain(`/articles/${slug}/`);
});
