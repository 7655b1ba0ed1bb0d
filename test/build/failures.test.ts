import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { fixtureDir } from '../unit/helpers.ts';
import { buildSite } from './build-site.ts';

/** A copy of the fixture bulletin with extra files, to break on purpose. */
function brokenCopy(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-broken-'));
  cpSync(fixtureDir, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

const out = () => mkdtempSync(join(tmpdir(), 'bulletin-out-'));

test('an invalid article fails the build, naming the file and the field in Chinese, without a stack trace', () => {
  const dir = brokenCopy({
    'articles/2024/12/坏稿件.md':
      '---\ntitle: 坏稿件\ndate: 2024-11-31\ncolumn: 党建动态\nunits: [市交通局]\nbyline: 通讯员 王笛\n---\n\n本报讯（通讯员 王笛）近日，市交通局组织开展主题党日活动。\n',
  });
  const outDir = out();
  const { status, output } = buildSite(dir, outDir);
  expect(status).not.toBe(0);
  expect(output).toContain('articles/2024/12/坏稿件.md:3:7  错误 日期：日期“2024-11-31”不存在。');
  expect(output).toContain('articles/2024/12/坏稿件.md:5:9  错误 单位：找不到单位“市交通局”。');
  expect(output).not.toMatch(/Stack trace| {4}at /);
  // The preview shows errors on its pages; a build publishes no page at all, not even one of errors.
  expect(readdirSync(outDir)).toEqual([]);
});

test('a slug clash fails the build, naming both files', () => {
  const dir = brokenCopy({
    'articles/2024/12/copy.md':
      '---\ntitle: 另一篇\ndate: 2024-12-01\ncolumn: 党建动态\nunits: [市残联]\nbyline: 通讯员 王笛\nslug: canlian-zhucan\n---\n\n本报讯（通讯员 王笛）近日，市残联组织开展主题党日活动。\n',
  });
  const { status, output } = buildSite(dir, out());
  expect(status).not.toBe(0);
  expect(output).toContain('articles/2024/12/copy.md:7:7  错误 网址名：网址名“canlian-zhucan”与 articles/2024/12/残联.md 重复');
  expect(output).toMatch(/articles\/2024\/12\/残联\.md:12:\d+ {2}错误 网址名：网址名“canlian-zhucan”与 articles\/2024\/12\/copy\.md 重复/);
});

test('a broken registry fails the build, naming the file and line', () => {
  const dir = brokenCopy({ 'units.yaml': '- name: 市水务局\n  aliases: [水务局\n' });
  const { status, output } = buildSite(dir, out());
  expect(status).not.toBe(0);
  expect(output).toMatch(/units\.yaml:\d+:\d+ {2}错误 /);
});

test('the build runs the same checks as check: a GBK article fails it with the same message', () => {
  const dir = brokenCopy({});
  cpSync(fileURLToPath(new URL('../fixtures/check/gbk.md', import.meta.url)), join(dir, 'articles', 'gbk.md'));
  const { status, output } = buildSite(dir, out());
  expect(status).not.toBe(0);
  expect(output).toContain('articles/gbk.md:1:1  错误 文件是 GBK（ANSI）编码，网站要求 UTF-8。');
});

test('an .mdx file outside the trusted folders fails the build and never runs', () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'mdx-marker-')), 'ran');
  const dir = brokenCopy({});
  mkdirSync(join(dir, 'other'));
  writeFileSync(
    join(dir, 'other', 'page.mdx'),
    `---\ntitle: 不可信\n---\n\nexport const ran = (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran');\n\n正文\n`,
  );
  const { status, output } = buildSite(dir, out());
  expect(status).not.toBe(0);
  expect(output).toContain('other/page.mdx:1:1  错误 .mdx 文件会在生成网站时执行代码，此文件夹不允许使用。');
  expect(existsSync(marker)).toBe(false);
});
