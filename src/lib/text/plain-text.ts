import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { stringifyEntities } from 'stringify-entities';
import { htmlToText } from './html.ts';
import { withoutInvisible } from './invisible.ts';

/** Whether a block holds raw HTML anywhere in it. */
function hasHtml(node: Nodes): boolean {
  return node.type === 'html' || ('children' in node && node.children.some(hasHtml));
}

/** The text of inline Markdown with its picture descriptions, as HTML when `asHtml` (raw HTML kept, text escaped). */
function inlineText(node: Nodes, asHtml: boolean): string {
  const text = (value: string) => (asHtml ? stringifyEntities(value, { escapeOnly: true }) : value);
  if (node.type === 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return text(node.alt ?? '');
  if ('value' in node) return text(node.value);
  return 'children' in node ? node.children.map((child) => inlineText(child, asHtml)).join('') : '';
}

/**
 * A block's text as a reader sees it. Raw HTML is read with the block's text as a whole, as a
 * browser reads it: a <script> opened in one node and closed in another still hides what lies between.
 */
function blockText(node: Nodes): string {
  return hasHtml(node) ? htmlToText(inlineText(node, true)) : inlineText(node, false);
}

/**
 * The text a reader reads in a Markdown body: one line per block (paragraph, heading, list
 * item, table cell), markup and raw HTML tags left out, picture descriptions kept.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html' || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code') {
      const text = blockText(node).replace(/\s+/g, ' ').trim();
      if (text) lines.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(markdown));
  // An entity (&#x202E;) decodes to a character the file never showed: none reaches the index.
  return withoutInvisible(lines.join('\n'));
}
