import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadRegistry } from '../../../src/lib/content/registries.ts';
import { importPage } from '../../../src/lib/importer/import-page.ts';
import { comparePage, fixturePages, pagesRegistry } from './page-expectations.ts';

// Pages of the bulletin's kind (text, and Word files) in conventions the sample does not use: plain short lines for titles
// and subheads, numbered sections, a PDF's wrapped lines with and without indentation, Word's one
// line per paragraph, a WeChat post, bylines closing the text. Each article is checked whole: title,
// kicker, subtitle, byline, column, headings, and every paragraph's start and end.
const registry = pagesRegistry();

describe.each(await fixturePages())('page $name', (page) => {
  const result = comparePage(page, registry);

  test('imports into its articles, in page order', () => {
    expect(result.articles.map((article) => article.title)).toEqual(result.expectedTitles);
  });

  test.each(result.perArticle)('《$title》 comes out right', ({ differences }) => {
    expect(differences).toEqual([]);
  });
});

test('the sample page with every heading mark taken out imports to the same articles, sections and paragraphs', () => {
  const sample = readFileSync(fileURLToPath(new URL('../../fixtures/import/sample-page.txt', import.meta.url)), 'utf8');
  const sampleRegistry = loadRegistry(fileURLToPath(new URL('../../../content/', import.meta.url))).registry!;
  const options = { date: '2024-11-26', column: '党建动态' };
  const shape = (text: string) =>
    importPage(text, sampleRegistry, options).articles.map((article) => ({
      head: [article.title, article.subtitle, article.byline, article.column],
      body: article.body.map((block) => [block.level, block.text]),
    }));
  const plain = sample.replace(/^#{1,6}\s+/gmu, '');
  expect(plain).not.toMatch(/^#/mu);
  expect(shape(plain)).toEqual(shape(sample));
});
