import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { modesKey, type ReadingModes } from '../../src/lib/reading-modes.ts';
import { launchBrowser } from './browser.ts';
import { readOutcome } from './search-helpers.ts';

const base = inject('sampleUrl');
const require = createRequire(import.meta.url);
// The project's axe-core, with today's rules: @axe-core/playwright carries an older copy of its
// own, in which label-content-name-mismatch was still experimental and never ran.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Rules axe still calls experimental but that test a WCAG criterion run too.
const experimentalWcagRules = Object.fromEntries(
  axe
    .getRules(['experimental'])
    .filter((rule) => rule.tags.some((tag) => /^wcag\d/.test(tag)))
    .map((rule) => [rule.ruleId, { enabled: true }]),
);

/** Every kind of page the sample bulletin has. */
const pages = [
  '/',
  '/articles/shuji-linghang/',
  '/articles/jizhong-xuexi/',
  '/units/',
  '/units/baotaweisheng/',
  '/columns/',
  '/columns/dongtai/',
  '/issues/',
  '/issues/47/',
  '/issues/47/print/',
  '/tags/',
  '/archive/',
  '/archive/2024/',
  '/archive/2024/11/',
  `/search/?q=${encodeURIComponent('水务局')}`,
  `/search/?q=${encodeURIComponent('书记领航')}`,
  `/search/?q=${encodeURIComponent('没有这样的稿件')}`,
  '/search/',
  '/stats/',
  '/zhuanti/shuji-xiangmu/',
  '/no-such-page/',
];

/** The reading modes a reader can choose (text size steps, high contrast), and the system's dark scheme. */
const modes: { name: string; chosen?: ReadingModes; dark?: boolean }[] = [
  { name: 'normal' },
  { name: 'smaller text', chosen: { size: -1, contrast: false } },
  { name: 'larger text', chosen: { size: 1, contrast: false } },
  { name: 'largest text', chosen: { size: 3, contrast: false } },
  { name: 'high contrast', chosen: { size: 0, contrast: true } },
  { name: 'largest text and high contrast', chosen: { size: 3, contrast: true } },
  { name: 'dark scheme', dark: true },
  { name: 'dark scheme and high contrast', chosen: { size: 0, contrast: true }, dark: true },
];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page open in a mode, with its reading modes applied and, on the search page, the search done. */
async function openIn(context: BrowserContext, path: string, mode: (typeof modes)[number]): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  if (path.startsWith('/search/?')) await readOutcome(page);
  if (mode.chosen) await page.waitForFunction(([size]) => document.documentElement.dataset['size'] === size, [String(mode.chosen.size)]);
  return page;
}

/** Serious and critical violations, each with the elements it was found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page, axeSource }).options({ rules: experimentalWcagRules }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe.concurrent.each(modes)('in $name mode', (mode) => {
  test.each(pages)('%s has no serious or critical axe violation', async (path) => {
    const context = await browser.newContext({ colorScheme: mode.dark ? 'dark' : 'light' });
    if (mode.chosen)
      await context.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [modesKey, JSON.stringify(mode.chosen)]);
    const page = await openIn(context, path, mode);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await context.close();
  });
});

test('the reader controls are named by what they show: a voice command of the visible label reaches them', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  const buttons = page.locator('[data-reading-modes] button');
  await buttons.first().waitFor();
  const names = await buttons.evaluateAll((elements) =>
    elements.map((element) => ({
      visible: element.textContent ?? '',
      accessible: element.getAttribute('aria-label') ?? element.textContent ?? '',
    })),
  );
  expect(names.length).toBe(4);
  for (const { visible, accessible } of names) expect(accessible.startsWith(visible), `${accessible} starts with ${visible}`).toBe(true);
  await page.getByRole('button', { name: 'A+', exact: false }).click();
  expect(await page.evaluate(() => document.documentElement.dataset['size'])).toBe('1');
  await context.close();
});
