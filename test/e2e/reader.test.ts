import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { articleListLinks } from '../build/build-site.ts';
import { launchBrowser } from './browser.ts';

const preview = { url: inject('sampleUrl') };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

test('a reader goes from the home page to a unit, then to one of its articles', async () => {
  await page.goto(`${preview.url}/`);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.title()).toBe('机关党建');
  await expect.poll(() => page.locator('.masthead-name').innerText()).toBe('机关党建');
  expect(await page.getByRole('heading', { name: '最新一期：第 47 期' }).count()).toBe(1);

  await page.getByRole('link', { name: '宝塔区卫生服务中心', exact: true }).first().click();
  await page.waitForURL('**/units/baotaweisheng/');
  expect(await page.locator('h1').innerText()).toBe('宝塔区卫生服务中心');
  expect(await page.locator(articleListLinks).allInnerTexts()).toEqual(['集中学习聚共识']);

  await page.getByRole('link', { name: '集中学习聚共识' }).click();
  await page.waitForURL('**/articles/jizhong-xuexi/');
  expect(await page.locator('h1').innerText()).toBe('集中学习聚共识');
  expect(await page.locator('.byline').innerText()).toBe('通讯员 王登香');
  expect(await page.locator('.article-body').innerText()).toContain('11月19日，该中心集体学习了习近平总书记关于安全生产的重要指示批示精神');
  expect(await page.locator('.article-meta .unit-links a').allInnerTexts()).toEqual(['宝塔区卫生服务中心']);
  expect(await page.locator('.article-meta').innerText()).toContain('第 47 期 第 3 版');
  expect(await page.locator('.article-neighbours a').allInnerTexts()).toEqual(['消防培训保安全', '示范示教优服务']);
});

test('the feature story reads as printed: subtitle, reporter byline, section headings, mended paragraphs', async () => {
  await page.goto(`${preview.url}/articles/shuji-linghang/`);
  expect(await page.locator('h1').innerText()).toBe('书记领航 亮“项”攻坚');
  expect(await page.locator('.subtitle').innerText()).toBe('——市直机关以“书记项目”推动党建与中心工作深度融合');
  expect(await page.locator('.byline').innerText()).toBe('记者 高乐');
  expect(await page.locator('.article-body h2').allInnerTexts()).toEqual(['精心选育，项目加速“落地生根”', '花开果茂，机关党建全面提升']);
  const body = await page.locator('.article-body').innerText();
  expect(body).toContain('“党建+抗旱服务”“党建+灌区建设”');
  expect(body).not.toContain('马家湾社区党总支将进一步');
  const unitNames = await page.locator('.article-meta .unit-links a').allInnerTexts();
  expect(unitNames).toEqual(expect.arrayContaining(['市残疾人联合会', '市税务局', '市水务局']));
});

test('an unknown address shows the 404 page with ways back', async () => {
  const response = await page.goto(`${preview.url}/articles/no-such-article/`);
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').innerText()).toBe('找不到这个页面');
  await page.getByRole('link', { name: '翻阅往期目录' }).click();
  await page.waitForURL('**/issues/');
  expect(await page.locator('main').innerText()).toContain('第 47 期');
});
