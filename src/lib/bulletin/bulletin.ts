import type { Article } from '../content/articles.ts';
import { monthOf, yearOf } from '../text/dates.ts';
import type { Column, Registry, Unit } from '../content/registries.ts';
import { uniqueSlugs } from '../text/slug.ts';

/** An issue (期) of the bulletin and its articles in page order. */
export interface Issue {
  number: number;
  /** The latest date among its articles: the day it went out. */
  date: string;
  articles: Article[];
}

/** A tag with its URL name and its articles, newest first. */
export interface Tag {
  name: string;
  slug: string;
  articles: Article[];
}

/** The whole bulletin, indexed every way the pages list it. Built once per build. */
export interface Bulletin {
  registry: Registry;
  /** Newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  unitBySlug: Map<string, Unit>;
  columnBySlug: Map<string, Column>;
  /** Unit slug → its articles, newest first; every registry unit has an entry. */
  byUnit: Map<string, Article[]>;
  /** Column slug → its articles, newest first; every registry column has an entry. */
  byColumn: Map<string, Article[]>;
  /** Article slug → its previous and next article in its column, in reading order. */
  columnSequence: Map<string, { previous?: Article; next?: Article }>;
  /** Newest issue first. */
  issues: Issue[];
  /** Tag name → tag, in order of first use by the newest articles. */
  tags: Map<string, Tag>;
  /** YYYY-MM → articles, newest month first. */
  byMonth: Map<string, Article[]>;
  /** YYYY → articles, newest year first. */
  byYear: Map<string, Article[]>;
}

/** Newest first; on one day, by issue, page and place on the page, then slug for stability. */
export function compareNewestFirst(a: Article, b: Article): number {
  return (
    b.date.localeCompare(a.date) ||
    (b.issue ?? 0) - (a.issue ?? 0) ||
    (a.page ?? Infinity) - (b.page ?? Infinity) ||
    (a.order ?? Infinity) - (b.order ?? Infinity) ||
    a.slug.localeCompare(b.slug)
  );
}

/** In the order a reader meets them: oldest first; in one issue, by page and place on the page. */
export function compareReadingOrder(a: Article, b: Article): number {
  return (
    a.date.localeCompare(b.date) ||
    (a.issue ?? 0) - (b.issue ?? 0) ||
    (a.page ?? Infinity) - (b.page ?? Infinity) ||
    (a.order ?? Infinity) - (b.order ?? Infinity) ||
    a.slug.localeCompare(b.slug)
  );
}

