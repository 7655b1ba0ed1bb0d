import { describe, expect, test } from 'vitest';
import type { Article } from '../../../src/lib/content/articles.ts';
import { createKeyedPath, createPageKey } from '../../../src/lib/bulletin/page-keys.ts';

const article = (slug: string, body = '正文。'): Article =>
  ({
    slug,
    sourcePath: `articles/${slug}.md`,
    title: slug,
    body,
    date: '2024-11-22',
    units: ['a'],
    column: 'c',
    tags: [],
  }) as unknown as Article;

const site = { units: [{ name: '市水务局' }] };

describe('createPageKey', () => {
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

  test('counts what a Map or a Set holds, which JSON alone would write as {}', () => {
    const key = createPageKey(site);
    expect(key(new Map([['a', article('a')]]))).not.toBe(key(new Map([['a', article('a', '改过的正文。')]])));
    expect(key({ tags: new Set(['党建']) })).not.toBe(key({ tags: new Set(['团建']) }));
  });

  test('refuses a function, whose result it cannot see', () => {
    expect(() => createPageKey(site)({ title: () => '标题' })).toThrow(/函数（title）/);
  });
});

describe('createKeyedPath', () => {
  test('keys a path by the props its page is given, and gives the page those very props', () => {
    const keyedPath = createKeyedPath(site);
    const props = { article: article('a'), related: [article('b')] };
    const path = keyedPath({ slug: 'a' }, props);
    expect(path.params).toEqual({ slug: 'a' });
    expect(path.props).toBe(props);
    expect(path.cacheKey).toBe(createPageKey(site)(props));
    expect(keyedPath({ slug: 'a' }, { ...props, related: [article('b', '改过的正文。')] }).cacheKey).not.toBe(path.cacheKey);
  });
});
