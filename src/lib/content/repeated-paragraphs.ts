import { catalogued, type Problem } from '../problems/problems.ts';

/** What the check reads of an article (articles.ts Article has these fields). */
export interface ParagraphSource {
  sourcePath: string;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The line of the file the body starts on. */
  bodyLine: number;
}

/** Paragraphs shorter than this (in characters, spaces aside) are too common to be a copying mistake. */
const minLength = 30;

/** How many line ends `text` has from `start` to `end`. */
function lineEnds(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Whether `text` has at least `count` characters (code points), without spelling them all out. */
function hasCharacters(text: string, count: number): boolean {
  if (text.length >= 2 * count) return true;
  if (text.length < count) return false;
  let characters = 0;
  for (const _ of text) if (++characters >= count) return true;
  return false;
}

const notProse = /^(#|\||!\[|<|```|~~~|[-*+] |\d+[.)] |>)/;

/**
 * The prose paragraphs of a body with their lines in the file, compared without spaces. A
 * build checks every article's paragraphs, so this walks the body once, with no copy of a
 * block that is not prose.
 */
function paragraphs(article: Omit<ParagraphSource, 'sourcePath'>): { key: string; line: number }[] {
  const found: { key: string; line: number }[] = [];
  const { body } = article;
  const blank = /\n[ \t]*\n/g;
  let line = article.bodyLine;
  let start = 0;
  for (;;) {
    const separator = blank.exec(body);
    const end = separator ? separator.index : body.length;
    let first = start;
    while (first < end && /\s/.test(body[first]!)) first++;
    if (first < end) {
      const text = body.slice(first, end).trimEnd();
      if (!notProse.test(text)) {
        const key = text.replace(/\s+/g, '');
        if (hasCharacters(key, minLength)) found.push({ key, line: line + lineEnds(body, start, first) });
      }
    }
    if (!separator) return found;
    // The block's line ends, and the separator's two.
    line += lineEnds(body, start, end) + 2;
    start = blank.lastIndex;
  }
}

/**
 * A warning for each paragraph that also stands in another article, in both files, each
 * naming the other: on a printed page a paragraph is easily pasted twice (the sample page has
 * one), and only the editor can tell which article it belongs to.
 */
export function repeatedParagraphProblems(articles: readonly ParagraphSource[]): Problem[] {
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
