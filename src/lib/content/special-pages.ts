import { z } from 'zod';
import { catalogued, type Problem } from '../problems/problems.ts';
import { displayPath } from '../files/paths.ts';
import { slugFromFileName } from '../text/slug.ts';
import { walkFiles } from '../files/walk.ts';

/**
 * Top-level folders a trusted MDX folder may not be called, because the site's own pages live
 * at those URLs (a 专题 folder named units/ would shadow the unit pages).
 */
export const reservedFolders = ['articles', 'units', 'columns', 'issues', 'tags', 'archive', 'search', 'stats', 'pagefind', 'images', '_astro', 'admin'];

/** A trusted folder as site.yaml may list it: a relative path of lowercase ASCII names. */
export const trustedFolderPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** True when `folder` may hold MDX pages. */
export function isUsableTrustedFolder(folder: string): boolean {
  return trustedFolderPattern.test(folder) && !reservedFolders.includes(folder.split('/')[0]!);
}

/** The frontmatter of an editors' special page (专题, 关于本刊). */
export const specialPageSchema = z.object({
  /** The page's title. */
  title: z.string({ error: '专题页缺少标题（title）' }).trim().min(1, '专题页的标题（title）不能为空').max(200, '专题页的标题（title）最多 200 个字'),
  /** One sentence for link previews and the home page. */
  description: z.string().trim().max(300, '专题页的简介（description）最多 300 个字').optional(),
  /** Where the page is listed on the home page: lower first. */
  order: z.number().int().optional(),
});

/** The URL path of a special page from its file: its folder, then the file name as a slug (zhuanti/书记项目.mdx → zhuanti/shu-ji-xiang-mu). */
export function specialPageId(entry: string): string {
  const parts = entry.split('/');
  const file = parts.pop()!.replace(/\.mdx$/i, '');
  return [...parts, slugFromFileName(file)].join('/');
}

/** True when `path` (content-relative) lies in one of the folders site.yaml trusts to run code. */
export function isInTrustedFolder(path: string, trusted: readonly string[]): boolean {
  return trusted.some((folder) => path.startsWith(`${folder.replace(/^\.?\/+|\/+$/g, '')}/`));
}

/**
 * Every .mdx file of the content folder outside the trusted folders: an error each, and never
 * read, since MDX runs code at build time. `skip` leaves out folders checked elsewhere.
 */
export function untrustedMdxProblems(dir: string, trusted: readonly string[], skip?: (path: string) => boolean): Problem[] {
  return walkFiles(dir, dir, undefined, skip)
    .filter((file) => /\.mdx$/i.test(file))
    .map((file) => displayPath(dir, file))
    .filter((path) => !isInTrustedFolder(path, trusted))
    .map((path) => catalogued(path, 'MdxNotTrusted', { line: 1 }));
}
