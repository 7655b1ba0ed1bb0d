import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { fixtureDir } from '../unit/helpers.ts';
import { buildSite, readPage, type BuildResult } from './build-site.ts';
import { brokenInternalLinks } from './links.ts';

// A bulletin published under a path of its organisation's site, not at the root of a domain.
const outDir = mkdtempSync(join(tmpdir(), 'bulletin-base-'));
let build: BuildResult;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-base-content-'));
  cpSync(fixtureDir, dir, { recursive: true });
  const site = join(dir, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('url: https://fixture.example.cn', 'url: https://fixture.example.cn/dangjian/'));
  build = buildSite(dir, outDir);
});

test('builds, with the files at the root of dist/', () => {
  expect(build.status, build.output).toBe(0);
  expect(existsSync(join(outDir, 'articles', 'canlian-zhucan', 'index.html'))).toBe(true);
});

test('every internal link and asset resolves under the path', () => {
  expect(brokenInternalLinks(outDir, '/dangjian/')).toEqual([]);
});

test('every internal link and the canonical URL carry the path', () => {
  const page = readPage(outDir, '/articles/canlian-zhucan/');
  const links = page.querySelectorAll('a[href^="/"]').map((link) => link.getAttribute('href')!);
  expect(links.length).toBeGreaterThan(10);
  expect(links.filter((href) => !href.startsWith('/dangjian/'))).toEqual([]);
  expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
    'https://fixture.example.cn/dangjian/articles/canlian-zhucan/',
  );
  expect(page.querySelector('form[role="search"]')?.getAttribute('action')).toBe('/dangjian/search/');
});

test('feeds, the sitemap and the search index point under the path', () => {
  expect(readFileSync(join(outDir, 'rss.xml'), 'utf8')).toContain(
    '<link>https://fixture.example.cn/dangjian/articles/canlian-zhucan/</link>',
  );
  const sitemap = readdirSync(outDir)
    .filter((file) => /^sitemap-\d+\.xml$/.test(file))
    .map((file) => readFileSync(join(outDir, file), 'utf8'))
    .join('');
  expect(sitemap).toContain('<loc>https://fixture.example.cn/dangjian/articles/canlian-zhucan/</loc>');
  expect(readPage(outDir, '/search/').querySelector('[data-search]')?.getAttribute('data-pagefind')).toBe('/dangjian/pagefind/');
  const fragmentDir = join(outDir, 'pagefind', 'fragment');
  const fragments = readdirSync(fragmentDir).map((file) => gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8'));
  expect(fragments.some((fragment) => fragment.includes('"url":"/dangjian/articles/canlian-zhucan/"'))).toBe(true);
});
