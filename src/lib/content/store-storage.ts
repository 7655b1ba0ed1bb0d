/**
 * How Astro keeps a bulletin's content store between builds: in one file, or in chunks. The build
 * reads a one-file store as one JavaScript string, which V8 cannot make longer than about 500 MB;
 * Astro writes a chunked store a character at a time (measured at 50,000 articles: 8.7 s of a
 * 41 s rebuild went to writing a 7.3 MB store twice). So the store is chunked only when it could
 * grow large, and what makes it large is pictures: an article keeps only its data in the store
 * (146 bytes an article at 50,000), but one with pictures keeps its whole rendering there, where
 * Astro's image pipeline finds it (src/integrations/article-bodies.ts).
 */
import { join, sep } from 'node:path';
import { walkFiles } from '../files/walk.ts';
import { articleFilePattern, pictureFilePattern } from './article-files.ts';
import { articlesFolder } from './articles.ts';

/** An article's data in the store, at most (well above the 146 bytes measured). */
const bytesPerArticle = 1024;
/**
 * An illustrated article's rendering in the store, at most, counted for each picture: a picture
 * is in one article or more, so there are no more illustrated articles than pictures, and a
 * rendering of 32 KB is an article of over 10,000 characters.
 */
const bytesPerPicture = 32 * 1024;
/** A one-file store up to this size stays a quarter of what V8 can read as one string. */
const oneFileLimit = 128 * 1024 * 1024;

export type StoreStorage = 'single-file' | 'chunked';

/** How large the store of so many articles and pictures could be, at most. */
function storeBytesAtMost(articles: number, pictures: number): number {
  return articles * bytesPerArticle + pictures * bytesPerPicture;
}

/** The storage for a store of so many articles and pictures. */
export function storageFor(articles: number, pictures: number): StoreStorage {
  return storeBytesAtMost(articles, pictures) > oneFileLimit ? 'chunked' : 'single-file';
}

/**
 * The storage for the content folder `folder`, from the articles and pictures in it (a missing
 * folder has none). Not what lies in hidden folders, node_modules or dist/: in a content
 * repository the site is built into dist/ (scripts/bulletin.mjs), and its picture variants are
 * no pictures of the bulletin's.
 */
export function contentStoreStorage(folder: string): StoreStorage {
  const builtSite = join(folder, 'dist');
  const articles = join(folder, articlesFolder) + sep;
  let articleCount = 0;
  let pictureCount = 0;
  for (const file of walkFiles(folder, folder, undefined, (path) => path === builtSite)) {
    if (pictureFilePattern.test(file)) pictureCount++;
    else if (file.startsWith(articles) && articleFilePattern.test(file)) articleCount++;
  }
  return storageFor(articleCount, pictureCount);
}
