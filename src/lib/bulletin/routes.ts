/** Every URL the site makes, in one place, so pages, feeds, the index and tests agree. */
export type Routes = ReturnType<typeof createRoutes>;

/**
 * The path a site is published under, from its base URL: https://example.cn/dangjian → /dangjian/.
 * Always starts and ends with a slash.
 */
export function basePath(siteUrl: string): string {
  let path = '/';
  try {
    path = new URL(siteUrl).pathname;
  } catch {
    // an invalid URL is reported by the registry check; the site still gets root paths
  }
  return `/${path.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
}

/**
 * The site's URLs under `base` (the path the site is published under, see `basePath`).
 * Pages link with them; with base '/' they are also where the files lie in dist/.
 */
export function createRoutes(base = '/') {
  const at = (path: string) => `${base}${path}`;
  return {
    base,
    home: () => base,
    article: (slug: string) => at(`articles/${slug}/`),
    units: () => at('units/'),
    unit: (slug: string) => at(`units/${slug}/`),
    unitFeed: (slug: string) => at(`units/${slug}/rss.xml`),
    columns: () => at('columns/'),
    column: (slug: string) => at(`columns/${slug}/`),
    issues: () => at('issues/'),
    issue: (number: number) => at(`issues/${number}/`),
    tags: () => at('tags/'),
    tag: (slug: string) => at(`tags/${slug}/`),
    archive: () => at('archive/'),
    year: (year: string) => at(`archive/${year}/`),
    month: (yearMonth: string) => at(`archive/${yearMonth.replace('-', '/')}/`),
    feed: () => at('rss.xml'),
    search: () => at('search/'),
    /** An editors' special page, by its id (zhuanti/shuji-xiangmu). */
    special: (id: string) => at(`${id}/`),
    /** The page of articles per unit and column, and each year's figures as a file to download. */
    stats: () => at('stats/'),
    statsFile: (year: string) => at(`stats/${year}.csv`),
    sitemap: () => at('sitemap-index.xml'),
    favicon: () => at('favicon.svg'),
    /** The picture link previews show for every page. */
    ogImage: () => at('og-image.png'),
    issuePrint: (number: number) => at(`issues/${number}/print/`),
    /** Pagefind's scripts and index. */
    pagefind: () => at('pagefind/'),
    /** The traditional → simplified table the search page fetches when a query needs it. */
    traditionalTable: () => at('search/t2s.json'),
  };
}
