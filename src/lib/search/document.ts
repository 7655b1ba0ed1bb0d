import type { Article } from '../articles.ts';
import type { Bulletin } from '../bulletin.ts';
import { formatChineseDate, yearOf } from '../dates.ts';
import { escapeHtml } from '../html.ts';
import { markdownToText } from '../plain-text.ts';
import type { Routes } from '../routes.ts';
import { namePinyinTerms, segmentWords, titlePinyinTerms } from './pinyin-terms.ts';
import { indexWords, tokenize } from './tokens.ts';

/** The names of the filters and metadata the search page reads; one place for both sides. */
export const searchFields = {
  unitFilter: '单位',
  columnFilter: '栏目',
  yearFilter: '年份',
  issueFilter: '期',
  /** Metadata: present on drafts, which only `astro dev` indexes. */
  draft: 'draft',
} as const;

/** How much each part of an article counts; the body counts 1. */
export const searchWeights = { title: 10, names: 5, labels: 3 } as const;

/** One article as Pagefind indexes it: a synthetic page, not the article page itself. */
export interface SearchRecord {
  url: string;
  html: string;
  /** The body as plain text, which a result's excerpt is cut from (the index holds its words, not the text). */
  text: string;
}

const spaced = (text: string) => indexWords(tokenize(text)).join(' ');

/**
 * The document the index is built from. Its text is pre-cut into the search's index words
 * (see tokens.ts), so Pagefind's own segmentation never disagrees with the query's; each name
 * or label is cut on its own, so no pair joins two of them. The body comes first, then titles,
 * names and labels with more weight; units are indexed under every name and their pinyin.
 * Metadata holds only what a result shows: Pagefind indexes its values as words too.
 */
export function searchRecord(article: Article, bulletin: Bulletin, routes: Routes): SearchRecord {
  const text = markdownToText(article.body);
  const units = article.units.flatMap((slug) => bulletin.unitBySlug.get(slug) ?? []);
  const column = bulletin.columnBySlug.get(article.column);
  const unitWords = units.flatMap((unit) => [unit.name, ...unit.aliases]);
  const labels = [
    column?.name ?? '',
    ...article.tags,
    article.date,
    formatChineseDate(article.date),
    article.issue ? `第${article.issue}期` : '',
  ];
  const pinyinWords = [
    ...unitWords.flatMap(namePinyinTerms),
    ...titlePinyinTerms(article.title, segmentWords),
    ...article.byline.names.flatMap(namePinyinTerms),
  ];

  const meta: [string, string][] = [
    ['title', article.title],
    ['date', article.date],
    ['units', units.map((unit) => unit.name).join('、')],
    ['column', column?.name ?? ''],
    ['byline', article.byline.text],
    ...(article.draft ? [[searchFields.draft, 'true'] as [string, string]] : []),
  ];
  const filters: [string, string][] = [
    ...units.map((unit) => [searchFields.unitFilter, unit.name] as [string, string]),
    [searchFields.columnFilter, column?.name ?? ''],
    [searchFields.yearFilter, yearOf(article.date)],
    ...(article.issue ? [[searchFields.issueFilter, String(article.issue)] as [string, string]] : []),
  ];
  const head = [
    ...meta.map(([key, value]) => `<meta data-pagefind-meta="${escapeHtml(key)}[content]" content="${escapeHtml(value)}">`),
    ...filters.filter(([, value]) => value).map(([key, value]) => `<meta data-pagefind-filter="${escapeHtml(key)}[content]" content="${escapeHtml(value)}">`),
    `<meta data-pagefind-sort="date[content]" content="${article.date}">`,
  ];
  const section = (weight: number, words: string[]) =>
    `<p data-pagefind-weight="${weight}">${escapeHtml(words.map(spaced).filter(Boolean).join(' '))}</p>`;
  const html = [
    `<!doctype html><html lang="zh-cn"><head>${head.join('')}</head><body data-pagefind-body>`,
    `<p>${escapeHtml(spaced(text))}</p>`,
    section(searchWeights.title, [article.title]),
    section(searchWeights.names, [article.kicker ?? '', article.subtitle ?? '', ...article.byline.names, ...unitWords]),
    section(searchWeights.labels, [...labels, ...pinyinWords]),
    '</body></html>',
  ].join('');
  return { url: routes.article(article.slug), html, text };
}
