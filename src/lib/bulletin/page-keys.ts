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
  const replacer = (_key: string, value: unknown) => (isArticle(value) ? `article:${articleDigest(value)}` : value);
  return (...parts) => digest(`${siteDigest}\n${JSON.stringify(parts, replacer)}`);
}
