import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articlesFolder, readArticles, withCover, type Article } from '../lib/content/articles.ts';
import { SavedFrontmatterMemo } from '../lib/content/frontmatter-memo.ts';
import { contentDir } from '../lib/files/paths.ts';
import { hashSources } from '../lib/files/source-digest.ts';
import { filesWithErrors, formatProblems, hasErrors, type Problem } from '../lib/problems/problems.ts';
import { articleFilePattern } from '../lib/content/article-files.ts';
import { intendedSlug } from '../lib/content/intended-slug.ts';
import { loadRegistry, registryFiles } from '../lib/content/registries.ts';
import { buildFailure } from './fail-build.ts';
import { bodyFiles, forgetBody, type BodyFiles } from './article-bodies.ts';
import { rememberLoaderRead } from './content-snapshot.ts';
import { rememberPreviewProblems, type PreviewProblems, type ProblemSource } from './preview-problems.ts';
import { storedArticleSchema, storedRegistrySchema, type StoredArticle, type StoredRegistry } from './stored-entries.ts';

/**
 * Report content problems in the one format every validation uses: in a build, errors stop it
 * with every problem listed; in `astro dev`, they are logged and the preview carries on with
 * the files that are valid, so one broken article does not hide the others' edits, and the
 * pages show the files with errors (src/data.ts), since editors watch the browser, not this log.
 */
function report(context: LoaderContext, source: ProblemSource, problems: Problem[], dir: string): void {
  if (context.watcher) showInPreview(context, source, problems, dir);
  if (problems.length === 0) return;
  const failed = hasErrors(problems);
  const text = formatProblems(problems);
  if (failed && !context.watcher) {
    // The list goes to the log as written: Astro's error printer reads its message as Markdown,
    // and would print a hint's ![图片说明](../../../images/…) as the words of a link.
    context.logger.error(text);
    throw buildFailure('稿件有误，网站没有生成：错误见上面的列表。', '按列表里的提示逐条修改后重新运行。');
  }
  if (failed) context.logger.error(text);
  else context.logger.warn(text);
}

/**
 * Hand the files with errors to the preview's pages, an article with the address it asks for.
 * They are in the data store too, though no page reads them there: Astro reloads open pages
 * and forgets its list of pages when the store changes, and a new mistake in an article that
 * was already broken changes nothing else in it.
 */
function showInPreview(context: LoaderContext, source: ProblemSource, problems: Problem[], dir: string): void {
  const files = filesWithErrors(problems).map((entry): PreviewProblems => {
    if (source !== 'articles' || !articleFilePattern.test(entry.file)) return entry;
    try {
      return { ...entry, slug: intendedSlug(entry.file, readFileSync(join(dir, entry.file))) };
    } catch {
      // Deleted since it was read: the next reading, already on its way, drops it.
      return entry;
    }
  });
  rememberPreviewProblems(dir, source, files);
  context.meta.set('preview-problems', formatProblems(files.flatMap((entry) => entry.problems)));
}

/** Re-run `sync` when any file of the content folder changes in `astro dev`. */
function watchContent(context: LoaderContext, dir: string, sync: () => Promise<void>): void {
  const { watcher } = context;
  if (!watcher) return;
  watcher.add(dir);
  let pending: ReturnType<typeof setTimeout> | undefined;
  const onChange = (path: string) => {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel.startsWith('..')) return;
    if (!registryFiles.includes(rel) && !rel.startsWith(`${articlesFolder}/`)) return;
    clearTimeout(pending);
    // Editors save several files at once (git checkout); one sync for the burst.
    pending = setTimeout(() => void sync().catch((error: unknown) => context.logger.error(String(error))), 100);
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', onChange);
}

/** The collection of one entry, `registry`: site.yaml, units.yaml and columns.yaml, validated. */
export function registryLoader(): Loader & { schema: typeof storedRegistrySchema } {
  return {
    name: 'bulletin-registry',
    schema: storedRegistrySchema,
    load: async (context) => {
      const dir = contentDir();
      const sync = async () => {
        const { registry, problems } = loadRegistry(dir);
        report(context, 'registry', problems, dir);
        if (!registry) return;
        const data: StoredRegistry = { site: registry.site, units: registry.units, columns: registry.columns };
        context.store.set({ id: 'registry', data, digest: context.generateDigest(data) });
      };
      await sync();
      watchContent(context, dir, sync);
    },
  };
}

/**
 * The collection of articles, one entry per article keyed by its slug. Validation is the
 * project's own schema from src/lib (not Astro's), so messages name the file, line and field in
 * Chinese; rendering is Astro's configured Markdown processor. Drafts are stored in `astro dev`
 * only, so no page, listing or feed of a build can show one.
 */
