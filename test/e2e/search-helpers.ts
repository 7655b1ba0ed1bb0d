import type { Page } from 'playwright-core';

/** What the search page shows once a search has finished. */
export interface SearchOutcome {
  status: string;
  /** Result URLs in the order shown. */
  urls: string[];
}

/** Wait until the search page has finished searching, then read what it shows. */
export async function readOutcome(page: Page): Promise<SearchOutcome> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && !status.includes('正在搜索');
  });
  return {
    status: await page.locator('[data-search-status]').innerText(),
    urls: await page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
  };
}

/** Open the search page at a query (and filters), as a shared link would. */
export async function searchFor(page: Page, base: string, params: Record<string, string>): Promise<SearchOutcome> {
  await page.goto(`${base}/search/?${new URLSearchParams(params)}`);
  return readOutcome(page);
}

/** The dates of the results shown, in order: each result's line of details opens with its date. */
export function resultDates(page: Page): Promise<string[]> {
  return page.locator('.search-result .item-meta time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
}
