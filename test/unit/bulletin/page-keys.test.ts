import { describe, expect, test } from 'vitest';
import type { Article } from '../../../src/lib/content/articles.ts';
import { createPageKey } from '../../../src/lib/bulletin/page-keys.ts';

const article = (slug: string, body = '正文。'): Article =>
  ({ slug, sourcePath: `articles/${slug}.md`, title: slug, body, date: '2024-11-22', units: ['a'], column: 'c', tags: [] }) as unknown as Article;

describe('createPageKey', () => {
  const site = { units: [{ name: '市水务局' }] };

  test('is the same for the same site and parts, built afresh', () => {
    expect(createPageKey(site)(article('a'), 3)).toBe(createPageKey({ ...site })(article('a'), 3));
  });

  test('changes when an article the page shows changes, in any field', () => {
    const key = createPageKey(site);
    expect(key([article('a')])).not.toBe(key([article('a', '改过的正文。')]));
    expect(key({ items: [article('a'), article('b')] })).not.toBe(key({ items: [article('b'), article('a')] }));
  });

  test('changes with the site-wide data every page shows', () => {
    expect(createPageKey(site)(article('a'))).not.toBe(createPageKey({ units: [{ name: '市审计局' }] })(article('a')));
  });

  test('changes with the other parts a page is given', () => {
    const key = createPageKey(site);
    expect(key(article('a'), { previous: 'x' })).not.toBe(key(article('a'), { previous: 'y' }));
  });
});
