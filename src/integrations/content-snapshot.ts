import { readArticles, type Article } from '../lib/content/articles.ts';
import { buildBulletin, type Bulletin } from '../lib/bulletin/bulletin.ts';
import { loadRegistry, type Registry } from '../lib/content/registries.ts';

/** The content folder as read from disk, independently of what the pages made of it. */
export interface ContentSnapshot {
  bulletin: Bulletin;
  /** Every valid article, drafts included. */
  articles: Article[];
  /** Files of the articles folder that are no articles, and so are not published. */
  strayFiles: string[];
}

/** What reading a content folder gave: its registries and every valid article. */
export interface ContentRead {
  registry: Registry;
  articles: Article[];
  /** Files of the articles folder that are no articles (a .txt, a Word document), each named by a problem. */
  strayFiles: string[];
}

/**
 * Read a content folder's registries and articles; undefined when the registries are broken
 * (the content loader has already reported why). Drafts are in `articles`, never in
 * `bulletin` unless asked for, as in `astro dev`.
 */
export function readSnapshot(dir: string, options: { includeDrafts: boolean }, read = readContent(dir)): ContentSnapshot | undefined {
  if (!read) return undefined;
  const shown = options.includeDrafts ? read.articles : read.articles.filter((article) => !article.draft);
  return { bulletin: buildBulletin(read.registry, shown), articles: read.articles, strayFiles: read.strayFiles };
}

function readContent(dir: string): ContentRead | undefined {
  const { registry } = loadRegistry(dir);
  if (!registry) return undefined;
  const { articles, strayFiles } = readArticles(dir, registry);
  return { registry, articles, strayFiles };
}

/**
 * The articles loader's reading of the content folder, for the steps after the pages of the
 * same build: reading thousands of files once is enough. It lives on globalThis because Astro
 * loads the content config through Vite, apart from the integrations' own module instances.
 */
const loaderReads = Symbol.for('bulletin.loaderReads');

function sharedReads(): Map<string, ContentRead> {
  const holder = globalThis as typeof globalThis & { [loaderReads]?: Map<string, ContentRead> };
  return (holder[loaderReads] ??= new Map());
}

const readListeners = Symbol.for('bulletin.loaderReadListeners');

function listeners(): Map<string, ((read: ContentRead) => void)[]> {
  const holder = globalThis as typeof globalThis & { [readListeners]?: Map<string, ((read: ContentRead) => void)[]> };
  return (holder[readListeners] ??= new Map());
}

/**
 * The articles loader's latest reading of `dir`, for the pages (src/data.ts): the data store
 * keeps only each article's digest and, where it has pictures, its rendering.
 */
export function loaderRead(dir: string): ContentRead | undefined {
  return sharedReads().get(dir);
}

/** Called by the articles loader with what it read, each time it reads (in `astro dev`, after every edit). */
export function rememberLoaderRead(dir: string, read: ContentRead): void {
  sharedReads().set(dir, read);
  for (const listener of listeners().get(dir) ?? []) listener(read);
}

/**
 * Run `listener` with the articles loader's reading of `dir`: at once when it has read it
 * already, and again after every later reading, until the returned function is called. A build
 * reads once, so the work on its articles (the search index) can go on while Astro renders the
 * pages; `astro dev` reads after every edit.
 */
export function everyLoaderRead(dir: string, listener: (read: ContentRead) => void): () => void {
  const read = sharedReads().get(dir);
  if (read) listener(read);
  listeners().set(dir, [...(listeners().get(dir) ?? []), listener]);
  // Astro restarts its dev server in the same process (after a config change): the old server's listener must go.
  return () =>
    listeners().set(
      dir,
      (listeners().get(dir) ?? []).filter((other) => other !== listener),
    );
}

const built = new Map<string, ContentSnapshot | undefined>();

/**
 * The snapshot of a build, shared by the steps that run after the pages: the loader's own
 * reading when there is one, else the folder read afresh (a build whose loader found nothing to
 * read still gets checked). The pages show the articles the data store holds, with their fields
 * from this same reading (src/data.ts): comparing the pages with it still catches an article
 * lost between the loader and dist/.
 */
export function buildSnapshot(dir: string): ContentSnapshot | undefined {
  if (!built.has(dir)) built.set(dir, readSnapshot(dir, { includeDrafts: false }, loaderRead(dir) ?? readContent(dir)));
  return built.get(dir);
}
