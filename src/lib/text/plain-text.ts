import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { htmlToText } from './html.ts';

/**
 * The text a reader reads in a Markdown body: one line per block (paragraph, heading, list
 * item, table cell), markup and raw HTML tags left out, picture descriptions kept.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      const text = htmlToText(node.value).replace(/\s+/g, ' ').trim();
      if (text) lines.push(text);
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code') {
      const text = htmlToText(toString(node, { includeImageAlt: true })).replace(/\s+/g, ' ').trim();
      if (text) lines.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(markdown));
  return lines.join('\n');
}
