/**
 * Bytes of the search index a reader downloads, measured in headless Chromium against a local
 * server that counts what it sends under /pagefind/: a first search (fresh browser, empty cache)
 * and later searches (same browser, one after another). Ours goes through our search page as a
 * reader would; the peer through Pagefind's default JS API, search() then data() of the first
 * five results, which is what a plain results list does.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/browser.ts';
import { readOutcome } from '../../test/e2e/search-helpers.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { median } from './stats.ts';

/** Words of the sample page, so every query finds articles in any generated corpus. */
export const queries = [
  '书记项目',
  '安全生产',
  '技能比武',
  '警示教育',
  '党建品牌',
  '乡村振兴',
  '营商环境',
  '残疾人就业',
  '水务局',
  '应急演练',
];

export interface SearchBytes {
  /** Median over the queries, each the first search of a fresh browser. */
  firstBytes: number;
  /** Median over the queries after the first, searched one after another. */
  laterBytes: number;
}

type SearchOnce = (page: Page, base: string, query: string) => Promise<void>;

/** Our search page, as a shared link /search/?q=… opens it. */
export const searchOurs: SearchOnce = async (page, base, query) => {
  await page.goto(`${base}/search/?${new URLSearchParams({ q: query })}`);
  await readOutcome(page);
};

/** Pagefind's JS API on any page of the peer. */
export const searchPeer: SearchOnce = async (page, base, query) => {
  if (!page.url().startsWith(base)) await page.goto(`${base}/`);
  const found = await page.evaluate(async (term) => {
    // Runs in the browser, where the peer publishes Pagefind's module at /pagefind/pagefind.js.
    const entry = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ entry)) as {
      search: (term: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
    };
    const search = await pagefind.search(term);
    await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
    return search.results.length;
  }, query);
  if (found === 0) throw new Error(`the peer's search found nothing for ${query}`);
};

/** Bytes the server sent under /pagefind/ while `action` ran and the page settled. */
async function bytesOf(server: StaticServer, page: Page, action: () => Promise<void>): Promise<number> {
  const before = server.counted();
  await action();
  await page.waitForLoadState('networkidle');
  return server.counted() - before;
}

async function measureWith(browser: Browser, server: StaticServer, search: SearchOnce): Promise<SearchBytes> {
  const first: number[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    first.push(await bytesOf(server, page, () => search(page, server.url, query)));
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const sequence: number[] = [];
  for (const query of queries) sequence.push(await bytesOf(server, page, () => search(page, server.url, query)));
  await context.close();
  return { firstBytes: median(first), laterBytes: median(sequence.slice(1)) };
}

/** Serve `dist` and measure its search with `search`. */
export async function measureSearch(dist: string, search: SearchOnce): Promise<SearchBytes> {
  const server = await serveStatic(dist, '/pagefind/');
  const browser = await launchBrowser();
  try {
    return await measureWith(browser, server, search);
  } finally {
    await browser.close();
    await server.close();
  }
}
