import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withoutInvisible } from '../lib/text/invisible.ts';

/**
 * Drop invisible characters from an article's text and attribute values. The file's own are
 * gone before it is parsed (articles.ts); these come from entities (&#x202E;), which decode to
 * characters the writer never saw: a bidirectional control must never reach a page.
 */
export function rehypeVisibleText() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text') node.value = withoutInvisible(node.value);
      if (node.type === 'element') {
        for (const name in node.properties) {
          const value = node.properties[name];
          if (typeof value === 'string') node.properties[name] = withoutInvisible(value);
        }
      }
    });
  };
}
