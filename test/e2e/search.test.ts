import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { readOutcome, resultDates, searchFor } from './search-helpers.ts';

const base = inject('sampleUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const article = (slug: string) => `/articles/${slug}/`;

// What readers of the sample page would type, and the article they are after.
const queries: [query: string, expected: string][] = [
  ['员席席', 'shuji-linghang'], // a rare phrase, misprint and all
  ['"两说一联"', 'shuji-linghang'], // a quoted phrase
  ['书记项目', 'shuji-linghang'], // the feature's subject
  ['水务局', 'shuji-linghang'], // a unit's short name
  ['务局', 'shuji-linghang'], // a fragment of a word
  ['市残联', 'shuji-linghang'], // an alias of 市残疾人联合会
  ['shuiwuju', 'shuji-linghang'], // pinyin of a unit
  ['swj', 'shuji-linghang'], // initials of a unit
  ['jineng', 'jineng-biwu'], // pinyin of a title word
  ['高乐', 'shuji-linghang'], // a reporter
  ['王笛', 'jingshi-jiaoyu'], // a correspondent
  ['加雅文', 'jineng-biwu'],
  ['薛智', 'jizhong-xuexi'], // a name quoted in a brief
  ['管廊', 'jineng-biwu'], // a two-character word
  ['翻井盖', 'jineng-biwu'],
  ['尹家沟', 'shifan-shijiao'],
  ['马家湾', 'ruhu-zoufang'],
  ['芦村', 'yingji-yanlian'],
  ['安全阀', 'zhuanti-xuexi'],
  ['6·21', 'jingshi-jiaoyu'], // a date-like number as printed
  ['6.21', 'jingshi-jiaoyu'], // and as typed
  ['６·２１', 'jingshi-jiaoyu'], // in full-width digits
  ['11月22日', 'jineng-biwu'], // a date in the text
  ['200人', 'xiaofang-peixun'], // a number
  ['200', 'xiaofang-peixun'], // a number that the text follows with a character (200人)
  ['58.6', 'shuji-linghang'], // and one whose last digit it does (58.6万)
  ['阀', 'zhuanti-xuexi'], // a single character, at the end of a word
  ['58.6万亩', 'shuji-linghang'],
  ['消防培訓', 'xiaofang-peixun'], // traditional characters
  ['預防接種', 'shifan-shijiao'],
  ['宝塔区  卫生', 'jizhong-xuexi'], // words separated by spaces
];

describe('queries a reader would type about the sample page', () => {
  test.each(queries)('%s finds %s in the top 3', async (query, slug) => {
    const { urls } = await searchFor(page, base, { q: query });
    expect(urls.slice(0, 3)).toContain(article(slug));
  });
});

// A name with one character wrong, a unit by the short name readers use: no exact match, so the
// closest articles are shown, and said to be such.
const nearMisses: [query: string, expected: string][] = [
  ['张思得', 'shuji-linghang'], // 张思德
  ['张思得为民服务队', 'shuji-linghang'],
  ['加雅雯', 'jineng-biwu'], // 加雅文
  ['毕永中', 'ruhu-zoufang'], // 毕永忠
  ['柳象琳', 'jingshi-jiaoyu'], // 柳象林
  ['延安能化', 'zhuanti-xuexi'], // 延安能源化工集团
  ['延安能化集团安全生产', 'zhuanti-xuexi'],
];

describe('near misses find their article among the closest', () => {
  test.each(nearMisses)('%s finds %s in the top 3', async (query, slug) => {
    const { status, urls } = await searchFor(page, base, { q: query });
    expect(status).toMatch(/^没有完全匹配的结果，以下是最接近的稿件（\d+ 篇）。$/);
    expect(urls.slice(0, 3)).toContain(article(slug));
  });
});

test('a traditional-character query says it searched the simplified form', async () => {
  const { status } = await searchFor(page, base, { q: '消防培訓' });
  expect(status).toContain('已按简体“消防培训”查找。');
});

test('a unit filter narrows the results to that unit', async () => {
  const all = await searchFor(page, base, { q: '安全' });
  expect(all.urls.length).toBeGreaterThan(3);
  const narrowed = await searchFor(page, base, { q: '安全', unit: 'yehuaqi' });
  expect(narrowed.urls).toEqual([article('jingshi-jiaoyu')]);
  expect(await page.locator('select[name="unit"]').inputValue()).toBe('yehuaqi');
});

test('a column filter and sorting by date work from the form, and the URL keeps them', async () => {
  await page.goto(`${base}/search/`);
  await page.fill('#search-q', '安全');
  await page.press('#search-q', 'Enter');
  await readOutcome(page);
  await page.selectOption('select[name="column"]', 'dongtai');
  await page.waitForURL(/column=dongtai/);
  await page.selectOption('select[name="sort"]', 'date');
  await page.waitForURL(/sort=date/);
  const filtered = await readOutcome(page);
  expect(filtered.urls).not.toContain(article('shuji-linghang'));
  // Newest first (the sample's briefs share one date; dev-preview.test.ts sorts articles of many).
  const dates = await resultDates(page);
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort().reverse());
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ q: '安全', column: 'dongtai', sort: 'date' });

  await page.reload();
  const reloaded = await readOutcome(page);
  expect(reloaded.urls).toEqual(filtered.urls);
  expect(await page.inputValue('#search-q')).toBe('安全');
  expect(await page.locator('select[name="column"]').inputValue()).toBe('dongtai');

  await page.goBack();
  await page.waitForURL((current) => !current.searchParams.has('sort'));
  expect(await page.locator('select[name="sort"]').inputValue()).toBe('');
});

