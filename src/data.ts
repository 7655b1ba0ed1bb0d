import { getCollection, type CollectionEntry } from 'astro:content';
import { buildBulletin, type Bulletin } from './lib/bulletin/bulletin.ts';
import { createPageKey, type PageKey } from './lib/bulletin/page-keys.ts';
import { withLookups } from './lib/content/registries.ts';
import { basePath, createRoutes, type Routes } from './lib/bulletin/routes.ts';
import { loaderRead } from './integrations/content-snapshot.ts';
import { previewProblems, type PreviewProblems } from './integrations/preview-problems.ts';
import { contentDir } from './lib/files/paths.ts';

/** The bulletin and, for each article, the collection entry that renders its body. */
export interface SiteData {
  bulletin: Bulletin;
  entries: Map<string, CollectionEntry<'articles'>>;
  /** URLs under the path site.yaml's url publishes the site at. */
  routes: Routes;
  /** Editors' special pages (专题), in their order, for the home page. */
  specialPages: { title: string; description?: string; href: string }[];
  /** The cache key of a page for incremental builds, from what it shows beyond its template. */
  pageKey: PageKey;
  /** In `astro dev`, the files whose errors keep them off the site; in a build, none (errors stop it). */
  problems: PreviewProblems[];
  /**
   * In `astro dev`, the addresses of articles that have errors and so no page, each with the
   * files that ask for it: the preview shows their problems there instead of “not found”.
   */
  brokenArticles: Map<string, PreviewProblems[]>;
}

let built: Promise<SiteData> | undefined;

/**
 * The bulletin as the pages see it. Built once per build (every
 * page shares it); rebuilt on each request in dev, where content changes under the server.
 */
export function getSiteData(): Promise<SiteData> {
  if (import.meta.env.DEV || !built) built = load();
  return built;
}

async function load(): Promise<SiteData> {
  const [registryEntry] = await getCollection('registry');
  if (!registryEntry) throw new Error('registry collection is empty: the content folder did not load');
  const registry = withLookups(registryEntry.data);
  // The loader keeps drafts out of builds; in dev they are here, and pages mark them.
  const published = await getCollection('articles');
  const routes = createRoutes(basePath(registry.site.url));
  // The store says which articles to show and holds their digests; the articles themselves are
  // the loader's reading, in this process (content-loaders.ts). An entry whose article a newer
  // reading no longer has (an edit in dev, between two steps of the loader) is left out.
  const read = loaderRead(contentDir());
  if (!read) throw new Error('内容加载器还没有读过内容文件夹：这是网站程序的错误。');
  const bySlug = new Map(read.articles.map((article) => [article.slug, article]));
  // The pages show a body's rendering, never its Markdown; its digest keys the pages instead.
  const articles = published.flatMap((entry) => {
    const article = bySlug.get(entry.id);
    return article ? [{ ...article, body: '', bodyDigest: (entry as { digest?: string }).digest }] : [];
  });
  const bulletin = buildBulletin(registry, articles);
  const problems = import.meta.env.DEV ? previewProblems(contentDir()) : [];
  return {
    bulletin,
    problems,
    brokenArticles: brokenArticles(problems, new Set(bulletin.articles.map((article) => article.slug))),
    pageKey: createPageKey({ site: registry.site, units: registry.units, columns: registry.columns, base: routes.home() }),
    entries: new Map(published.map((entry) => [entry.id, entry])),
    routes,
    specialPages: (await getCollection('pages'))
      .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.id.localeCompare(b.id))
      .map((page) => ({ title: page.data.title, ...(page.data.description ? { description: page.data.description } : {}), href: routes.special(page.id) })),
  };
}

/** The problems of articles that asked for an address no article has, by that address. */
function brokenArticles(problems: readonly PreviewProblems[], taken: ReadonlySet<string>): Map<string, PreviewProblems[]> {
  const bySlug = new Map<string, PreviewProblems[]>();
  for (const entry of problems) {
    if (entry.slug === undefined || taken.has(entry.slug)) continue;
    bySlug.set(entry.slug, [...(bySlug.get(entry.slug) ?? []), entry]);
  }
  return bySlug;
}
