import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Put a root-relative URL (/articles/x/) under the site's base path, unless it is there already. */
export function withBase(url: string, base: string): string {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//') || url.startsWith(base)) return url;
  return `${base}${url.slice(1)}`;
}

/**
 * Writers link to other pages of the site as /articles/x/; when the site is published under a
 * path (/dangjian/), those links must be under it too, or they lead off the site.
 */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: Root) => {
    if (options.base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const property of ['href', 'src'] as const) {
        const value = node.properties[property];
        if (typeof value === 'string') node.properties[property] = withBase(value, options.base);
      }
    });
  };
}
