import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesUnder, fixtureDir } from '../unit/helpers.ts';
import { indexedPageCount } from '../../src/integrations/verify-build.ts';
import { articleListLinks, buildSite, listedArticles, readPage } from './build-site.ts';

/**
 * Rebuilds reuse unchanged pages (Astro's incremental build, pages kept in dist/) and unchanged
 * search shards. What is asserted here is that a rebuild's output is what a fresh build gives:
 * nothing stale survives an edit, an addition or a deletion.
 */
describe('a rebuild after changes gives what a fresh build gives', () => {
  const content = mkdtempSync(join(tmpdir(), 'incremental-'));
  cpSync(fixtureDir, content, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), 'incremental-out-'));
  const build = () => {
    // Shards of about ten articles, so that a rebuild reuses some and merges them with new ones.
    const result = buildSite(content, outDir, { BULLETIN_SEARCH_SHARD_SIZE: '10' });
    expect(result.status, result.output).toBe(0);
    return result.output;
  };
  const article = join(content, 'articles', '2024', '01', 'shuiwu-01.md');

  test('a first build, then one with nothing changed, reuses every page and shard', () => {
    build();
    const before = statSync(join(outDir, 'articles', 'shuiwu-01', 'index.html')).mtimeMs;
    const output = build();
    const shards = /搜索索引：\d+ 篇，(\d+) 个分片（新建 0 个）/.exec(output);
    expect(Number(shards?.[1])).toBeGreaterThan(2);
    expect(statSync(join(outDir, 'articles', 'shuiwu-01', 'index.html')).mtimeMs).toBe(before);
  });

  test('an edited title shows on the article and its unit page, and its search shard is indexed anew', () => {
    writeFileSync(article, readFileSync(article, 'utf8').replace('title: 水务局主题党日第01次', 'title: 改过的标题'));
    const output = build();
    expect(output).toMatch(/新建 1 个/);
    expect(readPage(outDir, '/articles/shuiwu-01/').querySelector('h1')?.text).toBe('改过的标题');
    const unitPages = ['/units/shuiwuju/', '/units/shuiwuju/2/'].filter((path) => existsSync(join(outDir, path, 'index.html')));
    const titles = unitPages.flatMap((path) =>
      readPage(outDir, path)
        .querySelectorAll(articleListLinks)
        .map((link) => link.text),
    );
    expect(titles).toContain('改过的标题');
    expect(titles).not.toContain('水务局主题党日第01次');
  });

  test('an added article gets its page and appears first on its unit page', () => {
    writeFileSync(
      join(content, 'articles', '2024', '12', 'xinzeng.md'),
      '---\ntitle: 新增的一篇\ndate: 2024-12-31\ncolumn: 党建动态\nunits: [市水务局]\nbyline: 通讯员 王笛\n---\n\n本报讯（通讯员 王笛）12月31日，市水务局党支部新增一次主题党日活动。\n',
    );
    build();
    expect(existsSync(join(outDir, 'articles', 'xinzeng', 'index.html'))).toBe(true);
    expect(listedArticles(readPage(outDir, '/units/shuiwuju/'))[0]).toBe('/articles/xinzeng/');
    // The index is brought up to date in place: file for file what a build into an empty folder has.
    const fresh = mkdtempSync(join(tmpdir(), 'incremental-fresh-'));
    expect(buildSite(content, fresh, { BULLETIN_SEARCH_SHARD_SIZE: '10' }).status).toBe(0);
    expect(filesUnder(join(outDir, 'pagefind'))).toEqual(filesUnder(join(fresh, 'pagefind')));
    rmSync(fresh, { recursive: true, force: true });
  });

  test('a deleted article leaves no page, no listing entry and no search entry behind', () => {
    build();
    const before = indexedPageCount(outDir)!;
    rmSync(article);
    build();
    expect(indexedPageCount(outDir)).toBe(before - 1);
    expect(existsSync(join(outDir, 'articles', 'shuiwu-01'))).toBe(false);
    const unit = readFileSync(join(outDir, 'units', 'shuiwuju', 'index.html'), 'utf8');
    expect(unit).not.toContain('/articles/shuiwu-01/');
    const entries = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(entries).not.toContain('/articles/shuiwu-01/');
  });

  test('pages of another bulletin built into the same folder are never reused', () => {
    const other = mkdtempSync(join(tmpdir(), 'incremental-other-'));
    cpSync(fixtureDir, other, { recursive: true });
    const page = join(other, 'articles', '2024', '01', 'shuiwu-02.md');
    const title = /^title: (.*)$/m.exec(readFileSync(page, 'utf8'))![1]!;
    writeFileSync(page, readFileSync(page, 'utf8').replace(`title: ${title}`, 'title: 另一份简报的标题'));
    expect(buildSite(other, outDir).status).toBe(0);
    expect(readPage(outDir, '/articles/shuiwu-02/').querySelector('h1')?.text).toBe('另一份简报的标题');
    build();
    expect(readPage(outDir, '/articles/shuiwu-02/').querySelector('h1')?.text).toBe(title);
    expect(existsSync(join(outDir, 'articles', 'shuiwu-01'))).toBe(false);
    expect(existsSync(join(outDir, 'articles', 'xinzeng', 'index.html'))).toBe(true);
  });
});
