import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveLookalikes } from './lookalikes.ts';
import { searchFor } from './search-helpers.ts';

const sampleDir = fileURLToPath(new URL('../../content/', import.meta.url));
let browser: Browser;
let page: Page;
let preview: { url: string; stop: () => void };

beforeAll(async () => {
  preview = await serveLookalikes(sampleDir, 300, 20251203);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  preview?.stop();
});

// What readers type when they half remember an article: their own words run together, a name
// with one character wrong, a unit by the short name people use. None is in any article as
// typed; 300 look-alike briefs repeat the true articles' sentences and titles. (A name that only
// a copied sentence holds, as 张思德 is, cannot tell the article from its copies: search.test.ts
// checks such typos on the sample itself.)
const remembered: [query: string, slug: string][] = [
  ['干粉灭火器怎么用培训', 'xiaofang-peixun'],
  ['车村煤矿消防知识培训', 'xiaofang-peixun'],
  ['史焱写的消防培训', 'xiaofang-peixun'],
  ['社区党员走访困难老人', 'ruhu-zoufang'],
  ['马家湾社区慰问困难家庭', 'ruhu-zoufang'],
  ['毕永中老人感谢社区', 'ruhu-zoufang'],
  ['银川燃气爆炸警示教育', 'jingshi-jiaoyu'],
  ['液化石油气公司观看警示片', 'jingshi-jiaoyu'],
  ['柳象林讲安全生产', 'jingshi-jiaoyu'],
  ['加雅雯', 'jineng-biwu'],
  ['管廊公司翻井盖比赛', 'jineng-biwu'],
  ['市政公司职工技能比赛', 'jineng-biwu'],
  ['卫生服务中心学习安全生产指示', 'jizhong-xuexi'],
  ['珠海驾车冲撞行人事件学习', 'jizhong-xuexi'],
  ['薛志主任说安全生产', 'jizhong-xuexi'],
  ['尹家沟接种门诊通过验收', 'shifan-shijiao'],
  ['预防接种门诊示范验收', 'shifan-shijiao'],
  ['市直机关推行书记项目', 'shuji-linghang'],
  ['机关党建书记项目成效', 'shuji-linghang'],
  ['党组织一把手当舵手', 'shuji-linghang'],
  ['芦村煤矿公寓着火演练', 'yingji-yanlian'],
  ['打湿毛巾捂住口鼻撤离演练', 'yingji-yanlian'],
  ['延安能化安全生产调度会', 'zhuanti-xuexi'],
  ['白建新说筑牢安全理念', 'zhuanti-xuexi'],
];

test.each(remembered)('%s finds %s in the top 3, said to be a closest match', async (query, slug) => {
  const { status, urls } = await searchFor(page, preview.url, { q: query });
  expect(status).toMatch(/^没有完全匹配的结果，以下是最接近的稿件（\d+ 篇）。$/);
  expect(urls.slice(0, 3)).toContain(`/articles/${slug}/`);
});

test('an exact match still comes first, with no notice', async () => {
  const { status, urls } = await searchFor(page, preview.url, { q: '书记项目' });
  expect(status).toMatch(/^找到 \d+ 篇稿件。$/);
  expect(urls.slice(0, 3)).toContain('/articles/shuji-linghang/');
});

test('a best-match search fetches its chunks in one more round at most', async () => {
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`${preview.url}/search/`);
  let inFlight = 0;
  let rounds = 0;
  fresh.on('request', (request) => {
    if (!request.url().endsWith('.pf_index')) return;
    if (inFlight === 0) rounds++;
    inFlight++;
  });
  const settle = (request: { url(): string }) => {
    if (request.url().endsWith('.pf_index')) inFlight--;
  };
  fresh.on('requestfinished', settle);
  fresh.on('requestfailed', settle);
  const { status } = await searchFor(fresh, preview.url, { q: '社区党员走访困难老人' });
  expect(status).toContain('最接近');
  // The exact search's round, and the pairs' round: most of their chunks are loaded already.
  expect(rounds).toBeGreaterThan(0);
  expect(rounds).toBeLessThanOrEqual(2);
  await fresh.context().close();
});
