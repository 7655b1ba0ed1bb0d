import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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

/**
 * A file or folder named on a command line, found where its writer may have meant it: from the
 * folder the command was typed in (npm runs a script from the project folder and keeps that one
 * in INIT_CWD), from the current folder, or from the content folder, which is how every message
 * prints a path (articles/2024/11/x.md), so a path copied from `check` works in the site's
 * folder too. The absolute path of the first that exists, or undefined.
 */
export function findNamedPath(
  path: string,
  content: string,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const typedIn = env['INIT_CWD']?.trim();
  const bases = [...(typedIn ? [typedIn] : []), cwd, content];
  return bases.map((base) => resolve(base, path)).find((candidate) => existsSync(candidate));
}

/**
 * The folder a git host counts paths from for the files of a content folder, which is where a
 * merge request shows them: the nearest folder at or above it that holds .git (a folder, or a file
 * in a worktree or submodule), so articles/… in a content repository and content/articles/… in the
 * site's own. Without one, the folder the command runs in when the content folder lies in it
 * (a CI job runs at the top of its checkout), else the content folder itself.
 */
export function repositoryRoot(content: string, cwd = process.cwd()): string {
  for (let folder = resolve(content); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) break;
  }
  const here = resolve(cwd);
  return resolve(content) === here || isInside(here, content) ? here : resolve(content);
}

/** A path typed on a command line for a file to write: from the folder the command was typed in (npm keeps it in INIT_CWD), else the current one. */
export function typedPath(path: string, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['INIT_CWD']?.trim() || cwd, path);
}
