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
  while (!(await fetch(`${base}/pagefind/pagefind.js`).then((response) => response.ok, () => false))) {
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