export function articleLoader(): Loader & { schema: typeof storedArticleSchema } {
  return {
    name: 'bulletin-articles',
    schema: storedArticleSchema,
    load: async (context) => {
      const dir = contentDir();
      const root = fileURLToPath(context.config.root);
      const cacheDir = fileURLToPath(context.config.cacheDir);
      const bodies = join(cacheDir, context.watcher ? 'article-bodies-dev' : 'article-bodies');
      const sync = async () => {
        // The registry loader reports registry problems; without registries no article can be read.
        const { registry } = loadRegistry(dir);
        if (!registry) return;
        const memo = new SavedFrontmatterMemo(join(cacheDir, 'frontmatter-memo.json'), registry);
        const { articles, problems, strayFiles } = readArticles(dir, registry, memo);
        memo.save();
        report(context, 'articles', problems, dir);
        rememberLoaderRead(dir, { registry, articles, strayFiles });
        // Drafts are for the local preview only; `astro dev` is the one run with a watcher.
        const wanted = context.watcher ? articles : articles.filter((article) => !article.draft);
        // A change to the registries can change every article's data; it is part of each digest.
        const registryDigest = context.generateDigest(
          JSON.stringify(registry.units) + JSON.stringify(registry.columns) + renderingDigest(),
        );
        const untouched = new Set(context.store.keys());
        const files = bodyFiles(bodies);
        for (const article of wanted) {
          untouched.delete(article.slug);
          await storeArticle(context, dir, root, article, registryDigest, files);
        }
        for (const id of untouched) {
          context.store.delete(id);
          forgetBody(id);
        }
        await files.finish();
        // A build reads once. Its pages show the rendered bodies (src/data.ts) and the search
        // index took its own copy of the articles when this reading was handed to it
        // (pagefind.ts, index-worker.ts): the Markdown, most of what the reading holds (some
        // 180 MB at 50,000 articles), is of no more use. `astro dev` renders bodies later.
        if (!context.watcher) for (const article of articles) article.body = '';
      };
      await sync();
      watchContent(context, dir, sync);
    },
  };
}

/**
 * The code an article's rendering depends on: the remark and rehype plugins, the configuration
 * that lists them and the UI's words they use (footnote labels), and the packages' versions.
 * A rendering kept from a build with other code is never reused; without the sources, none is.
 */
function renderingDigest(): string {
  const hash = createHash('sha256');
  try {
    // The plugins, and the text helpers they use (invisible characters).
    hashSources(hash, new URL('../plugins/', import.meta.url));
    hashSources(hash, new URL('../lib/text/', import.meta.url));
    for (const file of ['../../astro.config.mjs', '../lib/i18n.ts']) hash.update(readFileSync(new URL(file, import.meta.url)));
  } catch {
    hash.update(String(Date.now()));
  }
  return hash.digest('hex');
}

/** What an entry holds; a change makes every cached entry stale. */
const storedLayout = 'digest only; rendering only with pictures, else in a body file';

async function storeArticle(
  context: LoaderContext,
  dir: string,
  root: string,
  article: Article,
  registryDigest: string,
  bodies: BodyFiles,
): Promise<void> {
  const file = join(dir, article.sourcePath);
  // The article as read and validated already holds everything stored and rendered: no second read of the file.
  const digest = context.generateDigest(`${storedLayout}\n${registryDigest}\n${JSON.stringify(article)}`);
  const existing = context.store.get(article.slug);
  if (existing?.digest === digest && (existing.rendered || bodies.reuse(article.slug, digest))) {
    // An unchanged entry comes from Astro's cache; its pictures must still be handed to the
    // image pipeline on this run, as Astro's own glob loader does (the public type omits it).
    const store = context.store as typeof context.store & { addAssetImports?: (assets: string[], filePath?: string) => void };
    if (existing.assetImports?.length) store.addAssetImports?.(existing.assetImports, existing.filePath);
    return;
  }
  // The empty frontmatter keeps a body that starts with a `---` rule from being read as YAML.
  const render = () => context.renderMarkdown(`---\n---\n${withCover(article)}`, { fileURL: pathToFileURL(file) });
  // No data: the pages take each article from the loader's reading (src/data.ts). Astro writes
  // the whole store to disk after every sync and embeds it in the build's bundle, and for
  // 10,000 articles' fields that cost seconds of every rebuild; an entry says what to render.
  const data: StoredArticle = {};
  const entry = { id: article.slug, data, filePath: relative(root, file).split(sep).join('/'), digest };
  if (context.watcher && !mayHavePictures(article)) {
    bodies.later(article.slug, digest, async () => (await render()).html);
    context.store.set(entry);
    return;
  }
  const rendered = await render();
  const pictures = rendered.metadata?.imagePaths ?? [];
  // A body with pictures stays in the store, where Astro's image pipeline finds them; others go to a file (article-bodies.ts).
  if (pictures.length > 0) forgetBody(article.slug);
  else await bodies.save(article.slug, digest, rendered.html);
  context.store.set({ ...entry, ...(pictures.length > 0 ? { rendered, assetImports: pictures } : {}) });
}

/**
 * Whether rendering could find pictures for Astro's image pipeline, which must be handed them
 * when the entry is stored: a cover, a Markdown image or an HTML one. A false alarm only means
 * the body is rendered at once, as in a build.
 */
function mayHavePictures(article: Article): boolean {
  return Boolean(article.cover) || /!\[|<img|<picture|<source/i.test(article.body);
}
