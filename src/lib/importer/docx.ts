import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';

const textOf = (node: Nodes): string => ('value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');

/**
 * A Word document as page text: its headings (Word's 标题 1–6 styles) as # headings, every other
 * paragraph as a paragraph, a blank line between them, so the same importer reads it.
 */
export async function docxToPageText(buffer: Buffer): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const blocks: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const element = node as Element;
      const heading = /^h([1-6])$/.exec(element.tagName);
      if (heading || element.tagName === 'p' || element.tagName === 'li') {
        const text = textOf(element).replace(/\s+/g, ' ').trim();
        if (text) blocks.push(heading ? `${'#'.repeat(Number(heading[1]))} ${text}` : text);
        return;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return `${blocks.join('\n\n')}\n`;
}
