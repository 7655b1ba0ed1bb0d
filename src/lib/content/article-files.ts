import { basename, extname } from 'node:path';

/** The extensions an article file may have, in any case: .md, .mdx, and .markdown as some editors save it. */
export const articleFilePattern = /\.(?:mdx?|markdown)$/i;

/** The name of an article file without its extension: where a slug comes from. */
export function articleFileStem(path: string): string {
  return basename(path).replace(articleFilePattern, '');
}

/** Files that may sit among the articles and are not articles: their pictures, and what systems leave behind. */
const companion = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;
const systemFiles = new Set(['thumbs.db', 'desktop.ini']);

/** What a file in the articles folder is, when it is no article: plain text, a document, or something else. */
export type StrayKind = 'text' | 'document' | 'other';

/**
 * What a file among the articles is when it is neither an article nor one of their pictures:
 * a correspondent's submission in the wrong form, which must never vanish without a word.
 */
export function strayFileKind(path: string): StrayKind | undefined {
  if (articleFilePattern.test(path) || companion.test(path) || systemFiles.has(basename(path).toLowerCase())) return undefined;
  const extension = extname(path).toLowerCase();
  if (extension === '.txt' || extension === '.text') return 'text';
  if (['.docx', '.doc', '.wps', '.rtf', '.odt', '.pdf'].includes(extension)) return 'document';
  return 'other';
}
