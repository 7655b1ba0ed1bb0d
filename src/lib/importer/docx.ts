import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';

// A soft line break (Shift+Enter) is a line end: the page reader then joins the lines, or starts a
// paragraph where the next line is indented (下一步 after a typed 　　).
const textOf = (node: Nodes): string =>
  node.type === 'element' && node.tagName === 'br'
    ? '\n'
    : 'value' in node && typeof node.value === 'string'
      ? node.value
      : 'children' in node
        ? node.children.map(textOf).join('')
        : '';

/** A paragraph's text: runs of spaces as one, its own lines kept, and the indent a line was typed with. */
const paragraphText = (text: string) =>
  text
    .split('\n')
    .map((line, index) => (index === 0 ? line.trim() : line.trimEnd()).replace(/(?<=\S)[ \t\r\f\v]+/gu, ' '))
    .filter((line) => line.trim())
    .join('\n');

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
        const text = paragraphText(textOf(element));
        if (text) blocks.push(heading ? `${'#'.repeat(Number(heading[1]))} ${text}` : text);
        return;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return `${blocks.join('\n\n')}\n`;
}
