import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Attributes HTML has made obsolete, which pasted HTML (Word, web pages) and Markdown tables
 * still bring: presentation belongs to the stylesheet, and inline styles cannot take their
 * place under the site's Content-Security-Policy. A page carrying them is not valid HTML.
 */
const obsolete = [
  'align',
  'vAlign',
  'width',
  'height',
  'border',
  'cellPadding',
  'cellSpacing',
  'bgColor',
  'noWrap',
  'hSpace',
  'vSpace',
  'clear',
  'frame',
  'rules',
  'compact',
  'noShade',
  'char',
  'charOff',
  'axis',
  'color',
  'face',
  'size',
];

/** Elements where a width or height is still current HTML (a picture's own size). */
const sized = new Set(['img', 'video', 'canvas', 'iframe', 'embed', 'object', 'source']);

/** Where an alignment is kept (a table cell's, a pasted centred paragraph's), as a class the stylesheet knows (global.css). */
const alignments = new Set(['left', 'center', 'right']);

/**
 * What the sanitiser lets through, made current HTML: an alignment (a Markdown table's `| ---: |`,
 * Word's <p align=center>) becomes a class; other obsolete attributes are dropped; a picture whose
 * address the sanitiser removed (data:, javascript:) shows nothing, and gives way to its
 * description; a picture without a description gets an empty one, as HTML asks of every <img>.
 */
export function rehypeCurrentHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'img' && !node.properties['src'] && parent && index !== undefined) {
        // What the writer said the picture shows stays, as the text a reader reads in its place.
        const description = String(node.properties['alt'] ?? '').trim();
        parent.children.splice(index, 1, ...(description ? [{ type: 'text' as const, value: description }] : []));
        return [SKIP, index];
      }
      if (node.tagName === 'img') node.properties['alt'] ??= '';
      const align = String(node.properties['align'] ?? '').toLowerCase();
      if (alignments.has(align)) {
        const classes = Array.isArray(node.properties['className']) ? node.properties['className'] : [];
        node.properties['className'] = [...classes, `align-${align}`];
      }
      for (const name of obsolete) {
        if ((name === 'width' || name === 'height') && sized.has(node.tagName)) continue;
        delete node.properties[name];
      }
      return undefined;
    });
  };
}
