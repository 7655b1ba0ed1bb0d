import { createHash } from 'node:crypto';
import { isSlug, slugify } from './pinyin-slug.ts';

export { isSlug, slugify, slugPattern } from './pinyin-slug.ts';

/** A slug that is never empty: `slugify(text)`, else a short stable hash of the text. */
export function slugifyOrHash(text: string, prefix: string): string {
  return slugify(text) || `${prefix}-${shortHash(text)}`;
}

/** Eight hex digits that depend only on `text`. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * The slug of an article file, by the contract: the ASCII file name when it is one, else the
 * pinyin of the file name. `fileName` is the base name without extension.
 */
export function slugFromFileName(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (isSlug(lower)) return lower;
  return slugifyOrHash(fileName, 'article');
}

/**
 * Slugs for names that share a namespace (tags), given in order of precedence: each name gets
 * its pinyin, and a name whose pinyin an earlier one already has gets a hash of itself added.
 * Names that come later (newer) never change the slugs of earlier ones.
 */
export function uniqueSlugs(names: Iterable<string>, prefix: string): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (slugs.has(name)) continue;
    const base = slugifyOrHash(name, prefix);
    const slug = taken.has(base) ? `${base}-${shortHash(name)}` : base;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}
