import type { Article } from '../content/articles.ts';
import type { Bulletin } from '../bulletin/bulletin.ts';
import { formatChineseDate, yearOf } from '../text/dates.ts';
import { markdownToText } from '../text/plain-text.ts';
import type { Routes } from '../bulletin/routes.ts';
import { namePinyinTerms, segmentWords, titlePinyinTerms } from './pinyin-terms.ts';
import { lowerCaseWord } from './pagefind-words.ts';
import { indexWords, isCjkToken, tokenize } from './tokens.ts';
import type { IndexPage, WeightedWords } from './index-shard.ts';
import { searchFields } from './search-fields.ts';

/**
 * How much of the body a result's fragment holds, in characters. A search downloads the
 * fragments of the ten results it shows: a feature's whole text is 5–6 KB compressed, its
 * start 1 KB. The excerpt comes from the start, and from the article's page where the start
 * holds no match (src/scripts/search-page.ts).
 */
export const resultTextLength = 1000;

/** The start of a text, about `length` characters, not ending inside a word of letters or digits. */
export function textStart(text: string, length: number): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  let end = length;
  while (end > 0 && /[\p{L}\p{N}]/u.test(characters[end]!) && !isCjkToken(characters[end]!) && /[\p{L}\p{N}]/u.test(characters[end - 1]!))
    end--;
  return characters.slice(0, end > 0 ? end : length).join('');
}

/** How much each part of an article counts; the body counts 1. */
const searchWeights = { title: 10, names: 5, labels: 3 } as const;

const wordsOf = (text: string) => indexWords(tokenize(text)).map(lowerCaseWord);

/**
 * The page the index holds for an article: a synthetic page, not the article page itself. Its
 * text is pre-cut into the search's index words (see tokens.ts), so that indexing and queries
 * always cut text the same way, in lower case as the index stores it; each name or label is
 * cut on its own, so no pair joins two of them. Labels, names and titles count more than the
 * body; units are indexed under every name and their pinyin. Metadata holds only what a result
 * shows (its values' words are indexed too); a result's text is the body's plain text.
 *
 * The parts come in the order that keeps their places alike from page to page, the body last:
 * dates and issue (as many words on every page), column, units, title, then tags and pinyin.
 * A word such as 党建 (in the column 党建动态 on most pages) then has its label's place at the
 * same position on thousands of pages, which the index's compression all but removes, where
 * after the body each page's position differed.
 */
export function searchRecord(article: Article, bulletin: Bulletin, routes: Routes): IndexPage {
  const text = markdownToText(article.body);
  const units = article.units.flatMap((slug) => bulletin.unitBySlug.get(slug) ?? []);
  const column = bulletin.columnBySlug.get(article.column);
  const unitWords = units.flatMap((unit) => [unit.name, ...unit.aliases]);
  const dates = [article.date, formatChineseDate(article.date), article.issue ? `第${article.issue}期` : ''];
  const pinyinWords = [
    ...unitWords.flatMap(namePinyinTerms),
    ...titlePinyinTerms(article.title, segmentWords),
    ...article.byline.names.flatMap(namePinyinTerms),
  ];
  const section = (weight: number, texts: string[]): WeightedWords => ({ weight, words: texts.flatMap(wordsOf) });
  const sections: [weight: number, texts: string[]][] = [
    [searchWeights.labels, [...dates, column?.name ?? '']],
    [searchWeights.names, [...unitWords, ...article.byline.names, article.kicker ?? '', article.subtitle ?? '']],
    [searchWeights.title, [article.title]],
    [searchWeights.labels, article.tags],
  ];
  const shown = textStart(text, resultTextLength);
  return {
    url: routes.article(article.slug),
    content: shown,
    ...(shown !== text ? { cut: true } : {}),
    // Pinyin is left out: a phrase is of characters and digits (query.ts), pinyin a word of its own.
    texts: sections.flatMap(([, texts]) => texts).filter(Boolean),
    sections: [
      ...sections.map(([weight, texts]) => section(weight, texts)),
      section(searchWeights.labels, pinyinWords),
      section(1, [text]),
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
