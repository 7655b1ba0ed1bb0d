import type { Article } from '../content/articles.ts';
import type { Bulletin } from '../bulletin/bulletin.ts';
import { formatChineseDate, yearOf } from '../text/dates.ts';
import { markdownToText } from '../text/plain-text.ts';
import type { Routes } from '../bulletin/routes.ts';
import { namePinyinTerms, segmentWords, titlePinyinTerms } from './pinyin-terms.ts';
import { lowerCaseWord } from './pagefind-words.ts';
import { indexWords, tokenize } from './tokens.ts';
import type { IndexPage, WeightedWords } from './index-shard.ts';

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
const searchWeights = { title: 10, names: 5, labels: 3 } as const;

const wordsOf = (text: string) => indexWords(tokenize(text)).map(lowerCaseWord);

/**
 * The page the index holds for an article: a synthetic page, not the article page itself. Its
 * text is pre-cut into the search's index words (see tokens.ts), so that indexing and queries
 * always cut text the same way, in lower case as the index stores it; each name or label is
 * cut on its own, so no pair joins two of them. The body comes first, then titles, names and
 * labels with more weight; units are indexed under every name and their pinyin. Metadata holds
 * only what a result shows (its values' words are indexed too); a result's text is the body's
 * plain text.
 */
export function searchRecord(article: Article, bulletin: Bulletin, routes: Routes): IndexPage {
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
  const section = (weight: number, texts: string[]): WeightedWords => ({ weight, words: texts.flatMap(wordsOf) });
  return {
    url: routes.article(article.slug),
    content: text,
    sections: [
      section(1, [text]),
      section(searchWeights.title, [article.title]),
      section(searchWeights.names, [article.kicker ?? '', article.subtitle ?? '', ...article.byline.names, ...unitWords]),
      section(searchWeights.labels, [...labels, ...pinyinWords]),
    ],
    meta: {
      title: article.title,
      date: article.date,
      units: units.map((unit) => unit.name).join('、'),
      column: column?.name ?? '',
      byline: article.byline.text,
      ...(article.draft ? { [searchFields.draft]: 'true' } : {}),
    },
    filters: {
      ...(units.length > 0 ? { [searchFields.unitFilter]: units.map((unit) => unit.name) } : {}),
      ...(column ? { [searchFields.columnFilter]: [column.name] } : {}),
      [searchFields.yearFilter]: [yearOf(article.date)],
      ...(article.issue ? { [searchFields.issueFilter]: [String(article.issue)] } : {}),
    },
    sort: { date: article.date },
  };
}
