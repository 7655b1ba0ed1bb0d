import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../lib/content/articles.ts';
import type { Bulletin } from '../lib/bulletin/bulletin.ts';
import { feedSize } from '../lib/bulletin/feed.ts';
import { basePath, createRoutes } from '../lib/bulletin/routes.ts';

/** Something an article should have in the built site and does not. */
export interface Loss {
  article: Article;
  /** What is missing, in Chinese: 页面, 单位“……”的列表, 栏目列表, RSS, 网站地图. */
  where: string;
}

const articleLists = /<ol class="article-list">([\s\S]*?)<\/ol>/g;
/** An item's first link is its title's (src/components/ArticleList.astro): its kicker has none. */
const itemLink = /<li>[^]*?<a href="([^"]+)"/g;

/** The article links of every page of a paginated listing in dist/ (page 1 at `path`, then path/2/ …). */
function listingLinks(outDir: string, path: string): Set<string> {
  const links = new Set<string>();
  for (let page = 1; ; page++) {
    const file = join(outDir, page === 1 ? path : `${path}${page}/`, 'index.html');
    if (!existsSync(file)) return links;
    for (const list of readFileSync(file, 'utf8').matchAll(articleLists)) {
      for (const match of list[1]!.matchAll(itemLink)) links.add(match[1]!);
    }
  }
}

/**
 * Verify, from the bulletin as read from the content folder, that nothing was lost on the way
 * to dist/: every article has its page, is listed under each of its units and its column, is in
 * the site feed if it is among the newest, and in the sitemap; the search index holds exactly
 * one page per article.
 */
export function findLosses(
  outDir: string,
  bulletin: Bulletin,
  indexedPages: number | undefined,
): { losses: Loss[]; indexMismatch?: string } {
  const files = createRoutes('/'); // where pages lie in dist/
  const links = createRoutes(basePath(bulletin.registry.site.url)); // how pages link to each other
  const losses: Loss[] = [];
  const unitLinks = new Map([...bulletin.byUnit.keys()].map((slug) => [slug, listingLinks(outDir, files.unit(slug))]));
  const columnLinks = new Map([...bulletin.byColumn.keys()].map((slug) => [slug, listingLinks(outDir, files.column(slug))]));
  const feed = existsSync(join(outDir, 'rss.xml')) ? readFileSync(join(outDir, 'rss.xml'), 'utf8') : '';
  const sitemap = readdirSync(outDir)
    .filter((file) => /^sitemap-\d+\.xml$/.test(file))
    .map((file) => readFileSync(join(outDir, file), 'utf8'))
    .join('');
  // Every address once in a set: looking each article up in the whole text grows as articles × sitemap.
  const inFeed = new Set([...feed.matchAll(/<link>([^<]*)<\/link>/g)].map((match) => match[1]));
  const inSitemap = new Set([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]));
  const site = new URL(bulletin.registry.site.url).origin;
  bulletin.articles.forEach((article, position) => {
    const href = links.article(article.slug);
    if (!existsSync(join(outDir, files.article(article.slug), 'index.html'))) losses.push({ article, where: '页面' });
    for (const unit of article.units) {
      if (!unitLinks.get(unit)?.has(href)) losses.push({ article, where: `单位“${bulletin.unitBySlug.get(unit)?.name ?? unit}”的列表` });
    }
    if (!columnLinks.get(article.column)?.has(href)) losses.push({ article, where: '栏目列表' });
    if (position < feedSize && !inFeed.has(`${site}${href}`)) losses.push({ article, where: 'RSS' });
    if (!inSitemap.has(`${site}${href}`)) losses.push({ article, where: '网站地图' });
  });
  const mismatch =
    indexedPages !== undefined && indexedPages !== bulletin.articles.length
      ? `搜索索引有 ${indexedPages} 页，稿件有 ${bulletin.articles.length} 篇`
      : undefined;
  return { losses, ...(mismatch ? { indexMismatch: mismatch } : {}) };
}

/** The number of pages in the Pagefind index written to dist/, as its entry file counts them. */
export function indexedPageCount(outDir: string): number | undefined {
  const entry = join(outDir, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(entry)) return undefined;
  const languages = (JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}
