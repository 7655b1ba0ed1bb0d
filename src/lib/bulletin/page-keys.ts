import { createHash } from 'node:crypto';
import type { Article } from '../content/articles.ts';

/** A function giving the cache key of a page from everything it shows beyond its template. */
export type PageKey = (...parts: unknown[]) => string;

const digest = (text: string) => createHash('sha1').update(text).digest('base64url');

const isArticle = (value: unknown): value is Article =>
  typeof value === 'object' && value !== null && 'sourcePath' in value && 'slug' in value && 'body' in value;

/**
 * Cache keys for Astro's incremental builds: a page whose key is the same as in the last build
 * is copied from it instead of rendered. A key is the digest of the site-wide data every page
 * shows (`site`: the registries, the path the site is published under) and of the parts a page
 * is given; an article in those parts counts by the digest of all its fields, so a listing's
 * key changes exactly when one of its articles does, and hashing it costs once per build.
 */
export function createPageKey(site: unknown): PageKey {
  const siteDigest = digest(JSON.stringify(site));
  const articleDigests = new WeakMap<Article, string>();
  const articleDigest = (article: Article) => {
    let known = articleDigests.get(article);
    if (known === undefined) {
      known = digest(JSON.stringify(article));
      articleDigests.set(article, known);
    }
    return known;
  };
  const replacer = (key: string, value: unknown) => {
    if (isArticle(value)) return `article:${articleDigest(value)}`;
    // JSON would write a Map or a Set as {} and leave a function out: what a page reads in them would escape its key.
    if (value instanceof Map || value instanceof Set) return [...value];
    if (typeof value === 'function')
      throw new Error(`页面的缓存键不能含有函数（${key || '参数'}）：页面读到的数据都要写进它的 props。这是网站程序的错误。`);
    return value;
  };
  return (...parts) => digest(`${siteDigest}\n${JSON.stringify(parts, replacer)}`);
}

/** One path of a route's getStaticPaths: its params, its page's props and the cache key made from those props. */
export interface KeyedPath<Params, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

/**
 * The paths of cached pages, keyed by the very props the page is given: whatever a page can read
 * from its props is in its key. What it may read besides is the site-wide data, which `site` is
 * (src/data.ts gives the pages its `getSiteWide()`; test/unit/page-reads.test.ts holds them to it).
 */
export function createKeyedPath(site: unknown): <Params, Props extends object>(params: Params, props: Props) => KeyedPath<Params, Props> {
  const pageKey = createPageKey(site);
  return (params, props) => ({ params, props, cacheKey: pageKey(props) });
}
