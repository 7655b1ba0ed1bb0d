/** Every URL the site makes, in one place, so pages, feeds and tests agree. Paths end in /. */
export const routes = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  units: () => '/units/',
  unit: (slug: string) => `/units/${slug}/`,
  unitFeed: (slug: string) => `/units/${slug}/rss.xml`,
  columns: () => '/columns/',
  column: (slug: string) => `/columns/${slug}/`,
  issues: () => '/issues/',
  issue: (number: number) => `/issues/${number}/`,
  tags: () => '/tags/',
  tag: (slug: string) => `/tags/${slug}/`,
  archive: () => '/archive/',
  year: (year: string) => `/archive/${year}/`,
  month: (yearMonth: string) => `/archive/${yearMonth.replace('-', '/')}/`,
  feed: () => '/rss.xml',
  search: () => '/search/',
  sitemap: () => '/sitemap-index.xml',
  /** Pagefind's scripts and index. */
  pagefind: () => '/pagefind/',
  /** The traditional → simplified table the search page fetches when a query needs it. */
  traditionalTable: () => '/search/t2s.json',
} as const;
