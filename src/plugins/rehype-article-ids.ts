import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { articleSanitizeSchema } from './sanitize-schema.ts';

/** What every id (and name) from an article's content starts with: the sanitiser's own prefix (GitHub's). */
export const articleIdPrefix = articleSanitizeSchema.clobberPrefix ?? '';

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Keep an article's ids from clobbering the page's own (main, search, a script's getElementById):
 * raw HTML's ids and names are prefixed by the sanitiser already; this gives headings their ids
 * with the same prefix (Astro would add bare slugs after every plugin, 小标题 → id="search"), and
 * points the article's own #links, footnotes included, at the prefixed ids.
 */
export function rehypeArticleIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    const fragmentLinks: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (headings.has(node.tagName) && typeof node.properties.id !== 'string')
        node.properties.id = articleIdPrefix + slugger.slug(toText(node));
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && !href.startsWith(`#${articleIdPrefix}`))
        fragmentLinks.push(node);
    });
    // A link may come before its target: they are pointed once every id is known.
    // As written first: footnote ids keep their labels percent-encoded (#fn-%E6%B3%A8), headings do not.
    for (const link of fragmentLinks) {
      const fragment = String(link.properties.href).slice(1);
      const target = [articleIdPrefix + fragment, articleIdPrefix + safeDecode(fragment)].find((id) => ids.has(id));
      if (target) link.properties.href = `#${target}`;
    }
  };
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
