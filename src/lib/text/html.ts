import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { stringifyEntities } from 'stringify-entities';

/** The text of an HTML fragment as a reader sees it (the browser's innerText): tags, scripts and styles left out, entities read. */
export function htmlToText(html: string): string {
  return toText(fromHtml(html, { fragment: true }));
}

/**
 * HTML attributes whose values are escaped whole: quotes, &, and < and > too, which Astro leaves
 * as they are in attribute values. A title or summary in a <meta> tag then stays text whatever
 * a later template does with it (no raw <img …> in any attribute).
 */
export function htmlAttributes(attributes: Readonly<Record<string, string>>): string {
  return Object.entries(attributes)
    .map(([name, value]) => `${name}="${stringifyEntities(value, { escapeOnly: true, useNamedReferences: true })}"`)
    .join(' ');
}
