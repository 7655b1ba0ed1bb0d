// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { cms } from './src/integrations/cms.ts';
import { buildReport } from './src/integrations/build-report.ts';
import { pagefindFolder, pagefindSearch } from './src/integrations/pagefind.ts';
import { reusePages } from './src/integrations/reuse-pages.ts';
import { sortedSitemap } from './src/integrations/sitemap.ts';
import { contentStoreStorage } from './src/lib/content/store-storage.ts';
import { contentDir } from './src/lib/files/paths.ts';
import { loadRegistry } from './src/lib/content/registries.ts';
import { basePath } from './src/lib/bulletin/routes.ts';
import { ui } from './src/lib/i18n.ts';
import { rehypeArticleIds } from './src/plugins/rehype-article-ids.ts';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.ts';
import { rehypeFigures } from './src/plugins/rehype-figures.ts';
import { rehypeVisibleText } from './src/plugins/rehype-visible-text.ts';
import { remarkCjkBreaks } from './src/plugins/remark-cjk-breaks.ts';
import { articleSanitizeSchema } from './src/plugins/sanitize-schema.ts';
import { rehypeCurrentHtml } from './src/plugins/rehype-current-html.ts';

const content = contentDir();
// Canonical URLs come from site.yaml; when it is broken, the content loader reports why.
const site = loadRegistry(content).registry?.site.url ?? 'http://localhost:4321';

// Astro caches the content store between builds; one cache per content folder keeps builds of
// different bulletins (the sample, test fixtures, BULLETIN_CONTENT_DIR) from sharing entries.
const cacheKey = createHash('sha256').update(content).digest('hex').slice(0, 12);

/** @type {[typeof rehypeExternalLinks, import('rehype-external-links').Options]} */
const outsideLinks = [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }];
const base = basePath(site);
/** @type {[typeof rehypeBaseLinks, { base: string }]} */
const baseLinks = [rehypeBaseLinks, { base }];

// The content store is one file unless pictures could make it too long for one string (store-storage.ts).
const storage = contentStoreStorage(content);

export default defineConfig({
  site,
  // A site published under a path (https://example.cn/dangjian/) gets every URL under it.
  base,
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  trailingSlash: 'ignore',
  // Styles always in files, never inline: the site works under a Content-Security-Policy without 'unsafe-inline'.
  // Four pages rendered at a time: a page waits on its files being written, and one at a time
  // left the build idle for a fifth of its time (1,000 articles: 0.89 of the wall time).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkCjkBreaks],
      // Raw HTML is parsed here, not after these plugins as Astro would, so that sanitising sees
      // every element a correspondent wrote: no script, handler or javascript: link survives.
      rehypePlugins: [
        rehypeRaw,
        [rehypeSanitize, articleSanitizeSchema],
        rehypeCurrentHtml,
        rehypeVisibleText,
        rehypeArticleIds,
        rehypeFigures,
        outsideLinks,
        baseLinks,
      ],
      // Footnote ids are left bare here: the sanitiser prefixes every id once (rehype-article-ids.ts).
      remarkRehype: {
        clobberPrefix: '',
        footnoteLabel: ui.article.footnotes,
        footnoteBackLabel: (/** @type {number} */ referenceIndex, /** @type {number} */ rereferenceIndex) =>
          ui.article.footnoteBack(referenceIndex + 1, rereferenceIndex),
      },
      // Chinese text has its own quotes and dashes; SmartyPants would turn "" and -- into English ones.
      smartypants: false,
    }),
  },
  integrations: [
    // Special pages in MDX come only from folders editors trust with code; sanitising would
    // strip their components, so they get the typography and link rules without it.
    mdx({
      processor: unified({
        remarkPlugins: [remarkCjkBreaks],
        rehypePlugins: [rehypeCurrentHtml, outsideLinks, baseLinks],
        smartypants: false,
      }),
    }),
    // The correspondents' form (/admin/) is no page of the bulletin.
    sortedSitemap(sitemap({ filter: (page) => !/\/(?:stats|admin)\/$/.test(page) })),
    // Before the index and the report: they must see dist/ without pages of deleted articles.
    // The index is brought up to date in place (search-shards.ts's publishIndex).
    reusePages({ reconciled: [pagefindFolder] }),
    // After reusePages, which removes from dist/ what this build did not write: Decap's files are copied, not written.
    cms(),
    pagefindSearch(),
    // Last, so that its check and its summary see everything the others wrote.
    buildReport(),
  ],
  // Editors rebuild after every merged article: pages whose cache key (src/lib/bulletin/page-keys.ts) and
  // code are unchanged are copied from the last build instead of rendered again.
  experimental: { incrementalBuild: true, collectionStorage: storage },
  vite: {
    // The content folder may live outside the project (BULLETIN_CONTENT_DIR): let Vite read its images.
    server: { fs: { allow: ['.', content] } },
    // Scripts and pictures always as files, never inlined: the CSP allows no inline script or data: URL.
    build: { assetsInlineLimit: 0 },
    environments: {
      client: {
        build: {
          rollupOptions: {
            // BaseLayout.<hash>.js, not BaseLayout.astro_astro_type_script_index_0_lang.<hash>.js:
            // every page names its script, and the name is bytes every reader downloads.
            output: { entryFileNames: (chunk) => `_astro/${chunk.name.split('.')[0]}.[hash].js` },
          },
        },
      },
    },
  },
});
