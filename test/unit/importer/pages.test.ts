import { describe, expect, test } from 'vitest';
import { comparePage, fixturePages, pagesRegistry } from './page-expectations.ts';

// Pages of the bulletin's kind in conventions the sample does not use: plain short lines for titles
// and subheads, numbered sections, a PDF's wrapped lines with and without indentation, Word's one
// line per paragraph, a WeChat post, bylines closing the text. Each article is checked whole: title,
// kicker, subtitle, byline, column, headings, and every paragraph's start and end.
const registry = pagesRegistry();

describe.each(fixturePages())('page $name', (page) => {
  const result = comparePage(page, registry);

  test('imports into its articles, in page order', () => {
    expect(result.articles.map((article) => article.title)).toEqual(result.expectedTitles);
  });

  test.each(result.perArticle)('《$title》 comes out right', ({ differences }) => {
    expect(differences).toEqual([]);
  });
});
