/**
 * A longer issue on paper, as a real bulletin's: the fixture bulletin's issue 12 (a feature with
 * two pictures) ending with a long brief of short paragraphs whose picture lies thousands of
 * pixels down. The print page copies each article from its page, pictures and all; a picture
 * off the first screen waits for the reader to scroll (loading="lazy"), and a paragraph too
 * short for three lines on each side of a break is split anyway unless it is kept whole.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { launchBrowser, startPreview } from './browser.ts';
import { sheetLayout, widowedSheets } from './print-sheets.ts';

let browser: Browser;
let preview: { url: string; stop: () => void };

/** A brief for the last page of issue 12: thirty paragraphs of three to six lines, then its picture, far below the first screen. */
const lastPiece = `---
title: 冬日暖阳 志愿同行
date: 2024-12-21
column: 党建动态
units: [市残联]
byline: 通讯员 王笛
issue: 12
page: 4
---

${Array.from({ length: 30 }, (_, index) => `第${index + 1}段：${'志愿者走进社区，为行动不便的老人清扫积雪、送去米面油等生活物资，详细询问他们的生活状况和实际困难。'.repeat((index % 3) + 2)}`).join('\n\n')}

![志愿者为老人清扫积雪](../../../images/biwu.jpg)

活动由社区党支部组织[^1]。

[^1]: 见社区党支部2024年工作计划。
`;

/** A brief on page 3 of issue 12 with a footnote numbered as the last piece's is. */
const footnotedBrief = `---
title: 社区党支部召开组织生活会
date: 2024-12-20
column: 党建动态
units: [市残联]
byline: 通讯员 王笛
issue: 12
page: 3
---

本报讯（通讯员 王笛）12月20日，社区党支部召开专题组织生活会[^1]。

[^1]: 会议由支部书记主持。
`;

beforeAll(async () => {
  const contentDir = mkdtempSync(join(tmpdir(), 'bulletin-print-pictures-content-'));
  cpSync(fixtureDir, contentDir, { recursive: true });
  writeFileSync(join(contentDir, 'articles', '2024', '12', 'zhiyuan.md'), lastPiece);
  writeFileSync(join(contentDir, 'articles', '2024', '12', 'zuzhi.md'), footnotedBrief);
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-print-pictures-'));
  const build = buildSite(contentDir, outDir);
  if (build.status !== 0) throw new Error(`the bulletin did not build:\n${build.output}`);
  [browser, preview] = await Promise.all([launchBrowser(), startPreview(outDir, contentDir)]);
});

afterAll(async () => {
  preview?.stop();
  await browser?.close();
});

test('the print page is ready only once every picture has come, even those below the first screen', async () => {
  // A window a few lines tall: every picture of the issue is below it.
  const page = await browser.newPage({ viewport: { width: 1280, height: 200 } });
  await page.goto(`${preview.url}/issues/12/print/`);
  await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
  const pictures = await page.locator('.print-issue img').evaluateAll((images) =>
    images.map((image) => ({
      top: image.getBoundingClientRect().top,
      shown: (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
    })),
  );
  expect(pictures.length).toBeGreaterThan(0);
  expect(pictures.every((picture) => picture.top > 200)).toBe(true);
  expect(Math.max(...pictures.map((picture) => picture.top))).toBeGreaterThan(5000);
  expect(pictures.map((picture) => picture.shown)).toEqual(pictures.map(() => true));
  await page.close();
});

test('no sheet opens with one or two lines of a paragraph begun on the sheet before', async () => {
  // Paragraphs of three to six lines: in the shorter ones, three lines on each side of a break cannot both hold.
  const page = await browser.newPage();
  await page.goto(`${preview.url}/issues/12/print/`);
  await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
  const sheets = await sheetLayout(await page.pdf({ preferCSSPageSize: true }));
  expect(sheets.length).toBeGreaterThan(1);
  expect(widowedSheets(sheets)).toEqual([]);
  await page.close();
});

test("each piece's footnote links reach its own notes: no id is on the page twice", async () => {
  const page = await browser.newPage();
  await page.goto(`${preview.url}/issues/12/print/`);
  await page.locator('[data-print-issue][data-print-ready="true"]').waitFor();
  const { repeated, astray, footnoteLinks } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.print-issue-article a[href^="#"]')];
    return {
      repeated: ids.filter((id, index) => ids.indexOf(id) !== index),
      // A link whose target is missing, or lies in another piece.
      astray: links
        .filter(
          (link) => document.getElementById(link.hash.slice(1))?.closest('.print-issue-article') !== link.closest('.print-issue-article'),
        )
        .map((link) => link.getAttribute('href')),
      footnoteLinks: links.filter((link) => link.matches('[data-footnote-ref]')).length,
    };
  });
  expect(footnoteLinks).toBeGreaterThanOrEqual(2);
  expect(repeated).toEqual([]);
  expect(astray).toEqual([]);
  await page.close();
});
