import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { modesKey } from '../../src/lib/reading-modes.ts';
import { launchBrowser } from './browser.ts';
import { readOutcome } from './search-helpers.ts';

const base = inject('sampleUrl');
const screenshots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
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

describe('accessibility', () => {
  for (const elder of [false, true]) {
    test.each(pages)(`${elder ? 'elder-friendly mode: ' : ''}%s has no serious or critical axe violation`, async (path) => {
      const context = await openContext({ elder });
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      if (path.startsWith('/search/')) await readOutcome(page);
      if (elder) await page.waitForFunction(() => document.documentElement.dataset['contrast'] === 'high');
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await context.close();
    });
  }
});

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

/** The titles of an issue's articles, in page order, as its page lists them. */
async function issueOrder(page: Page, issue: number): Promise<string[]> {
  const listing = await page.context().newPage();
  await listing.goto(`${base}/issues/${issue}/`);
  const titles = await listing.locator('main .article-item-title a').allInnerTexts();
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
  await context.close();
});

describe('phones and desktops', () => {
  const shots: [string, string][] = [
    ['home', '/'],
    ['article', '/articles/shuji-linghang/'],
    ['unit', '/units/baotaweisheng/'],
  ];

  test.each(shots)('%s: screenshots on a phone (360×780) and a desktop', async (name, path) => {
    for (const [device, width, height] of [['phone', 360, 780], ['desktop', 1280, 900]] as const) {
      const context = await openContext({ width, height });
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.screenshot({ path: `${screenshots}${name}-${device}.png`, fullPage: true });
      await context.close();
    }
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
