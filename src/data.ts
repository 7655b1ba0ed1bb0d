import { getCollection, type CollectionEntry } from 'astro:content';
import { buildBulletin, type Bulletin } from './lib/bulletin/bulletin.ts';
import { createKeyedPath } from './lib/bulletin/page-keys.ts';
import { withLookups, type SiteConfig } from './lib/content/registries.ts';
import { basePath, createRoutes, type Routes } from './lib/bulletin/routes.ts';
import { loaderRead } from './integrations/content-snapshot.ts';
import { previewProblems, type PreviewProblems } from './integrations/preview-problems.ts';
import { contentDir } from './lib/files/paths.ts';
import { isUsableTrustedFolder } from './lib/content/special-pages.ts';

/** Whether the correspondents' form (/admin/) edits this computer's content folder (in `astro dev`, never in a build), and through which port. */
export { cmsLocal, localHelperPort } from './integrations/cms-mode.ts';

/**
 * What every page may show besides its own props: site.yaml, the units and columns, and the
 * URLs, all made from what each page's cache key covers (see `keyedPath`). Layouts and components
 * read this and their props, never the bulletin (test/unit/page-reads.test.ts).
 */
export interface SiteWide {
  site: SiteConfig;
  unitBySlug: Bulletin['unitBySlug'];
  columnBySlug: Bulletin['columnBySlug'];
  /** URLs under the path site.yaml's url publishes the site at. */
  routes: Routes;
  /** In `astro dev`, the files whose errors keep them off the site; in a build, none (errors stop it). */
  problems: PreviewProblems[];
}

/** The bulletin and, for each article, the collection entry that renders its body. */
export interface SiteData extends SiteWide {
  bulletin: Bulletin;
  entries: Map<string, CollectionEntry<'articles'>>;
  /** Editors' special pages (专题), in their order, for the home page. */
  specialPages: { title: string; description?: string; href: string }[];
  /**
   * A path of getStaticPaths whose page Astro's incremental build may reuse: its cache key is
   * made from the props the page is given and the site-wide data, so a page whose key is
   * unchanged shows nothing new.
   */
  keyedPath: ReturnType<typeof createKeyedPath>;
  /**
   * In `astro dev`, the addresses of articles that have errors and so no page, each with the
   * files that ask for it: the preview shows their problems there instead of “not found”.
   */
  brokenArticles: Map<string, PreviewProblems[]>;
}

/**
 * Editors' special pages, read only where site.yaml trusts a folder with them: Astro warns, in
 * English and on every build, of a collection that is empty, and most bulletins have none.
 */
export async function specialPageEntries(site: SiteConfig): Promise<CollectionEntry<'pages'>[]> {
  return site.trustedMdx.some(isUsableTrustedFolder) ? getCollection('pages') : [];
}

let built: Promise<{ data: SiteData; siteWide: SiteWide }> | undefined;

function loaded(): Promise<{ data: SiteData; siteWide: SiteWide }> {
  if (import.meta.env.DEV || !built) built = load();
  return built;
}

/**
 * The bulletin as the pages see it, for getStaticPaths and for the pages Astro renders on every
 * build (those without a cache key). Built once per build (every page shares it); rebuilt on
 * each request in dev, where content changes under the server.
 */
export async function getSiteData(): Promise<SiteData> {
  return (await loaded()).data;
}

/** The site-wide data alone: all that layouts, components and cached pages read besides their props. */
export async function getSiteWide(): Promise<SiteWide> {
  return (await loaded()).siteWide;
}

async function load(): Promise<{ data: SiteData; siteWide: SiteWide }> {
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
  // Made from the registries and the base path alone, which every page's key covers; the preview's problems are not, and no build has any.
  const siteWide: SiteWide = {
    site: registry.site,
    unitBySlug: bulletin.unitBySlug,
    columnBySlug: bulletin.columnBySlug,
    routes,
    problems,
  };
  const data: SiteData = {
    ...siteWide,
    bulletin,
    brokenArticles: brokenArticles(problems, new Set(bulletin.articles.map((article) => article.slug))),
    keyedPath: createKeyedPath({ site: registry.site, units: registry.units, columns: registry.columns, base: routes.home() }),
    entries: new Map(published.map((entry) => [entry.id, entry])),
    specialPages: (await specialPageEntries(registry.site))
      .sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || a.id.localeCompare(b.id))
      .map((page) => ({
        title: page.data.title,
        ...(page.data.description ? { description: page.data.description } : {}),
        href: routes.special(page.id),
      })),
  };
  return { data, siteWide };
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
