import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { afterAll, expect, test, vi } from 'vitest';
import { sortedSitemap } from '../../../src/integrations/sitemap.ts';

const root = mkdtempSync(join(tmpdir(), 'sitemap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Pages as Astro lists them: by route, numbers not in their order, a few that sort the same but for a leading zero.
const pages = [
  '',
  ...Array.from({ length: 300 }, (_, index) => `articles/2024${String((index * 37) % 300).padStart(4, '0')}-${index}/`),
  ...Array.from({ length: 40 }, (_, index) => `units/dang-wei/${(index * 7) % 40}/`),
  'archive/2024/09/',
  'archive/2024/9/',
  'tags/',
  'stats/',
].map((pathname) => ({ pathname }));

/** What the integration writes for the pages, and how many comparisons it made of two strings. */
async function written(integration: AstroIntegration, name: string) {
  const compare = vi.spyOn(String.prototype, 'localeCompare');
  const dir = join(root, name);
  const hooks = integration.hooks as Record<string, (params: unknown) => unknown>;
  await hooks['astro:config:done']!({
    config: { site: 'https://dangjian.example.cn', base: '/', trailingSlash: 'ignore', build: { format: 'directory' } },
  });
  await hooks['astro:routes:resolved']!({ routes: [] });
  const logger = { info: () => undefined, warn: () => undefined, error: (message: string) => expect.fail(message) };
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: pages.map((page) => ({ ...page })), logger });
  const comparisons = compare.mock.calls.length;
  compare.mockRestore();
  const files = Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  return { files, comparisons };
}

test('the sitemap of sorted pages is the sitemap, made with a comparison a page', async () => {
  const filter = (page: string) => !page.endsWith('/stats/');
  const plain = await written(sitemap({ filter }), 'plain');
  const sorted = await written(sortedSitemap(sitemap({ filter })), 'sorted');
  expect(Object.keys(plain.files)).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
  expect(plain.files['sitemap-0.xml']).toContain('<loc>https://dangjian.example.cn/units/dang-wei/39/</loc>');
  expect(sorted.files).toEqual(plain.files);
  expect(plain.comparisons).toBeGreaterThan(2 * pages.length);
  expect(sorted.comparisons).toBeLessThan(pages.length);
});

test('leaves an integration without a build:done hook as it is', () => {
  const other: AstroIntegration = { name: 'other', hooks: {} };
  expect(sortedSitemap(other)).toBe(other);
});
