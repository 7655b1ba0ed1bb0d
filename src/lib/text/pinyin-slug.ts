import { pinyin } from 'pinyin-pro';

/*
 * Slugs from Chinese text, with nothing from Node: the correspondents' form (src/scripts/admin.ts)
 * names a new article's file in the browser by the same rules as `npm run new`.
 */

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

/** The longest slug a title gives a new article's file; a longer one is cut at a word. */
const maxTitleSlug = 60;

/** A slug from a title cut to a file name's length at a hyphen, as `new` and the form name new files. */
export function shortenSlug(slug: string): string {
  if (slug.length <= maxTitleSlug) return slug;
  return slug.slice(0, maxTitleSlug).replace(/-[^-]*$/, '');
}