test('the column of most articles (filtered as none of the others) and another column split the results between them', async () => {
  const all = await searchFor(page, base, { q: '工作' });
  const most = await searchFor(page, base, { q: '工作', column: 'dongtai' });
  const other = await searchFor(page, base, { q: '工作', column: 'tongxun' });
  expect(most.urls.length).toBeGreaterThan(1);
  expect(other.urls).toEqual([article('shuji-linghang')]);
  expect(most.urls).not.toContain(article('shuji-linghang'));
  expect([...most.urls, ...other.urls].sort()).toEqual([...all.urls].sort());
});

test('a query that matches nothing says so', async () => {
  const { status, urls } = await searchFor(page, base, { q: '量子计算机' });
  expect(urls).toEqual([]);
  expect(status).toBe('没有找到与“量子计算机”相关的稿件。可以换一个较短的词，检查错别字，或者去掉筛选条件再试。');
});

test('results show date, column, units, byline and an excerpt with the query marked', async () => {
  await searchFor(page, base, { q: '翻井盖' });
  const first = page.locator('.search-result').first();
  expect(await first.locator('.item-meta').innerText()).toBe(
    '2024年11月26日 · 党建动态 · 延安新区市政公司综合管廊运营分公司 · 通讯员 加雅文',
  );
  expect(await first.locator('.search-excerpt mark').allInnerTexts()).toEqual(['翻井盖']);
  expect(await page.locator('[data-search-status]').getAttribute('aria-live')).toBe('polite');
});

test('works by keyboard alone, from the header box of any page to an article', async () => {
  await page.goto(`${base}/units/`);
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // masthead name
  while (!(await page.evaluate(() => document.activeElement?.id === 'header-search-q'))) await page.keyboard.press('Tab');
  await page.keyboard.type('芦村');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  const { urls } = await readOutcome(page);
  expect(urls[0]).toBe(article('yingji-yanlian'));
  while (!(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null))) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${article('yingji-yanlian')}`);
});

describe('weight', () => {
  /** Bytes of every response while `action` runs, workers included. */
  async function bytesDuring(target: Page, action: () => Promise<unknown>): Promise<{ total: number; urls: string[] }> {
    const seen: Promise<{ url: string; bytes: number }>[] = [];
    const listener = (request: import('playwright-core').Request) =>
      seen.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })));
    target.context().on('requestfinished', listener);
    await action();
    await target.waitForLoadState('networkidle');
    target.context().off('requestfinished', listener);
    const done = await Promise.all(seen);
    return { total: done.reduce((sum, entry) => sum + entry.bytes, 0), urls: done.map((entry) => entry.url) };
  }

  test('an article page loads no search script, only its two small page scripts (reading modes; the print QR code and its encoder)', async () => {
    const fresh = await browser.newPage();
    const { urls } = await bytesDuring(fresh, () => fresh.goto(`${base}${article('jineng-biwu')}`));
    // In the order the page names them (the requests may finish in either).
    const scripts = urls
      .filter((url) => /\.js(\?|$)/.test(url))
      .sort((a, b) => Number(/ArticleLayout/.test(a)) - Number(/ArticleLayout/.test(b)));
    expect(scripts).toEqual([
      expect.stringMatching(/\/_astro\/BaseLayout\.[\w.-]+\.js$/),
      expect.stringMatching(/\/_astro\/ArticleLayout\.[\w.-]+\.js$/),
    ]);
    expect(
      await fresh
        .locator('script')
        .evaluateAll((elements) => elements.map((element) => [element.getAttribute('type'), element.textContent])),
    ).toEqual([
      ['module', ''],
      ['module', ''],
    ]);
    const sizes = await fresh.evaluate(
      async (urls) => Promise.all(urls.map(async (url) => (await (await fetch(url)).text()).length)),
      scripts,
    );
    expect(sizes[0]).toBeLessThan(3 * 1024);
    expect(sizes[1]).toBeLessThan(5 * 1024);
    await fresh.close();
  });

  test('a first search fetches at most 250 KB and a later one at most 60 KB', async () => {
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(`${base}${article('jineng-biwu')}`);
    const first = await bytesDuring(fresh, async () => {
      await fresh.fill('#header-search-q', '书记项目');
      await fresh.press('#header-search-q', 'Enter');
      await readOutcome(fresh);
    });
    // Pagefind's script and WebAssembly alone are tens of kilobytes: this proves the count saw them.
    expect(first.total).toBeGreaterThan(50 * 1024);
    expect(first.total).toBeLessThanOrEqual(250 * 1024);
    for (const query of ['王笛', '应急演练', '马家湾社区']) {
      const later = await bytesDuring(fresh, async () => {
        await fresh.fill('#search-q', query);
        await fresh.press('#search-q', 'Enter');
        await readOutcome(fresh);
      });
      expect(later.total, query).toBeLessThanOrEqual(60 * 1024);
    }
    await fresh.context().close();
  });
});
