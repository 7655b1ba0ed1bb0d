import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userEnv } from '../build/build-site.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { freePort, launchBrowser } from './browser.ts';
import { resultDates, searchFor } from './search-helpers.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const contentDir = mkdtempSync(join(tmpdir(), 'bulletin-dev-'));
let server: ChildProcess;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  cpSync(fixtureDir, contentDir, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Astro lets one dev server run per project unless told not to track it: the bench's may be running too.
  server = spawn(process.execPath, ['scripts/astro.ts', 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: contentDir }),
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${base}/pagefind/pagefind.js`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error('astro dev did not serve the search index');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function articleText(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

// Bodies are rendered when their page is first asked for (src/integrations/article-bodies.ts).
test('the editors’ preview shows an article’s body, and the body as it is being edited', async () => {
  expect(await articleText('/articles/canlian-zhucan/')).toContain('就业指导服务');
  const file = join(contentDir, 'articles', '2024', '12', '残联.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('就业指导服务', '就业指导服务和预览里改过的一句'));
  await expect.poll(() => articleText('/articles/canlian-zhucan/'), { timeout: 10_000, interval: 200 }).toContain('预览里改过的一句');
});

test('the editors’ preview shows an article’s pictures, cover and body', async () => {
  const html = await articleText('/articles/shen-ji-ju-shu-ji-xiang-mu/');
  const images = [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);
  expect(images.map((tag) => /alt="([^"]*)"/.exec(tag)?.[1])).toEqual(['审计局书记项目结硕果', '审计人员在现场']);
  for (const tag of images) {
    const src = /src="([^"]+)"/.exec(tag)![1]!.replaceAll('&#38;', '&').replaceAll('&amp;', '&');
    const picture = await fetch(new URL(src, base));
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\//);
  }
});

test('the editors’ preview searches drafts, marked as drafts', async () => {
  const { urls } = await searchFor(page, base, { q: '林业局草稿' });
  expect(urls).toEqual(['/articles/linye-draft/']);
  expect(await page.locator('.search-result .draft-badge').innerText()).toBe('草稿');
});

test('the editors’ preview sorts results by date, newest first', async () => {
  const { urls } = await searchFor(page, base, { q: '水务局', sort: 'date' });
  expect(urls.length).toBeGreaterThan(5);
  const dates = await resultDates(page);
  expect(new Set(dates).size).toBeGreaterThan(5);
  expect(dates).toEqual([...dates].sort().reverse());
});

test('the editors’ preview searches an article as it is being edited', async () => {
  const file = join(contentDir, 'articles', '2024', '12', '残联.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('就业指导服务', '就业指导服务和独一无二的编辑测试词'));
  await expect
    .poll(async () => (await searchFor(page, base, { q: '独一无二的编辑测试词' })).urls, { timeout: 20_000, interval: 500 })
    .toEqual(['/articles/canlian-zhucan/']);
});

/**
 * Go to `path` and wait for `text`. An earlier test's edit may still reload open pages, which
 * cuts a navigation short: the reload itself brings the page.
 */
async function open(shown: Page, path: string, text: string): Promise<void> {
  await shown.goto(`${base}${path}`).catch((error: unknown) => {
    if (!String(error).includes('ERR_ABORTED')) throw error;
  });
  await shown.getByText(text).first().waitFor({ timeout: 15_000 });
}

/** Milliseconds from `since` until `shown` shows `text` by itself: the preview reloads open pages when content changes. */
async function shownAfter(shown: Page, text: string, since: number): Promise<number> {
  await shown.getByText(text).first().waitFor({ timeout: 15_000 });
  return Date.now() - since;
}

test('the editors’ preview shows an article’s error in Chinese where the editor looks, and the article again once fixed', async ({
  annotate,
}) => {
  const file = join(contentDir, 'articles', '2024', '12', 'shuiwu-23.md');
  const written = readFileSync(file, 'utf8');
  const [article, home] = [await browser.newPage(), await browser.newPage()];
  await open(article, '/articles/shuiwu-23/', '水务局主题党日第23次');
  await open(home, '/', '水务局主题党日第23次');

  const saved = Date.now();
  writeFileSync(file, written.replace('units: [延安市水务局]', 'units: [延安市水务居]'));
  const onArticle = await shownAfter(article, '找不到单位“延安市水务居”', saved);
  const onHome = await shownAfter(home, '找不到单位“延安市水务居”', saved);
  // At the article's own address, and on every other page: the file, the line, the field by its Chinese name, the fix.
  for (const shown of [article, home]) {
    const problem = shown.locator('.problem-files > li', { hasText: 'articles/2024/12/shuiwu-23.md' });
    expect(await problem.locator('.problem-place').innerText()).toMatch(/^错误\s*第 5 行\s*字段：单位（units）$/);
    expect(await problem.locator('.problem-hint').innerText()).toMatch(/^改法：请改用单位名单（units\.yaml）里的全称或登记过的简称/);
  }
  expect(await article.locator('main h1').innerText()).toBe('这篇稿件有错误，暂时不能显示');
  expect(await home.locator('.problem-address a').getAttribute('href')).toBe('/articles/shuiwu-23/');

  // A second mistake in the broken article changes nothing else the preview holds: its page still reloads.
  writeFileSync(file, written.replace('units: [延安市水务局]', 'units: [延安市水务居]').replace('date: 2024-12-16', 'date: 2024-12-32'));
  await shownAfter(article, '日期“2024-12-32”不存在', Date.now());
  expect(await article.locator('.problem-place').allInnerTexts()).toEqual([
    expect.stringMatching(/第 3 行\s*字段：日期（date）/),
    expect.stringMatching(/第 5 行\s*字段：单位（units）/),
  ]);

  const fixed = Date.now();
  writeFileSync(file, written);
  const recovered = await shownAfter(article, '编号水务简讯23', fixed);
  expect(await article.locator('main h1').innerText()).toBe('水务局主题党日第23次');
  await shownAfter(home, '水务局主题党日第23次', fixed);
  expect(await home.locator('.preview-problems').count()).toBe(0);
  await Promise.all([article.close(), home.close()]);
  await annotate(
    `from save to the message: ${onArticle} ms on the article's page, ${onHome} ms on the home page; from the fix to the article: ${recovered} ms`,
  );
});
