import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { launchBrowser, startPreview } from './browser.ts';

// An article pasted from a web page whose HTML and headings carry the page's own names: id="main",
// a heading "search", name="pagefind", a form named getElementById, and a footnote.
const article = fileURLToPath(new URL('../fixtures/bad/id-clobbering/article.md', import.meta.url));
let browser: Browser;
let page: Page;
let preview: { url: string; stop: () => void };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-clobber-content-'));
  cpSync(fixtureDir, dir, { recursive: true });
  mkdirSync(join(dir, 'articles', 'pasted'), { recursive: true });
  cpSync(article, join(dir, 'articles', 'pasted', 'clobber.md'));
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-clobber-'));
  const build = buildSite(dir, outDir);
  if (build.status !== 0) throw new Error(build.output);
  preview = await startPreview(outDir, dir);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${preview.url}/articles/clobber/`);
});

afterAll(async () => {
  await browser?.close();
  preview?.stop();
});

test("the page's own elements and look-ups stay its own: main, the search box, getElementById, pagefind", async () => {
  const found = await page.evaluate(() => ({
    main: document.getElementById('main')?.tagName,
    mains: document.querySelectorAll('[id="main"]').length,
    search: document.getElementById('header-search-q')?.closest('form')?.getAttribute('role'),
    searchInArticle: document.getElementById('search') !== null,
    lookUp: typeof document.getElementById,
    pagefind: 'pagefind' in window || 'pagefind' in document,
    forms: document.forms.length,
  }));
  expect(found).toEqual({
    main: 'MAIN',
    mains: 1,
    search: 'search',
    searchInArticle: false,
    lookUp: 'function',
    pagefind: false,
    forms: 1,
  });
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
});

test("the article's own anchors and footnotes still lead where they point", async () => {
  await page.getByRole('link', { name: '见下文' }).click();
  expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#user-content-search');
  expect(await page.locator(':target').innerText()).toBe('search');
  await page.locator('[data-footnote-ref]').first().click();
  expect(await page.locator(':target').innerText()).toContain('脚注说明');
  await page.locator('[data-footnote-backref]').first().click();
  expect(await page.locator(':target').innerText()).toBe('1');
  // A footnote labelled in Chinese ([^注一]) too.
  await page.locator('[data-footnote-ref]').nth(1).click();
  expect(await page.locator(':target').innerText()).toContain('中文标签的脚注');
});
