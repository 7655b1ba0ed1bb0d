/**
 * The index keeps a very common word's body places on some pages only, and the search page
 * checks phrases on the text of the others (src/lib/search/capped-places.ts). In a bulletin of
 * tens of thousands of articles that is hundreds of words; here the sample is built with every
 * word capped at one body place, and each query must find what the sample's ordinary build finds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { launchBrowser, startPreview } from './browser.ts';
import { readOutcome, type SearchOutcome } from './search-helpers.ts';

const ordinary = inject('sampleUrl');
let capped: { url: string; stop: () => void };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const sampleDir = fileURLToPath(new URL('../../content/', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-capped-'));
  const build = buildSite(sampleDir, outDir, { BULLETIN_SEARCH_CAPPED_PLACES: '1' });
  if (build.status !== 0) throw new Error(`the sample did not build:\n${build.output}`);
  capped = await startPreview(outDir, sampleDir);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  capped?.stop();
});

/** Every result of a search, "more" pressed until there are no more, and the last status. */
async function everyResult(base: string, query: string): Promise<SearchOutcome> {
  await page.goto(`${base}/search/?${new URLSearchParams({ q: query })}`);
  let outcome = await readOutcome(page);
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = outcome.urls.length;
    await more.click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.search-result').length > count || !!document.querySelector('[data-search-more][hidden]'),
      shown,
    );
    outcome = await readOutcome(page);
  }
  return outcome;
}

// Phrases of common words, words that all occur in an article but apart, and the sample's own queries.
const queries = [
  '书记项目',
  '"书记项目"',
  '党建工作',
  '安全生产',
  '"安全 生产"',
  '党员干部',
  '干部党员',
  '开展活动',
  '工作开展',
  '水务局',
  '市水务局党委',
  '6·21',
  '11月22日',
  '58.6万亩',
  '宝塔区  卫生',
  '消防培訓',
  '"两说一联"',
  '张思得',
  'shuiwuju',
];

describe('a phrase of common words is checked on the text of the pages the index holds no places on', () => {
  test.each(queries)('%s finds what the ordinary index finds', async (query) => {
    const expected = await everyResult(ordinary, query);
    const found = await everyResult(capped.url, query);
    expect(found.status).toBe(expected.status);
    expect([...found.urls].sort()).toEqual([...expected.urls].sort());
  });
});

test('the capped index alone misses pages that the search page finds by their text', async () => {
  const { urls } = await everyResult(capped.url, '书记项目');
  // A string, so that the test runner leaves its import() to the browser. The index's words are
  // not the browser's Chinese words (src/lib/search/tokens.ts): Pagefind starts in their language.
  const byIndexAlone = (await page.evaluate(`(async () => {
    const pagefind = await import(document.querySelector('[data-search]').dataset.pagefind + 'pagefind.js');
    document.documentElement.lang = 'und';
    await pagefind.init();
    return (await pagefind.search('"书记 记项 项目"')).results.length;
  })()`)) as number;
  expect(urls.length).toBeGreaterThan(0);
  expect(byIndexAlone).toBeLessThan(urls.length);
});
