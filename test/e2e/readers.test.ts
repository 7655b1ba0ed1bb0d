import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { modesKey } from '../../src/lib/reading-modes.ts';
import { articleListLinks } from '../build/build-site.ts';
import { launchBrowser } from './browser.ts';
import { comparable, drawSheets, sheetLines } from './print-sheets.ts';

const base = inject('sampleUrl');
const screenshots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const printed = fileURLToPath(new URL('../../test-results/print/', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh context, optionally with the reading modes an older reader would have chosen. */
async function openContext(options: { elder?: boolean; width?: number; height?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  if (options.elder) {
    await context.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ size: 3, contrast: true })), [modesKey]);
  }
  return context;
}

const pages = ['/', '/articles/shuji-linghang/', '/units/baotaweisheng/', '/issues/47/', `/search/?q=${encodeURIComponent('水务局')}`];

test('text size and contrast chosen on one page hold on the next', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.getByRole('button', { name: '放大字号' }).click();
  await page.getByRole('button', { name: '放大字号' }).click();
  await page.getByRole('button', { name: '高对比度' }).click();
  expect(await page.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('link', { name: '技能比武强本领' }).first().click();
  await page.waitForURL('**/articles/jineng-biwu/');
  await page.waitForFunction(() => document.documentElement.dataset['size'] === '2');
  expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
  const larger = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(larger).toBeGreaterThan(normal * 1.2);
  await page.getByRole('button', { name: '标准字号' }).click();
  expect(await page.getAttribute('html', 'data-size')).toBe('0');
  await context.close();
});

test('an article page carries under 20 KB of CSS, compressed', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.goto(`${base}/articles/shuji-linghang/`);
  const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(sheets.length).toBeGreaterThan(0);
  let total = 0;
  for (const sheet of sheets) total += gzipSync(Buffer.from(await (await fetch(sheet)).arrayBuffer())).length;
  expect(total).toBeLessThan(20 * 1024);
  await context.close();
});

test('an article prints without navigation, with its address and a QR code', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.goto(`${base}/articles/jineng-biwu/`);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site-nav').isVisible()).toBe(false);
  expect(await page.locator('.header-search').isVisible()).toBe(false);
  expect(await page.locator('.site-footer').isVisible()).toBe(false);
  expect(await page.locator('.print-qr svg').isVisible()).toBe(true);
  expect(await page.locator('.print-address').innerText()).toContain('https://dangjian.example.cn/articles/jineng-biwu/');
  // The code the page's script drew, painted on white with a wide quiet zone, scans to the address.
  const side = 240;
  const pixels = await page.locator('.print-qr svg').evaluate(async (svg, side) => {
    const image = new Image();
    image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, side, side);
    context.drawImage(image, side / 6, side / 6, (side * 2) / 3, (side * 2) / 3);
    return Array.from(context.getImageData(0, 0, side, side).data);
  }, side);
  expect(jsQR(Uint8ClampedArray.from(pixels), side, side)?.data).toBe('https://dangjian.example.cn/articles/jineng-biwu/');
  await page.emulateMedia({ media: 'screen' });
  expect(await page.locator('.print-qr svg').isVisible()).toBe(false);
  await context.close();
});

