import type { Article } from '../articles.ts';
import { catalogued, type Problem } from '../problems.ts';

/** Paragraphs shorter than this (in characters, spaces aside) are too common to be a copying mistake. */
const minLength = 30;

/** The prose paragraphs of a body with their lines in the file, compared without spaces. */
function paragraphs(article: Pick<Article, 'body' | 'bodyLine'>): { key: string; line: number }[] {
  const found: { key: string; line: number }[] = [];
  let line = article.bodyLine;
  for (const block of article.body.split(/\n[ \t]*\n/)) {
    const leading = block.length - block.trimStart().length;
    const start = line + (block.slice(0, leading).match(/\n/g)?.length ?? 0);
    const text = block.trim();
    if (text && !/^(#|\||!\[|<|```|~~~|[-*+] |\d+[.)] |>)/.test(text)) {
      const key = text.replace(/\s+/g, '');
      if ([...key].length >= minLength) found.push({ key, line: start });
    }
    line += (block.match(/\n/g)?.length ?? 0) + 2;
  }
  return found;
}

/**
 * A warning for each paragraph that also stands in another article, in both files, each
 * naming the other: on a printed page a paragraph is easily pasted twice (the sample page has
 * one), and only the editor can tell which article it belongs to.
 */
export function repeatedParagraphProblems(articles: readonly Article[]): Problem[] {
  const first = new Map<string, { file: string; line: number }>();
  const problems: Problem[] = [];
  const reportedFirst = new Set<string>();
  for (const article of articles) {
    const seenHere = new Set<string>();
    for (const { key, line } of paragraphs(article)) {
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { file: article.sourcePath, line });
        continue;
      }
      if (earlier.file === article.sourcePath) continue;
      problems.push(catalogued(article.sourcePath, 'RepeatedParagraph', { line }, [earlier.file, earlier.line], [], 'warning'));
      if (!reportedFirst.has(key)) {
        reportedFirst.add(key);
        problems.push(catalogued(earlier.file, 'RepeatedParagraph', { line: earlier.line }, [article.sourcePath, line], [], 'warning'));
      }
    }
  }
  return problems;
}
