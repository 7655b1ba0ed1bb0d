import { basename, extname } from 'node:path';
import { displayPath } from '../files/paths.ts';
import { catalogued, type Problem } from '../problems/problems.ts';

/** The extensions an article file may have, in any case: .md, .mdx, and .markdown as some editors save it. */
export const articleFilePattern = /\.(?:mdx?|markdown)$/i;

/** The name of an article file without its extension: where a slug comes from. */
export function articleFileStem(path: string): string {
  return basename(path).replace(articleFilePattern, '');
}

/** Pictures, which may sit among the articles or anywhere in the content folder. */
export const pictureFilePattern = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;
/** Files that may sit among the articles and are not articles besides pictures: what systems leave behind. */
const systemFiles = new Set(['thumbs.db', 'desktop.ini']);

/** What a file in the articles folder is, when it is no article: plain text, a document, or something else. */
export type StrayKind = 'text' | 'document' | 'other';

/**
 * What a file among the articles is when it is neither an article nor one of their pictures:
 * a correspondent's submission in the wrong form, which must never vanish without a word.
 */
export function strayFileKind(path: string): StrayKind | undefined {
  if (articleFilePattern.test(path) || pictureFilePattern.test(path) || systemFiles.has(basename(path).toLowerCase())) return undefined;
  const extension = extname(path).toLowerCase();
  if (extension === '.txt' || extension === '.text') return 'text';
  if (['.docx', '.doc', '.wps', '.rtf', '.odt', '.pdf'].includes(extension)) return 'document';
  return 'other';
}

const strayCodes = { text: 'ArticleIsText', document: 'ArticleIsDocument', other: 'ArticleFileUnknown' } as const;

/**
 * A problem for each of `files` (the articles folder's) that is neither an article nor a picture: a
 * .txt or a Word document stops the build with how to turn it into an article; anything else
 * is named in a warning. Nothing a correspondent submitted is skipped without a word.
 */
export function strayFileProblems(dir: string, files: readonly string[]): Problem[] {
  return files.flatMap((file) => {
    const kind = strayFileKind(file);
    if (!kind) return [];
    // 稿件.md.txt (Windows hid the .txt): the name to give is 稿件.md, not 稿件.md.md.
    const stem = basename(file, extname(file)).replace(articleFilePattern, '');
    return [catalogued(displayPath(dir, file), strayCodes[kind], { line: 1 }, [basename(file)], [stem], kind === 'other' ? 'warning' : 'error')];
  });
}