test('without script an article prints its address, and no word of a code it cannot show', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}/articles/jineng-biwu/`);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.print-address').innerText()).toBe('https://dangjian.example.cn/articles/jineng-biwu/');
  expect(await page.locator('.print-qr').isVisible()).toBe(false);
  await context.close();
});

test('an issue prints as one document, every article whole, in page order', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.goto(`${base}/issues/47/`);
  await page.getByRole('link', { name: '打印本期' }).click();
  await page.waitForURL('**/issues/47/print/');
  // The page puts each article in place of its link, from the article's own page.
  await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
  expect(await page.locator('.print-issue-article > header .article-title').allInnerTexts()).toEqual(await issueOrder(page, 47));
  expect(await page.locator('.print-issue-contents').count()).toBe(0);
  expect(await page.locator('.print-issue-article').first().locator('.article-body').innerText()).toContain('在延安这片具有光荣革命传统');
  await context.close();
});

test('the printed issue reads like the paper: pieces run on, no heading ends a sheet, the name once', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.goto(`${base}/issues/47/print/`);
  await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
  const { headers, bodies } = await page.evaluate(() => ({
    // Each piece's title block as one text (a brief's byline and page share a line), and every heading.
    headers: [...document.querySelectorAll('main h1, main .page-intro, .print-issue-article > header, .article-body :is(h2, h3)')].map(
      (element) => element.textContent ?? '',
    ),
    bodies: [...document.querySelectorAll('.print-issue-article .article-body p')].map((element) => element.textContent ?? ''),
  }));
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const sheets = await sheetLines(pdf);
  mkdirSync(printed, { recursive: true });
  await drawSheets(pdf, printed, 'issue-47');

  // Nine pieces: the feature's three sheets, then the eight briefs running on (11 sheets when each began one).
  expect(sheets.length).toBeLessThanOrEqual(7);
  const [heading, body] = [headers.map(comparable), bodies.map(comparable)];
  sheets.slice(0, -1).forEach((lines, index) => {
    const last = lines.at(-1)!;
    const inHeading = heading.some((text) => text.includes(last)) && !body.some((text) => text.includes(last));
    expect(inHeading, `sheet ${index + 1} ends with a heading: ${last}`).toBe(false);
  });
  // The bulletin's name and the issue once, at the top: no masthead above the page's own title.
  const all = sheets.flat();
  expect(all[0]).toBe(comparable('机关党建 第 47 期'));
  expect(all.filter((line) => line.includes(comparable('机关党建 第 47 期')))).toHaveLength(1);
  expect(all).not.toContain(comparable('机关党建'));
  await context.close();
});

test("the print control is the site's button, and grows with the reader's text size", async () => {
  const measure = async (elder: boolean) => {
    const context = await openContext({ elder });
    const page = await context.newPage();
    await page.goto(`${base}/issues/47/print/`);
    const button = page.getByRole('button', { name: '打印', exact: true });
    await button.waitFor();
    const looks = await button.evaluate((element) => {
      const style = getComputedStyle(element);
      const search = getComputedStyle(document.querySelector('.header-search button')!);
      return {
        height: element.getBoundingClientRect().height,
        background: style.backgroundColor,
        searchBackground: search.backgroundColor,
      };
    });
    const gap = await page.evaluate(() => {
      const button = document.querySelector('[data-print-now]')!.getBoundingClientRect();
      const title = document.querySelector('.print-issue-article .article-title')!.getBoundingClientRect();
      return title.top - button.bottom;
    });
    await context.close();
    return { ...looks, gap };
  };
  const [normal, elder] = [await measure(false), await measure(true)];
  expect(normal.background).toBe(normal.searchBackground);
  expect(normal.height).toBeGreaterThanOrEqual(40);
  expect(elder.height).toBeGreaterThan(normal.height * 1.2);
  expect(normal.gap).toBeGreaterThanOrEqual(24);
});

test("the reader's largest text on screen does not carry into print", async () => {
  const printedTitle = async (elder: boolean) => {
    const context = await openContext({ elder });
    const page = await context.newPage();
    await page.goto(`${base}/issues/47/print/`);
    await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const size = await page
      .locator('.print-issue-article .article-title')
      .first()
      .evaluate((title) => getComputedStyle(title).fontSize);
    await context.close();
    return size;
  };
  expect(await printedTitle(true)).toBe(await printedTitle(false));
});

/** The titles of an issue's articles, in page order, as its page lists them. */
async function issueOrder(page: Page, issue: number): Promise<string[]> {
  const listing = await page.context().newPage();
  await listing.goto(`${base}/issues/${issue}/`);
  const titles = await listing.locator(articleListLinks).allInnerTexts();
  await listing.close();
  return titles;
}

test('an issue whose article does not load prints what did, and names what did not', async () => {
  const context = await openContext();
  const page = await context.newPage();
  await page.route('**/articles/jineng-biwu/', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto(`${base}/issues/47/print/`);
  await page.locator('[data-print-issue][data-print-ready="partly"]').waitFor();
  expect(await page.locator('.print-issue-article').count()).toBe(8);
  expect(await page.locator('.print-issue-contents a').allInnerTexts()).toEqual(['技能比武强本领']);
  expect(await page.locator('[data-print-status]').innerText()).toContain('没有载入');
  // On paper too: the status prints, and the missing piece with its address.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('[data-print-status]').isVisible()).toBe(true);
  const missing = page.locator('.print-issue-contents a');
  expect(await missing.evaluate((link) => getComputedStyle(link, '::after').content)).toBe(`"（${base}/articles/jineng-biwu/）"`);
  await context.close();
});

describe('phones and desktops', () => {
  const shots: [string, string][] = [
    ['home', '/'],
    ['article', '/articles/shuji-linghang/'],
    ['unit', '/units/baotaweisheng/'],
  ];

  test.each(shots)('%s: screenshots on a phone (360×780) and a desktop', async (name, path) => {
    for (const [device, width, height] of [
      ['phone', 360, 780],
      ['desktop', 1280, 900],
    ] as const) {
      const context = await openContext({ width, height });
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.screenshot({ path: `${screenshots}${name}-${device}.png`, fullPage: true });
      await context.close();
    }
  });

  /** How the meta block's unit row lies: the label's lines, and each line of the unit list's left edge against the list's own. */
  const unitRowLayout = (page: Page) =>
    page.locator('.article-meta dd:has(.unit-links)').evaluate((dd) => {
      const label = dd.previousElementSibling!;
      const labelText = document.createRange();
      labelText.selectNodeContents(label);
      const listText = document.createRange();
      listText.selectNodeContents(dd);
      const fragments = [...listText.getClientRects()].filter((rect) => rect.width > 0);
      // Boxes on one line differ in top by a pixel or two (links, the control): a line is every box within half a line of its first.
      const halfLine = parseFloat(getComputedStyle(dd).lineHeight) / 2;
      const lines: { top: number; start: number }[] = [];
      for (const rect of fragments.sort((a, b) => a.top - b.top)) {
        const line = lines.at(-1);
        if (line && rect.top - line.top < halfLine) line.start = Math.min(line.start, rect.left);
        else lines.push({ top: rect.top, start: rect.left });
      }
      const left = dd.getBoundingClientRect().left;
      return {
        labelLines: new Set([...labelText.getClientRects()].map((rect) => Math.round(rect.top))).size,
        labelRight: label.getBoundingClientRect().right,
        listLeft: left,
        // Every line after the first starts at the list's left edge, not centred or under the label.
        laterLineOffsets: lines.slice(1).map((line) => Math.round(line.start - left)),
        visibleUnits: [...dd.querySelectorAll('.unit-links a')].filter((link) => link.getClientRects().length > 0).length,
      };
    });

  test.each([360, 768, 1280])('an article of many units folds them behind 等 N 个单位 at %i px, its label on one line', async (width) => {
    const context = await openContext({ width, height: 900 });
    const page = await context.newPage();
    await page.goto(`${base}/articles/shuji-linghang/`);
    // The sample's feature names every unit whose 书记项目 it reports.
    const units = await page.locator('.article-meta .unit-links a').count();
    expect(units).toBeGreaterThan(10);
    const control = page.locator('.article-meta summary');
    expect(await control.innerText()).toBe(`等 ${units} 个单位`);
    expect(await page.getByText(`等 ${units} 个单位`, { exact: true }).isVisible()).toBe(true);

    const folded = await unitRowLayout(page);
    expect(folded.labelLines).toBe(1);
    expect(folded.labelRight).toBeLessThanOrEqual(folded.listLeft);
    expect(folded.visibleUnits).toBe(3);
    expect(folded.laterLineOffsets.every((offset) => offset === 0)).toBe(true);
    await page.locator('.article-meta').screenshot({ path: `${screenshots}article-units-${width}-folded.png` });

    await control.click();
    expect(await control.innerText()).toBe('收起');
    const open = await unitRowLayout(page);
    expect(open.labelLines).toBe(1);
    expect(open.visibleUnits).toBe(units);
    expect(open.laterLineOffsets.length).toBeGreaterThan(0);
    expect(
      open.laterLineOffsets.every((offset) => offset === 0),
      `line starts ${open.laterLineOffsets.join(', ')} px from the list's edge`,
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.locator('.article-meta').screenshot({ path: `${screenshots}article-units-${width}-open.png` });

    await control.click();
    expect((await unitRowLayout(page)).visibleUnits).toBe(3);
    await context.close();
  });

  test('an article of one unit shows it with no control, and a printed article names every unit', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${base}/articles/jizhong-xuexi/`);
    expect(await page.locator('.article-meta summary').count()).toBe(0);
    await page.goto(`${base}/articles/shuji-linghang/`);
    await page.emulateMedia({ media: 'print' });
    expect((await unitRowLayout(page)).visibleUnits).toBe(await page.locator('.article-meta .unit-links a').count());
    expect(await page.locator('.article-meta summary').isVisible()).toBe(false);
    await context.close();
  });

  test.each([
    ['the home page', '/', false, '市直机关工委'],
    ['its column', '/columns/tongxun/', false, '市直机关工委'],
    ['its issue', '/issues/47/', false, '市直机关工委'],
    // On a unit's own listing, and in results narrowed to it, that unit (its 17th) comes first.
    ['the listing of its last unit', '/units/linyeju/', false, '市林业局'],
    ['the search results', `/search/?q=${encodeURIComponent('书记领航')}`, true, '市直机关工委'],
    ['results narrowed to its last unit', `/search/?q=${encodeURIComponent('书记领航')}&unit=linyeju`, true, '市林业局'],
  ])('on %s, a piece of 17 units names three, folded behind the same control, on a phone', async (_, path, script, first) => {
    // The listings fold with no script at all, as the article page does; the search page is script.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: script });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    const item = page.locator(':is(.article-list, .search-results) > li').filter({ hasText: '书记领航 亮“项”攻坚' }).first();
    const control = item.locator('.units-fold > summary');
    expect(await control.innerText()).toBe('等 17 个单位');
    // innerText is the text drawn: the folded names are not.
    const shown = (await item.locator('.unit-links').innerText()).split('、');
    expect(shown).toHaveLength(3);
    expect(shown[0]).toBe(first);
    await control.click();
    expect((await item.locator('.unit-links').innerText()).split('、')).toHaveLength(17);
    expect(await control.innerText()).toBe('收起');
    await context.close();
  });

  test.each([
    [360, false, 'a row of its own'],
    [390, false, 'a row of its own'],
    [768, false, 'a row of its own'],
    [820, false, 'a row of its own'],
    [1024, false, "the masthead's row"],
    [1280, false, "the masthead's row"],
    [390, true, 'a row of its own'],
    [1280, true, 'a row of its own'],
  ])('the header lines up at %i px (largest text: %s): the search box on %s, edges shared', async (width, elder, row) => {
    const context = await openContext({ width, height: 800, elder });
    const page = await context.newPage();
    await page.goto(`${base}/issues/47/`);
    if (elder) await page.waitForFunction(() => document.documentElement.dataset['size'] === '3');
    const box = (selector: string) =>
      page.locator(selector).evaluate((element) => {
        const { left, right, top, bottom } = element.getBoundingClientRect();
        return { left: Math.round(left), right: Math.round(right), top: Math.round(top), bottom: Math.round(bottom) };
      });
    const [name, search, nav, heading] = await Promise.all([
      box('.masthead-name a'),
      box('.header-search'),
      box('.site-nav li:first-child a'),
      box('main h1'),
    ]);
    expect(nav.left).toBe(name.left);
    expect(heading.left).toBe(name.left);
    // The search box always ends at the page's right edge, above the navigation.
    expect(search.right).toBe(heading.right);
    expect(nav.top).toBeGreaterThanOrEqual(search.bottom);
    if (row === 'a row of its own') {
      expect(search.top).toBeGreaterThanOrEqual(name.bottom);
      expect(search.left).toBe(name.left);
    } else {
      expect(search.top).toBeLessThan(name.bottom);
    }
    await context.close();
  });

  test.each([...pages, '/zhuanti/shuji-xiangmu/', '/stats/'])('%s does not scroll sideways at 320 px', async (path) => {
    for (const elder of [false, true]) {
      const context = await openContext({ width: 320, height: 700, elder });
      const page: Page = await context.newPage();
      await page.goto(`${base}${path}`);
      if (elder) await page.waitForFunction(() => document.documentElement.dataset['size'] === '3');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), elder ? 'elder' : 'normal').toBeLessThanOrEqual(320);
      await context.close();
    }
  });
});
