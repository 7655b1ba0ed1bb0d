import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { messages } from './messages.ts';
import { isInside } from './paths.ts';
import type { Problem } from './problems.ts';

/** An image a Markdown body refers to, with the body line it is on (0-based within the body). */
export interface ImageRef {
  src: string;
  bodyLine: number;
}

const markdownImage = /!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g;
const htmlImage = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

/** True for references the site does not read from disk: web addresses and in-page data. */
function isRemote(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src) && !/^[a-z]:[\\/]/i.test(src);
}

/** Local images a Markdown body refers to, by Markdown syntax or an HTML <img>. */
export function findLocalImages(body: string): ImageRef[] {
  const refs: ImageRef[] = [];
  body.split('\n').forEach((line, index) => {
    for (const pattern of [markdownImage, htmlImage]) {
      for (const match of line.matchAll(pattern)) {
        const src = match[1]!;
        if (!isRemote(src)) refs.push({ src, bodyLine: index });
      }
    }
  });
  return refs;
}

/**
 * Problems with a picture an article refers to: it must be a relative path to a file that
 * exists inside the content folder (a symlink counts where it leads).
 */
export function imageProblem(dir: string, sourcePath: string, src: string): Pick<Problem, 'code' | 'message' | 'hint'> | undefined {
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // a stray % stays as written
  }
  const outside = { code: 'ImageOutside', message: messages.ImageOutside.message(src), hint: messages.ImageOutside.hint() };
  if (isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded)) return outside;
  const target = resolve(dirname(join(dir, sourcePath)), decoded);
  if (!isInside(dir, target)) return outside;
  if (!existsSync(target) || !statSync(target).isFile()) {
    return { code: 'ImageMissing', message: messages.ImageMissing.message(src), hint: messages.ImageMissing.hint() };
  }
  if (!isInside(realpathSync(dir), realpathSync(target))) return outside;
  return undefined;
}
