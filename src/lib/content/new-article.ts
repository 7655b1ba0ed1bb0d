import { join } from 'node:path';
import { articlesFolder, readFrontmatter } from './articles.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { parseByline } from '../text/byline.ts';
import type { Problem } from '../problems/problems.ts';
import { resolveUnit, type Registry } from './registries.ts';
import { slugifyOrHash } from '../text/slug.ts';
import { shortenSlug } from '../text/pinyin-slug.ts';
import { frontmatterText, type FrontmatterFields } from './frontmatter-text.ts';

/** What a new article is made from: the frontmatter's fields, as a writer gives them. */
export type NewArticleFields = FrontmatterFields;

/** A slug for a new article: the one asked for, else the title's pinyin, cut to a sensible length. */
export function newArticleSlug(fields: Pick<NewArticleFields, 'title' | 'slug'>): string {
  return fields.slug || shortenSlug(slugifyOrHash(fields.title, 'article'));
}

/** Where an article dated `date` with file name `slug` goes: articles/YYYY/MM/<slug>.md, content-relative. */
export function articlePath(date: string, slug: string): string {
  const [year, month] = date.split('-');
  return [articlesFolder, year, month, `${slug}.md`].join('/');
}

/** Where a new article goes: articles/YYYY/MM/<slug>.md, content-relative with forward slashes. */
export function newArticlePath(fields: Pick<NewArticleFields, 'title' | 'slug' | 'date'>): string {
  return articlePath(fields.date, newArticleSlug(fields));
}

/**
 * The text of a new article: full frontmatter in the contract's order, and for a
 * correspondent's brief the customary opening 本报讯（通讯员 …）to write on from.
 */
export function newArticleText(fields: NewArticleFields): string {
  const [first] = parseByline(fields.byline);
  const opening = first?.role === '通讯员' ? `本报讯（${first.role} ${first.names.join(' ')}）` : '';
  return `${frontmatterText(fields)}\n\n${opening}\n`;
}

/**
 * Check a new article's fields with the build's own rules before it is written; errors only.
 * Its body is the lead to write on from, not yet an article: `check` tells of it until it is written.
 */
export function newArticleProblems(fields: NewArticleFields, registry: Registry): Problem[] {
  const { yaml, yamlLine } = splitFrontmatter(newArticleText(fields));
  const { problems } = readFrontmatter(newArticlePath(fields), yaml ?? '', yamlLine, registry);
  return problems.filter((problem) => problem.severity === 'error');
}

/** The absolute path of a new article in a content folder. */
export function newArticleFile(dir: string, fields: Pick<NewArticleFields, 'title' | 'slug' | 'date'>): string {
  return join(dir, ...newArticlePath(fields).split('/'));
}

/** The canonical names of the units a writer named, so the file reads as the site will show it. */
export function canonicalUnits(refs: readonly string[], registry: Registry): string[] {
  return refs.map((ref) => resolveUnit(ref, registry)?.name ?? ref);
}