/** As printed: by page, then place on the page, then date and slug. */
export function comparePageOrder(a: Article, b: Article): number {
  return (
    (a.page ?? Infinity) - (b.page ?? Infinity) ||
    (a.order ?? Infinity) - (b.order ?? Infinity) ||
    a.date.localeCompare(b.date) ||
    a.slug.localeCompare(b.slug)
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index a bulletin's articles for its pages. */
export function buildBulletin(registry: Registry, articles: readonly Article[]): Bulletin {
  const sorted = [...articles].sort(compareNewestFirst);
  const byUnit = new Map(registry.units.map((unit) => [unit.slug, [] as Article[]]));
  const byColumn = new Map(registry.columns.map((column) => [column.slug, [] as Article[]]));
  const byIssue = new Map<number, Article[]>();
  const byMonth = new Map<string, Article[]>();
  const byYear = new Map<string, Article[]>();
  const byTag = new Map<string, Article[]>();
  for (const article of sorted) {
    for (const unit of article.units) push(byUnit, unit, article);
    push(byColumn, article.column, article);
    if (article.issue !== undefined) push(byIssue, article.issue, article);
    push(byMonth, monthOf(article.date), article);
    push(byYear, yearOf(article.date), article);
    for (const tag of article.tags) push(byTag, tag, article);
  }
  // The oldest use of a tag decides which of two alike-sounding tags keeps the plain slug.
  const columnSequence = new Map<string, { previous?: Article; next?: Article }>();
  for (const list of byColumn.values()) {
    const reading = [...list].sort(compareReadingOrder);
    reading.forEach((article, index) => {
      const previous = reading[index - 1];
      const next = reading[index + 1];
      columnSequence.set(article.slug, { ...(previous ? { previous } : {}), ...(next ? { next } : {}) });
    });
  }
  const tagSlugs = uniqueSlugs(
    [...sorted].reverse().flatMap((article) => article.tags),
    'tag',
  );
  const issues = [...byIssue]
    .map(([number, list]) => ({
      number,
      date: list.reduce((latest, article) => (article.date > latest ? article.date : latest), ''),
      articles: [...list].sort(comparePageOrder),
    }))
    .sort((a, b) => b.number - a.number);
  return {
    registry,
    articles: sorted,
    bySlug: new Map(sorted.map((article) => [article.slug, article])),
    unitBySlug: new Map(registry.units.map((unit) => [unit.slug, unit])),
    columnBySlug: new Map(registry.columns.map((column) => [column.slug, column])),
    byUnit,
    byColumn,
    columnSequence,
    issues,
    tags: new Map([...byTag].map(([name, list]) => [name, { name, slug: tagSlugs.get(name)!, articles: list }])),
    byMonth,
    byYear,
  };
}

/** The article before and after this one in its column, in reading order (上一篇, 下一篇). */
export function columnNeighbours(bulletin: Bulletin, article: Pick<Article, 'slug'>): { previous?: Article; next?: Article } {
  return bulletin.columnSequence.get(article.slug) ?? {};
}

/** Other articles of this article's units: most units in common first, then newest. */
export function relatedByUnits(bulletin: Bulletin, article: Article, limit = 6): Article[] {
  const shared = new Map<Article, number>();
  for (const unit of article.units) {
    // The newest few of each unit are enough to fill the list; bounded for big units.
    for (const other of (bulletin.byUnit.get(unit) ?? []).slice(0, limit * 4)) {
      if (other.slug !== article.slug) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, countA], [b, countB]) => countB - countA || compareNewestFirst(a, b))
    .slice(0, limit)
    .map(([other]) => other);
}

/** Units grouped by category, in registry order, each with its article count. */
export function unitsByCategory(bulletin: Bulletin): { category: string; units: { unit: Unit; count: number }[] }[] {
  const groups = new Map<string, { unit: Unit; count: number }[]>();
  for (const unit of bulletin.registry.units) {
    push(groups, unit.category, { unit, count: bulletin.byUnit.get(unit.slug)?.length ?? 0 });
  }
  return [...groups].map(([category, units]) => ({ category, units }));
}

/** An issue's articles grouped by printed page, pages in order; articles without a page last. */
export function issuePages(issue: Issue): { page: number | undefined; articles: Article[] }[] {
  const groups = new Map<number | undefined, Article[]>();
  for (const article of issue.articles) push(groups, article.page, article);
  return [...groups].map(([page, articles]) => ({ page, articles }));
}

/** The months of a year that have articles, newest first, with their counts. */
export function monthsOfYear(bulletin: Bulletin, year: string): { yearMonth: string; count: number }[] {
  return [...bulletin.byMonth]
    .filter(([yearMonth]) => yearMonth.startsWith(`${year}-`))
    .map(([yearMonth, articles]) => ({ yearMonth, count: articles.length }));
}

/** The newest `count` articles of each column that has any, in registry order. */
export function latestByColumn(bulletin: Bulletin, count: number): { column: Column; articles: Article[] }[] {
  return bulletin.registry.columns
    .map((column) => ({ column, articles: (bulletin.byColumn.get(column.slug) ?? []).slice(0, count) }))
    .filter((entry) => entry.articles.length > 0);
}

/** Tags, the most used first, then in Chinese dictionary order. */
export function tagsByUse(bulletin: Bulletin): Tag[] {
  return [...bulletin.tags.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Years with articles, newest first, each with its count and its months. */
export function archiveYears(bulletin: Bulletin): { year: string; count: number; months: { yearMonth: string; count: number }[] }[] {
  return [...bulletin.byYear].map(([year, articles]) => ({ year, count: articles.length, months: monthsOfYear(bulletin, year) }));
}

/** Issues grouped by the year they went out, newest first: the 往期 picker. */
export function issuesByYear(bulletin: Bulletin): { year: string; issues: Issue[] }[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of bulletin.issues) push(groups, yearOf(issue.date), issue);
  return [...groups].map(([year, issues]) => ({ year, issues }));
}
