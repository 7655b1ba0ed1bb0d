import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** The text of an HTML fragment as a reader sees it (the browser's innerText): tags, scripts and styles left out, entities read. */
export function htmlToText(html: string): string {
  return toText(fromHtml(html, { fragment: true }));
}
