import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { fixtureDir } from '../unit/helpers.ts';
import { buildSite, readPage, type BuildResult } from './build-site.ts';

const hostile = fileURLToPath(new URL('../fixtures/hostile-html/hostile.md', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'bulletin-hostile-'));
let build: BuildResult;
let html: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-hostile-content-'));
  cpSync(fixtureDir, dir, { recursive: true });
  cpSync(hostile, join(dir, 'articles', '2024', '12', 'hostile.md'));
  build = buildSite(dir, outDir);
  html = readFileSync(join(outDir, 'articles', 'hostile', 'index.html'), 'utf8');
});

test('an article with hostile HTML still builds', () => {
  expect(build.status, build.output).toBe(0);
});

test('no script, frame, style, form, event handler or javascript:/data: URL reaches the page', () => {
  const body = readPage(outDir, '/articles/hostile/').querySelector('.article-body')!.outerHTML;
  expect(body).not.toMatch(/<script|<iframe|<style|<form|\son[a-z]+=|javascript:|data:image|alert\(/i);
  // The only scripts are the site's own: the reading modes, and an article's QR code.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc="\/_astro\/(?:BaseLayout|ArticleLayout)\.)|alert\(|display:none/i);
});

test('the text around the removed HTML stays, and so do figures and tables', () => {
  const body = readPage(outDir, '/articles/hostile/').querySelector('.article-body')!;
  expect(body.querySelector('p')?.text).toBe('正文第一段。点击');
  expect(body.querySelector('figure table caption')?.text).toBe('表格标题');
  expect(body.querySelector('figure figcaption')?.text).toBe('图注');
  expect(body.querySelector('img[alt="审计人员在现场"]')?.getAttribute('src')).toMatch(/^\/_astro\//);
});

test('links to other sites get rel="noopener noreferrer"; links inside the site do not', () => {
  const body = readPage(outDir, '/articles/hostile/').querySelector('.article-body')!;
  expect(body.querySelector('a[href="https://www.gov.cn"]')?.getAttribute('rel')).toBe('noopener noreferrer');
  expect(body.querySelector('a[href="/units/"]')?.getAttribute('rel')).toBeUndefined();
});

test('the description and the search index carry no script text', () => {
  const description = readPage(outDir, '/articles/hostile/').querySelector('meta[name="description"]')?.getAttribute('content');
  expect(description).toBe('正文第一段。点击');
  const fragmentDir = join(outDir, 'pagefind', 'fragment');
  const fragments = readdirSync(fragmentDir).map((file) => gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8'));
  expect(fragments.some((fragment) => fragment.includes('/articles/hostile/'))).toBe(true);
  expect(fragments.filter((fragment) => fragment.includes('alert'))).toEqual([]);
});
