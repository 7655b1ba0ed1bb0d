import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The content folder: `BULLETIN_CONTENT_DIR` when set, else `./content`, as an absolute path. */
export function contentDir(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['BULLETIN_CONTENT_DIR']?.trim();
  return resolve(cwd, configured ? configured : 'content');
}

/** A path inside the content folder as messages show it: relative, with forward slashes. */
export function displayPath(dir: string, file: string): string {
  return relative(dir, file).split(sep).join('/');
}

/** True when `file` lies inside `dir` (never `..`, never another drive). */
export function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
