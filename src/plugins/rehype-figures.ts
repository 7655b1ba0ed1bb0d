import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * A picture on a line of its own becomes a figure with its caption, as in print: the caption is
 * the picture's title (![说明](a.jpg "图注")) or, failing that, its description.
 */
export function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const caption = String(image.properties['title'] ?? image.properties['alt'] ?? '').trim();
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: caption
          ? [image, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] }]
          : [image],
      };
      parent.children[index] = figure;
    });
  };
}
