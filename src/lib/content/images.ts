import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, resolve } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isInside } from '../files/paths.ts';
import { entryWords, type EntryWords } from '../problems/problems.ts';

/** A picture a Markdown body refers to. */
export interface ImageRef {
  src: string;
  /** 0-based line within the body. */
  bodyLine: number;
  /** True for an HTML <img>, which the image pipeline never sees. */
  html: boolean;
}

// src= quoted or not; never data-src= (a web page's picture loaded later), which is not where the picture is.
const htmlImage = /<img\b[^>]*?(?<![\w-])src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** True for a picture on another web site: http, https, or an address without its scheme (//host/…). */
export function isWebAddress(src: string): boolean {
  return /^(?:https?:)?\/\//i.test(src.trim());
}

/** True for references the site does not read from disk: web addresses and in-page data. */
function isRemote(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src) && !/^[a-z]:[\\/]/i.test(src);
}

/** A picture on the writer's own computer (file:///C:/…), as Word pastes bring them. */
const onThisComputer = /^file:/i;

/** Every picture in Markdown starts with `![`, every HTML one with `<img`. */
const mayHoldImage = /!\[|<img/i;

/**
 * The pictures of a Markdown body, read the way the renderer reads them: inline images
 * (`![说明](路径)`, `<路径 with spaces>` included), reference images (`![说明][1]` with
 * `[1]: 路径`), and HTML <img> tags. Web addresses and embedded pictures included; other in-page data and anchors left out.
 */
export function findImages(body: string): ImageRef[] {
  const refs: ImageRef[] = [];
  const definitions = new Map<string, { url: string; line: number }>();
  const references: { identifier: string; line: number }[] = [];
  const visit = (node: Nodes) => {
    const line = (node.position?.start.line ?? 1) - 1;
    if (node.type === 'image') refs.push({ src: node.url, bodyLine: line, html: false });
    else if (node.type === 'definition') definitions.set(node.identifier, { url: node.url, line });
    else if (node.type === 'imageReference') references.push({ identifier: node.identifier, line });
    else if (node.type === 'html') {
      for (const match of node.value.matchAll(htmlImage)) refs.push({ src: match[1] ?? match[2] ?? match[3]!, bodyLine: line, html: true });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  // Most articles have no picture: parsing their Markdown only to find none is most of the cost.
  if (!mayHoldImage.test(body)) return refs;
  visit(fromMarkdown(body));
  for (const reference of references) {
    const definition = definitions.get(reference.identifier);
    if (definition) refs.push({ src: definition.url, bodyLine: definition.line, html: false });
  }
  return refs.filter((ref) => ref.src !== '' && (!isRemote(ref.src) || isWebAddress(ref.src) || onThisComputer.test(ref.src) || isEmbedded(ref.src)));
}

/** A picture whose bytes are in its address (data:image/…), as pastes from web pages and Word bring: never published. */
export function isEmbedded(src: string): boolean {
  return /^data:image\//i.test(src.trim());
}

/** The problem of an embedded picture: the sanitiser removes it, and the writer is to save it as a file. */
export function embeddedImageProblem(sourcePath: string, date: string | undefined): EntryWords {
  const { folder, fromArticle } = pictureFolder(sourcePath, date);
  return entryWords('EmbeddedImage', [], [folder, `![图片说明](${fromArticle}图片名.jpg)`]);
}

/**
 * Problems with a picture an article refers to: it must be a relative path to a file that
 * exists inside the content folder (a symlink counts where it leads).
 */
export function imageProblem(dir: string, sourcePath: string, src: string): EntryWords | undefined {
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // a stray % stays as written
  }
  const outside = entryWords('ImageOutside', [src]);
  if (isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded) || onThisComputer.test(decoded)) return outside;
  const target = resolve(dirname(join(dir, sourcePath)), decoded);
  if (!isInside(dir, target)) return outside;
  if (!existsSync(target) || !statSync(target).isFile()) {
    return entryWords('ImageMissing', [src]);
  }
  if (!isInside(realpathSync(dir), realpathSync(target))) return outside;
  return undefined;
}

/** The problem of a picture inserted with HTML, which is never published. */
export function htmlImageProblem(src: string): EntryWords {
  return entryWords('HtmlImage', [src]);
}

/** WeChat's picture and article hosts, which refuse pictures shown on other sites. */
const wechatHost = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:qpic\.cn|weixin\.qq\.com|wx\.qq\.com)(?:[:/?#]|$)/i;

/** A long address shortened for a message: enough to recognise the picture by. */
function shortAddress(src: string): string {
  const characters = [...src];
  return characters.length > 60 ? `${characters.slice(0, 57).join('')}…` : src;
}

/**
 * Where a picture of an article belongs: images/<year>/<month>/ of the content folder, as
 * articles/<year>/<month>/ holds the article (by its date, else its folder), and the path to
 * it from the article's file.
 */
export function pictureFolder(sourcePath: string, date?: string): { folder: string; fromArticle: string } {
  const month = /^(\d{4})-(\d{2})-\d{2}$/.exec(date ?? '') ?? /^articles\/(\d{4})\/(\d{2})\//.exec(sourcePath);
  const folder = month ? `images/${month[1]}/${month[2]}/` : 'images/';
  return { folder, fromArticle: `${posix.relative(posix.dirname(sourcePath), folder)}/` };
}

/**
 * The problem of a picture on another web site: it is never published (the site's
 * Content-Security-Policy shows only its own pictures, and WeChat refuses to be shown
 * elsewhere), so it must be saved into the content folder. The hint names the folder and the
 * line to write, as the cover field or as a Markdown picture.
 */
export function remoteImageProblem(src: string, sourcePath: string, options: { date?: string | undefined; cover: boolean }): EntryWords {
  const { folder, fromArticle } = pictureFolder(sourcePath, options.date);
  const example = options.cover ? `cover: ${fromArticle}图片名.jpg` : `![图片说明](${fromArticle}图片名.jpg)`;
  return entryWords('RemoteImage', [shortAddress(src), wechatHost.test(src.trim())], [folder, example]);
}

