/**
 * Bytes of the search index a reader downloads, measured in headless Chromium against a local
 * server that counts what it sends under /pagefind/, and of the article pages our search page
 * fetches where a long article's start does not show a match (src/scripts/search-page.ts): a
 * first search (fresh browser, empty cache)
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
  /** The most of a search narrowed by a filter or sorted by date, as a first search; NaN where a site has no such search. */
  narrowedFirstBytes: number;
  /** The same, after a search in the same browser. */
  narrowedLaterBytes: number;
  /** Which searches those were (their URL parameters), for the report's notes. */
  narrowedWorst?: { first: string; later: string };
}

/** Ways a search is narrowed or sorted on our search page: URL parameters. */
type Narrowing = Record<string, string>;

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

/** Bytes the server counted while `action` ran and the page settled. */
async function bytesOf(server: StaticServer, page: Page, action: () => Promise<void>): Promise<number> {
  const before = server.counted();
  await action();
  await page.waitForLoadState('networkidle');
  return server.counted() - before;
}

/**
 * The narrowings to measure: the first, middle and last unit, year and issue the search page
 * offers, every column, and the date order.
 */
async function narrowings(browser: Browser, server: StaticServer): Promise<Narrowing[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/search/`);
  const found: Narrowing[] = [];
  for (const field of ['unit', 'column', 'year', 'issue']) {
    const values = await page
      .locator(`select[name="${field}"] option`)
      .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? '').filter(Boolean));
    const chosen = field === 'column' ? values : [values[0], values[Math.floor(values.length / 2)], values.at(-1)];
    for (const value of new Set(chosen)) if (value) found.push({ [field]: value });
  }
  await context.close();
  return [...found, { sort: 'date' }];
}

/** Our search page narrowed: the most bytes of any narrowing, as a first search and after another search. */
async function measureNarrowed(
  browser: Browser,
  server: StaticServer,
): Promise<Pick<SearchBytes, 'narrowedFirstBytes' | 'narrowedLaterBytes' | 'narrowedWorst'>> {
  const first: number[] = [];
  const later: number[] = [];
  const searches: string[] = [];
  for (const [index, narrowing] of (await narrowings(browser, server)).entries()) {
    const query = queries[index % queries.length]!;
    searches.push(new URLSearchParams({ q: query, ...narrowing }).toString());
    const open = async (page: Page) => {
      await page.goto(`${server.url}/search/?${new URLSearchParams({ q: query, ...narrowing })}`);
      await readOutcome(page);
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    first.push(await bytesOf(server, page, () => open(page)));
    await context.close();
    const warm = await browser.newContext();
    const warmPage = await warm.newPage();
    await searchOurs(warmPage, server.url, queries[(index + 1) % queries.length]!);
    await warmPage.waitForLoadState('networkidle');
    later.push(await bytesOf(server, warmPage, () => open(warmPage)));
    await warm.close();
  }
  const worst = (bytes: number[]) => searches[bytes.indexOf(Math.max(...bytes))]!;
  return {
    narrowedFirstBytes: Math.max(...first),
    narrowedLaterBytes: Math.max(...later),
    narrowedWorst: { first: decodeURIComponent(worst(first)), later: decodeURIComponent(worst(later)) },
  };
}

async function measureWith(
  browser: Browser,
  server: StaticServer,
  search: SearchOnce,
): Promise<Omit<SearchBytes, 'narrowedFirstBytes' | 'narrowedLaterBytes'>> {
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

/** Serve `dist` and measure its search with `search`; narrowed searches too where it is our search page. */
export async function measureSearch(dist: string, search: SearchOnce): Promise<SearchBytes> {
  // Nothing but the search page fetches articles here: the browser opens none.
  const server = await serveStatic(dist, ['/pagefind/', '/articles/']);
  const browser = await launchBrowser();
  try {
    const plain = await measureWith(browser, server, search);
    // The peer has no filters and no search page to narrow.
    const narrowed =
      search === searchOurs ? await measureNarrowed(browser, server) : { narrowedFirstBytes: Number.NaN, narrowedLaterBytes: Number.NaN };
    return { ...plain, ...narrowed };
  } finally {
    await browser.close();
    await server.close();
  }
}
