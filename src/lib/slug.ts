import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/** A slug as URLs use it: lowercase ASCII letters, digits and single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `text` can be used as a slug as it stands. */
export function isSlug(text: string): boolean {
  return slugPattern.test(text);
}

/**
 * An ASCII slug for any text: Chinese characters become toneless pinyin syllables joined by
 * hyphens (技能比武 → ji-neng-bi-wu), full-width letters and digits become ASCII, and
 * everything else separates words. Returns '' when nothing usable is left.
 */
export function slugify(text: string): string {
  const normalised = text.normalize('NFKC');
  const syllables = pinyin(normalised, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

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
 * Slugs for names that share a namespace (tags): plain pinyin where it is unique, and the
 * pinyin plus a hash of the name for every name in a clash, so each keeps one URL.
 */
export function uniqueSlugs(names: Iterable<string>, prefix: string): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = slugifyOrHash(name, prefix);
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const slugs = new Map<string, string>();
  for (const [base, group] of byBase) {
    for (const name of group) slugs.set(name, group.length === 1 ? base : `${base}-${shortHash(name)}`);
  }
  return slugs;
}
