/**
 * How Astro keeps a bulletin's content store between builds: in one file, or in chunks. The build
 * reads a one-file store as one JavaScript string, which V8 cannot make longer than about 500 MB;
 * Astro writes a chunked store a character at a time (measured at 50,000 articles: 8.7 s of a
 * 41 s rebuild went to writing a 7.3 MB store twice). So the store is chunked only when it could
 * grow large, and what makes it large is pictures: an article keeps only its data in the store
 * (146 bytes an article at 50,000), but one with pictures keeps its whole rendering there, where
 * Astro's image pipeline finds it (src/integrations/article-bodies.ts).
 */
import { readdirSync } from 'node:fs';
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
export function storeBytesAtMost(articles: number, pictures: number): number {
  return articles * bytesPerArticle + pictures * bytesPerPicture;
}

/** The storage for a store of so many articles and pictures. */
export function storageFor(articles: number, pictures: number): StoreStorage {
  return storeBytesAtMost(articles, pictures) > oneFileLimit ? 'chunked' : 'single-file';
}

/** The storage for the content folder `folder`, from the articles and pictures in it (a missing folder has none). */
export function contentStoreStorage(folder: string): StoreStorage {
  let articles = 0;
  let pictures = 0;
  const articlesPrefix = `${articlesFolder}/`;
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return 'single-file';
  }
  for (const name of names) {
    const path = name.replaceAll('\\', '/');
    if (pictureFilePattern.test(path)) pictures++;
    else if (path.startsWith(articlesPrefix) && articleFilePattern.test(path)) articles++;
  }
  return storageFor(articles, pictures);
}
